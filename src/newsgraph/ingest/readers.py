"""Readers: every input DESIGN.md names, turned into a stream of `Document`s.

Readers stream: a directory, a JSONL file or a JSONL stream on stdin of any size is read
one document at a time. A record that cannot be read becomes a `Failure` in the stream,
named by file, line number or WARC record URL, with its reason, so the caller reports it
and goes on with the rest (exit code 1, never a lost run). Every bound of
`newsgraph.limits` is checked here before a document goes on: bytes read, bytes once
decompressed, characters of text, JSON nesting.
"""

from __future__ import annotations

import gzip
import json
import os
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any

from newsgraph.errors import Failure, InputError, describe
from newsgraph.ingest.encoding import decode_bytes, without_surrogates
from newsgraph.limits import (
    MAX_DECOMPRESSED_BYTES,
    MAX_READ_BYTES,
    check_json_depth,
    check_text,
)
from newsgraph.model import Document, InputKind, KindOption

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
TEXT_SUFFIXES = (".txt", ".text")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
WARC_SUFFIXES = (".warc",)
MAX_DOCUMENT_BYTES = MAX_READ_BYTES  # the name other modules knew it by
GZIP_MAGIC = b"\x1f\x8b"
_CHUNK = 1 << 20

# A reader's failures are the one Failure type of `errors.py`; the old name still works.
ReadFailure = Failure


def read_inputs(inputs: Iterable[str], kind: KindOption = "auto") -> Iterator[Document | Failure]:
    """Yield a Document (or a Failure) for every page in the given inputs.

    >>> docs = list(read_inputs(["tests/fixtures/council-vote.txt"]))  # doctest: +SKIP
    """
    for item in inputs:
        if item == "-":
            yield from guarded("<stdin>", _read_stream, sys.stdin.buffer, "<stdin>", kind)
            continue
        path = Path(item)
        if path.is_dir():
            yield from _read_directory(path, kind)
        elif path.is_file():
            yield from guarded(str(path), read_file, path, kind)
        else:
            yield Failure(item, "no such file or directory")


def guarded(
    origin: str, read: Callable[..., Iterable[Document | Failure]], *args: Any
) -> Iterator[Document | Failure]:
    """The items of `read(*args)`, one input's reader; an error the reader did not expect
    becomes a Failure of that input, and the run goes on with the next one."""
    try:
        yield from read(*args)
    except (InputError, OSError, EOFError, zlib.error) as error:
        yield Failure(origin, f"cannot read: {error}")
    except (ValueError, RecursionError, MemoryError, LookupError) as error:
        yield Failure(origin, f"cannot read: {describe(error)}")


def read_file(path: Path, kind: KindOption = "auto") -> Iterator[Document | Failure]:
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
            if path.stat().st_size > MAX_READ_BYTES and not name.endswith(".gz"):
                yield Failure(str(path), f"larger than {MAX_READ_BYTES:,} bytes (limits.MAX_READ_BYTES)")
                return
            with _open_binary(path) as handle:
                data = handle.read(MAX_DECOMPRESSED_BYTES + 1)
            if len(data) > MAX_DECOMPRESSED_BYTES:
                what = "once decompressed" if name.endswith(".gz") else ""
                yield Failure(str(path), f"larger than {MAX_DECOMPRESSED_BYTES:,} bytes {what}"
                              "(limits.MAX_DECOMPRESSED_BYTES)".replace("  ", " "))
                return
            yield _page(data, str(path), kind, stem, str(path))
    except InputError as error:
        yield Failure(str(path), str(error))
    except (OSError, EOFError, gzip.BadGzipFile, zlib.error) as error:
        yield Failure(str(path), f"cannot read: {error}")


def _page(data: bytes, origin: str, kind: KindOption, name: str, source_path: str | None) -> Document | Failure:
    """One whole page's bytes as a Document, or the Failure saying why not."""
    try:
        text = decode_bytes(data)
        check_text(text)
    except InputError as error:
        return Failure(origin, str(error))
    if not text.strip():
        return Failure(origin, "empty file" if source_path else "empty input")
    return Document(content=text, kind=resolve_kind(kind, text, name), source_path=source_path)


