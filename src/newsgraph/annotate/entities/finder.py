"""People, organisations and places: one entity per real-world thing, with all its mentions.

spaCy tags names one mention at a time, and inconsistently: in one story "Lavrov" may be a
PERSON once and an ORG twice, "Pompeo" a GPE. Readers want the story-level answer, so
`find_entities` groups the mentions of each thing and lets the group decide:

- a personal name loses the words the tagger glued to it ("Follow Pam Key", "Hosting Cook"
  beside "Tim Cook", "Marco Rubio Responds To Question", "Trump’s Indiana", "pro-Trump"),
  and a lower-case word tagged as a person ("gaunt") is none;
- a surname or first name joins the full name it shortens ("Lavrov" → "Sergey Lavrov"),
  the nearest earlier full name when several share it;
- a group with a full personal name is a PERSON whatever single mentions were tagged;
  otherwise the majority tag wins;
- country names written differently ("U.S.", "the United States") are one place;
- the fullest mention is the name, the first role the story gives (see `roles.py`) the role,
  and places, and people whose role names a state, get its ISO 3166 alpha-3 code.

Bylined authors and credited contributors become PERSON entities too, with the role
"author" or "contributor", even when the body never mentions them.

>>> from newsgraph.model import Story
>>> story = Story(id="s", body="Minister Anna Berg spoke. Berg left for Oslo.")
>>> [(e.name, e.type, e.role, len(e.mentions)) for e in find_entities(story)]
[('Anna Berg', 'PERSON', 'Minister', 2), ('Oslo', 'PLACE', None, 1)]
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import ClassVar

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from newsgraph.annotate.base import Annotator
from newsgraph.annotate.entities.countries import CAPITALS, country_code, country_in
from newsgraph.annotate.entities.gender import given_name_gender, title_gender
from newsgraph.annotate.entities.nlp import parse
from newsgraph.annotate.entities.roles import role_of
from newsgraph.model import Entity, Span, Story

# spaCy labels kept as entities, and the story-level type each becomes.
TYPES: dict[str, str] = {
    "PERSON": "PERSON",
    "ORG": "ORG",
    "GPE": "PLACE",
    "LOC": "PLACE",
    "FAC": "PLACE",
    "NORP": "NORP",
}
# Head nouns that make a name an organisation whatever spaCy tagged ("Ekho Moskvy radio").
ORG_HEADS = frozenset({
    "radio", "television", "tv", "channel", "network", "newspaper", "paper", "magazine",
    "agency", "party", "company", "corporation", "bank", "group", "ministry", "committee",
    "council", "university", "institute", "foundation", "campaign", "website",
})
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")


@dataclass(slots=True)
class _Mention:
    span: Span
    text: str
    label: str  # story-level type proposed by this mention
    tokens: int
    sent: SpacySpan


@dataclass(slots=True)
class _Group:
    mentions: list[_Mention] = field(default_factory=list)

    @property
    def first(self) -> int:
        return min(m.span[0] for m in self.mentions)

    def is_person_name(self) -> bool:
        """A full personal name: tagged PERSON in two words or more, or two to four
        capitalised words that open with a known given name and hold no word of an
        organisation ("Keith Lamont Scott", which the tagger read as an ORG)."""
        return any(m.label == "PERSON" and m.tokens > 1 or _given_name_first(m)
                   for m in self.mentions)


def _given_name_first(mention: _Mention) -> bool:
    words = mention.text.split()
    if mention.label not in ("ORG", "PERSON") or not 2 <= len(words) <= 4:
        return False
    if not all(w[:1].isupper() and w.replace(".", "").replace("-", "").isalpha()
               and not w.isupper() for w in words):
        return False
    if any(w.lower() in ORG_HEADS or w.lower().rstrip(".") in TITLE_WORDS for w in words):
        return False
    gender, firm = given_name_gender(mention.text)
    return gender is not None and firm


def find_entities(story: Story, doc: Doc | None = None) -> tuple[Entity, ...]:
    """Every person, organisation and place in `story`, one Entity each, in order of first
    mention. `doc` is the parse of `story.body` (parsed here when not given)."""
    doc = doc if doc is not None else parse(story.body)
    text = doc.text  # built anew on every access: once per story
    mentions = _outside_headlines(_mentions(doc), text)
    groups = _group(mentions, text)
    _add_unlabelled_mentions(doc, groups)
    lower = set(re.findall(r"\b[a-z]+\b", text))  # words the story writes in lower case
    entities = [_entity(group, doc, lower, text) for group in sorted(groups, key=lambda g: g.first)]
    entities = [e for e in entities if e.type != "NONE"]
    entities = [replace(e, id=f"e{i + 1}") for i, e in enumerate(entities)]
    entities = _add_title_mentions(doc, entities)
    return tuple(entities) + _credited_people(story, entities)


def _mentions(doc: Doc) -> list[_Mention]:
    found = []
    full_names = _full_names(doc)
    for ent in doc.ents:
        label = TYPES.get(ent.label_)
        if label is None:
            continue
        start, end = ent.start, ent.end
        while start < end and doc[start].dep_ == "det":
            start += 1
        while end > start and (doc[end - 1].dep_ == "case" or doc[end - 1].is_punct):
            end -= 1
        if label == "PERSON":
            start, end = _name_only(doc, start, end, full_names)
        if start >= end:
            continue
        span = doc[start:end]
        if label != "ORG" and span.root.dep_ == "compound" and span.root.head.lemma_ in ORG_HEADS:
            label = "ORG"
        text = _POSSESSIVE.sub("", span.text)
        found.append(_Mention((span.start_char, span.start_char + len(text)), text, label,
                              len(span), span.sent))
    return found


# Tags a word glued to a name by the tagger never has inside a personal name: a verb
# ("Follow Pam Key", "Telling Jeb Bush", "Marco Rubio Responds To Question"), an adverb
# ("Certainly Donald Trump"), a modal or "to", a pronoun or determiner ("That's Jeb Bush").
_NOT_NAME_TAGS = frozenset({
    "VB", "VBG", "VBD", "VBN", "VBZ", "VBP", "RB", "MD", "TO", "UH", "DT", "WDT", "PRP", "EX",
})


def _name_only(doc: Doc, start: int, end: int, full_names: dict[str, set[str]]) -> tuple[int, int]:
    """A person mention without the words the tagger glued to it: a verb, adverb or
    preposition before the name ("Follow Pam Key", "Telling Jeb Bush", "Hosting Cook at
    Dreamforce" in a story about Tim Cook), a headline's verb after it ("Marco Rubio
    Responds To Question"). A word before a lone surname goes only when the story gives
    that surname another first name, so "Ted Cruz" and "Will Hurd" stay whole."""
    if not any(t.text[:1].isupper() for t in doc[start:end]):
        return start, start  # "gaunt": a lower-case word is no name
    while end - start > 2 and doc[start].is_lower and doc[start + 1].text == "-":
        start += 2  # "pro-Trump"
    while end - start > 1 and doc[start].is_lower and doc[start].lower_ not in PARTICLES:
        start += 1  # "muito ao Carlos": lower-case words before a name are no part of it
    while end - start > 1 and _glued_before(doc[start], doc[start + 1 : end], full_names):
        start += 1
    for i in range(start + 1, end):
        token = doc[i]
        if token.dep_ == "case" and i == start + 1 and _full_name(doc[i + 1 : end]):
            start = i + 1  # "Breitbart’s Joel Pollak"
            break
        if (token.is_alpha and token.tag_ in _NOT_NAME_TAGS) or token.like_num or (
            token.dep_ == "case" or token.text in ("—", "–") or token.text == "-" and bool(
                doc[i - 1].whitespace_)
        ):
            end = i  # "Trump’s Indiana", "Trump - 60 percent"
            break
    while end > start and (doc[end - 1].dep_ == "case" or doc[end - 1].is_punct
                           or doc[end - 1].lower_.rstrip(".") in TITLE_WORDS):
        end -= 1  # "Charlotte Mayor" (a place and a post, before "Jennifer Roberts")
    return start, end


# Posts that may stand before a name but never end one: "Charlotte Mayor" is no person.
TITLE_WORDS = frozenset({
    "mayor", "governor", "gov", "president", "senator", "sen", "minister", "secretary",
    "chairman", "chairwoman", "chair", "chief", "spokesman", "spokeswoman", "director",
    "ambassador", "general", "gen", "judge", "officer", "sheriff", "rep", "representative",
    "congressman", "congresswoman", "prime", "premier", "chancellor", "commissioner",
    "councilman", "councilwoman", "leader", "speaker", "attorney", "prosecutor", "candidate",
    "nominee", "pastor", "bishop", "coach", "professor", "dr", "mr", "mrs", "ms",
})


# Lower-case words that belong inside names: "Bill de Blasio", "Van der Beek", "bin Salman".
PARTICLES = frozenset({"de", "da", "di", "du", "van", "von", "der", "den", "la", "le", "el",
                       "al", "bin", "ibn", "ben", "dos", "das", "del", "y", "ter", "ten"})


def _full_name(tokens: SpacySpan) -> bool:
    """Two or three capitalised proper nouns and nothing else: "Joel Pollak"."""
    return 2 <= len(tokens) <= 3 and all(
        t.is_alpha and t.text[:1].isupper() and t.tag_ == "NNP" for t in tokens
    )


def _glued_before(token: Token, rest: SpacySpan, full_names: dict[str, set[str]]) -> bool:
    words = [t for t in rest if t.is_alpha]
    if not words:
        return False
    # The surname has another first name in the story ("Tim Cook" beside "Hosting Cook").
    other_first = bool(full_names.get(words[-1].text, set()) - {token.text})
    if token.tag_ in _NOT_NAME_TAGS or (token.tag_ == "IN" and token.is_stop):
        return (len(words) >= 2 and words[0].is_title) or other_first
    # A participle the tagger took for a name ("Hosting", "Stated") opens a sentence; a
    # first name may look the same ("Ahmed"), so only beside another first name.
    participle = token.lower_.endswith(("ing", "ed")) and len(token) > 5
    return bool(token.is_sent_start) and participle and other_first


def _full_names(doc: Doc) -> dict[str, set[str]]:
    """Surname → the first names the story's full personal names give it."""
    names: dict[str, set[str]] = {}
    for ent in doc.ents:
        words = [t for t in ent if not t.is_punct and t.dep_ != "case"]
        if ent.label_ == "PERSON" and len(words) >= 2:
            names.setdefault(words[-1].text, set()).add(words[0].text)
    return names


_LINE = re.compile(r"[^\n]+")
_SMALL = frozenset({"a", "an", "the", "and", "or", "of", "to", "in", "on", "for", "at", "by",
                    "with", "as", "is", "vs", "from", "but"})


def headline_lines(text: str) -> list[tuple[int, int]]:
    """The spans of lines written in title case or capitals ("Warns Clinton Of Risks",
    "OBAMA FOCUSED ON JOBS"): a headline's or subhead's, whose capitals say nothing of names."""
    found = []
    for line in _LINE.finditer(text):
        words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", line.group())
                 if w.lower() not in _SMALL]
        if len(words) < 4 or len(words) > 25:
            continue
        if all(w[:1].isupper() for w in words):
            found.append(line.span())
    return found


