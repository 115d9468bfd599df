"""Score every zoo rendering: its actions against the text rendering's, its events
against the gold (fully-correct F1, tests/scoring.py), and a search for furniture
(document code, page numbers, browser header/footer) in actions and events.

    .venv/bin/python -m tests.zoo.measure      # prints the table for docs/notes
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.scoring import score  # noqa: E402
from tests.zoo.spec import GOLD, RENDERINGS  # noqa: E402

SEED_GOLD = ROOT / "tests" / "fixtures" / "000_f9a85ca6c4980ec5.events.jsonl"
ACTION_FIELDS = ["action_no", "section_no", "section_title", "action_text", "responsible_body", "timeframe"]
OPTIONAL_FIELDS = ["remarks"]  # the extra columns, where the dataset has them
# Text a page's furniture is made of, whatever the producer: document codes,
# page numbers, the browser's print date, file URL and `1/2`.
FURNITURE = re.compile(
    r"\b[A-Z]{2}\d{4}E\d\w?\b|\bPage \d+ of \d+\b|file://"
    r"|\d{1,2}/\d{1,2}/\d{2},? \d{1,2}:\d{2}|^\d+/\d+$|^\d+\.$"
)


@dataclass(frozen=True)
class Result:
    rendering: str
    producer: str
    actions_same: bool
    action_diff: list
    full_f1: float
    records_f1: float
    furniture: list  # action or event values that are page furniture
    misses: list


def renderings() -> list[Path]:
    return sorted(p for p in RENDERINGS.iterdir() if p.suffix in (".pdf", ".docx") and "__" in p.stem)


def _gold(doc: str) -> list[dict]:
    path = SEED_GOLD if doc.startswith("000_") else GOLD / f"{doc}.events.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _rows(df, fields) -> list[tuple]:
    return [tuple("" if v != v or v is None else str(v) for v in row) for row in df[fields].values.tolist()]


def _number(value) -> str:
    """An action number the scorer can pair on; a false action gets one no gold has."""
    try:
        float(value)
        return str(value)
    except (TypeError, ValueError):
        return "-1"


def measure(dataset) -> list[Result]:
    out = []
    for path in renderings():
        doc = path.stem.split("__")[0]
        text = dataset.actions[dataset.actions["source_file"] == str(RENDERINGS / f"{doc}.txt")]
        actions = dataset.actions[dataset.actions["source_file"] == str(path)]
        events = dataset.events[dataset.events["source_file"] == str(path)]
        # An extra column is compared where the rendering has it (its layout may leave it out).
        extra = [f for f in OPTIONAL_FIELDS if f in actions.columns and actions[f].notna().any()]
        fields = ACTION_FIELDS + extra
        want, got = _rows(text, fields), _rows(actions, fields)
        diff = [r for r in want if r not in got] + [("extra", *r) for r in got if r not in want]
        records = [{**r, "doc": doc, "action_no": _number(r["action_no"])} for r in events.to_dict("records")]
        result = score(_gold(doc), records)
        values = [str(v) for f in ["action_no", "action_text", *fields[6:]] for v in actions[f].tolist()]
        values += [str(v) for v in events["source_text"].tolist()]
        out.append(
            Result(
                path.name, path.stem.split("__")[1].split("-")[0], want == got, diff[:6],
                result.full_f1, result.records_f1, [v for v in values if FURNITURE.search(v)],
                result.misses[:6],
            )
        )  # fmt: skip
    return out


def main() -> None:
    import pipeline

    ds = pipeline.run([RENDERINGS], jobs=2)
    results = measure(ds)
    print("| rendering | actions as text | records F1 | fully-correct F1 | furniture in data |")
    print("|---|---|---|---|---|")
    for r in results:
        same = "yes" if r.actions_same else "NO"
        print(f"| {r.rendering} | {same} | {r.records_f1:.3f} | {r.full_f1:.3f} | {len(r.furniture)} |")
    if "-v" in sys.argv:
        for r in results:
            if not r.actions_same or r.full_f1 < 0.98 or r.furniture:
                print(r.rendering, r.action_diff, r.misses, r.furniture[:3], sep="\n  ")


if __name__ == "__main__":
    main()
