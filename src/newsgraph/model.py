"""The records that flow through the pipeline: a raw `Document` in, a `Story` out.

Every stage takes Stories and returns new ones (`dataclasses.replace`); nothing here is
mutated after construction. All spans are half-open `[start, end)` character offsets into
`Story.body`, checked when the Story is built, so a stage that produces a bad span fails at
the point of the bug rather than in a later reader.

>>> story = Story(id="x", body="Hello.")
>>> Story.from_dict(story.to_dict()) == story
True

This module imports nothing from the package; everything may import it.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, fields
from typing import Any, Literal

Span = tuple[int, int]

FURNITURE_KINDS = (
    "teaser",
    "disclaimer",
    "corrections",
    "agency_boilerplate",
    "credit",
    "share",
    "newsletter",
    "caption",
    "navigation",
    "other",
)

EVENT_TYPES = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "INVESTIGATE",
    "DEMAND",
    "DISAPPROVE",
    "REJECT",
    "THREATEN",
    "SANCTION",
    "PROTEST",
    "CRIME",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)

QUOTE_KINDS = ("direct", "indirect", "mixed")

InputKind = Literal["html", "text"]
# What a caller may ask for: a kind, or "auto" to tell them apart (`ingest.resolve_kind`).
KindOption = Literal["auto", "html", "text"]


@dataclass(frozen=True, slots=True)
class Document:
    """One raw page as a reader found it, before extraction.

    `content` is already decoded text (readers detect the encoding); `kind` says whether it
    is HTML or scraped text.
    """

    content: str
    kind: InputKind
    url: str | None = None
    source_path: str | None = None
    source_id: str | None = None
    fetched: str | None = None  # ISO-8601 date the page was fetched (WARC records)

    @property
    def origin(self) -> str:
        """Where the page came from, for messages and ids."""
        return self.url or self.source_path or self.source_id or "<input>"


@dataclass(frozen=True, slots=True)
class Dateline:
    place: str | None
    agency: str | None


@dataclass(frozen=True, slots=True)
class Contributor:
    name: str
    place: str | None = None


@dataclass(frozen=True, slots=True)
class Furniture:
    text: str
    kind: str

    def __post_init__(self) -> None:
        if self.kind not in FURNITURE_KINDS:
            raise ValueError(f"unknown furniture kind {self.kind!r}")


@dataclass(frozen=True, slots=True)
class Entity:
    """One real-world person, organisation or place, with every mention of it."""

    id: str
    name: str
    type: str
    role: str | None = None
    mentions: tuple[Span, ...] = ()
    country: str | None = None  # ISO 3166 alpha-3 where the entity is or belongs to a state


@dataclass(frozen=True, slots=True)
class Quote:
    """One attribution: what was said (`content`), the words reporting it (`cue`), who said
    it (`source`, the mention; `speaker`, its entity id; `speaker_name`, a readable name).

    `content` is the speaker's words as printed: for a direct quote the quotation, marks
    included, in one or more pieces ("“A,” she said, “B.”" is one quote in two pieces); for
    a mixed quote only the quoted pieces ("characterized the allegations as “surreal.”"
    gives "“surreal.”"); for an indirect quote the reported clause. `claim` is, for a mixed
    quote, the whole attributed content as PolNeAR marks it, the writer's paraphrase with
    the quoted words inside ("the allegations as “surreal.”"); it is None where it would
    equal `content` (direct and indirect quotes), so `quote.claim or quote.content` is
    always what the source is reported to have said. A source that stands for several
    people ("Pompeo and Lavrov said", "each accused the other" after "the call between
    Pompeo and Lavrov") has no one `speaker`; `speaker_name` names them all ("Mike Pompeo
    and Sergey Lavrov"). `via` names an outlet that relayed it ("according to the Interfax
    news agency").
    """

    content: tuple[Span, ...]
    kind: str
    cue: Span | None = None
    source: Span | None = None
    speaker: str | None = None
    speaker_name: str | None = None
    via: str | None = None
    claim: tuple[Span, ...] | None = None

    def __post_init__(self) -> None:
        if self.kind not in QUOTE_KINDS:
            raise ValueError(f"unknown quote kind {self.kind!r}")
        if self.claim is not None and self.kind != "mixed":
            raise ValueError(f"a {self.kind} quote has no claim apart from its content")


@dataclass(frozen=True, slots=True)
class Actor:
    text: str
    entity: str | None = None
    country: str | None = None
    sector: str | None = None


@dataclass(frozen=True, slots=True)
class When:
    text: str
    date: str | None = None


@dataclass(frozen=True, slots=True)
class Where:
    text: str
    entity: str | None = None
    country: str | None = None


# Events below this confidence stay in the JSON but are not shown (`analyze --format text`,
# the archive's event lists, the story page): chosen for precision on the development
# stories' tune half (docs/events.md).
MIN_CONFIDENCE = 0.5


@dataclass(frozen=True, slots=True)
class Event:
    """One real act: `evidence` lists every span of the body that states it."""

    type: str
    evidence: tuple[Span, ...]
    mode: str | None = None
    source: tuple[Actor, ...] = ()
    target: tuple[Actor, ...] = ()
    when: When | None = None
    where: Where | None = None
    confidence: float = 1.0
    background: bool = False  # reported history ("its 2014 annexation"), not today's news

    def __post_init__(self) -> None:
        if self.type not in EVENT_TYPES:
            raise ValueError(f"unknown event type {self.type!r}")
        if not self.evidence:
            raise ValueError("an event needs at least one evidence span")
        if not 0.0 <= self.confidence <= 1.0:
            raise ValueError(f"event confidence {self.confidence} outside [0, 1]")


def shown_events(events: Iterable[Event], min_confidence: float = MIN_CONFIDENCE
                 ) -> tuple[Event, ...]:
    """The events a reader is shown: those at or above the confidence threshold."""
    return tuple(e for e in events if e.confidence >= min_confidence)


@dataclass(frozen=True, slots=True)
class Story:
    """One copy of one news story: clean body, metadata, annotations. See DESIGN.md."""

    id: str
    body: str
    url: str | None = None
    source_path: str | None = None
    source_id: str | None = None
    title: str | None = None
    authors: tuple[str, ...] = ()
    contributors: tuple[Contributor, ...] = ()
    published: str | None = None
    publisher: str | None = None
    original_source: str | None = None
    dateline: Dateline | None = None
    language: str = "en"
    furniture: tuple[Furniture, ...] = ()
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    cluster: str | None = None
    warnings: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        for span in self._spans():
            check_span(span, len(self.body))

    def _spans(self) -> list[Span]:
        spans: list[Span] = []
        for entity in self.entities:
            spans.extend(entity.mentions)
        for quote in self.quotes:
            spans.extend(quote.content)
            spans.extend(quote.claim or ())
            spans.extend(s for s in (quote.cue, quote.source) if s is not None)
        spans.extend(span for event in self.events for span in event.evidence)
        return spans

    def text(self, span: Span) -> str:
        """The body text a span covers."""
        return self.body[span[0] : span[1]]

    @property
    def paragraphs(self) -> list[str]:
        return [p for p in self.body.split("\n\n") if p]

    def to_dict(self) -> dict[str, Any]:
        """The JSON contract of DESIGN.md: plain dicts, lists and strings."""
        return {f.name: _plain(getattr(self, f.name)) for f in fields(self)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Story:
        return cls(
            id=data["id"],
            body=data["body"],
            url=data.get("url"),
            source_path=data.get("source_path"),
            source_id=data.get("source_id"),
            title=data.get("title"),
            authors=tuple(data.get("authors") or ()),
            contributors=tuple(Contributor(**c) for c in data.get("contributors") or ()),
            published=data.get("published"),
            publisher=data.get("publisher"),
            original_source=data.get("original_source"),
            dateline=Dateline(**data["dateline"]) if data.get("dateline") else None,
            language=data.get("language") or "en",
            furniture=tuple(Furniture(**f) for f in data.get("furniture") or ()),
            entities=tuple(_entity(e) for e in data.get("entities") or ()),
            quotes=tuple(_quote(q) for q in data.get("quotes") or ()),
            events=tuple(_event(e) for e in data.get("events") or ()),
            cluster=data.get("cluster"),
            warnings=tuple(data.get("warnings") or ()),
        )


def evidence_text(story: Story, event: Event) -> str:
    """The words that state an event, its mentions joined in reading order."""
    return " … ".join(story.text(span) for span in sorted(event.evidence))


def check_span(span: Span, length: int) -> None:
    start, end = span
    if not (0 <= start <= end <= length):
        raise ValueError(f"span {span} outside body of length {length}")


def story_id(origin: str | None, body: str) -> str:
    """Stable id of one copy: where it came from plus its normalised body."""
    normalised = re.sub(r"\s+", " ", body).strip().lower()
    digest = hashlib.sha256(f"{origin or ''}\x00{normalised}".encode()).hexdigest()
    return digest[:16]


def _plain(value: Any) -> Any:
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if hasattr(value, "__dataclass_fields__"):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
    return value


def _span(value: Any) -> Span | None:
    return None if value is None else (int(value[0]), int(value[1]))


def _span_tuple(value: Any) -> tuple[Span, ...] | None:
    return None if value is None else tuple((int(s), int(e)) for s, e in value)


def _entity(data: dict[str, Any]) -> Entity:
    return Entity(
        id=data["id"],
        name=data["name"],
        type=data["type"],
        role=data.get("role"),
        mentions=tuple((int(s), int(e)) for s, e in data.get("mentions") or ()),
        country=data.get("country"),
    )


def _quote(data: dict[str, Any]) -> Quote:
    return Quote(
        content=tuple((int(s), int(e)) for s, e in data.get("content") or ()),
        kind=data["kind"],
        cue=_span(data.get("cue")),
        source=_span(data.get("source")),
        speaker=data.get("speaker"),
        speaker_name=data.get("speaker_name"),
        via=data.get("via"),
        claim=_span_tuple(data.get("claim")),
    )


def _evidence(value: Any) -> tuple[Span, ...]:
    """A list of spans; stories stored before events had several read as one span."""
    if len(value) == 2 and all(isinstance(v, int) for v in value):
        return ((int(value[0]), int(value[1])),)
    return tuple((int(s), int(e)) for s, e in value)


def _event(data: dict[str, Any]) -> Event:
    return Event(
        type=data["type"],
        evidence=_evidence(data["evidence"]),
        confidence=float(data.get("confidence", 1.0)),
        mode=data.get("mode"),
        source=tuple(Actor(**a) for a in data.get("source") or ()),
        target=tuple(Actor(**a) for a in data.get("target") or ()),
        when=When(**data["when"]) if data.get("when") else None,
        where=Where(**data["where"]) if data.get("where") else None,
        background=bool(data.get("background", False)),
    )


__all__ = [
    "EVENT_TYPES",
    "FURNITURE_KINDS",
    "MIN_CONFIDENCE",
    "QUOTE_KINDS",
    "Actor",
    "Contributor",
    "Dateline",
    "Document",
    "Entity",
    "Event",
    "Furniture",
    "KindOption",
    "Quote",
    "Span",
    "Story",
    "When",
    "Where",
    "check_span",
    "evidence_text",
    "shown_events",
    "story_id",
]