def _outside_headlines(mentions: list[_Mention], text: str) -> list[_Mention]:
    """Person mentions in a headline or subhead only where the body names them too: the
    longest run of the mention's words that is a name outside headlines ("Warns Clinton" is
    "Clinton", "Tom Nides Thanked Clinton" "Tom Nides"), else none ("OBAMA FOCUSED",
    "Never Trump" where no Never is named)."""
    lines = headline_lines(text)
    if not lines:
        return mentions
    starts = [start for start, _ in lines]

    def in_headline(at: int) -> bool:
        i = bisect_right(starts, at) - 1
        return i >= 0 and at < lines[i][1]

    inside = [in_headline(m.span[0]) for m in mentions]
    known = {_key(m.text) for m, i in zip(mentions, inside, strict=True) if not i}
    known_words = {w for k in known for w in k.split()}
    kept = []
    for mention, headline in zip(mentions, inside, strict=True):
        if not headline or mention.label != "PERSON" or _key(mention.text) in known:
            kept.append(mention)
            continue
        part = _known_part(mention, known, known_words) or _given_name_part(mention)
        if part is not None:
            kept.append(part)
    return kept


def _given_name_part(mention: _Mention) -> _Mention | None:
    """A headline's "Marco Rubio Responds To Question": a known given name and the word after
    it are a name."""
    words = mention.text.split()
    if len(words) < 2 or not given_name_gender(" ".join(words[:2]))[1]:
        return None
    text = " ".join(words[:2])
    if not mention.text.startswith(text):
        return None
    return _Mention((mention.span[0], mention.span[0] + len(text)), text, mention.label, 2,
                    mention.sent)


