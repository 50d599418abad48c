"""Who-said-what benchmark: newsgraph's quotes against PolNeAR dev, with textacy as the peer.

Reads PolNeAR (`../shared/data/attribution/polnear` beside the repository), runs the annotate
stage over each article's text (the text is the body, so gold offsets apply unchanged), and
scores every attribution's content, source and cue:

* exact: a predicted span (a content is its tuple of pieces; pieces with only whitespace
  between them count as one) equal to a gold one, matched one to one; precision over
  predicted, recall over gold;
* overlap: word tokens (`\\w+` and single punctuation marks) covered by predicted spans of the
  role against those covered by gold spans, summed over articles;
* end to end: a predicted attribution is right when its content covers at least half of a
  gold content's tokens and vice versa, and its source does likewise (or both have none);
  predicted and gold attributions are matched one to one.

Speeds are documents per CPU second of this one process (the machine may be shared), each
system's pass including the spaCy parse it needs; the model loads before timing starts.
Beside the peer, the whole `analyze` pipeline (extract and every annotator) is timed against
spaCy's small English pipeline as shipped, each over every text one by one, in alternating
passes (`--repeat`, median reported).

PolNeAR's content is a quote's `claim or content`: for a mixed quote newsgraph's `content` is
the quoted words only and its `claim` the whole attributed paraphrase, which is what
PolNeAR marks; direct and indirect quotes have no claim apart from their content.

On dev, the speakers set (`../shared/data/attribution/speakers`, 16 of the dev articles with
who said each direct quotation) is scored too, by its own `score.py`: the share of direct
quotations found with the right speaker, and of those the article attributes only through a
pronoun or a description; textacy's speakers beside.

One annotation per article: where several annotators did an article, the alphabetically
first one's file is gold (see the data's NOTES.md). The peer is textacy's
`direct_quotations` over the same spaCy parse; its speed adds the parse it needs.

`--learn-cues` instead measures, on the train split, how often each verb lemma read as a
cue (with clause, object or infinitive content) gives a right attribution end to end, and
writes the counts to `src/newsgraph/annotate/quotes/learned.py`, the cue lexicon's trained
part (`cues.cue_kinds` reads it).

Usage::

    .venv/bin/python bench/attribution.py               # dev, newsgraph and textacy
    .venv/bin/python bench/attribution.py --split train --limit 100 --no-peer
    .venv/bin/python bench/attribution.py --errors      # missed and spurious, by cue word
    .venv/bin/python bench/attribution.py --speakers    # the speakers set, wrong speakers listed
    .venv/bin/python bench/attribution.py --learn-cues  # retrain the learned cue lexicon
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import statistics
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parent.parent
DATA = REPO.parent / "shared" / "data" / "attribution" / "polnear"
SPEAKERS = DATA.parent / "speakers"

Span = tuple[int, int]
_TOKEN = re.compile(r"\w+|[^\w\s]")
_ROLES = ("content", "source", "cue")


@dataclass(frozen=True, slots=True)
class Attribution:
    content: tuple[Span, ...]
    source: Span | None
    cue: Span | None


@dataclass(frozen=True, slots=True)
class Article:
    name: str
    text: str
    gold: tuple[Attribution, ...]


@dataclass(slots=True)
class Counts:
    """Running sums for one system: exact and overlap per role, end to end."""

    exact: dict[str, list[int]] = field(default_factory=lambda: {r: [0, 0, 0] for r in _ROLES})
    overlap: dict[str, list[int]] = field(default_factory=lambda: {r: [0, 0, 0] for r in _ROLES})
    end_to_end: list[int] = field(default_factory=lambda: [0, 0, 0])  # matched, pred, gold
    seconds: float = 0.0
    failures: int = 0

    def figures(self) -> dict[str, tuple[float, float, float]]:
        out = {f"{r} exact": _prf(*self.exact[r]) for r in _ROLES}
        out |= {f"{r} overlap": _prf(*self.overlap[r]) for r in _ROLES}
        out["end to end"] = _prf(*self.end_to_end)
        return out


def _prf(matched: int, predicted: int, gold: int) -> tuple[float, float, float]:
    p = matched / predicted if predicted else 0.0
    r = matched / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def load_split(split: str, data: Path = DATA) -> list[Article]:
    """Every article of a PolNeAR split with one annotator's attributions as gold."""
    folder = data / split
    by_article: dict[str, Path] = {}
    for path in sorted((folder / "attributions").glob("*.ann")):
        stem = path.stem.rsplit("_", 1)[0]
        by_article.setdefault(stem, path)  # sorted: the alphabetically first annotator
    articles = []
    for stem, path in sorted(by_article.items()):
        text = (folder / "text" / f"{stem}.txt").read_text(encoding="utf-8")
        articles.append(Article(stem, text, tuple(parse_brat(path.read_text(encoding="utf-8")))))
    return articles


