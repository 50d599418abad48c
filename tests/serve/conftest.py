"""Fixtures for the web tests: a real archive, the app in process, a real server, Chromium.

The archive is built once per session by the corpus library's own `ingest`, from the
project's example story and a few fictional pages in `tests/serve/pages/` (one of them
carries an XSS payload in its title, body and a quote).
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import uvicorn
from fastapi.testclient import TestClient

from newsgraph.serve import ServeConfig, create_app

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
PAGES = HERE / "pages"
EXAMPLE = REPO / "examples" / "harbour-talks.txt"
ARTIFACTS = REPO / "artifacts"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-sync",
]


@pytest.fixture(scope="session")
def archive_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from newsgraph.corpus import Archive, ingest

    path = tmp_path_factory.mktemp("serve") / "archive.db"
    # Inputs named relative to the repository, so pages (and screenshots) show no machine path.
    here = os.getcwd()
    os.chdir(REPO)
    try:
        with Archive.open(path) as archive:
            report = ingest(archive, [str(EXAMPLE.relative_to(REPO)), str(PAGES.relative_to(REPO))],
                            jobs=1)
        assert report.stored == 4, f"the test archive was not built: {report.to_dict()}"
    finally:
        os.chdir(here)
    return path


@pytest.fixture(scope="session")
def client(archive_path: Path) -> Iterator[TestClient]:
    with TestClient(create_app(ServeConfig(db=archive_path)), raise_server_exceptions=False) as c:
        yield c


@pytest.fixture(scope="session")
def stories(client: TestClient) -> dict[str, dict]:
    """Every stored story by title keyword: the example, its copy, the XSS page, the cable."""
    items = client.get("/api/stories", params={"limit": 50, "copies": "true"}).json()["items"]
    found: dict[str, dict] = {}
    for item in items:
        story = client.get(f"/api/stories/{item['id']}").json()
        if "<script>" in (story["title"] or ""):
            found["xss"] = story
        elif "cable" in (story["title"] or ""):
            found["cable"] = story
        elif story["publisher"] == "The Coastal Times":
            found["copy"] = story
        else:
            found["example"] = story
    return found


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def running_server(db: Path) -> Iterator[str]:
    """A real uvicorn server over `db` on a free loopback port, in a thread; its base URL."""
    port = free_port()
    config = uvicorn.Config(create_app(ServeConfig(db=db)), host="127.0.0.1",
                            port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def live_server(archive_path: Path) -> Iterator[str]:
    """A real uvicorn server on a free loopback port, in a thread, for the browser."""
    with running_server(archive_path) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        pytest.skip("needs Debian's chromium at /usr/bin/chromium (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    """A fresh page that records console errors and any dialog (an XSS would open one)."""
    context = browser.new_context(viewport={"width": 1000, "height": 900})  # type: ignore[attr-defined]
    tab = context.new_page()
    tab.dialogs = []  # type: ignore[attr-defined]
    tab.on("dialog", lambda dialog: (tab.dialogs.append(dialog.message), dialog.dismiss()))
    yield tab
    context.close()


def screenshot(tab: object, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    tab.screenshot(path=str(path), full_page=True)  # type: ignore[attr-defined]
    return path