def _known_part(mention: _Mention, known: set[str], known_words: set[str]) -> _Mention | None:
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", mention.text)]
    for size in range(len(words), 0, -1):
        for first in range(len(words) - size + 1):
            start, end = words[first][0], words[first + size - 1][1]
            key = _key(mention.text[start:end])
            if key in known or (size == 1 and key in known_words and key[:1].isalpha()):
                at = mention.span[0]
                return _Mention((at + start, at + end), mention.text[start:end], mention.label,
                                size, mention.sent)
    return None


def _key(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\xad", "")).lower()


_NAME_JUNK = re.compile(r"[\[\]{}\xad]")


def clean_name(text: str) -> str:
    """A name as a reader writes it: no soft hyphens ("Wal\xadcott"), brackets
    ("Vladimir] Putin") or an unclosed parenthesis ("Emanuel Cleaver II (D-Mo.")."""
    text = _NAME_JUNK.sub("", text)
    if text.count("(") > text.count(")"):
        text = text[: text.rindex("(")]
    return " ".join(text.split()).strip(" ,;:-–—")


# Verbs whose subject speaks: a one-word name that says something is someone.
_SPEAKING = frozenset({"say", "tell", "add", "write", "ask", "note", "explain", "argue",
                       "claim", "insist", "warn", "tweet", "reply", "respond", "recall",
                       "acknowledge", "admit", "announce", "declare", "testify"})
_HONORIFIC_BEFORE = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Miss|Dr|Sen|Rep|Gov|Gen|Col|Lt|Sgt|Capt|Prof|Rev|Pres)\.?|"
    r"\b(?:President|Senator|Governor|General|Judge|Mayor|Minister|Secretary|Chair|"
    r"Chairman|Chairwoman|Ambassador|Director|Chief|Officer|Sheriff|Pope|King|Queen|Prince|"
    r"Princess|Lady|Sir|Speaker|Coach|Pastor|Bishop|Justice|Commissioner))\s+$")


