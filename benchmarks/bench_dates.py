"""Benchmark (not a test): date-grammar throughput on long and adversarial text.

    .venv/bin/python benchmarks/bench_dates.py
Target: under 50 ms for 10,000 characters of any of these texts.
"""

import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from normalize.dates import find_date_ranges  # noqa: E402

SENTENCE = (
    "The Regional Workshop (Mexico, 22-24 September 2015) was followed in June 2015 by "
    "the WTO Public Forum 2015; 03/04/2015 and 1,234,567 items were seized. "
)
TEXTS = {
    "report prose": (SENTENCE * 80)[:10_000],
    "digit soup": "1 2 3 4 5 6 7 8 9 10 11 12 2015 - / " * 300,
    "long whitespace": "1 June" + " " * 10_000 + "x",
    "prepositions": "in " * 3_000,
    "digits": "0123456789" * 1_000,
}

if __name__ == "__main__":
    for name, text in TEXTS.items():
        best = float("inf")
        for _ in range(5):
            t = time.perf_counter()
            find_date_ranges(text, date(2015, 10, 25))
            best = min(best, time.perf_counter() - t)
        print(f"{name:<16} {len(text):>6} chars  {best * 1000:7.2f} ms  {'ok' if best < 0.05 else 'SLOW'}")
