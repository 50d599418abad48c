"""Entities: one per real-world thing, consistent type, fullest name, the story's role."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.tokens import Span as SpacySpan

from newsgraph.annotate.entities.finder import find_entities, names_a_post
from newsgraph.annotate.entities.nlp import parse
from newsgraph.annotate.entities.roles import role_of
from newsgraph.model import Contributor, Document, Entity, Story
from newsgraph.pipeline import extract_document

SEED = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "seed"


def _story(body: str, **fields: object) -> Story:
    return Story(id="t", body=body, **fields)  # type: ignore[arg-type]


def _person(story: Story, name: str) -> Entity:
    people = [e for e in find_entities(story) if e.type == "PERSON" and e.name == name]
    assert len(people) == 1, [e.name for e in find_entities(story)]
    return people[0]


@pytest.mark.parametrize(
    ("body", "name", "role"),
    [
        # premodifier title, with a state adjective
        ("The plan was backed by Norwegian Trade Minister Kari Holm on Monday.",
         "Kari Holm", "Norwegian Trade Minister"),
        # lower-case premodifier description
        ("The podcast host Tom Vail disagreed.", "Tom Vail", "podcast host"),
        # title with an "of" phrase inside it
        ("A call between U.S. Secretary of State Dana Wells and her counterpart ended.",
         "Dana Wells", "U.S. Secretary of State"),
        # apposition after the name
        ("Petra Lund, deputy chair of the budget committee, voted against it.",
         "Petra Lund", "deputy chair of the budget committee"),
        # affiliation "X of ORG"
        ("The figure comes from Omar Haddad of the Brookings Institution.",
         "Omar Haddad", "Brookings Institution"),
        # possessive premodifier
        ("The port was built under the mayor's predecessor Jon Berge.",
         "Jon Berge", "mayor's predecessor"),
    ],
)
def test_role_patterns(body: str, name: str, role: str) -> None:
    assert _person(_story(body), name).role == role


def test_role_of_needs_a_title() -> None:
    doc = parse("Yesterday Maria Costa left.")
    assert role_of(doc[1:3]) is None


def test_surname_joins_full_name_and_fixes_type() -> None:
    body = ("Finance Minister Lars Eklund met bankers. Eklund said rates would rise. "
            "Critics of Eklund disagreed.")
    person = _person(_story(body), "Lars Eklund")
    assert len(person.mentions) == 3
    assert [e for e in find_entities(_story(body)) if e.name == "Eklund"] == []


def test_country_aliases_are_one_place_with_a_code() -> None:
    body = "The U.S. said it would act. Officials in the United States agreed."
    places = [e for e in find_entities(_story(body)) if e.type == "PLACE"]
    assert len(places) == 1
    assert places[0].name == "United States" and places[0].country == "USA"
    assert len(places[0].mentions) == 2


def test_role_gives_a_person_a_country() -> None:
    person = _person(_story("Russian Deputy Foreign Minister Ivan Petrov spoke."), "Ivan Petrov")
    assert person.country == "RUS"


def test_contributors_become_people() -> None:
    story = _story("Rain fell.", contributors=(Contributor("Ann Lee", "Oslo"),))
    assert _person(story, "Ann Lee").role == "contributor"


def test_mentions_are_inside_the_body() -> None:
    story = _story("Minister Anna Berg’s plan. Berg’s aides left.")
    for entity in find_entities(story):
        for start, end in entity.mentions:
            assert story.body[start:end] in ("Anna Berg", "Berg")


@pytest.mark.skipif(not SEED.is_dir(), reason="../shared/data/seed is absent")
def test_seed_people_are_single_person_entities_with_roles() -> None:
    gold = json.loads((SEED / "gold.json").read_text())
    document = Document(content=(SEED / "article.txt").read_text(), kind="text")
    story = extract_document(document)
    entities = find_entities(story)
    right_roles = 0
    for person in gold["people"]:
        mentions = [m for m in person["mentions"] if m.lower() not in ("he", "she")]
        found = [e for e in entities if any(story.text(s) in mentions for s in e.mentions)
                 or e.name == person["name"]]
        assert len(found) == 1, (person["name"], [e.name for e in found])
        assert found[0].type == "PERSON", person["name"]
        right_roles += found[0].role == person["role"]
    assert right_roles >= 8


def test_a_title_later_is_a_mention_of_the_person_who_holds_it() -> None:
    body = ("Foreign Minister Ola Berg met his counterpart. The foreign minister said talks "
            "went well. The talks ended.")
    person = _person(_story(body), "Ola Berg")
    texts = [body[s:e] for s, e in person.mentions]
    assert "The foreign minister" in texts and "The talks" not in texts


@pytest.mark.parametrize(
    ("body", "names"),
    [
        # a sentence-opening participle before a surname the story gives another first name
        ('Tim Cook spoke first.\n\nHosting Cook at the summit "is our dream," Marc Benioff said.',
         ["Tim Cook", "Marc Benioff"]),
        (("Apple chief Tim Cook spoke first. Praising Cook, Marc Benioff said the company had "
         "changed."), ["Tim Cook", "Marc Benioff"]),
        # a verb before a full name
        ("Follow Pam Key on Twitter @pamkeyNEN", ["Pam Key"]),
        ("Telling Jeb Bush to leave the stage, Donald Trump smiled.", ["Jeb Bush", "Donald Trump"]),
        # a headline's verb after the name
        ("Marco Rubio Responds To Question About Trump\n\nThe senator spoke on Monday.",
         ["Marco Rubio"]),
        # a possessive: the outlet's person, or the person without what they own
        ("As Breitbart’s Joel Pollak reported, the plan failed.", ["Joel Pollak"]),
        ("Trump’s Indiana win surprised Karen Lund.", ["Trump", "Karen Lund"]),
        # first names that look like verbs or participles stay
        ("Ted Cruz spoke on Monday. Cruz said little.", ["Ted Cruz"]),
        ("Will Hurd spoke on Monday.", ["Will Hurd"]),
        ("Ahmed Helal spoke on Monday.", ["Ahmed Helal"]),
        ("Mohammed Saleh Zayada spoke on Monday.", ["Mohammed Saleh Zayada"]),
    ],
)
def test_words_glued_to_a_name_are_not_part_of_it(body: str, names: list[str]) -> None:
    people = [e.name for e in find_entities(_story(body)) if e.type == "PERSON"]
    assert people == names


@pytest.mark.parametrize(
    ("body", "tagged", "names"),
    [
        # a lower-case word the tagger took for a person is no name
        ("He looked gaunt and tired when Karen Lund met him.", ["gaunt", "Karen Lund"],
         ["Karen Lund"]),
        # "pro-" and "anti-" make an adjective of a name; the name is the person's
        ("A pro-Trump group paid for the ads.", ["pro-Trump"], ["Trump"]),
    ],
)
def test_a_person_tag_on_what_is_no_name_is_dropped_or_trimmed(
    body: str, tagged: list[str], names: list[str]
) -> None:
    doc = parse(body)
    spans = []
    for text in tagged:
        start = body.index(text)
        span = doc.char_span(start, start + len(text))
        assert span is not None
        spans.append(SpacySpan(doc, span.start, span.end, label="PERSON"))
    doc.ents = spans
    people = [e.name for e in find_entities(_story(body), doc) if e.type == "PERSON"]
    assert people == names


@pytest.mark.parametrize(
    ("role", "is_post"),
    [
        ("fisheries analyst at the Nordic Institute in Bergen", True),
        ("a spokeswoman for the ministry", True),
        ("senior officials of the union", True),
        ("a think tank in Oslo", False),
        ("the country's largest bank", False),
    ],
)
def testnames_a_post(role: str, is_post: bool) -> None:
    assert names_a_post(role) is is_post


def test_a_name_given_a_post_in_apposition_is_a_person() -> None:
    body = ("“It was a misunderstanding, and nobody wants it to happen again,” said Sigrid Dahl, "
            "a fisheries analyst at the Nordic Institute in Bergen.")
    entities = {e.name: e for e in find_entities(_story(body))}
    assert entities["Sigrid Dahl"].type == "PERSON"
    assert entities["Sigrid Dahl"].role is not None and "analyst" in entities["Sigrid Dahl"].role
    assert entities["Nordic Institute"].type == "ORG"


def test_a_post_after_a_place_is_no_person() -> None:
    story = Story(id="t", body=("Charlotte Mayor Jennifer Roberts said the video should be released. "
                               "Charlotte was calm on Friday."))
    people = [e.name for e in find_entities(story) if e.type == "PERSON"]
    assert "Charlotte Mayor" not in people
    assert "Jennifer Roberts" in people


def test_a_bare_surname_two_people_share_goes_to_the_one_introduced_first() -> None:
    body = ("Keith Lamont Scott was sitting in his car when police arrived. Rakeyia Scott can be "
            "heard yelling to the officers. Police said Scott had a gun.")
    entities = find_entities(Story(id="t", body=body))
    keith = next(e for e in entities if e.name == "Keith Lamont Scott")
    rakeyia = next(e for e in entities if e.name == "Rakeyia Scott")
    last = body.rindex("Scott")
    assert (last, last + 5) in keith.mentions
    assert len(rakeyia.mentions) == 1


@pytest.mark.parametrize(
    ("body", "person", "absent"),
    [
        # a headline's title case makes no person; the body's name stays
        ("Trump Warns Clinton Of Risks In New Ad\n\nHillary Clinton said she would win.",
         "Hillary Clinton", "Warns Clinton"),
        ("Tom Nides Thanked Clinton For Her Help\n\nTom Nides, a former deputy, said he was glad.",
         "Tom Nides", "Tom Nides Thanked Clinton"),
        # one capitalised word with no given name, title, role or speaking part is no person
        ("Brexit dominated the talks. Anna Berg said the port would reopen.", "Anna Berg",
         "Brexit"),
        ("Video shows Anna Berg at the port. The video was filmed on Monday.", "Anna Berg",
         "Video"),
        # brackets and soft hyphens are no part of a name
        ("Ronald Wal\xadcott said the port was closed.", "Ronald Walcott", "Ronald Wal\xadcott"),
        ("[Vladimir] Putin met Ines Falk. Putin said nothing.", "Vladimir Putin",
         "Vladimir] Putin"),
    ],
)
def test_only_evidence_makes_a_person(body: str, person: str, absent: str) -> None:
    people = [e.name for e in find_entities(Story(id="t", body=body)) if e.type == "PERSON"]
    assert person in people and absent not in people, people


@pytest.mark.parametrize(
    ("body", "name", "variant"),
    [
        ("Chair Mary Jo White spoke on Monday. Chair White said the rules would change.",
         "Mary Jo White", "Chair White"),
        ("Dr Fauci said the virus was spreading. Anthony Fauci later left the room.",
         "Anthony Fauci", "Dr Fauci"),
        ("Rodrigo Duterte spoke on Monday. Duterte said the war would go on.",
         "Rodrigo Duterte", "Duterte"),
        ("The International Monetary Fund cut its forecast. The IMF said growth would slow.",
         "International Monetary Fund", "IMF"),
    ],
)
def test_a_titled_surname_or_acronym_joins_the_full_name(body: str, name: str, variant: str) -> None:
    entities = find_entities(Story(id="t", body=body))
    owner = next(e for e in entities if e.name == name)
    at = body.index(variant) + len(variant) - 1
    assert any(s <= at < e for s, e in owner.mentions)
    assert [e.name for e in entities].count(name) == 1


def test_two_people_sharing_a_surname_stay_apart() -> None:
    body = ("Hillary Clinton and Bill Clinton arrived. Mrs. Clinton spoke first. Donald Trump "
            "spoke. Donald Trump Jr. said he agreed.")
    entities = find_entities(Story(id="t", body=body))
    hillary = next(e for e in entities if e.name == "Hillary Clinton")
    mrs = body.index("Mrs. Clinton") + 5
    assert (mrs, mrs + 7) in hillary.mentions
    names = [e.name for e in entities if e.type == "PERSON"]
    assert "Donald Trump" in names and "Donald Trump Jr." in names


def test_a_platform_is_no_person_whatever_its_apposition() -> None:
    body = "Facebook, the social network, said the posts were removed. Anna Berg agreed."
    people = [e.name for e in find_entities(Story(id="t", body=body)) if e.type == "PERSON"]
    assert "Facebook" not in people


def test_lower_case_words_before_a_name_are_no_part_of_it() -> None:
    body = "Segundo muito ao Carlos Mendes, the port stays open. Bill de Blasio agreed."
    people = [e.name for e in find_entities(Story(id="t", body=body)) if e.type == "PERSON"]
    assert not any(name.startswith(("muito", "ao")) for name in people), people
    assert "Bill de Blasio" in people
