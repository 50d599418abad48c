"""Furniture removal on real article bodies: are true paragraphs kept and furniture lines gone?

Issue 2's measure. Each PolNeAR dev text (real political news, `../shared/data/attribution/
polnear/dev/text`) is a clean body; furniture is put into it the way republishing sites do
(teasers of other stories between paragraphs, with and without "READ MORE:"-style prefixes;
disclaimers on top or below; corrections widgets, agency boilerplate, credit lines, share,
newsletter, comment and advertisement prompts, copyright lines at the end), and the result
goes through newsgraph's text mode. Counted:

* true paragraphs kept unchanged: each of the article's own paragraphs found, exactly, as a
  paragraph of the extracted body (the goal is at least 99%);
* furniture lines removed: each inserted line absent from the body (the goal is at least 95%);
* text documents a second through `extract_text` on one core (the goal is at least 50).

The furniture below was written for this bench; teaser headlines are also drawn from the
titles of the other PolNeAR articles, the hardest kind: another story on the same campaign.

Usage::

    .venv/bin/python bench/furniture.py            # figures, and the misses
    .venv/bin/python bench/furniture.py --seed 7   # another random placement
"""

from __future__ import annotations

import argparse
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from newsgraph.extract.text import extract_text
from newsgraph.model import Document

REPO = Path(__file__).resolve().parent.parent
TEXTS = REPO.parent / "shared" / "data" / "attribution" / "polnear" / "dev" / "text"

PEOPLE = ["Dana Whitfield", "Marco Ruiz", "Helen Okafor", "Tom Brandt", "Priya Raman", "Olu Adeyemi"]
PLACES = ["Chicago", "Houston", "Des Moines", "Atlanta", "Denver", "London", "Brussels", "Miami"]
OUTLETS = ["The Daily Sentinel", "Liberty Ledger", "The Prairie Post", "Coastline News", "The Civic Herald"]
AGENCIES = ["Associated Press", "Reuters", "AFP"]

TEASERS = [
    "Senate Committee Advances Highway Funding Bill After Marathon Session",
    "Celebrity Chef Opens Flagship Restaurant In Former Train Station",
    "Storm Knocks Out Power To Thousands Across The Gulf Coast",
    "Quarterback's Late Touchdown Lifts Hometown Team Into Playoffs",
    "Five Retirement Mistakes That Could Cost You Thousands",
    "Pop star cancels world tour dates after vocal surgery",
    "Wildfire near Santa Rosa forces evacuation of two neighborhoods",
    "Tech Giant Unveils Folding Phone With Week-Long Battery",
    "Zoo welcomes rare snow leopard cubs born during blizzard",
    "Mortgage Rates Climb For Third Straight Week, Freddie Mac Says",
]
PREFIXES = ["Breaking: ", "READ MORE: ", "Related: ", "RELATED: ", "SEE ALSO: ", "MORE: ", "Trending: ",
            "WATCH: ", "Don't Miss: ", "Read more: ", "Recommended: ", ""]


def disclaimers(outlet: str, agency: str) -> list[str]:
    return [
        f"{outlet} has not reviewed this {agency} story before publishing it and is not responsible for its content.",
        f"This article originally appeared on {outlet} and is republished here with permission.",
        f"The views expressed in this piece are the author's own and do not necessarily reflect those of {outlet}.",
        f"Editor's note: This story was provided by {agency}. It has not been edited by {outlet} staff.",
        f"This story is published as a courtesy to our readers; {outlet} does not necessarily endorse its views.",
    ]


CORRECTIONS = [
    "Submit a correction",
    "Spot an error? Let us know.",
    "Report an error",
    "We are committed to accuracy and fairness. See our corrections policy.",
    "See something that doesn't look right? Contact our editors.",
    "Corrections & Clarifications",
]


def agency_boilerplate(agency: str, year: int) -> list[str]:
    return {
        "Associated Press": [
            "The Associated Press is an independent global news organization dedicated to factual reporting, "
            "founded in 1846.",
            f"Copyright {year} The Associated Press. All rights reserved. This material may not be published, "
            "broadcast, rewritten or redistributed.",
        ],
        "Reuters": [
            "Reuters, the news and media division of Thomson Reuters, is the world's largest multimedia news "
            "provider, reaching billions of people worldwide every day.",
            f"Copyright {year} Thomson Reuters. All rights reserved.",
        ],
        "AFP": [
            "AFP is a global news agency delivering fast, in-depth and verified coverage of the events shaping "
            "our world.",
            f"© {year} AFP",
        ],
    }[agency]


def credits(agency: str) -> list[str]:
    a, b = random.sample(PEOPLE, 2)
    p, q = random.sample(PLACES, 2)
    return [
        f"{a} in {p} contributed to this report.",
        f"{agency} writers {a} in {p} and {b} in {q} contributed to this story.",
        f"(Reporting by {a} in {p}; Editing by {b})",
        f"{a} contributed reporting from {p}.",
        f"Additional reporting by {a} in {q}.",
    ]


PROMPTS = [
    ("share", "Share this article"),
    ("share", "Share on Facebook"),
    ("share", "Follow us on Twitter for the latest updates"),
    ("newsletter", "Sign up for our morning newsletter and get the day's top stories delivered to your inbox."),
    ("newsletter", "Subscribe to our politics newsletter"),
    ("other", "Advertisement"),
    ("other", "Story continues below advertisement"),
    ("other", "Comments"),
    ("other", "Join the conversation"),
    ("other", "Leave a comment"),
]


