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

from newsgraph.limits import MAX_HTML_CHARS

_OPENING = re.compile(r"<(script|style)\b")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
# Layout wrappers nested deeper than this are unwrapped before the parser's own depth limit
# (256 elements in libxml2) drops what they hold; the margin is for the elements inside them.
MAX_WRAPPER_DEPTH = 120
_WRAPPERS = frozenset(
    {"div", "span", "section", "article", "main", "aside", "header", "footer", "nav", "figure",
     "font", "center", "blockquote", "b", "i", "u", "em", "strong", "small", "big"}
)  # fmt: skip
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*>|<!--")
# Elements whose content is code or inert markup, never text a reader sees.
_HIDDEN = ("script", "style", "noscript", "template")
_MARKUP = re.compile(
    r"<(script|style)\b.*?(?:</\1\s*>|$)|</?[a-z][^<>]*>", re.IGNORECASE | re.DOTALL
)

_PARSER = etree.HTMLParser(remove_comments=True, remove_pis=True, recover=True, collect_ids=False)
# Every element an HtmlElement (what trafilatura accepts as a tree), looked up in C: lxml.html's
# own parser decides each element's class in Python, which costs more than parsing itself.
_PARSER.set_element_class_lookup(
    etree.ElementDefaultClassLookup(element=lxml.html.HtmlElement, comment=lxml.html.HtmlComment)
)


@dataclass(frozen=True, slots=True)
class ParsedPage:
    """The parsed tree and what parsing had to give up on the way: the page's tail beyond the
    size bound (`truncated`), or what lay deeper than the parser goes even after wrappers were
    flattened (`too_deep`)."""

    tree: lxml.html.HtmlElement | None
    truncated: bool
    too_deep: bool = False


def parse_page(html: str, max_chars: int = MAX_HTML_CHARS) -> ParsedPage:
    """Parse page text into a tree, cutting what no article needs and bounding the size.

    A page over `max_chars` first loses its scripts and styles (JSON-LD kept: it carries the
    metadata), then its tail beyond the bound; that keeps multi-megabyte pages fast.

    >>> parse_page("<p>Hello <b>world").tree.text_content()
    'Hello world'
    """
    truncated = len(html) > max_chars * 4
    html = _XML_DECLARATION.sub("", html[: max_chars * 4], count=1)
    if len(html) > max_chars:
        # Only a big page pays for the script pass; most of a big page is usually script.
        html = drop_scripts(html)
        truncated = truncated or len(html) > max_chars
        html = html[:max_chars]
    if not html.strip():
        return ParsedPage(None, truncated)
    try:
        tree, too_deep = _parse(html)
    except ValueError:
        # Control characters make lxml refuse the string; scanning every page for them
        # costs more than this second attempt on the few that have them.
        html = _CONTROL.sub("", html)
        try:
            tree, too_deep = _parse(html)
        except ValueError:
            return ParsedPage(None, truncated)
    if too_deep:
        # The parser drops everything below its depth limit; wrappers nested that deep are
        # layout, not structure, so the page is parsed again with the innermost ones gone.
        tree, too_deep = _parse(flatten_nesting(drop_scripts(html)))
    if tree is None or len(tree) == 0:
        return ParsedPage(None, truncated, too_deep)
    return ParsedPage(tree, truncated, too_deep)


def _parse(html: str) -> tuple[lxml.html.HtmlElement | None, bool]:
    """The tree, and whether the parser dropped content nested beyond its depth limit."""
    try:
        tree = lxml.html.document_fromstring(html, parser=_PARSER)
    except etree.ParserError:
        tree = None  # a document with no elements at all
    too_deep = any(
        error.type_name == "ERR_RESOURCE_LIMIT" and "depth" in error.message
        for error in _PARSER.error_log
    )
    return tree, too_deep


def flatten_nesting(html: str, max_depth: int = MAX_WRAPPER_DEPTH) -> str:
    """The page with wrapper elements (`div`, `span`, `section`, `font`, ...) nested deeper
    than `max_depth` unwrapped: their tags dropped, their content kept in place.

    The parser gives up below a fixed depth (libxml2: 256 elements) and silently drops what
    lies there, often the whole article on a page built of nested layout boxes. Only
    wrappers go; paragraphs, lists, tables and links keep their structure. One linear pass
    over the tags, matching each closing tag to its opening one like a parser does.

    >>> flatten_nesting("<div><div><div><p>x</p></div></div></div>", max_depth=2)
    '<div><div><p>x</p></div></div>'
    """
    pieces: list[str] = []
    open_wrappers: list[tuple[str, bool]] = []  # (tag, kept), outermost first
    kept_depth = 0
    position = 0
    while (match := _TAG.search(html, position)) is not None:
        start, end = match.span()
        if match.group(0) == "<!--":
            close = html.find("-->", end)
            end = len(html) if close < 0 else close + 3
            pieces.append(html[position:end])
            position = end
            continue
        closing, name = match.group(1) == "/", match.group(2).lower()
        keep = True
        if name in _WRAPPERS and not match.group(0).endswith("/>"):
            if not closing:
                keep = kept_depth < max_depth
                open_wrappers.append((name, keep))
                kept_depth += keep
            elif any(tag == name for tag, _ in open_wrappers):
                # Wrappers left open inside this one close with it, as the parser closes them.
                while open_wrappers:
                    tag, kept = open_wrappers.pop()
                    kept_depth -= kept
                    if tag == name:
                        keep = kept
                        break
        pieces.append(html[position:start])
        if keep:
            pieces.append(match.group(0))
        position = end
    pieces.append(html[position:])
    return "".join(pieces)


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