# One-word names the tagger takes for people that are platforms, laws or events.
NOT_PEOPLE = frozenset({"twitter", "facebook", "youtube", "instagram", "google", "snapchat",
                        "reddit", "tiktok", "wikileaks", "brexit", "obamacare", "medicare",
                        "medicaid", "isis", "isil", "hamas", "hezbollah", "taliban", "nato",
                        "amazon", "apple", "uber", "netflix", "whatsapp", "linkedin"})


def _tag(doc: Doc, mention: _Mention) -> str:
    span = doc.char_span(*mention.span, alignment_mode="expand")
    return span.root.tag_ if span is not None and len(span) else ""


def _person_evidence(group: _Group, doc: Doc, lower: set[str], text: str) -> bool:
    """Whether a group the tagger called a person is one: a full name; one word the story
    never writes in lower case ("video", "remarks"), no plural ("Africans") and no platform
    or event ("Twitter", "Brexit"); else a known given name, a title before a mention, or a
    mention that is the subject of a verb of saying."""
    word = group.mentions[0].text
    if word.lower() in NOT_PEOPLE:
        return False
    if group.is_person_name():
        return True
    if " " not in word and not (
        word.lower() in NOT_PEOPLE or word.lower() in lower
        or any(_tag(doc, m) == "NNPS" for m in group.mentions)
    ):
        return True  # "Trump": a name the story never writes as a common word
    for mention in group.mentions:
        if given_name_gender(f"{mention.text} X")[0] is not None:
            return True  # "Meghan": a given name alone
        if _HONORIFIC_BEFORE.search(text[max(0, mention.span[0] - 16) : mention.span[0]]):
            return True
        span = doc.char_span(*mention.span, alignment_mode="expand")
        if span is not None and len(span):
            root = span.root
            if root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_.lower() in _SPEAKING:
                return True
    return False


