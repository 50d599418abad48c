"""Who a quote's source is: the entity a name, a title or a pronoun stands for.

A source mention is resolved in the order a reader would: a name is its entity ("Ryabkov");
a relative pronoun is the noun it attaches to ("Lavrov, who characterized ..."); a personal
pronoun is the last person named before it outside quotation marks ("he said" after a
paragraph about Alexander Gabuev); a title is the person the story gave that title ("the
foreign minister" after "Foreign Minister Sergey Lavrov").
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from newsgraph.model import Entity, Span

PERSONAL = frozenset({"he", "she", "him", "her"})
GROUP = frozenset({"they", "them", "it", "we"})
RELATIVE = frozenset({"who", "which", "that", "whom"})


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


__all__ = ["resolve_speaker"]
