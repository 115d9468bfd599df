"""Benchmark (not a test): place tables' load time and lookup cost, hostile inputs included.

    .venv/bin/python benchmarks/bench_places.py
Targets: country tables < 0.1 s and the gazetteer < 1 s to load, once per process (both
lazily, so `pipeline.py --help` loads neither); a lookup < 1 ms whatever the input
(every function caps the text it looks up at MAX_PLACE_LEN characters).
"""

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from normalize.places import resolve_city, resolve_country, resolve_places  # noqa: E402

PLACES = ["Kashiwa, Japan", "Tehran, Iran (Islamic Republic of)", "Korea, Rep.", "Quito, l'Équateur",
          "WCO Headquarters", "Bruxelles (hybride)", "Atlanta, Georgia, USA", "blah blah"]  # fmt: skip
HOSTILE = {
    "spaces then a parenthesis": " " * 4000 + "(x",
    "nested parentheses": "x (" * 5000 + ")" * 5000,
    "commas": "Korea, " * 5000,
    "form words": "Republic of " * 2000,
    "one long word": "x" * 1_000_000,
}


def _time(func, *args) -> float:
    start = time.perf_counter()
    func(*args)
    return time.perf_counter() - start


if __name__ == "__main__":
    print(f"load country tables: {_time(resolve_country, 'x'):.3f} s")
    print(f"load gazetteer:      {_time(resolve_city, 'x'):.3f} s")
    per_call = min(_time(lambda: [resolve_places(p) for p in PLACES]) for _ in range(5)) / len(PLACES)
    print(f"resolve_places, typical place texts: {per_call * 1000:.3f} ms per call")
    for name, text in HOSTILE.items():
        cost = max(_time(f, text) for f in (resolve_country, resolve_city, resolve_places))
        print(f"{name:28} ({len(text):>9,} chars): {cost * 1000:.3f} ms")
