"""Is there an article on this page at all? Home pages, error pages and login walls.

The main-text finder always returns *something*; on a page without an article that is the
largest block of other furniture. A page is judged article-less by what the kept text and
the page say about themselves, never by site: too little prose, an error title, a wall
asking to sign in or subscribe, a site root or a page declared a website that shows teasers
rather than prose. Article markup (an `<article>` element or microdata item holding paragraphs
of prose, or an article declared in JSON-LD or og:type) outweighs the URL and og:type: sites
put real stories at short paths ("/a1") and declare every page a "website".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import urlparse

import lxml.html

from newsgraph.extract.dom import text_of
from newsgraph.extract.html_meta import PageMeta

# Fewer words than this in the kept paragraphs is not an article (a lone caption, a teaser).
MIN_ARTICLE_WORDS = 25
# A paragraph this long is prose, not a teaser's one-line summary or a caption.
PROSE_PARAGRAPH_WORDS = 15
# This many prose paragraphs inside one article element make it an article, whatever the URL.
ARTICLE_ELEMENT_PARAGRAPHS = 3
# A page declared a website is a home or section page only with at least this many links that
# read like headlines (outside paragraphs), and at least twice as many as prose paragraphs.
MIN_TEASER_LINKS = 4
TEASER_LINK_WORDS = 4
_ROOT_PAGES = re.compile(r"(?:index|default|home|start)(?:\.[a-z]{2,5})?", re.IGNORECASE)
_ARTICLE_ITEMTYPE = re.compile(r"schema\.org/(?:\w*Article|Report|BlogPosting)\b", re.IGNORECASE)
_UNSPACED = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")

_ERROR_TITLE = re.compile(
    r"\b(?:404|410|not found|page (?:not found|doesn'?t exist|does not exist|cannot be found)|"
    r"error|no longer available|seite nicht gefunden|página no encontrada|page introuvable|"
    r"pagina non trovata)\b",
    re.IGNORECASE,
)
_WALL = re.compile(
    r"\b(?:sign in|log ?in|subscribe|create (?:a free )?account|already (?:a subscriber|have an account)|"
    r"register)\b.{0,80}\b(?:to (?:continue|read|access|view)|for (?:full|unlimited) access|"
    r"subscribers only|password)\b",
    re.IGNORECASE,
)


def no_article_reason(
    tree: lxml.html.HtmlElement, url: str | None, paragraphs: Sequence[str], meta: PageMeta
) -> str | None:
    """Why the page holds no article, or None if the kept text reads as one."""
    text = " ".join(paragraphs)
    words = word_count(text)
    title = meta.title or ""
    if _ERROR_TITLE.search(title) and words < 150:
        return "page looks like an error page (its title says so)"
    if words < 150 and _WALL.search(text):
        return "page looks like a login or subscription wall"
    if words < MIN_ARTICLE_WORDS:
        return "too little prose on the page to be an article"
    if meta.article_data or _long_paragraphs(paragraphs) >= 3 or _has_article_element(tree):
        return None
    if is_site_root(url):
        return "page looks like a home page (site root, no article markup)"
    if (
        (meta.page_type or "").lower() == "website"
        and _reads_like_teasers(tree, paragraphs)
        and _prose_in_cards(tree, paragraphs)
    ):
        return "page looks like a home or section page (declared a website, teasers not prose)"
    return None


def is_site_root(url: str | None) -> bool:
    """Whether the URL is a site's front page: no path, or only an index page.

    >>> is_site_root("https://example.com/"), is_site_root("https://example.com/index.html")
    (True, True)
    >>> is_site_root("https://example.com/a1")
    False
    """
    if not url:
        return False
    path = urlparse(url).path.strip("/")
    return path == "" or _ROOT_PAGES.fullmatch(path) is not None


def _has_article_element(tree: lxml.html.HtmlElement) -> bool:
    """An `<article>` element (or a schema.org Article microdata item) holding prose: more
    paragraphs of prose than headline links, so a column of teaser cards does not count."""
    for element in tree.iter("article", "div", "main", "section"):
        if element.tag != "article" and not _ARTICLE_ITEMTYPE.search(element.get("itemtype") or ""):
            continue
        prose = sum(1 for p in element.iter("p") if word_count(text_of(p)) >= PROSE_PARAGRAPH_WORDS)
        if prose >= ARTICLE_ELEMENT_PARAGRAPHS and prose > _teaser_links(element):
            return True
    return False


def _reads_like_teasers(tree: lxml.html.HtmlElement, paragraphs: Sequence[str]) -> bool:
    """Many headline links and little prose: a page of pointers to other pages."""
    prose = sum(1 for p in paragraphs if word_count(p) >= PROSE_PARAGRAPH_WORDS)
    teasers = _teaser_links(tree)
    return teasers >= MIN_TEASER_LINKS and teasers >= 2 * prose


def _prose_in_cards(tree: lxml.html.HtmlElement, paragraphs: Sequence[str]) -> bool:
    """Whether the kept prose stands in cards: each paragraph in a box with its own headline
    link, as a section page's summaries do. An article's paragraphs share one container that
    holds more paragraphs than headline links, however many teasers the rest of the page
    carries (a German news site's article among its long menus and link lists)."""
    wanted = {p for p in paragraphs if word_count(p) >= PROSE_PARAGRAPH_WORDS}
    if not wanted:
        return True
    in_cards = in_body = 0
    counted: dict[int, bool] = {}
    for element in tree.iter("p"):
        parent = element.getparent()
        if parent is None or text_of(element) not in wanted:
            continue
        if id(parent) not in counted:
            prose = sum(1 for q in parent.iter("p") if text_of(q) in wanted)
            counted[id(parent)] = _teaser_links(parent) >= prose
        if counted[id(parent)]:
            in_cards += 1
        else:
            in_body += 1
    return in_cards >= in_body


def _teaser_links(element: lxml.html.HtmlElement) -> int:
    """Links that read like headlines: a few words at least, outside paragraphs (a link in a
    paragraph cites a source; a menu entry is a word or two)."""
    return sum(
        1
        for link in element.iter("a")
        if word_count(text_of(link)) >= TEASER_LINK_WORDS
        and not any(True for _ in link.iterancestors("p"))
    )


def _long_paragraphs(paragraphs: Sequence[str]) -> int:
    return sum(1 for p in paragraphs if word_count(p) >= 30)


def word_count(text: str) -> int:
    """Words, with scripts written without spaces (Chinese, Japanese, Thai) counted at about
    two characters a word, so the thresholds mean the same amount of prose in every language.

    >>> word_count("The port reopened."), word_count("港口周二重新开放")
    (3, 5)
    """
    unspaced = len(_UNSPACED.findall(text))
    return len(text.split()) + unspaced // 2


__all__ = ["MIN_ARTICLE_WORDS", "is_site_root", "no_article_reason", "word_count"]
