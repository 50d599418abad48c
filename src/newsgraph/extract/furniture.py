"""Furniture removal: tell a story's own paragraphs from the page furniture mixed into them.

Scraped text carries teaser headlines of other stories, republisher disclaimers, corrections
widgets, agency boilerplate, credit lines and engagement prompts between and after the real
paragraphs. Each line is judged by general signals, never by strings from one page:

1. its form and known families of furniture (a credit line, a "Breaking:" prefix, a
   disclaimer's "has not reviewed", an agency describing itself, a copyright notice);
2. its topic: a headline-shaped line that shares almost no words with the rest of the story is
   a teaser for another story, while one that does is a subheading and stays;
3. its position: once the story has ended (a credit line, a disclaimer, agency boilerplate),
   what follows is furniture unless it reads like the story again.

Never dropped: a true paragraph, even one line long, a one-sentence quote, a subheading.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from newsgraph.extract.agencies import AGENCY_PATTERN
from newsgraph.extract.credits import parse_byline, parse_contributors, parse_date_line

_I = re.IGNORECASE

# Each family: a kind and the patterns that mark a line of it on their own.
_FAMILIES: tuple[tuple[str, tuple[re.Pattern[str], ...]], ...] = (
    (
        "disclaimer",
        (
            re.compile(r"\b(?:has|have) not (?:been )?(?:reviewed|edited|verified|fact-checked)\b"
                       r".{0,60}\b(?:this|story|article|content|staff|publication)\b", _I),
            re.compile(r"\b(?:was|is|has been) (?:provided|supplied|distributed) (?:to us |to [\w ]{1,30} )?by\b"
                       r".{0,80}\b(?:not|no)\b.{0,40}\b(?:edited|reviewed|responsible)\b", _I),
            re.compile(r"\bpublished (?:here )?as a (?:courtesy|service)\b", _I),
            re.compile(r"^editor'?s? note\s*:.{0,40}\b(?:originally|provided by|republished|syndicated|"
                       r"distributed by|appeared)\b", _I),
            re.compile(r"\bprior to publication\b.*\b(?:bias|standards)\b", _I),
            re.compile(r"\bmay (?:contain|reflect) (?:editorial )?bias\b", _I),
            re.compile(r"\bprovided to (?:our )?readers as a service\b", _I),
            re.compile(r"\b(?:views|opinions) expressed\b.*\b(?:author|necessarily|own)\b", _I),
            re.compile(r"\bdo(?:es)? not necessarily (?:reflect|represent|endorse)\b", _I),
            re.compile(r"^(?:this|the) (?:article|story|post|piece) (?:was |is )?(?:originally |first )"
                       r"(?:appeared|published|ran)\b", _I),
            re.compile(r"\brepublished (?:here )?with permission\b", _I),
            re.compile(r"\b(?:distributed|syndicated) by\b.*\b(?:content|story|agency)\b", _I),
        ),
    ),
    (
        "corrections",
        (
            re.compile(r"\b(?:submit|suggest|send|request) an? correction\b", _I),
            re.compile(r"\b(?:report|spot(?:ted)?|found) an? (?:error|typo|mistake)\b", _I),
            re.compile(r"\bcommitted to (?:truth|accuracy|fairness)(?: and (?:accuracy|fairness))?\b", _I),
            re.compile(r"\bread our (?:editorial standards|corrections policy)\b", _I),
            re.compile(r"^corrections?(?: (?:policy|&|and) .{0,30})?:?$", _I),
            re.compile(r"\bsee something that (?:doesn'?t|does not) look right\b", _I),
            re.compile(r"^(?:this|an earlier version of this) (?:story|article|report) (?:has been|was|"
                       r"is) (?:updated|corrected)\b", _I),
        ),
    ),
    (
        "agency_boilerplate",
        (
            re.compile(rf"^(?:the )?(?:{AGENCY_PATTERN})(?:,[^,]{{3,80}},)? (?:is|was|has been|remains|operates|provides|"
                       r"was founded)\b.*\b(?:news|cooperative|organi[sz]ation|agency|countries|"
                       r"journalism|founded|independent|reporting|stories)\b", _I),
            re.compile(rf"^(?:copyright|©|\(c\))\s*(?:\d{{4}}\s*)?(?:the )?(?:{AGENCY_PATTERN})\b", _I),
            re.compile(r"\bmay not be (?:published|reproduced), broadcast, rewritten,? or redistributed\b", _I),
            re.compile(rf"^(?:the )?(?:{AGENCY_PATTERN}) (?:receives|gets) support from\b", _I),
            re.compile(r"\bsolely responsible for all content\b", _I),
        ),
    ),
    (
        "other",
        (
            re.compile(r"^(?:copyright|©|\(c\))\s*(?:©\s*)?(?:\d{4}|[A-Z])", _I),
            re.compile(r"\ball rights reserved\.?$", _I),
            re.compile(r"^(?:advertisement|sponsored(?: content)?|ad|paid (?:content|post))\.?$", _I),
            re.compile(r"^(?:story|article) continues (?:below|after)\b", _I),
            re.compile(r"^continue reading\b", _I),
            re.compile(r"^(?:comments?|\d+ comments?|leave a (?:comment|reply)|join the (?:conversation|discussion)"
                       r"|view comments|show comments)\b.{0,40}$", _I),
            re.compile(r"^(?:recommended videos?|sponsored (?:links|stories)|promoted (?:links|stories)|"
                       r"from around the web|around the web|paid partner content)\b.{0,30}$", _I),
            re.compile(r"^(?:have a (?:news )?tip|got a (?:news )?tip|contact (?:the (?:author|reporter)|us)|"
                       r"email (?:the (?:author|reporter)|us) at)\b", _I),
            re.compile(r"^(?:write to|contact|email|reach) [A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3} at \S+@\S+", _I),
            re.compile(r"\bfor your personal,? non-?commercial use only\b", _I),
            re.compile(r"\bcommitted to publishing a diversity of letters\b", _I),
            re.compile(r"^(?:listen|watch|download)\s*:\s*https?://\S+$", _I),
            re.compile(r"^\[[^\]]{1,40}\]$"),  # a lone bracketed tag: "[PC World]"
        ),
    ),
    (
        "newsletter",
        (
            re.compile(r"\bsign(?:ing)? up (?:for|to)\b.{0,80}\b(?:newsletter|email|updates|briefing|inbox)\b", _I),
            re.compile(r"\b(?:subscribe|sign up) (?:to|for) (?:our|the) .{0,40}newsletter\b", _I),
            re.compile(r"\b(?:delivered|straight|direct) to your inbox\b", _I),
            re.compile(r"^(?:newsletter|subscribe(?: now| today)?)[:!.]?$", _I),
            re.compile(r"\benter your email\b", _I),
            re.compile(r"^(?:thanks?(?: you)? for (?:signing up|subscribing)|you(?:'re| are) (?:now )?subscribed)\b", _I),
        ),
    ),
    (
        "share",
        (
            re.compile(r"^(?:share|tweet|email|print|pin|whatsapp)(?: (?:this|the) (?:article|story|post))?"
                       r"(?: on| via| to)?(?: (?:facebook|twitter|x|linkedin|whatsapp|email|reddit))*[:.!]?$", _I),
            re.compile(r"^(?:share|click) (?:this|to share|on)\b.{0,60}$", _I),
            re.compile(r"^(?:follow|like) us on\b", _I),
            re.compile(r"^follow [\w'’ ]{1,40} (?:full )?coverage of\b.{0,120}$", _I),
            re.compile(r"^(?:like this|loading)\s*(?::|\.\.\.|…)", _I),
            re.compile(r"^click to (?:share|email|print)\b", _I),
            re.compile(r"^(?:facebook|twitter|linkedin|whatsapp|email|reddit|pinterest)"
                       r"(?:\s*[|·•,]?\s*(?:facebook|twitter|linkedin|whatsapp|email|reddit|pinterest|x))+$", _I),
        ),
    ),
    (
        "caption",
        (
            re.compile(r"\((?:AP|AFP|Reuters|Getty|EPA)[ /]?(?:Photo|Images|Pool)\b[^)]*\)\s*$"),
            re.compile(r"^(?:photo|image|picture|photograph|video)(?: credit)?\s*:", _I),
            re.compile(r"^FILE\s*[-—–]\s*(?:In this|This)\b"),
            re.compile(r"^(?:image|photo) (?:copyright|source)\b", _I),
            re.compile(r"^(?:image|photo|slide|picture) \d+ (?:of|/) \d+\b", _I),
            re.compile(r"^(?:image|photo|video|gallery)$", _I),
        ),
    ),
    (
        "navigation",
        (
            re.compile(r"^(?:skip to (?:main )?content|back to top|main menu|menu|search|log ?in|sign in|"
                       r"home|previous|next)$", _I),
            # "Next: ...", "Previous article ...", never a sentence that starts "Next steps ...".
            re.compile(r"^(?:previous|next|prev)(?:\s*(?:[:»›>]|$)| (?:article|story|post|page)\b)", _I),
            re.compile(r"^home\s*[>›»/|]", _I),
            re.compile(r"^(?:tags|topics|filed under|categories|posted in|more on)\s*:", _I),
            re.compile(r"^(?:tags|topics|categories|related topics)$", _I),
            re.compile(r"^click here\b.{0,60}$", _I),
        ),
    ),
)

# Every pattern above not tied to the line's start needs one of these words: a line with none
# of them (most story paragraphs) is tried against the anchored patterns only, which fail at
# once, instead of being scanned two dozen times. `test_furniture` checks the gate lets
# through every line any unanchored pattern matches.
_GATE_WORDS = (
    "has not", "have not", "provided", "supplied", "distributed", "courtesy", "as a service",
    "prior to publication", "bias", "expressed", "necessarily", "republished", "syndicated",
    "correction", "error", "typo", "mistake", "committed to", "read our", "look right",
    "may not be", "solely responsible", "rights reserved", "commercial", "diversity of letters",
    "sign up", "signing up", "subscribe", "inbox", "enter your email",
    "(ap", "(afp", "(reuters", "(getty", "(epa",
)  # fmt: skip


def _gate(line: str) -> bool:
    """Whether the line has a word some unanchored pattern needs (substring tests in C: a
    regex alternation of these costs more than the patterns it spares)."""
    lowered = line.lower()
    return any(word in lowered for word in _GATE_WORDS)


_ANCHORED = {
    kind: tuple(p for p in patterns if p.pattern.startswith("^")) for kind, patterns in _FAMILIES
}

# "Breaking:", "Related:", "READ MORE:" and their kin before another story's headline; alone
# on a line, the same words head a block of such headlines.
_TEASER_LABELS = (
    r"(?:breaking(?: news)?|related(?: stories| articles| coverage| content| posts| links| reading)?|"
    r"read (?:more|also|next)|see also|also read|also see|more|recommended(?: for you| stories| reading)?|"
    r"trending(?: now| stories)?|watch|must read|don'?t miss|popular(?: stories)?|most (?:read|popular|viewed)|"
    r"editor'?s picks?|you (?:may|might) also (?:like|enjoy)|further reading|more (?:from|on) [\w ]{1,30}|"
    r"latest(?: news| stories)?|top stories|more stories|related video|what to read next|in other news)"
)
_TEASER_PREFIX = re.compile(rf"^{_TEASER_LABELS}\s*[:|»>–—-]+\s*(?=\S)", _I)
_TEASER_LABEL = re.compile(rf"^{_TEASER_LABELS}\s*[:|»>–—-]*\s*$", _I)
# Teaser headlines are written long; a short capitalised line between paragraphs is far more
# often the story's own subheading, which must never be dropped.
_MIN_TEASER_WORDS = 7
# Items of the story's own lists (tour dates, numbered picks, Q&A answers) look like short
# unpunctuated lines too; their marker tells them apart from another story's headline.
_LIST_ITEM = re.compile(
    r"^(?:\d{1,3}[.)]\s|\(\w\)\s|[-•*–—·▪●►]\s|[A-Z]:\s|\d{4}[./-]\d{1,2}[./-]\d{1,2}\b|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b\s*(?:[-–—:,@]|$))",
    _I,
)
_DANGLING_ENDS = frozenset(
    ["the", "a", "an", "of", "to", "in", "on", "at", "by", "for", "with", "from", "and", "or", "but", "that", "who", "which", "whose", "as", "than"]
)
# A headline does not open on a pronoun that points back into surrounding text.
_ANAPHORIC_START = re.compile(r"^(?:this|that|these|those|it|he|she|they|we|i|his|her|their|its)\b", _I)
_SENTENCE_END = re.compile(r"[.!?…:;\"”’»)]\s*$")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]+|\d+(?:st|nd|rd|th)?")
_STOPWORDS = frozenset(
    ["a", "an", "the", "and", "or", "but", "if", "of", "in", "on", "at", "to", "for", "from", "by", "with", "about", "as", "into", "over", "after", "before", "between", "under", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do", "does", "did", "will", "would", "can", "could", "should", "may", "might", "must", "shall", "this", "that", "these", "those", "it", "its", "he", "she", "they", "them", "his", "her", "their", "we", "our", "you", "your", "i", "me", "my", "not", "no", "than", "then", "so", "too", "very", "just", "also", "more", "most", "some", "any", "all", "each", "who", "whom", "whose", "which", "what", "when", "where", "why", "how", "there", "here", "out", "up", "down", "off", "again", "once", "s", "t", "can't", "won't", "don't", "isn't", "didn't"]
)

# Kinds after which the story is over: what follows is furniture unless it reads as story.
_STORY_ENDERS = frozenset({"credit", "disclaimer", "corrections", "agency_boilerplate"})


@dataclass(frozen=True, slots=True)
class LineVerdict:
    """What the remover decided about one line: `kind` None means body."""

    text: str
    kind: str | None


def classify_line(text: str) -> str | None:
    """The furniture kind a line is by its form alone, or None if form does not decide.

    >>> classify_line("Submit a Correction →")
    'corrections'
    >>> classify_line("Matthew Lee in Washington contributed to this story.") is None
    False
    >>> classify_line("Officials said the talks would resume.") is None
    True
    """
    stripped = text.strip()
    if parse_contributors(stripped) is not None:
        return "credit"
    if parse_byline(stripped) is not None:
        return "credit"
    if parse_date_line(stripped) is not None:
        return "other"
    gated = not _gate(stripped)
    for kind, patterns in _FAMILIES:
        if any(p.search(stripped) for p in (_ANCHORED[kind] if gated else patterns)):
            return kind
    if _TEASER_LABEL.match(stripped):
        return "teaser"
    prefix = _TEASER_PREFIX.match(stripped)
    # "READ MORE: Can you imagine ...?" is a teaser whatever its punctuation; a prefixed line
    # long enough to be a paragraph is judged as one.
    if prefix and (len(stripped.split()) <= 20 or _is_headline_shaped(stripped[prefix.end() :])):
        return "teaser"
    return None


def judge_lines(lines: Sequence[str], sweep_tail: bool = True) -> list[LineVerdict]:
    """Decide for every line of a scraped story whether it is body or furniture, and which.

    `sweep_tail` takes what follows the story's end (a credit line, a disclaimer) as
    furniture unless it reads as story again: right for scraped text, where a page's tail
    follows the story; in HTML mode the finder has already cut the page's tail, and the sweep
    cost dragnet's tune half 0.039 F1 (blog posts go on after a credit line) and gained no set
    anything, so HTML mode turns it off."""
    kinds: list[str | None] = [classify_line(line) for line in lines]
    vocabulary = _story_vocabulary(lines, kinds)

    for i, line in enumerate(lines):
        # A line the next one carries on from in lower case is a piece of a wrapped sentence.
        continued = i + 1 < len(lines) and lines[i + 1][:1].islower()
        if kinds[i] is None and not continued and _is_teaser(line, vocabulary):
            kinds[i] = "teaser"
    _extend_teaser_blocks(lines, kinds, vocabulary)

    if sweep_tail:
        _sweep_story_tail(lines, kinds, vocabulary)
    return [LineVerdict(text=line, kind=kind) for line, kind in zip(lines, kinds, strict=True)]


def content_words(text: str) -> set[str]:
    """Lower-cased words that carry topic: no stopwords, no short words, no trailing 's."""
    words = set(map(_content_word, _WORD.findall(text)))
    words.discard("")
    return words


