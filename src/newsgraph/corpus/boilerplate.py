"""Publisher furniture learned from the archive: lines one site prints under many stories.

The extract stage knows furniture that reads like furniture ("Sign up for our newsletter");
a site's own disclaimer or promo in plain prose only shows itself by recurring. Every
paragraph of every stored story is counted per publisher; a paragraph carried by at least
`MIN_STORIES` stories of one publisher, across at least `MIN_CLUSTERS` different syndication
clusters (so a story the site ran five times in updates is not mistaken for boilerplate), is
learned. It is then taken out of the body of every story of that publisher, past and future,
and recorded in the story's `furniture` as kind "other", with every annotation span remapped.

Stories that name no publisher (scraped text often does not) are counted together as one
unknown publisher, with the same thresholds. Counting uses each story's body as extracted.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
from dataclasses import replace

from newsgraph.corpus.store import read_story, rewrite_story
from newsgraph.model import Entity, Event, Furniture, Quote, Span, Story

MIN_STORIES = 5
MIN_CLUSTERS = 4
# The publisher of stories that name none: their lines are learned together.
UNKNOWN = ""
LEARNED_KIND = "other"
# Longer paragraphs are reporting, not furniture, however often a site reprints them.
MAX_LINE_CHARS = 600

_SPACES = re.compile(r"\s+")


def line_key(text: str) -> str:
    """The identity of a paragraph for counting: whitespace and case folded, hashed."""
    normal = _SPACES.sub(" ", text).strip().lower()
    return hashlib.sha1(normal.encode()).hexdigest()[:20]


def learned_lines(connection: sqlite3.Connection, publisher: str | None) -> set[str]:
    """Keys of the lines learned as this publisher's furniture (None: unknown publisher)."""
    rows = connection.execute(
        "SELECT line FROM publisher_lines WHERE publisher = ? AND learned = 1",
        (publisher or UNKNOWN,),
    )
    return {row[0] for row in rows}


def count_lines(connection: sqlite3.Connection, story: Story, cluster: str) -> list[str]:
    """Count the paragraphs of a newly stored story (its body as extracted) under its
    publisher; learn those that now qualify and strip them from the publisher's stories.

    Stories with no known publisher are counted together, as one "unknown" publisher.
    `cluster_runs` counts how often a line turned up in a story of another cluster than the
    last story that carried it: a cheap lower bound on its clusters, so the exact count (a
    full-text query) only runs for lines that may qualify. Returns the texts learned.
    """
    publisher = story.publisher or UNKNOWN
    learned: list[str] = []
    seen: set[str] = set()
    for paragraph in story.paragraphs:
        if len(paragraph) > MAX_LINE_CHARS:
            continue
        key = line_key(paragraph)
        if key in seen:
            continue
        seen.add(key)
        stories, runs, checked_at, is_learned = connection.execute(
            "INSERT INTO publisher_lines (publisher, line, text, stories, last_cluster)"
            " VALUES (?, ?, ?, 1, ?)"
            " ON CONFLICT (publisher, line) DO UPDATE SET stories = stories + 1,"
            " cluster_runs = cluster_runs + (last_cluster IS NOT excluded.last_cluster),"
            " last_cluster = excluded.last_cluster"
            " RETURNING stories, cluster_runs, checked_at, learned",
            (publisher, key, paragraph, cluster),
        ).fetchone()
        # Re-check a line whenever its count has doubled since the last look.
        if (is_learned or stories < MIN_STORIES or runs + 1 < MIN_CLUSTERS
                or stories < 2 * checked_at):
            continue
        connection.execute(
            "UPDATE publisher_lines SET checked_at = ? WHERE publisher = ? AND line = ?",
            (stories, publisher, key),
        )
        carriers = _stories_with(connection, publisher, paragraph)
        if len({cluster for _, cluster, _ in carriers}) >= MIN_CLUSTERS:
            connection.execute(
                "UPDATE publisher_lines SET learned = 1 WHERE publisher = ? AND line = ?",
                (publisher, key),
            )
            _strip(connection, carriers, paragraph)
            learned.append(paragraph)
    return learned


def _stories_with(
    connection: sqlite3.Connection, publisher: str, text: str
) -> list[tuple[int, str, Story]]:
    """(rowid, cluster, Story) of the publisher's stories whose body holds `text`, found
    through the full-text index and confirmed on the body."""
    words = re.findall(r"\w+", text)
    if not words:
        return []
    phrase = '"' + " ".join(words) + '"'
    rows = connection.execute(
        "SELECT s.rowid, s.cluster, s.data, s.body, s.publisher FROM stories_fts"
        " JOIN stories s ON s.rowid = stories_fts.rowid WHERE stories_fts MATCH ?",
        (f"body : {phrase}",),
    ).fetchall()
    return [
        (rowid, cluster, read_story(data, body))
        for rowid, cluster, data, body, owner in rows
        if (owner or UNKNOWN) == publisher and text in body
    ]


