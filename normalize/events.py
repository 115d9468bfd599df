"""Items -> events: title, place, dates, type, scope, organisers, references.

A listed event reads `Title (Place, Dates)`; the trailing parenthetical is taken
apart and the title keeps any parentheses of its own (`(WGACS)`, `(Phase II)`).
A prose statement keeps its text as the title and takes the first date its
sentences state.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

from extract.model import Event, Item

from . import nlp
from .dates import DateRange, find_date_ranges
from .places import Location, country_name, resolve_country, resolve_location

_DATA = Path(__file__).with_name("data")
_REFERENCE = re.compile(r"^(?:doc(?:ument)?|ref(?:erence)?)\b\.?\s*(?:no\.?\s*)?\S+", re.IGNORECASE)
_HEAD_END = re.compile(
    r"\s(?:on|of|for|with|in|to|at|between|concerning|featuring|regarding|about|under|including)\s|,"
)
# A statement of progress has a finite verb after its first word ("Updated courses"
# is a noun phrase; "The guidance was updated" is a statement).
_STATEMENT = re.compile(
    r"\s(?:was|were|is|are|has|have|had|will|would|been|completed|discussed|endorsed|decided|adopted|"
    r"agreed|approved|submitted|presented|conducted|introduced|finalized|finalised|unveiled|invited)\b",
    re.IGNORECASE,
)
_HELD = re.compile(
    r"\b(?:(?:was|were)\s+(?:held|organi[sz]ed|convened|hosted)|took\s+place)\b", re.IGNORECASE
)
_PLACE_PREPOSITIONS = {"in", "at"}
_PLACE_LABELS = {"COUNTRY", "CITY", "VENUE"}


@dataclass(frozen=True)
class _Keywords:
    label: str
    priority: int
    pattern: re.Pattern
    words: tuple[str, ...]


@cache
def _keyword_table(name: str) -> tuple[_Keywords, ...]:
    rows = []
    with open(_DATA / name, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            words = sorted(row["keywords"].split("|"), key=len, reverse=True)
            pattern = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, words)) + r")(?![\w-])", re.I)
            rows.append(_Keywords(next(iter(row.values())), int(row["priority"]), pattern, tuple(words)))
    return tuple(sorted(rows, key=lambda k: k.priority))


def _best_keyword(table: str, text: str) -> str | None:
    return next((k.label for k in _keyword_table(table) if k.pattern.search(text)), None)


def classify_type(title: str, kind: str) -> str:
    """Event type from the title's head phrase (before `on`, `of`, `for`, ...),
    falling back to the whole title: `National Workshop on Exit Conference` is a
    workshop, `Aid for Trade Global Review` a meeting."""
    return _type_and_certainty(title, kind)[0]


def _type_and_certainty(title: str, kind: str) -> tuple[str, bool]:
    if kind == "development":
        return "other", True
    head = _HEAD_END.split(title, maxsplit=1)[0]
    from_head = _best_keyword("event_types.csv", head)
    if from_head:
        return from_head, True
    return _best_keyword("event_types.csv", title) or "other", False


@cache
def warning_penalties() -> dict[str, float]:
    """Warning code -> how much it lowers an event's confidence (data/warnings.csv)."""
    with open(_DATA / "warnings.csv", encoding="utf-8", newline="") as f:
        return {row["code"]: float(row["penalty"]) for row in csv.DictReader(f)}


def confidence(warnings: tuple[str, ...]) -> float:
    return round(max(0.0, 1.0 - sum(warning_penalties()[w] for w in warnings)), 2)


def classify_scope(title: str) -> str | None:
    return _best_keyword("scope_keywords.csv", title)


def find_organisers(title: str) -> tuple[str, ...]:
    """Organisations the title names, by acronym (`WCO-UPU` stays one entry)."""
    doc = nlp.analyse(title)
    found: list[str] = []
    for ent in doc.ents:
        if ent.label_ != "ORG":
            continue
        acronym = ent.ent_id_
        # Hyphenated pairs of bodies ("WCO-UPU", "ICAO-WCO") are written as one token pair.
        if ent.start > 1 and doc[ent.start - 1].text == "-" and found:
            prev = doc.ents[[e.start for e in doc.ents].index(ent.start) - 1]
            if prev.end == ent.start - 1 and prev.label_ == "ORG":
                found[-1] = f"{found[-1]}-{acronym}"
                continue
        if acronym not in found:
            found.append(acronym)
    return tuple(found)


