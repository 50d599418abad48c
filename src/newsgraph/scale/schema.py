"""The Parquet schema of a story at scale, and the row <-> Story mapping.

A story row holds the columns of `newsgraph export --format parquet` (scalars, `authors` as a
list, the nested parts as JSON text holding exactly the Story JSON's values), plus what a
crawl-scale run needs beside them: where the page came from (`host`, `warc_path`,
`warc_offset`, `fetched`, the partition column `crawl_date`), which stage made it, the
document fingerprint the archive uses to skip a page it has read (`source_key`), and the
syndication fingerprint of the body (`shingles`, `signature`, `band_keys`), so the global
syndication step never re-reads a body it does not have to.

A failure row names the record (`origin`, as `file.warc#URL`) and the reason.
"""

from __future__ import annotations

import json
from typing import Any

import pyarrow as pa

from newsgraph.corpus.export import JSON_COLUMNS, SCALAR_COLUMNS, story_row
from newsgraph.model import Story

# Stories carry no fetch date of their own; a page with none is filed under this partition.
UNKNOWN_DATE = "unknown"

PROVENANCE_FIELDS = [
    pa.field("host", pa.string()),
    pa.field("warc_path", pa.string()),
    pa.field("warc_offset", pa.int64()),
    pa.field("fetched", pa.string()),
    pa.field("crawl_date", pa.string()),
    pa.field("stage", pa.string()),
    pa.field("source_key", pa.string()),
]
FINGERPRINT_FIELDS = [
    pa.field("shingles", pa.int32()),
    pa.field("signature", pa.binary()),
    pa.field("band_keys", pa.list_(pa.int64())),
]


def _export_fields() -> list[pa.Field]:
    fields = [pa.field(name, pa.string()) for name in SCALAR_COLUMNS]
    fields.append(pa.field("authors", pa.list_(pa.string())))
    fields += [pa.field(name, pa.string()) for name in JSON_COLUMNS]
    return fields


STORY_SCHEMA = pa.schema(_export_fields() + PROVENANCE_FIELDS + FINGERPRINT_FIELDS)

FAILURE_SCHEMA = pa.schema([
    pa.field("origin", pa.string()),
    pa.field("reason", pa.string()),
    pa.field("warc_path", pa.string()),
    pa.field("warc_offset", pa.int64()),
    pa.field("stage", pa.string()),
])

# What an engine worker emits: stories and failures in one schema, told apart by `failure`
# (the reason, null for a story); the engine writes the two halves to their own folders.
# One output schema keeps a task a single pass over its records.
OUTCOME_SCHEMA = pa.schema(
    list(STORY_SCHEMA) + [pa.field("origin", pa.string()), pa.field("failure", pa.string())]
)

CLUSTER_MEMBER_SCHEMA = pa.schema([pa.field("id", pa.string()), pa.field("cluster", pa.string())])
CLUSTER_SCHEMA = pa.schema([
    pa.field("cluster", pa.string()),
    pa.field("size", pa.int64()),
    pa.field("original", pa.string()),
    pa.field("original_source", pa.string()),
    pa.field("title", pa.string()),
    pa.field("first_published", pa.string()),
])


def story_columns(story: Story) -> dict[str, Any]:
    """The export columns of one story (scalars, authors, nested parts as JSON text)."""
    return story_row(story)


def story_from_row(row: dict[str, Any]) -> Story:
    """The Story a row holds (extra columns ignored).

    >>> from newsgraph.model import Story
    >>> s = Story(id="a1", body="Rain.")
    >>> story_from_row(story_columns(s)) == s
    True
    """
    data: dict[str, Any] = {name: row.get(name) for name in SCALAR_COLUMNS}
    data["authors"] = list(row.get("authors") or [])
    for name in JSON_COLUMNS:
        text = row.get(name)
        data[name] = json.loads(text) if text else None
    data["body"] = data["body"] or ""
    return Story.from_dict(data)


def has_dateline(row: dict[str, Any]) -> bool:
    """Whether a row's story has a dateline (its shingles then leave the dateline out)."""
    text = row.get("dateline")
    return bool(text) and text != "null"


__all__ = [
    "CLUSTER_MEMBER_SCHEMA",
    "CLUSTER_SCHEMA",
    "FAILURE_SCHEMA",
    "OUTCOME_SCHEMA",
    "STORY_SCHEMA",
    "UNKNOWN_DATE",
    "has_dateline",
    "story_columns",
    "story_from_row",
]
