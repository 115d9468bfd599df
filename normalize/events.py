"""Items -> events: title, place, dates, type, scope, organisers, references.

A listed event reads `Title (Place, Dates)`; the trailing parenthetical is taken
apart and the title keeps any parentheses of its own (`(WGACS)`, `(Phase II)`).
A prose statement keeps its text as the title and takes the first date its
sentences state.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from pathlib import Path

from extract.model import Event, Item
from extract.wordbreak import looks_broken

from . import lang, nlp
from .dates import DateRange, find_date_ranges
from .fields import gathering_types
from .places import Location, resolve_places

_DATA = Path(__file__).with_name("data")
_REFERENCE = re.compile(r"^(?:doc(?:ument)?|ref(?:erence)?)\b\.?\s*(?:no\.?\s*)?\S+", re.IGNORECASE)
# Language-dependent words come from normalize/data/lang/<iso>/phrases.csv (see lang.py).
# The head phrase of a title ends at its first complement ("Workshop | on Risk").
_HEAD_END = r"\s{head_end}(?:\s|(?<=')(?=\w))|,"
# A statement of progress has a finite verb after its first word ("Updated courses"
# is a noun phrase; "The guidance was updated" is a statement).
_STATEMENT = r"\s{statement}(?!\w)"
_PLACE_LABELS = {"COUNTRY", "CITY", "VENUE"}


@dataclass(frozen=True)
class _Keywords:
    label: str
    priority: int
    pattern: re.Pattern
    words: tuple[str, ...]


@cache
def _keyword_table(name: str, languages: tuple[str, ...] | None = None) -> tuple[_Keywords, ...]:
    """A keyword table (`data/lang/<iso>/<name>`) of the given languages (default: all),
    one row per label: the labels and their priorities are the same in every language."""
    words: dict[str, list[str]] = {}
    priority: dict[str, int] = {}
    for code in languages or lang.available():
        for row in lang.read_rows(code, name):
            label = next(iter(row.values()))
            words.setdefault(label, []).extend(w.strip() for w in row["keywords"].split("|") if w.strip())
            priority[label] = min(priority.get(label, int(row["priority"])), int(row["priority"]))
    rows = []
    for label, found in words.items():
        found = sorted(dict.fromkeys(found), key=len, reverse=True)
        pattern = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, found)) + r")(?![\w-])", re.I)
        rows.append(_Keywords(label, priority[label], pattern, tuple(found)))
    return tuple(sorted(rows, key=lambda k: k.priority))


def _best_keyword(table: str, text: str, languages: tuple[str, ...] = (lang.DEFAULT,)) -> str | None:
    """The highest-priority label whose keyword the text holds. A keyword inside a longer
    keyword of another label is part of that term: `formation en ligne` is a course, even
    though `formation` alone is training."""
    found = [
        (k, m.start(), m.end()) for k in _keyword_table(table, languages) for m in k.pattern.finditer(text)
    ]
    kept = [
        k for k, start, end in found
        if not any(s <= start and end <= e and e - s > end - start for _, s, e in found)
    ]  # fmt: skip
    return min(kept, key=lambda k: k.priority).label if kept else None


def classify_type(title: str, kind: str, language: str = lang.DEFAULT) -> str:
    """Event type from the title's head phrase (before `on`, `of`, `for`, ...; `sur`,
    `de` in French), falling back to the whole title: `National Workshop on Exit
    Conference` is a workshop, `Aid for Trade Global Review` a meeting."""
    return _type_and_certainty(title, kind, lang.for_document(language))[0]


def _type_and_certainty(title: str, kind: str, languages: tuple[str, ...]) -> tuple[str, bool]:
    if kind == "development":
        return "other", True
    head = lang.compiled(_HEAD_END, languages, ignore_case=False).split(title, maxsplit=1)[0]
    from_head = _best_keyword("event_types.csv", head, languages)
    if from_head:
        return from_head, True
    return _best_keyword("event_types.csv", title, languages) or "other", False


@cache
def warning_penalties() -> dict[str, float]:
    """Warning code -> how much it lowers an event's confidence (data/warnings.csv)."""
    with open(_DATA / "warnings.csv", encoding="utf-8", newline="") as f:
        return {row["code"]: float(row["penalty"]) for row in csv.DictReader(f)}


