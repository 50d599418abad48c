"""Web and API latency benchmark: p50/p95 of the story page, search and the quotes API.

Builds (once, then reuses) a bench archive of 20,000 stories by ingesting generated
variations of a few fictional wire stories through the real pipeline: talks, deals and
sanctions between invented ministers of real states, each with quotes, furniture, and about a
third of them syndicated to two or three publishers. Then it starts `newsgraph serve` on a
free loopback port in a child process and, for each scenario in turn, runs 20 concurrent
clients for 30 seconds, recording every request's latency from sending the request to reading
the whole response (`loadgen.py`). The clients are a lean HTTP/1.1 client by default, since
they share the cores with the server; `--client httpx` measures with httpx, as before.

Usage::

    .venv/bin/python bench/serve.py --workers 2           # build if needed, then measure
    .venv/bin/python bench/serve.py --stories 2000 --duration 5   # a quick look
    .venv/bin/python bench/serve.py --db artifacts/bench-serve.db --rebuild

Loopback only, and every loop is bounded by its deadline and a request cap.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import asdict
from datetime import date, timedelta
from pathlib import Path

import httpx
from loadgen import load

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DB = REPO / "artifacts" / "bench-serve.db"

# (state, adjective, capital, second city)
STATES = [
    ("Norway", "Norwegian", "Oslo", "Bergen"), ("Iceland", "Icelandic", "Reykjavik", "Akureyri"),
    ("Estonia", "Estonian", "Tallinn", "Tartu"), ("Latvia", "Latvian", "Riga", "Daugavpils"),
    ("Finland", "Finnish", "Helsinki", "Turku"), ("Sweden", "Swedish", "Stockholm", "Malmo"),
    ("Poland", "Polish", "Warsaw", "Gdansk"), ("Germany", "German", "Berlin", "Hamburg"),
    ("France", "French", "Paris", "Marseille"), ("Spain", "Spanish", "Madrid", "Seville"),
    ("Italy", "Italian", "Rome", "Milan"), ("Greece", "Greek", "Athens", "Thessaloniki"),
    ("Turkey", "Turkish", "Ankara", "Istanbul"), ("Egypt", "Egyptian", "Cairo", "Alexandria"),
    ("Kenya", "Kenyan", "Nairobi", "Mombasa"), ("Brazil", "Brazilian", "Brasilia", "Recife"),
    ("Chile", "Chilean", "Santiago", "Valparaiso"), ("Japan", "Japanese", "Tokyo", "Osaka"),
    ("Canada", "Canadian", "Ottawa", "Halifax"), ("Mexico", "Mexican", "Mexico City", "Monterrey"),
]
FIRST = ["Anna", "Lars", "Ingrid", "Marta", "Jonas", "Elena", "Pavel", "Sofia", "Mikael", "Clara",
         "Tomas", "Hanna", "Diego", "Amara", "Kenji", "Leila", "Oskar", "Nadia", "Pedro", "Irene"]
LAST = ["Holm", "Berg", "Lunde", "Tamm", "Ozols", "Virtanen", "Nowak", "Keller", "Moreau", "Ruiz",
        "Rossi", "Pappas", "Demir", "Mansour", "Otieno", "Souza", "Vidal", "Sato", "Tremblay", "Ortega",
        "Dahl", "Kask", "Berzins", "Laine", "Lind", "Kowalski", "Brandt", "Girard", "Navarro", "Conti"]
TOPICS = ["fishing quotas", "a gas pipeline", "border crossings", "an undersea power cable",
          "grain exports", "visa rules", "rail freight", "air traffic rights", "water sharing",
          "a joint coast guard", "steel tariffs", "migrant returns", "a new ferry route"]
AGENCIES = [("Reuters", "Reuters"), ("AP", "The Associated Press"), ("AFP", "AFP")]
PUBLISHERS = ["The Northern Ledger", "The Coastal Times", "Harbour Daily", "The Evening Post",
              "Metro Wire", "The Valley Courier", "Capital Report", "The Morning Star Herald"]
TEASERS = ["READ MORE: Ten Best Cabins For A Winter Weekend In The Mountains",
           "Celebrity Chef Reveals The Secret Ingredient In Every Grandmother's Kitchen",
           "Top 10 Ways To Save Money On Your Next Family Holiday Abroad",
           "Scientists Baffled By Giant Footprints Found On Remote Beach"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]

TEMPLATES = [
    (
        "{A} and {B} agree to reopen talks on {topic}",
        [
            "{CAPU} ({ag}) — {A} and {B} agreed on {day} to reopen talks on {topic}, {n} weeks after a dispute between their governments.",
            "{Aadj} Foreign Minister {PA} met {Badj} counterpart {PB} in {CAP} for {h} hours, officials said.",
            "“We have agreed that neither side will take new steps while the talks on {topic} go on,” {PAl} told reporters after the meeting.",
            "{PBl} said {B} would send a delegation to {CITY} next month, but warned that it would not accept any cut in its share.",
            "“It was a misunderstanding, and nobody wants it to happen again,” said {PC}, an analyst at the {Aadj} Institute in {CITY}.",
        ],
    ),
    (
        "{A} and {B} sign deal on {topic}",
        [
            "{CAPU} ({ag}) — {A} and {B} signed an agreement on {day} on {topic}, the two governments said.",
            "{Aadj} Prime Minister {PA} and {Badj} Prime Minister {PB} signed the deal in {CAP} after a morning of talks.",
            "“This agreement ties our two countries together for the next {n}0 years,” {PAl} said at a news conference.",
            "{PBl} said the work would be finished by 20{n}9 and praised the European Union for funding half of its cost.",
            "{C} criticised the deal, accusing the two countries of wasting money on a project it called unnecessary.",
        ],
    ),
    (
        "{A} imposes sanctions on {B} officials over {topic}",
        [
            "{CAPU} ({ag}) — {A} imposed sanctions on {day} on {n} {Badj} officials it blamed for a breakdown of talks on {topic}.",
            "{Aadj} Foreign Minister {PA} said the officials would be barred from travel and their assets frozen.",
            "“We cannot let this pass without an answer,” {PAl} said in a statement.",
            "{Badj} Foreign Minister {PB} rejected the move and threatened to expel {Aadj} diplomats.",
            "“These sanctions are an insult, and {B} will respond,” {PBl} told the state broadcaster.",
        ],
    ),
]


def _person(rng: random.Random) -> tuple[str, str]:
    first, last = rng.choice(FIRST), rng.choice(LAST)
    return f"{first} {last}", last


def generate_pages(count: int, seed: int = 7) -> Iterator[dict[str, str]]:
    """`count` page records ({"id", "url", "text"}); about a third are syndicated copies."""
    rng = random.Random(seed)
    made = 0
    story = 0
    while made < count:
        story += 1
        title_t, paragraphs = rng.choice(TEMPLATES)
        (a, aadj, cap, _), (b, badj, _, city), (c, *_) = rng.sample(STATES, 3)
        pa, pal = _person(rng)
        pb, pbl = _person(rng)
        pc, _ = _person(rng)
        ag, agency = rng.choice(AGENCIES)
        values = {"A": a, "Aadj": aadj, "CAP": cap, "CAPU": cap.upper(), "B": b, "Badj": badj,
                  "CITY": city, "C": c, "PA": pa, "PAl": pal, "PB": pb, "PBl": pbl, "PC": pc,
                  "ag": ag, "topic": rng.choice(TOPICS), "day": rng.choice(DAYS),
                  "n": str(rng.randint(2, 9)), "h": str(rng.randint(2, 6))}
        title = title_t.format(**values)
        day = date(2025, 1, 1) + timedelta(days=rng.randrange(540))
        published = f"Published: {day:%B} {day.day}, {day.year}"
        body = [p.format(**values) for p in paragraphs]
        # A story number in the text keeps every story distinct from the others.
        body.append(f"Officials called it contact number {story} between the two governments this year.")
        copies = 1 if rng.random() < 0.67 else rng.randint(2, 3)
        for publisher in rng.sample(PUBLISHERS, copies):
            if made >= count:
                break
            disclaimer = (f"{publisher} has not reviewed this {agency} story prior to "
                          "publication and is not responsible for its content.")
            lines = [title, "", published, *body[:3], rng.choice(TEASERS), *body[3:], disclaimer,
                     "Share this article"]
            made += 1
            yield {"id": f"bench-{made}", "url": f"https://example.org/{made}",
                   "text": "\n\n".join(lines)}


def build_archive(path: Path, count: int, jobs: int | None) -> None:
    from newsgraph.corpus import Archive, ingest

    path.parent.mkdir(parents=True, exist_ok=True)
    pages = path.with_suffix(".jsonl")
    with pages.open("w", encoding="utf-8") as out:
        for record in generate_pages(count):
            out.write(json.dumps(record) + "\n")
    started = time.perf_counter()
    with Archive.open(path) as archive:
        report = ingest(archive, [str(pages)], jobs=jobs)
    print(f"built {path.name}: {report.to_dict()} in {time.perf_counter() - started:.0f} s",
          file=sys.stderr)
    pages.unlink()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _targets(base: str, stories: int) -> dict[str, list[str]]:
    """The paths of each scenario. "story page" asks for 2,000 stories round-robin, so with the
    server's page cache on, all but the first view of each are cache hits; "story page (cold)"
    asks for every other story of the archive once, in a shuffled order: cache misses."""
    with httpx.Client(base_url=base, timeout=30) as http:
        ids = [s["id"] for offset in range(0, stories, 500)
               for s in http.get("/api/stories", params={"limit": 500, "offset": offset}).json()["items"]]
        people = [p["name"] for p in http.get("/api/people", params={"limit": 200}).json()["items"]]
    cold = ids[2000:]
    random.Random(5).shuffle(cold)
    words = [w for state in STATES for w in state[:2]] + [t.split()[-1] for t in TOPICS]
    rng = random.Random(11)
    searches = [f"{rng.choice(words)} {rng.choice(words)}" for _ in range(200)] + words
    return {
        "story page": [f"/stories/{i}" for i in ids[:2000]],
        "story page (cold)": [f"/stories/{i}" for i in cold] or [f"/stories/{ids[0]}"],
        "search page": [f"/search?{httpx.QueryParams({'q': q})}" for q in searches],
        "search API": [f"/api/search?{httpx.QueryParams({'q': q})}" for q in searches],
        "quotes API": [f"/api/quotes?{httpx.QueryParams({'speaker': p})}" for p in people]
        or ["/api/quotes"],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=DEFAULT_DB)
    parser.add_argument("--stories", type=int, default=20_000)
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--jobs", type=int, default=None, help="ingest worker processes")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--duration", type=float, default=30.0, help="seconds per scenario")
    parser.add_argument("--workers", type=int, default=1, help="server processes")
    parser.add_argument("--client", choices=("raw", "httpx"), default="raw",
                        help="the load generator: a lean HTTP/1.1 client (default) or httpx")
    parser.add_argument("--only", help="comma-separated scenarios to run (default: all)")
    parser.add_argument("--cached-pages", type=int, default=None,
                        help="the server's story page cache (default: serve's own; 0: off)")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    if args.rebuild or not args.db.exists():
        args.db.unlink(missing_ok=True)
        build_archive(args.db, args.stories, args.jobs)
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "newsgraph.cli", "serve", "--db", str(args.db), "--port", str(port),
         "--workers", str(args.workers),
         *(["--cached-pages", str(args.cached_pages)] if args.cached_pages is not None else [])],
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                if httpx.get(base + "/api/stats", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.1)
        targets = _targets(base, args.stories)
        wanted = args.only.split(",") if args.only else list(targets)
        results = []
        loads = []
        for scenario in wanted:
            paths = targets[scenario]
            # Warm up on the last paths: the first are where the measured clients begin.
            asyncio.run(load(base, scenario, paths[-50:], 5, 2.0, args.client))
            figures = asyncio.run(load(base, scenario, paths, args.clients, args.duration,
                                       args.client))
            results.append(figures)
            # Other jobs on the machine take cores from server and clients alike: say so.
            loads.append(round(os.getloadavg()[0], 2))
            print(f"{scenario:17} {figures.requests:7d} req {figures.per_second:8.1f}/s "
                  f"p50 {figures.p50_ms:7.1f} ms  p95 {figures.p95_ms:7.1f} ms  "
                  f"p99 {figures.p99_ms:7.1f} ms  errors {figures.errors}  "
                  f"load {loads[-1]}", flush=True)
    finally:
        server.terminate()
        server.wait(timeout=30)
    stats = {"stories": args.stories, "clients": args.clients, "duration_s": args.duration,
             "workers": args.workers, "client": args.client, "cached_pages": args.cached_pages,
             "results": [{**asdict(r), "load_average": la} for r, la in zip(results, loads)]}
    if args.json:
        args.json.write_text(json.dumps(stats, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
