"""HTML extraction: whole fictional pages, bad input, and the rules behind the metadata."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from newsgraph.extract import extract_html
from newsgraph.extract.authors import clean_authors
from newsgraph.extract.dates import normalise_date
from newsgraph.extract.dom import drop_scripts, flatten_nesting, parse_page
from newsgraph.extract.html_body import Unit
from newsgraph.extract.html_meta import PageMeta, read_meta
from newsgraph.extract.html_repair import strip_structure, widget_kind
from newsgraph.model import Dateline, Document, Story

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "html"
ARTICLE_URL = "https://ledger.example/news/2024/03/05/harbour-reopens"


def html_story(name: str, url: str | None = ARTICLE_URL) -> Story:
    content = (FIXTURES / name).read_text(encoding="utf-8")
    return extract_html(Document(content=content, kind="html", url=url))


def test_wire_story_metadata() -> None:
    story = html_story("wire_story.html")
    assert story.title == "Harbour authority reopens port after storm damage"
    # The visible byline wins over the meta tag's desk name; the agency is not an author.
    assert story.authors == ("Maren Holt", "Tomas Vidal")
    assert story.original_source == "The Associated Press"
    # Published, not the later update time the page also shows.
    assert story.published == "2024-03-05T08:15:00+00:00"
    assert story.publisher == "The Coastal Ledger"
    assert story.dateline == Dateline(place="KESTREL BAY", agency="AP")
    assert story.language == "en"
    assert story.warnings == ()


def test_wire_story_body_is_the_article_only() -> None:
    story = html_story("wire_story.html")
    assert story.body.startswith("KESTREL BAY (AP) — The harbour authority reopened")
    assert story.body.endswith("how the work will be paid for.")
    assert "Insurance questions" in story.paragraphs  # a subheading stays
    for furniture in (
        "Most read",
        "newsletter",
        "Fishermen count",
        "Peter Quill",
        "independent global",
        "©",
    ):
        assert furniture not in story.body
    assert "Harbour authority reopens port" not in story.body  # the headline is metadata


def test_body_cut_by_ad_rows_is_recovered_whole() -> None:
    story = html_story("split_body.html")
    assert len(story.paragraphs) == 5
    assert story.paragraphs[0].startswith("For two decades")
    assert story.paragraphs[-1].startswith("Still, the operators")
    assert "Subscribe now" not in story.body and "Read next" not in story.body


@pytest.mark.parametrize(
    ("name", "url", "reason"),
    [
        ("home_page.html", "https://ledger.example/", "home page"),
        ("home_page.html", None, "home or section page"),
        ("not_found.html", "https://ledger.example/news/missing", "error page"),
        ("login_wall.html", ARTICLE_URL, "login or subscription wall"),
    ],
)
def test_pages_without_an_article_give_an_empty_body_and_say_why(
    name: str, url: str | None, reason: str
) -> None:
    story = html_story(name, url)
    assert story.body == ""
    assert len(story.warnings) == 1
    assert story.warnings[0].startswith("no article found") and reason in story.warnings[0]


@pytest.mark.parametrize(
    "content",
    [
        "",
        "   \n\t",
        "\x00\x01<p>\x00",
        "<html><body><div><p>Unclosed",
        '<?xml version="1.0" encoding="utf-8"?><html><body><p>declared</p></body></html>',
        "<div>" * 50_000 + "deep" + "</div>" * 50_000,
        "<script>" * 50_000,
        "<table><tr><td>" * 20_000,
        "".join(chr(i % 0x2FF) for i in range(50_000)),
    ],
    ids=[
        "empty",
        "blank",
        "control",
        "unclosed",
        "xml-declaration",
        "deep",
        "scripts",
        "tables",
        "binary",
    ],
)
def test_malformed_html_never_crashes(content: str) -> None:
    story = extract_html(Document(content=content, kind="html"))
    assert isinstance(story, Story)


@pytest.mark.timeout(60)
def test_enormous_page_is_bounded_in_time_and_says_so() -> None:
    content = (
        "<html><body>" + "<p>A short line of text, with a comma.</p>" * 200_000 + "</body></html>"
    )
    started = time.process_time()
    story = extract_html(Document(content=content, kind="html"))
    assert time.process_time() - started < 15
    assert any(w.startswith("page truncated") for w in story.warnings)


@pytest.mark.parametrize(
    ("names", "people"),
    [
        (["Jane Doe and John Roe"], ["Jane Doe", "John Roe"]),
        (["By Jane Doe, John Roe & Ana de la Cruz"], ["Jane Doe", "John Roe", "Ana de la Cruz"]),
        (["Associated Press"], []),
        (["Minutes Ago"], []),
        (["Coastal Ledger Staff"], []),
        (["https://ledger.example/authors/jane"], []),
        (["Updated 3 hours ago"], []),
        (["Jane Doe", "Jane Doe"], ["Jane Doe"]),
    ],
)
def test_authors_are_people_only(names: list[str], people: list[str]) -> None:
    assert clean_authors(names) == people


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("2019-11-19T14:03:00+00:00", "2019-11-19T14:03:00+00:00"),
        ("2019-11-19", "2019-11-19"),
        ("Nov 19, 2019", "2019-11-19"),
        ("Minutes Ago", None),
        ("1970-01-01", None),
        ("3019-01-01", None),
    ],
)
def test_dates_are_normalised_or_refused(text: str, iso: str | None) -> None:
    assert normalise_date(text) == iso


def test_scripts_go_but_json_ld_stays() -> None:
    html = 'a<script>x()</script>b<SCRIPT type="application/ld+json">{}</SCRIPT>c<style>p{}</style>d<script>e'
    assert drop_scripts(html) == 'ab<SCRIPT type="application/ld+json">{}</SCRIPT>cd'


def test_parse_page_bounds_size() -> None:
    page = parse_page("<p>" + "x" * 100 + "</p>", max_chars=50)
    assert page.truncated and page.tree is not None


def _unit(text: str, kind: str = "p", links: float = 0.0, group: int = 0) -> Unit:
    return Unit(text=text, kind=kind, link_share=links, group=group)


def test_headline_block_and_link_lists_are_removed_but_subheadings_stay() -> None:
    prose = "The council met on Monday and agreed, after a long debate, to fund the new bridge."
    units = [
        _unit("Council funds bridge", "h1"),
        _unit("A long debate ends in a vote", "h2"),
        _unit(prose),
        _unit("What happens next", "h2"),
        _unit(prose),
        _unit("Another story entirely about something else", "item", 1.0, group=7),
        _unit("A second unrelated story headline here", "item", 0.9, group=7),
    ]
    kept, removed = strip_structure(units, "Council funds bridge | The Ledger")
    assert [u.text for u in kept] == [prose, "What happens next", prose]
    # The headline is the title, not furniture; the standfirst under it is furniture.
    assert [(f.kind, f.text) for f in removed] == [
        ("other", "A long debate ends in a vote"),
        ("teaser", "Another story entirely about something else"),
        ("teaser", "A second unrelated story headline here"),
    ]


@pytest.mark.parametrize("name", ["wire_story.html", "split_body.html", "japanese_brief.html"])
def test_the_headline_is_the_title_and_never_furniture(name: str) -> None:
    story = html_story(name)
    assert story.title
    assert story.title not in {f.text for f in story.furniture}
    assert story.title not in story.paragraphs


def test_a_top_heading_that_is_not_the_title_is_furniture() -> None:
    prose = "The council met on Monday and agreed, after a long debate, to fund the new bridge."
    units = [_unit("The Ledger", "h1"), _unit("Council funds bridge", "h1"), _unit(prose)]
    kept, removed = strip_structure(units, "Council funds bridge")
    assert [u.text for u in kept] == [prose]
    assert [(f.kind, f.text) for f in removed] == [("other", "The Ledger")]


def test_german_wire_story() -> None:
    story = html_story("german_wire.html", "https://beispiel.example/artikel/hafen")
    assert story.language == "de"
    assert story.authors == ("Greta Lindqvist", "Jonas Feld")
    assert story.dateline == Dateline(place="Kiel", agency="dpa")
    assert story.original_source == "Deutsche Presse-Agentur"
    assert story.publisher == "Nordkurier Beispiel"
    assert story.published == "2024-02-11"
    assert len(story.paragraphs) == 3 and "©" not in story.body


def test_short_japanese_article_is_an_article() -> None:
    story = html_story("japanese_brief.html", "https://umibe.example/news/port")
    assert story.warnings == ()
    assert story.language == "ja"
    assert story.title == "港が嵐の後に再開"
    assert story.publisher == "海辺新聞"
    assert story.published == "2024-02-12T09:30:00+09:00"
    assert story.paragraphs[0].startswith("先週の嵐で")


@pytest.mark.timeout(60)
def test_thousands_of_same_shaped_blocks_stay_linear() -> None:
    prose = "A long sentence of prose, with commas, that reads like a paragraph of a story."
    blocks = "".join(
        f'<div class="para"><p>{prose} {i}</p></div><div class="ad">Ad</div>' for i in range(6000)
    )
    started = time.process_time()
    story = extract_html(
        Document(content=f"<html><body><article>{blocks}</article></body></html>", kind="html")
    )
    assert time.process_time() - started < 20
    assert any(w.startswith("article cut after") for w in story.warnings)


def _meta(head: str, body: str = "", url: str | None = None) -> PageMeta:
    page = parse_page(f"<html><head>{head}</head><body>{body}</body></html>")
    assert page.tree is not None
    return read_meta(page.tree, url)


def test_agency_named_as_author_is_the_original_source_not_an_author() -> None:
    meta = _meta(
        '<meta name="author" content="Reuters"><meta property="og:site_name" content="Daily Example">'
    )
    assert meta.authors == [] and meta.original_source == "Reuters"


def test_organisation_authors_in_json_ld_are_not_people() -> None:
    ld = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "author": ['
        '{"@type": "Organization", "name": "Daily Example"}, {"@type": "Person", "name": "Ana Ruiz"}]}'
        "</script>"
    )
    assert _meta(ld).authors == ["Ana Ruiz"]


def test_modified_dates_are_never_the_published_date() -> None:
    head = '<meta property="article:modified_time" content="2024-05-02T10:00:00Z">'
    body = '<time class="updated" datetime="2024-05-02T10:00:00Z">Updated</time>'
    assert _meta(head, body, "https://e.example/2024/04/30/story").published == "2024-04-30"


def test_title_loses_the_site_name_the_page_appends() -> None:
    head = '<title>Port reopens after storm | Daily Example</title><meta property="og:site_name" content="Daily Example">'
    assert _meta(head).title == "Port reopens after storm"


def test_sidebar_author_cards_are_not_the_byline() -> None:
    body = (
        '<aside><div class="author">Peter Quill</div></aside>'
        '<div class="author-card"><span class="author-name">Gamora Zen</span></div>'
        '<p class="byline">By Ana Ruiz</p>'
    )
    assert _meta("", body).authors == ["Ana Ruiz"]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Write to Jane Doe at jane.doe@example.com", "credit"),
        ("Order Reprints", "other"),
        ("An error has occurred, please try again later.", "other"),
        ("Thanks for signing up!", "newsletter"),
        ("This copy is for your personal, non-commercial use only.", "disclaimer"),
        ("https://example.com/a/story", "other"),
        ("Storm hits coast [VIDEO] Ferries cancelled [PICTURES]", "teaser"),
        ('[button link="https://example.com/x"]Send us your review[/button]', "other"),
        ("The council met on Tuesday and voted to fund the bridge.", None),
        ("Write to us if you saw the storm.", None),
    ],
)
def test_widget_text_families(text: str, kind: str | None) -> None:
    assert widget_kind(text) == kind


@pytest.mark.parametrize(
    ("byline", "authors"),
    [
        ('<p class="autor">Autor: Jan Nowak</p>', ["Jan Nowak"]),
        ('<div class="byline">Por Maria Silva e João Souza</div>', ["Maria Silva", "João Souza"]),
        ('<span class="author">By <a href="/a/jd">Jane Doe</a></span>', ["Jane Doe"]),
        (
            '<div class="byline"><span>Meg James</span><span>Staff Writer</span></div>',
            ["Meg James"],
        ),
        ('<div class="byline">Minutes Ago</div>', []),
    ],
)
def test_visible_bylines(byline: str, authors: list[str]) -> None:
    assert _meta("", byline).authors == authors


@pytest.mark.parametrize(
    ("head", "body"),
    [
        ("<title>Council approves budget<script>alert(1)</script></title>", ""),
        (
            "<title>Council approves budget</title>",
            "<h1>Council approves budget <script>alert(1)</script></h1>",
        ),
        (
            '<meta property="og:title" content="Council approves budget<script>alert(1)</script>">',
            "",
        ),
        ("", "<h1>Council approves <style>h1 {color: red}</style>budget</h1>"),
        ("<title>Council approves <b>budget</b></title>", ""),
    ],
    ids=["title-element", "h1", "og-title", "h1-style", "title-tags"],
)
def test_title_is_text_only_never_script_or_markup(head: str, body: str) -> None:
    assert _meta(head, body).title == "Council approves budget"


def test_byline_ignores_script_inside_it() -> None:
    body = '<p class="byline">By Ana Ruiz<script>track("Peter Quill")</script></p>'
    assert _meta("", body).authors == ["Ana Ruiz"]


def test_a_lone_angle_bracket_in_a_title_stays() -> None:
    assert (
        _meta("<title>Why 3 < 4 matters to pupils</title>").title == "Why 3 < 4 matters to pupils"
    )


def _site(site_name: str | None, ld_publisher: str = "") -> str | None:
    head = f'<meta property="og:site_name" content="{site_name}">' if site_name else ""
    if ld_publisher:
        head += f'<script type="application/ld+json">{ld_publisher}</script>'
    return _meta(head).publisher


@pytest.mark.parametrize(
    ("site_name", "publisher"),
    [
        ("The Coastal Ledger", "The Coastal Ledger"),
        ("Hosted", None),
        ("News", None),
        ("U.S.", None),
        ("Home Page", None),
        ("Autoracing | F1 | Indy | MotoGP | StockCar | NASCAR", None),
        ("News • Sport • Weather", None),
        (
            "The Coastal Ledger | Coastal news since 1901",
            "The Coastal Ledger | Coastal news since 1901",
        ),
        ("@coastalledger", None),
    ],
)
def test_site_names_that_name_no_site_are_refused(site_name: str, publisher: str | None) -> None:
    assert _site(site_name) == publisher


def test_a_refused_site_name_falls_back_to_the_json_ld_publisher() -> None:
    ld = '{"@type": "NewsArticle", "publisher": {"@type": "Organization", "name": "The Coastal Ledger"}}'
    assert _site("Hosted", ld) == "The Coastal Ledger"


def test_a_json_ld_publisher_given_by_reference_is_looked_up_in_the_graph() -> None:
    ld = (
        '{"@graph": [{"@type": "NewsArticle", "publisher": {"@id": "https://ledger.example/#org"}},'
        '{"@type": "Organization", "@id": "https://ledger.example/#org", "name": "The Coastal Ledger"}]}'
    )
    assert _site("Sports | Weather | Traffic", ld) == "The Coastal Ledger"


def test_a_json_ld_publisher_that_is_a_section_list_is_refused_too() -> None:
    ld = '{"@type": "NewsArticle", "publisher": {"name": "F1 | Indy | MotoGP"}}'
    assert _site("Hosted", ld) is None


DEEP_PROSE = [
    f"Paragraph {i}: the town council met on Tuesday evening and voted, after three hours of "
    "debate, to repair the old stone bridge over the river before the winter."
    for i in range(4)
]


def _deep_page(depth: int, opening: str, closing: str) -> str:
    article = "".join(f"<p>{p}</p>" for p in DEEP_PROSE)
    return (
        "<html><head><title>Council votes to repair bridge</title></head><body>"
        + opening * depth
        + article
        + closing * depth
        + "</body></html>"
    )


@pytest.mark.parametrize("depth", [200, 254, 255, 256, 300, 2000])
@pytest.mark.parametrize("wrapper", ["div", "span", "section"])
def test_deeply_nested_wrappers_still_give_the_article(depth: int, wrapper: str) -> None:
    html = _deep_page(depth, f'<{wrapper} class="box">', f"</{wrapper}>")
    story = extract_html(Document(content=html, kind="html", url=ARTICLE_URL))
    assert list(story.paragraphs) == DEEP_PROSE
    assert story.warnings == ()


def test_nesting_that_cannot_be_flattened_is_named_in_the_warning() -> None:
    html = _deep_page(300, "<ul><li>", "</li></ul>")
    story = extract_html(Document(content=html, kind="html", url=ARTICLE_URL))
    assert story.warnings[0].startswith("page nested too deep")


@pytest.mark.parametrize(
    ("html", "flat"),
    [
        ("<div><div><div><p>x</p></div></div></div>", "<div><div><p>x</p></div></div>"),
        # a comment's tags are not tags; a self-closed div holds nothing
        (
            "<div><!-- <div> --><div/><div>x</div></div>",
            "<div><!-- <div> --><div/><div>x</div></div>",
        ),
        # a wrapper left open closes with the one around it, as the parser closes it
        ("<div><div><span>x</div>y</div>", "<div><div>x</div>y</div>"),
        # a stray closing tag is left for the parser to ignore
        ("</div><div><div><div>a</div></div></div>", "</div><div><div>a</div></div>"),
        ("<DIV><Div class='a'><div>x</DIV></div></div>", "<DIV><Div class='a'>x</div></div>"),
    ],
)
def test_flatten_nesting_unwraps_only_the_deepest_wrappers(html: str, flat: str) -> None:
    assert flatten_nesting(html, max_depth=2) == flat
