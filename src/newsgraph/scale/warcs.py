"""WARC files at crawl scale: lists of paths, an index pass, and byte ranges read back.

A crawl is named by a paths file (Common Crawl's `warc.paths.gz` shape: one path or URL a
line, gzipped or not). A WARC file of a crawl holds tens of thousands of pages, too many
for one retryable unit of work, so an index pass walks each file once, noting where every
record starts and ends, and cuts the file into `WarcTask`s: byte ranges holding at most
`records_per_task` responses. A `.warc.gz` is a series of gzip members, one per record (the
WARC standard's advice, which crawlers follow), and a range of whole members is itself a
valid `.warc.gz`, so a task is read back with the same reader as a whole file.

Files are opened where they live: local paths (or `file://`), `s3://`/`s3a://`, `gs://` and
`hdfs://` through pyarrow's file systems, `http(s)://` with range requests.
"""

from __future__ import annotations

import gzip
import io
import urllib.request
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from newsgraph.errors import InputError

CHUNK_BYTES = 1 << 20
DEFAULT_RECORDS_PER_TASK = 500
_REMOTE = ("s3://", "s3a://", "s3n://", "gs://", "gcs://", "hdfs://", "viewfs://")


@dataclass(frozen=True, slots=True)
class WarcTask:
    """One unit of work: bytes [start, end) of a WARC file, holding `responses` responses."""

    path: str
    start: int
    end: int
    responses: int


def read_paths(lines: Iterator[str] | list[str], prefix: str = "") -> list[str]:
    """The WARC paths of a paths file's lines: blanks and `#` comments skipped, `prefix`
    put before paths that are not URLs (Common Crawl's lists are relative to its bucket).

    >>> read_paths(["crawl-data/a.warc.gz", "", "# x", "s3://b/c.warc.gz"], "s3://commoncrawl/")
    ['s3://commoncrawl/crawl-data/a.warc.gz', 's3://b/c.warc.gz']
    """
    paths = []
    for line in lines:
        text = line.strip()
        if not text or text.startswith("#"):
            continue
        paths.append(text if "://" in text or not prefix else prefix + text)
    return paths


def read_paths_file(path: str, prefix: str = "") -> list[str]:
    """The WARC paths listed in a local paths file (`.gz` allowed)."""
    try:
        with open_file(path) as handle:
            data = handle.read()
    except OSError as error:
        raise InputError(f"cannot read paths file {path}: {error.strerror or error}") from None
    if data[:2] == b"\x1f\x8b":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError, zlib.error) as error:
            raise InputError(f"paths file {path} does not decompress: {error}") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError(f"paths file {path} is not UTF-8 text") from None
    return read_paths(text.splitlines(), prefix)


def open_file(path: str) -> IO[bytes]:
    """A readable binary stream of a local or remote file. Raises OSError."""
    if path.startswith(("http://", "https://")):
        return urllib.request.urlopen(path, timeout=60)  # type: ignore[no-any-return]
    if path.startswith(_REMOTE):
        from pyarrow import fs

        system, where = fs.FileSystem.from_uri(_pyarrow_uri(path))
        return system.open_input_stream(where)  # type: ignore[no-any-return]
    return open(path.removeprefix("file://"), "rb")


def read_range(path: str, start: int, end: int) -> bytes:
    """Bytes [start, end) of a local or remote file. Raises OSError."""
    if path.startswith(("http://", "https://")):
        request = urllib.request.Request(path, headers={"Range": f"bytes={start}-{end - 1}"})
        with urllib.request.urlopen(request, timeout=60) as response:
            data: bytes = response.read()
        return data
    if path.startswith(_REMOTE):
        from pyarrow import fs

        system, where = fs.FileSystem.from_uri(_pyarrow_uri(path))
        with system.open_input_file(where) as handle:
            return bytes(handle.read_at(end - start, start))
    with open(path.removeprefix("file://"), "rb") as local:
        local.seek(start)
        return local.read(end - start)


def _pyarrow_uri(path: str) -> str:
    # Hadoop's s3a/s3n and gcs spellings are pyarrow's s3 and gs.
    for hadoop, arrow in (("s3a://", "s3://"), ("s3n://", "s3://"), ("gcs://", "gs://")):
        if path.startswith(hadoop):
            return arrow + path[len(hadoop):]
    return path


def index_warc(path: str, records_per_task: int = DEFAULT_RECORDS_PER_TASK) -> list[WarcTask]:
    """Cut one WARC file into tasks of at most `records_per_task` responses each.

    The cuts fall between gzip members (`.warc.gz`) or between records (`.warc`). A gzip
    member holding many records (a file compressed as one stream) cannot be cut, and is
    one task. A file that cannot be read or parsed to its end is one task from the last
    good cut to its end, so the reader names what is wrong with it.
    """
    with open_file(path) as handle:
        head = handle.read(2)
        units = _gzip_units(handle, head) if head == b"\x1f\x8b" else _plain_units(handle, head)
        return _tasks(path, units, records_per_task)


