"""`newsgraph serve`: loopback by default, a clear error for a missing archive."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.cli import build_parser, main


def test_serve_listens_on_loopback_by_default() -> None:
    args = build_parser().parse_args(["serve"])
    assert (args.host, args.port, args.db) == ("127.0.0.1", 8000, "newsgraph.db")


def test_serve_help_names_the_options(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["serve", "--help"])
    assert stop.value.code == 0
    out = capsys.readouterr().out
    assert "--db" in out and "--host" in out and "--port" in out and "127.0.0.1" in out


def test_serve_without_an_archive_is_one_clear_error(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--db", str(tmp_path / "missing.db")]) == 1
    err = capsys.readouterr().err
    assert "no archive at" in err and "Traceback" not in err


def test_worker_processes_find_the_archive_by_environment(
    archive_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from fastapi.testclient import TestClient

    from newsgraph.serve.app import DB_VARIABLE, app_from_environment

    monkeypatch.setenv(DB_VARIABLE, str(archive_path))
    with TestClient(app_from_environment()) as client:
        assert client.get("/api/stats").json()["stories"] == 4


@pytest.mark.parametrize("argv", [["--port", "99999"], ["--port", "0"], ["--port", "http"],
                                  ["--workers", "0"], ["--cached-pages", "-1"]])
def test_bad_serve_options_are_usage_errors(argv: list[str],
                                            capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["serve", *argv])
    assert stop.value.code == 2
    assert "Traceback" not in capsys.readouterr().err


def test_a_port_in_use_is_one_clear_error(archive_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    import socket

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        code = main(["serve", "--db", str(archive_path), "--port", str(port)])
    assert code == 1
    assert capsys.readouterr().err == f"newsgraph: error: port {port} on 127.0.0.1 is already in use\n"


def test_an_address_not_of_this_machine_is_one_clear_error(
    archive_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["serve", "--db", str(archive_path), "--host", "192.0.2.1"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("newsgraph: error: cannot listen on port 8000 on 192.0.2.1")
    assert err.count("\n") == 1
