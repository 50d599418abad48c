"""Who a quote's source is: the entity a name, a title or a pronoun stands for.

A source mention is resolved in the order a reader would: a name is its entity ("Ryabkov");
a relative pronoun is the noun it attaches to ("Lavrov, who characterized ..."); a personal
pronoun is the last person named before it outside quotation marks ("he said" after a
paragraph about Alexander Gabuev); "I" outside quotation marks is the bylined writer; a
title is the person the story gave that title ("the foreign minister" after "Foreign
Minister Sergey Lavrov"), its head noun heading their role.

A nationality, party or place that only describes the speaker is never the speaker: "the
Norwegian foreign minister" is no "Norwegian", "a Florida official" no "Florida" (see
`can_speak`). A source no entity stands for is named by its own words ("the poll", "an
architect" for "an architect who said"), and a pronoun or verb that resolves to nobody by
nothing (`source_name`): a reader is better served by "unknown" than by "he" or "Keeps".

Some sources stand for several people: a coordination ("Pompeo and Lavrov said"), or a
reciprocal or plural word after one ("In the call between Pompeo and Lavrov, each
accused ...", "Both men said", "the two ministers agreed"). `resolve_speakers` gives all of
them; such a quote has no one `speaker` and names them all in `speaker_name` (see
`model.Quote`).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token
from spacy.tokens import Span as Tokens

from newsgraph.annotate.quotes.discourse import Discourse
from newsgraph.model import Entity, Span

PERSONAL = frozenset({"he", "she", "him", "her"})
GROUP = frozenset({"they", "them", "it", "we"})
RELATIVE = frozenset({"who", "which", "that", "whom"})


def resolve_speakers(
    source: Span, doc: Doc, entities: Sequence[Entity], quoted: Sequence[Span],
    discourse: Discourse | None = None,
) -> tuple[Entity, ...]:
    """Every entity `source` stands for, in text order: one for a name, title or pronoun,
    several for a group ("Pompeo and Lavrov", "each", "both men"); () when unclear."""
    tokens = doc.char_span(*source, alignment_mode="expand")
    if tokens is None or not len(tokens):
        return ()
    group = _coordinated(tokens.root, entities) or _group(tokens, entities, quoted)
    if group:
        return group
    one = resolve_speaker(source, doc, entities, quoted, discourse)
    return (one,) if one is not None else ()


def speaker_names(speakers: Sequence[Entity]) -> str | None:
    """"Mike Pompeo", "Mike Pompeo and Sergey Lavrov", "A, B and C"; None for nobody."""
    names = [e.name for e in speakers]
    if len(names) < 2:
        return names[0] if names else None
    return ", ".join(names[:-1]) + " and " + names[-1]


def resolve_speaker(
    source: Span, doc: Doc, entities: Sequence[Entity], quoted: Sequence[Span],
    discourse: Discourse | None = None,
) -> Entity | None:
    """The entity that `source` (a span of the body) refers to, or None when unclear.
    `discourse` (built from the same arguments when not given) resolves "he" and "she"."""
    tokens = doc.char_span(*source, alignment_mode="expand")
    if tokens is None or not len(tokens):
        return None
    root = tokens.root
    word = root.lower_
    named = _entity_at(root.idx, entities)
    if named is not None:
        # "The Republican said": a party or a nation in the singular is a person's title.
        return named if can_speak(named) else _by_title(source[0], tokens, entities, True)
    if word in RELATIVE:
        antecedent = _antecedent(root)
        if antecedent is None:
            return None
        found = _entity_at(antecedent.idx, entities)
        if found is not None:
            return found if can_speak(found) else None
        return _by_title(antecedent.idx, _phrase(antecedent), entities)
    if word in PERSONAL:
        if discourse is None:
            discourse = Discourse(doc, entities, quoted)
        return discourse.person(root.i)
    if word in GROUP:
        return _last_before(source[0], entities, quoted, ("ORG", "NORP", "PLACE"))
    if word in FIRST_PERSON:
        return _writer(entities)
    if root.pos_ in ("NOUN", "PROPN"):
        titled = _by_title(source[0], tokens, entities)
        if titled is not None:
            return titled
    return _modifier(source, entities)


def source_name(source: Span, doc: Doc) -> str | None:
    """What to call a source no entity stands for: its words ("the poll", "an architect"
    for "an architect who said"), or None for a pronoun or a word that names no one ("he",
    "I", "it", a verb the parser took for a subject)."""
    tokens = doc.char_span(*source, alignment_mode="expand")
    if tokens is None or not len(tokens):
        return None
    root = tokens.root
    if root.lower_ in RELATIVE:
        antecedent = _antecedent(root)
        return _phrase(antecedent).text if antecedent is not None else None
    if root.lower_ in PRONOUNS or root.pos_ in ("ADP", "PART"):
        return None
    if root.pos_ in ("VERB", "AUX") and (root.tag_ in INFLECTED or not root.is_title):
        return None  # "Keeps saying ...": a verb; a capitalised "Trump" tagged VB is a name
    if len([t for t in tokens if not t.is_punct]) == 1 and root.pos_ in ("PRON", "DET", "NUM", "ADJ"):
        return None  # "some", "many", "someone"; "those close to him" describes
    if len(tokens.text) == 1:
        return None  # an interview's "Q:" and "A:"
    return tokens.text


# Inflected verb tags, which a name never has: "Keeps", "Hosting", "Said".
INFLECTED = frozenset({"VBZ", "VBD", "VBG", "VBN"})
# First-person sources outside quotation marks are the writer's ("I spoke to experts").
FIRST_PERSON = frozenset({"i", "me", "my"})
# Pronouns that are no name for a reader when they resolve to nobody.
PRONOUNS = PERSONAL | GROUP | RELATIVE | FIRST_PERSON | frozenset(
    {"you", "us", "'s", "’s", "one", "this", "these", "those", "there"}
)


def can_speak(entity: Entity) -> bool:
    """Whether an entity can be a speaker: not a nationality, party or religion used as a
    word of description ("the Norwegian foreign minister", "Democratic"), only the group
    in the plural ("Democrats", "Norwegians")."""
    if entity.type != "NORP":
        return True
    name = entity.name.rstrip(".")
    return name.endswith("s") and not name.endswith("ss")


def _antecedent(pronoun: Token) -> Token | None:
    """The noun a relative pronoun attaches to: the head of its clause ("an architect who
    said"), else the noun just before it ("the department, which reported")."""
    if pronoun.head.dep_ in ("relcl", "acl") and pronoun.head.head.i < pronoun.i:
        return pronoun.head.head
    i = pronoun.i - 1
    while i >= 0 and pronoun.doc[i].is_punct and pronoun.i - i <= 2:
        i -= 1
    if i >= 0 and pronoun.doc[i].pos_ in ("NOUN", "PROPN"):
        return pronoun.doc[i]
    return None


def _phrase(noun: Token) -> Tokens:
    """A noun with the words before it in its phrase: "an architect", "the Chicago Police
    Department"."""
    doc = noun.doc
    start = noun.left_edge.i
    while start < noun.i and doc[start].sent.start != noun.sent.start:
        start += 1
    return doc[start : noun.i + 1]


def _writer(entities: Sequence[Entity]) -> Entity | None:
    """The story's one bylined author, who "I" is outside quotation marks."""
    authors = [e for e in entities if e.type == "PERSON" and e.role == "author"]
    return authors[0] if len(authors) == 1 else None


def _modifier(source: Span, entities: Sequence[Entity]) -> Entity | None:
    """A person or organisation named inside a source whose head is no name: "Trump's
    spokeswoman", "a State Department official". A nationality or a place there only
    describes ("the Norwegian foreign minister", "a Florida official"): nobody."""
    overlapping = [
        entity
        for entity in entities
        for start, end in entity.mentions
        if start < source[1] and end > source[0]
    ]
    for types in (("PERSON",), ("ORG",)):
        found = [e for e in overlapping if e.type in types]
        if found:
            return found[0]
    return None


def _last_before(
    at: int, entities: Sequence[Entity], quoted: Sequence[Span], types: tuple[str, ...]
) -> Entity | None:
    best: tuple[int, Entity] | None = None
    for entity in entities:
        if entity.type not in types or not can_speak(entity):
            continue
        for start, end in entity.mentions:
            if end > at or any(s <= start < e for s, e in quoted):
                continue
            if best is None or start > best[0]:
                best = (start, entity)
    return best[1] if best else None


def _by_title(
    at: int, title: Tokens, entities: Sequence[Entity], anywhere: bool = False
) -> Entity | None:
    """The person the story gave the title `title` before `at` ("the foreign minister" after
    "Foreign Minister Sergey Lavrov", "The Republican presidential nominee").

    The title's head noun must head the person's role ("minister" heads "Russian Foreign
    Minister"; "campaign" does not head "Trump campaign spokeswoman"), or, `anywhere`, be
    in it ("The Republican"); its capitalised words ("Republican", "Florida") must be in the
    role too, and so must the surnames the title names ("a spokeswoman for Hillary Clinton"
    is no one but Clinton's). Of several, the one whose role shares most words, the latest
    named on a tie."""
    head = title.root.lower_
    words = {t.lower_ for t in title if t.is_alpha and t.pos_ != "DET"}
    required = {t.lower_ for t in title if t.is_alpha and t.is_title and t != title.root
                and not t.is_sent_start and t.pos_ != "DET"}
    named = {e.name.split()[-1].lower() for e in _overlapping(title, entities)
             if e.type in ("PERSON", "ORG")}
    best: tuple[int, int, Entity] | None = None
    for entity in entities:
        if entity.type != "PERSON" or not entity.role:
            continue
        role = _role_words(entity.role)
        before = [start for start, _ in entity.mentions if start < at]
        if not before or not (head in role if anywhere else head == _role_head(entity.role)):
            continue
        if not required <= role or (named - {entity.name.split()[-1].lower()}) - role:
            continue
        score = (len(words & role), max(before))
        if best is None or score > best[:2]:
            best = (*score, entity)
    return best[2] if best else None


def _role_head(role: str) -> str:
    """The noun a role is about: "minister" in "Russian Foreign Minister", "chairman" in
    "deputy chairman of the foreign relations committee", "senator" in "Vermont Sen."."""
    words = role.lower().split(" of ")[0].split(",")[0].split()
    return ABBREVIATIONS.get(words[-1].rstrip("."), words[-1]) if words else ""


# Titles written short before a name, and the word a later mention uses ("the senator").
ABBREVIATIONS = {"sen": "senator", "rep": "representative", "gov": "governor",
                 "gen": "general", "lt": "lieutenant", "col": "colonel", "sec": "secretary",
                 "pres": "president", "dr": "doctor", "prof": "professor", "amb": "ambassador",
                 "atty": "attorney", "supt": "superintendent", "sgt": "sergeant"}


def _role_words(role: str) -> set[str]:
    words = role.lower().replace("’s", "").replace("'s", "").split()
    return {ABBREVIATIONS.get(w.rstrip("."), w) for w in words}


def _overlapping(tokens: Tokens, entities: Sequence[Entity]) -> list[Entity]:
    start, end = tokens.start_char, tokens.end_char
    return [e for e in entities if any(s < end and t > start for s, t in e.mentions)]


# Words that make a source several people, with how many they say (0: two or more).
_GROUP_WORDS = {"each": 0, "both": 2, "two": 2, "three": 3, "pair": 2, "duo": 2, "trio": 3}
# Of these, the ones that refer back only when definite: "the two said", not "two officials
# said", who are new to the story.
_NEEDS_DEFINITE = frozenset({"two", "three", "pair", "duo", "trio"})
_DEFINITE = frozenset({"the", "these", "those"})
# Nouns of a plural source that stand for states ("both countries"), and ones that may
# stand for states or people ("each side").
_STATE_NOUNS = frozenset({"countries", "nations", "governments", "capitals", "states"})
_EITHER_NOUNS = frozenset({"side", "sides", "party", "parties"})
PEOPLE_TYPES = ("PERSON",)
STATE_TYPES = ("PLACE", "GPE", "ORG", "NORP")
# How many sentences back, the source's own included, a group source looks for the people
# it stands for.
GROUP_SENTENCES = 2


def _group_size(tokens: Tokens) -> int | None:
    """How many a reciprocal or plural source stands for (0: two or more), or None when it
    is no such source: "each", "both", "the two", "both men", "the two ministers", "the
    pair", "each of them", "each side"."""
    root = tokens.root
    word: Token | None = root
    if root.lower_ not in _GROUP_WORDS:
        word = next((c for c in root.children if c.lower_ in _GROUP_WORDS
                     and c.dep_ in ("det", "nummod", "predet", "quantmod")), None)
    if word is None or word != root and root.tag_ != "NNS" and word.lower_ != "each":
        return None
    if word.lower_ in _NEEDS_DEFINITE and not any(
        c.lower_ in _DEFINITE and c.dep_ == "det" for c in root.children
    ):
        return None
    return _GROUP_WORDS[word.lower_]


def _group(tokens: Tokens, entities: Sequence[Entity], quoted: Sequence[Span]
           ) -> tuple[Entity, ...]:
    """The people (or states) a reciprocal or plural source stands for: the nearest
    coordination before it in its sentence or the one before ("between Pompeo and Lavrov,
    each accused ..."), else, for a number ("both", "the two"), exactly that many people
    named there ("Pompeo met Lavrov. Both men said ...")."""
    size = _group_size(tokens)
    if size is None:
        return ()
    root = tokens.root
    types: tuple[str, ...]
    if root.lower_ in _STATE_NOUNS:
        types = STATE_TYPES
    elif root.pos_ == "NOUN" and root.lower_ not in _EITHER_NOUNS | set(_GROUP_WORDS):
        types = PEOPLE_TYPES
    else:
        types = PEOPLE_TYPES + STATE_TYPES
    sentences = _sentences_before(tokens)
    for sentence in sentences:
        for token in reversed(sentence):
            if token.dep_ == "conj" or _inside(token.idx, quoted):
                continue
            group = _coordinated(token, entities)
            if group and all(e.type in types for e in group) and size in (0, len(group)):
                return group
    if size < 2:
        return ()
    window = [t for sentence in sentences for t in sentence]
    named = _entities_in(window, entities, quoted,
                         STATE_TYPES if types == STATE_TYPES else PEOPLE_TYPES)
    return named if len(named) == size else ()


def _sentences_before(tokens: Tokens) -> list[list[Token]]:
    """The tokens before `tokens` in its sentence, then the sentences before, nearest first,
    within its paragraph and the one before."""
    doc = tokens.doc
    sentence = tokens[0].sent
    out = [list(doc[sentence.start : tokens.start])]
    start = sentence.start
    while len(out) < GROUP_SENTENCES and start > 0:
        previous = doc[start - 1].sent
        if doc[previous.start : start].text.count("\n\n") > 1:
            break
        out.append(list(previous))
        start = previous.start
    return out


def _coordinated(token: Token, entities: Sequence[Entity]) -> tuple[Entity, ...]:
    """The entities of a coordination headed by `token` ("Pompeo and Lavrov"), when it
    names two or more."""
    if not any(c.dep_ == "conj" for c in token.children):
        return ()
    group: list[Entity] = []
    for member in (token, *token.conjuncts):
        entity = _entity_at(member.idx, entities)
        if entity is None or not can_speak(entity):
            return ()
        if entity not in group:
            group.append(entity)
    return tuple(group) if len(group) >= 2 else ()


def _entity_at(at: int, entities: Sequence[Entity]) -> Entity | None:
    for entity in entities:
        if any(start <= at < end for start, end in entity.mentions):
            return entity
    return None


def _entities_in(window: Sequence[Token], entities: Sequence[Entity], quoted: Sequence[Span],
                 types: tuple[str, ...]) -> tuple[Entity, ...]:
    """The distinct entities of `types` named in `window`, outside quotation marks."""
    found: list[Entity] = []
    for token in sorted(window, key=lambda t: t.i):
        if _inside(token.idx, quoted):
            continue
        entity = _entity_at(token.idx, entities)
        if entity is not None and entity.type in types and entity not in found:
            found.append(entity)
    return tuple(found)


def _inside(at: int, quoted: Sequence[Span]) -> bool:
    return any(s <= at < e for s, e in quoted)


__all__ = ["can_speak", "resolve_speaker", "resolve_speakers", "source_name", "speaker_names"]
