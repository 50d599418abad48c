"""Composition: documents in, Stories out, through extract and the annotators.

`analyze_document` and `extract_document` are the per-document stages; `run_stage` maps one
over a stream of documents, in one process or in a pool of worker processes that each load
their models once.
"""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from functools import lru_cache
from typing import Literal

from newsgraph.annotate import Annotator, default_annotators
from newsgraph.errors import Failure, InputError, describe
from newsgraph.extract import PublisherLines, extract_story
from newsgraph.ingest.encoding import without_surrogates
from newsgraph.ingest.readers import resolve_kind
from newsgraph.limits import MAX_DOCUMENT_S, check_text
from newsgraph.model import Document, KindOption, Story

# The per-document stages a run can stop at: the extract stage alone, or the whole pipeline.
Stage = Literal["extract", "analyze"]

# A stage's failures are the one Failure type of `errors.py`; the old name still works.
StageFailure = Failure
Outcome = Story | Failure


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
    return Document(content=without_surrogates(content), kind=resolve_kind(kind, content), url=url)


STAGES: dict[str, Callable[[Document, PublisherLines | None], Story]] = {
    "extract": extract_document,
    "analyze": analyze_document,
}


def run_stage(
    items: Iterable[Document | Failure], stage: Stage = "analyze", jobs: int | None = None,
    timeout_s: float = MAX_DOCUMENT_S, lexicon: Callable[[], PublisherLines] | None = None,
) -> Iterator[Outcome]:
    """Run a stage over documents in input order; read failures pass through unchanged.

    `jobs` worker processes (default: every core), each document stopped after `timeout_s`
    seconds by killing its worker (see `newsgraph.workers`); 1 runs in this process, where
    the same limit interrupts the document by a timer signal in the main thread. `lexicon`
    gives the publisher furniture to take out; it is asked again for every document handed
    out, so lines an archive learns during a run reach the documents after them.
    """
    jobs = jobs or os.cpu_count() or 1
    if jobs <= 1:
        for item in items:
            if isinstance(item, Failure):
                yield item
            else:
                lines = lexicon() if lexicon is not None else None
                yield _run_timed(stage, item, timeout_s, lines)
        return
    from newsgraph.workers import WorkerPool

    with WorkerPool(size=jobs, stage=stage, timeout_s=timeout_s) as pool:
        yield from pool.map(items, lexicon=lexicon)


class _Overtime(BaseException):
    """Raised by the timer in the main thread; a BaseException so no stage's own `except
    Exception` swallows it."""


def _run_timed(
    stage: Stage, document: Document, timeout_s: float, lexicon: PublisherLines | None = None
) -> Story | Failure:
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        return run_one(stage, document, lexicon)

    def overtime(signum: int, frame: object) -> None:
        raise _Overtime

    previous = signal.signal(signal.SIGALRM, overtime)
    signal.setitimer(signal.ITIMER_REAL, timeout_s)
    try:
        return run_one(stage, document, lexicon)
    except _Overtime:
        return Failure(document.origin,
                       f"{stage} took longer than {timeout_s:g} s; stopped (limits.MAX_DOCUMENT_S)", stage)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def warm_up(stage: Stage) -> None:
    """Load what `stage` needs (spaCy and its models for analyze) by running a tiny page
    of each kind."""
    sentence = "“Rain fell in Oslo on Tuesday,” the mayor said."
    STAGES[stage](Document(content=f"<html><body><p>{sentence}</p></body></html>", kind="html"), None)
    STAGES[stage](Document(content=sentence, kind="text"), None)


def run_one(
    stage: Stage, document: Document, lexicon: PublisherLines | None = None
) -> Story | Failure:
    """One document through one stage; whatever goes wrong is that document's Failure."""
    try:
        if document.kind == "text":
            check_text(document.content)
        content = without_surrogates(document.content)
        if content is not document.content:
            document = replace(document, content=content)
        return STAGES[stage](document, lexicon)
    except InputError as error:
        return Failure(document.origin, f"{stage} refused: {error}", stage)
    except (Exception, RecursionError) as error:  # noqa: BLE001
        # One page that trips a stage is a recorded, reasoned failure for that page; the
        # run goes on with the rest (exit code 1), rather than a traceback losing them all.
        return Failure(document.origin, f"{stage} failed: {describe(error)}", stage)


__all__ = [
    "Outcome",
    "StageFailure",
    "analyze",
    "analyze_document",
    "annotate_story",
    "extract",
    "extract_document",
    "run_one",
    "run_stage",
    "warm_up",
]
