"""Who each "he" and "she" of a story stands for, read the way a reader keeps track.

A reader carries, from sentence to sentence, a sense of who is being talked about: the
person who was the subject of the last sentence, who has been named again and again, who
just said something ("he said" after "he said"). Names said inside quotation marks are the
speaker's words and do not move that focus. This is the salience model of Lappin and Leass
(1994), read over the spaCy parse:

* each mention of a person outside quotation marks adds to that person's salience: a base
  for being mentioned, more as a subject than as an object, nothing extra inside a
  prepositional phrase or as a possessive ("under President Barack Obama", "Obama's");
* salience halves at every sentence, so recent mentions count most;
* the source of an attribution weighs as a subject however it is written ("according to
  X");
* a personal pronoun goes to the most salient person it can refer to: of its gender (from
  the given name, an honorific or role word, and the pronouns already resolved to them;
  see `entities.gender`), and not an argument of its own verb ("he told Obama" is not
  Obama); once resolved it is a mention like any other, so a run of "he said" stays with
  one speaker.

`Discourse(doc, entities, quoted, sources).person(i)` is the entity of the pronoun at token
`i`; `sources` are the token indices of the story's attribution sources.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from newsgraph.annotate.entities.gender import (
    given_name_gender,
    pronoun_gender,
    title_gender,
)
from newsgraph.model import Entity, Span

# Salience weights (Lappin and Leass's, in their order of importance).
RECENCY = 100.0
ROLE_WEIGHTS = {"nsubj": 80.0, "nsubjpass": 80.0, "dobj": 50.0, "attr": 50.0,
                "dative": 40.0, "appos": 40.0, "conj": 40.0}
HEAD_NOUN = 80.0  # a mention that is no part of a prepositional phrase or a possessive
DECAY = 0.5  # salience kept from one sentence to the next
# A name the given-name list only leans on ("Bernie" mostly female) weighs this much
# against a candidate of the other gender; a firm name, honorific or used pronoun excludes.
LEAN_PENALTY = 0.5

PERSONAL = frozenset({"he", "him", "his", "himself", "she", "her", "hers", "herself"})


@dataclass(slots=True)
class _Person:
    entity: Entity
    gender: str | None
    firm: bool
    votes: dict[str, int] = field(default_factory=dict)
    salience: float = 0.0
    last: int = -1  # token index of the latest mention, which breaks a tie

    def gender_now(self) -> tuple[str | None, bool]:
        """The gender pronouns already used of this person say, else the static one."""
        if self.votes:
            ranked = sorted(self.votes.items(), key=lambda kv: -kv[1])
            if len(ranked) == 1 or ranked[0][1] > ranked[1][1]:
                return ranked[0][0], True
        return self.gender, self.firm


class Discourse:
    """The entity each personal pronoun outside quotation marks of `doc` stands for."""

    def __init__(self, doc: Doc, entities: Sequence[Entity], quoted: Sequence[Span],
                 sources: Iterable[int] = ()) -> None:
        self._resolved: dict[int, Entity] = {}
        text = doc.text  # built anew on every access: once per story
        people = {e.id: _person(e, text) for e in entities if e.type == "PERSON"}
        at: dict[int, _Person] = {}
        for person in people.values():
            for start, end in person.entity.mentions:
                if any(s <= start < e for s, e in quoted):
                    continue
                span = doc.char_span(start, end, alignment_mode="expand")
                if span is not None and len(span):
                    at.setdefault(span.root.i, person)
        in_quote = _quoted_tokens(doc, quoted)
        speaking = set(sources)
        for sentence in doc.sents:
            for person in people.values():
                person.salience *= DECAY
            for token in sentence:
                if in_quote[token.i]:
                    continue
                mentioned = at.get(token.i)
                if mentioned is not None:
                    mentioned.salience += _weight(token, token.i in speaking)
                    mentioned.last = token.i
                elif token.lower_ in PERSONAL and token.pos_ == "PRON":
                    chosen = self._choose(token, people.values(), at)
                    if chosen is not None:
                        self._resolved[token.i] = chosen.entity
                        chosen.salience += _weight(token, token.i in speaking)
                        chosen.last = token.i
                        gender = pronoun_gender(token.lower_)
                        if gender:
                            chosen.votes[gender] = chosen.votes.get(gender, 0) + 1

    def person(self, i: int) -> Entity | None:
        """The person the pronoun at token `i` stands for, or None."""
        return self._resolved.get(i)

    @staticmethod
    def _choose(pronoun: Token, people: Iterable[_Person],
                at: dict[int, _Person]) -> _Person | None:
        wanted = pronoun_gender(pronoun.lower_)
        bound = {id(at[t.i]) for t in _co_arguments(pronoun) if t.i in at}
        best: tuple[float, int, _Person] | None = None
        for person in people:
            if person.salience <= 0 or id(person) in bound:
                continue
            gender, firm = person.gender_now()
            score = person.salience
            if wanted and gender and gender != wanted:
                if firm:
                    continue
                score *= LEAN_PENALTY
            if best is None or (score, person.last) > best[:2]:
                best = (score, person.last, person)
        return best[2] if best else None


def _person(entity: Entity, text: str) -> _Person:
    """A person with the gender their name, honorifics and role say."""
    words = [entity.role or ""]
    for start, _ in entity.mentions:
        words.append(text[max(0, start - 6) : start])  # "Mr. ", "Mrs. " before a mention
    titled = title_gender(words)
    if titled:
        return _Person(entity, titled, True)
    gender, firm = given_name_gender(entity.name)
    return _Person(entity, gender, firm)


def _weight(token: Token, speaking: bool = False) -> float:
    """A mention's salience: recency, its grammatical role, and whether it heads its own
    phrase (not inside a prepositional phrase or a possessive). The source of an
    attribution counts as a subject wherever the parse hangs it ("according to Alexander
    Gabuev of the Carnegie Moscow Center" makes Gabuev the one talking)."""
    dep = "nsubj" if speaking else token.dep_
    weight = RECENCY + ROLE_WEIGHTS.get(dep, 0.0)
    if any(c.dep_ == "relcl" and any(g.dep_ in ("nsubj", "nsubjpass") and g.lower_ == "who"
                                     for g in c.children) for c in token.children):
        weight += ROLE_WEIGHTS["nsubj"]  # "with Hillary Clinton — who's called for ...": a subject too
    if dep not in ("pobj", "poss") and not (dep == "compound" or token.head.dep_ == "pobj"):
        weight += HEAD_NOUN
    return weight


def _co_arguments(pronoun: Token) -> list[Token]:
    """The other arguments of the pronoun's own verb: "he told Obama" is not Obama's."""
    if pronoun.dep_ in ("poss",):
        return []
    verb = pronoun.head
    return [c for c in verb.children if c is not pronoun
            and c.dep_ in ("nsubj", "nsubjpass", "dobj", "dative", "attr", "obj")]


def _quoted_tokens(doc: Doc, quoted: Sequence[Span]) -> list[bool]:
    inside = [False] * len(doc)
    for start, end in quoted:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            for i in range(span.start, span.end):
                inside[i] = True
    return inside


__all__ = ["Discourse"]
