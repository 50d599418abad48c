"""A campaign of hostile inputs against the readers and stages: nothing lost, nothing hung.

Inputs are made at run time from the real pages and texts in `../shared/data` (the
extraction sets' HTML and PolNeAR's texts): byte mutations, truncations, gzip bombs (as a
`.gz` file, on stdin, inside JSONL), deep nesting (HTML, JSON-LD, JSONL), charsets that are
no text encoding, lone surrogates, huge numbers, lines with no end, WARC records that lie
about their length or are cut short, empty and binary files, and long texts. Each input is
read the way the CLI reads it (a file, or stdin for some) and run through a stage in the
worker pool, which stops a document after `--hang-s` seconds.

For every input the run checks that it gave at least one outcome (a Story, or a Failure
naming it), and for JSONL and WARC inputs with a known number of records, one outcome per
record. It prints

* tried: inputs made and run; outcomes: Stories and named Failures;
* crashed: an exception that escaped a reader or the pool, or a worker process that died;
* hung: a document stopped after `--hang-s` seconds, or an input whose reading took longer;
* lost: inputs (or records) with no outcome at all, so without a named reason;
* peak memory: the largest resident set of this process and of any worker process.

Example (the figures in docs/benchmarks.md are from the full run):

    nice python bench/hostile.py --inputs 10000 --jobs 2
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import random
import resource
import signal
import sys
import tempfile
import time
from collections import Counter, deque
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from newsgraph.errors import Failure
from newsgraph.ingest.readers import _read_stream, guarded, read_inputs
from newsgraph.limits import MAX_DECOMPRESSED_BYTES, MAX_READ_BYTES
from newsgraph.model import Document, Story
from newsgraph.workers import WorkerPool

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
READ_ALARM_S = 60  # a reader still busy after this long has hung for good


@dataclass
class Input:
    """One hostile input: a file to read, how (a path or stdin), and how many outcomes it
    must give at least."""

    path: Path
    shape: str
    stdin: bool = False
    expected: int = 1


def base_pages(limit: int, seed: int) -> tuple[list[bytes], list[str]]:
    """`limit` real HTML pages and as many real article texts to mutate, a seeded sample of
    every extraction set and of PolNeAR (a sample, so the bench's own memory stays small)."""
    rng = random.Random(seed)
    page_files = sorted(DATA.glob("extraction/**/*.html.gz"))
    text_files = sorted((DATA / "attribution" / "polnear").glob("*/text/*.txt"))
    pages = [gzip.decompress(p.read_bytes()) for p in rng.sample(page_files, min(limit, len(page_files)))]
    texts = [p.read_text(encoding="utf-8", errors="replace")
             for p in rng.sample(text_files, min(limit, len(text_files)))]
    if not pages or not texts:
        sys.exit(f"needs the pages under {DATA} (the project's shared data)")
    return pages, texts


def _mutate(rng: random.Random, data: bytes) -> bytes:
    buffer = bytearray(data)
    for _ in range(rng.randint(1, 40)):
        if not buffer:
            break
        at = rng.randrange(len(buffer))
        action = rng.random()
        if action < 0.4:
            buffer[at] = rng.randrange(256)
        elif action < 0.7:
            del buffer[at : at + rng.randint(1, 200)]
        else:
            buffer[at:at] = rng.choice([b"<", b">", b"\x00", b"\xff\xfe", b"<div>" * 50, b"&#0;",
                                         b"\xed\xa0\x80", b'"', b"\n", b"<script>", b"]]>", b"\r"])
    return bytes(buffer)


def _warc_record(url: str, body: bytes, length: int | None = None, encoding: str | None = None) -> bytes:
    coding = f"Content-Encoding: {encoding}\r\n" if encoding else ""
    http = f"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n{coding}\r\n".encode() + body
    size = len(http) if length is None else length
    head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {url}\r\n"
            f"WARC-Date: 2024-03-05T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:{abs(hash(url)):032x}>\r\n"
            f"Content-Type: application/http; msgtype=response\r\nContent-Length: {size}\r\n\r\n")
    return head.encode() + http + b"\r\n\r\n"


