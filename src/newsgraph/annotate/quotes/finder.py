"""Who said what: direct, mixed and indirect quotations with their cue, source and speaker.

`find_quotes` reads a story the way PolNeAR's annotators do (see the data's README): an
attribution is a content (what was said or thought), a cue (the words that report it) and a
source (who), each token belongs to at most one attribution, and attributions do not nest.

1. Every reporting verb outside quotation marks proposes an attribution; outer verbs come
   first, so "X said Y told him Z" is one attribution of X's.
2. A content that touches a quotation grows to cover all of it, across sentences and
   paragraphs: "“A. B. C,” said X" is one direct quote.
3. "according to X" is an attribution of its own, or, after a cue that already has a
   source, the outlet that relayed it (`via`).
4. Quotations left over join the attribution just before them ("“A,” she said, “B.”") or
   the cue beside them ("He added: “B.”").

Quotation marks belong to the content; a sentence-final period outside them does not. A
mixed quote's content is its quoted pieces only, the whole paraphrase its `claim`.

>>> from newsgraph.model import Story
>>> story = Story(id="s", body="“We will win,” Anna Berg said.")
>>> [(q.kind, story.text(q.content[0]), story.text(q.source)) for q in find_quotes(story)]
[('direct', '“We will win,”', 'Anna Berg')]
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import ClassVar

from spacy.tokens import Doc, Token

from newsgraph.annotate.base import Annotator
from newsgraph.annotate.entities.nlp import parse
from newsgraph.annotate.quotes.cues import MEDIA
from newsgraph.annotate.quotes.discourse import Discourse
from newsgraph.annotate.quotes.leftovers import attach_leftovers
from newsgraph.annotate.quotes.marks import find_quoted
from newsgraph.annotate.quotes.reading import MIN_CONTENT_WORDS, Draft, Reading, words
from newsgraph.annotate.quotes.relay import outlet_name, relaying_outlet
from newsgraph.annotate.quotes.rules import (
    RAISING,
    RAISING_PASSIVES,
    according_parts,
    content_tokens,
    cue_tokens,
    is_cue,
    raised_parts,
    subject_of,
    subject_tokens,
)
from newsgraph.annotate.quotes.speakers import resolve_speakers, source_name, speaker_names
from newsgraph.annotate.quotes.speech import is_speech
from newsgraph.model import Entity, Quote, Span, Story


def find_quotes(
    story: Story, entities: Sequence[Entity] | None = None, doc: Doc | None = None
) -> tuple[Quote, ...]:
    """Every attribution in `story`, in text order, with speakers among `entities`
    (default: `story.entities`). `doc` is the parse of the body (parsed when not given)."""
    doc = doc if doc is not None else parse(story.body)
    entities = story.entities if entities is None else entities
    reading = _read(doc, find_quoted(story.body))
    _colon_attributions(reading, transcript_only=True)
    _verb_attributions(reading)
    _according_attributions(reading)
    _colon_attributions(reading)
    attach_leftovers(reading)
    sources = {i for d in reading.drafts for i in d.source}
    discourse = Discourse(doc, entities, reading.quoted, sources)
    quotes = [_quote(d, reading, entities, discourse) for d in reading.drafts]
    return tuple(sorted((q for q in quotes if q is not None), key=lambda q: q.content[0]))


def _read(doc: Doc, quoted: list[Span]) -> Reading:
    in_quote = [False] * len(doc)
    ranges = []
    for start, end in quoted:
        span = doc.char_span(start, end, alignment_mode="expand")
        tokens = range(span.start, span.end) if span is not None else range(0)
        ranges.append(tokens)
        for i in tokens:
            in_quote[i] = True
    return Reading(doc, quoted, ranges, in_quote, [False] * len(doc))


def _depth(token: Token) -> int:
    return sum(1 for _ in token.ancestors)


def _verb_attributions(reading: Reading) -> None:
    cues = [t for t in reading.doc if (is_cue(t) or t.lemma_.lower() in RAISING
                                       or t.lemma_.lower() in RAISING_PASSIVES)
            and not reading.in_quote[t.i]]
    for verb in sorted(cues, key=lambda t: (_depth(t), t.i)):
        if reading.claimed[verb.i]:
            continue
        raised = raised_parts(verb)
        if raised is not None:
            _seeming(reading, verb, *raised)
            continue
        if not is_cue(verb):
            continue
        cue = [t.i for t in cue_tokens(verb)]
        subject = subject_of(verb)
        source = [t.i for t in subject_tokens(subject, verb)] if subject is not None else []
        if not reading.shareable(source):
            source = _participle_of(reading, verb) or source
        if not reading.free(cue) or not reading.shareable(source):
            continue
        content = _grow(reading, [t.i for t in content_tokens(verb)], set(cue) | set(source))
        if words(reading.doc, content) < MIN_CONTENT_WORDS:
            reading.idle_cues.append(verb)
            continue
        reading.claim(Draft(content, cue, source, verb, relaying_outlet(verb)))


def _participle_of(reading: Reading, verb: Token) -> list[int]:
    """"Falk said the port would reopen, adding that ...": a participle right after the
    content of a cue (the parser hung it inside that content) shares that cue's source."""
    if verb.tag_ != "VBG" or verb.dep_ not in ("advcl", "xcomp", "conj"):
        return []
    doc = reading.doc
    for draft in reversed(reading.drafts):
        if not draft.content or not draft.source or max(draft.content) >= verb.i:
            continue
        between = doc[max(draft.content) + 1 : verb.i]
        if len(between) <= 2 and all(t.is_punct for t in between) and "\n" not in between.text:
            return list(draft.source)
    return []