def confidence(warnings: tuple[str, ...]) -> float:
    return round(max(0.0, 1.0 - sum(warning_penalties()[w] for w in warnings)), 2)


def classify_scope(title: str, language: str = lang.DEFAULT, kind: str = "event") -> str | None:
    """Scope from the event's own head phrase (normalize/fields.py)."""
    from .fields import classify_scope as scope

    return scope(title, kind, language)


def find_organisers(title: str, kind: str = "event", event_type: str | None = None, text: str | None = None,
                    language: str = lang.DEFAULT) -> tuple[str, ...]:  # fmt: skip
    """Bodies the text says organised the event, by acronym (normalize/fields.py)."""
    from .fields import find_organisers as organisers

    return organisers(title, kind, event_type, text, language)


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


@dataclass(frozen=True)
class _Parts:
    title_end: int  # title = text[:title_end]
    location: Location | None
    location_span: tuple[int, int] | None
    date: DateRange | None  # spans relative to the item text
    references: tuple[str, ...]
    unparsed_date: tuple[int, int] | None = None  # span of date-like text the grammar could not read
    title_start: int = 0  # after a lead-in (`Lomé, Togo, 12-16 septembre 2016 : Atelier ...`)


def _take_apart(text: str, reference: date | None, languages: tuple[str, ...]) -> _Parts:
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
        date_ = next((d for d in dates if _starts_part(inner, d.start_char, boundaries, languages)), None)
        where, where_offset = (inner[: date_.start_char], 0) if date_ else (inner, 0)
        qualifier_end = lang.compiled(_QUALIFIER_END, languages)
        if date_ and (q := qualifier_end.search(where)):  # "(Kenya, early March 2016)"
            where = where[: q.start()]
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
            shifted = date_.shifted(offset)
        loc_span = (where_start, where_start + len(where)) if where else None
        title_end = len(text[:open_].rstrip(" ,;-–"))
        return _Parts(title_end, location, loc_span, shifted, tuple(references), unparsed)
    return _Parts(title_end, None, None, None, tuple(references))


_TAIL_SEP = re.compile(r",|\s[-–—]\s")  # between a title, its place parts and its date
_TAIL_PLACE_PARTS = 3  # `Siège de l'OMD, Bruxelles, Belgique`


def _place_date_tail(
    text: str, title_end: int, reference: date | None, references: tuple[str, ...], languages: tuple[str, ...]
) -> _Parts:
    """`<title>, <place>, <date>` without parentheses (`Atelier régional, Ouagadougou
    (Burkina Faso), du 3 au 5 mars 2016`, `Forum – Siège de l'OMD, Bruxelles, 19-20
    septembre 2017`, `Séminaire à Abidjan (Côte d'Ivoire), les 12 et 13 mai 2016`): a
    date that is the whole last comma-separated part, after one to three parts, or a
    place preposition, that together name a known place. Anything else leaves the
    title whole."""
    none = _Parts(title_end, None, None, None, references)
    head = text[:title_end]
    dates = [d for d in find_date_ranges(head, reference) if not head[d.end_char :].strip(" .;")]
    if not dates:
        return none
    date_ = dates[-1]
    before = head[: date_.start_char].rstrip()
    if not before.endswith(","):
        return none
    before = before[:-1]
    seps = [m for m in _TAIL_SEP.finditer(before) if _depth(before, m.start()) == 0][-_TAIL_PLACE_PARTS:]
    prep = lang.compiled(r"(?<!\S)(?:{place_prep})\s", languages)

    def preps(lo: int, hi: int) -> list[int]:  # place prepositions between two separators
        return [m.start() for m in prep.finditer(before, lo, hi) if _depth(before, m.start()) == 0]

    # Farthest first: `Siège de l'OMD, Bruxelles` is one place, not a title ending in a
    # venue; a preposition just before a separator extends its place (`à Johannesburg,
    # Afrique du Sud`); one inside the last part starts it (`à Abidjan (Côte d'Ivoire)`).
    starts: list[int] = []
    for k, m in enumerate(seps):
        lo = seps[k - 1].end() if k else 0
        starts += preps(lo, m.start())[-1:] + [m.end()]
    starts += preps(seps[-1].end() if seps else 0, len(before))
    for start in starts:
        place = before[start:]
        lead = len(place) - len(place.lstrip(" ,;-–"))
        place = place.strip(" ,;-–")
        title = before[:start].rstrip(" ,;-–")
        if not place or not title:
            continue
        location = resolve_places(place)
        if location.basis is None:
            continue
        return _Parts(len(title), location, (start + lead, start + lead + len(place)), date_, references)
    return none


