"""The events annotator: PLOVER types and actors from sentence patterns, and the seed story."""

from __future__ import annotations

import pytest

from newsgraph.model import Document, Event, Story, evidence_text
from newsgraph.pipeline import analyze_document
from tests.annotate.dyads import analyze, dyads
from tests.conftest import shared_path


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A verb of its own type, subject and object.
        ("Russia supports President Nicolas Maduro of Venezuela.", ("SUPPORT", "RUS", "VEN")),
        ("The Israeli army demolished Palestinian homes in Gaza.", ("COERCE", "ISR", "PSE")),
        ("Serbia rejected an Australian ultimatum.", ("REJECT", "SRB", "AUS")),
        ("The United States accused Iran of enriching uranium.", ("DISAPPROVE", "USA", "IRN")),
        ("Switzerland expelled two Russian diplomats.", ("SANCTION", "CHE", "RUS")),
        ("Turkey condemned the French parliament's vote.", ("DISAPPROVE", "TUR", "FRA")),
        ("Chinese police detained dozens of Tibetan monks.", ("COERCE", "CHN", None)),
        # A passive swaps the roles.
        ("A camp for Congolese refugees was attacked by Burundian militiamen.",
         ("ASSAULT", "BDI", "COD")),
        # A verb with its object or particle.
        # The town's state is not in the sentence: the story's main country is no guess.
        ("Turkish authorities imposed a curfew in the town of Cizre.", ("COERCE", "TUR", None)),
        ("Afghan guerrillas blew up power lines leading into Kabul.", ("COERCE", "AFG", "AFG")),
        # An event noun carried by a light verb.
        ("Serbia lodged an official protest with Albania.", ("DISAPPROVE", "SRB", "ALB")),
        ("Moroccan diplomats held talks with Egyptian officials.", ("CONSULT", "MAR", "EGY")),
        # Frames code the frame, not the framed act.
        ("Iran threatened to launch a new offensive against Iraq.", ("THREATEN", "IRN", "IRQ")),
        ("Pakistan has refused to deploy peacekeepers in Iraq.", ("REJECT", "PAK", "IRQ")),
        ("The PRC demanded that the US cancel the sale.", ("DEMAND", "CHN", "USA")),
        # Promises are agreements; hostile promises and conditionals are threats.
        ("Finland will give Tanzania a grant of 580 million shillings.", ("AGREE", "FIN", "TZA")),
        ("French farmers said they would blockade Paris.", ("THREATEN", "FRA", "FRA")),
        ("Nigeria said it will withdraw its force from Chad unless a ceasefire is arranged.",
         ("THREATEN", "NGA", "TCD")),
        ("Syria says it will not accept any more refugees.", ("REJECT", "SYR", None)),
        # A reported obligation is a demand on the party that must act.
        ("Russia said on Tuesday that Sudan must return the helicopter.", ("DEMAND", "RUS", "SDN")),
        # A capital is its government; a pronoun takes its antecedent.
        ("Berlin rejected calls by Belarus's rulers for aid.", ("REJECT", "DEU", "BLR")),
        ("Hungary has said it will support a U.N. Security Council resolution.",
         ("AGREE", "HUN", "IGO")),
        # PLOVER's RETREAT: releasing people, allowing inspectors in.
        ("Iran released three British sailors on Monday.", ("RETREAT", "IRN", "GBR")),
        # Giving verbs: the thing given is not the party given to.
        ("Russia has sent military advisers to Venezuela.", ("AID", "RUS", "VEN")),
        # Between two named people an attack is verbal; gunmen's is not.
        ("Donald Trump attacked Hillary Clinton over her emails.", ("DISAPPROVE", None, None)),
        ("Gunmen attacked Iraqi Interior Minister Ahmed Ali in Baghdad.",
         ("ASSAULT", None, "IRQ")),
        # "In X" is the target of an act done to a place, the venue of one said or agreed.
        ("Hundreds of Palestinians demonstrated in Ramallah against the Israeli blockade.",
         ("PROTEST", "PSE", "ISR")),
        ("U.S. and Chinese negotiators met in Geneva on Monday.", ("CONSULT", "USA", "CHN")),
        ("Syrian government forces shelled rebel positions near Aleppo.",
         ("ASSAULT", "SYR", None)),
        # Deploying forces is mobilizing; "mobilized pressure groups" is not.
        ("Britain mobilized army reservists for a war against Iraq.", ("MOBILIZE", "GBR", "IRQ")),
    ],
)
def test_sentence_patterns(text: str, expected: tuple[str, str | None, str | None]) -> None:
    """A None in `expected` accepts any country on that side."""
    found = dyads(analyze(text))
    assert any(all(want is None or want == got for want, got in zip(expected, dyad, strict=True))
               for dyad in found), found


@pytest.mark.parametrize(
    "text",
    [
        "The weather was fine in Paris on Tuesday.",
        "Russia did not attack Ukraine on Monday.",  # negated acts did not happen
        "“We will attack Ukraine and destroy its army tomorrow,” a blogger wrote.",  # quoted
        "The senator would have banned the bill in 2003.",  # counterfactual
        "Republicans seized on the president's remarks about Iran.",  # idiom
        "The Russian debate demonstrated that sanctions work.",  # not a demonstration
    ],
)
def test_no_event(text: str) -> None:
    assert analyze(text).events == ()


