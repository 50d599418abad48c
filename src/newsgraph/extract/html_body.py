"""The article body of a parsed page, as units (paragraphs, subheadings, list items).

trafilatura's main-text finder locates the article; its fallback stage (a readability port
and jusText) runs only where the finder alone finds too little: run on every page it costs
half the time and, on news pages, adds more junk than text (whole teaser posts, the story
printed three times with image URLs), while on a page the finder fails on it is the rescue.
What it hands back keeps the structure the repair (`html_repair`) judges units by: the
element kind (paragraph, heading and its level, list item, quote) and which list an item
belongs to; how much of a unit is links is measured on the page itself.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, replace

import lxml.html
from lxml import etree
from trafilatura import bare_extraction

_HEAD_CHARS = 12
# Only list items and paragraphs up to this long are judged by their links (`html_repair`):
# a longer paragraph with links in it is prose that cites its sources.
LINK_CHECKED_MAX_WORDS = 20
# Element kinds in trafilatura's output that are containers of units, not units.
_CONTAINERS = frozenset({"list", "quote", "div", "table", "row"})


@dataclass(frozen=True, slots=True)
class Unit:
    """One block of the article: its text, its element kind and how much of it is links.

    `kind` is "p", "h1".."h6", "item", "quote", "cell"; `link_share` is the share of the
    text's characters inside links; `group` is the same number for the items of one list
    (0 outside lists).
    """

    text: str
    kind: str
    link_share: float
    group: int


# Group numbers tie the items of one list together; drawn from one counter so no two lists,
# from the finder or from `html_expand`, ever share one (object ids can be reused).
_GROUPS = itertools.count(1)


def new_group() -> int:
    """A group number no other list has."""
    return next(_GROUPS)


# Below this many characters the fast finder is taken to have failed on the page, and
# trafilatura's whole cascade runs as it does for `extract`: its own finder again, then the
# readability port and jusText, and what finds most text wins.
FALLBACK_BELOW_CHARS = 500


def main_units(tree: lxml.html.HtmlElement) -> list[Unit]:
    """The article's units, in order, as the main-text finder sees them.

    trafilatura's finder runs alone first (`fast`, in its recall mode); on most pages that is
    the article, and the fallback's two extra extractors would only cost time and add
    teasers. Where it finds too little (a page laid out in ways the finder's rules do not
    know), the full cascade runs, with its fallback, in the balanced mode `extract` uses.
    """
    units = _finder_units(tree, fast=True, favor_recall=True)
    if sum(len(u.text) for u in units) >= FALLBACK_BELOW_CHARS:
        return _with_link_shares(tree, units)
    rescued = _finder_units(tree, fast=False, favor_recall=False)
    if sum(len(u.text) for u in rescued) > sum(len(u.text) for u in units):
        units = rescued
    return _with_link_shares(tree, units)


def _finder_units(tree: lxml.html.HtmlElement, *, fast: bool, favor_recall: bool) -> list[Unit]:
    result = bare_extraction(
        tree,
        url=None,  # links are only measured, never followed: no need to resolve them
        fast=fast,
        favor_recall=favor_recall,
        include_comments=False,
        include_tables=True,
        include_links=False,
        with_metadata=False,
    )
    if result is None or isinstance(result, dict) or result.body is None:
        return []
    units: list[Unit] = []
    _collect(result.body, units, group=0)
    return units


def _with_link_shares(tree: lxml.html.HtmlElement, units: list[Unit]) -> list[Unit]:
    """Each unit's link share, read off the page element with the same text.

    Asking the finder to keep links changes what it finds (its link-density tests then see
    them), so it runs without and the links are measured here instead.
    """
    checked = [u for u in units if u.kind == "item" or (u.kind == "p" and _is_short(u.text))]
    wanted = {u.text for u in checked}
    tags = {"li", "dd", "dt"} if any(u.kind == "item" for u in checked) else set()
    tags |= {"p"} if any(u.kind == "p" for u in checked) else set()
    if not tags:
        return units
    heads = {text[:_HEAD_CHARS] for text in wanted}
    shares: dict[str, float] = {}
    for element in tree.iter(*tags):
        head = _head(element)
        if head is not None and head not in heads:
            continue  # cheap refusal: most page blocks are not in the article
        text = " ".join("".join(element.itertext()).split())
        if text in wanted and text not in shares:
            linked = sum(len(" ".join("".join(a.itertext()).split())) for a in element.iter("a"))
            shares[text] = min(1.0, linked / max(1, len(text)))
    return [replace(u, link_share=shares.get(u.text, 0.0)) for u in units]


def _is_short(text: str) -> bool:
    return len(text.split()) <= LINK_CHECKED_MAX_WORDS


def _head(element: etree._Element) -> str | None:
    """The first characters of the element's normalised text, or None where its first text
    node is too short to tell them without joining the rest."""
    own = element.text
    if own is not None and len(own) >= 2 * _HEAD_CHARS:
        normalised = " ".join(own[: 4 * _HEAD_CHARS].split())
        if len(normalised) >= _HEAD_CHARS:
            return normalised[:_HEAD_CHARS]  # the common case, without walking the children
    for chunk in element.itertext():
        normalised = " ".join(chunk.split())
        if normalised:
            return normalised[:_HEAD_CHARS] if len(normalised) >= _HEAD_CHARS else None
    return ""


def _collect(element: etree._Element, units: list[Unit], group: int) -> None:
    for index, child in enumerate(element):
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag in _CONTAINERS and any(
            isinstance(c.tag, str) and c.tag not in ("ref", "hi", "lb") for c in child
        ):
            _collect(child, units, group=new_group() if tag in ("list", "table") else group)
            continue
        text = " ".join("".join(child.itertext()).split())
        if not text:
            continue
        units.append(Unit(text=text, kind=_kind(child), link_share=0.0, group=group))


def _kind(element: etree._Element) -> str:
    if element.tag == "head":
        rend = element.get("rend") or "h2"
        return rend if rend[:1] == "h" and rend[1:].isdigit() else "h2"
    if element.tag == "item":
        return "item"
    if element.tag in ("quote",):
        return "quote"
    if element.tag == "cell":
        return "cell"
    return "p"


__all__ = ["FALLBACK_BELOW_CHARS", "LINK_CHECKED_MAX_WORDS", "Unit", "main_units", "new_group"]
