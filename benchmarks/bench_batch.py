"""Benchmark (not a test): batch throughput and memory, one job against two.

    .venv/bin/python benchmarks/bench_batch.py [N]      (default N=100 reports)

Builds a corpus of N reports from the text samples, each with varied content so
the cache never hits, converts it with --jobs 1 and --jobs 2 in one run, and
prints files/s, events/s, peak memory (the largest resident set of the parent or
any worker) and the speed-up. Also times `pipeline.py --help`.
Targets on a 2-core machine: 2 jobs >= 1.7x one job; peak memory < 600 MB for
500 files; --help < 0.5 s.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def build_corpus(folder: Path, n: int) -> None:
    seeds = sorted((ROOT / "samples").glob("*.txt"))
    texts = [s.read_text(encoding="utf-8") for s in seeds]
    for i in range(n):
        text = texts[i % len(texts)]
        # Vary the content: a different as-of day and one more progress item per file.
        text = text.replace("25 OCTOBER 2015", f"{i % 28 + 1} OCTOBER 2015")
        text = text.replace(
            "(Ecuador, 22-26 June 2015)", f"(Ecuador, 22-26 June 2015) - Bench Workshop {i} (Peru, 2015)"
        )
        (folder / f"report_{i:04d}.txt").write_text(text, encoding="utf-8")


def timed_run(src: Path, out: Path, jobs: int) -> tuple[float, int, int]:
    """(seconds, events, peak RSS in MB) of one CLI run in a fresh process."""
    code = (
        "import resource, sys, time, pipeline;"
        f"t=time.perf_counter(); ds=pipeline.run([{str(src)!r}], jobs={jobs}); ds.write({str(out)!r});"
        "e=time.perf_counter()-t;"
        "r=resource.getrusage;"
        "peak=max(r(resource.RUSAGE_SELF).ru_maxrss, r(resource.RUSAGE_CHILDREN).ru_maxrss);"
        "print(e, len(ds.events), peak // 1024)"
    )
    out_text = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    seconds, events, peak = out_text.stdout.split()
    return float(seconds), int(events), int(peak)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "corpus"
        src.mkdir()
        build_corpus(src, n)
        rows = []
        for jobs in (1, 2):
            seconds, events, peak = timed_run(src, Path(tmp) / f"out{jobs}", jobs)
            rows.append((jobs, seconds, events, peak))
    t = time.perf_counter()
    subprocess.run([sys.executable, "pipeline.py", "--help"], cwd=ROOT, capture_output=True, check=True)
    help_seconds = time.perf_counter() - t
    print("| jobs | files | seconds | files/s | events/s | peak memory (MB) |")
    print("|---|---|---|---|---|---|")
    for jobs, seconds, events, peak in rows:
        print(f"| {jobs} | {n} | {seconds:.1f} | {n / seconds:.1f} | {events / seconds:.0f} | {peak} |")
    print(
        f"\nspeed-up with 2 jobs: {rows[0][1] / rows[1][1]:.2f}x   `pipeline.py --help`: {help_seconds:.2f} s"
    )


if __name__ == "__main__":
    main()