def parse_brat(ann: str) -> list[Attribution]:
    """Attributions from BRAT standoff: T lines hold spans, E lines tie roles together."""
    spans: dict[str, tuple[Span, ...]] = {}
    events = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        if parts[0].startswith("T"):
            _kind, _, offsets = parts[1].partition(" ")
            pieces = tuple(
                (int(s), int(e)) for s, e in (p.split() for p in offsets.split(";"))
            )
            spans[parts[0]] = pieces
        elif parts[0].startswith("E"):
            events.append(dict(arg.split(":", 1) for arg in parts[1].split()))
    found = []
    for event in events:
        if not any(k.startswith("Attribution") for k in event):
            continue
        content = tuple(
            piece for key in ("Content", "Content2") if key in event for piece in spans[event[key]]
        )
        if not content:
            continue
        source = _hull(spans.get(event.get("Source", ""), ()))
        cue = _hull(spans.get(event.get("Cue", ""), ()))
        found.append(Attribution(tuple(sorted(content)), source, cue))
    return found


def _hull(pieces: Sequence[Span]) -> Span | None:
    return (min(s for s, _ in pieces), max(e for _, e in pieces)) if pieces else None


def _tokens(text: str) -> list[Span]:
    return [(m.start(), m.end()) for m in _TOKEN.finditer(text)]


def _covered(tokens: list[Span], spans: Iterable[Span]) -> set[int]:
    out: set[int] = set()
    for start, end in spans:
        out.update(i for i, (s, e) in enumerate(tokens) if s < end and e > start)
    return out


def _trim(text: str, span: Span) -> Span:
    start, end = span
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def score(counts: Counts, text: str, gold: Sequence[Attribution], pred: Sequence[Attribution]) -> None:
    """Add one article's figures to `counts`."""
    tokens = _tokens(text)
    for role in _ROLES:
        gold_spans = [_role_key(text, a, role) for a in gold]
        pred_spans = [_role_key(text, a, role) for a in pred]
        gold_spans = [s for s in gold_spans if s]
        pred_spans = [s for s in pred_spans if s]
        remaining = list(gold_spans)
        matched = 0
        for span in pred_spans:
            if span in remaining:
                remaining.remove(span)
                matched += 1
        exact = counts.exact[role]
        exact[0] += matched
        exact[1] += len(pred_spans)
        exact[2] += len(gold_spans)
        gold_tokens = _covered(tokens, (p for s in gold_spans for p in s))
        pred_tokens = _covered(tokens, (p for s in pred_spans for p in s))
        overlap = counts.overlap[role]
        overlap[0] += len(gold_tokens & pred_tokens)
        overlap[1] += len(pred_tokens)
        overlap[2] += len(gold_tokens)
    counts.end_to_end[0] += len(_matched_end_to_end(tokens, gold, pred))
    counts.end_to_end[1] += len(pred)
    counts.end_to_end[2] += len(gold)


def _role_key(text: str, attribution: Attribution, role: str) -> tuple[Span, ...]:
    """The role's spans, trimmed of whitespace; pieces with only whitespace between them are
    one (PolNeAR's annotation tool splits a content at each sentence boundary)."""
    value = getattr(attribution, role)
    pieces = value if role == "content" else (() if value is None else (value,))
    merged: list[Span] = []
    for start, end in sorted(p for p in (_trim(text, piece) for piece in pieces) if p[1] > p[0]):
        if merged and not text[merged[-1][1] : start].strip():
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(merged)


def _half_both_ways(a: set[int], b: set[int]) -> bool:
    shared = len(a & b)
    return bool(a) and bool(b) and shared * 2 >= len(a) and shared * 2 >= len(b)


