"""Text-mode furniture removal, measured on real pages: does it take junk out and keep the story?

Text mode reads pages a scraper already turned into text, furniture and all. To measure it on
real pages with known true bodies, each page of the Zyte (ScrapingHub) benchmark is first
"scraped" the way a recall-minded scraper would (trafilatura with `favor_recall`, which keeps
most of what sits around the article); that text then goes through newsgraph's text mode, and
both are scored against the true body with the benchmark's metric (word 4-shingles, see
`bench/extraction.py`).

What matters most is the last column: true paragraphs dropped. A line whose every shingle is
in the true body and that the remover took out is a true paragraph lost; the rules are built
never to do that.

Usage::

    .venv/bin/python bench/text_furniture.py
"""

from __future__ import annotations

import gzip
import json
import sys
import time
from pathlib import Path

import trafilatura

sys.path.insert(0, str(Path(__file__).resolve().parent))
from extraction import DATA, score_page, shingles, summarise  # noqa: E402

from newsgraph.extract.text import extract_text  # noqa: E402
from newsgraph.model import Document  # noqa: E402


def scraped_text(html: str, url: str) -> str:
    """What a recall-minded scraper hands on: the article with its surroundings, as text."""
    text = trafilatura.extract(html, url=url, favor_recall=True, include_comments=False) or ""
    return text.replace("\n", "\n\n")


def is_true_line(line: str, truth: str) -> bool:
    own = shingles(line)
    return bool(own) and sum(own.values()) >= 3 and not (own - shingles(truth))


def main() -> int:
    truth_file = DATA / "ground-truth.json"
    if not truth_file.exists():
        print(f"bench/text_furniture.py: needs {DATA} (the project's shared data), absent here")
        return 2
    truths = json.loads(truth_file.read_text(encoding="utf-8"))
    raw_scores, ours, dropped, removed_lines, seconds = [], [], [], 0, 0.0
    for page_id, record in sorted(truths.items()):
        html = gzip.decompress((DATA / "html" / f"{page_id}.html.gz").read_bytes()).decode("utf-8", "replace")
        text = scraped_text(html, record["url"])
        truth = record["articleBody"]
        started = time.process_time()
        story = extract_text(Document(content=text, kind="text", url=record["url"]))
        seconds += time.process_time() - started
        raw_scores.append(score_page(truth, text))
        ours.append(score_page(truth, "\n\n".join(filter(None, [story.title, story.body]))))
        removed_lines += len(story.furniture)
        for piece in story.furniture:
            if is_true_line(piece.text, truth):
                dropped.append((page_id[:12], piece.kind, piece.text[:90]))
    pages = len(truths)
    print(f"{'text given to text mode':<28} {'F1':>6} {'P':>6} {'R':>6}")
    for name, pairs in (("as scraped (no removal)", raw_scores), ("newsgraph text mode", ours)):
        s = summarise(pairs)
        print(f"{name:<28} {s.f1:6.3f} {s.precision:6.3f} {s.recall:6.3f}")
    print(f"\n{pages} pages, {removed_lines} lines removed, {len(dropped)} of them true story lines; "
          f"{pages / seconds:.0f} pages/s (text mode alone, CPU time)")
    for page, kind, line in dropped:
        print(f"  dropped [{kind}] {page}: {line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
