"""Speakers: the entity, or entities, a quote's source stands for."""

from __future__ import annotations

from dataclasses import replace

import pytest

from newsgraph.annotate.entities.finder import find_entities
from newsgraph.annotate.quotes.finder import find_quotes
from newsgraph.model import Quote, Story


def _speakers(body: str) -> list[tuple[str, Quote]]:
    story = Story(id="t", body=body)
    story = replace(story, entities=find_entities(story))
    return [(story.text(q.source) if q.source else "", q) for q in find_quotes(story)]


@pytest.mark.parametrize(
    ("body", "source", "names"),
    [
        # a reciprocal word after a coordination in its own sentence (the seed's case)
        (("In the Wednesday call between Mike Pompeo and Sergey Lavrov, each accused the "
         "other's country of interfering in Venezuela."), "each", "Mike Pompeo and Sergey Lavrov"),
        # "both men" after a subject and object in the sentence before
        (("Mike Pompeo met Sergey Lavrov in Sochi on Tuesday. Both men said the talks were "
         "useful."), "Both men", "Mike Pompeo and Sergey Lavrov"),
        # "the two ministers" after a coordination
        (("Mike Pompeo and Sergey Lavrov met in Sochi. The two ministers said the talks were "
         "useful."), "The two ministers", "Mike Pompeo and Sergey Lavrov"),
        # bare "the two" and "both"
        ("Anna Berg and Peter Lund met on Monday. The two said the port would reopen.",
         "The two", "Anna Berg and Peter Lund"),
        ("Anna Berg and Peter Lund met on Monday. Both said the port would reopen.",
         "Both", "Anna Berg and Peter Lund"),
        # a coordinated source names everyone in it
        ("Anna Berg and Peter Lund said the port would reopen in May.",
         "Anna Berg and Peter Lund", "Anna Berg and Peter Lund"),
        # states stand for "both countries"
        ("Russia and China blocked the resolution. Both countries said the text was biased.",
         "Both countries", "Russia and China"),
    ],
)
def test_a_group_source_names_everyone_it_stands_for(body: str, source: str, names: str) -> None:
    quotes = [q for text, q in _speakers(body) if text == source]
    assert len(quotes) == 1
    assert quotes[0].speaker_name == names
    assert quotes[0].speaker is None  # no one of them said it alone


@pytest.mark.parametrize(
    ("body", "source", "name"),
    [
        # an indefinite number is new people, not the ones named before
        ("Anna Berg and Peter Lund met on Monday. Two officials said the port would reopen.",
         "Two officials", "Two officials"),
        # "both" with three people named and no coordination of two: unclear, and no name
        (("Anna Berg spoke to Peter Lund while John Nord waited outside. Both said the port "
         "would reopen."), "Both", None),
    ],
)
def test_a_plural_source_with_no_clear_antecedent_stays_unresolved(
    body: str, source: str, name: str | None
) -> None:
    quotes = [q for text, q in _speakers(body) if text == source]
    assert len(quotes) == 1
    assert quotes[0].speaker is None
    assert quotes[0].speaker_name == name


def _one(body: str, authors: tuple[str, ...] = ()) -> Quote:
    story = Story(id="t", body=body, authors=authors)
    story = replace(story, entities=find_entities(story))
    quotes = find_quotes(story)
    assert len(quotes) == 1, [q.speaker_name for q in quotes]
    return quotes[0]


@pytest.mark.parametrize(
    ("body", "name", "entity"),
    [
        # a nationality or party adjective in a source describes; it never speaks
        ("Oslo hosted the talks. The Norwegian foreign minister said the talks would go on.",
         "The Norwegian foreign minister", False),
        # ... the title goes to the person the story gave it
        (("Norwegian Foreign Minister Kari Holm opened the talks. Later the Norwegian foreign "
          "minister said the talks would go on."), "Kari Holm", True),
        # a party named in the singular is a person's title
        (("Republican presidential nominee Donald Trump spoke in Ohio. The Republican said the "
          "election was rigged."), "Donald Trump", True),
        # a place that only describes the speaker
        ("A Florida official said the count was wrong.", "A Florida official", False),
        # a title that another person holds is not theirs when the source names whose it is
        (("White House spokeswoman Jessica Ditto spoke first. A spokeswoman for Hillary Clinton "
          "said the claim was false."), "Hillary Clinton", True),
        # a relative pronoun is its antecedent, named or not
        ("The firm hired Anna Berg, who said the clubhouse was badly built.", "Anna Berg", True),
        ("The firm hired an architect who said the clubhouse was badly built.", "an architect",
         False),
        (("The data came from the Chicago Police Department, which reported that shootings rose "
          "sharply."), "Chicago Police Department", True),
    ],
)
def test_the_speaker_is_who_the_source_names(body: str, name: str, entity: bool) -> None:
    quote = _one(body)
    assert quote.speaker_name == name
    assert (quote.speaker is not None) == entity