def _matched_end_to_end(
    tokens: list[Span], gold: Sequence[Attribution], pred: Sequence[Attribution]
) -> list[tuple[int, int]]:
    """Pairs (predicted index, gold index) matched end to end, one to one."""

    def sets(a: Attribution) -> tuple[set[int], set[int]]:
        source = _covered(tokens, [a.source]) if a.source else set()
        return _covered(tokens, a.content), source

    gold_sets = [sets(a) for a in gold]
    used = [False] * len(gold)
    matched = []
    for j, (content, source) in enumerate(sets(a) for a in pred):
        for i, (gold_content, gold_source) in enumerate(gold_sets):
            if used[i] or not _half_both_ways(content, gold_content):
                continue
            if (not source and not gold_source) or _half_both_ways(source, gold_source):
                used[i] = True
                matched.append((j, i))
                break
    return matched


def newsgraph_attributions(text: str) -> list[Attribution]:
    """newsgraph's attributions for one text: the entity annotator, then `find_quotes`.

    A mixed quote's PolNeAR content is its `claim` (the whole paraphrase), not its
    `content` (the quoted words only)."""
    from newsgraph.annotate.entities.finder import EntityFinder
    from newsgraph.annotate.quotes.finder import find_quotes
    from newsgraph.model import Story

    story = EntityFinder()(Story(id="bench", body=text))
    # Every attribution PolNeAR counts, impressions and decisions included; the annotator
    # lists only the speech among them (`quotes.speech`).
    return [Attribution(q.claim or q.content, q.source, q.cue) for q in find_quotes(story)]


def analyze_seconds(articles: Sequence[Article]) -> float:
    """The whole `analyze` pipeline (extract and every annotator) over the texts."""
    from newsgraph.model import Document
    from newsgraph.pipeline import analyze_document

    started = time.process_time()
    for article in articles:
        analyze_document(Document(content=article.text, kind="text"))
    return time.process_time() - started


def textacy_attributions(text: str) -> list[Attribution]:
    """textacy's direct quotations; the spaCy parse it needs counts in its time."""
    from textacy.extract.triples import direct_quotations

    from newsgraph.annotate.entities.nlp import parse

    doc = parse(text)
    found = []
    for triple in direct_quotations(doc):
        content = (triple.content.start_char, triple.content.end_char)
        found.append(Attribution((content,), _token_hull(triple.speaker), _token_hull(triple.cue)))
    return found


def _token_hull(tokens: Sequence[object]) -> Span | None:
    if not tokens:
        return None
    starts = [t.idx for t in tokens]  # type: ignore[attr-defined]
    ends = [t.idx + len(t) for t in tokens]  # type: ignore[attr-defined]
    return min(starts), max(ends)


def run(
    articles: Sequence[Article], system: Callable[[str], list[Attribution]], peer: bool = False
) -> Counts:
    counts = Counts()
    for article in articles:
        started = time.process_time()
        try:
            pred = system(article.text)
        except ValueError as error:
            if not peer:
                raise
            # textacy gives up on a whole article over one unbalanced quote mark; count it.
            print(f"  {article.name}: peer failed: {error}", file=sys.stderr)
            counts.failures += 1
            pred = []
        counts.seconds += time.process_time() - started
        score(counts, article.text, article.gold, pred)
    return counts


def _show(text: str, a: Attribution) -> str:
    def cut(span: Span | None) -> str:
        return " ".join(text[span[0] : span[1]].split()) if span else "-"

    content = " … ".join(cut(p) for p in a.content)
    return f"[{cut(a.source)}] <{cut(a.cue)}> {content[:160]}"


def _cue_word(text: str, a: Attribution) -> str:
    if a.cue is None:
        return "(no cue)"
    words = re.findall(r"[\w:]+", text[a.cue[0] : a.cue[1]].lower())
    return words[-1] if words else text[a.cue[0] : a.cue[1]]