def _bomb(size: int) -> bytes:
    """`size` bytes of one repeated paragraph, gzipped into a few kilobytes."""
    out = io.BytesIO()
    with gzip.GzipFile(fileobj=out, mode="wb", compresslevel=9) as handle:
        chunk = b"<p>The harbour wall fell again. </p>" * 30_000
        for _ in range(size // len(chunk) + 1):
            handle.write(chunk)
    return out.getvalue()


def make_inputs(folder: Path, count: int, seed: int) -> list[Input]:
    """`count` hostile inputs written under `folder`, each of a shape chosen by `seed`."""
    rng = random.Random(seed)
    pages, texts = base_pages(500, seed)
    bomb = _bomb(MAX_DECOMPRESSED_BYTES * 5)  # 100 MB from about 100 KB
    inputs: list[Input] = []
    for number in range(count):
        page, text = rng.choice(pages), rng.choice(texts)
        shape = rng.choices(SHAPES, weights=[w for _, w in SHAPE_WEIGHTS])[0]
        name = folder / f"{number:05d}"
        inputs.append(SHAPE_MAKERS[shape](rng, name, page, text, bomb, number))
    return inputs


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _mutated_page(rng: random.Random, name: Path, page: bytes, text: str, bomb: bytes, n: int) -> Input:
    return Input(_write(name.with_suffix(".html"), _mutate(rng, page)), "mutated page")


def _truncated_page(rng: random.Random, name: Path, page: bytes, text: str, bomb: bytes, n: int) -> Input:
    cut = rng.randrange(len(page) + 1)
    if rng.random() < 0.5:
        return Input(_write(name.with_suffix(".html.gz"), gzip.compress(page)[: max(1, cut // 3)]), "truncated gzip page")
    return Input(_write(name.with_suffix(".html"), page[:cut]), "truncated page")


def _mutated_text(rng: random.Random, name: Path, page: bytes, text: str, bomb: bytes, n: int) -> Input:
    return Input(_write(name.with_suffix(".txt"), _mutate(rng, text.encode())), "mutated text")


def _gzip_bomb(rng: random.Random, name: Path, page: bytes, text: str, bomb: bytes, n: int) -> Input:
    if rng.random() < 0.5:
        return Input(_write(name.with_suffix(".html.gz"), bomb), "gzip bomb file")
    return Input(_write(name.with_suffix(".stdin"), bomb), "gzip bomb on stdin", stdin=True)


def _deep_html(rng: random.Random, name: Path, page: bytes, text: str, bomb: bytes, n: int) -> Input:
    depth = rng.choice([1_000, 10_000, 100_000])
    tag = rng.choice([b"div", b"span", b"b", b"table", b"p", b"li"])
    body = (b"<" + tag + b">") * depth + text[:2000].encode() + (b"</" + tag + b">") * depth
    return Input(_write(name.with_suffix(".html"), b"<html><body>" + body + b"</body></html>"), "deep HTML")


def _deep_json_ld(rng: random.Random, name: Path, page: bytes, text: str, bomb: bytes, n: int) -> Input:
    depth = rng.choice([100, 5_000, 100_000])
    block = b'<script type="application/ld+json">{"@type":"NewsArticle","a":' + b"[" * depth + b"]" * depth + b"}</script>"
    return Input(_write(name.with_suffix(".html"), page.replace(b"</head>", block + b"</head>", 1)), "deep JSON-LD")


def _bad_charset(rng: random.Random, name: Path, page: bytes, text: str, bomb: bytes, n: int) -> Input:
    charset = rng.choice(["undefined", "base64", "punycode", "rot13", "hex", "zlib", "utf-7", "idna",
                          "x-user-defined", "utf-16", "utf-32", "bogus-charset", "unicode_escape"])
    body = b'<html><head><meta charset="' + charset.encode() + b'"></head><body><p>' + text[:3000].encode("utf-8") + b"\xff\xfe\x80</p></body></html>"
    return Input(_write(name.with_suffix(".html"), body), "bad charset")


def _jsonl(rng: random.Random, name: Path, page: bytes, text: str, bomb: bytes, n: int) -> Input:
    lines: list[bytes] = []
    for k in range(rng.randint(2, 6)):
        lines.append(json.dumps({"id": f"{n}-{k}", "url": f"https://bench.example/{n}/{k}", "text": text[:4000]}).encode())
    bad = rng.choice([
        b'{"id": 1, "text": "x", "deep": ' + b"[" * 5000 + b"]" * 5000 + b"}",
        b'{"id": ' + b"9" * 100_000 + b', "text": "digits"}',
        b'{"id": 2, "text": "lone \\ud800 surrogate and \\udfff another"}',
        b"\xff\xfe\x00 garbage that is no JSON",
        b"[1, 2, 3]",
        b'{"id": 3}',
        b'{"id": 4, "html": ' + json.dumps(page.decode("utf-8", errors="replace")[:50_000]).encode() + b"}",
        b'{"id": 5, "text": "' + b"a" * (MAX_READ_BYTES + 10) + b'"}',
        b'{"text": ' + b'"' + b"x" * 1000,
    ])
    lines.insert(rng.randrange(len(lines) + 1), bad)
    data = b"\n".join(lines) + b"\n"
    expected = len(lines)
    if rng.random() < 0.3:
        return Input(_write(name.with_suffix(".stdin"), data), "broken JSONL on stdin", stdin=True, expected=expected)
    if rng.random() < 0.3:
        return Input(_write(name.with_suffix(".jsonl.gz"), gzip.compress(data)), "broken JSONL gzipped", expected=expected)
    return Input(_write(name.with_suffix(".jsonl"), data), "broken JSONL", expected=expected)


def _endless_jsonl(rng: random.Random, name: Path, page: bytes, text: str, bomb: bytes, n: int) -> Input:
    head = json.dumps({"id": f"{n}-0", "text": text[:2000]}).encode() + b'\n{"id": "x", "text": "'
    data = head + gzip.decompress(bomb)[: MAX_READ_BYTES * 2]
    return Input(_write(name.with_suffix(".jsonl.gz"), gzip.compress(data, 6)), "endless JSONL line", expected=2)


def _warc(rng: random.Random, name: Path, page: bytes, text: str, bomb: bytes, n: int) -> Input:
    records = [_warc_record(f"https://bench.example/{n}/{k}", page) for k in range(rng.randint(1, 4))]
    trouble = rng.choice(["lying", "short", "garbage", "huge", "bomb", "mutated", "cut"])
    if trouble == "lying":
        records.insert(rng.randrange(len(records) + 1),
                       _warc_record(f"https://bench.example/{n}/liar", page, length=10**18))
    elif trouble == "short":
        records.insert(rng.randrange(len(records) + 1),
                       _warc_record(f"https://bench.example/{n}/short", page, length=max(1, len(page) // 3)))
    elif trouble == "garbage":
        records.insert(rng.randrange(len(records) + 1), bytes(rng.randrange(256) for _ in range(2000)))
    elif trouble == "huge":
        records.insert(rng.randrange(len(records) + 1),
                       _warc_record(f"https://bench.example/{n}/huge", b"<p>x</p>" * (MAX_READ_BYTES // 8 + 100)))
    elif trouble == "bomb":
        records.insert(rng.randrange(len(records) + 1),
                       _warc_record(f"https://bench.example/{n}/bomb", bomb, encoding="gzip"))
    data = b"".join(records)
    if trouble == "mutated":
        data = _mutate(rng, data)
    if trouble == "cut":
        data = data[: rng.randrange(len(data))]
    expected = 1 if trouble in ("mutated", "cut", "garbage", "short") else len(records)
    if rng.random() < 0.5:
        return Input(_write(name.with_suffix(".warc.gz"), b"".join(gzip.compress(r) for r in [data])), f"broken WARC ({trouble}), gzipped", expected=expected)
    return Input(_write(name.with_suffix(".warc"), data), f"broken WARC ({trouble})", expected=expected)


def _odd_file(rng: random.Random, name: Path, page: bytes, text: str, bomb: bytes, n: int) -> Input:
    kind = rng.choice(["empty", "binary", "blank", "empty jsonl", "empty warc", "utf16", "nul"])
    data, suffix = {
        "empty": (b"", ".html"), "binary": (bytes(rng.randrange(256) for _ in range(5000)), ".html"),
        "blank": (b" \n\t\n" * 100, ".txt"), "empty jsonl": (b"", ".jsonl"), "empty warc": (b"", ".warc"),
        "utf16": (text[:5000].encode("utf-16"), ".txt"), "nul": (text[:3000].encode() + b"\x00" * 50, ".txt"),
    }[kind]
    return Input(_write(name.with_suffix(suffix), data), f"odd file ({kind})")


def _long_text(rng: random.Random, name: Path, page: bytes, text: str, bomb: bytes, n: int) -> Input:
    size = rng.choice([200_000, 600_000, 1_500_000])
    repeated = (text + "\n\n") * (size // max(1, len(text)) + 1)
    return Input(_write(name.with_suffix(".txt"), repeated[:size].encode()), f"long text ({size // 1000} k)")


SHAPE_WEIGHTS = [
    ("mutated page", 30), ("truncated page", 10), ("mutated text", 12), ("gzip bomb", 3),
    ("deep HTML", 5), ("deep JSON-LD", 5), ("bad charset", 8), ("broken JSONL", 10),
    ("endless JSONL line", 1), ("broken WARC", 10), ("odd file", 5), ("long text", 1),
]
SHAPES = [name for name, _ in SHAPE_WEIGHTS]
SHAPE_MAKERS = {
    "mutated page": _mutated_page, "truncated page": _truncated_page, "mutated text": _mutated_text,
    "gzip bomb": _gzip_bomb, "deep HTML": _deep_html, "deep JSON-LD": _deep_json_ld,
    "bad charset": _bad_charset, "broken JSONL": _jsonl, "endless JSONL line": _endless_jsonl,
    "broken WARC": _warc, "odd file": _odd_file, "long text": _long_text,
}


class _ReadTooLong(BaseException):
    pass


@dataclass
class Tally:
    tried: int = 0
    outcomes: int = 0
    stories: int = 0
    failures: int = 0
    crashed: int = 0
    hung: int = 0
    lost: int = 0
    examples: dict[str, list[str]] | None = None

    def note(self, what: str, text: str) -> None:
        if self.examples is None:
            self.examples = {}
        found = self.examples.setdefault(what, [])
        if len(found) < 5:
            found.append(text[:300])


def _read(inputs: list[Input], owners: deque[int], tally: Tally, hang_s: float) -> Iterator[Document | Failure]:
    """Every input read as the CLI reads it, each item's input recorded in `owners`."""

    def alarm(signum: int, frame: object) -> None:
        raise _ReadTooLong

    previous = signal.signal(signal.SIGALRM, alarm)
    try:
        for index, item in enumerate(inputs):
            started = time.monotonic()
            signal.alarm(READ_ALARM_S)
            try:
                if item.stdin:
                    with open(item.path, "rb") as handle:
                        items = list(guarded(f"<stdin {item.path.name}>", _read_stream, handle,
                                             f"<stdin {item.path.name}>", "auto"))
                else:
                    items = list(read_inputs([str(item.path)]))
            except _ReadTooLong:
                tally.hung += 1
                tally.note("hung", f"{item.path.name} ({item.shape}): reading took over {READ_ALARM_S} s")
                items = [Failure(str(item.path), "bench: reading stopped")]
            except Exception as error:  # noqa: BLE001 - what the bench counts as a crash
                tally.crashed += 1
                tally.note("crashed", f"{item.path.name} ({item.shape}): reader raised {type(error).__name__}: {error}")
                items = [Failure(str(item.path), "bench: reader crashed")]
            finally:
                signal.alarm(0)
            took = time.monotonic() - started
            if took > hang_s:
                tally.hung += 1
                tally.note("hung", f"{item.path.name} ({item.shape}): reading took {took:.1f} s")
            for thing in items:
                owners.append(index)
                yield thing
    finally:
        signal.signal(signal.SIGALRM, previous)


def run(inputs: list[Input], stage: str, jobs: int, hang_s: float, analyze_every: int) -> Tally:
    """Read every input and run its documents through `stage` (every `analyze_every`-th
    input through analyze as well, the expensive stage)."""
    tally = Tally(tried=len(inputs))
    counts: Counter[int] = Counter()
    owners: deque[int] = deque()
    pools = {name: WorkerPool(size=jobs, stage=name, timeout_s=hang_s)  # type: ignore[arg-type]
             for name in {stage, "analyze"}}
    try:
        documents = _read(inputs, owners, tally, hang_s)
        for outcome in pools[stage].map(documents):
            index = owners.popleft()
            counts[index] += 1
            _judge(outcome, inputs[index], tally)
        if analyze_every and stage != "analyze":
            sample = inputs[::analyze_every]
            owners.clear()
            for outcome in pools["analyze"].map(_read(sample, owners, Tally(), hang_s)):
                _judge(outcome, sample[owners.popleft()], tally)
    finally:
        for pool in pools.values():
            pool.close()
    for index, item in enumerate(inputs):
        if counts[index] < item.expected:
            tally.lost += item.expected - counts[index]
            tally.note("lost", f"{item.path.name} ({item.shape}): {counts[index]} outcomes, {item.expected} expected")
    return tally


def _judge(outcome: Story | Failure, item: Input, tally: Tally) -> None:
    tally.outcomes += 1
    if isinstance(outcome, Story):
        tally.stories += 1
        return
    tally.failures += 1
    if not outcome.origin or not outcome.reason:
        tally.lost += 1
        tally.note("lost", f"{item.path.name}: a failure with no origin or reason")
    if "MAX_DOCUMENT_S" in outcome.reason:
        tally.hung += 1
        tally.note("hung", f"{item.path.name} ({item.shape}): {outcome.reason}")
    elif "worker process died" in outcome.reason or "bench:" in outcome.reason:
        tally.crashed += "worker process died" in outcome.reason
        tally.note("crashed", f"{item.path.name} ({item.shape}): {outcome.reason}")
    elif "failed:" in outcome.reason:
        # A stage raised something unexpected: named, and the run went on, but a bug.
        tally.note("stage errors (named, run went on)", f"{item.path.name} ({item.shape}): {outcome.reason}")


def peak_memory_mb() -> tuple[float, float]:
    """Largest resident set of this process, and of any finished worker process, in MB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--inputs", type=int, default=10_000, help="hostile inputs to make (default 10000)")
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--jobs", type=int, default=2, help="worker processes (default 2)")
    parser.add_argument("--stage", choices=("extract", "analyze"), default="extract",
                        help="the stage every input runs through (default extract)")
    parser.add_argument("--analyze-every", type=int, default=20, metavar="N",
                        help="also analyse every N-th input (default 20; 0 for none)")
    parser.add_argument("--hang-s", type=float, default=20.0,
                        help="seconds after which a document counts as hung, and is stopped (default 20)")
    args = parser.parse_args()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="newsgraph-hostile-") as folder:
        inputs = make_inputs(Path(folder), args.inputs, args.seed)
        made = time.perf_counter() - started
        tally = run(inputs, args.stage, args.jobs, args.hang_s, args.analyze_every)
    own, workers = peak_memory_mb()
    shapes = Counter(item.shape.split(" (")[0] for item in inputs)
    print(f"hostile inputs: {args.inputs} made in {made:.0f} s from {DATA.name}/ (seed {args.seed}), "
          f"stage {args.stage}, every {args.analyze_every}th also analysed, {args.jobs} workers")
    print("shapes: " + ", ".join(f"{name} {count}" for name, count in shapes.most_common()))
    print(f"{'tried':>8} {'outcomes':>9} {'stories':>8} {'named failures':>15} {'crashed':>8} "
          f"{'hung':>5} {'lost':>5} {'peak MB (bench / worker)':>25} {'time':>7}")
    print(f"{tally.tried:>8} {tally.outcomes:>9} {tally.stories:>8} {tally.failures:>15} {tally.crashed:>8} "
          f"{tally.hung:>5} {tally.lost:>5} {f'{own:.0f} / {workers:.0f}':>25} "
          f"{time.perf_counter() - started:>6.0f}s")
    for what, found in (tally.examples or {}).items():
        print(f"\n{what}:")
        for line in found:
            print(f"  {line}")
    sys.exit(0 if tally.crashed == tally.hung == tally.lost == 0 and max(own, workers) < 1024 else 1)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    main()