@pytest.mark.parametrize(
    "body",
    [
        # "they" after nationality and party adjectives only: nobody to stand for
        "Democratic lawmakers met on Monday. They said the bill would pass.",
        "Russian diplomats met on Monday. They said the bill would pass.",
        # the writer's "I" and the reader's "you" with no byline
        "I think the plan will fail badly, whatever the minister says.",
        "You know the plan will fail.",
    ],
)
def test_a_pronoun_that_resolves_to_nobody_names_nobody(body: str) -> None:
    quote = _one(body)
    assert quote.source is not None  # the attribution keeps its source span
    assert quote.speaker is None and quote.speaker_name is None


def test_an_interviews_letters_name_nobody() -> None:
    body = ("The senator spoke to us on Monday.\n\nQ: What will you do about the port budget?"
            "\n\nA: We will cut the budget and sell the old ferry terminal.\n\nQ: Why now?"
            "\n\nA: Because the voters asked for it in the last election.")
    quotes = [q for _, q in _speakers(body)]
    assert len(quotes) >= 3
    assert {q.speaker_name for q in quotes} == {None}


def test_the_writers_i_is_the_bylined_author() -> None:
    quote = _one("I think the plan will fail badly, whatever the minister says.", ("Jane Doe",))
    assert quote.speaker_name == "Jane Doe"


@pytest.mark.parametrize(
    ("body", "name"),
    [
        # the subject of the sentence before, not the later name inside a phrase
        (("Retired general Paul Hardy said he had doubts about the army under President "
          "Walter Brand. “It was hard to serve,” he told the host."), "Paul Hardy"),
        # gender: "she" is not the man named last
        (("The plan came from Anna Berg, and Peter Lund backed it on Monday. “It will work "
          "for everyone,” she said."), "Anna Berg"),
        # an honorific says it too
        (("Mrs. Dalby met Tom Hale at the port. Hale spoke about the quotas. “We need the "
          "boats back at sea,” she said."), "Dalby"),
        # a run of "he said" stays with its speaker though others are named in between
        (("Tom Hale spoke at the port. “The quotas are too low,” he said. He blamed the "
          "ministry of Arne Vik for the delay. “We need the boats back,” he said."), "Tom Hale"),
        # the pronoun's own object is never its antecedent
        (("Tom Hale arrived late. “We will win the vote,” he told Peter Lund."), "Tom Hale"),
        # a name inside quotation marks does not take the focus
        (("Tom Hale spoke at the port. “Peter Lund is wrong about the quotas,” he said. “The "
          "boats must go back to sea,” he said."), "Tom Hale"),
    ],
)
def test_a_pronoun_goes_to_the_person_being_talked_about(body: str, name: str) -> None:
    pronouns = [q for text, q in _speakers(body) if text.lower() in ("he", "she")]
    assert pronouns, body
    assert pronouns[-1].speaker_name == name


@pytest.mark.parametrize(
    "body",
    [
        ("Peter Strand spoke in Tromso on Monday. Marit Strand joined him later at the rally. "
         "The Strand campaign said the rally was a success."),
        ("Peter Strand spoke in Tromso on Monday. Marit Strand joined him later at the rally. "
         "Strand campaign allies argued that the rally was a success."),
        ("Peter Strand spoke in Tromso on Monday. Marit Strand joined him later at the rally. "
         "A spokesman for Strand said the rally was a success."),
    ],
)
def test_a_campaign_or_spokesman_is_never_a_relative_sharing_the_surname(body: str) -> None:
    names = [q.speaker_name for _, q in _speakers(body)]
    assert names and "Marit Strand" not in names, names