@lru_cache(maxsize=1 << 16)
def _content_word(word: str) -> str:
    """One word's topical form, or "" for a word that carries no topic (memoised: words recur)."""
    word = word.lower().removesuffix("'s").removesuffix("’s")
    if len(word) >= 3 and word not in _STOPWORDS:
        return word[:-1] if len(word) > 4 and word.endswith("s") else word
    return ""


def topical_overlap(line: str, vocabulary: dict[str, int], *, counted: bool = True) -> float:
    """Share of a line's content words that the rest of the story also uses.

    `counted` says whether the line itself is in `vocabulary`, so it is not its own witness.
    """
    words = content_words(line)
    if not words:
        return 0.0
    own = 1 if counted else 0
    return sum(1 for w in words if vocabulary.get(w, 0) > own) / len(words)


def _story_vocabulary(lines: Sequence[str], kinds: Sequence[str | None]) -> dict[str, int]:
    """How many body lines use each content word (furniture already known is left out)."""
    counts: dict[str, int] = {}
    for line, kind in zip(lines, kinds, strict=True):
        if kind is None:
            for word in content_words(line):
                counts[word] = counts.get(word, 0) + 1
    return counts


def _is_teaser(line: str, vocabulary: dict[str, int]) -> bool:
    """A long headline-shaped line about something the story never mentions."""
    stripped = line.strip()
    # A Title Case headline may end on a quoted phrase: "... Trump 'Reeks of Fear.'"
    quoted_headline = _is_headline_shaped(stripped) and stripped[-1:] in "'’\"”"
    if _ends_sentence(stripped) and not quoted_headline:
        return False
    if not stripped[:1].isupper() and not stripped[:1].isdigit():
        return False
    if _LIST_ITEM.match(stripped) or _ANAPHORIC_START.match(stripped):
        return False
    if stripped.split()[-1].lower() in _DANGLING_ENDS:
        return False  # "... who in 2008 won the": a wrapped piece of a sentence
    if len(stripped.split()) < _MIN_TEASER_WORDS or len(stripped.split()) > 25:
        return False
    overlap = topical_overlap(stripped, vocabulary)
    words = stripped.split()
    if _is_headline_shaped(stripped) and (words[-1][:1].isupper() or words[-1][:1].isdigit()):
        return overlap < 0.34  # Title Case Ends On A Capital: the headline's own form
    # A sentence-case headline of another story names someone or something the story never
    # does; without a name it is as likely to be a line of the story's own.
    names = [w for w in words[1:] if w[:1].isupper()]
    if not names:
        return False  # no name to tell another story by: keeping a true line matters more
    # Names the story never uses ("Santa Rosa" in a story about Washington) mark another story.
    unknown = all(vocabulary.get(w, 0) <= 1 for w in content_words(" ".join(names)))
    return overlap < (0.34 if unknown else 0.2)


