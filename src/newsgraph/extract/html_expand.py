"""Recovering article bodies that full-width rows (ads, promos) cut into separate blocks.

Main-text finders pick one container; when a site splits the body into several identical
containers with an ad row between each, they keep the first block only. The repair looks at
where the found paragraphs live on the page: their container's shape (tag and class). Other
containers of exactly that shape close by (under the same ancestor, a few levels up), holding
prose rather than links, are more of the same body, and their paragraphs are added in page
order.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence

import lxml.html
from lxml import etree

from newsgraph.extract.dom import text_of
from newsgraph.extract.html_body import Unit, new_group

_UNIT_TAGS = {"p": "p", "h2": "h2", "h3": "h3", "h4": "h4", "blockquote": "quote", "li": "item"}
_AWAY = frozenset({"aside", "footer", "nav", "form", "figure", "figcaption", "header", "noscript"})
MAX_LEVELS_UP = 4
MIN_ADDED_WORDS = 30
MAX_LINK_SHARE = 0.3

Signature = tuple[str, str]


def expand_units(tree: lxml.html.HtmlElement, units: Sequence[Unit]) -> list[Unit]:
    """The units with the body blocks the finder missed added in page order, if any."""
    texts = {u.text for u in units if u.kind == "p" and len(u.text) >= 40}
    if not texts:
        return list(units)
    found = [p for p in tree.iter("p") if text_of(p) in texts]
    parents = [p.getparent() for p in found if p.getparent() is not None]
    if not parents:
        return list(units)
    signature, _ = Counter(_signature(p) for p in parents).most_common(1)[0]
    if not signature[1]:
        return list(units)  # a bare <div> is no shape: every page is full of them
    homes = [p for p in parents if _signature(p) == signature]
    home = {id(p) for p in homes}
    around = _Around(homes)
    for scope in _ancestors(homes[0], MAX_LEVELS_UP):
        blocks = [
            b
            for b in scope.iter(signature[0])
            if _signature(b) == signature and not _away(b, scope) and not around.nested(b)
        ]
        extra = [b for b in blocks if id(b) not in home]
        if not extra:
            continue
        return _merged(units, blocks, home) if _worth_adding(extra) else list(units)
    return list(units)


class _Around:
    """Which elements sit inside or around the found (home) blocks, in time linear in the
    page. Holds every element it has seen, so their ids stay theirs while it lives."""

    def __init__(self, homes: list[etree._Element]) -> None:
        self._held = list(homes)
        self._homes = {id(h) for h in homes}
        self._above: set[int] = set()
        for home in homes:
            for ancestor in home.iterancestors():
                if id(ancestor) in self._above:
                    break
                self._above.add(id(ancestor))
                self._held.append(ancestor)

    def nested(self, block: etree._Element) -> bool:
        """Inside a home block or around one: not a separate block of the body."""
        if id(block) in self._homes:
            return False
        if id(block) in self._above:
            return True
        return any(id(a) in self._homes for a in block.iterancestors())


def _merged(units: Sequence[Unit], blocks: list[etree._Element], home: set[int]) -> list[Unit]:
    """Found units in place of the first home block; other blocks' units before or after."""
    merged: list[Unit] = []
    placed = False
    for block in blocks:
        if id(block) in home:
            if not placed:
                merged.extend(units)
                placed = True
            continue
        merged.extend(_block_units(block))
    return merged if placed else list(units)


def _worth_adding(blocks: list[etree._Element]) -> bool:
    words = 0
    for block in blocks:
        for unit in _block_units(block):
            if unit.kind == "p" and unit.link_share <= MAX_LINK_SHARE:
                words += len(unit.text.split())
    return words >= MIN_ADDED_WORDS


def _block_units(block: etree._Element) -> Iterator[Unit]:
    groups: dict[etree._Element, int] = {}
    for element in block.iter(*_UNIT_TAGS):
        if _away(element, block) or any(
            isinstance(a.tag, str) and a.tag in _UNIT_TAGS for a in _between(element, block)
        ):
            continue
        text = text_of(element)
        if text:
            linked = sum(len(text_of(a)) for a in element.iter("a"))
            yield Unit(
                text=text,
                kind=_UNIT_TAGS[element.tag],
                link_share=min(1.0, linked / len(text)),
                group=_group_of(element.getparent(), groups) if element.tag == "li" else 0,
            )


def _group_of(parent: etree._Element | None, groups: dict[etree._Element, int]) -> int:
    if parent is None:
        return 0
    if parent not in groups:
        groups[parent] = new_group()
    return groups[parent]


def _between(element: etree._Element, top: etree._Element) -> Iterator[etree._Element]:
    for ancestor in element.iterancestors():
        if ancestor is top:
            return
        yield ancestor


def _away(element: etree._Element, top: etree._Element) -> bool:
    """Inside an aside, figure, footer or the like below `top` (or is one)."""
    nodes = [element, *_between(element, top)]
    return any(isinstance(n.tag, str) and n.tag in _AWAY for n in nodes)


def _ancestors(element: etree._Element, levels: int) -> Iterator[etree._Element]:
    node = element.getparent()
    for _ in range(levels):
        if node is None or node.tag in ("body", "html"):
            return
        yield node
        node = node.getparent()


def _signature(element: etree._Element) -> Signature:
    return (str(element.tag), " ".join(sorted((element.get("class") or "").split())))


__all__ = ["expand_units"]
