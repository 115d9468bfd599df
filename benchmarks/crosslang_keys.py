"""How often the same item gets the same `event_key` in the English, French and
Spanish versions of a report, on items the glossaries were not written from.

    .venv/bin/python benchmarks/crosslang_keys.py [--show]

`tests/data/crosslang_items.csv` holds 120 progress items (publications, prose
statements, courses, regional meetings: mostly without a country or a full date, the
items whose key rests on their words) written with their French and Spanish
translations by a helper that saw neither the glossaries nor the samples. Each
language's items become one plain-text report (one action per item, the report's
own column names), the pipeline converts the three, and items are compared by
action number. Also counted: keys shared by two different items of one language
(a wrong merge, worse than a missed match).
"""

from __future__ import annotations

import csv
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

import pipeline  # noqa: E402

ITEMS = HERE.parent / "tests" / "data" / "crosslang_items.csv"
REPORTS = {
    "en": ("PROGRESS IN IMPLEMENTING THE ACTION PLAN (AS OF 31 DECEMBER 2018)", "1. PROGRESS",
           ("Action", "Responsible body", "Timeframe/Deadline", "Progress"),
           ("WCO Secretariat", "Continuous activity")),
    "fr": ("ÉTAT D'AVANCEMENT DE LA MISE EN ŒUVRE DU PLAN D'ACTION (AU 31 DÉCEMBRE 2018)", "1. AVANCEMENT",
           ("Mesure", "Organe responsable", "Calendrier/Échéance", "État d'avancement"),
           ("Secrétariat de l'OMD", "Activité continue")),
    "es": ("ESTADO DE AVANCE DE LA APLICACIÓN DEL PLAN DE ACCIÓN (AL 31 DE DICIEMBRE DE 2018)", "1. AVANCE",
           ("Medida", "Órgano responsable", "Plazo", "Estado de avance"),
           ("Secretaría de la OMA", "Actividad continua")),
}  # fmt: skip


def report_text(language: str, items: list[str]) -> str:
    title, section, columns, (body, timeframe) = REPORTS[language]
    lines = ["", title, "", section, "", "\t" + "\t".join(columns)]
    for n, item in enumerate(items, 1):
        lines.append(f"{n}\t{columns[0]} {n}\t{body}\t{timeframe}\t- {item}")
    return "\n".join(lines) + "\n"


def measure(show: bool = False) -> dict[str, float]:
    with open(ITEMS, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    with tempfile.TemporaryDirectory() as tmp:
        for code in REPORTS:
            (Path(tmp) / f"crosslang_{code}.txt").write_text(
                report_text(code, [r[code] for r in rows]), "utf-8"
            )
        dataset = pipeline.run([tmp], jobs=1)
    events = dataset.events
    keys: dict[str, dict[int, list[str]]] = {}
    titles: dict[str, dict[int, list[str]]] = {}
    for e in events.to_dict("records"):
        code = e["source_file"].rsplit("_", 1)[1].split(".")[0]
        keys.setdefault(code, {}).setdefault(int(e["action_no"]), []).append(e["event_key"])
        titles.setdefault(code, {}).setdefault(int(e["action_no"]), []).append(e["title"])
    result = {}
    for other in ("fr", "es"):
        equal = sum(keys["en"].get(n) == keys[other].get(n) for n in range(1, len(rows) + 1))
        result[f"en={other}"] = equal / len(rows)
        print(f"en = {other}: {equal} of {len(rows)} items have the same key ({equal / len(rows):.3f})")
        if show:
            from normalize.identity import topic_words

            for n in range(1, len(rows) + 1):
                if keys["en"].get(n) != keys[other].get(n):
                    a = {w for t in titles["en"].get(n, []) for w in topic_words(t)}
                    b = {w for t in titles[other].get(n, []) for w in topic_words(t)}
                    print(f"  {rows[n - 1]['id']}: en-only {sorted(a - b)} {other}-only {sorted(b - a)}")
    for code, by_action in keys.items():
        owners: dict[str, set[int]] = {}
        for n, ks in by_action.items():
            for k in ks:
                owners.setdefault(k, set()).add(n)
        shared = sum(1 for found in owners.values() if len(found) > 1)
        result[f"shared:{code}"] = shared
        print(f"{code}: {shared} keys shared by different items")
    return result


if __name__ == "__main__":
    measure(show="--show" in sys.argv)
