"""News-specific repair of the units a main-text finder returns, by the units' structure.

The finder hands back the article's container, which on news sites also holds the headline
and standfirst, "more stories" lists and link rows. These rules take them out by shape (an
`h1` above the first paragraph, a list whose items are all links); the furniture remover
shared with text mode then judges what is left line by line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsgraph.extract.html_body import LINK_CHECKED_MAX_WORDS, Unit
from newsgraph.model import Furniture

_WORD = re.compile(r"\w+")
_URL = re.compile(r"(?:https?://|www\.)\S+")
# A list or paragraph this much made of links is a list of other pages, not story text.
LINK_LIST_SHARE = 0.7
LINK_PARAGRAPH_SHARE = 0.85


# Text of page widgets rather than of stories: buttons, form messages, reprint notices,
# contact lines, CMS shortcodes. Each is a family by form, never a string from one site.
_WIDGET_LINES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "other",
        re.compile(
            r"^(?:print(?: article| this(?: article| story)?)?|order reprints?|reprints?|text size|"
            r"thank you!?|thanks!?|sorry!?|by|close|loading\W*|play video|watch(?: the)? video|"
            r"listen to (?:this )?(?:article|story)|audio|gallery|view gallery|\d+ photos?)$",
            re.IGNORECASE,
        ),
    ),
    (
        "other",
        re.compile(
            r"^.{0,40}\b(?:an error (?:has )?occurred|there was an error|please try again(?: later)?|"
            r"(?:this|the) article has been sent to|javascript is (?:disabled|required))\b.{0,60}$",
            re.IGNORECASE,
        ),
    ),
    (
        "newsletter",
        re.compile(
            r"\bthanks? (?:you )?for (?:signing up|subscribing)\b|\bkeep an eye on your inbox\b|"
            r"\bprocessing your (?:subscription|request)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "credit",
        re.compile(r"^(?:write to|contact|e-?mail|reach) .{1,80}?\S+@\S+\.\w+\W*$", re.IGNORECASE),
    ),
    ("disclaimer", re.compile(r"\bfor your personal,? non-?commercial use only\b", re.IGNORECASE)),
    ("other", re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)),
    # Links to other stories glued into one line, each tagged "[VIDEO]", "[INSIGHT]".
    ("teaser", re.compile(r"(?:\[[A-Z][A-Z ]{2,15}\].{0,200}?){2,}")),
    ("other", re.compile(r"\[/?(?:button|caption|embed|gallery|video|audio|vc_\w+)\b[^\]]*\]")),
    (
        "other",
        re.compile(
            r"^(?:tell us what you think|what do you think\?|have your say)\W*$", re.IGNORECASE
        ),
    ),
)


def strip_structure(units: Sequence[Unit], title: str | None) -> tuple[list[Unit], list[Furniture]]:
    """Units left after the headline block, link blocks and widget text are taken out, and
    what went."""
    removed: list[Furniture] = []
    kept = _drop_headline_block(units, title, removed)
    kept = _drop_link_blocks(kept, removed)
    kept = _drop_widget_text(kept, removed)
    kept = _drop_pull_quotes(kept, removed)
    kept = _drop_leading_code(kept, removed)
    return kept, removed


def widget_kind(text: str) -> str | None:
    """The furniture kind of a page widget's text, or None for anything else.

    >>> widget_kind("Write to Jane Doe at jane.doe@example.com")
    'credit'
    >>> widget_kind("The vote was close.") is None
    True
    """
    for kind, pattern in _WIDGET_LINES:
        if pattern.search(text):
            return kind
    return None


def _drop_widget_text(units: Sequence[Unit], removed: list[Furniture]) -> list[Unit]:
    kept: list[Unit] = []
    for unit in units:
        kind = widget_kind(unit.text) if len(unit.text) < 400 else None
        if kind is None and _mostly_urls(unit.text):
            kind = "other"
        if kind is None:
            kept.append(unit)
        else:
            removed.append(Furniture(text=unit.text, kind=kind))
    return kept


# Script code printed as text: a statement-like run of code (`googletag.cmd.push(function()
# {`, `window.dataLayer = ... || []`) with many of code's own characters.
_CODE = re.compile(
    r"\bfunction\s*\(|=>|\b(?:var|let|const)\s+\w+\s*=|\b(?:window|document|googletag|"
    r"dataLayer)\.\w+|\w+\.push\(|\|\|\s*\[\]|\|\|\s*\{\}"
)
_CODE_CHARS = frozenset("{}()[];=|&<>$\\")
CODE_CHAR_SHARE = 0.06


def looks_like_code(text: str) -> bool:
    """Script text rather than prose.

    >>> looks_like_code("googletag.cmd.push(function() { googletag.display('ad-1'); });")
    True
    >>> looks_like_code("The council (which met on Monday) agreed = a first.")
    False
    """
    if not _CODE.search(text):
        return False
    return sum(1 for c in text if c in _CODE_CHARS) >= CODE_CHAR_SHARE * len(text)


def _drop_leading_code(units: Sequence[Unit], removed: list[Furniture]) -> list[Unit]:
    """Script code at the start of the body (an ad slot's or a tracker's, set as text by the
    page): before the first unit of prose, never further down, where a technical story may
    show code of its own."""
    start = 0
    while start < len(units) and looks_like_code(units[start].text):
        removed.append(Furniture(text=units[start].text, kind="other"))
        start += 1
    return list(units[start:])


# A pull quote is a sentence or two; only units of this many words are compared.
PULL_QUOTE_WORDS = (5, 60)


def _drop_pull_quotes(units: Sequence[Unit], removed: list[Furniture]) -> list[Unit]:
    """Passages repeated in large type (pull quotes): a block quote or heading of a sentence
    or two whose words stand, in the same order, inside a paragraph of the body.

    Only quote- and heading-shaped units are candidates: a short paragraph inside a longer
    one is more often the page's own structure (a lead repeated in a list, a table cell) than
    a pull quote, and dropping those cost F1 on the tune halves. Each candidate is looked up
    in all paragraphs' text at once, so the time stays linear in the body's length.
    """
    keys = [" ".join(_words(u.text)) for u in units]
    candidates = [
        i
        for i, (unit, key) in enumerate(zip(units, keys, strict=True))
        if (unit.kind == "quote" or unit.kind.startswith("h"))
        and PULL_QUOTE_WORDS[0] <= key.count(" ") + 1 <= PULL_QUOTE_WORDS[1]
    ]
    if not candidates:
        return list(units)
    prose = " | ".join(k for u, k in zip(units, keys, strict=True) if u.kind == "p")
    prose = f" {prose} "
    pulled = {i for i in candidates if f" {keys[i]} " in prose}
    for i in sorted(pulled):
        removed.append(Furniture(text=units[i].text, kind="other"))
    return [u for i, u in enumerate(units) if i not in pulled]


def _drop_headline_block(
    units: Sequence[Unit], title: str | None, removed: list[Furniture]
) -> list[Unit]:
    """The headline (h1 or the page title) and the standfirst heading under it, at the top.

    Only above the first paragraph of prose: further down, a heading is a subheading. The
    page's own headline is the story's title, metadata rather than furniture, so it is taken
    out without being recorded; a top `h1` that is not the title (a site name set as a
    heading) and the standfirst are recorded.
    """
    kept: list[Unit] = []
    title_words = _words(title or "")
    started = False
    after_headline = False
    for unit in units:
        words = _words(unit.text)
        if not started and unit.kind.startswith("h"):
            is_title = bool(title_words) and _similar(words, title_words)
            if is_title or unit.kind == "h1" or (after_headline and unit.kind == "h2"):
                if not is_title:
                    removed.append(Furniture(text=unit.text, kind="other"))
                after_headline = True
                continue
        elif _is_the_title(words, title_words):
            # Anywhere: further down the headline comes back as a gallery or share caption.
            continue
        if unit.kind == "p" and (len(unit.text.split()) >= 8 or len(unit.text) >= 50):
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
        in_link_list = unit.kind == "item" and unit.group in link_lists
        # Headings stay: a linked heading is how list articles name each item they review.
        one_link = (
            unit.kind == "p"
            and unit.link_share >= LINK_PARAGRAPH_SHARE
            and len(unit.text.split()) <= LINK_CHECKED_MAX_WORDS
        )
        if in_link_list or one_link:
            removed.append(Furniture(text=unit.text, kind="teaser"))
        else:
            kept.append(unit)
    return kept


def _mostly_urls(text: str) -> bool:
    """A line that is addresses more than words ("Listen: http://… Download: http://…")."""
    urls = _URL.findall(text)
    return len(urls) >= 2 and sum(map(len, urls)) >= 0.5 * len(text)


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def _is_the_title(words: list[str], title_words: list[str]) -> bool:
    """The headline repeated as a paragraph, not a lead that retells it in more words."""
    return bool(title_words) and len(words) <= len(title_words) + 2 and _similar(words, title_words)


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


__all__ = [
    "LINK_LIST_SHARE",
    "LINK_PARAGRAPH_SHARE",
    "looks_like_code",
    "strip_structure",
    "widget_kind",
]
