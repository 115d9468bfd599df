"""The project's own scorer: the same rules as the reference scorer the team
measures with (records paired within a document and action by source-text
similarity; an event is fully correct when title, country, start and end dates
are right), so a clone without ../shared can still check itself."""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field


def _empty(v) -> bool:
    if v is None:
        return True
    if isinstance(v, float) and v != v:
        return True
    return isinstance(v, str) and v.strip() in ("", "None", "null", "nan", "NaT")


def norm_text(s) -> str:
    if _empty(s):
        return ""
    s = unicodedata.normalize("NFKC", str(s)).lower()
    for a, b in (("–", "-"), ("—", "-"), ("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"')):
        s = s.replace(a, b)
    s = re.sub(r"(\d)\s+(st|nd|rd|th)\b", r"\1\2", s)
    return " ".join(re.sub(r"[^\w'&/\-\"]+", " ", s).split())


def _countries(v):
    if _empty(v):
        return None
    items = list(v) if isinstance(v, (list, tuple)) else re.split(r"[;,|]", str(v))
    return ";".join(sorted(str(i).strip().upper() for i in items if str(i).strip())) or None


def _date(v, precision=None):
    if _empty(v):
        return None
    s = str(v)[:10]
    p = "" if _empty(precision) else str(precision).lower()
    return s[:7] if p.startswith("month") else s[:4] if p.startswith("year") else s


def _field(r, name, precision=None):
    v = r.get(name)
    if name == "country_iso3":
        return _countries(v)
    if name in ("start_date", "end_date"):
        return _date(v, precision)
    if name == "city":
        return None if _empty(v) else norm_text(v)
    return v


def _right(gold, pred, name) -> bool:
    if name == "title":
        a, b = norm_text(gold.get("title")), norm_text(pred.get("title"))
        return bool(a) and difflib.SequenceMatcher(None, a, b).ratio() >= 0.9
    ok = [_field(gold, name)]
    for x in (gold.get("accept") or {}).get(name, []):
        ok.append(_countries(x) if name == "country_iso3" else norm_text(x) if name == "city" and x else x)
    return _field(pred, name, pred.get("date_precision")) in ok


@dataclass
class Score:
    gold: int
    predicted: int
    paired: int
    fully_correct: int
    field_right: dict = field(default_factory=dict)
    misses: list = field(default_factory=list)

    @staticmethod
    def _f1(tp, g, p):
        prec, rec = (tp / p if p else 0.0), (tp / g if g else 0.0)
        return 2 * prec * rec / (prec + rec) if prec + rec else 0.0

    @property
    def records_f1(self) -> float:
        return self._f1(self.paired, self.gold, self.predicted)

    @property
    def full_f1(self) -> float:
        return self._f1(self.fully_correct, self.gold, self.predicted)


def score(gold: list[dict], pred: list[dict]) -> Score:
    def key(r):
        return str(r.get("doc")), int(float(r["action_no"]))

    groups: dict = {}
    for i, r in enumerate(pred):
        groups.setdefault(key(r), []).append(i)
    used, pairs = set(), []
    for g in gold:
        gt = norm_text(g.get("source_text"))
        best, best_s = None, 0.0
        for pi in groups.get(key(g), []):
            if pi in used:
                continue
            s = difflib.SequenceMatcher(None, gt, norm_text(pred[pi].get("source_text"))).ratio()
            if s > best_s:
                best, best_s = pi, s
        if best is not None and best_s >= 0.6:
            used.add(best)
            pairs.append((g, pred[best]))
    fields = ["title", "country_iso3", "city", "start_date", "end_date"]
    result = Score(len(gold), len(pred), len(pairs), 0, {f: 0 for f in fields})
    for g, p in pairs:
        oks = {f: _right(g, p, f) for f in fields}
        for f in fields:
            result.field_right[f] += oks[f]
        if all(oks[f] for f in ("title", "country_iso3", "start_date", "end_date")):
            result.fully_correct += 1
        else:
            result.misses.append((g.get("source_text"), [f for f in fields if not oks[f]]))
    return result