def copyright_lines(outlet: str, year: int) -> list[str]:
    return [f"Copyright © {year} {outlet}. All rights reserved.", f"© {year} {outlet}", "All rights reserved."]


@dataclass(frozen=True, slots=True)
class Case:
    name: str
    paragraphs: list[str]
    furniture: list[str]
    text: str


def article_paragraphs(path: Path) -> list[str]:
    return [p.strip() for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]


def build_case(path: Path, other_titles: list[str], rng: random.Random) -> Case:
    """One article with furniture of every kind put in where sites put it."""
    random.seed(rng.random())
    paragraphs = article_paragraphs(path)
    outlet, agency, year = rng.choice(OUTLETS), rng.choice(AGENCIES), rng.choice([2016, 2019, 2024])
    lines = list(paragraphs)
    furniture: list[str] = []
    # Teasers between paragraphs (never before the lead): two or three, varied prefixes.
    for _ in range(rng.choice([2, 3])):
        headline = rng.choice(other_titles) if rng.random() < 0.4 else rng.choice(TEASERS)
        teaser = rng.choice(PREFIXES) + headline
        lines.insert(rng.randrange(2, len(lines) + 1), teaser)
        furniture.append(teaser)
    top: list[str] = []
    if rng.random() < 0.3:
        top.append(rng.choice(disclaimers(outlet, agency)))
    if rng.random() < 0.3:
        top.append(rng.choice([t for k, t in PROMPTS if k == "share"]))
    tail = [rng.choice(credits(agency))]
    if not top or rng.random() < 0.5:
        tail.append(rng.choice(disclaimers(outlet, agency)))
    tail += rng.sample(CORRECTIONS, 2)
    tail += agency_boilerplate(agency, year)[: rng.choice([1, 2])]
    tail += [t for _, t in rng.sample(PROMPTS, 2)]
    tail.append(rng.choice(copyright_lines(outlet, year)))
    furniture += top + tail
    # Title first, as scraped pages have it; the article's own first paragraph is its title.
    text = "\n\n".join(paragraphs[:1] + top + lines[1:] + tail)
    return Case(path.name, paragraphs, furniture, text)


def cli_speed(cases: list[Case], rounds: int = 3) -> float:
    """Documents a second through the command itself, one process, start-up included.

    CPU time of the child (user and system), best of a few runs: on a shared machine, wall
    time measures the neighbours too.
    """
    with tempfile.TemporaryDirectory() as folder, tempfile.TemporaryDirectory() as out:
        for case in cases:
            (Path(folder) / case.name).write_text(case.text, encoding="utf-8")
        command = [sys.executable, "-m", "newsgraph.cli", "extract", folder, "--jobs", "1",
                   "--format", "jsonl", "-o", str(Path(out) / "stories.jsonl")]
        best = float("inf")
        for _ in range(rounds):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            subprocess.run(command, check=True)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            best = min(best, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return len(cases) / best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--quiet", action="store_true", help="figures only")
    args = parser.parse_args(argv)
    if not TEXTS.is_dir():
        print(f"bench/furniture.py: needs {TEXTS.relative_to(REPO.parent)} (the shared data), absent here")
        return 2
    paths = sorted(TEXTS.glob("*.txt"))
    titles = [article_paragraphs(p)[0].split("\n")[0].strip().rstrip(".;") for p in paths]
    rng = random.Random(args.seed)
    cases = [build_case(p, titles[:i] + titles[i + 1 :], rng) for i, p in enumerate(paths)]

    kept = total_paragraphs = removed = total_furniture = 0
    lost: list[tuple[str, str]] = []
    left: list[tuple[str, str]] = []
    kinds: Counter[str] = Counter()
    started = time.process_time()
    stories = [extract_text(Document(content=case.text, kind="text")) for case in cases]
    seconds = time.process_time() - started
    for case, story in zip(cases, stories, strict=True):
        body = set(story.paragraphs) | ({story.title} if story.title else set())
        for paragraph in case.paragraphs:
            total_paragraphs += 1
            if paragraph in body:
                kept += 1
            else:
                lost.append((case.name, paragraph))
        found = {f.text: f.kind for f in story.furniture}
        for line in case.furniture:
            total_furniture += 1
            if line not in body:
                removed += 1
                kinds[found.get(line, "?")] += 1
            else:
                left.append((case.name, line))
    print(f"{len(cases)} articles, {total_paragraphs} true paragraphs, {total_furniture} furniture lines put in")
    print(f"true paragraphs kept unchanged: {kept / total_paragraphs:.4f} ({total_paragraphs - kept} lost)")
    print(f"furniture lines removed:        {removed / total_furniture:.4f} ({total_furniture - removed} left)")
    print(f"text mode speed:                {len(cases) / seconds:.0f} documents/s on one core (CPU time)")
    print(f"`newsgraph extract --jobs 1`:   {cli_speed(cases):.0f} documents/s (CPU time, start-up included)")
    if not args.quiet:
        for name, paragraph in lost:
            print(f"  lost {name[:40]}: {paragraph[:100]}")
        for name, line in left:
            print(f"  left {name[:40]}: {line[:100]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
