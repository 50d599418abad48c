"""What a long run says while it works: a live bar on stderr with pages per second and the
counts so far, and every document dropped named above it with its reason.

The bar is drawn only when stderr is a terminal and `--quiet` is not given: a log file or a
pipe gets the named drops and the closing summary, never a redraw. The first line appears
at once, before the first page is done (loading the model takes seconds), so a run is never
silent.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Mapping
from typing import Self

from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn


class RunProgress:
    """A live progress line for a run over pages.

    >>> with RunProgress("ingest", quiet=True) as progress:  # doctest: +SKIP
    ...     progress.update(12, {"stored": 10, "failed": 2})
    ...     progress.note("newsgraph: page.html: no article found")
    """

    def __init__(self, label: str, *, quiet: bool = False, console: Console | None = None) -> None:
        self._console = console or Console(stderr=True)
        self.shown = not quiet and self._console.is_terminal
        # The pages' total is not known in advance (a WARC file or a directory is read as a
        # stream), so the bar pulses and the counts carry the news.
        self._progress = Progress(
            SpinnerColumn(), TextColumn(label), BarColumn(bar_width=20),
            TextColumn("{task.fields[counts]}"), TimeElapsedColumn(),
            console=self._console, transient=True,
        )
        self._task = self._progress.add_task(label, total=None, counts="starting")
        self._started = time.perf_counter()

    def __enter__(self) -> Self:
        if self.shown:
            self._progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.shown:
            self._progress.stop()

    def update(self, pages: int, counts: Mapping[str, int] | None = None) -> None:
        """`pages` handled so far, and named counts to show beside them (zeros left out)."""
        if not self.shown:
            return
        rate = pages / max(time.perf_counter() - self._started, 1e-9)
        parts = [f"{pages} pages", f"{rate:.1f} pages/s"]
        parts += [f"{n} {name}" for name, n in (counts or {}).items() if n]
        self._progress.update(self._task, counts=" · ".join(parts))

    def note(self, line: str) -> None:
        """One line on stderr, above the bar when there is one."""
        if self.shown:
            self._progress.console.print(line, markup=False, highlight=False, soft_wrap=True)
        else:
            print(line, file=sys.stderr, flush=True)


__all__ = ["RunProgress"]
