"""`newsgraph analyze` and `newsgraph extract`: pages in, Stories out."""

from __future__ import annotations

import argparse
from dataclasses import replace
from typing import Any

from newsgraph.card import story_card
from newsgraph.cli.arguments import positive_int, quiet_option, unit_float
from newsgraph.cli.output import open_output, story_json
from newsgraph.cli.progress import RunProgress
from newsgraph.ingest import read_inputs
from newsgraph.model import MIN_CONFIDENCE, Story, shown_events


def register(subparsers: Any) -> None:
    for name, summary in (
        ("analyze", "Run the whole per-story pipeline: extract, entities, quotes, events."),
        ("extract", "Run the extract stage only: clean body, metadata and removed furniture."),
    ):
        command = subparsers.add_parser(name, help=summary, description=summary)
        command.add_argument(
            "inputs",
            nargs="+",
            metavar="INPUT",
            help="file (.html, .htm, .txt, .jsonl, .warc, any of them .gz), directory, or - for stdin",
        )
        command.add_argument("--format", choices=("json", "jsonl", "text"), default="json",
                             help="json (default: one object, or a list for several), jsonl, "
                             "or text, a card to read")
        command.add_argument("--kind", choices=("auto", "html", "text"), default="auto",
                             help="treat inputs as HTML or text where the extension does not say "
                             "(default: auto)")
        command.add_argument("--jobs", type=positive_int, default=None, metavar="N",
                             help="worker processes (default: all cores; 1 runs in one process)")
        command.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
        if name == "analyze":
            command.add_argument(
                "--min-confidence", type=unit_float, default=None, metavar="C",
                help=f"keep only events of confidence >= C (0 to 1); by default the text card"
                     f" shows those >= {MIN_CONFIDENCE} and JSON keeps every event with its score")
        quiet_option(command)
        command.set_defaults(handler=run_stories_command, stage=name)


def run_stories_command(args: argparse.Namespace) -> int:
    from newsgraph.pipeline import run_stage  # heavy (spaCy): only when a command runs

    documents = read_inputs(args.inputs, kind=args.kind)
    failures = 0
    collected: list[Story] = []
    done = 0
    with open_output(args.output) as out, RunProgress(args.stage, quiet=args.quiet) as progress:
        for outcome in run_stage(documents, stage=args.stage, jobs=args.jobs):
            done += 1
            if not isinstance(outcome, Story):
                failures += 1
                progress.note(f"newsgraph: {outcome}")
            elif not outcome.body:
                # Still written out (the warning says why); named so it is not missed.
                reason = next((w for w in outcome.warnings if w.startswith("no article")),
                              "no article found")
                progress.note(f"newsgraph: {_origin(outcome)}: {reason}")
            progress.update(done, {"failed": failures})
            if not isinstance(outcome, Story):
                continue
            threshold = getattr(args, "min_confidence", None)
            if threshold is not None:
                outcome = replace(outcome, events=shown_events(outcome.events, threshold))
            if args.format == "jsonl":
                out.write(story_json(outcome) + "\n")
            elif args.format == "text":
                out.write(("\n" if collected else "") + story_card(outcome))
                collected.append(outcome)
            else:
                collected.append(outcome)
        if args.format == "json":
            if len(collected) == 1:
                out.write(story_json(collected[0], indent=2) + "\n")
            elif collected or not failures:
                out.write("[\n" + ",\n".join(story_json(s, indent=2) for s in collected) + "\n]\n")
    return 1 if failures else 0


def _origin(story: Story) -> str:
    """Where a story's document came from, named as read failures name it."""
    if story.source_path and story.url:
        return f"{story.source_path}#{story.url}"
    return story.source_path or story.url or story.source_id or story.id


__all__ = ["register", "run_stories_command"]
