"""The server under abuse (issue 17, defects 2, 9 and 14): a 4xx for every malformed
request, an overrunning analysis stopped and its slot freed, headers and bodies bounded in
time, and a client that leaves mid-request logged quietly. A real server on loopback."""

from __future__ import annotations

import logging
import socket
import threading
import time
from collections.abc import Iterator

import httpx
import pytest
import uvicorn
from fastapi.testclient import TestClient

from newsgraph.serve import ServeConfig, create_app
from newsgraph.serve.analysis import AnalyzeLimits
from newsgraph.serve.protocol import GuardedHttpProtocol
from tests.hostile.generate import story_text
from tests.serve.conftest import free_port


@pytest.fixture(scope="module")
def bare() -> Iterator[TestClient]:
    with TestClient(create_app(ServeConfig(db=None)), raise_server_exceptions=False) as client:
        yield client


@pytest.mark.parametrize("charset", ["undefined", "base64", "rot13", "punycode", "idna"])
def test_9_an_unusable_charset_is_not_a_500(bare: TestClient, charset: str) -> None:
    body = "<html><body><p>The caf\xe9 in Tromso reopened on Tuesday after the storm.</p></body></html>"
    response = bare.post("/api/analyze", content=body.encode("latin-1"),
                         headers={"content-type": f"text/html; charset={charset}"})
    assert response.status_code < 500, response.text[:300]


def test_9_a_deeply_nested_story_posted_to_the_view_is_a_4xx(bare: TestClient) -> None:
    deep = "[" * 50_000 + "]" * 50_000
    response = bare.post("/analyze/view", data={"story": deep})
    assert 400 <= response.status_code < 500, response.status_code


class QuickHeaders(GuardedHttpProtocol):
    header_timeout_s = 1.0


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """A real server whose analyses may take 8 s and whose clients have 1 s for headers."""
    port = free_port()
    limits = AnalyzeLimits(timeout_s=8.0, max_concurrent=1)
    config = uvicorn.Config(create_app(ServeConfig(db=None, limits=limits)), host="127.0.0.1",
                            port=port, log_level="warning", http=QuickHeaders)
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not running.started:
        assert time.monotonic() < deadline and thread.is_alive(), "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join(timeout=20)


def test_2_an_overrunning_analysis_is_stopped_and_the_next_one_runs(server: str) -> None:
    with httpx.Client(base_url=server, timeout=600) as client:
        warm = client.post("/api/analyze", json={"content": "Rain fell in Oslo on Tuesday.", "kind": "text"})
        assert warm.status_code == 200
        slow = client.post("/api/analyze", json={"content": story_text(2800), "kind": "text"})
        assert slow.status_code == 504 and slow.json()["error"]["code"] == "timeout"
        # The slot is free at once (its worker was killed), not busy for minutes.
        after = client.post("/api/analyze", json={"content": "Snow fell in Bergen on Monday.", "kind": "text"})
        assert after.status_code == 200, after.text[:300]


def _open(server: str) -> socket.socket:
    host, port = server.removeprefix("http://").split(":")
    return socket.create_connection((host, int(port)), timeout=10)


def test_14_a_request_whose_headers_never_end_is_closed(server: str) -> None:
    sockets = [_open(server) for _ in range(20)]
    for sock in sockets:
        sock.sendall(b"GET /api/analyze HTTP/1.1\r\nHost: x\r\n")  # and never the blank line
    time.sleep(3)
    for sock in sockets:
        sock.settimeout(5)
        assert sock.recv(100) == b""  # closed by the server
        sock.close()
    assert httpx.get(server + "/openapi.json", timeout=10).status_code == 200


def test_14_a_client_that_leaves_mid_body_is_logged_quietly(server: str, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO):
        sock = _open(server)
        sock.sendall(b"POST /api/analyze HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
                     b"Content-Length: 100000\r\n\r\nRain fell")
        time.sleep(0.5)
        sock.close()
        time.sleep(1.5)
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR], [r.getMessage() for r in caplog.records]
    assert httpx.get(server + "/openapi.json", timeout=10).status_code == 200
