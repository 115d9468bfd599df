"""Benchmark (not a test): the whole pipeline on the PDF samples against bare
pdfplumber `page.extract_text()` on the same files, in the same run.

    .venv/bin/python benchmarks/bench_formats.py [--long]

Target: the pipeline takes at most 2x bare text extraction. `--long` adds the
208-page report from tests/bad_inputs.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def bare(path: Path) -> float:
    import pdfplumber

    start = time.perf_counter()
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.close()
    return time.perf_counter() - start


def pipeline_time(path: Path) -> tuple[float, int]:
    import pipeline

    start = time.perf_counter()
    dataset = pipeline.run([path])
    return time.perf_counter() - start, len(dataset.events)


def main() -> None:
    files = sorted((ROOT / "samples").glob("*.pdf"))
    if "--long" in sys.argv:
        files.append(ROOT / "tests" / "bad_inputs" / "long_report.pdf")
    pipeline_time(files[0])  # warm up: imports, spaCy pipeline, reference tables
    print("| file | pages | events | bare extract_text (s) | pipeline (s) | ratio |")
    print("|---|---|---|---|---|---|")
    total_bare = total_pipe = 0.0
    import pdfplumber

    for path in files:
        with pdfplumber.open(path) as pdf:
            pages = len(pdf.pages)
        b = min(bare(path) for _ in range(3))
        p, events = min(pipeline_time(path) for _ in range(3))
        total_bare, total_pipe = total_bare + b, total_pipe + p
        print(f"| {path.name} | {pages} | {events} | {b:.2f} | {p:.2f} | {p / b:.2f}x |")
    print(f"| **all** | | | {total_bare:.2f} | {total_pipe:.2f} | **{total_pipe / total_bare:.2f}x** |")


if __name__ == "__main__":
    main()