def _trailing_parenthetical(text: str) -> tuple[int, int] | None:
    """(open, close) of a balanced parenthetical that ends the text (a final `.` aside)."""
    end = len(text.rstrip(" .;,"))
    if end == 0 or text[end - 1] != ")":
        return None
    depth = 0
    for i in range(end - 1, -1, -1):
        if text[i] == ")":
            depth += 1
        elif text[i] == "(":
            depth -= 1
            if depth == 0:
                return i, end - 1
    return None


def _split_top_level(text: str, sep: str = ",") -> list[tuple[int, int]]:
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        depth += ch == "("
        depth -= ch == ")"
        if ch == sep and depth == 0:
            parts.append((start, i))
            start = i + 1
    parts.append((start, len(text)))
    return parts


def resolve_places(text: str) -> Location:
    """A location, or several countries (`Kenya and Uganda` -> `KEN;UGA`)."""
    loc = resolve_location(text)
    if loc.basis is not None or not text.strip():
        return loc
    names = [n.strip() for n in re.split(r",|/|&|\band\b", text) if n.strip()]
    codes = [resolve_country(n) for n in names]
    if len(names) > 1 and all(codes):
        unique = list(dict.fromkeys(codes))
        return Location(
            ";".join(unique), "; ".join(country_name(c) or c for c in unique), None, "countries", text
        )
    return loc


@dataclass(frozen=True)
class _Parts:
    title_end: int  # title = text[:title_end]
    location: Location | None
    location_span: tuple[int, int] | None
    date: DateRange | None  # spans relative to the item text
    references: tuple[str, ...]
    unparsed_date: tuple[int, int] | None = None  # span of date-like text the grammar could not read


def _take_apart(text: str, reference: date | None) -> _Parts:
    title_end = len(text.rstrip())
    references: list[str] = []
    while (span := _trailing_parenthetical(text[:title_end])) is not None:
        open_, close = span
        inner = text[open_ + 1 : close]
        if _REFERENCE.match(inner.strip()):
            references.insert(0, inner.strip())
            title_end = len(text[:open_].rstrip())
            continue
        dates = find_date_ranges(inner, reference)
        boundaries = {s for s, _ in _split_top_level(inner)} | {0}
        date_ = next((d for d in dates if _starts_part(inner, d.start_char, boundaries)), None)
        where, where_offset = (inner[: date_.start_char], 0) if date_ else (inner, 0)
        if date_ and not where.strip(" ,;"):  # the date comes first: "(22-23 October 2015, China)"
            where, where_offset = inner[date_.end_char :], date_.end_char
        unparsed = None
        if date_ is None:  # "(Kenya, 03/04/2015)": keep the place, flag the date we cannot read
            parts = _split_top_level(inner)
            first_dated = len(parts)
            while first_dated > 1 and re.search(r"\d", inner[slice(*parts[first_dated - 1])]):
                first_dated -= 1
            if first_dated < len(parts):
                raw = inner[parts[first_dated][0] :]
                lead = len(raw) - len(raw.lstrip())
                begin = open_ + 1 + parts[first_dated][0] + lead
                unparsed = (begin, begin + len(raw.strip()))
                parts = parts[:first_dated]
            where = inner[: parts[-1][1]]
        lead = len(where) - len(where.lstrip(" ,;"))
        where = where.strip(" ,;")
        where_start = open_ + 1 + where_offset + lead
        location = resolve_places(where) if where else None
        if date_ is None and (location is None or location.basis is None):
            break  # a parenthetical of the title itself: (WGACS), (Phase II)
        shifted = None
        if date_:
            offset = open_ + 1
            shifted = DateRange(
                date_.start, date_.end, date_.precision, date_.start_char + offset,
                date_.end_char + offset, date_.text, date_.inferred_year,
            )  # fmt: skip
        loc_span = (where_start, where_start + len(where)) if where else None
        title_end = len(text[:open_].rstrip(" ,;-–"))
        return _Parts(title_end, location, loc_span, shifted, tuple(references), unparsed)
    return _Parts(title_end, None, None, None, tuple(references))


def _starts_part(inner: str, pos: int, boundaries: set[int]) -> bool:
    """A date in a location parenthetical starts one of its comma-separated parts."""
    return any(inner[b:pos].strip(" ,") == "" for b in boundaries if b <= pos)