def _seeming(reading: Reading, verb: Token, cue_words: list[Token], said: list[Token]) -> None:
    """"Mr. Rubio appeared to be on the upswing": an impression, nobody's words."""
    cue = [t.i for t in cue_words]
    if not reading.free(cue):
        return
    content = _grow(reading, [t.i for t in said], set(cue))
    if words(reading.doc, content) >= MIN_CONTENT_WORDS:
        reading.claim(Draft(content, cue, [], verb))


def _grow(reading: Reading, content: Iterable[int], keep_out: set[int]) -> set[int]:
    """Content tokens that are free, grown to whole quotations, trimmed of edge punctuation.

    Only the quotations that can touch the content are visited (those reaching past its
    first token and starting at most two tokens after its last), so a story's cost stays
    linear in its length rather than cues times quotations."""
    tokens = {i for i in content if not reading.claimed[i] and i not in keep_out}
    if not tokens:
        return _trim(reading, tokens)
    quotes = reading.quote_tokens
    last = max(tokens)
    for at in range(bisect_right(_reach(reading), min(tokens)), len(quotes)):
        quote = quotes[at]
        if quote.start > last + 2:
            break  # quotations are in text order, and no later one can touch the content
        if any(i in keep_out for i in quote) or not quote:
            continue
        if any(i in tokens for i in quote) or _continues(reading, last, quote):
            tokens.update(i for i in quote if not reading.claimed[i])
            last = max(tokens)
    return _trim(reading, tokens)


def _reach(reading: Reading) -> list[int]:
    """For each quotation, the furthest token end of it and every quotation before it."""
    if len(reading.quote_reach) != len(reading.quote_tokens):
        reach = 0
        reading.quote_reach = [reach := max(reach, quote.stop) for quote in reading.quote_tokens]
    return reading.quote_reach


def _continues(reading: Reading, last: int, quote: range) -> bool:
    """A quotation that carries on the reported clause in the same sentence ("said the U.S.
    could intervene “if that's what's required.”"), the parser having hung it elsewhere;
    `last` is the content's last token."""
    if quote.start - last not in (1, 2):
        return False
    doc = reading.doc
    return doc[quote.start].sent.start == doc[last].sent.start and not doc[last].is_punct


def _trim(reading: Reading, tokens: set[int]) -> set[int]:
    doc = reading.doc
    ordered = _without_tail(reading, sorted(tokens))
    while ordered and _edge(doc[ordered[0]], reading):
        ordered.pop(0)
    while ordered and _edge(doc[ordered[-1]], reading):
        ordered.pop()
    return set(ordered)


