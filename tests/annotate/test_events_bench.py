"""Quality gate: the PLOVER dev figures of bench/events.py, pinned as floors.

A change to the lexicon or the actor rules that lowers them fails here rather than
silently. The floors sit a little under the figures at the time of pinning (README,
"## Events"); raise them when the coder improves.
"""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType

import pytest

from tests.conftest import REPO, shared_path

TYPE_F1_FLOOR = 0.88
# Lower since an actor's state comes from the actor and its own sentence, never from the
# story's most named country ("police" in a one-line sentence have none): 0.66 measured.
COUNTRIES_FLOOR = 0.62
# bench/events.py on the development stories, events at the shipped threshold:
# precision with the right parties, per half of the split (tune 0.650, check 0.417).
STORIES_FULL_PRECISION_FLOOR = {"tune": 0.62, "check": 0.38}
STORIES_REPEATS_CEILING = 0.15
TIME_SHARE_CEILING = 0.20
# bench/events_audit.py: precision against hand verdicts on whole PolNeAR stories.
AUDIT_TUNED_FLOOR = 0.74  # 0.773 measured
AUDIT_UNSEEN_FLOOR = 0.46  # 0.486
AUDIT_FRESH_FLOOR = 0.30  # 0.348


def _bench(name: str = "events") -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"bench_{name}", REPO / "bench" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while building
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_plover_dev_floor() -> None:
    path = shared_path("events", "plover", "gsr-dev.json")
    bench = _bench()
    scores = bench.run(bench.load_gold(path))
    _, _, f1 = scores.prf()
    assert f1 >= TYPE_F1_FLOOR, bench.report(scores)
    assert scores.countries_share >= COUNTRIES_FLOOR, bench.report(scores)
    # Generous: the time share is measured and reported by the bench, not pinned tightly here.
    assert scores.time_share < TIME_SHARE_CEILING, bench.report(scores)


@pytest.mark.slow
def test_development_stories_floor() -> None:
    shared_path("events", "stories", "score.py")  # skips where the data is absent
    bench = _bench()
    halves = bench.run_stories(None)
    for half, floor in STORIES_FULL_PRECISION_FLOOR.items():
        figures = halves[half].figures()
        assert figures["precision_full"] >= floor, halves[half].line(half)
        assert figures["repeats"] <= STORIES_REPEATS_CEILING, halves[half].line(half)


@pytest.mark.slow
def test_audit_precision_floor() -> None:
    shared_path("attribution", "polnear", "dev", "text")  # skips where the data is absent
    bench = _bench("events_audit")
    judged = bench.load_audit()
    tuned = bench.run(judged, bench.ARTICLES)
    assert tuned.precision >= AUDIT_TUNED_FLOOR, bench.report(tuned)
    unseen = bench.run(judged, bench.UNSEEN)
    assert unseen.precision >= AUDIT_UNSEEN_FLOOR, bench.report(unseen)
    fresh = bench.run(judged, bench.FRESH)
    assert fresh.precision >= AUDIT_FRESH_FLOOR, bench.report(fresh)
    assert unseen.events_s < TIME_SHARE_CEILING * (unseen.analyze_s - unseen.events_s)
