"""Is there an article on this page at all? Home pages, error pages and login walls.

The main-text finder always returns *something*; on a page without an article that is the
largest block of other furniture. A page is judged article-less by what the kept text and
the page say about themselves, never by site: too little prose, an error title, a wall
asking to sign in or subscribe, a root URL with many teasers and no article markup.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import urlparse

import lxml.html

from newsgraph.extract.html_meta import PageMeta

# Fewer words than this in the kept paragraphs is not an article (a lone caption, a teaser).
MIN_ARTICLE_WORDS = 25
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
    if not meta.article_data and _long_paragraphs(paragraphs) < 3:
        if _is_root(url):
            return "page looks like a home page (site root, no article markup)"
        if (meta.page_type or "").lower() == "website":
            return "page looks like a home or section page (declared a website, not an article)"
    return None


def _is_root(url: str | None) -> bool:
    if not url:
        return False
    path = urlparse(url).path.strip("/")
    return path in ("", "index.html", "index.php", "index.htm", "home") or len(path) <= 3


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


__all__ = ["MIN_ARTICLE_WORDS", "no_article_reason", "word_count"]