# Clauses that, set off by a comma or dash at the end of a content, are the writer's
# addition rather than the source's words ("..., who has a big lead", "..., referring to").
# A conjunct is not among them: "said A, but B" reports both (PolNeAR's gold keeps B); nor
# an apposition, which the parser gives to the items of a list ("called for tax fairness,
# the closure of loopholes ...").
_TAIL_DEPS = frozenset({"relcl", "advcl", "acl", "parataxis", "npadvmod"})
_TAIL_MARKS = frozenset({",", "—", "–", "--", ";"})


def _tail(token: Token) -> bool:
    """A clause that may be the writer's addition, or an apposition describing a name
    ("... remarks about Khizr Khan, the father of a slain soldier")."""
    if token.dep_ == "appos":
        return token.head.pos_ == "PROPN" and token.pos_ != "PROPN"
    return token.dep_ in _TAIL_DEPS


def _without_tail(reading: Reading, ordered: list[int]) -> list[int]:
    """Drop a trailing clause set off by punctuation that is not part of what was said."""
    doc = reading.doc
    for i in ordered:
        token = doc[i]
        if not _tail(token) or reading.in_quote[i] or token.i == ordered[0]:
            continue
        edge = token.left_edge.i
        if edge <= ordered[0] or token.right_edge.i < ordered[-1] - 1:
            continue
        before = doc[edge - 1]
        if before.dep_ == "cc" and edge >= 2:
            before = doc[edge - 2]
        if before.text not in _TAIL_MARKS or reading.in_quote[before.i]:
            continue
        if token.dep_ == "appos" and before.text != ",":
            continue  # "drugs — something a caller also told police": still reported
        return [j for j in ordered if j < before.i]
    return ordered


def _edge(token: Token, reading: Reading) -> bool:
    if token.is_space or (token.is_punct and not reading.in_quote[token.i]):
        return True
    # "..., and" left behind when a clause's conjunct is someone else's attribution.
    return token.dep_ == "cc" and not reading.in_quote[token.i] and token.i == token.sent.end - 1


def _according_attributions(reading: Reading) -> None:
    doc = reading.doc
    for token in doc:
        cue, source_head, governor = according_parts(token)
        if source_head is None:
            continue
        source = [t.i for t in subject_tokens(source_head)]
        owner = next((d for d in reading.drafts if governor is not None and d.verb == governor),
                     None)
        if not reading.free(t.i for t in cue):
            owner = _ending_with(reading, token)
            if owner is None:
                continue
        if owner is not None and owner.source and _outlet(source_head):
            # "..., Ryabkov said, according to the Interfax news agency": the agency relayed.
            owner.via = owner.via or outlet_name(source_head) or _phrase(doc, source)
            for i in [*[t.i for t in cue], *source]:
                reading.claimed[i] = True
            continue
        if owner is not None and owner.source:
            # "Most voters said ..., according to the poll": the poll is PolNeAR's source, the
            # whole clause, its cue and speaker included, what the poll says.
            reading.release(owner)
        if not reading.free(source):
            continue
        phrase = {t.i for t in token.subtree} | {t.i for t in cue} | set(source)
        sentence = [t.i for t in token.sent if t.i not in phrase]
        content = _grow(reading, sentence, phrase)
        if words(doc, content) >= MIN_CONTENT_WORDS:
            reading.claim(Draft(content, [t.i for t in cue], source))


def _ending_with(reading: Reading, according: Token) -> Draft | None:
    """The draft whose content ends with the phrase "according to X" ("said the port would
    reopen, according to the agency", the parser having hung the phrase in the clause),
    with the phrase taken out of that content; None when no content ends with it."""
    phrase = {t.i for t in according.subtree}
    holder = next((d for d in reading.drafts if according.i in d.content and d.source), None)
    if holder is None or any(i > max(phrase) and not reading.doc[i].is_punct
                             for i in holder.content):
        return None
    kept = _trim(reading, {i for i in holder.content if i < min(phrase)})
    if words(reading.doc, kept) < MIN_CONTENT_WORDS:
        return None
    for i in holder.content - kept:
        reading.claimed[i] = False
    holder.content = kept
    return holder


def _outlet(head: Token) -> bool:
    """A news outlet that relays ("the Interfax news agency", "CNN"), not a document, a poll
    or a person that is itself the source ("the survey", "a White House pool report")."""
    return head.lemma_.lower() in MEDIA or head.ent_type_ == "ORG"


