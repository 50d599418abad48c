"""A Story laid out for reading: paragraphs cut into quote runs and entity links, speakers
given colours, events put in plain words.

This is presentation only: it reads spans the annotators already found and never finds
anything itself. Templates get plain data and escape every string, so text from a page can
never become markup.

>>> from newsgraph.model import Entity, Quote, Story
>>> story = Story(id="s", body='"Yes," Ann said.', entities=(Entity("e1", "Ann", "PERSON",
...     mentions=((7, 10),)),), quotes=(Quote(content=((0, 6),), kind="direct", speaker="e1",
...     speaker_name="Ann"),))
>>> [[(run.quote is not None, [p.text for p in run.pieces]) for run in par] for par in
...     story_paragraphs(story, speaker_colours(story))]
[[(True, ['"Yes,"']), (False, [' ', 'Ann', ' said.'])]]
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from itertools import pairwise
from pathlib import PurePath
from typing import TypeVar

from newsgraph.card import (
    actor_words,
    country_name,
    entity_index,
    event_row_words,
    event_words,
)
from newsgraph.model import Entity, Quote, Story

# Distinct highlight colours live in style.css as .speaker-0 … -11; the speakers after the
# twelfth share .speaker-others (the legend and each quote's label still name them).
PALETTE_SIZE = 12
UNKNOWN_SPEAKER = "unknown speaker"

T = TypeVar("T")

EntityLink = Callable[[Entity], str | None]


@dataclass(frozen=True, slots=True)
class Speaker:
    """One speaker of a story's quotes, with the colour their quotes are marked in: the
    `colour`-th of the palette, or PALETTE_SIZE for the shared colour of the others."""

    key: str
    name: str
    role: str | None
    colour: int
    entity: Entity | None
    quotes: int

    @property
    def css(self) -> str:
        """The CSS class of this speaker's colour: `speaker-3`, or `speaker-others`."""
        return f"speaker-{self.colour}" if self.colour < PALETTE_SIZE else "speaker-others"

    @property
    def label(self) -> str:
        """What hovering a quote shows: who said it, and as what."""
        return f"{self.name} — {self.role}" if self.role else self.name


@dataclass(frozen=True, slots=True)
class Piece:
    """A stretch of text, linked to an entity's page where it mentions one."""

    text: str
    entity: Entity | None = None
    href: str | None = None


@dataclass(frozen=True, slots=True)
class Run:
    """Consecutive pieces inside one quote (or outside every quote)."""

    pieces: tuple[Piece, ...]
    quote: Quote | None = None
    speaker: Speaker | None = None


Paragraph = list[Run]


def speaker_key(quote: Quote) -> str:
    return quote.speaker or (f"name:{quote.speaker_name}" if quote.speaker_name else "?")


def speaker_colours(story: Story) -> dict[str, Speaker]:
    """Each speaker in order of first quote, with a palette colour and a quote count."""
    entities = {entity.id: entity for entity in story.entities}
    counts: dict[str, int] = {}
    first: dict[str, Quote] = {}
    for quote in story.quotes:
        key = speaker_key(quote)
        counts[key] = counts.get(key, 0) + 1
        first.setdefault(key, quote)
    speakers: dict[str, Speaker] = {}
    for index, (key, quote) in enumerate(first.items()):
        entity = entities.get(quote.speaker) if quote.speaker else None
        name = (entity.name if entity else None) or quote.speaker_name or UNKNOWN_SPEAKER
        speakers[key] = Speaker(
            key=key,
            name=name,
            role=entity.role if entity else None,
            colour=min(index, PALETTE_SIZE),
            entity=entity,
            quotes=counts[key],
        )
    return speakers


