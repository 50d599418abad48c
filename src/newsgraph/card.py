"""A story in plain words, for both shells: the text card the CLI prints, and the words
for events, actors and countries that the card and the web page share.

>>> print(story_card(Story(id="s", body="Rain fell.", title="Rain")), end="")
Rain
====
<BLANKLINE>
Rain fell.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Protocol

import pycountry

from newsgraph.model import Entity, Event, Story, shown_events


def story_card(story: Story) -> str:
    """A story as a person wants to read it: headline, dateline, source, byline, body, removals."""
    lines: list[str] = []
    title = story.title or "(untitled)"
    lines += [title, "=" * min(len(title), 78)]
    facts = []
    if story.dateline:
        facts.append(" ".join(p for p in (story.dateline.place, f"({story.dateline.agency})"
                                          if story.dateline.agency else None) if p))
    if story.published:
        facts.append(story.published)
    if story.publisher:
        facts.append(f"published by {story.publisher}")
    if story.original_source:
        facts.append(f"from {story.original_source}")
    if facts:
        lines.append(" · ".join(facts))
    if story.authors:
        lines.append("By " + ", ".join(story.authors))
    if story.contributors:
        names = [c.name + (f" ({c.place})" if c.place else "") for c in story.contributors]
        lines.append("Contributors: " + ", ".join(names))
    source = story.url or story.source_path or story.source_id
    if source:
        lines.append(f"Source: {source}")
    lines += ["", story.body or "(no article text found)", ""]
    if story.quotes:
        lines.append(f"Quotes ({len(story.quotes)}):")
        for quote in story.quotes:
            # A mixed quote's claim, its quoted words in their sentence, reads on its own.
            content = " … ".join(story.text(span) for span in quote.claim or quote.content)
            lines.append(f"  - {quote.speaker_name or 'unknown'}: {_clip(content, 100)} [{quote.kind}]")
        lines.append("")
    events = shown_events(story.events)
    if events:
        # The web page's plain words, so a card and a page say the same thing.
        entities = entity_index(story)
        lines.append(f"Events ({len(events)}):")
        for event in events:
            note = " (background)" if event.background else ""
            lines.append(f"  - {event_words(event, entities)}{note}")
        lines.append("")
    if story.furniture:
        lines.append(f"Removed ({len(story.furniture)}):")
        for piece in story.furniture:
            lines.append(f"  - [{piece.kind}] {_clip(piece.text, 90)}")
    for warning in story.warnings:
        lines.append(f"Warning: {warning}")
    return "\n".join(lines).rstrip() + "\n"


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


@lru_cache(maxsize=512)
def country_name(code: str | None) -> str | None:
    """A short readable name for an ISO alpha-3 code ("RUS" → "Russia")."""
    if not code:
        return None
    if code == "IGO":
        return "international body"
    if code == "NGO":
        return "non-governmental body"
    country = pycountry.countries.get(alpha_3=code)
    if country is None:
        return code
    name = getattr(country, "common_name", None) or country.name
    return _SHORT_NAMES.get(code, name.split(",")[0])


# pycountry's names are official ones; news readers know these states by shorter names.
_SHORT_NAMES = {"RUS": "Russia", "SYR": "Syria", "PRK": "North Korea", "KOR": "South Korea",
                "MDA": "Moldova", "TZA": "Tanzania", "LAO": "Laos", "VNM": "Vietnam"}


class ActorLike(Protocol):
    """An event actor from a Story (`model.Actor`) or from the archive (`ActorRow`)."""

    @property
    def text(self) -> str: ...
    @property
    def entity(self) -> str | None: ...
    @property
    def country(self) -> str | None: ...


class EventRowLike(Protocol):
    """An archive event row: actors, and `when` and `where` as text."""

    @property
    def type(self) -> str: ...
    @property
    def mode(self) -> str | None: ...
    @property
    def source(self) -> Sequence[ActorLike]: ...
    @property
    def target(self) -> Sequence[ActorLike]: ...
    @property
    def when(self) -> str | None: ...
    @property
    def where(self) -> str | None: ...


def actor_words(actor: ActorLike, entities: dict[str, Entity]) -> str:
    """ "Russia (Sergey Lavrov)": the actor's state, then who in it, without repeating."""
    entity = entities.get(actor.entity) if actor.entity else None
    who = entity.name if entity is not None else actor.text
    state = country_name(actor.country)
    if state is None or state == who or state.lower() in who.lower():
        return who
    return f"{state} ({who})"


def event_words(event: Event, entities: dict[str, Entity]) -> str:
    """ "Russia (Sergey Lavrov) — CONSULT/meet — United States (Mike Pompeo), next week, Rovaniemi"."""
    source = ", ".join(actor_words(a, entities) for a in event.source) or "someone"
    target = ", ".join(actor_words(a, entities) for a in event.target)
    action = f"{event.type}/{event.mode}" if event.mode else event.type
    words = f"{source} — {action}" + (f" — {target}" if target else "")
    tail = [part for part in (event.when.text if event.when else None,
                              event.where.text if event.where else None) if part]
    return ", ".join([words, *tail])


def event_row_words(row: EventRowLike) -> str:
    """The same plain words for an archive event row (its `when` and `where` are text)."""
    source = ", ".join(actor_words(a, {}) for a in row.source) or "someone"
    target = ", ".join(actor_words(a, {}) for a in row.target)
    action = f"{row.type}/{row.mode}" if row.mode else row.type
    words = f"{source} — {action}" + (f" — {target}" if target else "")
    return ", ".join([words, *(part for part in (row.when, row.where) if part)])


def entity_index(story: Story) -> dict[str, Entity]:
    return {entity.id: entity for entity in story.entities}


__all__ = [
    "ActorLike",
    "EventRowLike",
    "actor_words",
    "country_name",
    "entity_index",
    "event_row_words",
    "event_words",
    "story_card",
]