_LEAD_IN = re.compile(r"\s*(?P<lead>[^:()\n]{3,120}?)\s*:\s+(?=\S)")
_COLON_TAIL = re.compile(r"\s*:\s+(?P<tail>[^:]+?)\s*[.;]?\s*$")


def _colon_parts(
    text: str, title_end: int, reference: date | None, references: tuple[str, ...]
) -> _Parts | None:
    """Place and date written around a colon instead of in parentheses:
    `<place>, <date> : <title>` or `<date> : <title>` (`Lomé, Togo, 12-16 septembre 2016 :
    atelier national ...`), and `<title> : <date>` (`Consultation des Membres : mars-avril
    2017`). The part on the other side of the colon must be wholly a date, or a known
    place and a date, or a known place; anything else is a title with a colon in it."""
    m = _LEAD_IN.match(text, 0, title_end)
    if m is not None and m.end() < title_end:
        lead_start, lead = m.start("lead"), m.group("lead")
        date_ = next(
            (d for d in find_date_ranges(lead, reference)
             if not lead[d.end_char :].strip(" ,;-–") or not lead[: d.start_char].strip(" ,;-–")),
            None,
        )  # fmt: skip
        where, where_at = lead, 0
        if date_ is not None:
            if lead[date_.end_char :].strip(" ,;-–"):
                where, where_at = lead[date_.end_char :], date_.end_char
            else:
                where = lead[: date_.start_char]
        lead_ws = len(where) - len(where.lstrip(" ,;-–"))
        where = where.strip(" ,;-–")
        location = resolve_places(where) if where else None
        if (location is None and date_ is not None) or (location is not None and location.basis is not None):
            span = (
                (lead_start + where_at + lead_ws, lead_start + where_at + lead_ws + len(where))
                if where
                else None
            )
            shifted = date_.shifted(lead_start) if date_ else None
            return _Parts(title_end, location, span, shifted, references, title_start=m.end())
    tail = _COLON_TAIL.search(text, 0, title_end)
    if tail is not None and tail.start() > 0:
        inner = tail.group("tail")
        dates = find_date_ranges(inner, reference)
        if (
            len(dates) == 1
            and not inner[: dates[0].start_char].strip()
            and not inner[dates[0].end_char :].strip()
        ):
            return _Parts(tail.start(), None, None, dates[0].shifted(tail.start("tail")), references)
    return None


def _online_tail(
    text: str, parts: _Parts, languages: tuple[str, ...]
) -> tuple[Location, tuple[int, int], int] | None:
    """A title that ends with how an event met online (`... par visioconférence`, `... by
    videoconference`, `... por videoconferencia`): the online place, its span, and where
    the title ends. Only after an online preposition (`online_prep` in phrases.csv), so
    that `Regional Webinar` or `Cours en ligne` keep their words."""
    m = lang.compiled(r"\s(?:{online_prep})\s+[^\s,;()]+(?:\s+[^\s,;()]+)?\s*$", languages).search(
        text, parts.title_start, parts.title_end
    )
    if m is None:
        return None
    where = text[m.start() : parts.title_end].strip()
    location = resolve_places(where)
    if location.basis != "virtual":
        return None
    start = m.start() + (len(text[m.start() :]) - len(text[m.start() :].lstrip()))
    return location, (start, start + len(where)), len(text[: m.start()].rstrip(" ,;-–"))


def _depth(text: str, pos: int) -> int:
    """Parentheses open at `pos`."""
    return text.count("(", 0, pos) - text.count(")", 0, pos)


_QUALIFIER_END = r"(?:^|[\s,])(?:{date_qualifier})[\s\u00a0]*$"


def _starts_part(inner: str, pos: int, boundaries: set[int], languages: tuple[str, ...]) -> bool:
    """A date in a location parenthetical starts one of its comma-separated parts, or
    follows only a qualifier (`fin septembre 2016`, `early March`, `mediados de mayo`:
    the month is what is known)."""
    qualifier = lang.compiled(r"(?:{date_qualifier})", languages)
    return any(
        not (lead := inner[b:pos].strip(" ,\u00a0")) or qualifier.fullmatch(lead)
        for b in boundaries
        if b <= pos
    )


