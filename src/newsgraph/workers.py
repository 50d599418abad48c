"""Worker processes that run one document at a time and can be stopped mid-document.

A thread cannot be stopped, and `concurrent.futures` cannot stop the process under one of
its tasks, so neither can keep one pathological document from holding a core for an hour.
Here each worker is a process of its own with a pipe: the parent sends it a document, waits
at most `limits.MAX_DOCUMENT_S` for the answer, and past that kills the process (SIGKILL)
and starts a fresh one in its place. The document becomes a `Failure` naming the limit; a
worker that dies by itself (a crash in native code, the kernel's OOM killer) is named the
same way, and the run goes on.

A worker loads its models when it starts and says when it is ready; a document's clock
starts only then, so the seconds spent loading spaCy are never counted against a page.

>>> with WorkerPool(size=2, stage="extract") as pool:  # doctest: +SKIP
...     outcome = pool.run(Document(content="Rain fell.", kind="text"))
"""

from __future__ import annotations

import ctypes
import multiprocessing
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from multiprocessing.connection import Connection, wait
from multiprocessing.context import BaseContext
from multiprocessing.process import BaseProcess
from typing import Self

from newsgraph.errors import FailedAt, Failure
from newsgraph.extract import PublisherLines
from newsgraph.limits import MAX_DOCUMENT_S
from newsgraph.model import Document, Story
from newsgraph.pipeline import Stage, run_one, warm_up

_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
READY = "ready"
# Seconds a new worker may take to load its models before it counts as broken.
START_S = 600.0


class _Worker:
    """One worker process and the parent's end of its pipe."""

    def __init__(self, context: BaseContext, stage: Stage) -> None:
        self.connection, child = context.Pipe()
        self.process: BaseProcess = context.Process(  # type: ignore[attr-defined]
            target=_work, args=(child, stage), daemon=True, name=f"newsgraph-{stage}"
        )
        self.process.start()
        child.close()
        self.task: int | None = None
        self.document: Document | None = None
        self.ready = False
        self.timeout_s = 0.0
        self.deadline = 0.0

    def send(
        self, task: int, document: Document, timeout_s: float, lexicon: PublisherLines | None = None
    ) -> None:
        self.task, self.document, self.timeout_s = task, document, timeout_s
        self.deadline = time.monotonic() + (timeout_s if self.ready else START_S)
        self.connection.send((document, lexicon))

    def receive(self) -> Story | Failure | None:
        """The answer to the document sent, or None for the worker's word that it is ready
        (from then on the document's own clock runs)."""
        message = self.connection.recv()
        if message == READY:
            self.ready = True
            self.deadline = time.monotonic() + self.timeout_s
            return None
        self.task = self.document = None
        return message  # type: ignore[no-any-return]

    def stop(self) -> None:
        """Kill the process at once: its document is abandoned, not finished."""
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.connection.close()

    def close(self) -> None:
        try:
            self.connection.send(None)
        except OSError:
            pass
        self.process.join(2)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(2)
        self.connection.close()


def _work(connection: Connection, stage: Stage) -> None:
    """A worker's life: read a document, send back its Story or Failure, until told to stop."""
    _die_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when work stops
    warm_up(stage)
    connection.send(READY)
    while True:
        try:
            task = connection.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        document, lexicon = task
        connection.send(run_one(stage, document, lexicon))


def _die_with_parent() -> None:
    """Ask Linux to end this worker when its parent dies, even by `kill -9`.

    Without it, workers of a killed run live on as orphans holding their models in memory.
    """
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)


