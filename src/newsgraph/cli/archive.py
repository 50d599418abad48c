"""The archive commands: `ingest`, `export`, and the questions (`search`, `quotes`, `people`,
`events`, `story`, `clusters`, `stats`). Each parses its options, calls one function of
`newsgraph.corpus` and formats the rows it returns."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from newsgraph.card import story_card
from newsgraph.cli.arguments import positive_int, quiet_option
from newsgraph.cli.output import open_output
from newsgraph.cli.progress import RunProgress
from newsgraph.cli.tables import FORMATS, Column, write_object, write_rows
from newsgraph.model import EVENT_TYPES

if TYPE_CHECKING:
    from newsgraph.corpus import Archive, IngestReport
    from newsgraph.corpus.rows import ActorRow

# The corpus is imported inside the handlers: it pulls in datasketch and scipy, over a
# second that `newsgraph --help` and `newsgraph extract` should not pay. These two
# mirror newsgraph.corpus (a test holds them equal) so the parser can be built without it.
DEFAULT_ARCHIVE = "newsgraph.db"
EXPORT_FORMATS = ("jsonl", "parquet", "csv")


def register(subparsers: Any) -> None:
    _ingest(subparsers)
    search = _question(subparsers, "search",
                       "Full-text search over headlines and bodies, best first, one hit per "
                       "story (the copies of a syndicated story are one hit, with their count).",
                       _search, [("query", {"metavar": "QUERY", "type": _query,
                                            "help": 'words (all must match) or "a phrase"'})])
    search.add_argument("--copies", action="store_true",
                        help="list every copy of a syndicated story as its own hit")
    quotes = _question(subparsers, "quotes", "Who said what: quotes, newest first.", _quotes)
    quotes.add_argument("--speaker", metavar="NAME",
                        help='a name ("Lavrov", "Sergei Lavrov") or a person id from `people`')
    quotes.add_argument("--about", metavar="TERM", help="words in the quote or its story")
    quotes.add_argument("--since", type=_date, metavar="DATE", help="on or after (YYYY-MM-DD)")
    quotes.add_argument("--until", type=_date, metavar="DATE", help="on or before (YYYY-MM-DD)")
    _question(subparsers, "people", "The most quoted people, with their roles.", _people)
    events = _question(subparsers, "events", "Who did what to whom, newest first.", _events)
    events.add_argument("--actor", metavar="NAME|CODE",
                        help='an actor name ("Russia") or a country/sector code ("RUS", "GOV")')
    events.add_argument("--type", type=_event_type, metavar="TYPE",
                        help='a PLOVER event type ("SANCTION"), any case')
    _question(subparsers, "story", "One story's card with every copy of it.", _story,
              [("id", {"metavar": "ID", "help": "story id (from search, clusters or export)"})],
              limit=False)
    clusters = _question(subparsers, "clusters",
                         "Syndication clusters: one story and the sites that ran it.", _clusters)
    clusters.add_argument("--min-size", type=positive_int, default=2, metavar="N",
                          help="only clusters of at least N copies (default 2)")
    _question(subparsers, "stats", "What the archive holds.", _stats, limit=False)
    _export(subparsers)


# --- ingest and export ------------------------------------------------------------------


def _ingest(subparsers: Any) -> None:
    summary = ("Analyse pages and store them in the archive: new stories only, syndicated "
               "copies clustered, publisher boilerplate learned. Safe to stop and re-run.")
    command = subparsers.add_parser("ingest", help=summary.split(":")[0] + ".", description=summary)
    command.add_argument("inputs", nargs="+", metavar="INPUT",
                         help="file (.html, .htm, .txt, .jsonl, .warc, any of them .gz), "
                              "directory, or - for stdin")
    _db(command)
    command.add_argument("--jobs", type=positive_int, default=None, metavar="N",
                         help="worker processes (default: all cores; 1 runs in one process)")
    command.add_argument("--kind", choices=("auto", "html", "text"), default="auto",
                         help="treat inputs as HTML or text where the extension does not say "
                         "(default: auto)")
    command.add_argument("--stage", choices=("analyze", "extract"), default="analyze",
                         help="analyze (default: entities, quotes, events) or extract only (fast)")
    quiet_option(command)
    command.set_defaults(handler=run_ingest)


def run_ingest(args: argparse.Namespace) -> int:
    from newsgraph.corpus import Archive, ingest

    with Archive.open(args.db) as archive, RunProgress("ingest", quiet=args.quiet) as progress:
        def show(report: IngestReport) -> None:
            progress.update(report.read, {
                "stored": report.stored, "analysed again": report.upgraded,
                "already stored": report.skipped, "duplicates": report.duplicates,
                "without an article": report.empty, "failed": report.failed})

        def name(reason: str) -> None:
            progress.note(f"newsgraph: {reason}")

        report = ingest(archive, args.inputs, jobs=args.jobs, progress=show,
                        stage=args.stage, kind=args.kind, on_failure=name, on_skip=name)
    print(
        f"newsgraph: {report.stored} stored, {report.upgraded} analysed again, "
        f"{report.skipped} already in the archive, "
        f"{report.duplicates} duplicates, {report.empty} without an article, "
        f"{report.failed} failed; {report.syndicated} joined a cluster, "
        f"{report.learned} furniture lines learned; {report.read} documents in "
        f"{report.elapsed_s:.1f} s ({report.rate:.1f}/s) -> {args.db}",
        file=sys.stderr,
    )
    return 1 if report.failed else 0


def _export(subparsers: Any) -> None:
    summary = "Write every stored story out: JSONL (the Story JSON), Parquet or CSV."
    command = subparsers.add_parser("export", help=summary, description=summary)
    _db(command)
    command.add_argument("--format", choices=EXPORT_FORMATS, default="jsonl",
                         help="jsonl (default), parquet or csv")
    command.add_argument("-o", "--output", required=True, metavar="PATH",
                         help="file to write (- for stdout, jsonl and csv only)")
    command.set_defaults(handler=run_export)


def run_export(args: argparse.Namespace) -> int:
    if args.format == "parquet" and args.output == "-":
        print("newsgraph: error: parquet needs a file (-o PATH), not stdout", file=sys.stderr)
        return 2
    from newsgraph.corpus import Archive, export_stories

    with Archive.open(args.db, create=False) as archive:
        count = export_stories(archive, args.output, args.format)
    if args.output != "-":
        print(f"newsgraph: {count} stories -> {args.output}", file=sys.stderr)
    return 0


# --- questions ----------------------------------------------------------------------------


def _question(
    subparsers: Any,
    name: str,
    summary: str,
    handler: Callable[[Archive, argparse.Namespace], tuple[Any, list[Column] | None]],
    positionals: list[tuple[str, dict[str, Any]]] | None = None,
    limit: bool = True,
) -> argparse.ArgumentParser:
    command: argparse.ArgumentParser = subparsers.add_parser(name, help=summary, description=summary)
    for dest, options in positionals or []:
        command.add_argument(dest, **options)
    _db(command)
    command.add_argument("--format", choices=FORMATS, default="table",
                         help="table (default), json, jsonl or csv")
    if limit:
        command.add_argument("--limit", type=positive_int, default=20, metavar="N",
                             help="at most N rows (default 20)")
    command.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    command.set_defaults(handler=lambda args: _answer(args, handler))
    return command


def _answer(args: argparse.Namespace,
            handler: Callable[[Archive, argparse.Namespace], tuple[Any, list[Column] | None]]) -> int:
    from newsgraph.corpus import Archive

    with Archive.open(args.db, create=False) as archive:
        result, columns = handler(archive, args)
    if result is None:
        print(f"newsgraph: error: no story with id {args.id!r} in {args.db}", file=sys.stderr)
        return 1
    with open_output(args.output) as out:
        if columns is None:
            write_object(result, args.format, out, lambda: _text_of(result))
        else:
            write_rows(result, args.format, columns, out)
    return 0


def _search(archive: Archive, args: argparse.Namespace) -> tuple[Any, list[Column]]:
    from newsgraph.corpus import search_stories

    return search_stories(archive, args.query, limit=args.limit, copies=args.copies), [
        Column("id", lambda r: r.id), Column("published", lambda r: r.published),
        Column("publisher", lambda r: r.publisher, 24), Column("title", lambda r: r.title, 60),
        Column("copies", lambda r: r.copies), Column("snippet", lambda r: r.snippet, 90),
    ]


def _quotes(archive: Archive, args: argparse.Namespace) -> tuple[Any, list[Column]]:
    from newsgraph.corpus import find_quotes

    rows = find_quotes(archive, speaker=args.speaker, about=args.about, since=args.since,
                       until=args.until, limit=args.limit)
    return rows, [
        Column("published", lambda r: r.published), Column("speaker", lambda r: r.speaker, 28),
        Column("quote", lambda r: r.text, 100), Column("story", lambda r: r.story_id),
        Column("publisher", lambda r: r.publisher, 24),
    ]


def _people(archive: Archive, args: argparse.Namespace) -> tuple[Any, list[Column]]:
    from newsgraph.corpus import list_people

    return list_people(archive, limit=args.limit), [
        Column("id", lambda r: r.id), Column("name", lambda r: r.name),
        Column("role", lambda r: r.role, 50), Column("quotes", lambda r: r.quotes),
        Column("stories", lambda r: r.stories), Column("also written", lambda r: r.names[1:], 50),
    ]


def _events(archive: Archive, args: argparse.Namespace) -> tuple[Any, list[Column]]:
    from newsgraph.corpus import find_events

    rows = find_events(archive, actor=args.actor, type=args.type, limit=args.limit)
    return rows, [
        Column("published", lambda r: r.published),
        Column("type", lambda r: r.type + (f"/{r.mode}" if r.mode else "")),
        Column("source", lambda r: [_actor(a) for a in r.source], 30),
        Column("target", lambda r: [_actor(a) for a in r.target], 30),
        Column("when", lambda r: r.when), Column("evidence", lambda r: r.evidence, 80),
        Column("story", lambda r: r.story_id),
    ]


def _story(archive: Archive, args: argparse.Namespace) -> tuple[Any, None]:
    from newsgraph.corpus import get_story

    return get_story(archive, args.id), None


def _clusters(archive: Archive, args: argparse.Namespace) -> tuple[Any, list[Column]]:
    from newsgraph.corpus import list_clusters

    return list_clusters(archive, min_size=args.min_size, limit=args.limit), [
        Column("id", lambda r: r.id), Column("size", lambda r: r.size),
        Column("original source", lambda r: r.original_source, 28),
        Column("first published", lambda r: r.first_published),
        Column("title", lambda r: r.title, 60), Column("publishers", lambda r: r.publishers, 60),
    ]


def _stats(archive: Archive, args: argparse.Namespace) -> tuple[Any, None]:
    from newsgraph.corpus import archive_stats

    return archive_stats(archive), None


def _text_of(result: Any) -> str:
    from newsgraph.corpus import StoryRecord

    if isinstance(result, StoryRecord):
        lines = [story_card(result.story).rstrip(), "", f"Copies ({len(result.copies)}):"]
        for copy in result.copies:
            # The URL tells two copies of one publisher apart; a changed headline is shown.
            mark = "*" if copy.is_original else " "
            lines.append(f" {mark} {copy.id}  {copy.published or '':10}  "
                         f"{copy.publisher or '(unknown publisher)'}  {copy.url or '(no URL)'}")
            if copy.title and copy.title != result.story.title:
                lines.append(f"     {copy.title}")
        if result.original_source:
            lines.append(f"Original source: {result.original_source}")
        return "\n".join(lines) + "\n"
    return "".join(f"{key:>20}  {value}\n" for key, value in result.to_dict().items())


def _actor(actor: ActorRow) -> str:
    code = "/".join(c for c in (actor.country, actor.sector) if c)
    return f"{actor.text} ({code})" if code else actor.text


def _db(command: argparse.ArgumentParser) -> None:
    command.add_argument("--db", default=DEFAULT_ARCHIVE, metavar="PATH",
                         help=f"archive file (default: {DEFAULT_ARCHIVE} in this directory)")


def _date(text: str) -> str:
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _query(text: str) -> str:
    if not text.strip():
        raise argparse.ArgumentTypeError("an empty query matches nothing; give words to search for")
    return text


def _event_type(text: str) -> str:
    if text.upper() not in EVENT_TYPES:
        raise argparse.ArgumentTypeError(
            f"unknown event type {text!r}; choose one of {', '.join(EVENT_TYPES)}")
    return text.upper()


__all__ = ["register", "run_export", "run_ingest"]
