"""Text-mode extraction: whole stories, metadata, and the seed page against its gold."""

import json

import pytest

from newsgraph.extract.credits import parse_byline, parse_contributors, parse_dateline
from newsgraph.extract.text import extract_text
from newsgraph.model import Contributor, Dateline, Document
from tests.conftest import shared_path

GOLD_KINDS = {
    "teaser for another story": "teaser",
    "credit line (metadata, not body)": "credit",
    "publisher disclaimer": "disclaimer",
    "corrections widget": "corrections",
    "wire agency boilerplate": "agency_boilerplate",
}


def text_story(content: str, **kw: str):  # type: ignore[no-untyped-def]
    return extract_text(Document(content=content, kind="text", **kw))


@pytest.mark.parametrize(
    ("lead", "dateline"),
    [
        ("MOSCOW (AP) — The top diplomats met.", Dateline("MOSCOW", "AP")),
        ("WASHINGTON (Reuters) - Lawmakers voted.", Dateline("WASHINGTON", "Reuters")),
        ("Washington (AFP) – Talks resumed.", Dateline("Washington", "AFP")),
        ("LONDON — Rain fell.", Dateline("LONDON", None)),
        ("NEW YORK, N.Y. (AP) — Markets rose.", Dateline("NEW YORK, N.Y.", "AP")),
        ("The minister said on Monday — in Paris — that talks would go on.", None),
        ("Washington — a city of monuments — was quiet.", None),
        # capitals of every cased script, not only A-Z
        ("МОСКВА — Переговоры продолжились.", Dateline("МОСКВА", None)),
        ("BERLÍN — La lluvia no paró.", Dateline("BERLÍN", None)),
        ("SÃO PAULO (Reuters) — Shares rose.", Dateline("SÃO PAULO", "Reuters")),
        ("ΑΘΗΝΑ (AP) — Οι συνομιλίες συνεχίστηκαν.", Dateline("ΑΘΗΝΑ", "AP")),
        ("ÉVORA, Portugal — Rain fell.", Dateline("ÉVORA, Portugal", None)),
        ("São Paulo (Reuters) – Shares rose.", Dateline("São Paulo", "Reuters")),
        ("Москва — город, который не спит — проснулась.", None),
        ("Über Nacht — so die Behörde — fiel Regen.", None),
    ],
)
def test_datelines(lead: str, dateline: Dateline | None) -> None:
    assert parse_dateline(lead) == dateline


@pytest.mark.parametrize(
    ("line", "people"),
    [
        ("Matthew Lee in Washington contributed to this story.", [Contributor("Matthew Lee", "Washington")]),
        (
            "Associated Press writers Jill Lawless in London and Sam Petrequin in Brussels contributed.",
            [Contributor("Jill Lawless", "London"), Contributor("Sam Petrequin", "Brussels")],
        ),
        ("Reporting by Anna Ringstrom; Editing by Mark Potter", [Contributor("Anna Ringstrom", None)]),
        ("Officials said the talks would resume.", None),
    ],
)
def test_contributors(line: str, people: list[Contributor] | None) -> None:
    assert parse_contributors(line) == people


def test_byline_gives_people_and_the_agency() -> None:
    byline = parse_byline("By JANE DOE and JOHN ROE, Associated Press")
    assert byline is not None
    assert byline.authors == ("Jane Doe", "John Roe") and byline.agency == "The Associated Press"


def test_text_without_furniture_keeps_the_input_with_only_line_breaks_normalised() -> None:
    text = "Rain  fell on\u00a0Tuesday.\r\n \r\n\n\nThe river rose.  \n"
    story = text_story(text)
    assert story.body == "Rain  fell on\u00a0Tuesday.\n\nThe river rose."
    assert story.furniture == () and story.title is None and story.warnings == ()


def test_hard_wrapped_paragraphs_are_joined() -> None:
    text = (
        "Lawmakers in the state capital voted on Tuesday to approve a budget that\n"
        "raises spending on schools and roads by four percent over the next two\n"
        "years, the speaker said.\n\nThe governor is expected to sign it."
    )
    story = text_story(text)
    assert story.paragraphs[0].startswith("Lawmakers") and story.paragraphs[0].endswith("the speaker said.")
    assert len(story.paragraphs) == 2


