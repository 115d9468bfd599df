"""Accuracy of `resolve_country` on country names collected from other libraries' tests.

    python benchmarks/country_accuracy.py [--misses]

tests/data/country_cases.csv holds (name, expected iso3, source); an empty iso3 means the
name must NOT resolve (a region, a US state, a city). A case is right when the answer
equals the expectation exactly; "wrong" counts answers that name another country,
which is worse than no answer.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from normalize.places import resolve_country  # noqa: E402

CASES = Path(__file__).resolve().parent.parent / "tests" / "data" / "country_cases.csv"


def score() -> tuple[int, int, int, list[tuple[str, str, str | None]]]:
    """(right, wrong, total, misses)."""
    with open(CASES, encoding="utf-8", newline="") as f:
        cases = list(csv.DictReader(f))
    right = wrong = 0
    misses = []
    for case in cases:
        got = resolve_country(case["name"])
        if (got or "") == case["iso3"]:
            right += 1
            continue
        wrong += got is not None
        misses.append((case["name"], case["iso3"], got))
    return right, wrong, len(cases), misses


def main() -> None:
    right, wrong, total, misses = score()
    if "--misses" in sys.argv:
        for name, expected, got in misses:
            print(f"{name!r:60} expected {expected or '-':4} got {got or '-'}")
    print(f"resolve_country: {right}/{total} = {right / total:.3f} right, {wrong} wrong answers")


if __name__ == "__main__":
    main()
