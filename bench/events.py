"""Event coding benchmark: whole development stories beside the PLOVER dev sentences.

Two data sets under `../shared/data/events/`, each split in two halves by
`../shared/tools/split.py` (a story by its file name, a sentence by its PLOVER record id):
rules are tuned on the "tune" half only, and both halves are reported, "check" being the
figure for text no rule was fitted to.

Whole stories (`stories/`): 29 development stories coded under its CODEBOOK.md. Each is run
through the full `analyze` pipeline as a text document and scored by that folder's own
`score.py` (imported from there, not copied): precision of the listed events (right type;
"full": right type and parties), recall of the stories' clear events, and repeats (an act
already listed, listed again) as a share of the events listed. `--min-confidence` scores
only events at or above a confidence (default: the shipped threshold), so the figures are
what a reader of `analyze` sees.

PLOVER sentences (`plover/gsr-dev.json`): runs `analyze` over each sentence and scores:

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
    .venv/bin/python bench/events.py --errors   # and the failures of the tune halves
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
DATA = SHARED / "data" / "events" / "plover" / "gsr-dev.json"
STORIES = SHARED / "data" / "events" / "stories"
SEED = SHARED / "data" / "seed" / "article.txt"
HALVES = ("tune", "check")

TYPE_MAP = {"FIGHT": "ASSAULT"}
CODE_MAP = {"JAP": "JPN", "ITL": "ITA"}


@dataclass(frozen=True, slots=True)
class Gold:
    id: str
    part: str
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
            part=part(r["id"]),
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


def _shared_module(path: Path) -> ModuleType:
    """A module of ../shared (the split, the story scorer), imported from where it lies."""
    spec = importlib.util.spec_from_file_location(f"shared_{path.stem}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@cache
def _split() -> ModuleType:
    return _shared_module(SHARED / "tools" / "split.py")


def part(doc_id: str) -> str:
    """The half of the one shared tuning/check split a document falls in."""
    return str(_split().part(doc_id))


@dataclass(slots=True)
class StoryScores:
    """The story scorer's counts summed over the stories of one half."""

    counts: Counter[str] = field(default_factory=Counter)
    stories: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, result: dict[str, Any]) -> None:
        self.stories += 1
        self.counts.update({k: v for k, v in result.items() if isinstance(v, int)})

    def _share(self, part_: str, whole: str) -> float:
        return self.counts[part_] / self.counts[whole] if self.counts[whole] else 0.0

    @property
    def judged(self) -> int:
        return self.counts["right_type"] + self.counts["wrong"]

    def figures(self) -> dict[str, float]:
        judged = self.judged
        return {
            "precision_type": self.counts["right_type"] / judged if judged else 0.0,
            "precision_full": self.counts["right_full"] / judged if judged else 0.0,
            "recall_type": self._share("found_type", "gold_clear"),
            "recall_full": self._share("found_full", "gold_clear"),
            "repeats": self._share("duplicate", "pred"),
        }

    def line(self, name: str) -> str:
        f = self.figures()
        return (f"{name:<6} {self.stories:>3} stories  P {f['precision_type']:.3f} type /"
                f" {f['precision_full']:.3f} full   R {f['recall_type']:.3f} /"
                f" {f['recall_full']:.3f}   repeats {f['repeats']:.1%}"
                f" ({self.counts['duplicate']}/{self.counts['pred']} listed,"
                f" {self.counts['neutral']} arguable)")