# Marks that tie a name at the edge of a line to what it said: a colon after it
# ("Graham: Trump's Rhetoric ...", "PENCE: Well, look, ..."), or a dash between a
# quotation and its signature ("“Trump must stop ...” ― Carla Sanchez").
_LABEL_DASHES = frozenset({"―", "—", "–", "--"})
_OPENING_MARKS = frozenset({"“", '"', "«", "``"})


def _colon_attributions(reading: Reading, transcript_only: bool = False) -> None:
    """Headline and transcript style, "Graham: Trump's Rhetoric Destroying GOP's Chance",
    "PENCE: Well, look, ...": the name before a colon at the start of a line is the source,
    the colon the cue, the rest of the line the content. A quotation signed at the end of
    its line, "“...” ― Carla Sanchez", is the signer's, the dash its cue.

    With `transcript_only`, only a transcript's speakers are read: their lines are read
    before any verb, so that what they report inside their turn stays part of it."""
    doc = reading.doc
    speakers = _transcript_speakers(doc)
    for token in doc:
        if reading.claimed[token.i]:
            continue
        if token.text in _LABEL_DASHES and not transcript_only:
            _signed_quotation(reading, token)
            continue
        if token.text != ":":
            continue
        line_start, line_end = _line(doc, token.i)
        source = _label(doc, line_start, token.i)
        label = " ".join(t.text for t in source)
        if label not in speakers and not _names_a_source(source):
            continue
        if label not in speakers and transcript_only and not _headline(doc, token.i, line_end):
            continue
        content = _grow(reading, range(token.i + 1, line_end), {token.i})
        if words(doc, content) >= 3 and reading.free(t.i for t in source):
            reading.claim(Draft(content, [token.i], [t.i for t in source]))


# Share of a line's longer words that must be capitalised for it to be a headline.
HEADLINE_CAPITALS = 0.7


def _headline(doc: Doc, colon: int, line_end: int) -> bool:
    """"Issa: Clinton's ‘Honesty Is In Question’": what follows the colon is in title case,
    a headline whose verbs ("Is", "Believe") are the source's words, read before any verb."""
    longer = [t for t in doc[colon + 1 : line_end] if t.is_alpha and len(t) > 3]
    capitals = sum(1 for t in longer if t.text[0].isupper())
    return len(longer) >= 2 and capitals >= HEADLINE_CAPITALS * len(longer)


def _signed_quotation(reading: Reading, dash: Token) -> None:
    doc = reading.doc
    before = dash.i - 1
    while before >= 0 and doc[before].is_space:
        before -= 1
    quote = next((q for q in reading.quote_tokens if q and q.stop - 1 == before), None)
    if quote is None:
        return
    _, line_end = _line(doc, dash.i)
    source = [t for t in doc[dash.i + 1 : line_end] if not t.is_space]
    while source and source[-1].is_punct:
        source.pop()
    content = [i for i in quote if not reading.claimed[i]]
    if (_names_a_source(source) and reading.free(t.i for t in source)
            and words(doc, content) >= MIN_CONTENT_WORDS and len(content) == len(quote)):
        reading.claim(Draft(set(content), [dash.i], [t.i for t in source]))


def _label(doc: Doc, start: int, end: int) -> list[Token]:
    """The words of a line before its colon, without an opening quotation mark."""
    tokens = [t for t in doc[start:end] if not t.is_space]
    while tokens and tokens[0].text in _OPENING_MARKS:
        tokens = tokens[1:]
    return tokens


def _line(doc: Doc, i: int) -> tuple[int, int]:
    """The token range of the line holding token `i`."""
    start = i
    while start > 0 and "\n" not in doc[start - 1].text_with_ws:
        start -= 1
    end = i + 1
    while end < len(doc) and "\n" not in doc[end - 1].text_with_ws:
        end += 1
    return start, end


def _transcript_speakers(doc: Doc) -> set[str]:
    """Capitalised labels that open two or more lines with a colon, as a transcript's
    speakers do ("WALLACE: ...", "PENCE: ..."): a one-off "UPDATE:" is none."""
    seen: dict[str, int] = {}
    for token in doc:
        if token.text != ":" or token.i == 0:
            continue
        start, _ = _line(doc, token.i)
        label = _label(doc, start, token.i)
        if 0 < len(label) <= 3 and all(t.is_upper and t.is_alpha for t in label):
            key = " ".join(t.text for t in label)
            seen[key] = seen.get(key, 0) + 1
    return {key for key, n in seen.items() if n >= 2}