def _group(mentions: list[_Mention], text: str) -> list[_Group]:
    """Group mentions by name, then fold short personal names and country aliases in."""
    by_key: dict[str, _Group] = {}
    for mention in mentions:
        by_key.setdefault(_key(mention.text), _Group()).mentions.append(mention)
    full_names = {k: g for k, g in by_key.items() if g.is_person_name()
                  and not _titled_surname(k)}
    for key, group in list(by_key.items()):
        short = _titled_surname(key) or key
        if key in full_names or " " in short:
            continue
        for mention in list(group.mentions):
            target = _full_name_for(short, mention, full_names, text)
            if target is not None:
                group.mentions.remove(mention)
                target.mentions.append(mention)
        if not group.mentions:
            del by_key[key]
    return _merge_country_aliases(_merge_acronyms(list(by_key.values())))


def _titled_surname(key: str) -> str | None:
    """The surname of a title and a surname ("chair white", "dr fauci", "sen. sanders"),
    which joins the full name it shortens; None for anything else."""
    words = key.split()
    if len(words) < 2:
        return None
    titles = [w for w in words[:-1] if w.rstrip(".") in TITLE_WORDS]
    return words[-1] if len(titles) == len(words) - 1 else None


def _honorific_gender(mention: _Mention, text: str) -> str | None:
    before = text[max(0, mention.span[0] - 6) : mention.span[0]].split()
    return title_gender(before[-1:] + mention.text.split()[:1])


def _merge_acronyms(groups: list[_Group]) -> list[_Group]:
    """"IMF" is the "International Monetary Fund" the story names too: an all-capital name
    made of the initials of another organisation's capitalised words joins it."""
    by_initials: dict[str, _Group] = {}
    for group in groups:
        words = group.mentions[0].text.replace("-", " ").split()
        capitals = [w for w in words if w[:1].isupper()]
        if len(capitals) >= 2 and len(capitals) >= len(words) - 2 and not group.is_person_name():
            by_initials.setdefault("".join(w[0] for w in capitals), group)
    kept = []
    for group in groups:
        text = group.mentions[0].text.replace(".", "")
        target = by_initials.get(text) if text.isupper() and 2 <= len(text) <= 6 else None
        if target is not None and target is not group:
            target.mentions.extend(group.mentions)
        else:
            kept.append(group)
    return kept


