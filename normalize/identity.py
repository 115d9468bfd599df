"""One event, many mentions: give every mention of the same real event one
`event_key`, within a report and across reports and formats.

The rule, decided from seed 000 (see README, "Event identity"): two mentions are
the same event when
  * they are the same kind of record (event or prose development) and type
    (`other` agrees with any), and
  * their places agree (same country; a mention with no place agrees with any,
    but then types must be equal and 80% of topic words shared), and
  * their dates overlap (or, for identical titles in the same country, lie within
    31 days: a corrected date), and
  * their titles share a topic: after expanding acronyms the report defines
    (`... Portuguese-Speaking Countries (CPLP)`) and dropping generic words
    (event types, scope words, `WCO`, stop words), the smaller set of topic words
    is at least half contained in the larger, and at least one is shared.
  Prose statements, and mentions with no date, are the same only when their
  normalized titles are equal.
`National TRS Workshop` and `National IPR Workshop` (same country, same week)
share no topic word and stay apart.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta

import pandas as pd

from .events import _keyword_table

_STOP = {
    "the", "of", "on", "for", "and", "in", "with", "a", "an", "to", "at", "by", "its", "their", "from",
    "as", "into", "&", "de", "la", "le", "les", "des", "du", "et",
}  # fmt: skip
_ALSO_GENERIC = {
    "wco",
    "joint",
    "international",
    "th",
    "st",
    "nd",
    "rd",
    "annual",
    "first",
    "second",
    "third",
}
_ACRONYM_DEF = re.compile(
    r"((?:[A-Z][\w'-]*\s+(?:(?:of|on|for|and|the|in)\s+)*){1,8})\(([A-Z][A-Za-z0-9]{1,9})\)"
)
_MIN_CONTAINMENT = 0.5
_MIN_CONTAINMENT_PLACELESS = 0.8  # no place to confirm the match: the titles must say more
_CORRECTION_WINDOW = timedelta(days=31)


def _generic_words() -> set[str]:
    words = set(_ALSO_GENERIC)
    for table in ("event_types.csv", "scope_keywords.csv"):
        for k in _keyword_table(table):
            # Single-word keywords only: "train-the-trainer" names a format, a topic word.
            words.update(w.lower() for w in k.words if re.fullmatch(r"[A-Za-z]+", w))
    return words


def _tokens(text: str) -> list[str]:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.findall(r"[a-z0-9]+", text)


def acronym_table(texts: list[str]) -> dict[str, list[str]]:
    """Acronyms the reports define: `Post-Clearance Audit (PCA)` -> pca: [post, clearance, audit]."""
    table: dict[str, list[str]] = {}
    for text in texts:
        for m in _ACRONYM_DEF.finditer(text or ""):
            words = [w for w in _tokens(m.group(1)) if w not in _STOP]
            acronym = m.group(2).lower()
            initials = "".join(w[0] for w in words)
            # Keep the tail of the phrase whose initials spell the acronym, when they do.
            for start in range(len(words)):
                if initials[start:].startswith(acronym[:2]) and len(words) - start <= len(acronym) + 2:
                    table.setdefault(acronym, words[start:])
                    break
    return table


@dataclass(frozen=True)
class Mention:
    index: int
    country: str | None
    start: date | None
    end: date | None
    topic: frozenset[str]
    norm_title: str
    kind: str
    event_type: str


def _as_date(value, end: bool) -> date | None:
    if value is None or (isinstance(value, float) and value != value) or value == "":
        return None
    s = str(value)
    parts = [int(p) for p in s.split("-")]
    if len(parts) == 3:
        return date(*parts)
    if len(parts) == 2:
        y, m = parts
        if not end:
            return date(y, m, 1)
        return (date(y + (m == 12), m % 12 + 1, 1)) - timedelta(days=1)
    return date(parts[0], 12, 31) if end else date(parts[0], 1, 1)


def _mention(i: int, row: dict, acronyms: dict[str, list[str]], generic: set[str]) -> Mention:
    words = [w for w in _tokens(row.get("title") or "") if w not in _STOP]
    expanded = []
    for w in words:
        expanded.append(w)
        expanded += acronyms.get(w, [])
    topic = frozenset(w for w in expanded if w not in generic and not w.isdigit())
    country = row.get("country_iso3")
    country = None if country is None or country != country or country == "" else str(country)
    return Mention(
        i, country, _as_date(row.get("start_date"), False), _as_date(row.get("end_date"), True),
        topic, " ".join(words), str(row.get("kind") or "event"), str(row.get("event_type") or "other"),
    )  # fmt: skip


def same_event(a: Mention, b: Mention) -> bool:
    if a.country and b.country and a.country != b.country:
        return False
    placeless = not (a.country and b.country)
    if a.kind != b.kind or (
        a.event_type != b.event_type and (placeless or "other" not in (a.event_type, b.event_type))
    ):
        return False
    if a.start is None or b.start is None:
        return a.start is None and b.start is None and a.norm_title == b.norm_title and a.country == b.country
    overlap = a.start <= b.end and b.start <= a.end
    if not overlap:
        gap = max(a.start, b.start) - min(a.end, b.end)
        if not (a.norm_title == b.norm_title and a.country and gap <= _CORRECTION_WINDOW):
            return False
    if a.norm_title == b.norm_title:
        return True
    if a.kind == "development":  # statements are the same only word for word
        return False
    shared = a.topic & b.topic
    smaller = min(len(a.topic), len(b.topic))
    if not smaller:
        return False
    needed = _MIN_CONTAINMENT_PLACELESS if placeless else _MIN_CONTAINMENT
    return bool(shared) and len(shared) / smaller >= needed


def _sweep(dated: list[Mention], find, parent, only_with: frozenset[int] | None = None) -> None:
    """Compare each mention with the later ones whose dates can still meet it."""
    for k, a in enumerate(dated):
        for b in dated[k + 1 :]:
            if b.start > a.end + _CORRECTION_WINDOW:
                break
            if only_with is not None and a.index not in only_with and b.index not in only_with:
                continue
            if find(a.index) != find(b.index) and same_event(a, b):
                parent[find(b.index)] = find(a.index)


def _records(table) -> list[dict]:
    return table.to_dict("records") if isinstance(table, pd.DataFrame) else list(table)


def assign_event_keys(events, acronyms: dict[str, list[str]] | None = None) -> list[str]:
    """An `event_key` per event (a DataFrame or a list of records), in order.

    `acronyms`: the reports' own acronym definitions (see `acronym_table`); when
    not given, they are read from the events' source texts."""
    rows = _records(events)
    if acronyms is None:
        acronyms = acronym_table([r.get("source_text") or "" for r in rows])
    generic = _generic_words()
    mentions = [_mention(i, r, acronyms, generic) for i, r in enumerate(rows)]
    parent = list(range(len(rows)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # Identical mentions (a report repeating itself, or the same report twice) are
    # merged outright; only one of each is compared with the rest.
    firsts: dict[tuple, Mention] = {}
    for m in mentions:
        if m.start is None:
            continue
        signature = (m.country, m.start, m.end, m.norm_title, m.kind, m.event_type)
        first = firsts.setdefault(signature, m)
        if first is not m:
            parent[find(m.index)] = find(first.index)
    # Sweep by date within each country (placeless mentions meet every country).
    by_country: dict[str | None, list[Mention]] = {}
    for m in firsts.values():
        by_country.setdefault(m.country, []).append(m)
    placeless = by_country.pop(None, [])
    for group in [*by_country.values(), placeless]:
        _sweep(sorted(group, key=lambda m: (m.start, m.index)), find, parent)
    if placeless:
        everyone = sorted(firsts.values(), key=lambda m: (m.start, m.index))
        _sweep(everyone, find, parent, only_with=frozenset(m.index for m in placeless))
    by_title: dict[tuple, int] = {}
    for m in mentions:
        if m.start is None:
            first = by_title.setdefault((m.norm_title, m.country), m.index)
            parent[find(m.index)] = find(first)
    clusters: dict[int, list[Mention]] = {}
    for m in mentions:
        clusters.setdefault(find(m.index), []).append(m)
    keys = [""] * len(rows)
    for members in clusters.values():
        rep = min(members, key=lambda m: (m.country or "", m.start or date.min, m.norm_title))
        digest = hashlib.sha256(f"{rep.country}|{rep.start}|{rep.norm_title}".encode()).hexdigest()[:16]
        for m in members:
            keys[m.index] = digest
    return keys


_PRECISION_RANK = {"day": 0, "month": 1, "year": 2}
UNIQUE_COLUMNS = [
    "event_key", "title", "kind", "event_type", "country_iso3", "country", "city", "start_date", "end_date",
    "date_precision", "mentions", "documents", "mentioned_in", "first_report", "last_report",
]  # fmt: skip


def _most_common(values):
    present = [v for v in values if v is not None and v == v and v != ""]
    if not present:
        return None
    counts: dict = {}
    for v in present:
        counts[v] = counts.get(v, 0) + 1
    return max(counts, key=lambda v: (counts[v], -present.index(v)))


def unique_events(events, documents) -> pd.DataFrame:
    """One row per event_key, with the best-known values of its mentions: the most
    precise dates, a city when any mention names one, the most common title."""
    report_date = {}
    for d in _records(documents):
        report_date[d["doc"]] = (d.get("as_of") or d.get("issued") or "", d["doc"])
    groups: dict[str, list[dict]] = {}
    for record in _records(events):
        groups.setdefault(record["event_key"], []).append(record)
    rows = []
    for key in sorted(groups):
        mentions = groups[key]
        best = min(mentions, key=lambda m: (_PRECISION_RANK.get(m.get("date_precision"), 3), m["char_start"]))
        reports = sorted({m["doc"] for m in mentions}, key=lambda d: report_date.get(d, ("", d)))
        rows.append(
            {
                "event_key": key,
                "title": _most_common([m["title"] for m in mentions]),
                "kind": best["kind"],
                "event_type": best["event_type"],
                "country_iso3": _most_common([m["country_iso3"] for m in mentions]),
                "country": _most_common([m["country"] for m in mentions]),
                "city": _most_common([m["city"] for m in mentions]),
                "start_date": best["start_date"],
                "end_date": best["end_date"],
                "date_precision": best["date_precision"],
                "mentions": len(mentions),
                "documents": len(reports),
                "mentioned_in": "; ".join(f"{m['doc']}#{m['action_no']}.{m['item_no']}" for m in mentions),
                "first_report": reports[0],
                "last_report": reports[-1],
            }  # fmt: skip
        )
    return pd.DataFrame.from_records(rows, columns=UNIQUE_COLUMNS)
