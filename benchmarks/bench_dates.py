"""Benchmark (not a test): date-grammar throughput on long and adversarial text.

    .venv/bin/python benchmarks/bench_dates.py
Targets: under 50 ms for 10,000 characters of any of these texts, and linear growth:
four times the text may take at most about four times as long (ratio < 6 allows for
noise).  Before the grammar replaced dateparser's search, the hostile French text
("le 22 octobre 2015, " * 5000) took 23 s.
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
    "report prose": SENTENCE * 80,
    "digit soup": "1 2 3 4 5 6 7 8 9 10 11 12 2015 - / " * 300,
    "long whitespace": "1 June" + " " * 10_000 + "x",
    "prepositions": "in " * 3_000,
    "digits": "0123456789" * 1_000,
    "french dates": "le 22 octobre 2015, " * 500,
    "range words": "du 3 au de 4 al entre 5 et between 6 and " * 250,
    "weekdays": "Monday Tue 3 - Thu " * 600,
    "day lists": "1, 2, 3, 4, 5, 6, 7, 8, 9, " * 400,
}


def best_of(text: str, runs: int = 5) -> float:
    best = float("inf")
    for _ in range(runs):
        t = time.perf_counter()
        find_date_ranges(text, date(2015, 10, 25))
        best = min(best, time.perf_counter() - t)
    return best


if __name__ == "__main__":
    print(f"{'text':<16} {'chars':>6}  {'time':>9}  {'x4 text':>8}")
    for name, text in TEXTS.items():
        text = (text * 2)[:10_000] if len(text) >= 10_000 else text
        small, large = best_of(text), best_of(text * 4, runs=3)
        ratio = large / small if small > 0 else 0.0
        # Below ~10 ms the ratio is mostly timer noise.
        verdict = "ok" if small < 0.05 and (ratio < 6 or large < 0.01) else "SLOW"
        print(f"{name:<16} {len(text):>6}  {small * 1000:7.2f} ms  {ratio:7.1f}x  {verdict}")
    hostile = "le 22 octobre 2015, " * 5000
    t = time.perf_counter()
    n = len(find_date_ranges(hostile))
    print(f"hostile French (100,000 chars, {n} dates): {(time.perf_counter() - t) * 1000:.0f} ms (was 23 s)")
