"""What archive questions answer with: small frozen rows, each with `to_dict()` for JSON.

The CLI formats them as tables, JSON, JSONL or CSV; the HTTP API returns `to_dict()`.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from newsgraph.model import Story


class Row:
    """Mixin: `to_dict()` turns a row (and rows or Stories inside it) into plain JSON values."""

    __slots__ = ()

    def to_dict(self) -> dict[str, Any]:
        return {name: _plain(getattr(self, name)) for name in _names(type(self))}


_NAMES: dict[type, tuple[str, ...]] = {}


def _names(kind: type) -> tuple[str, ...]:
    # `fields()` looks the class over on every call: most of the time of a list's to_dict.
    names = _NAMES.get(kind)
    if names is None:
        names = _NAMES[kind] = tuple(f.name for f in fields(kind))
    return names


def _plain(value: Any) -> Any:
    if isinstance(value, Story | Row):
        return value.to_dict()
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    return value


@dataclass(frozen=True, slots=True)
class StoryHit(Row):
    """One story in a list: a search hit (with `snippet` and `score`) or a latest story."""

    id: str
    title: str | None
    publisher: str | None
    published: str | None
    url: str | None
    cluster: str | None
    copies: int
    snippet: str | None = None
    score: float | None = None


@dataclass(frozen=True, slots=True)
class Copy(Row):
    """One copy of a syndicated story: who ran it, under which headline, when."""

    id: str
    publisher: str | None
    title: str | None
    published: str | None
    url: str | None
    is_original: bool


@dataclass(frozen=True, slots=True)
class StoryRecord(Row):
    """A story card: the full Story, its cluster's original and source, and every copy
    (this one included, the original first)."""

    story: Story
    original: str | None
    original_source: str | None
    copies: tuple[Copy, ...]


@dataclass(frozen=True, slots=True)
class QuoteRow(Row):
    """One quote with who said it (`person` groups name variants) and where it ran."""

    story_id: str
    title: str | None
    publisher: str | None
    published: str | None
    person: str | None
    speaker: str | None
    role: str | None
    text: str
    kind: str
    via: str | None


@dataclass(frozen=True, slots=True)
class PersonRow(Row):
    """A quoted person: id (e.g. `lavrov-s`), the fullest usual name, role, counts, and the
    name forms met across stories."""

    id: str
    name: str
    role: str | None
    quotes: int
    stories: int
    names: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PersonRecord(Row):
    """A person's page: who, every quote (newest first), and people quoted beside them
    (`alongside`, most shared stories first)."""

    person: PersonRow
    quotes: tuple[QuoteRow, ...]
    alongside: tuple[PersonRow, ...]


@dataclass(frozen=True, slots=True)
class ActorRow(Row):
    text: str
    entity: str | None
    country: str | None
    sector: str | None


@dataclass(frozen=True, slots=True)
class EventRow(Row):
    """One event with its story: type/mode, who to whom, when and where, and the sentence."""

    story_id: str
    title: str | None
    published: str | None
    type: str
    mode: str | None
    source: tuple[ActorRow, ...]
    target: tuple[ActorRow, ...]
    when: str | None
    where: str | None
    evidence: str


@dataclass(frozen=True, slots=True)
class ClusterRow(Row):
    """A syndication cluster: its size, its original copy and source, and who ran it."""

    id: str
    size: int
    original: str | None
    original_source: str | None
    title: str | None
    first_published: str | None
    publishers: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ArchiveStats(Row):
    """What the archive holds, for `newsgraph stats` and the web page's footer. `file` is
    the archive file as it was opened (the HTTP API shows its name only)."""

    file: str
    schema_version: int
    size_bytes: int
    stories: int
    clusters: int
    syndicated_clusters: int
    syndicated_copies: int
    publishers: int
    entities: int
    quotes: int
    people: int
    events: int
    learned_furniture: int
    first_published: str | None
    last_published: str | None


__all__ = [
    "ActorRow",
    "ArchiveStats",
    "ClusterRow",
    "Copy",
    "EventRow",
    "PersonRecord",
    "PersonRow",
    "QuoteRow",
    "Row",
    "StoryHit",
    "StoryRecord",
]
