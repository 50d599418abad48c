"""`newsgraph serve`: the web pages and JSON API over an archive, on loopback by default."""

from __future__ import annotations

import argparse
import errno
import os
import socket
import sys
from pathlib import Path
from typing import Any

from newsgraph.errors import ArchiveError, NewsgraphError

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
    command.add_argument("--cached-pages", type=_count, default=2000, metavar="N",
                         help="story pages each process keeps rendered until the archive "
                              "changes (default 2000; 0 renders every view)")
    command.set_defaults(handler=run_serve)


def run_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from newsgraph.serve import ServeConfig, create_app
    from newsgraph.serve.app import CACHE_VARIABLE, DB_VARIABLE, LOAD_VARIABLE
    from newsgraph.serve.balance import temporary_table
    from newsgraph.serve.protocol import GuardedHttpProtocol

    db = Path(args.db)
    if not db.is_file():
        raise ArchiveError(f"no archive at {db} (run `newsgraph ingest` first)")
    check_port_free(args.host, args.port)
    if args.host not in LOOPBACK:
        print(f"newsgraph: serving on {args.host}: reachable from other machines", file=sys.stderr)
    # Access lines are below the warning level anyway; off, uvicorn skips formatting them.
    ready = f"newsgraph: serving {db.name} at {url_of(args.host, args.port)} (Ctrl-C stops)"
    if args.workers > 1:
        # Worker processes build their own app, so the archive path goes by environment,
        # and so does the table through which they share out the connections.
        os.environ[DB_VARIABLE] = str(db.resolve())
        os.environ[CACHE_VARIABLE] = str(args.cached_pages)
        with temporary_table() as table:
            os.environ[LOAD_VARIABLE] = str(table)
            # uvicorn binds the socket before it starts the workers; the port is free.
            print(ready, file=sys.stderr, flush=True)
            uvicorn.run("newsgraph.serve.app:app_from_environment", factory=True,
                        host=args.host, port=args.port, workers=args.workers,
                        log_level="warning", access_log=False, server_header=False,
                        http=GuardedHttpProtocol)
    else:
        config = uvicorn.Config(create_app(ServeConfig(db=db, cached_pages=args.cached_pages)),
                                host=args.host, port=args.port, log_level="warning",
                                access_log=False, server_header=False, http=GuardedHttpProtocol)
        _announcing_server()(config, ready).run()
    return 0


def url_of(host: str, port: int) -> str:
    """The address a browser opens: `http://127.0.0.1:8000/`, IPv6 in brackets."""
    return f"http://[{host}]:{port}/" if ":" in host else f"http://{host}:{port}/"


def _announcing_server() -> type:
    import uvicorn

    class AnnouncingServer(uvicorn.Server):
        """uvicorn's server, saying where it listens once it does."""

        def __init__(self, config: uvicorn.Config, line: str) -> None:
            super().__init__(config)
            self._line = line

        async def startup(self, sockets: list[socket.socket] | None = None) -> None:
            await super().startup(sockets)
            if self.started:
                print(self._line, file=sys.stderr, flush=True)

    return AnnouncingServer


class PortUnavailable(NewsgraphError):
    """The server cannot listen where it was asked to (port taken, address not ours)."""


def check_port_free(host: str, port: int) -> None:
    """Bind `host:port` once and let go, as uvicorn will, so a taken port is one clear line
    instead of uvicorn's log and exit code; PortUnavailable if it cannot be bound.

    The socket takes SO_REUSEADDR as uvicorn's does, so a port left in TIME_WAIT by a
    server just stopped is not mistaken for a taken one.
    """
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror:
        raise PortUnavailable(f"cannot listen on {host}: no such address") from None
    for family, kind, proto, _, address in infos:
        with socket.socket(family, kind, proto) as sock:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                sock.bind(address)
            except OSError as error:
                if error.errno == errno.EADDRINUSE:
                    raise PortUnavailable(f"port {port} on {host} is already in use") from None
                reason = error.strerror or str(error)
                raise PortUnavailable(f"cannot listen on port {port} on {host}: {reason}") from None


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


def _count(text: str) -> int:
    count = _whole(text)
    if count < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return count


def _workers(text: str) -> int:
    workers = _whole(text)
    if workers < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return workers


__all__ = ["PortUnavailable", "check_port_free", "register", "run_serve"]
