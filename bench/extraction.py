"""Article body extraction benchmark: newsgraph against the open peers, one run, one table.

Reads the Zyte (ScrapingHub) article-extraction benchmark from `../shared/data/extraction/
scrapinghub` beside the repository, runs every extractor over its pages one after another in
a fresh single-threaded child process each (so peak memory is the extractor's own and no
extractor warms the caches of the next), and scores each with our implementation of the
benchmark's metric:

* the text is cut into word tokens (`\\w+`) and word 4-shingles, counted with multiplicity;
* per page, precision = matched shingles / predicted shingles, recall = matched / true (an
  empty prediction scores zero on both);
* precision and recall are each averaged over pages, F1 is the harmonic mean of the averages;
* accuracy is the share of near-exact pages: precision and recall both at least 0.9.

Usage::

    .venv/bin/python bench/extraction.py              # every extractor
    .venv/bin/python bench/extraction.py newsgraph trafilatura   # a selection
    .venv/bin/python bench/extraction.py newsgraph --worst 10    # and our worst pages
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import resource
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DATA = REPO.parent / "shared" / "data" / "extraction" / "scrapinghub"

_TOKEN = re.compile(r"\w+")
NEAR_EXACT = 0.9
# Speed is CPU time of the one process (other work on a shared machine does not count against
# an extractor), best of this many passes over all pages, as timeit does.
TIMED_PASSES = 2

Extractor = Callable[[str, str], str]


# --- the metric -----------------------------------------------------------------------------


def shingles(text: str, size: int = 4) -> Counter[tuple[str, ...]]:
    """Word n-shingles of a text, with multiplicity; a text shorter than n is one shingle."""
    tokens = _TOKEN.findall(text or "")
    if not tokens:
        return Counter()
    count = max(1, len(tokens) - size + 1)
    return Counter(tuple(tokens[i : i + size]) for i in range(count))


def score_page(truth: str, prediction: str) -> tuple[float, float]:
    """Shingle precision and recall of one prediction against the true body."""
    true, predicted = shingles(truth), shingles(prediction)
    matched = sum((true & predicted).values())
    precision = matched / sum(predicted.values()) if predicted else 0.0
    recall = matched / sum(true.values()) if true else 0.0
    return precision, recall


@dataclass(frozen=True, slots=True)
class Scores:
    f1: float
    precision: float
    recall: float
    accuracy: float


def summarise(pairs: list[tuple[float, float]]) -> Scores:
    precision = sum(p for p, _ in pairs) / len(pairs)
    recall = sum(r for _, r in pairs) / len(pairs)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    accuracy = sum(1 for p, r in pairs if p >= NEAR_EXACT and r >= NEAR_EXACT) / len(pairs)
    return Scores(f1, precision, recall, accuracy)


# --- the extractors -------------------------------------------------------------------------


def _newsgraph() -> Extractor:
    from newsgraph.extract import extract_html
    from newsgraph.model import Document

    return lambda html, url: extract_html(Document(content=html, kind="html", url=url)).body


def _trafilatura(**options: bool) -> Callable[[], Extractor]:
    def build() -> Extractor:
        import trafilatura

        def run(html: str, url: str) -> str:
            return trafilatura.extract(html, url=url, **options) or ""

        return run

    return build


def _readability() -> Extractor:
    import lxml.html
    from readability import Document as ReadabilityDocument

    def run(html: str, url: str) -> str:
        summary = ReadabilityDocument(html).summary(html_partial=True)
        return lxml.html.fromstring(summary).text_content() if summary.strip() else ""

    return run


def _newspaper() -> Extractor:
    import newspaper

    def run(html: str, url: str) -> str:
        article = newspaper.Article(url, fetch_images=False)
        article.download(input_html=html)
        article.parse()
        return article.text or ""

    return run


def _goose() -> Extractor:
    from goose3 import Goose

    goose = Goose({"enable_image_fetching": False})
    return lambda html, url: goose.extract(raw_html=html, url=url).cleaned_text or ""


def _justext() -> Extractor:
    import justext

    stoplists: dict[str, frozenset[str]] = {}

    def run(html: str, url: str) -> str:
        language = "English"
        if language not in stoplists:
            stoplists[language] = justext.get_stoplist(language)
        paragraphs = justext.justext(html.encode("utf-8"), stoplists[language])
        return "\n\n".join(p.text for p in paragraphs if not p.is_boilerplate)

    return run


EXTRACTORS: dict[str, Callable[[], Extractor]] = {
    "newsgraph": _newsgraph,
    "trafilatura": _trafilatura(),
    "trafilatura favor_precision": _trafilatura(favor_precision=True),
    "trafilatura favor_recall": _trafilatura(favor_recall=True),
    "readability-lxml": _readability,
    "newspaper4k": _newspaper,
    "goose3": _goose,
    "jusText": _justext,
}


# --- running --------------------------------------------------------------------------------


def load_pages() -> list[tuple[str, str, str, str]]:
    """(id, url, html, true body) for every page, decoded the way newsgraph's readers do."""
    from newsgraph.ingest.encoding import decode_bytes

    truth = json.loads((DATA / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for page_id in sorted(truth):
        raw = gzip.decompress((DATA / "html" / f"{page_id}.html.gz").read_bytes())
        entry = truth[page_id]
        pages.append((page_id, entry.get("url") or "", decode_bytes(raw), entry["articleBody"]))
    return pages


def run_child(name: str) -> None:
    """In a child process: run one extractor over every page and print its predictions."""
    pages = load_pages()
    extract = EXTRACTORS[name]()
    extract(pages[0][2], pages[0][1])  # warm-up: lazy imports and model loads are not speed
    predictions: dict[str, str] = {}
    timings = []
    for _ in range(TIMED_PASSES):
        started = time.process_time()
        for page_id, url, html, _truth in pages:
            try:
                predictions[page_id] = extract(html, url)
            except Exception as error:  # noqa: BLE001 - a peer crashing on a page scores zero there
                print(f"{name}: {page_id}: {type(error).__name__}: {error}", file=sys.stderr)
                predictions[page_id] = ""
        timings.append(time.process_time() - started)
    elapsed = min(timings)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB
    json.dump({"seconds": elapsed, "peak_mb": peak_mb, "predictions": predictions}, sys.stdout)


@dataclass(frozen=True, slots=True)
class Row:
    name: str
    scores: Scores
    pages_per_s: float
    peak_mb: float
    per_page: dict[str, tuple[float, float]]


def run_extractor(name: str, truths: dict[str, str]) -> Row:
    env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
    process = subprocess.Popen(
        [sys.executable, __file__, "--child", name], stdout=subprocess.PIPE, env=env, text=True
    )
    output, _ = process.communicate()
    if process.returncode != 0:
        raise SystemExit(f"{name} failed with exit code {process.returncode}")
    result = json.loads(output)
    per_page = {pid: score_page(truths[pid], result["predictions"][pid]) for pid in truths}
    return Row(
        name=name,
        scores=summarise(list(per_page.values())),
        pages_per_s=len(truths) / result["seconds"],
        peak_mb=result["peak_mb"],
        per_page=per_page,
    )


def print_table(rows: list[Row]) -> None:
    header = f"| {'extractor':<28} | F1    | precision | recall | accuracy | pages/s | peak MB |"
    print(header)
    print("|" + "|".join("-" * (len(cell)) for cell in header.split("|")[1:-1]) + "|")
    for row in sorted(rows, key=lambda r: r.scores.f1, reverse=True):
        s = row.scores
        print(
            f"| {row.name:<28} | {s.f1:.3f} | {s.precision:.3f}     | {s.recall:.3f}  "
            f"| {s.accuracy:.3f}    | {row.pages_per_s:7.1f} | {row.peak_mb:7.0f} |"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("extractors", nargs="*", help=f"a selection of: {', '.join(EXTRACTORS)}")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--worst", type=int, default=0, help="list each extractor's N worst pages")
    args = parser.parse_args(argv)
    if not DATA.is_dir():
        print(
            f"benchmark data not found: expected {DATA} (../shared/data beside the repo)",
            file=sys.stderr,
        )
        return 2
    if args.child:
        run_child(args.child)
        return 0
    names = args.extractors or list(EXTRACTORS)
    unknown = [n for n in names if n not in EXTRACTORS]
    if unknown:
        parser.error(f"unknown extractor(s): {', '.join(unknown)}")
    truths = {pid: body for pid, _, _, body in load_pages()}
    rows = []
    for name in names:
        print(f"running {name} ...", file=sys.stderr, flush=True)
        rows.append(run_extractor(name, truths))
    print_table(rows)
    for row in rows if args.worst else []:
        print(f"\n{row.name}: worst pages (F1, precision, recall)")
        ranked = sorted(row.per_page.items(), key=lambda kv: _page_f1(kv[1]))
        for pid, (p, r) in ranked[: args.worst]:
            print(f"  {_page_f1((p, r)):.3f} {p:.3f} {r:.3f} {pid[:16]}")
    return 0


def _page_f1(pair: tuple[float, float]) -> float:
    p, r = pair
    return 2 * p * r / (p + r) if p + r else 0.0


if __name__ == "__main__":
    sys.exit(main())