def strip_publisher(connection: sqlite3.Connection, publisher: str | None, text: str) -> int:
    """Take a learned line out of every stored story of a publisher; returns how many changed."""
    return _strip(connection, _stories_with(connection, publisher or UNKNOWN, text), text)


def _strip(connection: sqlite3.Connection, carriers: list[tuple[int, str, Story]], text: str) -> int:
    keys = {line_key(text)}
    changed = 0
    for rowid, _, story in carriers:
        stripped = strip_lines(story, keys)
        if stripped is not story:
            rewrite_story(connection, rowid, stripped)
            changed += 1
    return changed


def strip_lines(story: Story, keys: set[str]) -> Story:
    """The story without the paragraphs whose `line_key` is in `keys`, each recorded as
    furniture; spans after them shift, annotations inside them go. Returns `story` itself
    when nothing matches or when stripping would leave no body.

    >>> story = Story(id="s", body="News here.\\n\\nSubscribe to the Gazette.")
    >>> strip_lines(story, {line_key("Subscribe to the Gazette.")}).body
    'News here.'
    """
    if not keys:
        return story
    paragraphs = story.body.split("\n\n")
    keep = [line_key(p) not in keys or not p for p in paragraphs]
    if all(keep) or not any(k and p for k, p in zip(keep, paragraphs, strict=True)):
        return story
    removed: list[Span] = []
    position = 0
    for index, (paragraph, kept) in enumerate(zip(paragraphs, keep, strict=True)):
        end = position + len(paragraph)
        if not kept:
            # Take the paragraph with the separator after it (or before it, at the end).
            if index + 1 < len(paragraphs):
                removed.append((position, end + 2))
            else:
                removed.append((max(0, position - 2), end))
        position = end + 2
    removed = _merge(removed)
    body = "".join(
        story.body[start:stop]
        for start, stop in _gaps(removed, len(story.body))
    )
    furniture = story.furniture + tuple(
        Furniture(text=p, kind=LEARNED_KIND) for p, k in zip(paragraphs, keep, strict=True) if not k
    )
    remap = _Remapper(removed)
    return replace(
        story,
        body=body,
        furniture=furniture,
        entities=tuple(e for e in (_entity(e, remap) for e in story.entities) if e is not None),
        quotes=tuple(q for q in (_quote(q, remap) for q in story.quotes) if q is not None),
        events=tuple(e for e in (_event(e, remap) for e in story.events) if e is not None),
    )


class _Remapper:
    """Moves spans of the old body onto the new one; None for a span touching a removal."""

    def __init__(self, removed: list[Span]) -> None:
        self.removed = removed

    def __call__(self, span: Span) -> Span | None:
        start, end = span
        shift = 0
        for a, b in self.removed:
            if a < end and start < b:
                return None
            if b <= start:
                shift += b - a
        return (start - shift, end - shift)


def _merge(spans: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _gaps(removed: list[Span], length: int) -> list[Span]:
    gaps, position = [], 0
    for start, end in removed:
        gaps.append((position, start))
        position = end
    gaps.append((position, length))
    return gaps


def _entity(entity: Entity, remap: _Remapper) -> Entity | None:
    mentions = tuple(m for m in (remap(s) for s in entity.mentions) if m is not None)
    if entity.mentions and not mentions:
        return None
    return replace(entity, mentions=mentions)


def _quote(quote: Quote, remap: _Remapper) -> Quote | None:
    content = _remap_all(quote.content, remap)
    claim = _remap_all(quote.claim, remap) if quote.claim is not None else None
    cue = remap(quote.cue) if quote.cue else None
    source = remap(quote.source) if quote.source else None
    if content is None or (quote.claim is not None and claim is None) or (quote.cue and cue is None):
        return None
    return replace(quote, content=content, claim=claim, cue=cue, source=source)


def _remap_all(spans: tuple[Span, ...], remap: _Remapper) -> tuple[Span, ...] | None:
    """Every span moved, or None when any touches a removal."""
    moved = [remap(s) for s in spans]
    return None if any(s is None for s in moved) else tuple(s for s in moved if s is not None)


def _event(event: Event, remap: _Remapper) -> Event | None:
    evidence = _remap_all(event.evidence, remap)
    return None if evidence is None else replace(event, evidence=evidence)


def learned_summary(connection: sqlite3.Connection) -> dict[str, list[str]]:
    """Every learned line by publisher (for reports and tests)."""
    summary: dict[str, list[str]] = {}
    for publisher, text in connection.execute(
        "SELECT publisher, text FROM publisher_lines WHERE learned = 1 ORDER BY publisher, text"
    ):
        summary.setdefault(publisher, []).append(text)
    return summary


__all__ = [
    "LEARNED_KIND",
    "MIN_CLUSTERS",
    "MIN_STORIES",
    "UNKNOWN",
    "count_lines",
    "learned_lines",
    "learned_summary",
    "line_key",
    "strip_lines",
    "strip_publisher",
]
