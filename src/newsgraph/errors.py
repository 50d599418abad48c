"""newsgraph's exceptions, and the one record of a document that could not be handled.

    NewsgraphError
    ├── InputError        an input cannot be read (missing file, bad JSONL line, undecodable bytes)
    │   └── LimitExceeded     it crossed one of the bounds in `newsgraph.limits`
    ├── PipelineError     stages composed in an order that cannot work (checked before data runs)
    └── ArchiveError      the archive cannot be opened or written
        └── NotAnArchive      the file is some other SQLite database, or no database at all

    Failure               not an exception: a document (or one record of an input) that a
                          reader or a stage gave up on, with where it came from and why

Exceptions end one call; a `Failure` flows down the stream in the document's place, so the
run names it on stderr and goes on with the rest (exit code 1). The CLI turns each exception
into one line on stderr and an exit code.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

FailedAt = Literal["read", "extract", "analyze"]


class NewsgraphError(Exception):
    """Base of every error newsgraph raises on purpose."""


class InputError(NewsgraphError):
    """An input (file, record, stream) cannot be read."""


class LimitExceeded(InputError):
    """An input crossed a bound (size, nesting depth, time); the message names the bound."""


class PipelineError(NewsgraphError):
    """Annotators composed in an order whose requirements are not met."""


class ArchiveError(NewsgraphError):
    """The archive cannot be opened, migrated or written."""


class NotAnArchive(ArchiveError):
    """The file exists but is not a newsgraph archive; it is left as it was."""


@dataclass(frozen=True, slots=True)
class Failure:
    """A document, or one record of an input, that could not be read or run through a stage.

    `origin` names it the way a person finds it again: a path, `path:line` for a JSONL
    record, `path#url` for a WARC record; `reason` says why, in words.

    >>> str(Failure("pages.jsonl:4", "not a JSON object", "read"))
    'pages.jsonl:4: not a JSON object'
    """

    origin: str
    reason: str
    stage: FailedAt = "read"

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


def describe(error: BaseException) -> str:
    """An unexpected exception in words, one line, never its traceback."""
    text = " ".join(str(error).split())[:300]
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


__all__ = [
    "ArchiveError",
    "FailedAt",
    "Failure",
    "InputError",
    "LimitExceeded",
    "NewsgraphError",
    "NotAnArchive",
    "PipelineError",
    "describe",
]
