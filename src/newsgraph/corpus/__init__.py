"""Corpus: the archive of stories, syndication clusters, learned furniture, and questions.

`Archive.open(path)` opens (or creates) one SQLite file; `ingest(archive, inputs)` fills it;
the functions of `newsgraph.corpus.queries` answer questions over it and `export_stories`
writes it out. The CLI and the HTTP API are thin shells over these.

>>> from newsgraph.corpus import Archive, ingest, search_stories
>>> with Archive.open("newsgraph.db") as archive:  # doctest: +SKIP
...     ingest(archive, ["pages/"])
...     hits = search_stories(archive, "Lavrov Venezuela")
"""

from newsgraph.corpus.export import EXPORT_FORMATS, export_stories
from newsgraph.corpus.ingest import IngestReport, ingest
from newsgraph.corpus.queries import (
    archive_stats,
    find_events,
    find_quotes,
    get_person,
    get_story,
    latest_stories,
    list_clusters,
    list_people,
    search_stories,
)
from newsgraph.corpus.rows import (
    ActorRow,
    ArchiveStats,
    ClusterRow,
    Copy,
    EventRow,
    PersonRecord,
    PersonRow,
    QuoteRow,
    StoryHit,
    StoryRecord,
)
from newsgraph.corpus.store import DEFAULT_ARCHIVE, Archive

__all__ = [
    "DEFAULT_ARCHIVE",
    "EXPORT_FORMATS",
    "ActorRow",
    "Archive",
    "ArchiveStats",
    "ClusterRow",
    "Copy",
    "EventRow",
    "IngestReport",
    "PersonRecord",
    "PersonRow",
    "QuoteRow",
    "StoryHit",
    "StoryRecord",
    "archive_stats",
    "export_stories",
    "find_events",
    "find_quotes",
    "get_person",
    "get_story",
    "ingest",
    "latest_stories",
    "list_clusters",
    "list_people",
    "search_stories",
]
