"""Event coding benchmark: newsgraph's events against the PLOVER gold-standard dev sentences.

Reads `../shared/data/events/plover/gsr-dev.json` beside the repository, runs the full
`analyze` pipeline over each sentence as a text document (what a user gets), and scores:

* type: per sentence, the set of event types newsgraph codes against the one gold type;
  a predicted type equal to the gold type is a true positive, any other predicted type a
  false positive, a missed gold type a false negative; precision, recall and F1 micro-
  averaged over sentences, and per type;
* type + countries: the share of sentences where some event has the gold type, its source
  country is one of the gold source codes and its target country one of the gold target
  codes (a side the gold leaves empty constrains nothing);
* time: the events annotator's own time against the rest of `analyze` (extract, parse,
  entities, quotes), summed over the sentences: the share it adds to a story's analysis;
  and the same on the full seed story (`../shared/data/seed/article.txt`), parsed afresh.

Events the coder marks as background (history the sentence recalls, "in 1988") are not
today's event and are left out of the scoring. Two mappings bring the 2016 gold (PLOVER 0.5) to the 18 types of DESIGN.md: its FIGHT
(armed conflict) is folded into ASSAULT; and its non-ISO codes JAP and ITL are read as JPN
and ITA.

Usage::

    .venv/bin/python bench/events.py            # figures and per-type table
    .venv/bin/python bench/events.py --errors   # and every sentence it gets wrong
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
DATA = REPO.parent / "shared" / "data" / "events" / "plover" / "gsr-dev.json"
SEED = REPO.parent / "shared" / "data" / "seed" / "article.txt"

TYPE_MAP = {"FIGHT": "ASSAULT"}
CODE_MAP = {"JAP": "JPN", "ITL": "ITA"}


@dataclass(frozen=True, slots=True)
class Gold:
    id: str
    text: str
    type: str
    sources: frozenset[str]
    targets: frozenset[str]


@dataclass(slots=True)
class Scores:
    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    fn: Counter[str] = field(default_factory=Counter)
    countries_right: int = 0
    sentences: int = 0
    events_s: float = 0.0
    analyze_s: float = 0.0
    errors: list[str] = field(default_factory=list)

    def prf(self, type_: str | None = None) -> tuple[float, float, float]:
        tp = self.tp[type_] if type_ else sum(self.tp.values())
        fp = self.fp[type_] if type_ else sum(self.fp.values())
        fn = self.fn[type_] if type_ else sum(self.fn.values())
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1

    @property
    def countries_share(self) -> float:
        return self.countries_right / self.sentences if self.sentences else 0.0

    @property
    def time_share(self) -> float:
        """What the events stage adds to the rest of analyze, as a fraction."""
        rest = self.analyze_s - self.events_s
        return self.events_s / rest if rest > 0 else 0.0


def _codes(actors: Any) -> frozenset[str]:
    if not isinstance(actors, list):
        return frozenset()
    return frozenset(CODE_MAP.get(a.get("code"), a.get("code")) for a in actors if a.get("code"))


def load_gold(path: Path = DATA) -> list[Gold]:
    """The dev sentences, without the file's documentation record."""
    records = json.loads(path.read_text(encoding="utf-8"))
    return [
        Gold(
            id=r["id"],
            text=r["text"].strip(),
            type=TYPE_MAP.get(r["event"], r["event"]),
            sources=_codes(r.get("source")),
            targets=_codes(r.get("target")),
        )
        for r in records
        if r.get("event") != "DOCUMENT"
    ]


def _countries_match(events: list[Any], gold: Gold) -> bool:
    for event in events:
        if event.type != gold.type:
            continue
        sources = {a.country for a in event.source}
        targets = {a.country for a in event.target}
        if gold.sources and not sources & gold.sources:
            continue
        if gold.targets and not targets & gold.targets:
            continue
        return True
    return False


