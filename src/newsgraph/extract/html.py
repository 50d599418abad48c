"""HTML extraction: the article's text and metadata from a web page.

trafilatura finds the main text and the page's own metadata; the same furniture remover as
for scraped text then takes out what it left in (teasers, disclaimers, boilerplate).
"""

from __future__ import annotations

import trafilatura

from newsgraph.extract.credits import parse_byline
from newsgraph.extract.text import assemble_story, separate_furniture, split_units
from newsgraph.model import Document, Story


def extract_html(document: Document) -> Story:
    """Build a Story from an HTML page."""
    result = trafilatura.bare_extraction(
        document.content,
        url=document.url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
    )
    text = (result.text if result is not None else "") or ""
    units = split_units(text.replace("\n", "\n\n"))
    parts = separate_furniture(units)
    if result is not None:
        if result.author and not parts.authors:
            byline = parse_byline(f"By {result.author.replace(';', ',')}")
            if byline is not None:
                parts.authors.extend(byline.authors)
                parts.original_source = parts.original_source or byline.agency
        parts.publisher = parts.publisher or result.sitename or None
    story = assemble_story(
        document,
        title=(result.title if result is not None else None) or None,
        parts=parts,
    )
    if result is not None and result.date and story.published is None:
        from dataclasses import replace

        story = replace(story, published=result.date)
    return story


__all__ = ["extract_html"]
