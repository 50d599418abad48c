"""The `newsgraph` command: a thin shell over the library.

Each command module registers its subcommands with `register(subparsers)` and hands the
parsed arguments to one library call. Errors become one line on stderr and an exit code
(0 success, 1 some inputs failed, 2 usage); a traceback only with `--debug`.
"""

from __future__ import annotations

import argparse
import importlib
import sqlite3
import sys
from collections.abc import Sequence

from newsgraph import __version__
from newsgraph.errors import NewsgraphError

# Modules that add subcommands, in the order `newsgraph --help` lists them.
COMMAND_MODULES = ("newsgraph.cli.stories", "newsgraph.cli.archive", "newsgraph.cli.serve",
                   "newsgraph.cli.scale")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsgraph",
        description="Turn news pages into stories: clean text, metadata, who said what, "
        "who did what to whom, and an archive to search.",
    )
    parser.add_argument("--debug", action="store_true", help="show tracebacks on errors")
    parser.add_argument("--version", action="version", version=f"newsgraph {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.handler(args))
    except NewsgraphError as error:
        if args.debug:
            raise
        print(f"newsgraph: error: {_one_line(str(error))}", file=sys.stderr)
        return 1
    except sqlite3.DatabaseError as error:
        # A damaged archive met past the archive's own checks: one line, never a traceback.
        if args.debug:
            raise
        print(f"newsgraph: error: the archive is damaged or unreadable ({_one_line(str(error))})",
              file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("newsgraph: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


def _one_line(text: str, width: int = 400) -> str:
    """A message fit for one stderr line: no control bytes (a damaged archive's SQL errors
    carry raw row bytes), no newlines, not overly long."""
    clean = "".join(c if c.isprintable() else "?" for c in " ".join(text.split()))
    return clean if len(clean) <= width else clean[: width - 1] + "…"


if __name__ == "__main__":
    sys.exit(main())
