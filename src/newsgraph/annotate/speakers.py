"""Who a quote's source is: the entity a name, a title or a pronoun stands for.

A source mention is resolved in the order a reader would: a name is its entity ("Ryabkov");
a relative pronoun is the noun it attaches to ("Lavrov, who characterized ..."); a personal
pronoun is the last person named before it outside quotation marks ("he said" after a
paragraph about Alexander Gabuev); a title is the person the story gave that title ("the
foreign minister" after "Foreign Minister Sergey Lavrov").

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

from newsgraph.model import Entity, Span

PERSONAL = frozenset({"he", "she", "him", "her"})
GROUP = frozenset({"they", "them", "it", "we"})
RELATIVE = frozenset({"who", "which", "that", "whom"})


def resolve_speakers(
    source: Span, doc: Doc, entities: Sequence[Entity], quoted: Sequence[Span]
) -> tuple[Entity, ...]:
    """Every entity `source` stands for, in text order: one for a name, title or pronoun,
    several for a group ("Pompeo and Lavrov", "each", "both men"); () when unclear."""
    tokens = doc.char_span(*source, alignment_mode="expand")
    if tokens is None or not len(tokens):
        return ()
    group = _coordinated(tokens.root, entities) or _group(tokens, entities, quoted)
    if group:
        return group
    one = resolve_speaker(source, doc, entities, quoted)
    return (one,) if one is not None else ()


def speaker_names(speakers: Sequence[Entity]) -> str | None:
    """"Mike Pompeo", "Mike Pompeo and Sergey Lavrov", "A, B and C"; None for nobody."""
    names = [e.name for e in speakers]
    if len(names) < 2:
        return names[0] if names else None
    return ", ".join(names[:-1]) + " and " + names[-1]


def resolve_speaker(
    source: Span, doc: Doc, entities: Sequence[Entity], quoted: Sequence[Span]
) -> Entity | None:
    """The entity that `source` (a span of the body) refers to, or None when unclear."""
    tokens = doc.char_span(*source, alignment_mode="expand")
    if tokens is None or not len(tokens):
        return None
    root = tokens.root
    named = _named(source, root, entities)
    if named is not None:
        return named
    word = root.lower_
    if word in RELATIVE and root.head.dep_ == "relcl":
        antecedent = root.head.head
        return _named((antecedent.idx, antecedent.idx + len(antecedent)), antecedent, entities)
    if word in PERSONAL:
        return _last_before(source[0], entities, quoted, ("PERSON",))
    if word in GROUP:
        return _last_before(source[0], entities, quoted, ("ORG", "NORP", "PLACE"))
    if root.pos_ == "NOUN":
        return _by_title(source[0], root, entities)
    return None


def _named(source: Span, root: Token, entities: Sequence[Entity]) -> Entity | None:
    overlapping = [
        (entity, mention)
        for entity in entities
        for mention in entity.mentions
        if mention[0] < source[1] and mention[1] > source[0]
    ]
    if not overlapping:
        return None
    for entity, (start, end) in overlapping:
        if start <= root.idx < end:
            return entity
    people = [e for e, _ in overlapping if e.type == "PERSON"]
    return people[0] if people else overlapping[0][0]


def _last_before(
    at: int, entities: Sequence[Entity], quoted: Sequence[Span], types: tuple[str, ...]
) -> Entity | None:
    best: tuple[int, Entity] | None = None
    for entity in entities:
        if entity.type not in types:
            continue
        for start, end in entity.mentions:
            if end > at or any(s <= start < e for s, e in quoted):
                continue
            if best is None or start > best[0]:
                best = (start, entity)
    return best[1] if best else None


def _by_title(at: int, root: Token, entities: Sequence[Entity]) -> Entity | None:
    """The person most recently named before `at` whose role contains the source's noun."""
    word = root.lower_
    candidates = [
        e for e in entities
        if e.type == "PERSON" and e.role and word in e.role.lower().split()
        and any(start < at for start, _ in e.mentions)
    ]
    if not candidates:
        return None
    return max(candidates, key=lambda e: max(s for s, _ in e.mentions if s < at))


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
        if entity is None:
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


__all__ = ["resolve_speaker", "resolve_speakers", "speaker_names"]
