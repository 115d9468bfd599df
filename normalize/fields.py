"""Organisers and scope: read from what the text says about the event, not from any
acronym or scope word that happens to stand in the title.

Organisers (`find_organisers`) are the bodies the text says organised the event:

1. after `organised by` / `co-organised by` / `convened by` (`organisé par`,
   `organizado por`): `... organized by GIZ and OSCE` gives GIZ and OSCE;
2. named before the event's head noun (its event-type keyword), with no complement
   between them: `ADB TRS Conference`, `Joint WCO-UPU Customs-Post Workshop`,
   `ADB, WCO and WTO Forum`; not `Workshop ... and the WTO TFA`, nor `Workshop on
   CBM, Single Window and WCO Data Model` (a topic), nor `Workshop for SACU` (the
   audience);
3. the body whose own meeting it is: `Meeting of IFCBA`, `General Session of the
   World Organisation for Animal Health` (meeting-type heads only).

A pair written `WCO-UPU`, `ICAO-WCO` or `WCO/ICAO` is one joint organiser, spelt one
way whatever the report's order: its members in the order of
`data/organisations.csv` (WCO first). A body that is also part of a pair is not
listed again. Statements of progress get organisers only from rule 1, and rules 2-3
apply to gatherings (`data/event_type_traits.csv`), not publications.

Scope (`classify_scope`) comes from the event's own head phrase (up to its first
complement), outside organisation names and outside topic phrases where the scope
word describes the subject (`Regional Integration`, `National Single Window`:
`data/lang/<iso>/scope_topics.csv`).
"""

from __future__ import annotations

import csv
import re
from functools import cache
from pathlib import Path

from . import lang, nlp

_DATA = Path(__file__).with_name("data")
_JOINERS = {"-", "/", "–"}


@cache
def _org_rank() -> dict[str, int]:
    with open(_DATA / "organisations.csv", encoding="utf-8", newline="") as f:
        return {row["acronym"]: i for i, row in enumerate(csv.DictReader(f))}


@cache
def gathering_types() -> frozenset[str]:
    """Event types that take place somewhere (data/event_type_traits.csv)."""
    with open(_DATA / "event_type_traits.csv", encoding="utf-8", newline="") as f:
        return frozenset(r["event_type"] for r in csv.DictReader(f) if r["gathering"] == "yes")


@cache
def _organiser_pattern(kind: str, languages: tuple[str, ...]) -> re.Pattern:
    phrases: list[str] = []
    for code in languages:
        for row in lang.read_rows(code, "organisers.csv"):
            if row["kind"] == kind:
                phrases += [p.strip() for p in row["phrase"].split("|") if p.strip()]
    if not phrases:
        return re.compile(r"(?!)")
    phrases = sorted(dict.fromkeys(phrases), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(phrases) + r")(?!\w)", re.IGNORECASE)


@cache
def _scope_topics(languages: tuple[str, ...]) -> re.Pattern:
    words = [r["phrase"].strip() for code in languages for r in lang.read_rows(code, "scope_topics.csv")]
    words = sorted({w for w in words if w}, key=len, reverse=True)
    if not words:
        return re.compile(r"(?!)")
    return re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, words)) + r")(?![\w-])", re.IGNORECASE)


def canonical(members: list[str]) -> str:
    """`ICAO-WCO` and `WCO-ICAO` are one body pair, spelt in the organisations table's order."""
    rank = _org_rank()
    ordered = sorted(dict.fromkeys(members), key=lambda a: (rank.get(a, len(rank)), a))
    return "-".join(ordered)


def _orgs(doc) -> list[tuple[int, int, str, bool]]:
    """(start, end, canonical acronym, compound) of each organisation, pairs joined:
    `WCO-UPU` one entry; `Customs-UPU` (a body hyphened to a common word) a compound."""
    ents = [e for e in doc.ents if e.label_ == "ORG"]
    out: list[tuple[int, int, str, bool]] = []
    i = 0
    while i < len(ents):
        e = ents[i]
        members, start, end, last = [e.ent_id_], e.start_char, e.end_char, e
        while i + 1 < len(ents):
            nxt = ents[i + 1]
            gap = doc[last.end : nxt.start]
            if (
                len(gap) == 1
                and gap[0].text in _JOINERS
                and not gap[0].whitespace_
                and not last[-1].whitespace_
            ):
                members.append(nxt.ent_id_)
                end, last, i = nxt.end_char, nxt, i + 1
            else:
                break
        compound = _hyphened(doc, e.start, before=True) or _hyphened(doc, last.end - 1, before=False)
        out.append((start, end, canonical(members), compound))
        i += 1
    return out