# Labels of a page's furniture, not speakers: "Editor's note:", "Correction:", "[Video]:".
_FURNITURE_LABELS = frozenset({
    "note", "correction", "clarification", "update", "updated", "video", "photo", "photos",
    "watch", "related", "disclosure", "editor", "source", "sources", "advertisement",
})


def _names_a_source(tokens: Sequence[Token]) -> bool:
    """A short phrase with a name or noun and no verb, not a time ("12:15 p.m.") nor a
    label of the page's furniture ("Editor's note")."""
    if not tokens or len(tokens) > 6 or tokens[0].like_num:
        return False
    if any(t.lower_ in _FURNITURE_LABELS or t.text in ("[", "]") for t in tokens):
        return False
    if any(t.pos_ in ("VERB", "AUX") or t.text in ("“", '"') for t in tokens):
        return False
    # A capitalised word is a name however it was tagged ("Issa" read as an adjective).
    return any((t.pos_ in ("PROPN", "NOUN") or t.is_title and t.is_alpha) and not t.is_upper
               for t in tokens)


def _phrase(doc: Doc, indices: Sequence[int]) -> str:
    tokens = [doc[i] for i in sorted(indices)]
    while tokens and tokens[0].dep_ == "det":
        tokens = tokens[1:]
    return doc[tokens[0].i : tokens[-1].i + 1].text if tokens else ""


def _quote(draft: Draft, reading: Reading, entities: Sequence[Entity], discourse: Discourse
           ) -> Quote | None:
    doc = reading.doc
    claim = _spans(doc, draft.content)
    if not claim:
        return None
    cue = _hull(doc, draft.cue)
    source = _hull(doc, draft.source)
    speakers = resolve_speakers(source, doc, entities, reading.quoted, discourse) if source else ()
    # A source that stands for several people ("each", "Pompeo and Lavrov") names them all
    # and credits no one of them alone.
    speaker = speakers[0] if len(speakers) == 1 else None
    inside = sum(1 for i in draft.content if reading.in_quote[i] and not doc[i].is_punct)
    total = words(doc, draft.content)
    kind = "direct" if inside == total else ("mixed" if inside else "indirect")
    name = speaker_names(speakers) or (source_name(source, doc) if source else None)
    # A mixed quote's content is the speaker's own words, its quoted pieces; the whole
    # paraphrase (PolNeAR's content) is kept as its claim.
    quoted = _spans(doc, (i for i in draft.content if reading.in_quote[i]))
    return Quote(
        content=tuple(quoted) if kind == "mixed" else tuple(claim),
        claim=tuple(claim) if kind == "mixed" else None,
        kind=kind,
        cue=cue,
        source=source,
        speaker=speaker.id if speaker else None,
        speaker_name=name,
        via=draft.via,
    )


def _spans(doc: Doc, indices: Iterable[int]) -> list[Span]:
    """Runs of consecutive tokens as character spans."""
    spans: list[Span] = []
    chosen = set(indices)
    for i in sorted(chosen):
        start, end = doc[i].idx, doc[i].idx + len(doc[i])
        if spans and i - 1 in chosen:
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans


def _hull(doc: Doc, indices: Sequence[int]) -> Span | None:
    if not indices:
        return None
    first, last = doc[min(indices)], doc[max(indices)]
    return first.idx, last.idx + len(last)


class QuoteFinder(Annotator):
    """Adds `quotes`: those of `find_quotes` that are speech (`speech.is_speech`), with
    speakers resolved among the story's entities."""

    name: ClassVar[str] = "quotes"
    requires: ClassVar[frozenset[str]] = frozenset({"body", "entities"})
    assigns: ClassVar[frozenset[str]] = frozenset({"quotes"})

    def annotate(self, story: Story) -> Story:
        doc = parse(story.body)
        quotes = find_quotes(story, doc=doc)
        return replace(story, quotes=tuple(q for q in quotes if is_speech(q, doc)))


__all__ = ["MIN_CONTENT_WORDS", "QuoteFinder", "find_quotes"]
