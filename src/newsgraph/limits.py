"""Every bound newsgraph puts on one input, in one place.

A page off the web or a record of a dump can be anything: a gzip bomb, a 1 GB line, JSON
nested 50,000 deep, a text that keeps a parser busy for an hour. Each reader and stage
checks the bound that concerns it and, when a document crosses one, raises `LimitExceeded`
naming the bound; the document becomes a `Failure` with that reason and the run goes on.

The bounds are generous for real news, whose pages run to a few megabytes of HTML and
rarely past 100,000 characters of text.

>>> check_json_depth('{"a": [1, {"b": 2}]}')
>>> check_json_depth("[" * 100)
Traceback (most recent call last):
...
newsgraph.errors.LimitExceeded: JSON nested deeper than 64 levels (limits.MAX_JSON_DEPTH)
"""

from __future__ import annotations

import re
import zlib
from itertools import accumulate

from newsgraph.errors import LimitExceeded

# Bytes of one document as read: a file, a stdin page, a JSONL line, a WARC record's body.
MAX_READ_BYTES = 20_000_000
# Bytes of one document once decompressed (a .gz page, a gzip or deflate HTTP body).
MAX_DECOMPRESSED_BYTES = 20_000_000
# Characters of a document's text, and of the body the annotators read. spaCy's parse and
# the annotators' memory grow with it; 1,000,000 characters is a short book.
MAX_TEXT_CHARS = 1_000_000
# Characters of HTML the extract stage parses; past it a page loses its scripts, then its
# tail (extract/dom.py), which keeps multi-megabyte pages fast.
MAX_HTML_CHARS = 1_000_000
# Nesting depth of a JSON value (a JSONL record, a JSON-LD block, a request body) and of an
# HTML tree; real pages stay under a few dozen levels. The HTML bound is the parser's own
# (libxml2 stops at 255 levels); extract/dom.py flattens wrappers nested deeper and parses
# the page again, so a page nested 100,000 deep is read, not refused.
MAX_JSON_DEPTH = 64
MAX_HTML_DEPTH = 255
# Seconds one document may take through a stage before its worker is stopped.
MAX_DOCUMENT_S = 120.0
# Seconds a server waits for a request's headers, and for its whole body.
HEADER_TIMEOUT_S = 10.0
BODY_TIMEOUT_S = 30.0

_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_JSON_BRACKET = re.compile(r"[\[\]{}]")


def check_size(size: int, limit: int, what: str, name: str) -> None:
    """Raise LimitExceeded if `size` is over `limit`; `name` is the bound's name here."""
    if size > limit:
        raise LimitExceeded(f"{what} larger than {limit:,} (limits.{name})")


def check_text(text: str) -> None:
    """A document's text is at most MAX_TEXT_CHARS characters."""
    check_size(len(text), MAX_TEXT_CHARS, "text of", "MAX_TEXT_CHARS")


def json_depth(text: str) -> int:
    """How deeply JSON `text` nests arrays and objects, found without parsing it.

    Brackets inside strings do not count. Malformed text gets some depth, never an error.

    >>> json_depth('{"a": [1, "]]]"]}')
    2
    """
    bare = _JSON_STRING.sub("", text) if '"' in text else text
    steps = (1 if mark in "[{" else -1 for mark in _JSON_BRACKET.findall(bare))
    return max(accumulate(steps, initial=0))


def check_json_depth(text: str, limit: int = MAX_JSON_DEPTH) -> None:
    """Raise LimitExceeded if JSON `text` nests deeper than `limit` (Python's parser would
    otherwise recurse until RecursionError, and what reads the value after it too)."""
    if json_depth(text) > limit:
        raise LimitExceeded(f"JSON nested deeper than {limit} levels (limits.MAX_JSON_DEPTH)")


def inflate(data: bytes, wbits: int, limit: int = MAX_DECOMPRESSED_BYTES) -> tuple[bytes, bool]:
    """Decompress zlib/gzip/deflate `data` (per `wbits`) to at most `limit` bytes, never
    more in memory, and say whether the stream ended. Raises LimitExceeded past the limit
    and zlib.error for bytes that do not decompress."""
    inflater = zlib.decompressobj(wbits)
    out = inflater.decompress(data, limit + 1)
    if len(out) > limit:
        raise LimitExceeded(f"larger than {limit:,} bytes once decompressed (limits.MAX_DECOMPRESSED_BYTES)")
    return out, inflater.eof


__all__ = [
    "BODY_TIMEOUT_S",
    "HEADER_TIMEOUT_S",
    "MAX_DECOMPRESSED_BYTES",
    "MAX_DOCUMENT_S",
    "MAX_HTML_CHARS",
    "MAX_HTML_DEPTH",
    "MAX_JSON_DEPTH",
    "MAX_READ_BYTES",
    "MAX_TEXT_CHARS",
    "check_json_depth",
    "check_size",
    "check_text",
    "inflate",
    "json_depth",
]