def _hyphened(doc, index: int, before: bool) -> bool:
    """A token glued by a hyphen to a word that is no organisation (`Customs-UPU`)."""
    if before:
        if index < 2 or doc[index - 1].text not in _JOINERS or doc[index - 2].whitespace_:
            return False
        word = doc[index - 2]
    else:
        if index + 2 >= len(doc) or doc[index + 1].text not in _JOINERS or doc[index].whitespace_:
            return False
        word = doc[index + 2]
    return word.ent_type_ != "ORG" and word.is_alpha


def _keywords(title: str, orgs, languages: tuple[str, ...]) -> list[tuple[int, int, str]]:
    """Event-type keywords outside organisation names, in order: (start, end, type)."""
    from .events import _keyword_table

    found = []
    for k in _keyword_table("event_types.csv", languages):
        for m in k.pattern.finditer(title):
            if not any(s <= m.start() < e for s, e, _, _ in orgs):
                found.append((m.start(), m.end(), k.label))
    return sorted(found)


def _owner(title: str, end: int, orgs, languages: tuple[str, ...]) -> str | None:
    """The organisation right after `of (the)` that follows a keyword ending at `end`."""
    of = _organiser_pattern("of", languages).match(title, end + 1) if title[end : end + 1] == " " else None
    if of is None:
        return None
    offset = of.end() + len(title[of.end() :]) - len(title[of.end() :].lstrip())
    return next((a for s, _, a, compound in orgs if s == offset and not compound), None)


@cache
def _complement(languages: tuple[str, ...]) -> re.Pattern:
    return lang.compiled(r"(?<!\w){head_end}(?!\w)", languages, ignore_case=True)


def _listed_after(text: str, start: int, orgs) -> list[str]:
    """The organisations listed right after `start` (`GIZ and OSCE`, `the WCO, UNODC`)."""
    found = []
    pos = start
    for s, e, acronym, _ in sorted(orgs):
        if s < pos:
            continue
        between = text[pos:s].strip(" ,;")
        if between and not re.fullmatch(r"(?:(?:and|et|y|&|the|la|le|l'|el|les|los)\s*)+", between, re.I):
            break
        found.append(acronym)
        pos = e
    return found


def find_organisers(
    title: str, kind: str = "event", event_type: str | None = None, text: str | None = None,
    language: str = lang.DEFAULT,
) -> tuple[str, ...]:  # fmt: skip
    """Organisers by acronym, canonical spelling, in order of appearance (see module doc).
    `text` is the whole item (an `organised by` phrase may stand outside the title)."""
    languages = lang.for_document(language)
    found: list[str] = []
    source = text if text is not None else title
    if _organiser_pattern("by", languages).search(source):
        doc = nlp.analyse(source)
        orgs = _orgs(doc)
        for m in _organiser_pattern("by", languages).finditer(source):
            found += _listed_after(source, m.end(), orgs)
    if kind == "event" and (event_type is None or event_type in gathering_types()):
        doc = nlp.analyse(title)
        orgs = _orgs(doc)
        heads = _keywords(title, orgs, languages) if orgs else []
        if heads and heads[0][2] in gathering_types():
            if not _complement(languages).search(title[: heads[0][0]]):
                found += [a for s, e, a, compound in orgs if e <= heads[0][0] and not compound]
            for _, end, label in heads:  # "Meeting of IFCBA": the body's own meeting
                if label == "meeting" and (owner := _owner(title, end, orgs, languages)):
                    found.append(owner)
    unique = list(dict.fromkeys(found))
    pairs = [set(a.split("-")) for a in unique if "-" in a]
    return tuple(a for a in unique if "-" in a or not any(a in p for p in pairs))


def classify_scope(title: str, kind: str = "event", language: str = lang.DEFAULT) -> str | None:
    """Scope from the event's own head phrase; None for a statement of progress."""
    if kind != "event":
        return None
    from .events import _keyword_table

    languages = lang.for_document(language)
    m = _complement(languages).search(title)
    head = title[: m.start()] if m else title
    head = head.split(",")[0]
    blocked = [(s, e) for s, e, _, _ in _orgs(nlp.analyse(head))]
    blocked += [(t.start(), t.end()) for t in _scope_topics(languages).finditer(head)]
    best = None
    for k in _keyword_table("scope_keywords.csv", languages):
        for w in k.pattern.finditer(head):
            if not any(s <= w.start() < e for s, e in blocked) and (best is None or k.priority < best[0]):
                best = (k.priority, k.label)
    return best[1] if best else None
