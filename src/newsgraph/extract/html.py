"""HTML extraction: the article's text and metadata from a web page.

The page is parsed once (`dom.parse_page`, bounded in size); the metadata is read from that
tree (`html_meta`), the article's units are found on it (`html_body`), their structure is
repaired (`html_repair`) and the same furniture remover as for scraped text judges what is
left. A page with no article (a home page, an error page, a login wall) gives an empty body
and a warning saying why, never some other block of the page.

>>> lead = ("<p>BELFAST (AP) — The port reopened on Monday after a week of storms closed it, "
...         "officials said, and the first ferries left on time for the islands.</p>")
>>> more = "<p>Freight will run at half capacity until engineers have checked every crane.</p>"
>>> html = ("<html><head><title>Port reopens</title></head><body><article><h1>Port reopens</h1>"
...         + lead + more + "</article></body></html>")
>>> story = extract_html(Document(content=html, kind="html"))
>>> story.title, story.dateline, story.original_source
('Port reopens', Dateline(place='BELFAST', agency='AP'), 'The Associated Press')
"""

from __future__ import annotations

import re
from dataclasses import replace

from newsgraph.extract.dom import drop_templates, join_drop_caps, parse_page, prune_inline_cards
from newsgraph.extract.html_body import main_units
from newsgraph.extract.html_expand import expand_units
from newsgraph.extract.html_meta import PageMeta, read_meta
from newsgraph.extract.html_repair import strip_structure
from newsgraph.extract.language import detect_language
from newsgraph.extract.page_kind import no_article_reason
from newsgraph.extract.text import StoryParts, assemble_story, separate_furniture
from newsgraph.model import Document, Story

# No news story has more paragraphs; the bound keeps the line judge's time in check.
MAX_UNITS = 1500
# Enough text to tell the language apart; detection time grows with the sample.
LANGUAGE_SAMPLE_CHARS = 400


def extract_html(document: Document) -> Story:
    """Build a Story from an HTML page: clean body, metadata, furniture and warnings."""
    page = parse_page(document.content)
    if page.tree is None:
        return _empty(document, "no article found: the page has no parseable HTML")
    meta = read_meta(page.tree, document.url)
    prune_inline_cards(page.tree)
    join_drop_caps(page.tree)
    drop_templates(page.tree)
    units = expand_units(page.tree, main_units(page.tree))
    units, removed = strip_structure(units, meta.title)
    warnings = []
    if page.too_deep:
        warnings.append(
            "page nested too deep: the parser dropped what lies below its depth limit "
            "(about 255 elements), even with layout wrappers flattened"
        )
    if page.truncated:
        warnings.append("page truncated: larger than the size bound, its tail was not read")
    if len(units) > MAX_UNITS:
        units = units[:MAX_UNITS]
        warnings.append(f"article cut after {MAX_UNITS} paragraphs: longer than any news story")
    parts = separate_furniture([u.text for u in units], sweep_tail=False)
    parts.furniture[:0] = removed
    reason = no_article_reason(page.tree, document.url, parts.paragraphs, meta)
    if reason is not None:
        parts = StoryParts(furniture=parts.furniture)
        warnings.append(f"no article found: {reason}")
    return _with_meta(document, parts, meta, warnings)


def _with_meta(document: Document, parts: StoryParts, meta: PageMeta, warnings: list[str]) -> Story:
    """The Story, with each field from the best signal: the visible text first, then the page."""
    if not parts.authors and meta.authors:
        parts.authors.extend(meta.authors)
    parts.original_source = _outlet_name(parts.original_source) or meta.original_source
    if parts.original_source and parts.original_source == (parts.publisher or meta.publisher):
        parts.original_source = None
    parts.publisher = meta.publisher or parts.publisher
    body_sample = " ".join(parts.paragraphs)[:LANGUAGE_SAMPLE_CHARS]
    language = (
        detect_language(body_sample, default=meta.language or "en")
        if body_sample
        else meta.language
    )
    story = assemble_story(document, meta.title, parts, language=language)
    own_warnings = [w for w in story.warnings if not w.startswith("no article found")]
    return replace(
        story,
        url=story.url or meta.url,
        published=meta.published or story.published,
        warnings=tuple(own_warnings + warnings) if parts.paragraphs or warnings else story.warnings,
    )


def _outlet_name(name: str | None) -> str | None:
    """An outlet's name as a credit line gave it, without the sentence that ran on after it
    ("Futurism. Read the original article.")."""
    if not name:
        return None
    return re.split(r"(?<=\w\w)\.\s", name)[0].strip() or None


def _empty(document: Document, reason: str) -> Story:
    story = assemble_story(document, None, StoryParts())
    return replace(story, warnings=(reason,))


__all__ = ["extract_html"]