def _prose_date(text: str, reference: date | None) -> DateRange | None:
    """The first date the sentences state, in reading order."""
    for sent in nlp.analyse(text).sents:
        found = find_date_ranges(sent.text, reference)
        if found:
            d = found[0]
            base = sent.start_char
            return DateRange(
                d.start, d.end, d.precision, d.start_char + base, d.end_char + base, d.text, d.inferred_year
            )
    return None


def _prose_location(text: str) -> tuple[Location, tuple[int, int]] | None:
    """A place named after `in` or `at` (`held at WCO Headquarters`); a country named
    elsewhere (`Case Studies on Sri Lanka`) is a subject, not the venue."""
    doc = nlp.analyse(text)
    for ent in doc.ents:
        if ent.label_ in _PLACE_LABELS and ent.start > 0 and doc[ent.start - 1].lower_ in _PLACE_PREPOSITIONS:
            loc = resolve_places(ent.text)
            if loc.basis is not None:
                return loc, (ent.start_char, ent.end_char)
    return None


def parse_event(item: Item, reference: date | None) -> Event:
    text = item.text
    parts = _take_apart(text, reference)
    title = text[: parts.title_end].strip()
    warnings: list[str] = []
    date_ = parts.date or _prose_date(text[: parts.title_end], reference)
    location, location_span = parts.location, parts.location_span
    if location is None:
        found = _prose_location(title)
        if found:
            location, location_span = found
    statement = bool(_STATEMENT.search(title)) and not _HELD.search(title)
    kind = "development" if statement else "event"
    if date_ is None:
        warnings.append("no_date")
    elif date_.inferred_year:
        warnings.append("inferred_year")
    if location is not None and location.basis == "city":
        warnings.append("country_from_city")
    if location is not None and location.basis is None:
        warnings.append("unknown_place")
    if location is not None and location.basis == "countries":
        warnings.append("several_countries")
    date_text_span = (date_.start_char, date_.end_char) if date_ else parts.unparsed_date
    if parts.unparsed_date:
        warnings.append("unparsed_date")
    if kind == "event" and date_ is not None and parts.date is None:
        warnings.append("prose_date")
    event_type, type_certain = _type_and_certainty(title, kind)
    if not type_certain:
        warnings.append("guessed_type")
    a = item.action
    base = item.start
    return Event(
        doc=a.doc,
        source_file=a.source_file,
        section_no=a.section_no,
        category=a.section_title,
        action_no=a.action_no,
        item_no=item.item_no,
        region=item.region,
        source_text=text,
        char_start=item.start,
        char_end=item.end,
        page=item.page,
        kind=kind,
        title=title,
        title_span=(base, base + parts.title_end),
        country_iso3=location.country_iso3 if location else None,
        country=location.country if location else None,
        city=location.city if location else None,
        location_text=location.text if location else None,
        location_span=(base + location_span[0], base + location_span[1]) if location_span else None,
        start_date=date_.iso_start() if date_ else None,
        end_date=date_.iso_end() if date_ else None,
        date_precision=date_.precision if date_ else None,
        date_text=text[slice(*date_text_span)] if date_text_span else None,
        date_span=(base + date_text_span[0], base + date_text_span[1]) if date_text_span else None,
        event_type=event_type,
        scope=classify_scope(title),
        organizers=find_organisers(title),
        references=parts.references,
        warnings=tuple(warnings),
        confidence=confidence(tuple(warnings)),
        bbox=item.bbox,
        notes=item.paragraph.notes if item.paragraph is not None else (),  # footnotes on the item's paragraph
        field_boxes=_field_boxes(
            item,
            {
                "title": (base, base + parts.title_end),
                "location": (base + location_span[0], base + location_span[1]) if location_span else None,
                "date": (base + date_text_span[0], base + date_text_span[1]) if date_text_span else None,
            },
        ),
    )


def _field_boxes(item: Item, spans: dict) -> dict[str, tuple[float, float, float, float]]:
    """PDF: the box around each field's characters, on the item's page."""
    p = item.paragraph
    if p is None or p.glyphs is None:
        return {}
    boxes = {}
    for name, span in spans.items():
        found = p.glyphs.box(span[0] - p.start, span[1] - p.start) if span else None
        if found and found[0] == item.page:
            boxes[name] = found[1]
    return boxes