def _extend_teaser_blocks(lines: Sequence[str], kinds: list[str | None], vocabulary: dict[str, int]) -> None:
    """Headlines listed under a teaser ("Related Articles") are teasers until the story resumes.

    A line that shares the story's topic ends the block: it is a subheading of the story.
    """
    in_block = False
    for i, line in enumerate(lines):
        if kinds[i] == "teaser":
            in_block = True
        elif (
            in_block
            and kinds[i] is None
            and not _ends_sentence(line)
            and not _LIST_ITEM.match(line)
            and len(line.split()) <= 25
            and _off_topic(line, vocabulary)
        ):
            kinds[i] = "teaser"
        else:
            in_block = False


def _off_topic(line: str, vocabulary: dict[str, int]) -> bool:
    """A short line must share nothing with the story; a longer one may share a little."""
    overlap = topical_overlap(line, vocabulary)
    return overlap == 0 if len(line.split()) < _MIN_TEASER_WORDS else overlap < 0.34


def _sweep_story_tail(lines: Sequence[str], kinds: list[str | None], vocabulary: dict[str, int]) -> None:
    """After the story's end, leftover lines that do not read as the story are furniture.

    A short heading ("Truth and Accuracy") belongs to the widget that follows it; prose and
    stray fragments ("New York City") belong to the furniture before them.
    """
    # The story ends at the first ender that is not followed by more of the story (a
    # disclaimer on top or a credit between sections is followed by story paragraphs).
    start, later_body = None, []
    for ender in (i for i, kind in enumerate(kinds) if kind in _STORY_ENDERS):
        later_body = [
            i for i in range(ender + 1, len(lines))
            if kinds[i] is None and _reads_as_story(lines[i], vocabulary)
        ]
        if len(later_body) < 2:
            start = ender
            break
    if start is None:
        return
    for i in range(start + 1, len(lines)):
        if kinds[i] is not None or i in later_body:
            continue
        following = next((kinds[j] for j in range(i + 1, len(lines)) if kinds[j] is not None), None)
        preceding = next((kinds[j] for j in range(i - 1, -1, -1) if kinds[j] is not None), "other")
        if _is_headline_shaped(lines[i]) and not _ends_sentence(lines[i]) and following:
            kinds[i] = following
        else:
            kinds[i] = preceding


def _reads_as_story(line: str, vocabulary: dict[str, int]) -> bool:
    words = content_words(line)
    return len(words) >= 4 and topical_overlap(line, vocabulary) >= 0.2


def _ends_sentence(text: str) -> bool:
    return bool(_SENTENCE_END.search(text.strip()))


def _is_headline_shaped(text: str) -> bool:
    """Short, unpunctuated at the end, and mostly capitalised words (title case)."""
    words = [w for w in text.split() if any(c.isalpha() for c in w)]
    if not 1 <= len(words) <= 25:
        return False
    long_words = [w for w in words if len(w.strip("\"'“”‘’(),:")) > 3]
    if not long_words:
        return True
    capitalised = sum(1 for w in long_words if w.lstrip("\"'“‘(")[:1].isupper())
    return capitalised / len(long_words) >= 0.6


__all__ = ["LineVerdict", "classify_line", "content_words", "judge_lines", "topical_overlap"]