def story_paragraphs(
    story: Story, speakers: dict[str, Speaker], link: EntityLink | None = None
) -> list[Paragraph]:
    """The body's paragraphs, each cut into runs of quoted and unquoted text."""
    quote_at = _span_owners([(span, quote) for quote in story.quotes for span in quote.content])
    entity_at = _span_owners(
        [(span, entity) for entity in story.entities for span in entity.mentions]
    )
    paragraphs: list[Paragraph] = []
    start = 0
    for text in story.body.split("\n\n"):
        end = start + len(text)
        if text.strip():
            paragraphs.append(_runs(story.body, start, end, quote_at, entity_at, speakers, link))
        start = end + 2
    return paragraphs


def _span_owners(items: Sequence[tuple[tuple[int, int], T]]) -> list[tuple[int, int, T]]:
    # Longest first, so a nested span (a name inside a name) never hides its container.
    return sorted(((s, e, owner) for (s, e), owner in items if e > s), key=lambda t: (t[0], t[0] - t[1]))


def _owner_at(owners: list[tuple[int, int, T]], position: int) -> T | None:
    for start, end, owner in owners:
        if start > position:
            break
        if start <= position < end:
            return owner
    return None


def _runs(
    body: str,
    start: int,
    end: int,
    quote_at: list[tuple[int, int, Quote]],
    entity_at: list[tuple[int, int, Entity]],
    speakers: dict[str, Speaker],
    link: EntityLink | None,
) -> Paragraph:
    cuts = {start, end}
    for spans in (quote_at, entity_at):
        for s, e, _ in spans:
            cuts.update(p for p in (s, e) if start < p < end)
    points = sorted(cuts)
    runs: Paragraph = []
    current: list[Piece] = []
    current_quote: Quote | None = None
    for left, right in pairwise(points):
        quote = _owner_at(quote_at, left)
        entity = _owner_at(entity_at, left)
        if current and quote is not current_quote:
            runs.append(_run(current, current_quote, speakers))
            current = []
        current_quote = quote
        href = link(entity) if entity is not None and link is not None else None
        current.append(Piece(body[left:right], entity, href))
    if current:
        runs.append(_run(current, current_quote, speakers))
    return runs


def _run(pieces: list[Piece], quote: Quote | None, speakers: dict[str, Speaker]) -> Run:
    speaker = speakers.get(speaker_key(quote)) if quote is not None else None
    return Run(tuple(pieces), quote, speaker)


def for_client(story: Story) -> Story:
    """The Story as a client may see it: the file it was read from by name only, since the
    path as given to `newsgraph ingest` tells where things live on the server.

    >>> for_client(Story(id="s", body="Rain.", source_path="/srv/news/a.html")).source_path
    'a.html'
    """
    if story.source_path is None:
        return story
    return replace(story, source_path=PurePath(story.source_path).name)


MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?)?)?)?")


def reader_date(value: str | None) -> str:
    """An ISO date or timestamp as a reader writes it, in the time zone it was given in.

    >>> reader_date("2020-04-10T17:58:15+01:00"), reader_date("2023-11-08"), reader_date("2019-05")
    ('10 April 2020, 17:58', '8 November 2023', 'May 2019')

    A midnight with no seconds' worth of detail is how date-only sources fill the time, so it
    is left out; what does not parse is shown as it came.
    """
    if not value:
        return ""
    found = _ISO.match(value.strip())
    if found is None:
        return value
    year, month, day, hour, minute = found.groups()
    if month is None or not 1 <= int(month) <= 12:
        return year
    if day is None:
        return f"{MONTHS[int(month) - 1]} {year}"
    text = f"{int(day)} {MONTHS[int(month) - 1]} {year}"
    if hour is not None and (hour, minute) != ("00", "00"):
        text += f", {hour}:{minute}"
    return text


__all__ = [
    "PALETTE_SIZE",
    "Paragraph",
    "Piece",
    "Run",
    "Speaker",
    "actor_words",
    "country_name",
    "entity_index",
    "event_row_words",
    "event_words",
    "for_client",
    "reader_date",
    "speaker_colours",
    "speaker_key",
    "story_paragraphs",
]
