"""Furniture rules: each family by form, and the contextual teaser and story-tail judgements."""

import pytest

from newsgraph.extract.furniture import classify_line, judge_lines

STORY = [
    "BERLIN (AP) — Germany's coalition parties agreed on Thursday to raise the minimum wage "
    "after weeks of talks between the chancellor and union leaders.",
    "The agreement raises the hourly minimum wage to 15 euros from next January, the labour "
    "ministry said in a statement.",
    "Union leaders welcomed the wage deal but said the coalition had waited too long.",
]


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Matthew Lee in Washington contributed to this story.", "credit"),
        ("Associated Press writers Jill Lawless in London and Sam Petrequin in Brussels contributed.", "credit"),
        ("Reporting by Anna Ringstrom; Editing by Mark Potter", "credit"),
        ("Additional reporting by Lars Berg in Oslo", "credit"),
        ("By JANE DOE and JOHN ROE, Associated Press", "credit"),
        ("The Daily Example has not reviewed this Reuters story prior to publication.", "disclaimer"),
        ("The views expressed in this article are the author's own.", "disclaimer"),
        ("This article originally appeared on The Conversation.", "disclaimer"),
        ("Submit a Correction →", "corrections"),
        ("Spotted an error? Let us know.", "corrections"),
        ("We are committed to accuracy. Read our corrections policy.", "corrections"),
        ("Reuters is the world's largest multimedia news agency, reaching billions of people.", "agency_boilerplate"),
        ("Copyright 2024 The Associated Press. All rights reserved.", "agency_boilerplate"),
        ("This material may not be published, broadcast, rewritten or redistributed.", "agency_boilerplate"),
        ("© 2024 Example Media Group", "other"),
        ("ADVERTISEMENT", "other"),
        ("Story continues below advertisement", "other"),
        ("Sign up for our newsletter to get the best stories delivered to your inbox.", "newsletter"),
        ("Share this article", "share"),
        ("Share on Facebook", "share"),
        ("Follow us on Twitter for breaking news", "share"),
        ("Tanks roll through the city centre. (AP Photo/Jane Doe)", "caption"),
        ("Photo: Reuters", "caption"),
        ("Skip to main content", "navigation"),
        ("Breaking: Senate Passes Budget In Late-Night Vote", "teaser"),
        ("READ MORE: Ten Best Beaches For A Quiet Summer", "teaser"),
        ("Related: Storm closes schools across the county", "teaser"),
    ],
)
def test_lines_furniture_by_form(line: str, kind: str) -> None:
    assert classify_line(line) == kind


@pytest.mark.parametrize(
    "line",
    [
        "Officials said the talks would resume.",
        "He declined to comment.",
        "“We will not back down,” she said.",
        "“No.”",
        "Share prices fell 3% on Tuesday after the company reported a loss.",
        "Reuters could not independently verify the report.",
        "The Associated Press reported last week that the deal was close.",
        "Breaking with tradition, the king spoke from the balcony.",
        "More than 200 people attended the funeral.",
        "By the end of the day, the river had risen two metres.",
        "Photographers gathered outside the court.",
    ],
)
def test_true_paragraphs_are_not_furniture_by_form(line: str) -> None:
    assert classify_line(line) is None


def kinds(lines: list[str]) -> list[str | None]:
    return [verdict.kind for verdict in judge_lines(lines)]


def test_title_cased_teaser_without_prefix_between_paragraphs() -> None:
    lines = STORY[:2] + ["Celebrity Chef Reveals The Secret Ingredient In Grandmother's Kitchen"] + STORY[2:]
    assert kinds(lines) == [None, None, "teaser", None]


def test_subheading_about_the_story_stays() -> None:
    lines = STORY[:2] + ["Union Leaders Welcome Minimum Wage Agreement"] + STORY[2:]
    assert kinds(lines) == [None, None, None, None]


@pytest.mark.parametrize("short", ["What Comes Next", "Background", "Reaction"])
def test_short_subheadings_stay(short: str) -> None:
    assert kinds(STORY[:2] + [short] + STORY[2:]) == [None] * 4


def test_one_sentence_paragraphs_and_quotes_stay() -> None:
    lines = STORY + ["“It is a good day,” she said.", "Talks continue."]
    assert kinds(lines) == [None] * 5