def index_or_failure(path: str, records_per_task: int = DEFAULT_RECORDS_PER_TASK) -> list[dict[str, object]]:
    """`index_warc` as rows (path, start, end, responses, error): a file that cannot be
    opened is one row with its reason in `error`, so an engine's index pass never fails."""
    try:
        tasks = index_warc(path, records_per_task)
    except OSError as error:
        return [{"path": path, "start": 0, "end": 0, "responses": 0,
                 "error": f"cannot read WARC: {error.strerror or error}"}]
    return [{"path": t.path, "start": t.start, "end": t.end, "responses": t.responses,
             "error": None} for t in tasks]


def _tasks(path: str, units: Iterator[tuple[int, int, int]], per_task: int) -> list[WarcTask]:
    tasks: list[WarcTask] = []
    start = end = responses = 0
    for unit_start, unit_end, unit_responses in units:
        if responses and responses + unit_responses > per_task:
            tasks.append(WarcTask(path, start, end, responses))
            start, responses = unit_start, 0
        end = unit_end
        responses += unit_responses
    if end > start:
        tasks.append(WarcTask(path, start, end, responses))
    return tasks


class _RecordCounter:
    """Counts the records of a WARC byte stream fed in pieces, and the responses among them,
    noting the stream position after each whole record."""

    def __init__(self) -> None:
        self._buffer = bytearray()
        self._skip = 0
        self.position = 0
        self.responses = 0
        self.ends: list[tuple[int, int]] = []  # (position after a record, responses so far)

    def feed(self, data: bytes) -> None:
        view = memoryview(data)
        while view:
            if self._skip:
                taken = min(self._skip, len(view))
                self._skip -= taken
                self.position += taken
                view = view[taken:]
                if not self._skip:
                    self.ends.append((self.position, self.responses))
                continue
            self._buffer += view
            self.position += len(view)
            view = memoryview(b"")
            cut = self._buffer.find(b"\r\n\r\n")
            if cut < 0:
                if len(self._buffer) > CHUNK_BYTES:
                    raise InputError("no WARC record header where one should start")
                return
            header = bytes(self._buffer[:cut])
            rest = bytes(self._buffer[cut + 4:])
            self._buffer.clear()
            self.position -= len(rest)
            self._skip = _content_length(header) + 4  # content, then CRLF CRLF
            if b"\r\nwarc-type: response" in header.lower():
                self.responses += 1
            view = memoryview(rest)


def _content_length(header: bytes) -> int:
    if not header.lstrip().startswith(b"WARC/"):
        raise InputError("no WARC record header where one should start")
    for line in header.split(b"\r\n"):
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            try:
                return int(value.strip())
            except ValueError:
                break
    raise InputError("WARC record header without a Content-Length")


def _plain_units(handle: IO[bytes], head: bytes) -> Iterator[tuple[int, int, int]]:
    """(start, end, responses) of every record of an uncompressed WARC file."""
    counter = _RecordCounter()
    at = 0
    counted = 0
    data = head
    try:
        while data:
            counter.feed(data)
            for end, responses in counter.ends:
                yield at, end, responses - counted
                at, counted = end, responses
            counter.ends.clear()
            data = handle.read(CHUNK_BYTES)
    except InputError:
        pass
    rest = _rest(handle, counter.position)
    if rest > at:
        yield at, rest, 1


def _gzip_units(handle: IO[bytes], head: bytes) -> Iterator[tuple[int, int, int]]:
    """(start, end, responses) of every gzip member of a `.warc.gz` file."""
    at = 0
    pending = head
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    counter = _RecordCounter()
    counted = 0
    consumed = 0  # compressed bytes fed to the current member
    try:
        while True:
            data = pending or handle.read(CHUNK_BYTES)
            pending = b""
            if not data:
                break
            counter.feed(inflater.decompress(data))
            counter.ends.clear()
            consumed += len(data)
            while inflater.eof:
                leftover = inflater.unused_data
                end = at + consumed - len(leftover)
                yield at, end, counter.responses - counted
                counted = counter.responses
                at, consumed = end, 0
                inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
                if not leftover:
                    break
                counter.feed(inflater.decompress(leftover))
                consumed = len(leftover)
    except (InputError, zlib.error):
        pass
    rest = _rest(handle, at + consumed)
    if rest > at:
        yield at, rest, 1


def _rest(handle: IO[bytes], position: int) -> int:
    """The end of the file: `position` plus whatever is left unread in `handle`."""
    total = position
    while data := handle.read(CHUNK_BYTES):
        total += len(data)
    return total


def range_stream(data: bytes) -> IO[bytes]:
    """A readable stream of the WARC records in a task's bytes (gzip members or plain)."""
    return io.BytesIO(data)


def task_name(task: WarcTask) -> str:
    """How messages name a task: the file, and the byte range when it is not the whole."""
    return task.path if task.start == 0 else f"{task.path}@{task.start}"


def local_name(path: str) -> str:
    """A path as written in origins: local files without a `file://` scheme."""
    return str(Path(path.removeprefix("file://"))) if path.startswith("file://") else path


__all__ = [
    "DEFAULT_RECORDS_PER_TASK",
    "WarcTask",
    "index_or_failure",
    "index_warc",
    "local_name",
    "open_file",
    "range_stream",
    "read_paths",
    "read_paths_file",
    "read_range",
    "task_name",
]