def _full_name_for(short: str, mention: _Mention, full_names: dict[str, _Group], text: str
                   ) -> _Group | None:
    """The full name a lone first name or surname stands for. Of several sharing it
    ("Keith Lamont Scott" and his wife "Rakeyia Scott"), the one named in the same
    sentence, else the one the story introduced first: a story calls its main person by
    the bare surname and names the others in full."""
    candidates = [
        g for k, g in full_names.items() if short in (k.split()[-1], k.split()[0])
    ]
    said = _honorific_gender(mention, text)
    if said and len(candidates) > 1:
        # "Mrs. Clinton" beside "Hillary Clinton" and "Bill Clinton"
        fitting = [g for g in candidates if given_name_gender(g.mentions[0].text)[0] in (said, None)]
        candidates = fitting or candidates
    if len(candidates) < 2:
        return candidates[0] if candidates else None
    here = [g for g in candidates if any(m.sent == mention.sent for m in g.mentions)]
    if len(here) == 1:
        return here[0]
    return min(candidates, key=lambda g: g.first)


def _merge_country_aliases(groups: list[_Group]) -> list[_Group]:
    """"U.S." and "the United States" are one place; "Moscow" stays apart from "Russia"."""
    by_code: dict[str, _Group] = {}
    kept = []
    for group in groups:
        text = group.mentions[0].text
        code = country_code(text) if _vote(group) == "PLACE" else None
        if code is None or _key(text) in CAPITALS:
            kept.append(group)
        elif code in by_code:
            by_code[code].mentions.extend(group.mentions)
        else:
            by_code[code] = group
            kept.append(group)
    return kept


def _add_unlabelled_mentions(doc: Doc, groups: list[_Group]) -> None:
    """Proper names spaCy left untagged ("the Maduro regime") that repeat a known person."""
    covered = {m.span[0] for g in groups for m in g.mentions}
    names: dict[str, _Group] = {}
    for group in groups:
        if group.is_person_name():
            for mention in group.mentions:
                for word in mention.text.split():
                    if word.lower().rstrip(".") not in TITLE_WORDS:  # "Chair" of "Chair White"
                        names.setdefault(word, group)
    for token in doc:
        if token.pos_ == "PROPN" and token.idx not in covered and not token.ent_type_:
            owner = names.get(token.text)
            if owner is not None:
                span = (token.idx, token.idx + len(token.text))
                owner.mentions.append(_Mention(span, token.text, "PERSON", 1, token.sent))


def _vote(group: _Group) -> str:
    if group.is_person_name():
        return "PERSON"
    counts = Counter(m.label for m in group.mentions)
    return max(counts, key=lambda label: (counts[label], label == "PERSON"))


def _entity(group: _Group, doc: Doc, lower: set[str], text: str) -> Entity:
    kind = _vote(group)
    mentions = sorted(group.mentions, key=lambda m: m.span)
    fullest = max(mentions, key=lambda m: (m.tokens, not m.text.isupper(), len(m.text)))
    name = clean_name(fullest.text)
    role = None
    if kind == "ORG" and fullest.tokens > 1 and fullest.text.istitle():
        # "said Sigrid Dahl, a fisheries analyst at ...": the tagger read a name as an
        # organisation, but an apposition that names a person's post says who it is.
        span = doc.char_span(*fullest.span, alignment_mode="expand")
        found = role_of(span) if span is not None else None
        if found and names_a_post(found):
            kind, role = "PERSON", found
    if kind == "PERSON" and role is None:
        for mention in mentions:
            span = doc.char_span(*mention.span, alignment_mode="expand")
            role = role_of(span) if span is not None else None
            if role:
                break
    if kind == "PERSON" and not (
        _person_evidence(group, doc, lower, text) or (role is not None and names_a_post(role))
    ):
        # "Twitter", "Brexit", "Remarks": one capitalised word the tagger called a person,
        # with no given name, title, role or speaking part to say so.
        others = Counter(m.label for m in group.mentions if m.label != "PERSON")
        kind = max(others, key=lambda label: others[label]) if others else "NONE"
    country = None
    if kind == "PLACE":
        country = country_code(name)
    elif kind == "PERSON" and role:
        country = country_in(role)
    return Entity(
        id="",
        name=name,
        type=kind,
        role=role,
        mentions=tuple(sorted({m.span for m in mentions})),
        country=country,
    )