def run(golds: list[Gold]) -> Scores:
    """Analyze each sentence, timing the events annotator apart from the rest."""
    from newsgraph.annotate import default_annotators
    from newsgraph.annotate.events.coder import EventCoder
    from newsgraph.extract import extract_story
    from newsgraph.model import Document

    annotators = default_annotators()
    scores = Scores()
    extract_story(Document(content="Warm up the model.", kind="text"))
    for gold in golds:
        started = time.perf_counter()
        story = extract_story(Document(content=gold.text, kind="text"))
        for annotator in annotators:
            before = time.perf_counter()
            story = annotator.annotate(story)
            if isinstance(annotator, EventCoder):
                scores.events_s += time.perf_counter() - before
        scores.analyze_s += time.perf_counter() - started
        events = [e for e in story.events if not e.background]
        predicted = {e.type for e in events}
        scores.sentences += 1
        if gold.type in predicted:
            scores.tp[gold.type] += 1
        else:
            scores.fn[gold.type] += 1
        for type_ in predicted - {gold.type}:
            scores.fp[type_] += 1
        if _countries_match(events, gold):
            scores.countries_right += 1
        else:
            shown = [
                f"{e.type}:{[a.country for a in e.source]}->{[a.country for a in e.target]}"
                for e in events
            ]
            scores.errors.append(
                f"{gold.id} gold {gold.type} {sorted(gold.sources)}->{sorted(gold.targets)}"
                f" got {shown}\n    {gold.text}"
            )
    return scores


def time_story(path: Path = SEED, repeats: int = 3) -> tuple[float, float]:
    """Seconds of the events annotator and of the whole of analyze on one full story.

    The PLOVER sentences are one line each; a real story is where the parse dominates, so
    this is the figure a user feels. The shared parse is dropped before each run.
    """
    from newsgraph.annotate import default_annotators
    from newsgraph.annotate.entities.nlp import parse
    from newsgraph.annotate.events.coder import EventCoder
    from newsgraph.extract import extract_story
    from newsgraph.model import Document

    text = path.read_text(encoding="utf-8")
    annotators = default_annotators()
    events_s = analyze_s = 0.0
    for _ in range(repeats):
        parse.cache_clear()
        started = time.perf_counter()
        story = extract_story(Document(content=text, kind="text"))
        for annotator in annotators:
            before = time.perf_counter()
            story = annotator.annotate(story)
            if isinstance(annotator, EventCoder):
                events_s += time.perf_counter() - before
        analyze_s += time.perf_counter() - started
    return events_s / repeats, analyze_s / repeats


def report(scores: Scores) -> str:
    precision, recall, f1 = scores.prf()
    lines = [
        f"PLOVER dev: {scores.sentences} sentences",
        f"type           P {precision:.3f}  R {recall:.3f}  F1 {f1:.3f}",
        f"type+countries {scores.countries_share:.3f} ({scores.countries_right}/{scores.sentences})",
        (f"time           events {scores.events_s:.2f}s of analyze {scores.analyze_s:.2f}s:"
         f" adds {scores.time_share:.1%}"),
        "",
        f"{'type':<12} {'gold':>4} {'tp':>4} {'fp':>4} {'P':>6} {'R':>6} {'F1':>6}",
    ]
    types = sorted(set(scores.tp) | set(scores.fn) | set(scores.fp))
    for type_ in types:
        p, r, f = scores.prf(type_)
        gold = scores.tp[type_] + scores.fn[type_]
        lines.append(
            f"{type_:<12} {gold:>4} {scores.tp[type_]:>4} {scores.fp[type_]:>4}"
            f" {p:>6.2f} {r:>6.2f} {f:>6.2f}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list the sentences missed")
    parser.add_argument("--limit", type=int, default=0, help="score only the first N sentences")
    args = parser.parse_args(argv)
    if not DATA.exists():
        print(f"PLOVER data not found at {DATA}: this benchmark needs ../shared/data beside "
              "the repository.", file=sys.stderr)
        return 2
    golds = load_gold()
    if args.limit:
        golds = golds[: args.limit]
    scores = run(golds)
    print(report(scores))
    if SEED.exists():
        events_s, analyze_s = time_story()
        share = events_s / (analyze_s - events_s) if analyze_s > events_s else 0.0
        print(f"\nseed story     events {events_s * 1000:.0f} ms of analyze"
              f" {analyze_s * 1000:.0f} ms: adds {share:.1%}")
    if args.errors:
        print("\nmissed (type and countries):")
        print("\n".join(scores.errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
