import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsgraph.model import (
    Actor,
    Contributor,
    Dateline,
    Entity,
    Event,
    Furniture,
    Quote,
    Story,
    When,
    Where,
    story_id,
)

DESIGN_KEYS = {
    "id", "url", "source_path", "source_id", "title", "authors", "contributors", "published",
    "publisher", "original_source", "dateline", "language", "body", "furniture", "entities",
    "quotes", "events", "cluster", "warnings",
}


def full_story() -> Story:
    body = "Lavrov met Pompeo. “We talked,” he said. Pompeo called it “useful.”"
    return Story(
        id="abc",
        body=body,
        url="https://example.org/a",
        title="Talks",
        authors=("Jane Doe",),
        contributors=(Contributor("Matthew Lee", "Washington"),),
        published="2019-05-03",
        publisher="The Example",
        original_source="The Associated Press",
        dateline=Dateline("MOSCOW", "AP"),
        furniture=(Furniture("Share this", "share"),),
        entities=(Entity("e1", "Sergey Lavrov", "PERSON", "Foreign Minister", ((0, 6),), "RUS"),),
        quotes=(Quote(((19, 31),), "direct", cue=(35, 39), source=(32, 34), speaker="e1",
                      speaker_name="Sergey Lavrov"),
                Quote(((body.index("“useful"), len(body)),), "mixed",
                      cue=(body.index("called"), body.index(" it “")), source=(41, 47),
                      claim=((body.index("it “"), len(body)),))),
        events=(Event("CONSULT", ((0, 18), (19, 31)), mode="meet", source=(Actor("Lavrov", "e1", "RUS", "GOV"),),
                      target=(Actor("Pompeo", None, "USA", "GOV"),), when=When("Friday", "2019-05-03"),
                      where=Where("Rovaniemi", None, "FIN"), confidence=0.75),),
        warnings=("note",),
    )


def test_story_serialises_to_exactly_the_design_keys() -> None:
    assert set(full_story().to_dict()) == DESIGN_KEYS


def test_full_story_round_trips_through_json() -> None:
    story = full_story()
    assert Story.from_dict(json.loads(json.dumps(story.to_dict()))) == story


@given(
    body=st.text(max_size=200),
    title=st.none() | st.text(max_size=40),
    authors=st.lists(st.text(max_size=20), max_size=3),
    data=st.data(),
)
def test_any_story_round_trips(body: str, title: str | None, authors: list[str], data: st.DataObject) -> None:
    def span() -> tuple[int, int]:
        start = data.draw(st.integers(0, len(body)))
        return start, data.draw(st.integers(start, len(body)))

    kind = data.draw(st.sampled_from(["direct", "mixed", "indirect"]))
    claim = tuple(span() for _ in range(data.draw(st.integers(1, 3)))) if kind == "mixed" else None
    story = Story(
        id=story_id(None, body),
        body=body,
        title=title,
        authors=tuple(authors),
        entities=(Entity("e1", "X", "PERSON", mentions=(span(),)),),
        quotes=(Quote((span(),), kind, cue=span(), source=span(), claim=claim),),
    )
    assert Story.from_dict(json.loads(json.dumps(story.to_dict()))) == story


@pytest.mark.parametrize("span", [(-1, 2), (3, 2), (0, 99)])
def test_spans_outside_the_body_are_refused(span: tuple[int, int]) -> None:
    with pytest.raises(ValueError, match="outside body"):
        Story(id="x", body="short", quotes=(Quote((span,), "direct"),))


@pytest.mark.parametrize("span", [(-1, 2), (0, 99)])
def test_claim_spans_outside_the_body_are_refused(span: tuple[int, int]) -> None:
    with pytest.raises(ValueError, match="outside body"):
        Story(id="x", body="short", quotes=(Quote(((0, 2),), "mixed", claim=(span,)),))


@pytest.mark.parametrize("kind", ["direct", "indirect"])
def test_only_a_mixed_quote_has_a_claim(kind: str) -> None:
    with pytest.raises(ValueError, match="no claim"):
        Quote(((0, 2),), kind, claim=((0, 4),))


def test_story_is_frozen() -> None:
    story = Story(id="x", body="b")
    with pytest.raises(AttributeError):
        story.body = "c"  # type: ignore[misc]


def test_unknown_kinds_are_refused() -> None:
    with pytest.raises(ValueError):
        Furniture("x", "sidebar")
    with pytest.raises(ValueError):
        Event("CHAT", ((0, 0),))


def test_an_event_stored_in_the_old_form_reads_as_one_evidence_span() -> None:
    data = full_story().to_dict()
    data["events"][0]["evidence"] = [0, 18]
    del data["events"][0]["confidence"]
    event = Story.from_dict(data).events[0]
    assert (event.evidence, event.confidence) == (((0, 18),), 1.0)


@pytest.mark.parametrize("confidence", [-0.1, 1.5])
def test_event_confidence_outside_the_unit_range_is_refused(confidence: float) -> None:
    with pytest.raises(ValueError, match="confidence"):
        Event("CONSULT", ((0, 1),), confidence=confidence)


def test_an_event_without_evidence_is_refused() -> None:
    with pytest.raises(ValueError, match="evidence"):
        Event("CONSULT", ())


def test_story_id_is_stable_and_depends_on_origin_and_body() -> None:
    assert story_id("a", "Body  text") == story_id("a", "body text")
    assert story_id("a", "body") != story_id("b", "body")
    assert story_id("a", "body") != story_id("a", "other body")


def test_package_level_api() -> None:
    import newsgraph
    from newsgraph.pipeline import extract

    story = extract("Rain fell on Tuesday.\n\nThe river rose.")
    assert newsgraph.analyze("Rain fell on Tuesday.").body == "Rain fell on Tuesday."
    assert story.body == "Rain fell on Tuesday.\n\nThe river rose."
    assert newsgraph.Story.from_dict(story.to_dict()) == story