def prune_inline_cards(tree: lxml.html.HtmlElement) -> int:
    """Take out hover cards hidden inside paragraphs; how many went.

    Sites attach a card (a photo, the person's name, links to their latest stories) to a
    name in the text and show it on hover with CSS; text extractors cannot see the CSS and
    print the card mid-sentence. A card is an inline element inside a paragraph, holding an
    image or at least two links, whose text is almost all links. Innermost cards go first, so
    the linked name the card hangs on stays.
    """
    removed = 0
    for paragraph in tree.iter("p"):
        for element in reversed(list(paragraph.iter("span", "div", "aside"))):
            if element is paragraph or element.getparent() is None:
                continue
            links = list(element.iter("a"))
            if len(links) < 2 and not any(True for _ in element.iter("img")):
                continue
            text = "".join(element.itertext())
            linked = sum(len("".join(a.itertext())) for a in links)
            if len(text.strip()) >= 60 and linked >= 0.8 * len(text):
                element.drop_tree()
                removed += 1
    return removed


_LETTER_ELEMENTS = etree.XPath(
    "//*[not(*) and string-length(normalize-space(text()))=1]"
    "|//img[string-length(normalize-space(@alt))=1]"
)
_INLINE = frozenset(
    {"a", "b", "strong", "i", "em", "span", "u", "small", "big", "sup", "sub", "font", "abbr"}
)


def join_drop_caps(tree: lxml.html.HtmlElement) -> int:
    """Put a drop cap's letter back into its word; how many were joined.

    Sites set a paragraph's first letter in its own element (a styled `span`, a `div`, an image
    of the letter with the letter as its alt text) so CSS can draw it large. Extractors then
    lose it (the element is hidden from screen readers, or an image, or a block that the
    parser moved out of the paragraph) or cut the word in two ("T he port"). A letter element
    is a drop cap when the text right after it goes on with a lower-case letter: the word
    continues. The element goes and its letter joins that text; a block the parser had pushed
    out of its paragraph takes the paragraph's inline run back into the empty paragraph before
    it.
    """
    joined = 0
    for element in _LETTER_ELEMENTS(tree):
        tail = element.tail or ""
        if not tail[:1].islower() or not isinstance(element.tag, str):
            continue
        letter = (element.get("alt") if element.tag == "img" else element.text or "").strip()
        if not letter.isalpha() or not letter.isupper():
            continue
        parent = element.getparent()
        if parent is None:
            continue
        before = element.getprevious()
        if element.tag in _INLINE or element.tag == "img" or parent.tag == "p":
            _replace_with_text(element, letter + tail)
        elif (
            before is not None
            and before.tag == "p"
            and len(before) == 0
            and not (before.text or "").strip()
        ):
            before.text = letter + tail
            # The rest of the paragraph's inline run follows the letter block as its siblings.
            while (following := element.getnext()) is not None and following.tag in _INLINE:
                before.append(following)
            parent.remove(element)
        else:
            _replace_with_text(element, letter + tail)
        joined += 1
    return joined


def drop_templates(tree: lxml.html.HtmlElement) -> int:
    """Take out `<template>` elements: inert markup a script may clone later, never shown as
    it stands (a hidden copy of a card, a paragraph, a form); how many went."""
    found = list(tree.iter("template"))
    for element in found:
        element.drop_tree()
    return len(found)


def _replace_with_text(element: etree._Element, text: str) -> None:
    """Take the element out, its place taken by `text` in the surrounding text."""
    parent = element.getparent()
    assert parent is not None
    previous = element.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + text
    else:
        parent.text = (parent.text or "") + text
    parent.remove(element)


def text_of(element: etree._Element) -> str:
    """The element's text a reader sees, whitespace collapsed: text nodes only, never the
    code of a script or style inside it.

    >>> text_of(lxml.html.fromstring("<h1>Budget <b>passes</b><script>alert(1)</script></h1>"))
    'Budget passes'
    """
    return " ".join("".join(visible_text_nodes(element)).split())


def visible_text_nodes(element: etree._Element) -> list[str]:
    """The element's text nodes in order, without those of scripts, styles and templates
    (their tails, which are page text, stay)."""
    if not isinstance(element.tag, str) or element.tag in _HIDDEN:
        return []
    if not any(True for _ in element.iter(*_HIDDEN)):
        return list(element.itertext())  # the common case: nothing hidden inside
    pieces: list[str] = [element.text or ""]
    for child in element:
        pieces.extend(visible_text_nodes(child))
        pieces.append(child.tail or "")
    return pieces


def strip_markup(text: str) -> str:
    """Declared text (a `<title>`, an og:title) without the markup some pages put in it:
    scripts and styles with their code, other tags without their names. A lone "<" stays.

    >>> strip_markup("Budget passes<script>alert(1)</script>")
    'Budget passes'
    """
    if "<" not in text:
        return text
    return " ".join(_MARKUP.sub(" ", text).split())


__all__ = [
    "MAX_HTML_CHARS",
    "MAX_WRAPPER_DEPTH",
    "ParsedPage",
    "drop_scripts",
    "drop_templates",
    "flatten_nesting",
    "join_drop_caps",
    "parse_page",
    "prune_inline_cards",
    "strip_markup",
    "text_of",
    "visible_text_nodes",
]
