"""Quality gate: newsgraph's who-said-what figures on PolNeAR dev must not fall.

The floors sit a little under the figures `bench/attribution.py` reports (see the README's
"Who said what"), so a change that loses attributions fails here loudly instead of quietly.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[2]
POLNEAR_DEV = REPO.parent / "shared" / "data" / "attribution" / "polnear" / "dev"
SPEAKERS = REPO.parent / "shared" / "data" / "attribution" / "speakers"

# (P, R, F1) floors on the whole dev split.
FLOORS = {
    "end to end": (0.724, 0.558, 0.63),
    "content exact": (0.626, 0.482, 0.545),
    "source overlap": (0.841, 0.681, 0.753),
}


def _bench() -> ModuleType:
    path = REPO / "bench" / "attribution.py"
    spec = importlib.util.spec_from_file_location("bench_attribution", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
@pytest.mark.skipif(not POLNEAR_DEV.is_dir(), reason="../shared/data/attribution/polnear is absent")
def test_polnear_dev_floors() -> None:
    figures = _bench().evaluate("dev").figures()
    for measure, floor in FLOORS.items():
        for name, value, minimum in zip(("P", "R", "F1"), figures[measure], floor, strict=True):
            assert value >= minimum, f"{measure} {name} fell to {value:.3f} (floor {minimum})"


# The speakers set (16 dev articles): direct quotations found with the right speaker, and of
# those attributed only through a pronoun or description (0.900 and 0.844 measured).
SPEAKER_FLOORS = (0.89, 0.81)


@pytest.mark.slow
@pytest.mark.skipif(not (SPEAKERS / "gold").is_dir() or not POLNEAR_DEV.is_dir(),
                    reason="../shared/data/attribution/speakers or polnear is absent")
def test_speakers_set_floors() -> None:
    bench = _bench()
    counts = bench.evaluate_speakers(bench.newsgraph_speakers)
    _found, right, pronoun = counts.figures()
    assert right >= SPEAKER_FLOORS[0], "\n".join(counts.misses)
    assert pronoun >= SPEAKER_FLOORS[1], "\n".join(counts.misses)
