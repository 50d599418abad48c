"""Readers: every input DESIGN.md names, turned into a stream of `Document`s.

Readers stream: a directory or a JSONL file of any size is read one document at a time.
A record that cannot be read becomes a `ReadFailure` in the stream, so the caller reports it
and goes on with the rest (exit code 1, never a lost run).
"""

from __future__ import annotations

import gzip
import json
import os
import sys
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from newsgraph.errors import InputError
from newsgraph.ingest.encoding import decode_bytes
from newsgraph.model import Document, InputKind, KindOption

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
TEXT_SUFFIXES = (".txt", ".text")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
WARC_SUFFIXES = (".warc",)
MAX_DOCUMENT_BYTES = 20_000_000


@dataclass(frozen=True, slots=True)
class ReadFailure:
    """An input, or one record of it, that could not be read, and why."""

    origin: str
    reason: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


def read_inputs(inputs: Iterable[str], kind: KindOption = "auto") -> Iterator[Document | ReadFailure]:
    """Yield a Document (or a ReadFailure) for every page in the given inputs.

    >>> docs = list(read_inputs(["tests/fixtures/pages/harbour.txt"]))  # doctest: +SKIP
    """
    for item in inputs:
        if item == "-":
            yield from _read_stream(sys.stdin.buffer, "<stdin>", kind)
            continue
        path = Path(item)
        if path.is_dir():
            yield from _read_directory(path, kind)
        elif path.is_file():
            yield from read_file(path, kind)
        else:
            yield ReadFailure(item, "no such file or directory")


def read_file(path: Path, kind: KindOption = "auto") -> Iterator[Document | ReadFailure]:
    """Read one file: a page, a JSONL dump, or a WARC archive, gzipped or not."""
    name = path.name.lower()
    stem = name.removesuffix(".gz")
    try:
        if stem.endswith(WARC_SUFFIXES):
            from newsgraph.ingest.warc import read_warc

            yield from read_warc(path)
        elif stem.endswith(JSONL_SUFFIXES):
            with _open_binary(path) as handle:
                yield from _read_jsonl(handle, str(path), kind)
        else:
            if path.stat().st_size > MAX_DOCUMENT_BYTES and not name.endswith(".gz"):
                yield ReadFailure(str(path), f"larger than {MAX_DOCUMENT_BYTES} bytes")
                return
            with _open_binary(path) as handle:
                data = handle.read(MAX_DOCUMENT_BYTES + 1)
            if len(data) > MAX_DOCUMENT_BYTES:
                yield ReadFailure(str(path), f"larger than {MAX_DOCUMENT_BYTES} bytes")
                return
            text = decode_bytes(data)
            if not text.strip():
                yield ReadFailure(str(path), "empty file")
                return
            yield Document(
                content=text,
                kind=resolve_kind(kind, text, stem),
                source_path=str(path),
            )
    except InputError as error:
        yield ReadFailure(str(path), str(error))
    except (OSError, EOFError, gzip.BadGzipFile, zlib.error) as error:
        yield ReadFailure(str(path), f"cannot read: {error}")


def _read_directory(root: Path, kind: KindOption) -> Iterator[Document | ReadFailure]:
    for folder, subdirs, files in os.walk(root):
        subdirs[:] = sorted(d for d in subdirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith(".") or not _is_readable_name(name):
                continue
            yield from read_file(Path(folder) / name, kind)


def _is_readable_name(name: str) -> bool:
    stem = name.lower().removesuffix(".gz")
    return stem.endswith(HTML_SUFFIXES + TEXT_SUFFIXES + JSONL_SUFFIXES + WARC_SUFFIXES)


def _read_stream(stream: IO[bytes], origin: str, kind: KindOption) -> Iterator[Document | ReadFailure]:
    data = stream.read(MAX_DOCUMENT_BYTES + 1)
    try:
        if data[:2] == b"\x1f\x8b":
            data = gzip.decompress(data)
        text = decode_bytes(data)
    except (InputError, OSError, EOFError, zlib.error) as error:
        yield ReadFailure(origin, str(error))
        return
    if not text.strip():
        yield ReadFailure(origin, "empty input")
        return
    if kind == "auto" and _looks_like_jsonl(text):
        yield from _read_jsonl_lines(text.splitlines(), origin, kind)
        return
    yield Document(content=text, kind=resolve_kind(kind, text), source_path=None, source_id=None)


def _read_jsonl(handle: IO[bytes], origin: str, kind: KindOption) -> Iterator[Document | ReadFailure]:
    # JSON Lines are UTF-8 by definition; a bad byte spoils one record, not the file.
    lines = (raw.decode("utf-8", errors="replace") for raw in handle)
    yield from _read_jsonl_lines(lines, origin, kind)


def _read_jsonl_lines(lines: Iterable[str], origin: str, kind: KindOption) -> Iterator[Document | ReadFailure]:
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{origin}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield ReadFailure(where, f"not a JSON object ({error.msg})")
            continue
        if not isinstance(record, dict):
            yield ReadFailure(where, "not a JSON object")
            continue
        html, text = record.get("html"), record.get("text")
        content = html if isinstance(html, str) and html.strip() else text
        if not isinstance(content, str) or not content.strip():
            yield ReadFailure(where, 'record has neither "html" nor "text"')
            continue
        record_kind: InputKind = "html" if content is html else "text"
        if kind != "auto":
            record_kind = kind
        source_id = record.get("id")
        url = record.get("url")
        yield Document(
            content=content,
            kind=record_kind,
            url=url if isinstance(url, str) else None,
            source_path=origin if origin != "<stdin>" else None,
            source_id=str(source_id) if source_id is not None else None,
        )


def _looks_like_jsonl(text: str) -> bool:
    first = text.lstrip()[:1]
    if first != "{":
        return False
    try:
        return isinstance(json.loads(text.lstrip().splitlines()[0]), dict)
    except (json.JSONDecodeError, IndexError):
        return False


def resolve_kind(kind: KindOption, text: str, name: str = "") -> InputKind:
    """HTML or text: as asked, else by the file name's suffix, else guessed from the markup."""
    if kind != "auto":
        return kind
    if name.endswith(HTML_SUFFIXES):
        return "html"
    if name.endswith(TEXT_SUFFIXES):
        return "text"
    return "html" if looks_like_html(text) else "text"


def looks_like_html(text: str) -> bool:
    """Whether text is markup rather than prose: a doctype or a few structural tags."""
    head = text[:5000].lower()
    if "<!doctype html" in head or "<html" in head:
        return True
    return sum(head.count(tag) for tag in ("<p>", "<p ", "<div", "<body", "<br")) >= 2


def _open_binary(path: Path) -> IO[bytes]:
    if path.name.lower().endswith(".gz"):
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return open(path, "rb")


__all__ = ["ReadFailure", "looks_like_html", "read_file", "read_inputs", "resolve_kind"]
