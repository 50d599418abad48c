"""Parsing a page once, safely: bounded size, no crash on broken markup, one lxml tree.

Every HTML step reads the same tree, so a page is parsed exactly once. Pages arrive from the
open web: truncated, mis-nested, megabytes of inline scripts, NUL bytes, XML declarations on
strings. `parse_page` never raises on any of it; it returns None when nothing parseable is
left, and the caller turns that into a warning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import lxml.html
from lxml import etree

# Beyond this a page is not an article page worth the time; the tail is cut, not the run.
MAX_HTML_CHARS = 1_000_000
_OPENING = re.compile(r"<(script|style)\b")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)

_PARSER = etree.HTMLParser(remove_comments=True, remove_pis=True, recover=True, collect_ids=False)
# Every element an HtmlElement (what trafilatura accepts as a tree), looked up in C: lxml.html's
# own parser decides each element's class in Python, which costs more than parsing itself.
_PARSER.set_element_class_lookup(
    etree.ElementDefaultClassLookup(element=lxml.html.HtmlElement, comment=lxml.html.HtmlComment)
)


@dataclass(frozen=True, slots=True)
class ParsedPage:
    """The parsed tree and what parsing had to give up on the way."""

    tree: lxml.html.HtmlElement | None
    truncated: bool


def parse_page(html: str, max_chars: int = MAX_HTML_CHARS) -> ParsedPage:
    """Parse page text into a tree, cutting what no article needs and bounding the size.

    JSON-LD scripts are kept (they carry the metadata); other scripts and styles go before
    parsing, which is what keeps multi-megabyte pages fast.

    >>> parse_page("<p>Hello <b>world").tree.text_content()
    'Hello world'
    """
    html = _XML_DECLARATION.sub("", html[: max_chars * 4], count=1)
    html = drop_scripts(html)
    truncated = len(html) > max_chars
    if truncated:
        html = html[:max_chars]
    html = _CONTROL.sub("", html)
    if not html.strip():
        return ParsedPage(None, truncated)
    try:
        tree = lxml.html.document_fromstring(html, parser=_PARSER)
    except (etree.ParserError, ValueError):
        return ParsedPage(None, truncated)
    if tree is None or len(tree) == 0:
        return ParsedPage(None, truncated)
    return ParsedPage(tree, truncated)


def drop_scripts(html: str) -> str:
    """The page without its scripts and styles, JSON-LD kept, in one linear pass.

    A regex would rescan to the end of the page for every unclosed `<script`; here an
    unclosed one simply ends the page.

    >>> drop_scripts('a<script>x()</script>b<style>p{}</style>c')
    'abc'
    """
    lower = html.lower()
    pieces: list[str] = []
    position = 0
    for opening in _OPENING.finditer(lower):
        start = opening.start()
        if start < position:
            continue  # inside a script already skipped
        end = lower.find(f"</{opening.group(1)}", start)
        end = len(html) if end < 0 else lower.find(">", end) + 1 or len(html)
        pieces.append(html[position:start])
        if "ld+json" in lower[start : lower.find(">", start) + 1]:
            pieces.append(html[start:end])
        position = end
    pieces.append(html[position:])
    return "".join(pieces)


def text_of(element: etree._Element) -> str:
    """The element's text with whitespace collapsed."""
    return " ".join("".join(element.itertext()).split())


__all__ = ["MAX_HTML_CHARS", "ParsedPage", "drop_scripts", "parse_page", "text_of"]
