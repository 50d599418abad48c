"""News-specific repair of the units a main-text finder returns, by the units' structure.

The finder hands back the article's container, which on news sites also holds the headline
and standfirst, "more stories" lists and link rows. These rules take them out by shape (an
`h1` above the first paragraph, a list whose items are all links); the furniture remover
shared with text mode then judges what is left line by line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsgraph.extract.html_body import Unit
from newsgraph.model import Furniture

_WORD = re.compile(r"\w+")
# A list or paragraph this much made of links is a list of other pages, not story text.
LINK_LIST_SHARE = 0.7
LINK_PARAGRAPH_SHARE = 0.85


def strip_structure(units: Sequence[Unit], title: str | None) -> tuple[list[Unit], list[Furniture]]:
    """Units left after the headline block and link blocks are taken out, and what went."""
    removed: list[Furniture] = []
    kept = _drop_headline_block(units, title, removed)
    kept = _drop_link_blocks(kept, removed)
    return kept, removed


def _drop_headline_block(
    units: Sequence[Unit], title: str | None, removed: list[Furniture]
) -> list[Unit]:
    """The headline (h1 or the page title) and the standfirst heading under it, at the top.

    Only above the first paragraph of prose: further down, a heading is a subheading.
    """
    kept: list[Unit] = []
    title_words = _words(title or "")
    started = False
    after_headline = False
    for unit in units:
        if not started and unit.kind.startswith("h"):
            is_headline = unit.kind == "h1" or (
                title_words and _similar(_words(unit.text), title_words)
            )
            if is_headline or (after_headline and unit.kind == "h2"):
                removed.append(Furniture(text=unit.text, kind="other"))
                after_headline = True
                continue
        elif not started and title_words and _similar(_words(unit.text), title_words):
            removed.append(Furniture(text=unit.text, kind="other"))
            continue
        if unit.kind == "p" and len(unit.text.split()) >= 8:
            started = True
        after_headline = False
        kept.append(unit)
    return kept


def _drop_link_blocks(units: Sequence[Unit], removed: list[Furniture]) -> list[Unit]:
    """Lists made of links and paragraphs that are one link: pointers to other pages."""
    groups: dict[int, list[Unit]] = {}
    for unit in units:
        if unit.kind == "item" and unit.group:
            groups.setdefault(unit.group, []).append(unit)
    link_lists = {
        group
        for group, items in groups.items()
        if sum(len(u.text) * u.link_share for u in items) / max(1, sum(len(u.text) for u in items))
        >= LINK_LIST_SHARE
    }
    kept: list[Unit] = []
    for unit in units:
        if (
            unit.group in link_lists
            and unit.kind == "item"
            or unit.kind != "item"
            and unit.link_share >= LINK_PARAGRAPH_SHARE
            and len(unit.text.split()) <= 20
        ):
            removed.append(Furniture(text=unit.text, kind="teaser"))
        else:
            kept.append(unit)
    return kept


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def _similar(words: list[str], title_words: list[str]) -> bool:
    """Same headline: one's words almost all in the other (sites append "| Site Name")."""
    if not words or not title_words:
        return False
    shorter, longer = sorted((words, title_words), key=len)
    if len(shorter) < 3 and shorter != longer:
        return False
    longer_set = set(longer)
    return (
        sum(1 for w in shorter if w in longer_set) / len(shorter) >= 0.9
        and len(shorter) / len(longer) >= 0.5
    )


__all__ = ["LINK_LIST_SHARE", "LINK_PARAGRAPH_SHARE", "strip_structure"]
