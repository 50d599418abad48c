"""`newsgraph analyze` and its events as a user sees them: a real subprocess."""

import json
import subprocess
import sys

EXAMPLE = "examples/harbour-talks.txt"


def newsgraph(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "newsgraph.cli", *args],
                          capture_output=True, text=True, timeout=300, check=False)


def test_the_example_lists_the_talks_once_with_the_named_counterpart() -> None:
    run = newsgraph("analyze", EXAMPLE, "--format", "json")
    assert run.returncode == 0, run.stderr
    events = json.loads(run.stdout)["events"]
    consults = [e for e in events if e["type"] == "CONSULT"]
    assert len(consults) == 1, consults
    assert consults[0]["source"][0]["country"] == "NOR"
    target = consults[0]["target"]
    assert len(target) == 1 and target[0]["text"].endswith("Bjarni Eriksson"), target
    assert target[0]["country"] == "ISL"
    kinds = [(e["type"], tuple(a["country"] for a in e["source"] + e["target"])) for e in events]
    assert len(kinds) == len(set(kinds)), kinds
    assert all(0.0 <= e["confidence"] <= 1.0 and e["evidence"] for e in events)


def test_min_confidence_keeps_only_events_at_or_above_it() -> None:
    everything = json.loads(newsgraph("analyze", EXAMPLE, "--format", "json").stdout)["events"]
    assert everything
    none = newsgraph("analyze", EXAMPLE, "--format", "json", "--min-confidence", "1")
    assert none.returncode == 0, none.stderr
    assert [e for e in json.loads(none.stdout)["events"] if e["confidence"] < 1] == []
    card = newsgraph("analyze", EXAMPLE, "--format", "text", "--min-confidence", "1")
    assert "Events (" not in card.stdout or all(e["confidence"] == 1 for e in everything)


def test_min_confidence_outside_the_unit_range_is_a_usage_error() -> None:
    run = newsgraph("analyze", EXAMPLE, "--min-confidence", "2")
    assert run.returncode == 2 and "between 0 and 1" in run.stderr
    assert "Traceback" not in run.stderr
