"""Archive benchmark: ingest a 20,000-page syndicated corpus and measure the archive.

The corpus is built at run time in a temporary folder (never in the repository) from real
story bodies read from `../shared/data` beside the repository: PolNeAR's train and dev
texts and the ScrapingHub benchmark's true bodies (with its real HTML pages as their
original copies). Each body reappears as syndicated copies under invented publishers, each
publisher with its own furniture (a disclaimer, a newsletter prompt, a recurring promo line
in plain prose, related-story teasers, share prompts), and each copy varied the way
republished wire copies vary: another headline, the dateline with or without its agency or
none, another byline, the last paragraphs trimmed, a local paragraph added. Copies come as
text files, HTML files, JSONL records and WARC responses.

It then runs `newsgraph.corpus.ingest` in a child process, twice:

1. full analysis (`stage="analyze"`: extract, entities, quotes, events) of the first
   `--analyze` file pages, for the full-analysis rate and for quotes to query;
2. extract-only over the whole corpus (the pages of step 1 are skipped as already stored),
   for the extract-only rate.

and reports: both ingest rates (stories per second, `--jobs` workers), cluster precision
and recall (pairwise, against the known copies), how many syndicated clusters name the right
original source, the publisher promo lines learned as furniture, search and quote-query
latency (median and 95th percentile over 200 queries each), peak memory of the ingest
process tree (sampled, with samples along the run to show it stays flat), and archive size.

Usage::

    .venv/bin/python bench/archive.py                        # 20,000 pages, both cores
    .venv/bin/python bench/archive.py --pages 2000 --analyze 100   # a quick look
    .venv/bin/python bench/archive.py --json artifacts/bench-archive.json
"""

from __future__ import annotations

import argparse
import gzip
import html
import io
import json
import os
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from math import comb
from pathlib import Path

from fastwarc.warc import WarcRecord, WarcRecordType

REPO = Path(__file__).resolve().parent.parent
DATA = REPO.parent / "shared" / "data"
POLNEAR = DATA / "attribution" / "polnear"
SCRAPINGHUB = DATA / "extraction" / "scrapinghub"

AGENCY_NAMES = {"AP": "The Associated Press", "AFP": "Agence France-Presse",
                "Reuters": "Reuters", "UPI": "United Press International"}
SOURCE_PUBLISHERS = {"breitbart": "Breitbart", "huff-post": "HuffPost", "nyt": "The New York Times",
                     "politico": "Politico", "usa-today": "USA Today", "wash-post": "The Washington Post",
                     "west-journal": "The Western Journal", "parc": "The Wall Street Journal"}


@dataclass(frozen=True)
class Publisher:
    name: str
    domain: str
    city: str
    promo: str  # a recurring plain-prose line the archive should learn as furniture


