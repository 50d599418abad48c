"""Quality gate: newsgraph's HTML extraction on the check halves of the five extraction sets.

The floors are the check-half figures `bench/extraction.py` measured when they were set, less a
hair for platform noise; a change that lowers them fails here, loudly, instead of silently
shipping a worse extractor. The check half of each set (`split.py` on the page id) is the part
no rule was tuned on. Only newsgraph runs here (the peers are for the benchmark script). The
pages are read from ../shared/data; without them the gate skips, saying so.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from newsgraph.extract import extract_html
from newsgraph.model import Document
from tests.conftest import REPO, shared_path

# set -> (F1, precision, recall) floors on its check half
FLOORS: dict[str, tuple[float, float, float]] = {
    "scrapinghub": (0.967, 0.955, 0.970),
    "dragnet": (0.813, 0.898, 0.734),
    "cleaneval": (0.826, 0.828, 0.814),
    "cleanportaleval": (0.874, 0.899, 0.841),
    "readability": (0.909, 0.935, 0.874),
}
MACRO_F1_FLOOR = 0.878


def _bench() -> ModuleType:
    """The benchmark script, for its metric and page loading: one implementation, used by both."""
    path = REPO / "bench" / "extraction.py"
    spec = importlib.util.spec_from_file_location("bench_extraction", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def check_scores() -> dict[str, object]:
    shared_path("extraction", "scrapinghub")
    shared_path("extraction", "wide")
    bench = _bench()
    grouped: dict[str, list[tuple[float, float]]] = {}
    for page in bench.load_pages(list(FLOORS), half="check"):
        story = extract_html(Document(content=page.html, kind="html", url=page.url or None))
        grouped.setdefault(page.set, []).append(bench.score_page(page.truth, story.body))
    return {name: bench.summarise(pairs) for name, pairs in grouped.items()}


@pytest.mark.slow
@pytest.mark.parametrize("name", list(FLOORS))
def test_check_half_stays_above_its_floor(name: str, check_scores: dict[str, object]) -> None:
    scores = check_scores[name]
    f1, precision, recall = FLOORS[name]
    assert scores.f1 >= f1, f"{name}: F1 fell to {scores.f1:.4f} (floor {f1})"  # type: ignore[attr-defined]
    assert scores.precision >= precision, f"{name}: precision fell to {scores.precision:.4f}"  # type: ignore[attr-defined]
    assert scores.recall >= recall, f"{name}: recall fell to {scores.recall:.4f}"  # type: ignore[attr-defined]


@pytest.mark.slow
def test_check_half_macro_f1_stays_above_its_floor(check_scores: dict[str, object]) -> None:
    macro = sum(s.f1 for s in check_scores.values()) / len(check_scores)  # type: ignore[attr-defined]
    assert macro >= MACRO_F1_FLOOR, f"macro F1 fell to {macro:.4f} (floor {MACRO_F1_FLOOR})"


def test_benchmark_script_finds_the_data_relative_to_the_repo() -> None:
    bench = _bench()
    root = Path(REPO).parent / "shared" / "data" / "extraction"
    assert bench.DATA == root / "scrapinghub"
    assert bench.SETS["dragnet"] == root / "wide" / "dragnet"


def test_every_page_falls_in_one_half_by_its_id() -> None:
    shared_path("extraction", "scrapinghub")
    bench = _bench()
    assert {bench.part("a"), bench.part("b"), bench.part("c"), bench.part("d")} <= {"tune", "check"}
    assert bench.part("e7301133baab") == bench.part("e7301133baab")
