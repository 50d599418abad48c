"""Text-mode extraction: a page a scraper already turned into text, furniture and all.

The text is cut into units (a line, or a hard-wrapped paragraph joined back together), the
headline is taken off the top, every unit is judged body or furniture, and the metadata that
furniture carries (contributors, byline, republisher, original agency) is kept on the Story.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from newsgraph.extract.agencies import agencies_in, normalise_agency
from newsgraph.extract.credits import (
    original_from_disclaimer,
    parse_byline,
    parse_contributors,
    parse_date_line,
    parse_dateline,
    publisher_from_disclaimer,
)
from newsgraph.extract.furniture import LineVerdict, classify_line, judge_lines
from newsgraph.extract.language import detect_language
from newsgraph.extract.line_model import load_model
from newsgraph.model import Contributor, Dateline, Document, Furniture, Story, story_id

_SENTENCE_END = re.compile(r"[.!?…:;\"”’»)]$")


@dataclass(slots=True)
class StoryParts:
    """What the text says about itself, gathered while its furniture is removed."""

    paragraphs: list[str] = field(default_factory=list)
    furniture: list[Furniture] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    contributors: list[Contributor] = field(default_factory=list)
    publisher: str | None = None
    original_source: str | None = None
    dateline: Dateline | None = None
    published: str | None = None
    published_is_update: bool = False


@dataclass(frozen=True, slots=True)
class Unit:
    """One line to judge (a hard-wrapped paragraph counts as one), as written, with its block."""

    raw: str  # as in the input, inner and trailing spaces kept
    block: int

    @property
    def flat(self) -> str:
        return " ".join(line.strip() for line in self.raw.split("\n")).strip()


def extract_text(document: Document, learned: bool = False) -> Story:
    """Build a Story from scraped text.

    >>> doc = Document(content="Harbour reopens\\n\\nBELFAST (AP) — The harbour reopened.", kind="text")
    >>> story = extract_text(doc)
    >>> story.title, story.body, story.original_source
    ('Harbour reopens', 'BELFAST (AP) — The harbour reopened.', 'The Associated Press')
    """
    units = split_units(document.content)
    title = None
    deck: list[Furniture] = []
    if len(units) > 1 and _is_title_and_subhead(units):
        # "Candidates vie for vets' support;⏎Trump and Clinton point out ...": one block.
        title = units[0].flat.rstrip(" ;")
        deck.append(Furniture(text=units[1].flat, kind="other"))
        units = units[2:]
    elif len(units) > 1 and (_is_title(units[0].flat) or _is_stopped_title(units)):
        title, units = units[0].flat, units[1:]
        while len(units) > 1 and _is_deck(units[0].flat, units[1].flat):
            deck.append(Furniture(text=units[0].flat, kind="other"))
            units = units[1:]
    parts = separate_furniture(
        [u.flat for u in units], [u.raw for u in units], [u.block for u in units], learned=learned
    )
    parts.furniture[:0] = deck
    return assemble_story(document, title, parts)


def split_units(text: str) -> list[Unit]:
    """The lines of a text to judge one by one, each with the blank-line block it stands in.

    Only the whitespace at the ends of lines goes: a paragraph's own text (double spaces,
    no-break spaces, the line breaks of a hard-wrapped paragraph) is kept as written, so the
    story's paragraphs can be found again, unchanged, in the input.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    units: list[Unit] = []
    for number, block in enumerate(re.split(r"\n[^\S\n]*\n", text)):
        raw_lines = [line for line in block.split("\n") if line.strip()]
        if not raw_lines:
            continue
        if _is_hard_wrapped([line.strip() for line in raw_lines]):
            units.append(Unit("\n".join(raw_lines), number))
        else:
            units.extend(Unit(line, number) for line in raw_lines)
    return units


def separate_furniture(
    units: Sequence[str],
    originals: Sequence[str] | None = None,
    blocks: Sequence[int] | None = None,
    learned: bool = False,
    sweep_tail: bool = True,
) -> StoryParts:
    """Judge every unit and collect the body, the furniture and the metadata it carries.

    `originals` is each unit as written (where judging used a flattened form), and `blocks`
    the input block of each unit: story lines that stood in one block stay one paragraph.
    With `learned`, the line model trained on real pages (`line_model`) judges again the
    lines the rules let through.
    """
    originals = originals or units
    parts = StoryParts()
    last_block: int | None = None
    verdicts = judge_lines(units, sweep_tail=sweep_tail)
    if learned:
        verdicts = _learned_verdicts(units, verdicts)
    for index, verdict in enumerate(verdicts):
        block = blocks[index] if blocks is not None else index
        if verdict.kind is None:
            if parts.paragraphs and block == last_block:
                parts.paragraphs[-1] += "\n" + originals[index]
            else:
                parts.paragraphs.append(originals[index].lstrip())
            last_block = block
            continue
        last_block = None  # furniture between two lines of a block splits the paragraph
        parts.furniture.append(Furniture(text=verdict.text, kind=verdict.kind))
        _read_furniture(verdict.text, verdict.kind, parts)
    parts.paragraphs = [paragraph.rstrip() for paragraph in parts.paragraphs]
    if parts.paragraphs:
        parts.dateline = parse_dateline(parts.paragraphs[0])
    _settle_sources(parts)
    return parts


def _learned_verdicts(units: Sequence[str], verdicts: list[LineVerdict]) -> list[LineVerdict]:
    """The rules' verdicts, with the lines they let through judged again by the line model:
    it only takes lines out, never puts back what a rule removed (a rule's teaser or
    disclaimer is a judgement of form the model has seen too few of to overrule)."""
    model = load_model()
    if model is None:
        return verdicts
    judged: list[LineVerdict] = []
    for index, verdict in enumerate(verdicts):
        if verdict.kind is None and model.is_furniture(units, index, None):
            verdict = LineVerdict(text=verdict.text, kind="other")
        judged.append(verdict)
    return judged