def _prose_date(text: str, reference: date | None) -> DateRange | None:
    """The first date the sentences state, in reading order."""
    for sent in nlp.analyse(text).sents:
        found = find_date_ranges(sent.text, reference)
        if found:
            return found[0].shifted(sent.start_char)
    return None


def _prose_location(text: str, languages: tuple[str, ...]) -> tuple[Location, tuple[int, int]] | None:
    """A place named after `in` or `at` (`à`, `en`, ...: the language's place prepositions);
    a country named elsewhere (`Case Studies on Sri Lanka`) is a subject, not the venue."""
    doc = nlp.analyse(text)
    prepositions = {p.casefold() for p in lang.phrases("place_prep", languages)}
    for ent in doc.ents:
        if ent.label_ in _PLACE_LABELS and ent.start > 0 and doc[ent.start - 1].lower_ in prepositions:
            loc = resolve_places(ent.text)
            if loc.basis is not None:
                return loc, (ent.start_char, ent.end_char)
    return None


@dataclass(frozen=True)
class _Held:
    """`<title> held in <place> from <date>`: where the verb phrase stands, what it names."""

    start: int  # where the verb phrase begins
    cut: bool  # the title ends where the phrase begins (False: the sentence is the title)
    location: Location | None
    location_span: tuple[int, int] | None
    date: DateRange | None


_HELD_AT = r"(?<![\w'’])(?:(?P<keep>{held:keep})|(?P<cut>{held:cut}))\s+(?:(?P<prep>{place_prep})\s+)?"
_DATE_LEAD = r"(?:[\s,;:]|\b{date_prep}\b)*$"  # what may stand between a place and its date


def _leading_article(place: str, languages: tuple[str, ...]) -> int:
    """Length of the article that opens a place (`la Sede`, `l'Hôtel`), 0 if none
    (data/lang/<iso>/place_articles.csv)."""
    for code in languages:
        for row in lang.read_rows(code, "place_articles.csv"):
            prefix = row["prefix"]
            if place.casefold().startswith(prefix.casefold()) and (
                prefix.endswith("'") or place[len(prefix) : len(prefix) + 1] == " "
            ):
                return len(prefix) + (0 if prefix.endswith("'") else 1)
    return 0


def _held_phrase(text: str, reference: date | None, languages: tuple[str, ...]) -> _Held | None:
    """The place and date a held verb introduces: `... held in Tehran, Iran from 15 to 19
    April 2018`, `... s'est tenue au Siège de l'OMD les 15 et 16 juin 2015`, `...
    celebrado en Lima el 3 de mayo de 2019`. The place runs from the preposition to the
    date; a phrase that names neither a known place nor a date is not one."""
    lead = lang.compiled(_DATE_LEAD, languages)
    for m in lang.compiled(_HELD_AT, languages).finditer(text):
        if not text[: m.start()].strip(" ,;-–"):
            continue  # no title before the verb
        tail = text[m.end() :]
        dates = find_date_ranges(tail, reference)
        first = dates[0] if dates else None
        between = tail[: first.start_char] if first else tail
        location, span = None, None
        if m.group("prep"):
            place = between[: lead.search(between).start()] if first else between.rstrip(" .;,")
            if place.strip():
                start = m.end() + len(place) - len(place.lstrip())
                place = place.strip()
                found = resolve_places(place)
                if found.basis is None and (article := _leading_article(place, languages)):
                    start, place = start + article, place[article:]  # "en la Sede de la OMA"
                    found = resolve_places(place)
                if found.basis is not None:
                    location, span = found, (start, start + len(place))
                elif first is not None:
                    first = None  # "held in the margins of ... in May": an unknown place, not ours
        elif first is not None and not lead.fullmatch(between):
            first = None  # "held on ..." must be followed by its date
        if location is None and first is None:
            continue
        shifted = first.shifted(m.end()) if first is not None else None
        # The title is cut only when the phrase ends the item: in a paragraph that goes on
        # ("... in February 2017. A follow-up visit is planned.") the sentence stays whole.
        end = max(shifted.end_char if shifted else 0, span[1] if span else 0)
        cut = m.group("cut") is not None and not text[end:].strip(" .;,)")
        return _Held(m.start(), cut, location, span, shifted)
    return None