def run_stories(min_confidence: float | None = None) -> dict[str, StoryScores]:
    """Analyze each development story and score it with the set's own scorer, per half,
    keeping the events at or above `min_confidence` (None: the shipped threshold)."""
    from newsgraph.annotate import default_annotators
    from newsgraph.extract import extract_story
    from newsgraph.model import Document

    scorer = _shared_module(STORIES / "score.py")
    annotators = default_annotators()
    halves = {h: StoryScores() for h in HALVES}
    for path in sorted((STORIES / "gold").glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        text_path = STORIES / "text" / gold["story"]
        story = extract_story(Document(content=text_path.read_text(encoding="utf-8"),
                                       kind="text", source_path=str(text_path)))
        for annotator in annotators:
            story = annotator.annotate(story)
        data = story.to_dict()
        if min_confidence is None:
            from newsgraph.model import MIN_CONFIDENCE

            min_confidence = MIN_CONFIDENCE
        if min_confidence > 0:
            data["events"] = [e for e in data["events"] if e["confidence"] >= min_confidence]
        result = scorer.score_story(data, gold)
        half = halves[part(gold["story"])]
        half.add(result)
        half.errors.extend(f"{gold['story']}: {e}" for e in result["errors"])
    return halves


def _story_labels(scorer: ModuleType, data: dict[str, Any], gold: dict[str, Any]) -> list[int | None]:
    """Each listed event judged by the story scorer itself, in listing order: 1 right in
    type and parties, 0 wrong (or right only in type), None a repeat or an arguable one."""
    labels: list[int | None] = []
    before = scorer.score_story({**data, "events": []}, gold)
    events = data["events"]
    for i in range(len(events)):
        after = scorer.score_story({**data, "events": events[: i + 1]}, gold)
        if after["right_full"] > before["right_full"]:
            labels.append(1)
        elif after["right_type"] > before["right_type"] or after["wrong"] > before["wrong"]:
            labels.append(0)
        else:
            labels.append(None)
        before = after
    return labels


def calibration_rows(half: str = "tune") -> tuple[list[tuple[dict[str, float], int]],
                                                  list[tuple[float, int | None, str]]]:
    """(signals, label) of every judged event of one half: the development stories (by
    their scorer) and the PLOVER sentences (right when type and countries are); and, for
    the stories, (confidence, label, story) to choose a threshold on."""
    from newsgraph.annotate import default_annotators
    from newsgraph.annotate.events.coder import EventCoder, find_events_with_signals
    from newsgraph.annotate.events.confidence import confidence
    from newsgraph.extract import extract_story
    from newsgraph.model import Document

    scorer = _shared_module(STORIES / "score.py")
    annotators = [a for a in default_annotators() if not isinstance(a, EventCoder)]
    rows: list[tuple[dict[str, float], int]] = []
    scored: list[tuple[float, int | None, str]] = []
    for path in sorted((STORIES / "gold").glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        if part(gold["story"]) != half:
            continue
        text_path = STORIES / "text" / gold["story"]
        story = extract_story(Document(content=text_path.read_text(encoding="utf-8"),
                                       kind="text", source_path=str(text_path)))
        for annotator in annotators:
            story = annotator.annotate(story)
        found = [(e, s) for e, s in find_events_with_signals(story) if not e.background]
        data = {"body": story.body,
                "events": [{"type": e.type, "evidence": [list(x) for x in e.evidence],
                            "source": [{"text": a.text, "country": a.country, "sector": a.sector}
                                       for a in e.source],
                            "target": [{"text": a.text, "country": a.country, "sector": a.sector}
                                       for a in e.target]} for e, _ in found]}
        for (_, signals), label in zip(found, _story_labels(scorer, data, gold), strict=True):
            scored.append((confidence(signals), label, gold["story"]))
            if label is not None:
                rows.append((signals, label))
    for gold_ in load_gold():
        if gold_.part != half:
            continue
        story = extract_story(Document(content=gold_.text, kind="text"))
        for annotator in annotators:
            story = annotator.annotate(story)
        for event, signals in find_events_with_signals(story):
            if not event.background:
                rows.append((signals, int(_countries_match([event], gold_))))
    return rows, scored


def calibrate() -> str:
    """Fit the confidence weights on the tune halves and write them; report the curve."""
    from sklearn.linear_model import LogisticRegression

    from newsgraph.annotate.events.confidence import FEATURES, WEIGHTS

    rows, _ = calibration_rows("tune")
    model = LogisticRegression(C=1.0, max_iter=1000)
    model.fit([[s[f] for f in FEATURES] for s, _ in rows], [y for _, y in rows])
    weights = {"bias": round(float(model.intercept_[0]), 4)}
    weights.update({f: round(float(w), 4) for f, w in zip(FEATURES, model.coef_[0], strict=True)})
    WEIGHTS.write_text(json.dumps({"fitted_on": "tune halves of events/stories and"
                                   " events/plover", "rows": len(rows), "weights": weights},
                                  indent=1) + "\n", encoding="utf-8")
    _confidence_cache_clear()
    lines = [f"fitted on {len(rows)} judged events; weights {weights}"]
    for half in HALVES:
        _, scored = calibration_rows(half)
        for threshold in (0.0, 0.3, 0.4, 0.5, 0.55, 0.6, 0.65, 0.7):
            kept = [(c, y) for c, y, _ in scored if c >= threshold and y is not None]
            right = sum(y for _, y in kept)
            lines.append(f"{half} >= {threshold:.2f}: {len(kept)} judged, precision full"
                         f" {right / len(kept) if kept else 0:.3f}, right {right}")
    return "\n".join(lines)


def _confidence_cache_clear() -> None:
    from newsgraph.annotate.events import confidence

    confidence._weights.cache_clear()


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
    parser.add_argument("--errors", action="store_true",
                        help="list the failures of the tune halves (never of the check halves)")
    parser.add_argument("--limit", type=int, default=0, help="score only the first N sentences")
    parser.add_argument("--min-confidence", type=float, default=None,
                        help="score only events at or above this confidence"
                             " (default: the shipped threshold)")
    parser.add_argument("--stories-only", action="store_true", help="skip the PLOVER sentences")
    parser.add_argument("--calibrate", action="store_true",
                        help="refit the confidence weights on the tune halves and write them")
    args = parser.parse_args(argv)
    if not DATA.exists() or not STORIES.exists():
        print(f"event data not found under {DATA.parent.parent}: this benchmark needs"
              " ../shared/data beside the repository.", file=sys.stderr)
        return 2
    if args.calibrate:
        print(calibrate())
        return 0
    threshold = args.min_confidence
    if threshold is None:
        from newsgraph.model import MIN_CONFIDENCE

        threshold = MIN_CONFIDENCE
    stories = run_stories(threshold)
    print(f"development stories (events at confidence >= {threshold:.2f}; all: 29 stories)")
    for half in HALVES:
        print(stories[half].line(half))
    if not args.stories_only:
        golds = load_gold()
        if args.limit:
            golds = golds[: args.limit]
        halves = {h: run([g for g in golds if g.part == h]) for h in HALVES}
        for half in HALVES:
            print()
            print(f"[{half}] " + report(halves[half]))
        if SEED.exists():
            events_s, analyze_s = time_story()
            share = events_s / (analyze_s - events_s) if analyze_s > events_s else 0.0
            print(f"\nseed story     events {events_s * 1000:.0f} ms of analyze"
                  f" {analyze_s * 1000:.0f} ms: adds {share:.1%}")
    if args.errors:
        print("\nstories, tune half: events listed and judged wrong")
        print("\n".join(stories["tune"].errors))
        if not args.stories_only:
            print("\nPLOVER, tune half: missed (type and countries)")
            print("\n".join(halves["tune"].errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
