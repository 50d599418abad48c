"""The events annotator on sentences written for the project (none from PLOVER or PolNeAR).

Fictional news-style sentences over the cases whole stories bring: plain acts of each
type, passives, compound and reciprocal actors, negations, hypotheticals, wishes,
reported speech, history, and the same act told twice. Each event case names the
(type, source country, target country) that must be found (None accepts any country) and
the no-event cases must give none.
"""

from __future__ import annotations

import pytest

from newsgraph.model import evidence_text
from tests.annotate.dyads import Dyad, analyze, dyads, has


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Plain acts, one per type family.
        ("Kenya sent food aid to Somalia on Tuesday.", ("AID", "KEN", "SOM")),
        ("The Polish foreign minister met his Ukrainian counterpart in Warsaw.",
         ("CONSULT", "POL", "UKR")),
        ("Argentina condemned the British naval exercise near the Falklands.",
         ("DISAPPROVE", "ARG", "GBR")),
        ("Egypt rejected an Ethiopian proposal on the dam.", ("REJECT", "EGY", "ETH")),
        ("Norway expelled three Russian diplomats on Friday.", ("SANCTION", "NOR", "RUS")),
        ("Thai police arrested dozens of Cambodian workers.", ("COERCE", "THA", None)),
        ("Chile and Peru signed a trade agreement on Monday.", ("AGREE", "CHL", "PER")),
        ("Indian troops shelled Pakistani posts along the border.", ("ASSAULT", "IND", "PAK")),
        ("Thousands of Georgians protested in Tbilisi against the Russian occupation.",
         ("PROTEST", "GEO", "RUS")),
        ("Brazil demanded that Venezuela release the detained journalists.",
         ("DEMAND", "BRA", "VEN")),
        ("Vietnam threatened to close its airspace to Chinese airlines.",
         ("THREATEN", "VNM", "CHN")),
        ("Greek police investigated the Turkish consulate in Thessaloniki.",
         ("INVESTIGATE", "GRC", "TUR")),
        ("Japan praised South Korea for releasing the fishermen.", ("SUPPORT", "JPN", "KOR")),
        # Passives swap the parties; a passive may leave its doer unsaid.
        ("Two Malian soldiers were killed by Algerian smugglers near the border.",
         ("ASSAULT", "DZA", "MLI")),
        ("A Lebanese journalist was detained by Syrian intelligence officers.",
         ("COERCE", "SYR", "LBN")),
        # Compound and reciprocal actors give one event per direction.
        ("Serbia and Kosovo accused each other of provocations.", ("DISAPPROVE", "SRB", None)),
        ("Serbia and Kosovo accused each other of provocations.", ("DISAPPROVE", None, "SRB")),
        ("The presidents of Rwanda and Uganda held talks in Kigali.", ("CONSULT", "RWA", "UGA")),
        # A quoted threat is the speaker's act.
        ("Moldova will not accept Russian troops on its soil, the government said.",
         ("REJECT", "MDA", None)),
        # Promises are agreements; a promise to strike is a threat.
        ("Sweden pledged to give Ukraine more air defence systems.", ("AGREE", "SWE", "UKR")),
        ("Iran said it would strike Israeli bases if attacked.", ("THREATEN", "IRN", "ISR")),
        # Conjoined acts: each keeps its own party; a later conjunct shares the first one's.
        ("Russia supplied Belarus with fuel and sent engineers.", ("AID", "RUS", "BLR")),
        ("The Ghanaian officer was shot and killed by Togolese rebels.",
         ("ASSAULT", "TGO", "GHA")),
    ],
)
def test_event(text: str, expected: Dyad) -> None:
    found = dyads(analyze(text))
    assert has(found, expected), found


@pytest.mark.parametrize(
    "text",
    [
        # Negated, avoided, wished and hypothetical acts did not happen.
        "Finland did not attack Russia.",
        "Hungary never recognised the Kosovar government.",
        "Neither Peru nor Chile has recognised the new Bolivian government.",
        "The ministry avoided criticising the Chinese embassy.",
        "The senator hopes to meet the Mexican president next year.",
        "If Denmark rejected the proposal, Iceland would be isolated.",
        "Analysts wonder whether Turkey will attack Syrian Kurds again.",
        "The Bolivian government could decline to sign the agreement.",
        # Statements, opinions and topics are not acts.
        "The mayor talked about his plans for the city.",
        "The candidate discussed his commitment to veterans.",
        "It is a huge deal for the Chilean economy, he said.",
        "The governor was defending himself and his record.",
        # Descriptions of a party, questions and named things.
        "The donors, who want to decide who will occupy the palace, met quietly.",
        "Voters cheered the North American Free Trade Agreement.",
        # Acts inside a quote about others are the speaker's words.
        "“Russia will attack Ukraine,” the columnist wrote.",
        # Bare participles and aims.
        "Asked to describe the device, the police chief said little.",
    ],
)
def test_no_event(text: str) -> None:
    story = analyze(text)
    assert story.events == (), [(e.type, evidence_text(story, e)) for e in story.events]


def test_each_other_gives_two_directions_and_no_self_pair() -> None:
    story = analyze("Serbia and Kosovo accused each other of provocations.")
    assert dyads(story) == {("DISAPPROVE", "SRB", "XKX"), ("DISAPPROVE", "XKX", "SRB")}


def test_one_event_per_act_told_twice() -> None:
    story = analyze("The Estonian prime minister spoke by phone with the Latvian president. "
                    "In the call between the Estonian prime minister and the Latvian "
                    "president, they discussed energy prices.")
    consults = [e for e in story.events if e.type == "CONSULT"]
    directions = [(e.source[0].country, e.target[0].country) for e in consults]
    assert len(directions) == len(set(directions)), directions


def test_two_acts_in_one_sentence_stay_two() -> None:
    story = analyze("Russia supplied Belarus with fuel and sent military advisers to Belarus.")
    assert len([e for e in story.events if e.type == "AID"]) == 2


def test_history_is_background() -> None:
    story = analyze("Moscow's ties with Kyiv remain tense after its 2014 annexation of "
                    "the Crimea peninsula.")
    history = [e for e in story.events if "annexation" in evidence_text(story, e)]
    assert history and all(e.background for e in history)


def test_a_standing_relation_is_background() -> None:
    story = analyze("Russia has a military alliance with Venezuela.")
    assert story.events and all(e.background for e in story.events)


def test_the_country_is_the_state_last_named() -> None:
    story = analyze("Russia has supplied Cuba with fuel and has sent military advisers "
                    "to the country.")
    assert {(e.type, e.target[0].country if e.target else None) for e in story.events} \
        == {("AID", "CUB")}


def test_she_finds_the_woman_the_story_calls_she() -> None:
    story = analyze("Senator Anna Kowalski said she would run again. Governor Piotr Nowak "
                    "praised Senator Anna Kowalski after she criticised the Polish army.")
    kowalski = next(e for e in story.entities if e.name.endswith("Kowalski"))
    criticism = [e for e in story.events if e.type == "DISAPPROVE"]
    assert criticism and criticism[0].source[0].entity == kowalski.id, story.events


def test_a_politician_attacking_police_is_words() -> None:
    story = analyze("Senator Mark Tallis attacked Ohio police officers over the arrests.")
    assert {e.type for e in story.events} == {"DISAPPROVE"}, story.events


def test_passive_doer_is_the_source_in_a_conjunct() -> None:
    story = analyze("A Nigerian trader was beaten and robbed by Ghanaian police officers.")
    assert any(e.source and e.source[0].country == "GHA"
               and e.target and e.target[0].country == "NGA" for e in story.events), \
        dyads(story)