def assemble_story(
    document: Document, title: str | None, parts: StoryParts, language: str | None = None
) -> Story:
    """The Story from what extraction found; `language` is detected from the body unless given."""
    body = "\n\n".join(parts.paragraphs)
    origin = document.url or document.source_path or document.source_id
    warnings = [] if body else ["no article found: no paragraph of the input reads as story text"]
    return Story(
        id=story_id(origin, body),
        body=body,
        url=document.url,
        source_path=document.source_path,
        source_id=document.source_id,
        title=title,
        authors=tuple(dict.fromkeys(parts.authors)),
        contributors=tuple(parts.contributors),
        published=parts.published,  # a fetch date is not a publication date: say nothing
        publisher=parts.publisher,
        original_source=parts.original_source,
        dateline=parts.dateline,
        language=language or detect_language(body or (title or "")),
        furniture=tuple(parts.furniture),
        warnings=tuple(warnings),
    )


def _read_furniture(text: str, kind: str, parts: StoryParts) -> None:
    if kind == "credit":
        byline = parse_byline(text)
        if byline is not None:
            parts.authors.extend(byline.authors)
            parts.original_source = parts.original_source or byline.agency
        parts.contributors.extend(parse_contributors(text) or [])
    elif kind == "disclaimer":
        parts.publisher = parts.publisher or publisher_from_disclaimer(text)
        parts.original_source = parts.original_source or original_from_disclaimer(text, parts.publisher)
    elif kind == "agency_boilerplate" and parts.original_source is None:
        found = agencies_in(text)
        parts.original_source = found[0] if found else None
    elif kind == "other":
        stated = parse_date_line(text)
        # The original publication date, not a later update, is the story's date.
        if stated is not None and (parts.published is None or (parts.published_is_update and not stated.updated)):
            parts.published, parts.published_is_update = stated.date, stated.updated


def _settle_sources(parts: StoryParts) -> None:
    """The dateline's agency is the strongest word on who wrote the story."""
    if parts.dateline and parts.dateline.agency:
        parts.original_source = normalise_agency(parts.dateline.agency) or parts.original_source
    if parts.original_source and parts.original_source == parts.publisher:
        parts.original_source = None


def _is_title(unit: str) -> bool:
    words = unit.split()
    return (
        1 <= len(words) <= 25
        and not _SENTENCE_END.search(unit)
        and parse_dateline(unit) is None
        and classify_line(unit) is None
    )


# A headline is one short sentence; some scrapers and corpora end it with a full stop.
MAX_HEADLINE_WORDS = 25
# Two sentences, not one: a stop after a lower-case word of three letters or more (an
# abbreviation like "N.Y." or "Sen." is no sentence end), then a capital.
_SENTENCE_BREAK = re.compile(r"\b[a-z]{3,}[.!?][\"”’']?\s+[A-Z]")
# A one-word label under the headline: "ABSTRACT.", "LETTERS.", "Summary:".
_ABSTRACT_LABEL = re.compile(r"^[^\W\d_]{3,20}[.:]$")


def _is_stopped_title(units: Sequence[Unit]) -> bool:
    """A headline ending with a full stop: alone in its block, one short sentence, and followed
    by what a story starts with: a dateline, a summary label, or a longer paragraph."""
    first, second = units[0], units[1]
    text, following = first.flat, second.flat
    words = text.split()
    if not (3 <= len(words) <= MAX_HEADLINE_WORDS) or first.block == second.block:
        return False
    if not text.endswith((".", "?", "!", ".’", ".'", '."', ".”")) or text.endswith("..."):
        return False
    if parse_dateline(text) is not None or classify_line(text) is not None:
        return False
    if _SENTENCE_BREAK.search(text.rstrip(".’'\"” ")):
        return False
    return (
        parse_dateline(following) is not None
        or _ABSTRACT_LABEL.match(following) is not None
        or len(following.split()) > len(words)
    )


def _is_title_and_subhead(units: Sequence[Unit]) -> bool:
    """A first block of two short lines, the first ending with a semicolon: headline and
    subhead set as one block."""
    first, second = units[0], units[1]
    if first.block != second.block or (len(units) > 2 and units[2].block == first.block):
        return False
    return (
        first.flat.endswith(";")
        and 2 <= len(first.flat.split()) <= MAX_HEADLINE_WORDS
        and len(second.flat.split()) <= 2 * MAX_HEADLINE_WORDS
    )


def _is_deck(line: str, following: str) -> bool:
    """A line under the headline that is no story text yet: a summary label ("ABSTRACT."), or
    a short headline-shaped subhead (no sentence end) before the story's first paragraph."""
    if _ABSTRACT_LABEL.match(line):
        return True
    words = line.split()
    return (
        2 <= len(words) <= MAX_HEADLINE_WORDS
        and not _SENTENCE_END.search(line)
        and parse_dateline(line) is None
        and classify_line(line) is None
        and len(following.split()) > len(words)
    )


def _is_hard_wrapped(lines: Sequence[str]) -> bool:
    """A block whose lines break mid-sentence at a similar width is one wrapped paragraph."""
    if len(lines) < 2:
        return False
    inner = lines[:-1]
    open_ended = sum(1 for line in inner if not _SENTENCE_END.search(line))
    # Wrapped text breaks at a terminal's width; a 400-character line was never wrapped.
    wrapped_width = sum(1 for line in inner if 40 <= len(line) <= 120)
    return open_ended / len(inner) >= 0.5 and wrapped_width / len(inner) >= 0.8


__all__ = ["StoryParts", "Unit", "assemble_story", "extract_text", "separate_furniture", "split_units"]
