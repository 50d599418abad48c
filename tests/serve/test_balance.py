"""Several server processes even out their load: the busiest closes keep-alive connections."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from newsgraph.serve.balance import BalanceConnections, LoadTable, temporary_table


@pytest.fixture
def table_path() -> Iterator[Path]:
    with temporary_table() as path:
        yield path


def dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


@pytest.fixture
def live_pids() -> Iterator[tuple[int, int]]:
    """Two processes of our own that stay alive through the test: other servers' stand-ins
    whose PIDs differ from this one's and each other's, whoever started pytest."""
    processes = [subprocess.Popen([sys.executable, "-c", "import time; time.sleep(300)"])
                 for _ in range(2)]
    try:
        yield processes[0].pid, processes[1].pid
    finally:
        for process in processes:
            process.kill()
            process.wait()


def test_each_process_claims_its_own_slot_and_a_dead_ones_is_taken_again(
        table_path: Path, live_pids: tuple[int, int]) -> None:
    mine, other, gone, late = (LoadTable(table_path) for _ in range(4))
    assert mine.claim() == 0
    assert other.claim(pid=live_pids[0]) == 1
    other.add(3)
    assert mine.least_of_others() == 3
    assert gone.claim(pid=dead_pid()) == 2
    assert late.claim(pid=live_pids[1]) == 2, "a dead process's slot is free"
    for table in (mine, other, late):
        table.close()


def test_a_crashed_process_does_not_count_as_idle(table_path: Path) -> None:
    mine, crashed = LoadTable(table_path), LoadTable(table_path)
    mine.claim()
    crashed.claim(pid=dead_pid())
    assert mine.least_of_others() is None


async def answer(app: BalanceConnections) -> dict[bytes, bytes]:
    messages: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: Any) -> None:
        messages.append(message)

    scope = {"type": "http", "method": "GET", "path": "/", "headers": [],
             "client": ("127.0.0.1", 5000)}
    await app(scope, receive, send)
    return dict(messages[0]["headers"])


async def ok(scope: Any, receive: Any, send: Any) -> None:
    await send({"type": "http.response.start", "status": 200,
                "headers": [(b"content-type", b"text/plain"), (b"connection", b"keep-alive")]})
    await send({"type": "http.response.body", "body": b"ok"})


@pytest.mark.parametrize(("mine", "others", "closes"), [
    (3, 0, True),     # busier than the other process by over the margin: shed
    (2, 0, False),    # within the margin
    (6, 5, False),    # as busy as the other
    (6, None, False),  # alone
])
def test_the_busier_process_closes_the_connection(table_path: Path, live_pids: tuple[int, int],
                                                  mine: int, others: int | None,
                                                  closes: bool) -> None:
    """`mine` requests are in flight here besides the one answered, `others` in the other."""
    table = LoadTable(table_path)
    table.claim()
    if others is not None:
        other = LoadTable(table_path)
        other.claim(pid=live_pids[0])
        other.add(others)
    table.add(mine)
    headers = asyncio.run(answer(BalanceConnections(ok, table, margin=2)))
    assert (headers.get(b"connection") == b"close") is closes
    assert list(headers).count(b"connection") <= 1
    assert table.add(0) == mine, "the request's own count is taken back when it is answered"


def test_worker_processes_share_the_load_table_by_environment(
    archive_path: Path, table_path: Path, live_pids: tuple[int, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from fastapi.testclient import TestClient

    from newsgraph.serve.app import DB_VARIABLE, LOAD_VARIABLE, app_from_environment

    monkeypatch.setenv(DB_VARIABLE, str(archive_path))
    monkeypatch.setenv(LOAD_VARIABLE, str(table_path))
    observer = LoadTable(table_path)
    observer.claim(pid=live_pids[0])
    with TestClient(app_from_environment()) as client:
        assert client.get("/api/stats").status_code == 200
        assert observer.least_of_others() == 0, "the worker holds a slot while it serves"
    observer._checked = 0.0
    assert observer.least_of_others() is None, "and gives it back when it stops"


def test_two_worker_processes_serve_with_a_shared_load_table(archive_path: Path) -> None:
    import time

    import httpx

    from tests.serve.conftest import free_port

    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "newsgraph.cli", "serve", "--db", str(archive_path),
         "--port", str(port), "--workers", "2"], stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=5) as http:
            while True:
                try:
                    assert http.get("/api/stats").status_code == 200
                    break
                except httpx.TransportError:
                    assert time.monotonic() < deadline and server.poll() is None, "no server"
                    time.sleep(0.2)
            assert all(http.get("/").status_code == 200 for _ in range(20))
    finally:
        server.terminate()
        _, err = server.communicate(timeout=30)
    assert "Traceback" not in err, err
