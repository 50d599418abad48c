"""A document that takes too long is stopped, not waited for (issue 17, defect 2).

The worker pool kills the worker process under an overrunning document and starts another;
the run goes on with the next document. A real slow document is used: a long generated
story, which takes far longer to analyse than the limit these tests set.
"""

from __future__ import annotations

import multiprocessing
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsgraph.errors import Failure
from newsgraph.model import Document, Story
from newsgraph.pipeline import run_stage, warm_up
from newsgraph.workers import WorkerPool
from tests.hostile.generate import story_text

SHORT = Document(content="Rain fell in Oslo on Tuesday, officials said.", kind="text", source_id="short")
LONG = Document(content=story_text(2800), kind="text", source_id="long")  # about 930,000 characters


def test_an_overrunning_document_is_stopped_and_its_worker_replaced() -> None:
    with WorkerPool(size=1, stage="analyze", timeout_s=10.0) as pool:
        first, slow, after = pool.map([SHORT, LONG, SHORT])
        assert isinstance(first, Story) and isinstance(after, Story)
        assert isinstance(slow, Failure) and slow.origin == "long"
        assert "limits.MAX_DOCUMENT_S" in slow.reason and slow.stage == "analyze"
        assert pool.replaced == 1
        # The killed worker is gone, not left running beside its replacement.
        assert len(multiprocessing.active_children()) <= 1


def test_the_server_way_of_running_one_document_is_stopped_too() -> None:
    with WorkerPool(size=1, stage="analyze", timeout_s=10.0, context="spawn") as pool:
        assert isinstance(pool.run(SHORT), Story)
        slow = pool.run(LONG)
        assert isinstance(slow, Failure) and "limits.MAX_DOCUMENT_S" in slow.reason
        assert isinstance(pool.run(SHORT), Story)


def test_one_process_runs_are_stopped_by_a_timer() -> None:
    warm_up("analyze")  # in one process, the models load within the first document's time
    first, slow, after = run_stage([SHORT, LONG, SHORT], stage="analyze", jobs=1, timeout_s=10.0)
    assert isinstance(first, Story) and isinstance(after, Story)
    assert isinstance(slow, Failure) and "limits.MAX_DOCUMENT_S" in slow.reason


def _processes_naming(text: str) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if text.encode() in (entry / "cmdline").read_bytes():
                    found.append(int(entry.name))
            except OSError:
                continue
    return found


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_kill_9_of_a_pooled_run_leaves_no_worker_behind(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    for number in range(200):
        (pages / f"{number}.txt").write_text(story_text(3, seed=number), encoding="utf-8")
    db = tmp_path / "killed-pool.db"
    process = subprocess.Popen([sys.executable, "-m", "newsgraph.cli", "ingest", str(pages), "--db", str(db),
                                "--stage", "extract", "--jobs", "2"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while len(_processes_naming(str(db))) < 3 and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.1)
    assert len(_processes_naming(str(db))) >= 3, "the run should have its two workers"
    process.send_signal(signal.SIGKILL)
    process.wait()
    deadline = time.monotonic() + 20
    while _processes_naming(str(db)) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert _processes_naming(str(db)) == []
