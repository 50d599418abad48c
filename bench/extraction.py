"""Article body extraction benchmark over five sets: newsgraph beside the open peers, one table.

The sets live beside the repository in `../shared/data/extraction`: `scrapinghub` (the Zyte
benchmark, 181 news pages, the set the extract stage was first developed on) and the four
under `wide/` (dragnet, cleaneval, cleanportaleval, readability; 2,290 pages of other eras and
kinds). Every page is in one half, `tune` or `check`, by `split.py` on its id (a hash): look at
failures only on the tune half, report the check half.

Each extractor runs in a fresh single-threaded child process (peak memory is its own, no
extractor warms the caches of the next) and is scored with the benchmark's metric:

* the text is cut into word tokens (`\\w+`) and word 4-shingles, counted with multiplicity;
* per page, precision = matched shingles / predicted shingles, recall = matched / true (an
  empty prediction scores zero on both);
* precision and recall are each averaged over pages, F1 is the harmonic mean of the averages;
  a macro figure is the mean of the five sets' figures;
* accuracy is the share of near-exact pages: precision and recall both at least 0.9.

Speed is CPU time (one core, other work on the machine does not count against an extractor),
per set, pages per second. newsgraph always runs; a peer's predictions and timings are cached
outside the repository (`$XDG_CACHE_HOME/newsgraph-bench`) keyed by its version, so iterating
costs only newsgraph's run; `--fresh` runs the peers again (do that for the published speed
ratios, so both sides are timed in one run).

Usage::

    .venv/bin/python bench/extraction.py                            # every extractor, all pages
    .venv/bin/python bench/extraction.py newsgraph trafilatura      # a selection
    .venv/bin/python bench/extraction.py --sets dragnet,readability --half tune --limit 100
    .venv/bin/python bench/extraction.py newsgraph --half tune --worst 10   # our worst pages
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import importlib.metadata
import json
import os
import re
import resource
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ROOT = REPO.parent / "shared" / "data" / "extraction"
DATA = ROOT / "scrapinghub"
SETS: dict[str, Path] = {
    "scrapinghub": DATA,
    "dragnet": ROOT / "wide" / "dragnet",
    "cleaneval": ROOT / "wide" / "cleaneval",
    "cleanportaleval": ROOT / "wide" / "cleanportaleval",
    "readability": ROOT / "wide" / "readability",
}
SPLIT = REPO.parent / "shared" / "tools"
HALVES = ("tune", "check")
CACHE = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "newsgraph-bench"

_TOKEN = re.compile(r"\w+")
NEAR_EXACT = 0.9

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
    if not pairs:
        return Scores(0.0, 0.0, 0.0, 0.0)
    precision = sum(p for p, _ in pairs) / len(pairs)
    recall = sum(r for _, r in pairs) / len(pairs)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    accuracy = sum(1 for p, r in pairs if p >= NEAR_EXACT and r >= NEAR_EXACT) / len(pairs)
    return Scores(f1, precision, recall, accuracy)


def macro(scores: Iterable[Scores]) -> Scores:
    """The mean of per-set figures: every set counts the same, whatever its size."""
    listed = list(scores)
    if not listed:
        return Scores(0.0, 0.0, 0.0, 0.0)
    n = len(listed)
    return Scores(
        sum(s.f1 for s in listed) / n,
        sum(s.precision for s in listed) / n,
        sum(s.recall for s in listed) / n,
        sum(s.accuracy for s in listed) / n,
    )


# --- the pages ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Page:
    set: str
    id: str
    url: str
    html: str
    truth: str
    half: str


def part(page_id: str) -> str:
    """The page's half, by the project's one split rule (`split.py`, beside the data)."""
    if str(SPLIT) not in sys.path:
        sys.path.append(str(SPLIT))
    from split import part as split_part  # type: ignore[import-not-found]

    return str(split_part(page_id))


def load_pages(
    sets: Iterable[str] = ("scrapinghub",), half: str | None = None, limit: int | None = None
) -> list[Page]:
    """The pages of the named sets (one half, or both), decoded the way newsgraph's readers do;
    `limit` takes the first N of each set and half in id order."""
    from newsgraph.ingest.encoding import decode_bytes

    pages: list[Page] = []
    for name in sets:
        folder = SETS[name]
        truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
        taken: Counter[str] = Counter()
        for page_id in sorted(truth):
            page_half = part(page_id)
            if half is not None and page_half != half:
                continue
            if limit is not None and taken[page_half] >= limit:
                continue
            taken[page_half] += 1
            raw = gzip.decompress((folder / "html" / f"{page_id}.html.gz").read_bytes())
            entry = truth[page_id]
            pages.append(
                Page(name, page_id, entry.get("url") or "", decode_bytes(raw),
                     entry["articleBody"], page_half)
            )  # fmt: skip
    return pages


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
        article = newspaper.Article(url or "http://example.com/", fetch_images=False)
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

    stoplist = justext.get_stoplist("English")

    def run(html: str, url: str) -> str:
        paragraphs = justext.justext(html.encode("utf-8"), stoplist)
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
DEFAULT = ["newsgraph", "trafilatura", "trafilatura favor_precision", "readability-lxml",
           "newspaper4k", "jusText"]  # fmt: skip
_PACKAGE = {
    "trafilatura": "trafilatura",
    "trafilatura favor_precision": "trafilatura",
    "trafilatura favor_recall": "trafilatura",
    "readability-lxml": "readability-lxml",
    "newspaper4k": "newspaper4k",
    "goose3": "goose3",
    "jusText": "jusText",
}


# --- running --------------------------------------------------------------------------------


def run_child(name: str, keys: list[str]) -> None:
    """In a child process: one extractor over the given pages; predictions and CPU time."""
    wanted = set(keys)
    sets = sorted({key.split("/", 1)[0] for key in keys})
    pages = [p for p in load_pages(sets) if f"{p.set}/{p.id}" in wanted]
    extract = EXTRACTORS[name]()
    if pages:
        extract(pages[0].html, pages[0].url)  # warm-up: lazy imports and model loads are not speed
    results: dict[str, list[object]] = {}
    clock = time.process_time
    for page in pages:
        started = clock()
        try:
            prediction = extract(page.html, page.url)
        except Exception as error:  # noqa: BLE001 - a peer crashing on a page scores zero there
            print(f"{name}: {page.set}/{page.id}: {type(error).__name__}: {error}", file=sys.stderr)
            prediction = ""
        results[f"{page.set}/{page.id}"] = [prediction, clock() - started]
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB
    json.dump({"peak_mb": peak_mb, "results": results}, sys.stdout)


def _cache_file(name: str) -> Path:
    package = _PACKAGE.get(name)
    version = importlib.metadata.version(package) if package else "0"
    key = hashlib.sha256(f"{name} {version}".encode()).hexdigest()[:16]
    return CACHE / f"{name.replace(' ', '_')}-{version}-{key}.json"


def predictions(name: str, pages: list[Page], fresh: bool) -> dict[str, list[object]]:
    """`set/id` -> [prediction, CPU seconds] for every page, from the cache where allowed."""
    cacheable = name in _PACKAGE
    cached: dict[str, list[object]] = {}
    path = _cache_file(name)
    if cacheable and not fresh and path.exists():
        cached = json.loads(path.read_text(encoding="utf-8"))
    wanted = [f"{p.set}/{p.id}" for p in pages if f"{p.set}/{p.id}" not in cached]
    if wanted:
        env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
        process = subprocess.run(
            [sys.executable, __file__, "--child", name],
            input=json.dumps(wanted), capture_output=False, stdout=subprocess.PIPE,
            env=env, text=True, check=False,
        )  # fmt: skip
        if process.returncode != 0:
            raise SystemExit(f"{name} failed with exit code {process.returncode}")
        cached.update(json.loads(process.stdout)["results"])
        if cacheable:
            CACHE.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(cached), encoding="utf-8")
    return {f"{p.set}/{p.id}": cached[f"{p.set}/{p.id}"] for p in pages}


@dataclass(frozen=True, slots=True)
class Row:
    name: str
    scores: dict[tuple[str, str], Scores]  # (set, half) -> scores; set "macro" for the mean
    pages_per_s: dict[str, float]  # set -> pages per CPU second over the selected pages
    per_page: dict[str, tuple[float, float]]


def run_extractor(name: str, pages: list[Page], fresh: bool) -> Row:
    results = predictions(name, pages, fresh)
    per_page: dict[str, tuple[float, float]] = {}
    grouped: dict[tuple[str, str], list[tuple[float, float]]] = {}
    seconds: Counter[str] = Counter()
    counts: Counter[str] = Counter()
    for page in pages:
        key = f"{page.set}/{page.id}"
        prediction, spent = results[key]
        pair = score_page(page.truth, str(prediction))
        per_page[key] = pair
        grouped.setdefault((page.set, page.half), []).append(pair)
        seconds[page.set] += float(spent)  # type: ignore[arg-type]
        counts[page.set] += 1
    scores = {key: summarise(pairs) for key, pairs in grouped.items()}
    for half in HALVES:
        of_half = [s for (_, h), s in scores.items() if h == half]
        if of_half:
            scores[("macro", half)] = macro(of_half)
    speed = {s: counts[s] / seconds[s] if seconds[s] else 0.0 for s in counts}
    return Row(name, scores, speed, per_page)


def print_tables(rows: list[Row], sets: list[str], halves: list[str]) -> None:
    for half in halves:
        print(f"\n## {half} half: F1 / precision / recall\n")
        header = "| extractor | " + " | ".join([*sets, "macro"]) + " |"
        print(header)
        print("|" + "---|" * (len(sets) + 2))
        for row in sorted(
            rows, key=lambda r: -r.scores.get(("macro", half), Scores(0, 0, 0, 0)).f1
        ):
            cells = []
            for name in [*sets, "macro"]:
                s = row.scores.get((name, half))
                cells.append(f"{s.f1:.3f} ({s.precision:.3f}/{s.recall:.3f})" if s else "-")
            print(f"| {row.name} | " + " | ".join(cells) + " |")
    print("\n## speed: pages per CPU second, one core\n")
    print("| extractor | " + " | ".join(sets) + " |")
    print("|" + "---|" * (len(sets) + 1))
    for row in rows:
        print(
            f"| {row.name} | " + " | ".join(f"{row.pages_per_s.get(s, 0):.1f}" for s in sets) + " |"
        )
    ours = next((r for r in rows if r.name == "newsgraph"), None)
    theirs = next((r for r in rows if r.name == "trafilatura"), None)
    if ours and theirs:
        ratios = " | ".join(
            f"{ours.pages_per_s[s] / theirs.pages_per_s[s]:.2f}"
            if theirs.pages_per_s.get(s)
            else "-"
            for s in sets
        )
        print(f"| newsgraph ÷ trafilatura | {ratios} |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("extractors", nargs="*", help=f"a selection of: {', '.join(EXTRACTORS)}")
    parser.add_argument("--sets", default=",".join(SETS), help="comma-separated set names")
    parser.add_argument("--half", choices=HALVES, help="only this half (default: both)")
    parser.add_argument("--limit", type=int, help="at most N pages of each set and half")
    parser.add_argument("--fresh", action="store_true", help="run the peers again, no cache")
    parser.add_argument("--worst", type=int, default=0, help="list each extractor's N worst pages")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    sets = [s.strip() for s in args.sets.split(",") if s.strip()]
    unknown_sets = [s for s in sets if s not in SETS]
    if unknown_sets:
        parser.error(f"unknown set(s): {', '.join(unknown_sets)}; known: {', '.join(SETS)}")
    missing = [str(SETS[s]) for s in sets if not (SETS[s] / "ground-truth.json").exists()]
    if missing:
        print(f"benchmark data not found: {missing[0]} (../shared/data beside the repo)",
              file=sys.stderr)  # fmt: skip
        return 2
    if args.child:
        run_child(args.child, json.loads(sys.stdin.read()))
        return 0
    names = args.extractors or DEFAULT
    unknown = [n for n in names if n not in EXTRACTORS]
    if unknown:
        parser.error(f"unknown extractor(s): {', '.join(unknown)}")
    pages = load_pages(sets, args.half, args.limit)
    rows = []
    for name in names:
        print(f"running {name} over {len(pages)} pages ...", file=sys.stderr, flush=True)
        rows.append(run_extractor(name, pages, args.fresh))
    halves = [args.half] if args.half else list(HALVES)
    print_tables(rows, sets, halves)
    for row in rows if args.worst else []:
        print(f"\n{row.name}: worst pages (F1, precision, recall)")
        ranked = sorted(row.per_page.items(), key=lambda kv: _page_f1(kv[1]))
        for key, (p, r) in ranked[: args.worst]:
            print(f"  {_page_f1((p, r)):.3f} {p:.3f} {r:.3f} {key}")
    return 0


def _page_f1(pair: tuple[float, float]) -> float:
    p, r = pair
    return 2 * p * r / (p + r) if p + r else 0.0


if __name__ == "__main__":
    sys.exit(main())
