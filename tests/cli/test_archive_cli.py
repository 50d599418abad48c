"""The archive commands as a user runs them: ingest, every question in every format, export."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from newsgraph.cli import main
from tests.corpus.maker import corpus

QUESTIONS = ["search", "quotes", "people", "events", "story", "clusters", "stats"]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("archive-cli")
    pages = folder / "pages"
    pages.mkdir()
    for page in corpus(stories=3, copies=3):
        (pages / page.name).write_text(page.text, encoding="utf-8")
    path = folder / "archive.db"
    assert main(["ingest", str(pages), "--db", str(path), "--jobs", "1", "--stage", "extract"]) == 0
    return path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def first_story(db: Path, capsys: pytest.CaptureFixture[str]) -> str:
    _, out, _ = run(capsys, "clusters", "--db", str(db), "--format", "json")
    return str(json.loads(out)[0]["original"])


@pytest.mark.parametrize("fmt", ["table", "json", "jsonl", "csv"])
@pytest.mark.parametrize("command", QUESTIONS)
def test_every_question_in_every_format(db: Path, capsys: pytest.CaptureFixture[str],
                                        command: str, fmt: str) -> None:
    extra = {"search": ["ferry"], "story": [first_story(db, capsys)]}.get(command, [])
    code, out, err = run(capsys, command, *extra, "--db", str(db), "--format", fmt)
    assert code == 0, err
    if fmt == "json":
        json.loads(out)
    elif fmt == "jsonl":
        for line in out.splitlines():
            json.loads(line)
    elif fmt == "csv" and command not in ("story", "stats"):
        assert next(csv.reader(io.StringIO(out)))


def test_clusters_and_story_card_show_the_copies(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "clusters", "--db", str(db), "--format", "json", "--min-size", "3")
    clusters = json.loads(out)
    assert code == 0 and [c["size"] for c in clusters] == [3, 3, 3]
    code, out, _ = run(capsys, "story", clusters[0]["original"], "--db", str(db))
    assert "Copies (3):" in out and "Original source: The Associated Press" in out
    code, out, _ = run(capsys, "stats", "--db", str(db), "--format", "json")
    assert json.loads(out)["stories"] == 9


def test_rerun_reports_already_stored(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pages = db.parent / "pages"
    code, _, err = run(capsys, "ingest", str(pages), "--db", str(db), "--jobs", "1",
                       "--stage", "extract")
    assert code == 0 and "0 stored, 0 analysed again, 9 already in the archive" in err


def test_export_writes_every_story(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for fmt in ("jsonl", "parquet", "csv"):
        out = tmp_path / f"stories.{fmt}"
        code, _, err = run(capsys, "export", "--db", str(db), "--format", fmt, "-o", str(out))
        assert code == 0 and "9 stories" in err and out.stat().st_size > 0
    lines = (tmp_path / "stories.jsonl").read_text().splitlines()
    assert len(lines) == 9 and all(json.loads(line)["cluster"] for line in lines)


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["stats", "--db", "{missing}"], 1, "no archive at"),
        (["search", "x", "--db", "{garbage}"], 1, "not a database"),
        (["story", "nope", "--db", "{db}"], 1, "no story with id 'nope'"),
        (["quotes", "--since", "yesterday", "--db", "{db}"], 2, "not a date"),
        (["export", "-o", "{tmp}/no/such/out.jsonl", "--db", "{db}"], 1, "cannot write"),
        (["ingest", "{tmp}/nothing-here", "--db", "{tmp}/new.db"], 1, "no such file"),
    ],
)
def test_bad_input_is_one_line_and_an_exit_code(db: Path, tmp_path: Path, args: list[str],
                                                code: int, message: str) -> None:
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"not sqlite" * 50)
    filled = [a.format(missing=tmp_path / "missing.db", garbage=garbage, db=db, tmp=tmp_path)
              for a in args]
    before = db.read_bytes()
    result = subprocess.run([sys.executable, "-m", "newsgraph.cli", *filled], check=False,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == code
    assert message in result.stderr and "Traceback" not in result.stderr
    assert db.read_bytes() == before  # nothing stored is lost or changed


@pytest.mark.parametrize("command", ["ingest", "export", *QUESTIONS])
def test_every_archive_command_has_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit:
        main([command, "--help"])
    assert exit.value.code == 0 and "--db" in capsys.readouterr().out


def test_stats_csv_is_key_value_pairs(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "stats", "--db", str(db), "--format", "csv")
    assert code == 0, err
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == ["key", "value"] and all(len(row) == 2 for row in rows)
    assert dict(rows[1:])["stories"] == "9"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["events", "--type", "BOGUS"], "choose one of AGREE, CONSULT"),
        (["search", ""], "empty query"),
        (["search", "   "], "empty query"),
    ],
)
def test_usage_errors_exit_2(db: Path, capsys: pytest.CaptureFixture[str], args: list[str],
                             message: str) -> None:
    with pytest.raises(SystemExit) as exit:
        main([*args, "--db", str(db)])
    err = capsys.readouterr().err
    assert exit.value.code == 2 and message in err
    assert len([line for line in err.splitlines() if "error:" in line]) == 1


def test_event_type_is_case_insensitive(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "events", "--type", "sanction", "--db", str(db))
    assert code == 0, err


def test_help_and_extract_do_not_load_the_corpus(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text("A short story about a ferry.\n\nIt sailed on time.\n", encoding="utf-8")
    probe = ("import sys\nfrom newsgraph.cli import main\n"
             "try:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
             "print(sorted(m for m in sys.modules if m.startswith(('newsgraph.corpus', 'datasketch', 'scipy'))))")
    for args in (["--help"], ["extract", str(page), "--format", "jsonl"]):
        result = subprocess.run([sys.executable, "-c", probe, *args], check=False,
                                capture_output=True, text=True, timeout=120)
        assert result.stdout.splitlines()[-1] == "[]", (args, result.stderr)


def test_parser_defaults_match_the_corpus() -> None:
    from newsgraph.cli import archive
    from newsgraph.corpus import DEFAULT_ARCHIVE, EXPORT_FORMATS

    assert archive.DEFAULT_ARCHIVE == DEFAULT_ARCHIVE and archive.EXPORT_FORMATS == EXPORT_FORMATS


def test_ingest_after_extract_analyses_again(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    page = corpus(stories=1, copies=1)[0]
    (pages / page.name).write_text(page.text, encoding="utf-8")
    path = str(tmp_path / "a.db")
    assert run(capsys, "ingest", str(pages), "--db", path, "--stage", "extract", "--jobs", "1")[0] == 0
    code, _, err = run(capsys, "ingest", str(pages), "--db", path, "--jobs", "1")
    assert code == 0 and "0 stored, 1 analysed again, 0 already in the archive" in err
    code, _, err = run(capsys, "ingest", str(pages), "--db", path, "--jobs", "1")
    assert code == 0 and "0 stored, 0 analysed again, 1 already in the archive" in err


def test_search_gives_one_hit_per_syndicated_story(db: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    """Stories each run by three sites: one hit per story with its copies' count; `--copies`
    lists every copy."""
    code, out, _ = run(capsys, "search", "ferry", "--db", str(db), "--format", "json")
    hits = json.loads(out)
    assert code == 0 and hits and [h["copies"] for h in hits] == [3] * len(hits)
    code, out, _ = run(capsys, "search", "ferry", "--db", str(db), "--format", "json", "--copies")
    every = json.loads(out)
    # Not every copy holds the word (sites trim paragraphs), but some story has two.
    assert code == 0 and len(hits) < len(every) <= 3 * len(hits)
    assert {h["cluster"] for h in every} == {h["cluster"] for h in hits}


def test_story_card_lists_each_copys_url_publisher_and_date(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Two copies from one publisher are told apart by their URLs."""
    from newsgraph.corpus import Archive
    from tests.corpus.conftest import make_story, store
    from tests.corpus.maker import paragraphs

    body = "\n\n".join(paragraphs(7, count=6))
    path = tmp_path / "copies.db"
    with Archive.open(path) as archive:
        store(archive, *(make_story(body, url, publisher="The Kestrel Gazette", published=day)
                         for url, day in [("https://kestrel.example/a", "2024-03-01"),
                                          ("https://kestrel.example/b", "2024-03-02")]))
    _, out, _ = run(capsys, "clusters", "--db", str(path), "--format", "json")
    _, out, _ = run(capsys, "story", json.loads(out)[0]["original"], "--db", str(path))
    copies = out.split("Copies (2):\n")[1].splitlines()[:2]
    assert [re.sub(r"^ [* ] \w+  ", "", line) for line in copies] == [
        "2024-03-01  The Kestrel Gazette  https://kestrel.example/a",
        "2024-03-02  The Kestrel Gazette  https://kestrel.example/b"]
