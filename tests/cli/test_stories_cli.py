"""`newsgraph analyze` and `extract` as a user runs them: a real subprocess."""

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLE = "examples/harbour-talks.txt"


def newsgraph(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "newsgraph.cli", *args],
        capture_output=True, text=True, input=stdin, timeout=300,
    )


def test_extract_json_for_one_document() -> None:
    run = newsgraph("extract", EXAMPLE, "--format", "json")
    assert run.returncode == 0, run.stderr
    story = json.loads(run.stdout)
    assert story["title"].startswith("Norway and Iceland") and story["source_path"] == EXAMPLE


def test_several_documents_give_a_list_jsonl_one_per_line_and_keep_order(tmp_path: Path) -> None:
    for i in range(6):
        (tmp_path / f"s{i}.txt").write_text(f"Story number {i} reports that the river rose {i} metres.")
    listed = newsgraph("extract", str(tmp_path), "--format", "json", "--jobs", "2")
    assert listed.returncode == 0, listed.stderr
    assert [s["source_path"] for s in json.loads(listed.stdout)] == sorted(str(p) for p in tmp_path.iterdir())
    lines = newsgraph("extract", str(tmp_path), "--format", "jsonl", "--jobs", "1").stdout.splitlines()
    assert [json.loads(line)["body"][:14] for line in lines] == [f"Story number {i}" for i in range(6)]


def test_text_card_shows_headline_source_body_and_removals() -> None:
    run = newsgraph("extract", EXAMPLE, "--format", "text")
    assert run.returncode == 0
    card = run.stdout
    for expected in ("Norway and Iceland agree", "OSLO (Reuters)", "from Reuters", "Lars Berg",
                     "The dispute began", "Removed (7):", "[teaser] READ MORE"):
        assert expected in card


def test_output_file_stdin_and_gzip(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    run = newsgraph("extract", "-", "--format", "jsonl", "-o", str(out), stdin="Rain fell on Tuesday.")
    assert run.returncode == 0 and json.loads(out.read_text())["body"] == "Rain fell on Tuesday."
    page = tmp_path / "p.html.gz"
    page.write_bytes(gzip.compress(b"<html><body><article><p>" + b"The harbour reopened on Monday. " * 20
                                   + b"</p></article></body></html>"))
    run = newsgraph("extract", str(page), "--format", "json")
    assert run.returncode == 0 and "harbour reopened" in json.loads(run.stdout)["body"]


def test_bad_inputs_give_one_line_and_exit_1_while_the_rest_is_processed(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Rain fell on Tuesday.")
    bad = tmp_path / "dump.jsonl"
    bad.write_text('{"id": 1, "text": "Fine words here."}\nnot json\n')
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "photo.html"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256)))
    run = newsgraph("extract", str(good), str(tmp_path / "missing.html"), str(bad), str(empty), str(binary),
                    "--format", "jsonl")
    assert run.returncode == 1
    assert len(run.stdout.splitlines()) == 2
    errors = run.stderr.strip().splitlines()
    assert len(errors) == 4 and all(line.startswith("newsgraph: ") for line in errors)
    assert any("empty file" in e for e in errors) and any("binary" in e for e in errors)
    assert "Traceback" not in run.stderr


@pytest.mark.parametrize("args", [["extract"], ["extract", "x", "--format", "xml"], ["extract", "x", "--jobs", "0"],
                                  ["nonsense"]])
def test_usage_errors_exit_2(args: list[str]) -> None:
    run = newsgraph(*args)
    assert run.returncode == 2 and "Traceback" not in run.stderr


def test_analyze_runs_the_pipeline() -> None:
    run = newsgraph("analyze", EXAMPLE, "--format", "json", "--jobs", "1")
    assert run.returncode == 0, run.stderr
    story = json.loads(run.stdout)
    assert story["body"].startswith("OSLO (Reuters)")
    assert {"entities", "quotes", "events"} <= set(story)


def test_unwritable_output_is_one_line_and_a_quiet_run_writes_nothing_to_stderr(tmp_path: Path) -> None:
    run = newsgraph("extract", EXAMPLE, "-o", str(tmp_path / "missing" / "out.json"))
    assert run.returncode == 1 and run.stderr.strip().startswith("newsgraph: error: cannot write")
    assert len(run.stderr.strip().splitlines()) == 1
    quiet = newsgraph("extract", EXAMPLE, "-o", str(tmp_path / "out.json"))
    assert quiet.returncode == 0 and quiet.stderr == ""