PUBLISHERS = [
    Publisher("The Harbor Ledger", "harborledger.example", "Harbor City",
              "The Harbor Ledger depends on readers like you to keep reporting on the stories that matter here."),
    Publisher("Kestrel Valley Gazette", "kvgazette.example", "Kestrel",
              "Got a story idea for the Gazette newsroom? Our editors read every message that comes in."),
    Publisher("The Morning Dispatch", "morningdispatch.example", "Ashford",
              "The Morning Dispatch is proudly owned by its employees and has served Ashford since 1911."),
    Publisher("Prairie Sun Times", "prairiesun.example", "Wheatland",
              "Prairie Sun Times subscribers get unlimited access to our archive of local reporting."),
    Publisher("Coastline Herald", "coastlineherald.example", "Port Mara",
              "Coastline Herald journalists follow a published code of ethics available on our website."),
    Publisher("The Northern Courier", "northerncourier.example", "Elk Ridge",
              "The Northern Courier corrects errors promptly; write to our standards editor with concerns."),
    Publisher("Metro Evening Post", "metroeveningpost.example", "Riverside",
              "Metro Evening Post reporters are on the ground in every neighborhood of Riverside each day."),
    Publisher("Lakeshore Tribune", "lakeshoretribune.example", "Lakeshore",
              "The Lakeshore Tribune is a nonprofit newsroom supported by members, foundations and readers."),
    Publisher("Highland Observer", "highlandobserver.example", "Glen Alder",
              "Highland Observer coverage of state politics is made possible by our founding members."),
    Publisher("The Delta Record", "deltarecord.example", "Delta Springs",
              "The Delta Record welcomes letters to the editor of up to 250 words from local readers."),
    Publisher("Summit County News", "summitcountynews.example", "Summit",
              "Summit County News is independently owned and operated by a family of local journalists."),
    Publisher("The Bay Chronicle", "baychronicle.example", "Bayview",
              "The Bay Chronicle has won regional press awards for its investigative work since 1998."),
]
TOWN_WORDS = ["Oakdale", "Fernhill", "Brookside", "Millbrook", "Stonegate", "Ashgrove", "Pinecrest",
              "Clearwater", "Redcliff", "Westmoor", "Kingsbridge", "Foxhollow"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_DATELINE = re.compile(r"^([A-Z][A-Z .,'’-]{2,40}?)\s*(?:\(([^)]{1,30})\))?\s*[—–-]{1,2}\s+")


@dataclass
class Source:
    """One real story body: the truth all its copies share."""

    key: str
    title: str
    paragraphs: list[str]
    publisher: str
    agency: str | None
    published: date
    author: str | None
    original_html: str | None = None
    url: str | None = None


# --- sources ----------------------------------------------------------------------------


def load_sources() -> list[Source]:
    if not POLNEAR.exists() or not SCRAPINGHUB.exists():
        sys.exit(f"bench/archive.py needs {DATA} (PolNeAR and ScrapingHub); it is absent here")
    meta: dict[str, dict[str, str]] = {}
    with open(POLNEAR / "metadata.tsv", encoding="utf-8") as handle:
        header = handle.readline().rstrip("\n").split("\t")
        for line in handle:
            row = dict(zip(header, line.rstrip("\n").split("\t"), strict=False))
            meta[row["filename"]] = row
    sources: list[Source] = []
    for path in sorted(POLNEAR.glob("*/text/*.txt")):
        lines = [p.strip() for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]
        if len(lines) < 3:
            continue
        row = meta.get(path.stem, {})
        wire = row.get("wire") if row.get("wire") not in (None, "", "None", "NA") else None
        agency = {"reuters": "Reuters"}.get((wire or "").lower(), wire)
        try:
            published = date.fromisoformat(row.get("publication_date", ""))
        except ValueError:
            published = date(2016, 3, 1)
        author = row.get("author") if row.get("author") not in (None, "", "None", "NA") else None
        publisher = SOURCE_PUBLISHERS.get(row.get("publisher", ""), "The Washington Post")
        sources.append(Source(f"polnear/{path.stem}", lines[0], lines[1:], publisher,
                              agency if agency in AGENCY_NAMES else None, published, author))
    truth = json.loads((SCRAPINGHUB / "ground-truth.json").read_text(encoding="utf-8"))
    for name, item in sorted(truth.items()):
        paragraphs = [p.strip() for p in item["articleBody"].split("\n") if p.strip()]
        page = SCRAPINGHUB / "html" / f"{name}.html.gz"
        if len(paragraphs) < 2 or not page.exists():
            continue
        raw = gzip.decompress(page.read_bytes()).decode("utf-8", errors="replace")
        match = re.search(r"<title[^>]*>(.*?)</title>", raw, re.DOTALL | re.IGNORECASE)
        title = html.unescape(match.group(1)).strip().split(" | ")[0][:150] if match else paragraphs[0][:80]
        domain = re.sub(r"^https?://(www\.)?([^/]+).*$", r"\2", item.get("url", ""))
        sources.append(Source(f"scrapinghub/{name}", title or "Untitled", paragraphs, domain, None,
                              date(2019, 11, 1), None, original_html=raw, url=item.get("url")))
    return sources


# --- copies -----------------------------------------------------------------------------


@dataclass
class Copy:
    source: int
    index: int
    publisher: str
    title: str
    byline: str | None
    paragraphs: list[str]
    furniture_top: list[str]
    furniture_bottom: list[str]
    published: date
    url: str


@dataclass
class Corpus:
    folder: Path
    inputs: list[str]
    truth: dict[str, int]  # page key (path, source id or URL) -> source index
    analyze_files: list[str]
    pages: int
    sources: int
    formats: Counter[str] = field(default_factory=Counter)
    expected_source: dict[int, str] = field(default_factory=dict)  # wire stories' agencies
    merged_sources: int = 0


def copy_counts(rng: random.Random, sources: int, pages: int) -> list[int]:
    """How many copies each story gets: about a fifth run once, the rest on 2..2×mean sites."""
    mean = pages / sources
    counts = [1 if rng.random() < 0.2 else rng.randint(2, max(2, int(2.2 * mean))) for _ in range(sources)]
    scale = pages / sum(counts)
    counts = [max(1, round(c * scale)) for c in counts]
    while sum(counts) > pages:
        counts[rng.randrange(sources)] -= 1 if max(counts) > 1 else 0
        counts = [max(1, c) for c in counts]
    while sum(counts) < pages:
        counts[rng.randrange(sources)] += 1
    return counts


def make_copy(rng: random.Random, source: Source, index: int, number: int, others: list[Source]) -> Copy:
    paragraphs = list(source.paragraphs)
    agency = source.agency
    if index == 0:
        publisher = AGENCY_NAMES[agency] if agency else source.publisher
        published = source.published
    else:
        publisher = PUBLISHERS[rng.randrange(len(PUBLISHERS))].name
        published = source.published + timedelta(days=rng.randint(0, 3))
    pub = next((p for p in PUBLISHERS if p.name == publisher), None)
    # Dateline: the agency's own copy keeps what the source has; copies vary it.
    match = _DATELINE.match(paragraphs[0])
    if index > 0:
        choice = rng.random()
        if match and choice < 0.4:
            place = match.group(1).strip()
            paragraphs[0] = f"{place} — " + paragraphs[0][match.end():]
        elif match and choice < 0.55:
            paragraphs[0] = paragraphs[0][match.end():]
        elif not match and agency and choice < 0.5:
            paragraphs[0] = f"WASHINGTON ({agency}) — " + paragraphs[0]
    title = source.title
    if index > 0:
        choice = rng.random()
        words = title.split()
        if choice < 0.2:
            title = f"{title} | {publisher}"
        elif choice < 0.35 and len(words) > 4:
            title = " ".join(words[:-2])
        elif choice < 0.5:
            title = rng.choice(["WATCH: ", "UPDATE: ", "Report: "]) + title
        elif choice < 0.6:
            title = " ".join(paragraphs[-1].split()[:9]).rstrip(".,;:") or title
    # Trim the end, or add a local paragraph.
    if index > 0 and len(paragraphs) >= 5 and rng.random() < 0.3:
        paragraphs = paragraphs[: -rng.choice([1, 1, 2])]
    if index > 0 and pub is not None and rng.random() < 0.3:
        paragraphs.append(
            f"In {rng.choice(TOWN_WORDS)}, about {rng.randint(12, 900)} people gathered on "
            f"{rng.choice(WEEKDAYS)} to talk about the news, local organizers told the "
            f"{pub.name}, and a follow-up meeting is planned for next month."
        )
    author = source.author
    byline = None
    if author and rng.random() < 0.8:
        byline = f"By {author}" + (f", {AGENCY_NAMES[agency]}" if agency and rng.random() < 0.5 else "")
    top: list[str] = []
    bottom: list[str] = []
    if pub is not None:
        if rng.random() < 0.85:
            bottom.append(pub.promo) if rng.random() < 0.6 else top.append(pub.promo)
        if rng.random() < 0.5:
            bottom.append(f"Sign up for the {pub.name} newsletter to get the day's top stories in your inbox.")
        if rng.random() < 0.4:
            other = others[rng.randrange(len(others))]
            top.append(f"READ MORE: {other.title}")
        if agency and rng.random() < 0.7:
            bottom.append(f"{pub.name} has not reviewed this {AGENCY_NAMES[agency]} story prior to publication.")
        if rng.random() < 0.3:
            bottom.append("Share this article: Facebook Twitter Email")
    domain = pub.domain if pub else re.sub(r"[^a-z]+", "", publisher.lower()) + ".example"
    url = f"https://{domain}/{published.isoformat()}/story-{number}"
    return Copy(0, index, publisher, title, byline, paragraphs, top, bottom, published, url)


def copy_text(copy: Copy) -> str:
    parts = [copy.title]
    if copy.byline:
        parts.append(copy.byline)
    parts += copy.furniture_top
    parts += copy.paragraphs[:2]
    parts += copy.paragraphs[2:]
    parts += copy.furniture_bottom
    return "\n\n".join(parts) + "\n"


def copy_html(copy: Copy) -> str:
    esc = html.escape
    body = "".join(f"<p>{esc(p)}</p>\n" for p in copy.paragraphs)
    top = "".join(f'<p class="promo">{esc(p)}</p>\n' for p in copy.furniture_top)
    bottom = "".join(f"<p>{esc(p)}</p>\n" for p in copy.furniture_bottom)
    byline = f'<p class="byline">{esc(copy.byline)}</p>' if copy.byline else ""
    return (
        f"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{esc(copy.title)} - "
        f"{esc(copy.publisher)}</title>"
        f'<meta property="og:site_name" content="{esc(copy.publisher)}">'
        f'<meta property="og:title" content="{esc(copy.title)}">'
        f'<meta property="article:published_time" content="{copy.published.isoformat()}T08:00:00Z">'
        f"</head><body><header><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a> "
        f"<a href=\"/sports\">Sports</a> <a href=\"/opinion\">Opinion</a></nav></header>"
        f"<main><article><h1>{esc(copy.title)}</h1>{byline}"
        f"<time datetime=\"{copy.published.isoformat()}\">{copy.published.isoformat()}</time>"
        f"{top}{body}{bottom}</article></main>"
        f"<footer><p>© {copy.published.year} {esc(copy.publisher)}. All rights reserved.</p>"
        f"<p><a href=\"/privacy\">Privacy</a> <a href=\"/terms\">Terms</a></p></footer></body></html>"
    )


def warc_record(url: str, page: str, when: date) -> bytes:
    record = WarcRecord()
    record.init_headers(WarcRecordType.response)
    record.headers["WARC-Target-URI"] = url
    record.headers["WARC-Date"] = f"{when.isoformat()}T09:00:00Z"
    payload = page.encode("utf-8")
    record.set_bytes_content(
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
        + f"Content-Length: {len(payload)}\r\n\r\n".encode() + payload
    )
    record.is_http = True
    out = io.BytesIO()
    record.write(out)
    return out.getvalue()


def same_story_groups(sources: list[Source]) -> list[int]:
    """The truth's own duplicates: PolNeAR holds a few stories twice (a PARC re-annotation,
    a live file in two versions). Sources sharing 80% of the shorter one's word
    8-shingles, compared exactly, are one story; returns each source's group."""
    parent = list(range(len(sources)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    sets = []
    index: dict[int, list[int]] = defaultdict(list)
    for number, source in enumerate(sources):
        words = re.findall(r"\w+", " ".join(source.paragraphs).lower())
        shingles = {hash(" ".join(words[i:i + 8])) for i in range(max(1, len(words) - 7))}
        sets.append(shingles)
        for shingle in shingles:
            index[shingle].append(number)
    for number, shingles in enumerate(sets):
        shared: Counter[int] = Counter()
        for shingle in shingles:
            for other in index[shingle]:
                if other > number:
                    shared[other] += 1
        for other, count in shared.items():
            if count >= 0.8 * min(len(shingles), len(sets[other])):
                parent[find(other)] = find(number)
    return [find(i) for i in range(len(sources))]


def build_corpus(folder: Path, pages: int, analyze: int, seed: int) -> Corpus:
    rng = random.Random(seed)
    sources = load_sources()
    rng.shuffle(sources)
    groups = same_story_groups(sources)
    counts = copy_counts(rng, len(sources), pages)
    (folder / "txt").mkdir(parents=True)
    (folder / "html").mkdir()
    corpus = Corpus(folder, [str(folder / "txt"), str(folder / "html")], {}, [], pages, len(sources))
    with open(folder / "dump.jsonl", "w", encoding="utf-8") as jsonl, \
            gzip.open(folder / "crawl.warc.gz", "wb", compresslevel=3) as warc:
        number = 0
        corpus.merged_sources = len(sources) - len(set(groups))
        for number_, (source, count) in enumerate(zip(sources, counts, strict=True)):
            index = groups[number_]
            if source.agency:
                corpus.expected_source[index] = AGENCY_NAMES[source.agency]
            for k in range(count):
                number += 1
                copy = make_copy(rng, source, k, number, sources)
                if k == 0 and source.original_html is not None:
                    path = folder / "html" / f"p{number:06d}.html"
                    path.write_text(source.original_html, encoding="utf-8")
                    corpus.truth[str(path)] = index
                    corpus.formats["real html"] += 1
                    continue
                roll = rng.random()
                if roll < 0.55:
                    path = folder / "txt" / f"p{number:06d}.txt"
                    path.write_text(copy_text(copy), encoding="utf-8")
                    corpus.truth[str(path)] = index
                    corpus.formats["txt"] += 1
                elif roll < 0.8:
                    path = folder / "html" / f"p{number:06d}.html"
                    path.write_text(copy_html(copy), encoding="utf-8")
                    corpus.truth[str(path)] = index
                    corpus.formats["html"] += 1
                elif roll < 0.9:
                    record = {"id": f"rec-{number}", "url": copy.url}
                    if rng.random() < 0.5:
                        record["html"] = copy_html(copy)
                    else:
                        record["text"] = copy_text(copy)
                    jsonl.write(json.dumps(record) + "\n")
                    corpus.truth[f"rec-{number}"] = index
                    corpus.formats["jsonl"] += 1
                else:
                    warc.write(warc_record(copy.url, copy_html(copy), copy.published))
                    corpus.truth[copy.url] = index
                    corpus.formats["warc"] += 1
    corpus.inputs += [str(folder / "dump.jsonl"), str(folder / "crawl.warc.gz")]
    files = sorted(k for k in corpus.truth if k.startswith(str(folder)))
    corpus.analyze_files = random.Random(seed + 1).sample(files, min(analyze, len(files)))
    return corpus


# --- running ingest ---------------------------------------------------------------------

RUNNER = """
import json, sys
from newsgraph.corpus import Archive, ingest
db, stage, jobs, listing = sys.argv[1:5]
inputs = open(listing, encoding="utf-8").read().split("\\n")
with Archive.open(db) as archive:
    report = ingest(archive, [i for i in inputs if i], jobs=int(jobs) or None, stage=stage)
print(json.dumps(report.to_dict()))
"""


def tree_rss_bytes(pid: int) -> int:
    """Resident memory of a process and all its descendants (from /proc)."""
    total = 0
    stack = [pid]
    while stack:
        current = stack.pop()
        try:
            with open(f"/proc/{current}/status", encoding="ascii") as handle:
                for line in handle:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1]) * 1024
            for task in Path(f"/proc/{current}/task").iterdir():
                children = (task / "children").read_text().split()
                stack.extend(int(c) for c in children)
        except (OSError, ValueError):
            continue
    return total


def run_ingest(db: Path, stage: str, jobs: int, inputs: list[str], work: Path) -> tuple[dict, list[int]]:
    listing = work / f"inputs-{stage}.txt"
    listing.write_text("\n".join(inputs), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    process = subprocess.Popen([sys.executable, "-c", RUNNER, str(db), stage, str(jobs), str(listing)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    samples: list[int] = []

    def sample() -> None:
        while process.poll() is None:
            samples.append(tree_rss_bytes(process.pid))
            time.sleep(0.5)

    sampler = threading.Thread(target=sample, daemon=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    load_before = os.getloadavg()[0]
    sampler.start()
    out, err = process.communicate()
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if process.returncode != 0:
        sys.exit(f"ingest failed ({process.returncode}):\n{err[-3000:]}")
    report = json.loads(out.strip().splitlines()[-1])
    # CPU seconds of the ingest process and its workers: what the run costs on idle cores,
    # whatever else the machine was doing meanwhile.
    report["cpu_s"] = round((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), 1)
    report["load_average"] = round((load_before + os.getloadavg()[0]) / 2, 1)
    return report, samples


# --- measuring --------------------------------------------------------------------------


def pair_scores(truth: dict[str, int], predicted: dict[str, str]) -> tuple[float, float, int]:
    """Pairwise precision and recall of predicted clusters against the true stories."""
    keys = [k for k in predicted if k in truth]
    cells: Counter[tuple[str, int]] = Counter((predicted[k], truth[k]) for k in keys)
    by_pred: Counter[str] = Counter(predicted[k] for k in keys)
    by_true: Counter[int] = Counter(truth[k] for k in keys)
    together = sum(comb(n, 2) for n in cells.values())
    pred_pairs = sum(comb(n, 2) for n in by_pred.values())
    true_pairs = sum(comb(n, 2) for n in by_true.values())
    precision = together / pred_pairs if pred_pairs else 1.0
    recall = together / true_pairs if true_pairs else 1.0
    return precision, recall, len(keys)


def page_key(row: dict, folder: str) -> str | None:
    if row["source_id"]:
        return row["source_id"]
    if row["source_path"] and row["source_path"].startswith(folder):
        return row["source_path"]
    return row["url"]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def latency(calls: list[tuple], function) -> dict[str, float]:  # type: ignore[no-untyped-def]
    timings = []
    for args in calls:
        started = time.perf_counter()
        function(*args)
        timings.append((time.perf_counter() - started) * 1000)
    return {"queries": len(timings), "median_ms": round(statistics.median(timings), 2),
            "p95_ms": round(percentile(timings, 0.95), 2), "max_ms": round(max(timings), 2)}


def measure(db: Path, corpus: Corpus, seed: int) -> dict:
    sys.path.insert(0, str(REPO / "src"))
    from newsgraph.corpus import Archive, archive_stats, find_quotes, search_stories

    rng = random.Random(seed + 2)
    result: dict = {}
    with Archive.open(db, create=False) as archive:
        rows = [dict(r) for r in archive.query(
            "SELECT s.source_path, s.source_id, s.url, s.cluster, s.publisher, s.body FROM stories s")]
        predicted = {}
        for row in rows:
            key = page_key(row, str(corpus.folder))
            if key is not None:
                predicted[key] = row["cluster"]
        precision, recall, scored = pair_scores(corpus.truth, predicted)
        result["clusters"] = {"precision": round(precision, 4), "recall": round(recall, 4),
                              "pages_scored": scored, "pages": corpus.pages}
        # Does each syndicated cluster name the right original source?
        members: dict[str, Counter[int]] = defaultdict(Counter)
        for key, cluster in predicted.items():
            if key in corpus.truth:
                members[cluster][corpus.truth[key]] += 1
        named = wire = right = 0
        for row in archive.query("SELECT id, original_source FROM clusters WHERE size > 1"):
            source = members[row["id"]].most_common(1)[0][0] if members[row["id"]] else None
            named += row["original_source"] is not None
            if source in corpus.expected_source:
                wire += 1
                right += row["original_source"] == corpus.expected_source[source]
        syndicated = archive.query("SELECT count(*) FROM clusters WHERE size > 1")[0][0]
        result["original_source"] = {"syndicated_clusters": syndicated, "named": named,
                                     "wire_clusters": wire, "wire_agency_right": right}
        promos = {p.promo for p in PUBLISHERS}
        learned = {r[0] for r in archive.query("SELECT text FROM publisher_lines WHERE learned = 1")}
        left = sum(1 for row in rows if any(p in row["body"] for p in promos))
        result["furniture"] = {"promo_lines_learned": len(promos & learned), "promo_lines": len(promos),
                               "other_lines_learned": len(learned - promos),
                               "stories_still_carrying_a_promo": left}
        titles = [r[0] for r in archive.query("SELECT title FROM stories WHERE title IS NOT NULL")]
        words = [w for t in titles for w in re.findall(r"[A-Za-z]{5,}", t)]
        searches = [(archive, " ".join(rng.sample(words, 2 if rng.random() < 0.6 else 1)))
                    for _ in range(200)]
        result["search"] = latency(searches, lambda a, q: search_stories(a, q, limit=20))
        speakers = [r[0] for r in archive.query(
            "SELECT speaker_name FROM quotes WHERE speaker_surname IS NOT NULL")]
        if speakers:
            calls = []
            for _ in range(200):
                roll = rng.random()
                speaker = rng.choice(speakers)
                if roll < 0.4:
                    calls.append((archive, speaker, None, None))
                elif roll < 0.7:
                    calls.append((archive, speaker.split()[-1], rng.choice(words), None))
                elif roll < 0.85:
                    calls.append((archive, None, rng.choice(words), None))
                else:
                    calls.append((archive, speaker, None, "2016-01-01"))
            result["quotes"] = latency(calls, lambda a, s, t, d: find_quotes(a, speaker=s, about=t,
                                                                              since=d, limit=100))
        else:
            result["quotes"] = {"queries": 0, "note": "no quotes in the archive"}
        stats = archive_stats(archive)
        result["archive"] = {"stories": stats.stories, "clusters": stats.clusters,
                             "syndicated_clusters": stats.syndicated_clusters,
                             "quotes": stats.quotes, "entities": stats.entities,
                             "events": stats.events, "size_mb": round(stats.size_bytes / 1e6, 1)}
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=20_000, help="pages in the corpus")
    parser.add_argument("--analyze", type=int, default=300,
                        help="file pages ingested with full analysis first")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes (default 2)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", action="store_true", help="keep the corpus and archive")
    parser.add_argument("--json", metavar="PATH", help="also write the report here")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="newsgraph-bench-archive-"))
    try:
        started = time.perf_counter()
        corpus = build_corpus(work / "corpus", args.pages, args.analyze, args.seed)
        print(f"corpus: {corpus.pages} pages from {corpus.sources} real bodies "
              f"({corpus.merged_sources} of them copies of another) "
              f"({dict(corpus.formats)}) in {time.perf_counter() - started:.0f} s", file=sys.stderr)
        db = work / "bench.db"
        (work / "truth.json").write_text(json.dumps(corpus.truth), encoding="utf-8")
        report: dict = {"pages": corpus.pages, "sources": corpus.sources,
                        "sources_that_copy_another": corpus.merged_sources, "jobs": args.jobs,
                        "formats": dict(corpus.formats)}
        analyzed, samples_a = run_ingest(db, "analyze", args.jobs, corpus.analyze_files, work)
        print(f"analyze: {analyzed['stored']} stories in {analyzed['elapsed_s']} s", file=sys.stderr)
        extracted, samples_e = run_ingest(db, "extract", args.jobs, corpus.inputs, work)
        print(f"extract: {extracted['stored']} stories in {extracted['elapsed_s']} s", file=sys.stderr)
        done_e = extracted["read"] - extracted["skipped"]
        report["ingest"] = {
            "analyze_stories_per_s": round(analyzed["read"] / analyzed["elapsed_s"], 2),
            "analyze_stories_per_s_on_idle_cores": round(
                analyzed["read"] / max(analyzed["cpu_s"] / args.jobs, 1e-9), 2),
            "analyze": {k: analyzed[k] for k in ("read", "stored", "failed", "elapsed_s", "cpu_s",
                                                 "load_average")},
            "extract_stories_per_s": round(done_e / extracted["elapsed_s"], 2),
            "extract_stories_per_s_on_idle_cores": round(
                done_e / max(extracted["cpu_s"] / args.jobs, 1e-9), 2),
            "extract": {k: extracted[k] for k in ("read", "stored", "skipped", "duplicates", "empty",
                                                 "failed", "learned", "elapsed_s", "cpu_s",
                                                 "load_average")},
        }
        samples = samples_e or [0]
        quarter = max(1, len(samples) // 4)
        report["memory_mb"] = {
            "peak_analyze": round(max(samples_a or [0]) / 1e6),
            "peak_extract": round(max(samples) / 1e6),
            "extract_along_the_run": [round(samples[min(i * quarter, len(samples) - 1)] / 1e6)
                                      for i in range(5)],
        }
        report.update(measure(db, corpus, args.seed))
        text = json.dumps(report, indent=2)
        print(text)
        if args.json:
            Path(args.json).parent.mkdir(parents=True, exist_ok=True)
            Path(args.json).write_text(text + "\n", encoding="utf-8")
    finally:
        if args.keep:
            print(f"kept: {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