# Head nouns of a person's post in an apposition ("a fisheries analyst at ...").
PERSON_POSTS = frozenset({
    "analyst", "spokesman", "spokeswoman", "spokesperson", "minister", "president", "director",
    "professor", "researcher", "economist", "expert", "lawyer", "official", "senator",
    "adviser", "advisor", "chairman", "chairwoman", "secretary", "ambassador", "commander",
    "mayor", "governor", "editor", "correspondent", "founder", "executive", "manager",
    "lawmaker", "deputy", "aide", "diplomat", "envoy", "activist", "commentator", "scholar",
    "fellow", "historian", "scientist", "journalist", "reporter", "officer", "judge",
    "prosecutor", "attorney", "candidate", "negotiator", "strategist", "consultant",
    "pollster", "teacher", "doctor", "farmer", "fisherman", "student", "resident", "owner",
})


def names_a_post(role: str) -> bool:
    """Whether `role` is a person's post: its head noun, before any "at", "of" or "in"."""
    words = role.lower().replace(",", " ").split()
    for stop in ("at", "of", "in", "for", "with", "from"):
        if stop in words:
            words = words[: words.index(stop)]
    return bool(words) and (words[-1] in PERSON_POSTS or words[-1].removesuffix("s") in PERSON_POSTS)


def _add_title_mentions(doc: Doc, entities: list[Entity]) -> list[Entity]:
    """"the foreign minister" after "Russian Foreign Minister Sergey Lavrov": a definite
    noun phrase whose words are all in the role of exactly one person named before it."""
    people = [e for e in entities if e.type == "PERSON" and e.role and e.mentions]
    covered = {i for e in entities for s, t in e.mentions for i in range(s, t)}
    added: dict[str, list[Span]] = {}
    for token in doc:
        if token.pos_ != "NOUN" or token.idx in covered:
            continue
        determiners = [c for c in token.lefts if c.dep_ == "det" and c.lower_ == "the"]
        if not determiners:
            continue
        words = [t.lower_ for t in doc[determiners[0].i + 1 : token.i + 1]]
        if len(words) > 4:
            continue
        owners = [
            e for e in people
            if e.mentions[0][0] < token.idx
            and set(words) <= set((e.role or "").lower().split())
        ]
        if len(owners) == 1:
            start = determiners[0].idx
            added.setdefault(owners[0].id, []).append((start, token.idx + len(token)))
    return [
        replace(e, mentions=tuple(sorted({*e.mentions, *added[e.id]}))) if e.id in added else e
        for e in entities
    ]


def _credited_people(story: Story, entities: list[Entity]) -> tuple[Entity, ...]:
    known = {e.name for e in entities if e.type == "PERSON"}
    credited = [(name, "author") for name in story.authors]
    credited += [(c.name, "contributor") for c in story.contributors]
    extra: list[Entity] = []
    for name, role in credited:
        if name not in known:
            known.add(name)
            extra.append(Entity(id=f"e{len(entities) + len(extra) + 1}", name=name,
                                type="PERSON", role=role))
    return tuple(extra)


class EntityFinder(Annotator):
    """Adds `entities` (see `find_entities`); holds no settings beyond the shared model."""

    name: ClassVar[str] = "entities"
    requires: ClassVar[frozenset[str]] = frozenset({"body", "authors", "contributors"})
    assigns: ClassVar[frozenset[str]] = frozenset({"entities"})

    def annotate(self, story: Story) -> Story:
        return replace(story, entities=find_entities(story))


__all__ = ["ORG_HEADS", "PERSON_POSTS", "TYPES", "EntityFinder", "find_entities", "names_a_post"]