def test_a_symmetric_act_of_compound_actors_is_one_event() -> None:
    story = analyze("Senior Hungarian and Romanian officials agreed on Wednesday to cooperate.")
    assert dyads(story) == {("AGREE", "HUN", "ROU")}


def test_reciprocal_accusation() -> None:
    story = analyze(
        "U.S. Secretary of State Mike Pompeo spoke to Russian Foreign Minister Sergey Lavrov. "
        "In the call between Pompeo and Lavrov, each accused the other’s country of meddling."
    )
    accusations = {(e.source[0].text, e.source[0].country, e.target[0].country)
                   for e in story.events if e.type == "DISAPPROVE"}
    assert accusations == {("Pompeo", "USA", "RUS"), ("Lavrov", "RUS", "USA")}


def test_sector_from_role() -> None:
    story = analyze("Russian Foreign Minister Sergey Lavrov met Israeli soldiers in Moscow.")
    event = next(e for e in story.events if e.type == "CONSULT")
    assert (event.source[0].country, event.source[0].sector) == ("RUS", "GOV")
    assert (event.target[0].country, event.target[0].sector) == ("ISR", "MIL")
    assert event.source[0].entity is not None


def test_when_is_resolved_against_publication() -> None:
    story = analyze("Iran threatened Iraq on Wednesday.", published="2019-05-03")
    event = story.events[0]
    assert event.when is not None and event.when.date == "2019-05-01"


def test_background_history() -> None:
    story = analyze("Relations soured after Russia's 2014 annexation of Crimea.")
    annexation = next(e for e in story.events if e.type == "ASSAULT")
    assert annexation.background


def test_evidence_is_a_span_of_the_body() -> None:
    story = analyze("Iran threatened to launch a new offensive against Iraq.")
    assert evidence_text(story, story.events[0]).startswith("Iran threatened")


# The seed story's eight gold events: type and evidence.
def _found(gold: dict[str, str], story: Story) -> Event | None:
    start = story.body.find(gold["evidence"])
    assert start >= 0, gold["evidence"]
    end = start + len(gold["evidence"])
    for event in story.events:
        for s, e in event.evidence:
            overlap = min(end, e) - max(start, s)
            if event.type == gold["type"] and overlap >= (end - start) / 2:
                return event
    return None


def test_seed_events() -> None:
    import json

    text = shared_path("seed", "article.txt").read_text(encoding="utf-8")
    gold = json.loads(shared_path("seed", "gold.json").read_text(encoding="utf-8"))["events"]
    story = analyze_document(Document(content=text, kind="text"))
    found = [g for g in gold if _found(g, story) is not None]
    missed = [g["evidence"] for g in gold if g not in found]
    assert len(found) >= 7, missed
    history = [e for e in story.events if "annexation" in evidence_text(story, e)]
    assert history and all(e.background for e in history)
    # Directions and countries: both accusations, the threat, the aid, the backing of Maduro.
    assert {("DISAPPROVE", "USA", "RUS"), ("DISAPPROVE", "RUS", "USA"), ("THREATEN", "USA", "VEN"),
            ("AID", "RUS", "VEN"), ("SUPPORT", "RUS", "VEN")} <= dyads(story)
    # The meeting next week and Wednesday's call: two acts, each one event either way round.
    consults = [e for e in story.events if e.type == "CONSULT"]
    assert len(consults) == 2, consults
    assert all({e.source[0].country, e.target[0].country} == {"RUS", "USA"} for e in consults)
    gudaio = next(e for e in story.events if "Gudaio" in evidence_text(story, e))
    # The sentence gives his sector, not his state (no guess from the story's main country)
    assert gudaio.target[0].sector == "OPP"


def test_a_quote_that_is_the_act_is_coded_to_its_speaker() -> None:
    from dataclasses import replace

    from newsgraph.annotate.events.coder import find_events
    from newsgraph.model import Quote

    text = "“We will retaliate against Israel,” Iranian Foreign Minister Javad Zarif said."
    story = analyze(text)
    zarif = next(e for e in story.entities if e.name.endswith("Zarif"))
    quote = Quote(content=((1, text.index("”")),), kind="direct", speaker=zarif.id)
    events = find_events(replace(story, quotes=(quote,)))
    assert [(e.type, e.source[0].entity, e.source[0].country, e.target[0].country)
            for e in events] == [("THREATEN", zarif.id, "IRN", "ISR")]


def test_a_quote_about_others_is_not_an_act() -> None:
    from dataclasses import replace

    from newsgraph.annotate.events.coder import find_events
    from newsgraph.model import Quote

    text = "“Russia will attack Ukraine,” analyst Anna Berg said."
    story = analyze(text)
    berg = next(e for e in story.entities if e.name.endswith("Berg"))
    quote = Quote(content=((1, text.index("”")),), kind="direct", speaker=berg.id)
    assert find_events(replace(story, quotes=(quote,))) == ()


def test_where_with_its_country() -> None:
    story = analyze("Russian Foreign Minister Sergey Lavrov met U.S. Secretary of State "
                    "Mike Pompeo in Rovaniemi, Finland, on Monday.", published="2019-05-10")
    meeting = next(e for e in story.events if e.type == "CONSULT")
    assert meeting.where is not None
    assert (meeting.where.text, meeting.where.country) == ("Rovaniemi", "FIN")
    assert meeting.when is not None and meeting.when.date == "2019-05-06"
