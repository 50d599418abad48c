"""Is there an article on the page: real stories are kept whatever their URL or og:type says;
home and section pages are emptied only on evidence (a site root, or teasers and no prose)."""

from __future__ import annotations

import pytest

from newsgraph.extract import extract_html
from newsgraph.extract.page_kind import is_site_root
from newsgraph.model import Document

PROSE = (
    "The town council met on Tuesday evening and voted, after three hours of debate, to repair "
    "the old stone bridge before winter.",
    "Engineers warned in the spring that two of the arches were cracked and that heavy lorries "
    "should no longer cross it.",
    "The repairs will cost about two million pounds, most of it from a regional fund, and take "
    "four months if the weather holds.",
    "Residents on the far bank said the detour added half an hour to every trip into town, and "
    "shop owners said trade had fallen.",
)
TEASERS = (
    (
        "Harbour authority reopens port after storm damage",
        "Ferries left on schedule, but freight runs at half capacity.",
    ),
    (
        "Council approves new budget for the coming year",
        "The vote was close and the mayor abstained.",
    ),
    ("Local team wins regional final in extra time", "A late goal from the captain settled it."),
    (
        "New lighthouse keeper appointed for the northern cape",
        "She starts in May after thirty years at sea.",
    ),
    (
        "School roof repairs finished ahead of the new term",
        "Pupils return to every classroom on Monday.",
    ),
)


def _page(body: str, head: str = "") -> str:
    return (
        f"<html><head><title>Council votes to repair bridge</title>{head}</head>"
        f"<body><nav><a href='/news'>News</a> <a href='/sport'>Sport</a></nav>{body}</body></html>"
    )


def _article(paragraphs: tuple[str, ...] = PROSE, tag: str = "article") -> str:
    inner = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f"<{tag}><h1>Council votes to repair bridge</h1>{inner}</{tag}>"


def _teasers() -> str:
    return "".join(
        f'<div class="card"><h2><a href="/s{i}">{head}</a></h2><p>{summary}</p></div>'
        for i, (head, summary) in enumerate(TEASERS)
    )


def _extract(html: str, url: str | None) -> tuple[str, tuple[str, ...]]:
    story = extract_html(Document(content=html, kind="html", url=url))
    return story.body, story.warnings


@pytest.mark.parametrize(
    ("url", "head"),
    [
        ("https://example.com/a1", ""),  # a short path is not a site root
        ("https://example.com/", ""),  # an article element with prose outweighs the root URL
        ("https://example.com/news/bridge", '<meta property="og:type" content="website">'),
        ("https://example.com/a1", '<meta property="og:type" content="website">'),
    ],
)
def test_an_article_element_with_prose_is_kept(url: str, head: str) -> None:
    body, warnings = _extract(_page(_article(), head), url)
    assert body.startswith("The town council met") and body.endswith("trade had fallen.")
    assert warnings == ()


def test_microdata_article_counts_as_article_markup() -> None:
    item = _article(tag="div").replace(
        "<div>", '<div itemscope itemtype="https://schema.org/NewsArticle">'
    )
    body, warnings = _extract(_page(item), "https://example.com/")
    assert body.startswith("The town council met") and warnings == ()


def test_json_ld_article_is_kept_at_a_short_path() -> None:
    ld = '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "x"}</script>'
    page = _page("<div>" + "".join(f"<p>{p}</p>" for p in PROSE) + "</div>", ld)
    body, warnings = _extract(page, "https://example.com/b2")
    assert body.startswith("The town council met") and warnings == ()


def test_declared_website_with_prose_and_a_few_related_links_is_kept() -> None:
    related = (
        "<ul>"
        + "".join(f'<li><a href="/r{i}">{h}</a></li>' for i, (h, _) in enumerate(TEASERS[:3]))
        + "</ul>"
    )
    prose = "<div class='story'>" + "".join(f"<p>{p}</p>" for p in PROSE) + "</div>"
    page = _page(prose + related, '<meta property="og:type" content="website">')
    body, warnings = _extract(page, "https://example.com/news/bridge")
    assert body.startswith("The town council met") and warnings == ()


@pytest.mark.parametrize(
    ("url", "head", "reason"),
    [
        ("https://example.com/", "", "home page (site root"),
        ("https://example.com/index.html", "", "home page (site root"),
        (
            "https://example.com/news",
            '<meta property="og:type" content="website">',
            "home or section page",
        ),
    ],
)
def test_teaser_pages_are_still_emptied(url: str, head: str, reason: str) -> None:
    body, warnings = _extract(_page(_teasers(), head), url)
    assert body == ""
    assert len(warnings) == 1 and reason in warnings[0]


def test_a_column_of_teaser_cards_in_article_elements_is_no_article() -> None:
    summary = (
        "A longer summary of another story on the site, long enough to read like a paragraph "
        "of prose on its own."
    )
    cards = "".join(
        f'<article><h2><a href="/s{i}">{head}</a></h2><p>{summary} {i}</p></article>'
        for i, (head, _) in enumerate(TEASERS)
    )
    body, warnings = _extract(_page(f"<article>{cards}</article>"), "https://example.com/")
    assert body == "" and "home page" in warnings[0]


@pytest.mark.parametrize(
    ("url", "root"),
    [
        ("https://example.com", True),
        ("https://example.com/", True),
        ("https://example.com/index.html", True),
        ("https://example.com/default.aspx", True),
        ("https://example.com/a1", False),
        ("https://example.com/en", False),
        ("https://example.com/news/2024/bridge", False),
        (None, False),
    ],
)
def test_site_root_is_an_empty_path_or_an_index_page(url: str | None, root: bool) -> None:
    assert is_site_root(url) is root
