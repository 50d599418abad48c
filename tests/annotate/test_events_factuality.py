"""Events a reader can take at face value: factuality, one event per act, the shipped
actor dictionaries and the confidence of each event (sentences written for the tests)."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from newsgraph.annotate.events.dictionaries import (
    RESOURCE,
    build_resource,
    lookup_actor,
    lookup_agent,
    split_code,
)
from tests.annotate.dyads import analyze, dyads
from tests.conftest import shared_path


@pytest.mark.parametrize(
    "text",
    [
        "The United States would pledge to increase its aid to Kenya.",
        "Critics believe Russia attacked Georgia in secret.",
        "The senator hopes to meet the Mexican president next year.",
        "Moscow is eager to withdraw its troops from Syria.",
        "Turkey warned that its army would respond to any incursion.",  # threatens no one named
    ],
)
def test_acts_not_stated_as_done_are_no_events(text: str) -> None:
    assert dyads(analyze(text)) == set()


def test_a_scheduled_meeting_is_an_event() -> None:
    assert ("CONSULT", "RUS", "UKR") in dyads(analyze("Russia and Ukraine are to meet next week."))


def test_one_act_told_twice_is_one_event_with_both_mentions() -> None:
    story = analyze("Norway and Iceland held talks in Oslo on Tuesday.\n\n"
                    "The talks between Norway and Iceland lasted two hours.")
    consults = [e for e in story.events if e.type == "CONSULT"]
    assert len(consults) == 1, consults
    assert len(consults[0].evidence) == 2


def test_parties_of_one_state_act_as_one() -> None:
    story = analyze("Mr. Kerry and Mr. Obama praised Kenyan President Uhuru Kenyatta.")
    assert len([e for e in story.events if e.type == "SUPPORT"]) == 1


def test_every_event_has_a_confidence_in_the_unit_range() -> None:
    story = analyze("Israeli soldiers arrested 20 Palestinians in Hebron on Monday.")
    assert story.events and all(0.0 <= e.confidence <= 1.0 for e in story.events)


@pytest.mark.parametrize(
    ("name", "date", "expected"),
    [
        ("Sergey Lavrov", "2019-05-01", ("RUS", "GOV")),
        ("Ban Ki-moon", "2010-01-01", ("IGO", "IGO")),
        ("Taliban", None, ("AFG", "REB")),
        ("Nobody Atall", None, None),
    ],
)
def test_dictionary_actors(name: str, date: str | None, expected: object) -> None:
    assert lookup_actor(name, date) == expected


def test_dictionary_agents_and_codes() -> None:
    assert lookup_agent("farmers") == "AGR"
    assert split_code("RUSGOVSPY") == ("RUS", "GOV")
    assert split_code("~COP") == (None, "COP")


def test_shipped_dictionary_resource_is_current(tmp_path: Path) -> None:
    folder = shared_path("events", "dictionaries")
    rebuilt = tmp_path / "actors.tsv.gz"
    build_resource(folder, rebuilt)
    with gzip.open(rebuilt, "rt", encoding="utf-8") as new, \
            gzip.open(RESOURCE, "rt", encoding="utf-8") as shipped:
        assert new.read() == shipped.read(), (
            "rebuild with python -m newsgraph.annotate.events.dictionaries DICTIONARY_DIR")
    assert (RESOURCE.parent / "PHOENIX-LICENSE.txt").exists()


def test_the_dateline_is_never_a_party() -> None:
    story = analyze("WASHINGTON (AP) — The State Department accused Russia of meddling in the vote.")
    parties = [a.text for e in story.events for a in (*e.source, *e.target)]
    assert parties and "WASHINGTON" not in parties, parties


def test_a_dictionary_code_of_no_state_gives_no_country() -> None:
    assert split_code("IMGMUSALQ") == (None, "REB")
    assert split_code("MED") == (None, "MED")