def parse_event(item: Item, reference: date | None, language: str = lang.DEFAULT) -> Event:
    languages = lang.for_document(language)
    text = item.text
    parts = _take_apart(text, reference, languages)
    title = text[: parts.title_end].strip()
    warnings: list[str] = []
    statement_verb = lang.compiled(_STATEMENT, languages)
    statement = bool(statement_verb.search(title))
    held = None
    if parts.date is None and parts.location is None:
        held = _held_phrase(text[: parts.title_end], reference, languages)
        if held is not None and not held.cut:
            statement = False  # "was held at ...": an event told as a sentence
        elif held is not None and statement_verb.search(text[: held.start]):
            held = None  # a statement that mentions a meeting held somewhere stays a statement
        elif held is not None:
            statement = False  # "... a eu lieu à Abidjan": the verb is the held phrase itself
        if held is None:  # "<title>, <place>, <date>" with no verb and no parentheses
            parts = _place_date_tail(text, parts.title_end, reference, parts.references, languages)
            if parts.date is None and parts.location is None:
                parts = _colon_parts(text, parts.title_end, reference, parts.references) or parts
            title = text[parts.title_start : parts.title_end].strip()
    if held is not None and held.cut:
        parts = _Parts(len(text[: held.start].rstrip(" ,;-–")), None, None, None, parts.references)
        title = text[: parts.title_end].strip()
    date_ = parts.date or (held.date if held else None) or _prose_date(text[: parts.title_end], reference)
    location, location_span = parts.location, parts.location_span
    if location is None and held is not None and held.location is not None:
        location, location_span = held.location, held.location_span
    if location is None and (online := _online_tail(text, parts, languages)) is not None:
        # `Réunion du Bureau par visioconférence`: the title ends before the way it met
        location, location_span, cut = online
        parts = replace(parts, title_end=cut)
        title = text[parts.title_start : parts.title_end].strip()
    if location is None:
        found = _prose_location(title, languages)
        if found:
            location, location_span = found
    kind = "development" if statement else "event"
    if date_ is None:
        warnings.append("no_date")
    elif date_.inferred_year:
        warnings.append("inferred_year")
    if date_ is not None and date_.weekday_mismatch:  # "Monday 24 May 2022": one of the two is wrong
        warnings.append("weekday_mismatch")
    if location is not None and location.basis == "city":
        warnings.append("country_from_city")
    if location is not None and location.basis is None:
        warnings.append("unknown_place")
    if location is not None and location.basis == "countries":
        warnings.append("several_countries")
    if location is not None and "ambiguous_city" in location.warnings:
        warnings.append("ambiguous_city")
    date_text_span = (date_.start_char, date_.end_char) if date_ else parts.unparsed_date
    if parts.unparsed_date:
        warnings.append("unparsed_date")
    if kind == "event" and date_ is not None and parts.date is None:
        warnings.append("prose_date")
    event_type, type_certain = _type_and_certainty(title, kind, languages)
    if not type_certain:
        warnings.append("guessed_type")
    if location is None and kind == "event" and type_certain and event_type in gathering_types():
        warnings.append("no_place")  # a gathering with no place at all: never silently placeless
    if looks_broken(text):
        warnings.append("broken_words")  # a narrow column's line breaks left words in pieces
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
        title_span=(base + parts.title_start, base + parts.title_end),
        country_iso3=location.country_iso3 if location else None,
        country=location.country if location else None,
        country_text=location.country_text if location else None,
        city=location.city if location else None,
        location_text=location.text if location else None,
        location_span=(base + location_span[0], base + location_span[1]) if location_span else None,
        start_date=date_.iso_start() if date_ else None,
        end_date=date_.iso_end() if date_ else None,
        date_precision=date_.precision if date_ else None,
        date_text=text[slice(*date_text_span)] if date_text_span else None,
        date_span=(base + date_text_span[0], base + date_text_span[1]) if date_text_span else None,
        event_type=event_type,
        scope=classify_scope(title, language, kind),
        organizers=find_organisers(title, kind, event_type, text, language),
        references=parts.references,
        warnings=tuple(warnings),
        confidence=confidence(tuple(warnings)),
        bbox=item.bbox,
        notes=item.paragraph.notes if item.paragraph is not None else (),  # footnotes on the item's paragraph
        field_boxes=_field_boxes(
            item,
            {
                "title": (base + parts.title_start, base + parts.title_end),
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