def test_tail_after_story_end_inherits_kinds() -> None:
    lines = STORY + [
        "Frank Jordans contributed to this report.",
        "About Us",
        "The Associated Press is an independent global news organization dedicated to factual reporting.",
        "Today, they operate in hundreds of locations in more than 100 countries.",
        "New York City",
    ]
    assert kinds(lines) == [None, None, None, "credit", "agency_boilerplate", "agency_boilerplate",
                            "agency_boilerplate", "agency_boilerplate"]


def test_disclaimer_on_top_does_not_swallow_the_story() -> None:
    lines = ["This article originally appeared on The Conversation.", *STORY]
    assert kinds(lines) == ["disclaimer", None, None, None]


@pytest.mark.parametrize(
    "line",
    [
        "Clinton says at a campaign stop in Toledo, Ohio, that it means Trump never contributed to Pell "
        "Grants to help kids attend college.",
        "Writing for a Los Angeles Times panel that all agreed Pence won the debate, Mark Z. Barabak noted "
        "that the way Pence carried himself mattered.",
        "Several donors contributed to the campaign last year.",
    ],
)
def test_sentences_that_mention_contributing_or_writing_are_body(line: str) -> None:
    assert classify_line(line) is None


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Write to Al Root at al.root@example.com", "other"),
        ("Thanks for signing up!", "newsletter"),
        ("UPDATED: Tue., Nov. 19, 2019", "other"),
        ("Follow AP's full coverage of the elections at https://example.org/elections", "share"),
        ("This copy is for your personal, non-commercial use only.", "other"),
    ],
)
def test_more_furniture_families(line: str, kind: str) -> None:
    assert classify_line(line) == kind


@pytest.mark.parametrize(
    "lines",
    [
        # tour dates, a numbered list and Q&A answers are the story's own lists
        ["June 30 -- Jones Beach Theater, Wantagh, NY", "Aug. 2 -- DTE Energy Music Theatre, Clarkston, MI"],
        ["1) Lego Star Wars Resistance Bomber Set", "2) Polaroid 600 Camera In Eighties Style"],
        ["A: Tie between Istanbul, Turkey and Cape Town, South Africa"],
        # a wrapped sentence split over lines
        ["Veteran actress Kate Henshaw, who in 2008 won the", "Africa Movie Academy Award for Best Actress, has taken",
         "to her Instagram page to share photos."],
        # a sentence-case line that names nobody
        ["Viewing age of 48 months and above for every show"],
    ],
)
def test_list_items_and_wrapped_lines_are_not_teasers(lines: list[str]) -> None:
    assert kinds(STORY + lines) == [None] * (len(STORY) + len(lines))


def test_the_word_gate_lets_through_every_line_an_unanchored_pattern_matches() -> None:
    """Each unanchored family pattern needs a gate word: strip the pattern's syntax, and each
    literal run it must contain must hit the gate (checked here on the pattern's own words)."""
    import re

    from newsgraph.extract import furniture

    lines = [
        "The Daily Example has not reviewed this Reuters story prior to publication.",
        "This story was provided by a partner and was not edited by our staff.",
        "Published here as a courtesy to our readers.",
        "This content may contain editorial bias.",
        "Provided to readers as a service of the partner network.",
        "The views expressed in this article are the author's own.",
        "It does not necessarily reflect the view of this site.",
        "Republished with permission of the author.",
        "Syndicated by the Example content agency.",
        "Submit a correction to the editors.",
        "Spotted a typo? Tell us.",
        "We are committed to accuracy.",
        "Read our editorial standards.",
        "See something that doesn't look right?",
        "This material may not be published, broadcast, rewritten or redistributed.",
        "The partner is solely responsible for all content.",
        "Example Media. All rights reserved.",
        "For your personal, non-commercial use only.",
        "We are committed to publishing a diversity of letters.",
        "Signing up for our briefing gets you the news.",
        "Subscribe to our morning newsletter today.",
        "The best stories delivered to your inbox.",
        "Enter your email address.",
        "Tanks roll through the city centre. (AP Photo/Jane Doe)",
    ]
    for line in lines:
        unanchored = [
            p for _, patterns in furniture._FAMILIES for p in patterns
            if not p.pattern.startswith("^") and p.search(line)
        ]  # fmt: skip
        assert unanchored, f"no unanchored pattern matches {line!r}: the list is stale"
        assert furniture._gate(line), f"the gate stops {line!r}"
    assert all(re.compile(p.pattern) for _, ps in furniture._FAMILIES for p in ps)
