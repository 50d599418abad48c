"""The learned furniture-line model: shipped weights load, are used, and are not stale."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

from newsgraph.extract.line_model import features, load_model
from newsgraph.extract.text import extract_text
from newsgraph.model import Document
from tests.conftest import REPO, shared_path

WEIGHTS = REPO / "src" / "newsgraph" / "data" / "furniture_lines.json"


def test_the_weights_are_those_the_trainer_would_write_today() -> None:
    """Stale weights fail here: the sets' true bodies, the scraper's version, the feature code
    or the trainer changed since `bench/text_furniture.py --train` last ran. Rebuild them with
    that command."""
    shared_path("extraction", "wide")
    path = REPO / "bench" / "text_furniture.py"
    sys.path.insert(0, str(path.parent))
    spec = importlib.util.spec_from_file_location("bench_text_furniture", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    stamped = json.loads(WEIGHTS.read_text(encoding="utf-8"))["fingerprint"]
    assert stamped == module.fingerprint(), "stale: run bench/text_furniture.py --train"


def test_the_shipped_model_loads_and_weighs_share_bars_as_furniture() -> None:
    model = load_model()
    assert model is not None and model.weights and 0 < model.threshold < 1
    lines = [
        "The harbour reopened on Monday after a week of storms, officials said on Tuesday.",
        "Freight will run at half capacity until engineers have checked every crane.",
        "Share on Facebook",
        "Share on Twitter",
        "Share via Email",
    ]
    story_line = model.furniture_probability(lines, 0)
    share_bar = model.furniture_probability(lines, 3)
    assert share_bar > story_line


def test_features_see_the_line_its_neighbours_and_the_rules_verdict() -> None:
    found = features(["Home", "News", "The harbour reopened on Monday."], 1, "navigation")
    assert "w:news" in found and "rule=navigation" in found
    assert any(f.startswith("prev.len=") for f in found) and any(f.startswith("next.len=") for f in found)


def test_text_mode_without_the_model_is_the_rules_alone() -> None:
    text = "Harbour reopens\n\nThe harbour reopened on Monday after a week of storms.\n\nShare\n\nTweet"
    ruled = extract_text(Document(content=text, kind="text"), learned=False)
    learned = extract_text(Document(content=text, kind="text"), learned=True)
    assert set(learned.body.split("\n\n")) <= set(ruled.body.split("\n\n"))


def test_the_weights_file_is_small_enough_to_ship() -> None:
    assert Path(WEIGHTS).stat().st_size < 2_000_000
