"""Quality gate: newsgraph's HTML extraction on the Zyte benchmark must not fall below its floor.

The floors are the figures `bench/extraction.py` measured when they were set, less a hair for
platform noise; a change that lowers them fails here, loudly, instead of silently shipping a
worse extractor. Only newsgraph runs here (the peers are for the benchmark script), so the gate
takes a few seconds. It reads the pages from ../shared/data and skips, saying so, without them.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

from newsgraph.extract import extract_html
from newsgraph.model import Document
from tests.conftest import REPO, shared_path

F1_FLOOR = 0.972
PRECISION_FLOOR = 0.970
RECALL_FLOOR = 0.973


def _bench() -> ModuleType:
    """The benchmark script, for its metric: one implementation, used by both."""
    path = REPO / "bench" / "extraction.py"
    spec = importlib.util.spec_from_file_location("bench_extraction", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_scrapinghub_f1_stays_above_its_floor() -> None:
    root = shared_path("extraction", "scrapinghub")
    bench = _bench()
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    pairs = []
    for page_id, url, html, body in bench.load_pages():
        story = extract_html(Document(content=html, kind="html", url=url))
        pairs.append(bench.score_page(body, story.body))
    scores = bench.summarise(pairs)
    assert len(pairs) == len(truth)
    assert scores.f1 >= F1_FLOOR, f"F1 fell to {scores.f1:.4f} (floor {F1_FLOOR})"
    assert scores.precision >= PRECISION_FLOOR, f"precision fell to {scores.precision:.4f}"
    assert scores.recall >= RECALL_FLOOR, f"recall fell to {scores.recall:.4f}"


def test_benchmark_script_finds_the_data_relative_to_the_repo() -> None:
    bench = _bench()
    assert bench.DATA == Path(REPO).parent / "shared" / "data" / "extraction" / "scrapinghub"
