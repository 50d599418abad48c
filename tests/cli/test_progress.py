"""Commands that talk: a progress bar on a terminal (none on a pipe or with --quiet), every
dropped document named with its reason, `serve` saying where it listens, `--version`."""

from __future__ import annotations

import os
import pty
import re
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

import newsgraph
from newsgraph.cli import main
from tests.ingest.test_warc import ARTICLE, record, response

REPO = Path(__file__).resolve().parents[2]
LOGIN_WALL = (REPO / "tests" / "fixtures" / "html" / "login_wall.html").read_bytes()


@pytest.fixture(scope="module")
def crawl(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A WARC file with one article, one login wall (no article) and one broken record."""
    path = tmp_path_factory.mktemp("talk") / "crawl.warc"
    path.write_bytes(b"".join([
        record("https://ex.example/ferry", response("text/html; charset=utf-8", ARTICLE.encode())),
        record("https://ex.example/login", response("text/html; charset=utf-8", LOGIN_WALL)),
        record("https://ex.example/broken", b"this is no HTTP response"),
    ]))
    return path


def newsgraph_on_a_terminal(*args: str, cwd: Path) -> tuple[int, str]:
    """Run the command with stderr on a pseudo-terminal, as a person at a shell sees it."""
    leader, follower = pty.openpty()
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "160",
           "PYTHONPATH": str(REPO / "src")}
    env.pop("NO_COLOR", None)
    process = subprocess.Popen([sys.executable, "-m", "newsgraph.cli", *args], cwd=cwd,
                               stdout=subprocess.DEVNULL, stderr=follower, env=env)
    os.close(follower)
    seen = bytearray()
    while True:
        ready, _, _ = select.select([leader], [], [], 120)
        if not ready:
            process.kill()
            break
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closes when the process ends
            break
        if not chunk:
            break
        seen += chunk
    os.close(leader)
    return process.wait(timeout=60), seen.decode("utf-8", errors="replace")


def test_ingest_on_a_terminal_shows_a_bar_and_names_every_drop(crawl: Path) -> None:
    code, err = newsgraph_on_a_terminal("ingest", crawl.name, "--db", "bar.db", "--jobs", "1",
                                        "--stage", "extract", cwd=crawl.parent)
    assert code == 1, err  # the broken record is a failure
    assert re.search(r"\d+ pages · [\d.]+ pages/s", err), err
    assert "https://ex.example/login: skipped: no article found" in err
    assert "crawl.warc#https://ex.example/broken:" in err
    assert "1 stored" in err and "1 without an article, 1 failed" in err


def test_quiet_turns_the_bar_off_but_still_names_the_drops(crawl: Path) -> None:
    code, err = newsgraph_on_a_terminal("ingest", crawl.name, "--db", "quiet.db", "--jobs", "1",
                                        "--stage", "extract", "--quiet", cwd=crawl.parent)
    assert code == 1 and "pages/s" not in err
    assert "https://ex.example/login: skipped: no article found" in err


def test_no_bar_when_stderr_is_no_terminal(crawl: Path, capsys: pytest.CaptureFixture[str],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(crawl.parent)
    code = main(["ingest", crawl.name, "--db", "pipe.db", "--jobs", "1", "--stage", "extract"])
    err = capsys.readouterr().err
    assert code == 1 and "pages/s" not in err and "\x1b[" not in err
    lines = err.splitlines()
    assert [line.split(": ")[1] for line in lines[:2]] == [
        "https://ex.example/login", "crawl.warc#https://ex.example/broken"], err
    # Run again: nothing new is read, nothing is named twice.
    code = main(["ingest", crawl.name, "--db", "pipe.db", "--jobs", "1", "--stage", "extract"])
    err = capsys.readouterr().err
    assert "2 already in the archive" in err and "skipped: no article" not in err


def test_a_copy_already_stored_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The same URL crawled twice, the page's bytes changed but not its story."""
    again = ARTICLE.replace("</body>", "<!-- served 2024-03-06 --></body>")
    crawl = tmp_path / "twice.warc"
    crawl.write_bytes(b"".join([
        record("https://ex.example/ferry", response("text/html", ARTICLE.encode())),
        record("https://ex.example/ferry", response("text/html", again.encode()),
               date="2024-03-06T10:00:00Z"),
    ]))
    code = main(["ingest", str(crawl), "--db", str(tmp_path / "a.db"), "--jobs", "1",
                 "--stage", "extract"])
    err = capsys.readouterr().err
    assert code == 0
    assert re.search(r"^newsgraph: https://ex.example/ferry: skipped: the same story as \w+, "
                     r"already in the archive$", err, re.MULTILINE), err


def test_analyze_names_a_page_without_an_article(capsys: pytest.CaptureFixture[str]) -> None:
    page = REPO / "tests" / "fixtures" / "html" / "login_wall.html"
    assert main(["extract", str(page), "--jobs", "1"]) == 0
    captured = capsys.readouterr()
    assert f"{page}: no article found: page looks like a login" in captured.err
    assert '"body": ""' in captured.out  # still written out, with its warning


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out == f"newsgraph {newsgraph.__version__}\n"
    pyproject = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    assert f'version = "{newsgraph.__version__}"' in pyproject


def test_serve_says_where_it_listens(tmp_path: Path) -> None:
    from tests.serve.conftest import free_port

    db = tmp_path / "empty.db"
    assert main(["ingest", str(REPO / "examples"), "--db", str(db), "--jobs", "1",
                 "--stage", "extract", "--quiet"]) == 0
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "newsgraph.cli", "serve", "--db", str(db), "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONPATH": str(REPO / "src")})
    try:
        assert server.stderr is not None
        deadline = time.monotonic() + 60
        line = ""
        while time.monotonic() < deadline and not line:
            line = server.stderr.readline()
        assert line == f"newsgraph: serving empty.db at http://127.0.0.1:{port}/ (Ctrl-C stops)\n"
        # Said once listening: the address answers.
        import httpx

        assert httpx.get(f"http://127.0.0.1:{port}/api/stats", timeout=10).status_code == 200
    finally:
        server.terminate()
        server.wait(timeout=30)
