import gzip
import io
import json
import sys
from pathlib import Path

import pytest

from newsgraph.ingest import ReadFailure, read_inputs
from newsgraph.ingest.encoding import decode_bytes
from newsgraph.model import Document

HTML = "<!doctype html><html><head><title>T</title></head><body><p>Hello there.</p></body></html>"


def read_all(inputs: list[str], kind: str = "auto") -> list[Document | ReadFailure]:
    return list(read_inputs(inputs, kind=kind))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("page.html", HTML, "html"),
        ("page.htm", HTML, "html"),
        ("story.txt", "Rain fell.", "text"),
    ],
)
def test_plain_and_gzipped_files(tmp_path: Path, name: str, content: str, kind: str) -> None:
    plain = tmp_path / name
    plain.write_text(content, encoding="utf-8")
    zipped = tmp_path / f"z{name}.gz"
    zipped.write_bytes(gzip.compress(content.encode()))
    for path in (plain, zipped):
        (doc,) = read_all([str(path)])
        assert isinstance(doc, Document)
        assert doc.content == content and doc.kind == kind and doc.source_path == str(path)


def test_directories_are_read_recursively_in_order(tmp_path: Path) -> None:
    (tmp_path / "b" / "c").mkdir(parents=True)
    (tmp_path / "a.txt").write_text("A.")
    (tmp_path / "b" / "c" / "d.html").write_text(HTML)
    (tmp_path / "b" / "notes.md").write_text("ignored")
    docs = read_all([str(tmp_path)])
    assert [Path(d.source_path).name for d in docs if isinstance(d, Document)] == ["a.txt", "d.html"]


def test_jsonl_records_keep_their_id_and_ignore_other_keys(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl"
    lines = [
        json.dumps({"id": 7, "url": "https://x.org/1", "html": HTML, "lang": "en"}),
        "",
        json.dumps({"id": "b", "text": "Plain words."}),
        "{broken",
        json.dumps({"id": "c"}),
    ]
    path.write_text("\n".join(lines) + "\n")
    out = read_all([str(path)])
    first, second, bad_json, empty = out
    assert isinstance(first, Document) and first.source_id == "7" and first.kind == "html"
    assert first.url == "https://x.org/1" and first.source_path == str(path)
    assert isinstance(second, Document) and second.kind == "text" and second.content == "Plain words."
    assert isinstance(bad_json, ReadFailure) and bad_json.origin.endswith(":4")
    assert isinstance(empty, ReadFailure) and "neither" in empty.reason


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Rain fell on Tuesday.")))
    (doc,) = read_all(["-"])
    assert isinstance(doc, Document) and doc.kind == "text" and doc.content == "Rain fell on Tuesday."


def test_missing_input_is_a_failure_not_an_exception(tmp_path: Path) -> None:
    (failure,) = read_all([str(tmp_path / "nope.html")])
    assert isinstance(failure, ReadFailure) and "no such file" in failure.reason


def test_kind_option_overrides_the_extension(tmp_path: Path) -> None:
    path = tmp_path / "page.dat"
    path.write_text(HTML)
    (doc,) = read_all([str(path)], kind="text")
    assert isinstance(doc, Document) and doc.kind == "text"


def test_unknown_extension_is_sniffed(tmp_path: Path) -> None:
    path = tmp_path / "page"
    path.write_text(HTML)
    (doc,) = read_all([str(path)])
    assert isinstance(doc, Document) and doc.kind == "html"


CYRILLIC = (
    "<html><head><title>Новости</title></head><body><p>Министр иностранных дел России "
    "Сергей Лавров встретился в среду с госсекретарём США. Стороны обсудили ситуацию "
    "в Венесуэле и договорились продолжить переговоры на следующей неделе.</p></body></html>"
)


def test_windows_1251_page_without_a_declared_charset_decodes_right(tmp_path: Path) -> None:
    path = tmp_path / "ru.html"
    path.write_bytes(CYRILLIC.encode("windows-1251"))
    (doc,) = read_all([str(path)])
    assert isinstance(doc, Document) and "Сергей Лавров" in doc.content


def test_declared_charset_is_used_when_the_bytes_fit() -> None:
    page = CYRILLIC.replace("<head>", '<head><meta charset="koi8-r">')
    assert "Лавров" in decode_bytes(page.encode("koi8-r"))


def test_utf8_with_bom() -> None:
    assert decode_bytes(b"\xef\xbb\xbfHello") == "Hello"


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.html", b"  \n\n \t\n", "empty file"),
        ("image.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary"),
        ("cut.txt.gz", gzip.compress(b"Rain fell on Tuesday. " * 500)[:60], "cannot read"),
    ],
)
def test_bad_files_are_failures_with_a_reason(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    (failure,) = read_all([str(path)])
    assert isinstance(failure, ReadFailure) and reason in failure.reason and failure.origin == str(path)


def test_undecodable_bytes_are_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D]) * 50 + b"\x1b" * 40)
    (outcome,) = read_all([str(path)])
    assert isinstance(outcome, ReadFailure)


def test_oversized_page_is_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "huge.html"
    with open(path, "wb") as handle:
        handle.write(b"<html><body>" + b"<p>word word word</p>" * 2_500_000 + b"</body></html>")
    (failure,) = read_all([str(path)])
    assert isinstance(failure, ReadFailure) and "larger than" in failure.reason


def test_utf16_with_bom_is_text(tmp_path: Path) -> None:
    path = tmp_path / "u16.txt"
    path.write_bytes("Rain fell on Tuesday.".encode("utf-16"))
    (doc,) = read_all([str(path)])
    assert isinstance(doc, Document) and doc.content == "Rain fell on Tuesday."


def test_a_bad_jsonl_line_spoils_only_itself(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl"
    path.write_bytes(b'{"id": 1, "text": "One."}\n\xff\xfe\x00garbage\n{"id": 2, "text": "Two."}\n')
    out = read_all([str(path)])
    assert [type(o).__name__ for o in out] == ["Document", "Failure", "Document"]
