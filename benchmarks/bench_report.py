"""The report at archive scale (not a test): size of `report.html` and of the detail
pages, and the time headless Chromium takes to load the first page and to apply a
filter, for 10, 100 and 1,000 documents.

    .venv/bin/python benchmarks/bench_report.py [--sizes 10 100 1000]

The documents are the two converted-text seeds copied under new names in memory
(converting 1,000 files is not what is measured here; identical files would also be
recognised as duplicates): half progress reports with 144 events, half action plans.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pipeline  # noqa: E402
from benchmarks.screenshot_report import Chromium  # noqa: E402
from normalize.dataset import Dataset  # noqa: E402


def scaled(base: Dataset, n: int) -> Dataset:
    """`n` documents: copies of the base documents with their own names and ids."""
    docs = base.documents.to_dict("records")
    copies = {name: [] for name in ("documents", "actions", "events", "warnings")}
    texts = {}
    for i in range(n):
        d = docs[i % len(docs)]
        tag = f"{i:04d}"
        source = f"archive/{tag}_{d['doc']}.txt"
        rename = {"source_file": source, "doc": f"{tag}_{d['doc']}"}
        for name in copies:
            df = getattr(base, name)
            part = df[df["source_file"] == d["source_file"]].copy()
            for col, value in rename.items():
                part[col] = value
            if "doc_id" in part:
                part["doc_id"] = f"{i:016x}"
            copies[name].append(part)
        texts[source] = base.texts[d["source_file"]]
    return Dataset(
        **{name: pd.concat(parts, ignore_index=True) for name, parts in copies.items()},
        errors=base.errors, texts=texts,
    )  # fmt: skip


def measure(browser: Chromium, page: Path) -> tuple[float, float]:
    start = time.perf_counter()
    browser.open(page.as_uri())
    browser.js("document.getElementById('shown-count').textContent")
    load = time.perf_counter() - start
    start = time.perf_counter()
    browser.js(
        "(() => { const el = document.getElementById('f-country'); el.value = 'CHN';"
        " el.dispatchEvent(new Event('change'));"
        " return document.getElementById('shown-count').textContent; })()"
    )
    return load, time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000])
    args = parser.parse_args(argv)
    base = pipeline.run(sorted(ROOT.glob("samples/00[01]_*[0-9a-f].txt")), jobs=1)
    print("documents  events  report.html  detail pages (total)  write s  load s  filter s")
    with Chromium() as browser:
        for n in args.sizes:
            ds = scaled(base, n)
            with tempfile.TemporaryDirectory() as tmp:
                out = Path(tmp)
                from normalize.report import write_report

                start = time.perf_counter()
                write_report(ds, out)
                write = time.perf_counter() - start
                size = (out / "report.html").stat().st_size
                details = sum(p.stat().st_size for p in (out / "report").iterdir())
                load, flt = measure(browser, out / "report.html")
                print(
                    f"{n:9d}  {len(ds.events):6d}  {size / 1e6:8.2f} MB  {details / 1e6:12.1f} MB"
                    f"        {write:7.1f}  {load:6.2f}  {flt:8.2f}"
                )
        assert browser.errors == [], browser.errors
    return 0


if __name__ == "__main__":
    sys.exit(main())