def report_errors(articles: Sequence[Article], top: int = 30) -> str:
    """Missed and spurious attributions end to end, each listed, and their cue words
    counted, most frequent first: where the figures are lost."""
    lines: list[str] = []
    missed: dict[str, int] = {}
    spurious: dict[str, int] = {}
    for article in articles:
        text = article.text
        pred = newsgraph_attributions(text)
        pairs = _matched_end_to_end(_tokens(text), article.gold, pred)
        hit_pred = {j for j, _ in pairs}
        hit_gold = {i for _, i in pairs}
        lines.append(f"== {article.name}")
        for i, a in enumerate(article.gold):
            if i not in hit_gold:
                lines.append(f"  MISSED   {_show(text, a)}")
                missed[_cue_word(text, a)] = missed.get(_cue_word(text, a), 0) + 1
        for j, a in enumerate(pred):
            if j not in hit_pred:
                lines.append(f"  SPURIOUS {_show(text, a)}")
                spurious[_cue_word(text, a)] = spurious.get(_cue_word(text, a), 0) + 1
    for title, counted in (("missed", missed), ("spurious", spurious)):
        ranked = sorted(counted.items(), key=lambda kv: (-kv[1], kv[0]))[:top]
        lines.append(f"{title} by cue word: " + ", ".join(f"{w} {n}" for w, n in ranked))
    return "\n".join(lines)


def spacy_seconds(articles: Sequence[Article]) -> float:
    """spaCy's own small English pipeline, as shipped, over the texts one by one: the scale
    against which the whole of `analyze` is read (newsgraph's parse batches each story's
    paragraphs and swaps two components for faster equivalents, see annotate/entities/nlp.py)."""
    import spacy

    from newsgraph.annotate.entities.nlp import MODEL_PACKAGE

    nlp = spacy.load(MODEL_PACKAGE)
    nlp(articles[0].text)
    started = time.process_time()
    for article in articles:
        nlp(article.text)
    return time.process_time() - started


def evaluate(split: str = "dev", limit: int | None = None, data: Path = DATA) -> Counts:
    """newsgraph's figures on a split (used by the quality gate)."""
    articles = load_split(split, data)[:limit]
    return run(articles, newsgraph_attributions)


@dataclass(slots=True)
class SpeakerCounts:
    """Direct quotations of the speakers set: in gold, found, found with the right speaker,
    and the same for those attributed only through a pronoun or a description."""

    gold: int = 0
    found: int = 0
    right: int = 0
    pronoun: int = 0
    pronoun_right: int = 0
    misses: list[str] = field(default_factory=list)

    def figures(self) -> tuple[float, float, float]:
        share = lambda a, b: a / b if b else 0.0
        return (share(self.found, self.gold), share(self.right, self.gold),
                share(self.pronoun_right, self.pronoun))