def _read_directory(root: Path, kind: KindOption) -> Iterator[Document | Failure]:
    for folder, subdirs, files in os.walk(root):
        subdirs[:] = sorted(d for d in subdirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith(".") or not _is_readable_name(name):
                continue
            path = Path(folder) / name
            yield from guarded(str(path), read_file, path, kind)


def _is_readable_name(name: str) -> bool:
    stem = name.lower().removesuffix(".gz")
    return stem.endswith(HTML_SUFFIXES + TEXT_SUFFIXES + JSONL_SUFFIXES + WARC_SUFFIXES)


def _read_stream(stream: IO[bytes], origin: str, kind: KindOption) -> Iterator[Document | Failure]:
    """A page or a JSONL stream on stdin, gzipped or not, read as it comes: a JSONL stream
    of any length streams record by record; a page is bounded like a file."""
    magic = stream.peek(2)[:2] if hasattr(stream, "peek") else b""
    source: IO[bytes] = gzip.GzipFile(fileobj=stream, mode="rb") if magic == GZIP_MAGIC else stream  # type: ignore[assignment]
    head: list[bytes] = []
    try:
        # The first few lines decide: JSON Lines when they are JSON objects, one bad record
        # at the top notwithstanding; a page otherwise.
        while sum(1 for line in head if line.strip()) < JSONL_SNIFF_LINES and sum(map(len, head)) <= MAX_READ_BYTES:
            line = _bounded_line(source, drain=False)
            if line is None:
                break
            head.append(line)
    except (OSError, EOFError, zlib.error) as error:
        yield Failure(origin, f"cannot read: {error}")
        return
    if kind == "auto" and _looks_like_jsonl(head):
        yield from _read_jsonl(source, origin, kind, head=head)
        return
    data = b"".join(head)
    try:
        if len(data) <= MAX_DECOMPRESSED_BYTES:
            data += source.read(MAX_DECOMPRESSED_BYTES + 1 - len(data))
    except (OSError, EOFError, zlib.error) as error:
        yield Failure(origin, f"cannot read: {error}")
        return
    if len(data) > MAX_DECOMPRESSED_BYTES:
        yield Failure(origin, f"larger than {MAX_DECOMPRESSED_BYTES:,} bytes (limits.MAX_DECOMPRESSED_BYTES)")
        return
    yield _page(data, origin, kind, "", None)


def _bounded_line(handle: IO[bytes], limit: int = MAX_READ_BYTES, drain: bool = True) -> bytes | None:
    """The next line of `handle` (None at the end), at most `limit` bytes in memory; a
    longer line is read through to its end and returned as its first `limit + 1` bytes, so
    the caller can tell it was too long and the next line still starts where it should."""
    line = handle.readline(limit + 1)
    if not line:
        return None
    if drain and len(line) > limit and not line.endswith(b"\n"):
        while (rest := handle.readline(_CHUNK)) and not rest.endswith(b"\n"):
            pass
    return line


def _read_jsonl(
    handle: IO[bytes], origin: str, kind: KindOption, head: Sequence[bytes] = ()
) -> Iterator[Document | Failure]:
    """Each line of a JSONL input as a Document or a Failure named `origin:line`; `head`
    are its first lines when already read."""
    # JSON Lines are UTF-8 by definition; a bad byte spoils one record, not the file.
    number = 0
    records = 0
    replay = iter(head)
    line = next(replay, None)
    if line is None:
        line = _bounded_line(handle)
    while line is not None:
        number += 1
        where = f"{origin}:{number}"
        if len(line) > MAX_READ_BYTES:
            yield Failure(where, f"line larger than {MAX_READ_BYTES:,} bytes (limits.MAX_READ_BYTES)")
        elif line.strip():
            records += 1
            try:
                yield _record(line.decode("utf-8", errors="replace"), where, origin, kind)
            except InputError as error:
                yield Failure(where, str(error))
            except (ValueError, RecursionError, TypeError, MemoryError) as error:
                yield Failure(where, f"cannot read record: {describe(error)}")
        line = next(replay, None)
        if line is None:
            line = _bounded_line(handle)
    if not records:
        yield Failure(origin, "empty: no records in this JSON Lines input")


def _record(line: str, where: str, origin: str, kind: KindOption) -> Document | Failure:
    check_json_depth(line)
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        return Failure(where, f"not a JSON object ({error.msg})")
    except ValueError as error:  # a number past Python's digit limit
        return Failure(where, f"not a readable JSON object ({describe(error)})")
    if not isinstance(record, dict):
        return Failure(where, "not a JSON object")
    html, text = record.get("html"), record.get("text")
    content = html if isinstance(html, str) and html.strip() else text
    if not isinstance(content, str) or not content.strip():
        return Failure(where, 'record has neither "html" nor "text"')
    record_kind: InputKind = "html" if content is html else "text"
    if kind != "auto":
        record_kind = kind
    content = without_surrogates(content)
    check_text(content)
    source_id = record.get("id")
    url = record.get("url")
    return Document(
        content=content,
        kind=record_kind,
        url=without_surrogates(url) if isinstance(url, str) else None,
        source_path=origin if origin != "<stdin>" else None,
        source_id=without_surrogates(str(source_id))[:1000] if source_id is not None else None,
    )


JSONL_SNIFF_LINES = 5


def _looks_like_jsonl(head: Sequence[bytes]) -> bool:
    """A stream whose first line is a JSON object, or two of whose first few lines are, is
    JSON Lines (one bad record at the top must not turn the rest into a page of text)."""
    lines = [line.strip() for line in head if line.strip()]
    objects = [line.startswith(b"{") and line.endswith(b"}") for line in lines]
    return bool(objects) and (objects[0] or sum(objects) >= 2)


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


__all__ = ["Failure", "ReadFailure", "guarded", "looks_like_html", "read_file", "read_inputs",
           "resolve_kind"]
