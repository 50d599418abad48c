"""What readers noticed on real pages, each on a page of our own with the same shape."""

from __future__ import annotations

import pytest

from newsgraph.extract import extract_html
from newsgraph.extract.credits import parse_byline
from newsgraph.extract.text import extract_text
from newsgraph.model import Document

LEAD = (
    "he port reopened on Monday after a week of storms closed it, officials said, and the "
    "first ferries left on time for the islands."
)
MORE = (
    "<p>Freight will run at half capacity until engineers have checked every crane, the harbour "
    "master said on Monday evening.</p><p>Passengers were told to expect delays of up to an hour "
    "on the morning crossings for the rest of the week, the operator said.</p>"
)


def _page(body: str, head: str = "<title>Port reopens</title>") -> str:
    return f"<html><head>{head}</head><body><article><h1>Port reopens</h1>{body}</article></body></html>"


@pytest.mark.parametrize(
    "letter",
    [
        '<span class="dropcap">T</span>',
        '<span class="dropcap" aria-hidden="true">T</span>',
        '<div class="drop-cap">T</div>',
        '<img class="initial" src="t.png" alt="T">',
    ],
)
def test_a_drop_cap_paragraph_keeps_its_first_letter(letter: str) -> None:
    story = extract_html(Document(content=_page(f"<p>{letter}{LEAD}</p>{MORE}"), kind="html"))
    assert story.body.startswith("The port reopened on Monday")
    assert "Freight will run" in story.body


def test_a_pull_quote_is_not_repeated_as_a_paragraph() -> None:
    said = "“We had never seen water like that in the harbour,” said the harbour master, who has worked there for thirty years."
    body = (
        f"<p>T{LEAD}</p><blockquote class='pullquote'>We had never seen water like that in the harbour</blockquote>"
        f"<p>{said}</p>{MORE}"
    )
    story = extract_html(Document(content=_page(body), kind="html"))
    assert story.body.count("never seen water") == 1
    assert any(
        f.text == "We had never seen water like that in the harbour" for f in story.furniture
    )


def test_url_comes_from_the_canonical_link_or_og_url() -> None:
    canonical = '<link rel="canonical" href="https://ledger.example/2024/05/port-reopens">'
    og = '<meta property="og:url" content="https://ledger.example/port">'
    body = f"<p>T{LEAD}</p>{MORE}"
    page = _page(body, f"<title>Port reopens</title>{canonical}{og}")
    assert (
        extract_html(Document(content=page, kind="html")).url
        == "https://ledger.example/2024/05/port-reopens"
    )
    page = _page(body, f"<title>Port reopens</title>{og}")
    assert extract_html(Document(content=page, kind="html")).url == "https://ledger.example/port"
    given = extract_html(Document(content=page, kind="html", url="https://fetched.example/a"))
    assert given.url == "https://fetched.example/a"


def test_a_section_prefix_is_no_part_of_the_title() -> None:
    page = (
        "<html><head><title>Local News | Harbour reopens after a week of storms</title></head>"
        f"<body><article><p>T{LEAD}</p>{MORE}</article></body></html>"
    )
    assert (
        extract_html(Document(content=page, kind="html")).title
        == "Harbour reopens after a week of storms"
    )


def test_no_author_dateline_city_and_headline_as_publisher() -> None:
    head = (
        "<title>Harbour reopens after a week of storms</title>"
        '<meta property="og:site_name" content="Harbour reopens after a week of storms">'
        '<meta name="author" content="No Author">'
    )
    page = f"<html><head>{head}</head><body><article><p>T{LEAD}</p>{MORE}</article></body></html>"
    story = extract_html(Document(content=page, kind="html"))
    assert story.authors == ()
    assert story.publisher is None
    assert parse_byline("By Jane Doe, NEW YORK").authors == ("Jane Doe",)  # type: ignore[union-attr]


def test_a_co_author_in_an_element_of_their_own_is_kept() -> None:
    byline = (
        '<div class="meta">By <span class="author">Jane Doe</span> and '
        '<span class="author">Ola Nordmann</span></div>'
    )
    story = extract_html(Document(content=_page(f"{byline}<p>T{LEAD}</p>{MORE}"), kind="html"))
    assert story.authors == ("Jane Doe", "Ola Nordmann")


def test_a_headline_ending_with_a_full_stop_is_still_the_headline() -> None:
    text = (
        "Harbour Reopens After a Week of Storms.\n\n"
        "ABSTRACT.\n\n"
        "BELFAST, Oct. 4 (UPI) — The harbour reopened on Monday after a week of storms, officials said.\n\n"
        "Freight will run at half capacity until engineers have checked every crane."
    )
    story = extract_text(Document(content=text, kind="text"))
    assert story.title == "Harbour Reopens After a Week of Storms."
    assert story.dateline is not None and story.dateline.place == "BELFAST"
    assert story.body.startswith("BELFAST, Oct. 4 (UPI)")
    assert [f.text for f in story.furniture] == ["ABSTRACT."]


def test_headline_and_subhead_in_one_block() -> None:
    text = (
        "Harbour reopens after storms;\nFerries run on time, freight at half capacity\n\n"
        "The harbour reopened on Monday after a week of storms, officials said.\n\n"
        "Freight will run at half capacity until engineers have checked every crane."
    )
    story = extract_text(Document(content=text, kind="text"))
    assert story.title == "Harbour reopens after storms"
    assert story.body.startswith("The harbour reopened")


def test_a_german_article_among_many_teaser_links_is_an_article() -> None:
    paragraphs = [
        "Der Hafen wurde am Montag nach einer Woche voller Stürme wieder geöffnet, teilten die Behörden mit.",
        "Die ersten Fähren zu den Inseln legten pünktlich ab, die Fahrgäste mussten aber mit Verspätungen rechnen.",
        "Der Güterverkehr läuft nur mit halber Kraft, bis die Ingenieure jeden einzelnen Kran geprüft haben.",
        "Nach Angaben des Hafenmeisters hatte das Wasser die Kaimauern an mehreren Stellen beschädigt.",
    ]
    teasers = "".join(
        f'<li><a href="/t{i}">Weitere Nachrichten aus der Region Nummer {i} heute</a></li>'
        for i in range(30)
    )
    page = (
        '<html lang="de"><head><title>Hafen wieder offen</title>'
        '<meta property="og:type" content="website"></head><body>'
        f"<nav><ul>{teasers}</ul></nav><div class='text'><h1>Hafen wieder offen</h1>"
        + "".join(f"<p>{p}</p>" for p in paragraphs)
        + f"</div><div class='more'><ul>{teasers}</ul></div></body></html>"
    )
    story = extract_html(
        Document(content=page, kind="html", url="https://zeitung.example/hafen-offen")
    )
    assert not any(w.startswith("no article found") for w in story.warnings), story.warnings
    assert story.body.startswith("Der Hafen wurde am Montag")


@pytest.mark.parametrize(
    "code",
    [
        '<div class="ad">googletag.cmd.push(function() { googletag.display("div-gpt-ad-1"); });</div>',
        "<p>window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);}</p>",
        "<template><p>A hidden copy of a card that a script would clone, never shown as it stands.</p></template>",
    ],
)
def test_script_text_does_not_open_the_body(code: str) -> None:
    story = extract_html(Document(content=_page(f"{code}<p>T{LEAD}</p>{MORE}"), kind="html"))
    assert story.body.startswith("The port reopened on Monday")
