"""Writing Stories out: JSON, JSONL and the readable text card."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO

from newsgraph.errors import NewsgraphError
from newsgraph.model import Story


def story_json(story: Story, indent: int | None = None) -> str:
    return json.dumps(story.to_dict(), ensure_ascii=False, indent=indent)


@contextmanager
def open_output(path: str | None) -> Iterator[IO[str]]:
    if path is None or path == "-":
        yield sys.stdout
        return
    try:
        handle = open(path, "w", encoding="utf-8")  # noqa: SIM115 - closed by the with below
    except OSError as error:
        raise NewsgraphError(f"cannot write {path}: {error.strerror or error}") from None
    with handle:
        yield handle
