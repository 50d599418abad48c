"""Text-mode furniture on real pages: which lines of scraped text are story, which are not.

Text mode reads pages a scraper already turned into text, furniture and all. To measure it on
real pages with known true bodies, every page of the five extraction sets (see
`bench/extraction.py`) is "scraped" the way a recall-minded scraper would (trafilatura with
`favor_recall`, which keeps much of what stands around the article). Each line of that text
is labelled by the page's true body:

* body: its words stand, in order, in the true body (a line under four words only if it is a
  whole paragraph of it);
* furniture: its words are not there (under a fifth of its word 4-shingles are);
* anything between (a line partly in the body) is left out of the counts.

The text then goes through newsgraph's text mode, and the table says, per set and half, the
share of body lines kept and of furniture lines removed, for the hand rules alone and with the
learned line model (`newsgraph/extract/line_model.py`) on top.

`--train` fits that model on the tune halves (scikit-learn, a bench dependency; the package
itself only reads the weights) and writes `src/newsgraph/data/furniture_lines.json`, stamped
with a fingerprint of what it was trained from; `tests/extract/test_line_model.py` fails when
the stamp no longer matches (the data, the features or this trainer changed).

Usage::

    .venv/bin/python bench/text_furniture.py                # measure, both halves
    .venv/bin/python bench/text_furniture.py --half check --sets scrapinghub
    .venv/bin/python bench/text_furniture.py --train        # rebuild the weights
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.metadata
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from extraction import HALVES, REPO, SETS, Page, load_pages, predictions, shingles

from newsgraph.extract import line_model
from newsgraph.extract.text import extract_text
from newsgraph.model import Document

WEIGHTS = REPO / "src" / "newsgraph" / "data" / line_model.WEIGHTS_FILE
SCRAPER = "trafilatura favor_recall"
_TOKEN = re.compile(r"\w+")
# The model's threshold keeps at least this share of the tune half's body lines.
KEEP_TARGET = 0.995


def label(
    line: str, truth_tokens: str, truth_paragraphs: set[str], truth_shingles: Counter
) -> str | None:  # type: ignore[type-arg]
    """ "body", "furniture" or None (partly in the body: not counted)."""
    tokens = _TOKEN.findall(line.lower())
    if not tokens:
        return None
    key = " ".join(tokens)
    inside = f" {key} " in truth_tokens
    if len(tokens) >= 4:
        if inside:
            return "body"
        own = shingles(line.lower())
        share = sum((own & truth_shingles).values()) / max(1, sum(own.values()))
        return "furniture" if share < 0.2 else None
    if key in truth_paragraphs:
        return "body"
    return None if inside else "furniture"


def labelled_lines(page: Page, scraped: str) -> tuple[list[str], list[str | None]]:
    lines = [line.strip() for line in scraped.split("\n") if line.strip()]
    truth = page.truth.lower()
    tokens = " " + " ".join(_TOKEN.findall(truth)) + " "
    paragraphs = {" ".join(_TOKEN.findall(p)) for p in truth.split("\n") if p.strip()}
    truth_shingles = shingles(truth)
    return lines, [label(line, tokens, paragraphs, truth_shingles) for line in lines]


def kept_lines(lines: list[str], learned: bool) -> set[int]:
    """Indexes of the lines text mode keeps in the body."""
    story = extract_text(Document(content="\n\n".join(lines), kind="text"), learned=learned)
    body = {p.strip() for p in story.body.split("\n\n")}
    return {i for i, line in enumerate(lines) if line in body}


def fingerprint() -> str:
    """What the weights were trained from: the sets' true bodies, the scraper's version, the
    feature code and this trainer."""
    digest = hashlib.sha256()
    for name in SETS:
        digest.update((SETS[name] / "ground-truth.json").read_bytes())
    digest.update(importlib.metadata.version("trafilatura").encode())
    digest.update((REPO / "src" / "newsgraph" / "extract" / "line_model.py").read_bytes())
    digest.update(Path(__file__).read_bytes())
    return digest.hexdigest()[:20]


def scraped_pages(sets: list[str], half: str | None, limit: int | None) -> list[tuple[Page, str]]:
    pages = load_pages(sets, half, limit)
    texts = predictions(SCRAPER, pages, fresh=False)
    return [(page, str(texts[f"{page.set}/{page.id}"][0])) for page in pages]


def train(sets: list[str]) -> None:
    import numpy as np
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    rows: list[list[str]] = []
    targets: list[int] = []
    for page, scraped in scraped_pages(sets, "tune", None):
        lines, labels = labelled_lines(page, scraped)
        rule_kinds = line_model_rule_kinds(lines)
        for i, lab in enumerate(labels):
            if lab is None:
                continue
            rows.append(line_model.features(lines, i, rule_kinds[i]))
            targets.append(1 if lab == "furniture" else 0)
    counts: Counter[str] = Counter(f for row in rows for f in set(row))
    vocabulary = {f: i for i, f in enumerate(sorted(f for f, c in counts.items() if c >= 3))}
    indptr, indices = [0], []
    for row in rows:
        indices.extend(sorted({vocabulary[f] for f in row if f in vocabulary}))
        indptr.append(len(indices))
    matrix = csr_matrix(
        (np.ones(len(indices)), indices, indptr), shape=(len(rows), len(vocabulary))
    )
    y = np.array(targets)
    model = LogisticRegression(penalty="l1", solver="liblinear", C=0.5, max_iter=200)
    model.fit(matrix, y)
    names = sorted(vocabulary, key=vocabulary.__getitem__)
    weights = {names[i]: round(float(w), 4) for i, w in enumerate(model.coef_[0]) if abs(w) >= 1e-3}
    probabilities = model.predict_proba(matrix)[:, 1]
    body = np.sort(probabilities[y == 0])
    threshold = float(body[min(len(body) - 1, int(len(body) * KEEP_TARGET))]) + 1e-6
    removed = float((probabilities[y == 1] >= threshold).mean())
    WEIGHTS.parent.mkdir(parents=True, exist_ok=True)
    WEIGHTS.write_text(
        json.dumps(
            {
                "fingerprint": fingerprint(),
                "trained_on": f"tune halves of {', '.join(sets)}: {len(y)} lines, {int(y.sum())} furniture",
                "bias": round(float(model.intercept_[0]), 4),
                "threshold": round(threshold, 4),
                "weights": weights,
            },
            sort_keys=True,
            indent=0,
        )
        + "\n",
        encoding="utf-8",
    )
    print(
        f"{len(y)} lines ({int(y.sum())} furniture), {len(weights)} weights, threshold "
        f"{threshold:.3f}: on the tune half body kept {KEEP_TARGET:.3f}, furniture removed {removed:.3f}"
    )


def line_model_rule_kinds(lines: list[str]) -> list[str | None]:
    from newsgraph.extract.furniture import judge_lines

    return [verdict.kind for verdict in judge_lines(lines)]


def measure(sets: list[str], halves: list[str], limit: int | None) -> None:
    print(
        "| set | half | body lines | furniture lines | rules: kept / removed | learned: kept / removed |"
    )
    print("|---|---|---|---|---|---|")
    totals: dict[tuple[str, str], Counter[str]] = {}
    started, pages_done = time.process_time(), 0
    for half in halves:
        for name in sets:
            counts: Counter[str] = Counter()
            for page, scraped in scraped_pages([name], half, limit):
                lines, labels = labelled_lines(page, scraped)
                pages_done += 1
                for learned in (False, True):
                    kept = kept_lines(lines, learned)
                    tag = "learned" if learned else "rules"
                    for i, lab in enumerate(labels):
                        if lab is not None:
                            counts[f"{tag} {lab}"] += 1
                            counts[f"{tag} {lab} kept"] += i in kept
            totals[(name, half)] = counts
            print(_row(name, half, counts))
        overall: Counter[str] = Counter()
        for (_, h), c in totals.items():
            if h == half:
                overall.update(c)
        print(_row("all", half, overall))
    print(f"\n{pages_done} pages, {time.process_time() - started:.0f} s CPU (both runs)")


def _row(name: str, half: str, c: Counter[str]) -> str:
    def share(tag: str) -> str:
        body, furniture = c[f"{tag} body"], c[f"{tag} furniture"]
        kept = c[f"{tag} body kept"] / body if body else 0.0
        removed = 1 - c[f"{tag} furniture kept"] / furniture if furniture else 0.0
        return f"{kept:.3f} / {removed:.3f}"

    return f"| {name} | {half} | {c['rules body']} | {c['rules furniture']} | {share('rules')} | {share('learned')} |"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--sets", default=",".join(SETS))
    parser.add_argument("--half", choices=HALVES)
    parser.add_argument("--limit", type=int)
    parser.add_argument(
        "--train", action="store_true", help="fit the line model on the tune halves"
    )
    args = parser.parse_args(argv)
    sets = [s for s in args.sets.split(",") if s]
    if any(not (SETS[s] / "ground-truth.json").exists() for s in sets):
        print(
            "bench/text_furniture.py: needs ../shared/data/extraction beside the repo",
            file=sys.stderr,
        )
        return 2
    if args.train:
        train(list(SETS))
        return 0
    measure(sets, [args.half] if args.half else list(HALVES), args.limit)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