class WorkerPool:
    """`size` worker processes running `stage` ("extract" or "analyze") on documents, each
    document stopped after `timeout_s` seconds. `context` is a multiprocessing start method
    ("fork" is quickest; "spawn" is safe from a parent that runs threads, like a server)."""

    def __init__(self, size: int, stage: Stage, timeout_s: float = MAX_DOCUMENT_S,
                 context: str | None = None) -> None:
        self.size = size
        self.stage = stage
        self.timeout_s = timeout_s
        self._context = multiprocessing.get_context(context)
        self._idle: list[_Worker] = []
        self._busy: list[_Worker] = []
        self.replaced = 0  # workers killed or dead and started again
        self._lock = threading.Lock()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        for worker in self._idle + self._busy:
            worker.close() if worker.task is None else worker.stop()
        self._idle, self._busy = [], []

    def _take(self) -> _Worker:
        if self._idle:
            return self._idle.pop()
        return _Worker(self._context, self.stage)

    def map(
        self, items: Iterable[Document | Failure], lookahead: int = 8,
        lexicon: Callable[[], PublisherLines] | None = None,
    ) -> Iterator[Story | Failure]:
        """Every item's outcome in input order; a Failure passes through unchanged. `lexicon`
        is asked for the publisher furniture as each document is handed out."""
        iterator = iter(items)
        pending: dict[int, Story | Failure] = {}
        queued: list[tuple[int, Document]] = []
        next_in, next_out = 0, 0
        exhausted = False
        while True:
            # Read ahead a bounded number of items, so memory stays flat on any input.
            while not exhausted and next_in - next_out < self.size * lookahead:
                item = next(iterator, None)
                if item is None:
                    exhausted = True
                    break
                if isinstance(item, Failure):
                    pending[next_in] = item
                else:
                    queued.append((next_in, item))
                next_in += 1
            while queued and len(self._busy) < self.size:
                task, document = queued.pop(0)
                worker = self._take()
                worker.send(task, document, self.timeout_s,
                            lexicon() if lexicon is not None else None)
                self._busy.append(worker)
            while next_out in pending:
                yield pending.pop(next_out)
                next_out += 1
            if exhausted and next_out == next_in:
                return
            if self._busy:
                for task, outcome in self._collect():
                    pending[task] = outcome

    def run(self, document: Document) -> Story | Failure:
        """One document's outcome in a worker of its own, blocking until it is done or
        stopped; safe to call from several threads at once, each taking its own worker
        (the server's use: it bounds how many run at once itself)."""
        with self._lock:
            worker = self._take()
        worker.send(0, document, self.timeout_s)
        try:
            while True:
                left = worker.deadline - time.monotonic()
                if left <= 0 or not worker.connection.poll(left):
                    worker.stop()
                    return self._overdue(document)
                outcome = worker.receive()
                if outcome is not None:
                    break
        except (EOFError, OSError):
            worker.stop()
            return Failure(document.origin, f"{self.stage} failed: {_death(worker)}", _at(self.stage))
        with self._lock:
            self._idle.append(worker)
        return outcome

    def _overdue(self, document: Document) -> Failure:
        self.replaced += 1
        return Failure(
            document.origin,
            f"{self.stage} took longer than {self.timeout_s:g} s; stopped (limits.MAX_DOCUMENT_S)",
            _at(self.stage),
        )

    def _collect(self) -> list[tuple[int, Story | Failure]]:
        """Wait for at least one busy worker to answer, die, or run out of time."""
        now = time.monotonic()
        soonest = min(worker.deadline for worker in self._busy)
        ready = wait([worker.connection for worker in self._busy], timeout=max(0.0, soonest - now))
        done: list[tuple[int, Story | Failure]] = []
        for worker in list(self._busy):
            task, document = worker.task, worker.document
            assert task is not None and document is not None
            outcome: Story | Failure | None = None
            if worker.connection in ready:
                try:
                    outcome = worker.receive()
                except (EOFError, OSError):
                    worker.stop()
                    outcome = Failure(document.origin, f"{self.stage} failed: {_death(worker)}", _at(self.stage))
                    self._busy.remove(worker)
                    self.replaced += 1
                else:
                    if outcome is not None:
                        self._busy.remove(worker)
                        self._idle.append(worker)
            elif time.monotonic() >= worker.deadline:
                worker.stop()
                outcome = self._overdue(document) if worker.ready else Failure(
                    document.origin, f"its worker did not start within {START_S:g} s", _at(self.stage))
                self._busy.remove(worker)
            if outcome is not None:
                done.append((task, outcome))
        return done


def _death(worker: _Worker) -> str:
    code = worker.process.exitcode
    if code is not None and code < 0:
        return f"its worker process died ({signal.Signals(-code).name})"
    return f"its worker process died (exit code {code})"


def _at(stage: str) -> FailedAt:
    return "extract" if stage == "extract" else "analyze"


__all__ = ["WorkerPool"]