def _speaker_scorer(folder: Path) -> ModuleType:
    """The speakers set's own scorer (`score.py` beside its gold), so that the figures are
    the ones its README documents."""
    spec = importlib.util.spec_from_file_location("speaker_score", folder / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def newsgraph_speakers(text: str) -> list[tuple[str, str]]:
    """(quoted words, speaker name) of every quote `analyze` gives for a text."""
    from newsgraph.model import Document
    from newsgraph.pipeline import analyze_document

    story = analyze_document(Document(content=text, kind="text"))
    return [(" ".join(story.text(s) for s in (q.claim or q.content)), q.speaker_name or "")
            for q in story.quotes]


def textacy_speakers(text: str) -> list[tuple[str, str]]:
    """textacy's direct quotations with the words of their speaker."""
    from textacy.extract.triples import direct_quotations

    from newsgraph.annotate.entities.nlp import parse

    try:
        triples = list(direct_quotations(parse(text)))
    except ValueError:
        return []  # an unbalanced quote mark: textacy gives up on the whole text
    return [(t.content.text, " ".join(w.text for w in t.speaker)) for t in triples]


def evaluate_speakers(
    system: Callable[[str], list[tuple[str, str]]], folder: Path = SPEAKERS
) -> SpeakerCounts:
    """Who said each direct quotation of the speakers set (16 PolNeAR dev articles), scored
    as its `score.py` does: found when a predicted quote holds the words, right when its
    speaker name names the gold speaker; arguable quotations left out."""
    scorer = _speaker_scorer(folder)
    counts = SpeakerCounts()
    for path in sorted((folder / "gold").glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        text = (DATA / "dev" / "text" / gold["story"]).read_text(encoding="utf-8")
        predicted = system(text)
        for quote in gold["quotes"]:
            if quote.get("confidence", "clear") != "clear":
                continue
            hit = next((name for words, name in predicted if scorer.holds(words, quote["text"])),
                       None)
            good = hit is not None and bool(
                scorer.right(hit, quote["speaker"], quote.get("speaker_kind", "person")))
            counts.gold += 1
            counts.found += hit is not None
            counts.right += good
            if quote.get("via_pronoun"):
                counts.pronoun += 1
                counts.pronoun_right += good
            if not good:
                counts.misses.append(f"{path.stem[:40]}: {quote['text'][:50]!r} -> {hit!r}, "
                                     f"gold {quote['speaker']!r}")
    return counts


def _speaker_table(rows: dict[str, SpeakerCounts]) -> str:
    names = list(rows)
    lines = [f"{'speakers set':<34}" + "".join(f"{name:>12}" for name in names)]
    labels = ("found", "right speaker", "right, pronoun or description")
    for k, label in enumerate(labels):
        lines.append(f"{label:<34}" + "".join(f"{rows[n].figures()[k]:>12.3f}" for n in names))
    first = next(iter(rows.values()))
    lines.append(f"({first.gold} direct quotations, {first.pronoun} through a pronoun or "
                 "description)")
    return "\n".join(lines)


LEARNED = REPO / "src" / "newsgraph" / "annotate" / "quotes" / "learned.py"
_KINDS = {"clause": (True, False, False), "object": (False, True, False),
          "infinitive": (False, False, True)}
# Lemmas kept in the learned file: read at least this often, right at least this share.
MIN_READINGS = 4
MIN_SHARE = 0.2


def learn_cues(articles: Sequence[Article]) -> dict[str, dict[str, tuple[int, int]]]:
    """Per content shape and verb lemma: (readings, right readings) over the articles."""
    from newsgraph.annotate.entities.nlp import parse
    from newsgraph.annotate.quotes.marks import find_quoted
    from newsgraph.annotate.quotes.rules import content_tokens, subject_of, subject_tokens

    stats: dict[str, dict[str, list[int]]] = {k: {} for k in _KINDS}
    for article in articles:
        doc = parse(article.text)
        tokens = _tokens(article.text)
        quoted = find_quoted(article.text)
        gold = [(_covered(tokens, g.content), _covered(tokens, [g.source]) if g.source else set())
                for g in article.gold]
        for verb in doc:
            if verb.pos_ != "VERB" or any(s <= verb.idx < e for s, e in quoted):
                continue
            subject = subject_of(verb)
            source = subject_tokens(subject, verb) if subject is not None else []
            source_set = _covered(tokens, [(t.idx, t.idx + len(t)) for t in source])
            for shape, kinds in _KINDS.items():
                content = [t for t in content_tokens(verb, kinds) if not t.is_punct]
                if len(content) < 2:
                    continue
                content_set = _covered(tokens, [(t.idx, t.idx + len(t)) for t in content])
                right = any(
                    _half_both_ways(content_set, gc)
                    and ((not source_set and not gs) or _half_both_ways(source_set, gs))
                    for gc, gs in gold
                )
                counts = stats[shape].setdefault(verb.lemma_.lower(), [0, 0])
                counts[0] += 1
                counts[1] += right
    return {k: {lemma: (n, r) for lemma, (n, r) in v.items()} for k, v in stats.items()}


def write_learned(stats: dict[str, dict[str, tuple[int, int]]], split: str) -> None:
    """Write the measured readings of every lemma that could matter as a Python module:
    those read often enough that are either listed by hand or right often enough to add."""
    from newsgraph.annotate.quotes.cues import CLAUSE_CUES, INFINITIVE_CUES, OBJECT_CUES

    listed = {"clause": CLAUSE_CUES, "object": OBJECT_CUES, "infinitive": INFINITIVE_CUES}
    lines = [
        '"""The trained part of the cue lexicon, generated by `bench/attribution.py',
        f"--learn-cues` from PolNeAR {split} (do not edit): for each content shape, verb lemmas",
        "with (readings, right readings), a reading being the lemma read as a cue of that shape",
        "and right when it matches a gold attribution end to end. `cues.cue_kinds` turns",
        'the counts into the lexicon."""',
        "",
        "from __future__ import annotations",
        "",
        "READINGS: dict[str, dict[str, tuple[int, int]]] = {",
    ]
    for shape in _KINDS:
        lines.append(f"    {shape!r}: {{")
        for lemma, (n, r) in sorted(stats[shape].items()):
            if n >= MIN_READINGS and (r / n >= MIN_SHARE or lemma in listed[shape]):
                lines.append(f"        {lemma!r}: ({n}, {r}),")
        lines.append("    },")
    lines.append("}")
    LEARNED.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _table(rows: dict[str, Counts], n: int) -> str:
    names = list(rows)
    lines = [f"{'measure':<18}" + "".join(f"{name:>24}" for name in names)]
    lines.append(f"{'':<18}" + "".join(f"{'P     R     F1':>24}" for _ in names))
    keys = list(next(iter(rows.values())).figures())
    for key in keys:
        cells = []
        for name in names:
            p, r, f = rows[name].figures()[key]
            cells.append(f"{p:.3f} {r:.3f} {f:.3f}".rjust(24))
        lines.append(f"{key:<18}" + "".join(cells))
    lines.append(f"{'docs/s':<18}" + "".join(
        f"{n / rows[name].seconds:>24.1f}" if rows[name].seconds else f"{'-':>24}" for name in names
    ))
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", default="dev", choices=("train", "dev"))
    parser.add_argument("--limit", type=int, default=None, help="first N articles only")
    parser.add_argument("--no-peer", action="store_true", help="skip textacy and spaCy timing")
    parser.add_argument("--repeat", type=int, default=3,
                        help="timing passes of spaCy and of analyze (median reported)")
    parser.add_argument("--errors", action="store_true",
                        help="list missed and spurious attributions (end to end) instead")
    parser.add_argument("--speakers", action="store_true",
                        help="only the speakers set, listing each quotation with a wrong speaker")
    parser.add_argument("--learn-cues", action="store_true",
                        help="retrain the learned cue lexicon on the train split")
    args = parser.parse_args(argv)
    split = "train" if args.learn_cues else args.split
    if not (DATA / split).is_dir():
        print(f"PolNeAR not found at {DATA / split}: the bench reads ../shared/data "
              "beside the repository", file=sys.stderr)
        return 2
    if args.learn_cues:
        articles = load_split(split)[: args.limit]
        write_learned(learn_cues(articles), split)
        print(f"learned cues from {len(articles)} {split} articles into {LEARNED}")
        return 0
    articles = load_split(args.split)[: args.limit]
    if args.errors:
        print(report_errors(articles))
        return 0
    if args.speakers:
        counts = evaluate_speakers(newsgraph_speakers)
        print("\n".join(counts.misses))
        print(_speaker_table({"newsgraph": counts}))
        return 0
    n = len(articles)
    from newsgraph.annotate.entities.nlp import load_nlp

    load_nlp()  # the model's load time is not a per-document cost
    print(f"PolNeAR {args.split}: {n} articles, {sum(len(a.gold) for a in articles)} attributions")
    rows = {"newsgraph": run(articles, newsgraph_attributions)}
    if not args.no_peer:
        peer = run(articles, textacy_attributions, peer=True)
        rows["textacy"] = peer
        print(f"textacy failed on {peer.failures} articles")
        # Passes alternate, so that a load on the machine weighs on both alike; medians.
        spacy_rates, analyze_rates = [], []
        try:
            for _ in range(args.repeat):
                spacy_rates.append(n / spacy_seconds(articles))
                analyze_rates.append(n / analyze_seconds(articles))
        except Exception as error:  # noqa: BLE001 - another stage's bug must not hide ours
            print(f"newsgraph analyze failed: {type(error).__name__}: {error}", file=sys.stderr)
        else:
            print(f"docs/s, one core, median of {args.repeat}: spaCy's pipeline as shipped "
                  f"{statistics.median(spacy_rates):.1f}; newsgraph analyze (extract + every "
                  f"annotator) {statistics.median(analyze_rates):.1f} "
                  f"(ratio {statistics.median(analyze_rates) / statistics.median(spacy_rates):.2f})")
    print(_table(rows, n))
    if args.split == "dev" and (SPEAKERS / "gold").is_dir():
        speakers = {"newsgraph": evaluate_speakers(newsgraph_speakers)}
        if not args.no_peer:
            speakers["textacy"] = evaluate_speakers(textacy_speakers)
        print(_speaker_table(speakers))
    return 0


if __name__ == "__main__":
    sys.exit(main())
