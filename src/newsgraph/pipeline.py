"""Composition: documents in, Stories out, through extract and the annotators.

`analyze_document` and `extract_document` are the per-document stages; `run_stage` maps one
over a stream of documents, in one process or in a pool of worker processes that each load
their models once.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from typing import Literal

from newsgraph.annotate import Annotator, default_annotators
from newsgraph.extract import PublisherLines, extract_story
from newsgraph.ingest import ReadFailure
from newsgraph.ingest.readers import resolve_kind
from newsgraph.model import Document, KindOption, Story

# The per-document stages a run can stop at: the extract stage alone, or the whole pipeline.
Stage = Literal["extract", "analyze"]
_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


@dataclass(frozen=True, slots=True)
class StageFailure:
    """A document a stage could not turn into a Story, and why."""

    origin: str
    reason: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


Outcome = Story | ReadFailure | StageFailure


@lru_cache(maxsize=1)
def _annotators() -> tuple[Annotator, ...]:
    return tuple(default_annotators())


def extract_document(document: Document, lexicon: PublisherLines | None = None) -> Story:
    """The extract stage alone: body, metadata and furniture (with the publisher furniture
    an archive learned, given as `lexicon`)."""
    return extract_story(document, lexicon)


def annotate_story(story: Story) -> Story:
    """Every default annotator, in order, over an extracted Story."""
    for annotator in _annotators():
        story = annotator.annotate(story)
    return story


def analyze_document(document: Document, lexicon: PublisherLines | None = None) -> Story:
    """The whole per-story pipeline: extract (less the publisher furniture in `lexicon`),
    then every annotator, always over the final body.

    >>> story = analyze_document(Document(content="Rain fell on Tuesday.", kind="text"))
    >>> story.body
    'Rain fell on Tuesday.'
    """
    return annotate_story(extract_story(document, lexicon))


def analyze(
    content: str, kind: KindOption = "auto", url: str | None = None,
    lexicon: PublisherLines | None = None,
) -> Story:
    """Analyze one page given as a string: HTML or scraped text (told apart if `auto`).
    Given an archive's `lexicon` (`corpus.publisher_lines(archive)`), the story is the one
    an ingest into that archive stores.

    >>> analyze("Rain fell on Tuesday.").body
    'Rain fell on Tuesday.'
    """
    return analyze_document(_document(content, kind, url), lexicon)


def extract(
    content: str, kind: KindOption = "auto", url: str | None = None,
    lexicon: PublisherLines | None = None,
) -> Story:
    """The extract stage alone over one page given as a string."""
    return extract_document(_document(content, kind, url), lexicon)


def _document(content: str, kind: KindOption, url: str | None) -> Document:
    return Document(content=content, kind=resolve_kind(kind, content), url=url)


STAGES: dict[str, Callable[[Document, PublisherLines | None], Story]] = {
    "extract": extract_document,
    "analyze": analyze_document,
}


def run_stage(
    items: Iterable[Document | ReadFailure], stage: Stage = "analyze", jobs: int | None = None,
    lexicon: Callable[[], PublisherLines] | None = None,
) -> Iterator[Outcome]:
    """Run a stage over documents in input order; read failures pass through unchanged.

    `jobs` worker processes (default: every core); 1 runs in this process. `lexicon` gives
    the publisher furniture to take out; it is asked again for every batch handed to the
    workers, so lines an archive learns during a run reach the documents after them.
    """
    jobs = jobs or os.cpu_count() or 1
    if jobs <= 1:
        for item in items:
            if isinstance(item, ReadFailure):
                yield item
            else:
                yield _run_one(stage, item, lexicon() if lexicon is not None else None)
        return
    with ProcessPoolExecutor(max_workers=jobs, initializer=_die_with_parent) as pool:
        iterator = iter(items)
        # Bounded look-ahead keeps memory flat however many documents come in.
        while batch := list(islice(iterator, jobs * 8)):
            documents = [item for item in batch if isinstance(item, Document)]
            lines = lexicon() if lexicon is not None else None
            results = iter(pool.map(
                _run_one, [stage] * len(documents), documents, [lines] * len(documents),
                chunksize=2,
            ))
            for item in batch:
                yield item if isinstance(item, ReadFailure) else next(results)


def _die_with_parent() -> None:
    """Ask Linux to end this worker when its parent dies, even by `kill -9`.

    Without it, workers of a killed run live on as orphans holding their models in memory.
    """
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)


def _run_one(
    stage: Stage, document: Document, lexicon: PublisherLines | None = None
) -> Story | StageFailure:
    try:
        return STAGES[stage](document, lexicon)
    except Exception as error:  # noqa: BLE001
        # One page that trips a stage is a recorded, reasoned failure for that page; the
        # run goes on with the rest (exit code 1), rather than a traceback losing them all.
        return StageFailure(document.origin, f"{stage} failed: {type(error).__name__}: {error}")


__all__ = [
    "Outcome",
    "StageFailure",
    "analyze",
    "analyze_document",
    "annotate_story",
    "extract",
    "extract_document",
    "run_stage",
]