def test_example_story_metadata_and_furniture() -> None:
    story = text_story(open("examples/harbour-talks.txt", encoding="utf-8").read(), source_path="x.txt")
    assert story.title == "Norway and Iceland agree to reopen fishing talks after harbour dispute"
    assert story.dateline == Dateline("OSLO", "Reuters")
    assert story.original_source == "Reuters" and story.publisher == "The Northern Ledger"
    assert story.contributors == (Contributor("Lars Berg", "Reykjavik"),)
    assert {f.kind for f in story.furniture} == {"teaser", "credit", "disclaimer", "share", "newsletter",
                                                  "agency_boilerplate"}
    assert len(story.paragraphs) == 6 and story.language == "en"
    assert "READ MORE" not in story.body and "Copyright" not in story.body


def test_empty_input_warns() -> None:
    story = text_story("Share this article\nSkip to main content")
    assert story.body == "" and story.warnings and "no article found" in story.warnings[0]


def test_language_is_detected() -> None:
    story = text_story("Die Regierung hat am Mittwoch neue Maßnahmen gegen die Inflation beschlossen.")
    assert story.language == "de"


def test_seed_page_matches_its_gold(seed_text: str) -> None:
    gold = json.loads(shared_path("seed", "gold.json").read_text(encoding="utf-8"))
    story = text_story(seed_text)
    assert story.title == gold["title"]
    assert story.paragraphs == gold["body_paragraphs"]
    assert story.dateline == Dateline(**gold["dateline"])
    assert story.publisher == gold["publisher"]
    assert story.original_source == gold["original_source"]
    assert [{"name": c.name, "place": c.place} for c in story.contributors] == gold["contributors"]
    removed = {f.text: f.kind for f in story.furniture}
    for line, description in gold["furniture_kinds"].items():
        assert removed.get(line) == GOLD_KINDS[description], line
    assert set(removed) == set(gold["furniture_kinds"])


@pytest.mark.parametrize(
    ("lines", "published"),
    [
        (["Published: May 3, 2019 at 4:05 p.m. EDT", "Rain fell on Tuesday in the city."], "2019-05-03"),
        (["Updated May 4, 2019", "Published May 3, 2019", "Rain fell on Tuesday in the city."], "2019-05-03"),
        (["Rain fell on Tuesday, May 3, 2019, in the city."], None),
    ],
)
def test_published_date_lines(lines: list[str], published: str | None) -> None:
    story = text_story("\n".join(lines))
    assert story.published == published
    assert all("Published" not in p and "Updated" not in p for p in story.paragraphs)


def test_related_block_sentence_case_teasers_and_subheadings() -> None:
    """A fictional page: a "Related Articles" block of headlines, and two real subheadings."""
    story = text_story(open("tests/fixtures/text/flood-italy.txt", encoding="utf-8").read())
    removed = {f.text: f.kind for f in story.furniture}
    assert removed["Related Articles"] == "teaser"
    assert removed["Taylor Swift announces surprise album at Grammys"] == "teaser"
    assert removed["Stock markets slide as inflation fears return"] == "teaser"
    assert "A Region Still Recovering" in story.paragraphs
    assert "Rescue Crews Work Through The Night" in story.paragraphs
    assert story.authors == ("Maria Rossi",) and story.original_source == "The Associated Press"
    assert story.published == "2024-05-17" and len(story.paragraphs) == 7


def test_a_cyrillic_dateline_is_the_story_dateline() -> None:
    story = text_story(
        "МОСКВА (AP) — Министры иностранных дел встретились во вторник и договорились "
        "продолжить переговоры на следующей неделе, сообщили официальные лица."
    )
    assert story.dateline == Dateline("МОСКВА", "AP")


def test_dateline_end_and_a_parse_that_does_not_read_it_as_the_subject() -> None:
    from newsgraph.annotate.entities.nlp import parse
    from newsgraph.extract.credits import dateline_end

    lead = "OSLO (Reuters) — Norway and Iceland agreed on Tuesday to reopen talks."
    assert lead[dateline_end(lead):].startswith("Norway")
    subjects = [t.text for t in parse(lead) if t.dep_ == "nsubj"]
    assert subjects == ["Norway"] and len(parse(lead).text) == len(lead)
