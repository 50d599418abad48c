"""Scale benchmark: the same WARC files through three peers, side by side.

1. `newsgraph analyze --jobs 2` (one machine, a process pool, JSONL out),
2. `newsgraph spark analyze --master local[2]` (Spark on this machine, Parquet out),
3. `newsgraph ingest --jobs 2` (the SQLite archive: analysis, clustering, storing),

each over real article pages (the ScrapingHub benchmark's 181 pages in `../shared/data`,
written into per-record-gzipped WARC files in a temporary folder at run time, never in the
repository), and each over one page alone, whose time is the peer's fixed start cost.

For every peer: stories per second (wall clock), CPU seconds per page (the process tree's,
which a shared machine's load does not inflate the way it does the wall clock), the fixed
start cost, and peak resident memory of the process tree (sampled). From the measured CPU
seconds per page it estimates the cores and hours one month of CC-NEWS takes (`--month-pages`,
default 10 million pages: the order of CC-NEWS's monthly response count in recent years).

Usage::

    .venv/bin/python bench/scale.py                      # 181 pages, all three peers
    .venv/bin/python bench/scale.py --pages 40           # a quick look
    .venv/bin/python bench/scale.py --json artifacts/bench-scale.json
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data" / "extraction" / "scrapinghub" / "html"
sys.path.insert(0, str(REPO / "bench"))
from archive import tree_rss_bytes

FILES = 4
HOURS_PER_DAY = 24


def build_warcs(pages: list[Path], folder: Path, files: int) -> list[Path]:
    """The pages as HTTP 200 responses in `files` WARC files, one gzip member a record."""
    from fastwarc.warc import WarcRecord, WarcRecordType

    folder.mkdir(parents=True, exist_ok=True)
    outputs = [folder / f"bench-{n:02d}.warc.gz" for n in range(min(files, len(pages)))]
    chunks: list[list[bytes]] = [[] for _ in outputs]
    for number, page in enumerate(pages):
        body = gzip.decompress(page.read_bytes())
        record = WarcRecord()
        record.init_headers(WarcRecordType.response)
        record.headers["WARC-Target-URI"] = f"https://bench.example/{page.name.split('.')[0][:16]}"
        record.headers["WARC-Date"] = f"2026-03-0{1 + number % 3}T12:00:00Z"
        record.set_bytes_content(b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + body)
        record.is_http = True
        out = io.BytesIO()
        record.write(out)
        chunks[number % len(outputs)].append(gzip.compress(out.getvalue()))
    for path, members in zip(outputs, chunks, strict=True):
        path.write_bytes(b"".join(members))
    return outputs


def tree_pids(pid: int) -> list[int]:
    """A process and all its descendants (from /proc)."""
    found, stack = [], [pid]
    while stack:
        current = stack.pop()
        found.append(current)
        try:
            for task in Path(f"/proc/{current}/task").iterdir():
                stack.extend(int(c) for c in (task / "children").read_text().split())
        except (OSError, ValueError):
            continue
    return found


def cpu_ticks(pid: int) -> int:
    """User plus system clock ticks a process has used so far."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return 0
    return int(fields[11]) + int(fields[12])


def measure(command: list[str], cwd: Path) -> dict[str, float]:
    """Run one command: wall seconds, CPU seconds of its process tree, peak tree RSS.

    CPU is sampled per process from /proc, since a JVM and its Python workers are not all
    reaped through the command's own process (getrusage would miss them)."""
    env = {**os.environ, "PYTHONPATH": str(REPO / "src"), "PYSPARK_PYTHON": sys.executable}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True)
    peak = [0]
    ticks: dict[int, int] = {}

    def sample() -> None:
        while process.poll() is None:
            peak[0] = max(peak[0], tree_rss_bytes(process.pid))
            for pid in tree_pids(process.pid):
                ticks[pid] = max(ticks.get(pid, 0), cpu_ticks(pid))
            time.sleep(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = process.communicate()
    wall = time.perf_counter() - started
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if process.returncode not in (0, 1):
        sys.exit(f"{' '.join(command)} failed ({process.returncode}):\n{err[-3000:]}")
    reaped = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    # The larger of the two: sampling misses a process's last moments, rusage the unreaped.
    cpu = max(reaped, sum(ticks.values()) / os.sysconf("SC_CLK_TCK"))
    return {"wall_s": wall, "cpu_s": cpu, "peak_mb": peak[0] / 1e6}


def peers(warcs: list[Path], work: Path, tag: str) -> dict[str, list[str]]:
    newsgraph = [sys.executable, "-m", "newsgraph.cli"]
    listing = work / f"{tag}.paths"
    listing.write_text("".join(f"{p}\n" for p in warcs), encoding="utf-8")
    return {
        "analyze --jobs 2": [*newsgraph, "analyze", *map(str, warcs), "--jobs", "2",
                             "--format", "jsonl", "-o", str(work / f"{tag}.jsonl")],
        "spark analyze local[2]": [*newsgraph, "spark", "analyze", "--input", str(listing),
                                   "--output", str(work / f"{tag}-spark"), "--master", "local[2]",
                                   "--records-per-task", "25"],
        "ingest --jobs 2": [*newsgraph, "ingest", *map(str, warcs), "--jobs", "2",
                            "--db", str(work / f"{tag}.db")],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=181, help="pages to use (default 181: all)")
    parser.add_argument("--month-pages", type=float, default=10e6,
                        help="pages in one month of CC-NEWS for the estimate (default 10 million)")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    if not DATA.is_dir():
        sys.exit(f"bench/scale.py needs the ScrapingHub pages at {DATA.relative_to(REPO.parent)}")
    pages = sorted(DATA.glob("*.html.gz"))[: args.pages]
    results: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory(prefix="newsgraph-bench-scale-") as folder:
        work = Path(folder)
        many = build_warcs(pages, work / "many", FILES)
        one = build_warcs(pages[:1], work / "one", 1)
        loads = []
        for name, command in peers(one, work, "one").items():
            loads.append(os.getloadavg()[0])
            results[name] = {f"start_{k}": v for k, v in measure(command, work).items()}
        for name, command in peers(many, work, "many").items():
            loads.append(os.getloadavg()[0])
            results[name].update(measure(command, work))
    n = len(pages)
    print(f"{n} real pages in {min(FILES, n)} WARC files; machine load average "
          f"{statistics.median(loads):.1f} (median at the start of each run)")
    header = (f"{'peer':<24} {'stories/s':>9} {'CPU s/page':>10} {'fixed start s':>13} "
              f"{'peak MB':>8} {'core-hours/month':>16} {'cores for 24 h':>14}")
    print(header)
    print("-" * len(header))
    for name, r in results.items():
        # Cost of a page beyond the fixed start: the run's CPU less the one-page run's.
        per_page = max(0.0, (r["cpu_s"] - r["start_cpu_s"]) / max(1, n - 1))
        core_hours = per_page * args.month_pages / 3600
        r.update(stories_per_s=n / r["wall_s"], cpu_s_per_page=per_page,
                 core_hours_per_month=core_hours, cores_for_a_day=core_hours / HOURS_PER_DAY)
        print(f"{name:<24} {r['stories_per_s']:>9.2f} {per_page:>10.3f} {r['start_wall_s']:>13.1f} "
              f"{r['peak_mb']:>8.0f} {core_hours:>16,.0f} {r['cores_for_a_day']:>14,.0f}")
    print(f"(one month of CC-NEWS taken as {args.month_pages:,.0f} pages; fixed start = wall "
          "time of the same command on one page)")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"pages": n, "peers": results}, indent=2))


if __name__ == "__main__":
    main()
