"""`newsgraph serve`: the web pages and JSON API over an archive, on loopback by default."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from newsgraph.errors import ArchiveError

LOOPBACK = ("127.0.0.1", "::1", "localhost")


def register(subparsers: Any) -> None:
    summary = "Serve the archive as web pages and a JSON HTTP API (OpenAPI at /openapi.json)."
    command = subparsers.add_parser("serve", help=summary, description=summary)
    command.add_argument("--db", default="newsgraph.db", metavar="PATH",
                         help="the archive to serve (default: newsgraph.db)")
    command.add_argument("--host", default="127.0.0.1",
                         help="address to listen on (default 127.0.0.1: this machine only)")
    command.add_argument("--port", type=_port, default=8000, help="port to listen on (default 8000)")
    command.add_argument("--workers", type=_workers, default=1, metavar="N",
                         help="server processes (default 1; more use more cores)")
    command.set_defaults(handler=run_serve)


def run_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from newsgraph.serve import ServeConfig, create_app
    from newsgraph.serve.app import DB_VARIABLE

    db = Path(args.db)
    if not db.is_file():
        raise ArchiveError(f"no archive at {db} (run `newsgraph ingest` first)")
    if args.host not in LOOPBACK:
        print(f"newsgraph: serving on {args.host}: reachable from other machines", file=sys.stderr)
    if args.workers > 1:
        # Worker processes build their own app, so the archive path goes by environment.
        os.environ[DB_VARIABLE] = str(db.resolve())
        uvicorn.run("newsgraph.serve.app:app_from_environment", factory=True, host=args.host,
                    port=args.port, workers=args.workers, log_level="warning",
                    server_header=False)
    else:
        uvicorn.run(create_app(ServeConfig(db=db)), host=args.host, port=args.port,
                    log_level="warning", server_header=False)
    return 0


def _whole(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None


def _port(text: str) -> int:
    port = _whole(text)
    if not 1 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"port must be 1 to 65535, not {port}")
    return port


def _workers(text: str) -> int:
    workers = _whole(text)
    if workers < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return workers


__all__ = ["register", "run_serve"]
