"""Accuracy of `parse_date_range` on date cases collected from other libraries' test suites.

    .venv/bin/python benchmarks/date_accuracy.py [-v]

The cases (tests/data/date_cases.csv) come from the public tests of dateparser,
python-dateutil, daterangeparser and chrono, each row naming its source: absolute dates
and ranges in English, French and Spanish, and texts that must give no date.  Relative
expressions ("tomorrow"), numeric dates whose order only a library convention settles
(10/09/2003) and years outside 1800-2199 are left out.  A case is right when the first
expression found has the expected start, end and precision (or, for a row without an
expected start, when nothing is found).  tests/test_dates.py asserts a floor well below
the figure printed here.
"""

from __future__ import annotations

import csv
import sys
from collections import Counter
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from normalize.dates import parse_date_range  # noqa: E402

CASES = ROOT / "tests" / "data" / "date_cases.csv"


def load(path: Path = CASES) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def outcome(row: dict[str, str]) -> tuple[bool, tuple[str, str, str] | None]:
    reference = date.fromisoformat(row["reference"]) if row["reference"] else None
    found = parse_date_range(row["text"], reference)
    got = (found.iso_start(), found.iso_end(), found.precision) if found else None
    want = (row["start"], row["end"], row["precision"]) if row["start"] else None
    return got == want, got


def accuracy(rows: list[dict[str, str]]) -> float:
    return sum(outcome(r)[0] for r in rows) / len(rows)


def main(verbose: bool) -> None:
    rows = load()
    right, total = Counter(), Counter()
    for row in rows:
        ok, got = outcome(row)
        for key in ("all", row["source"].split(":")[0], "lang " + row["language"],
                    "must parse" if row["start"] else "must stay None"):  # fmt: skip
            total[key] += 1
            right[key] += ok
        if verbose and not ok:
            print(f"  miss: {row['text']!r} want {row['start']}..{row['end']} {row['precision']} got {got}")
    for key in total:
        print(f"{key:<28} {right[key]:>4}/{total[key]:<4} {right[key] / total[key]:.3f}")


if __name__ == "__main__":
    main("-v" in sys.argv[1:])
