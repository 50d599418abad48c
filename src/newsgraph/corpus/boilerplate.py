"""Publisher furniture learned from the archive: lines one site prints under many stories.

The extract stage knows furniture that reads like furniture ("Sign up for our newsletter");
a site's own disclaimer or promo in plain prose only shows itself by recurring. Every
paragraph of every stored story is counted per publisher; a paragraph carried by at least
`MIN_STORIES` stories of one publisher, across at least `MIN_CLUSTERS` different syndication
clusters (so a story the site ran five times in updates is not mistaken for boilerplate), is
learned. What is learned is a lexicon for the extract stage (`publisher_lines`, handed to
`extract`/`analyze` as `lexicon`), which takes those paragraphs out of the body before any
annotation and records them in the story's `furniture` as kind "other". Stories stored
before a line was learned are refreshed (`refresh_story`): the line taken out of the body
and the story annotated again, so annotations always belong to the final body and a
story's id stays the hash of its body.

Stories that name no publisher (scraped text often does not) are counted together as one
unknown publisher, with the same thresholds.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, replace

from newsgraph.corpus.store import read_story
from newsgraph.extract.publisher_lines import (
    LEARNED_KIND,
    UNKNOWN_PUBLISHER,
    PublisherLines,
    line_key,
    remove_publisher_lines,
)
from newsgraph.model import Story

MIN_STORIES = 5
MIN_CLUSTERS = 4
UNKNOWN = UNKNOWN_PUBLISHER
# Longer paragraphs are reporting, not furniture, however often a site reprints them.
MAX_LINE_CHARS = 600


def publisher_lines(connection: sqlite3.Connection) -> dict[str, frozenset[str]]:
    """The lexicon of every line learned so far, for the extract stage."""
    lexicon: dict[str, set[str]] = {}
    for publisher, key in connection.execute(
        "SELECT publisher, line FROM publisher_lines WHERE learned = 1"
    ):
        lexicon.setdefault(publisher, set()).add(key)
    return {publisher: frozenset(keys) for publisher, keys in lexicon.items()}


def count_lines(connection: sqlite3.Connection, story: Story, cluster: str) -> list[str]:
    """Count the paragraphs of a newly stored story under its publisher; learn those that
    now qualify. The caller refreshes the stories that carry them (`carriers`).

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
        found = carriers(connection, publisher, paragraph)
        if len({carrier.cluster for carrier in found}) >= MIN_CLUSTERS:
            connection.execute(
                "UPDATE publisher_lines SET learned = 1 WHERE publisher = ? AND line = ?",
                (publisher, key),
            )
            learned.append(paragraph)
    return learned


@dataclass(frozen=True, slots=True)
class Carrier:
    """A stored story whose body holds a line: its row, cluster, stage and Story."""

    rowid: int
    cluster: str
    stage: str
    story: Story


def carriers(connection: sqlite3.Connection, publisher: str | None, text: str) -> list[Carrier]:
    """The publisher's stored stories whose body holds `text`, found through the full-text
    index and confirmed on the body."""
    words = re.findall(r"\w+", text)
    if not words:
        return []
    phrase = '"' + " ".join(words) + '"'
    rows = connection.execute(
        "SELECT s.rowid, s.cluster, s.stage, s.data, s.body, s.publisher FROM stories_fts"
        " JOIN stories s ON s.rowid = stories_fts.rowid WHERE stories_fts MATCH ?",
        (f"body : {phrase}",),
    ).fetchall()
    owner_of = publisher or UNKNOWN
    return [
        Carrier(rowid, cluster, stage, read_story(data, body))
        for rowid, cluster, stage, data, body, owner in rows
        if (owner or UNKNOWN) == owner_of and text in body
    ]


def without_annotations(story: Story) -> Story:
    """The story as the extract stage left it: no entities, quotes or events."""
    return replace(story, entities=(), quotes=(), events=(), cluster=None)


def strip_learned(story: Story, lexicon: PublisherLines) -> Story | None:
    """The extracted part of a stored story less the lines in `lexicon`, ready to be
    annotated again; None when it carries none of them (it stays as it is)."""
    stripped = remove_publisher_lines(without_annotations(story), lexicon)
    return None if stripped.body == story.body else stripped


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
    "Carrier",
    "carriers",
    "count_lines",
    "learned_summary",
    "line_key",
    "publisher_lines",
    "strip_learned",
    "without_annotations",
]
