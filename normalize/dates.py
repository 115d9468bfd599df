"""Date expressions in WCO report text -> DateRange (day, month or year precision).

dateparser parses single dates but not ranges (its issue #262), and the reports are
full of ranges ("29 June-3 July 2015", "22-23 October 2015", "April-July 2017"), so
this is a small grammar of its own, built from regexes and checked with the stdlib
calendar.  No clock is ever read: a year-less date takes its year from `reference`
or is dropped.

How a text is scanned: left to right over the tokens that can start a date (a day
number, a month name, "in"/"between"/...); at each, the forms for that kind of token
are tried longest first and the first one that gives a real calendar range wins.  A
form that matches the grammar but not the calendar ("31 June 2015") swallows its text,
so that its tail ("June 2015") is not reported as a date the author never wrote.
"""

from __future__ import annotations

import re
from calendar import monthrange
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache

__all__ = ["DateRange", "find_date_ranges", "parse_date_range"]


@dataclass(frozen=True)
class DateRange:
    start: date
    end: date
    precision: str  # "day" | "month" | "year"
    start_char: int  # span of the matched date expression within the input text
    end_char: int
    text: str  # == input[start_char:end_char]
    inferred_year: bool  # True when the year came from `reference`, not the text

    def _iso(self, d: date) -> str:
        if self.precision == "day":
            return d.isoformat()
        if self.precision == "month":
            return f"{d.year:04d}-{d.month:02d}"
        return f"{d.year:04d}"

    def iso_start(self) -> str:
        return self._iso(self.start)

    def iso_end(self) -> str:
        return self._iso(self.end)


# --- Tokens --------------------------------------------------------------------------
# English names are spelled out here rather than taken from `calendar.month_name`,
# which follows the process locale.
_ABBREVIATIONS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
_MONTHS = {name: i for i, name in enumerate(_ABBREVIATIONS, start=1)}
_FULL = "january|february|april|june|july|august|september|october|november|december"
# "may", "march" and "mar" are also ordinary English words ("Members may ..."): they only
# count capitalised.  All other names are case-insensitive (headings are in capitals).
_CASED = "(?-i:May|MAY|March|MARCH)"
_ABBR = "sept|jan|feb|apr|jun|jul|aug|sep|oct|nov|dec|(?-i:Mar|MAR)"
# An abbreviation's dot belongs to it only when a day or year follows ("Sept. 2015");
# otherwise it is a full stop.
_MONTH = (
    rf"(?<![A-Za-z])(?P<{{}}>(?:{_FULL}|{_CASED}|(?:{_ABBR})(?:\.(?=\s*\d))?))"
    r"(?![A-Za-z])"
)
# A day is not glued to a preceding word, number or dash ("A3", "2015-10", "23-22
# October" must not yield a day), nor followed by more digits or "./:" + digit, which
# would make it part of a numeric date or a time.  Ordinals may be spaced ("20 th").
_DAY = r"(?P<{}>3[01]|[12][0-9]|0?[1-9])(?!\d|[./:]\d)(?:\s?(?:st|nd|rd|th)(?![A-Za-z]))?"
_DAY_START = r"(?<![\w./:\-–—‐‑])"  # only the first day: the second follows a dash
_YEAR = r"(?<![\d./\-])(?P<{}>(?:19|20)[0-9][0-9])(?!\d)"
_YEAR2 = r"(?P<{}>(?:19|20)[0-9][0-9]|[0-9][0-9])(?!\d)"  # the end of "2016/17" may be two digits
_OF = r"\s*(?:of\s+)?"  # "22nd of October"
_COMMA = r"\s*(?:,\s*)?"  # never "\s*,?\s*": two \s* in a row backtrack quadratically
_DASH = r"\s*[-–—‐‑]\s*"
# "and" joins two days ("15 and 16 June") but between months or years it lists two
# separate things ("March and June 2015"), so there it needs a leading "between".
_SEP = rf"(?:{_DASH}|\s+(?:to|and|until|till|through|thru)\s+)"
_SEP_NA = rf"(?:{_DASH}|\s*/\s*|\s+(?:to|until|till|through|thru)\s+)"
# Nothing may follow a date that would make it part of a longer number ("2015.10").
_END = r"(?![./\-–—:]?\d)"
# A bare year is a date only after one of these (or as the whole input): "WTO Public
# Forum 2015" and "The 2015 edition" name things, "in 2015" is a time.
_PREP = r"(?<![A-Za-z])(?:in|during|since|until|by|throughout|for)\s+"
_PREP_RANGE = r"(?<![A-Za-z])(?:in|during|since|until|by|throughout|for|from)\s+"
_BETWEEN = r"(?<![A-Za-z])between\s+"
_ISO = r"(?P<{}>(?:19|20)[0-9][0-9])-(?P<{}>0[1-9]|1[0-2])-(?P<{}>0[1-9]|[12][0-9]|3[01])(?![\d\-])"


D1, D2 = _DAY_START + _DAY.format("d1"), _DAY.format("d2")
M1, M2 = _MONTH.format("m1"), _MONTH.format("m2")
Y1, Y2, Y2S = _YEAR.format("y1"), _YEAR.format("y2"), _YEAR2.format("y2")
ISO1, ISO2 = r"(?<![\w./\-])" + _ISO.format("y1", "m1", "d1"), _ISO.format("y2", "m2", "d2")
_EDGE = r"[\s()\[\].,;:]*"

# Forms grouped by the token they start with; within a group longest first, because
# at one position the first form that yields a real calendar range wins.  Group `x` is
# the date expression proper: without "in 2015"'s preposition, but with the "between"
# that "between 2016 and 2018" cannot do without.
_NUMERIC_FORMS = [
    rf"(?P<x>{ISO1}(?:{_SEP_NA}{ISO2})?){_END}",  # "2015-10-22", "2015-10-22/2015-10-25"
    # "29 June-3 July 2015", "30 December 2016 - 3 January 2017", "30 June - 2 July"
    rf"(?P<x>{D1}{_OF}{M1}(?:{_COMMA}{Y1})?{_SEP}{D2}{_OF}{M2}(?:{_COMMA}{Y2})?){_END}",
    rf"(?P<x>{D1}{_SEP}{D2}{_OF}{M2}(?:{_COMMA}{Y2})?){_END}",  # "22-23 October 2015", "8-9 October"
    rf"(?P<x>{D1}{_OF}{M1}(?:{_COMMA}{Y1})?){_END}",  # "13 October 2015", "13 October"
]
_MONTH_FORMS = [
    # Month-first dates are American style and rare here; without a year "June 12"
    # is too often "in June 12 Members ...", so these need one.
    rf"(?P<x>{M1}\s*{D1}(?:{_COMMA}{Y1})?{_SEP}{M2}\s*{D2}{_COMMA}{Y2}){_END}",  # "June 30-July 2, 2024"
    rf"(?P<x>{M1}\s*{D1}{_SEP}{D2}{_COMMA}{Y2}){_END}",  # "June 10-14, 2024"
    rf"(?P<x>{M1}\s*{D1}{_COMMA}{Y1}){_END}",  # "September 13, 2017"
    rf"(?P<x>{M1}(?:{_COMMA}{Y1})?{_SEP_NA}{M2}{_COMMA}{Y2}){_END}",  # "April-July 2017"
    rf"(?P<x>{M1}{_COMMA}{Y1}){_END}",  # "June 2015"
]
_WORD_FORMS = [
    rf"{_PREP_RANGE}(?P<x>{Y1}{_SEP_NA}{Y2S}){_END}",  # "for 2016-2018", "during 2016/17"
    rf"(?P<x>{_BETWEEN}{Y1}\s+and\s+{Y2S}){_END}",  # "between 2016 and 2018"
    rf"(?P<x>{_BETWEEN}{M1}(?:{_COMMA}{Y1})?\s+and\s+{M2}{_COMMA}{Y2}){_END}",  # "between June and July 2015"
    rf"{_PREP}(?P<x>{Y1}){_END}",  # "in 2015"
]
# The whole input is a year or year range: "2015", "(2015)", "2016-2018".
_WHOLE = re.compile(rf"{_EDGE}(?P<x>{Y1}(?:{_SEP_NA}{Y2S})?){_EDGE}", re.IGNORECASE)


def _group(patterns: list[str]) -> tuple[re.Pattern[str], list[re.Pattern[str]]]:
    """(one regex for "could any form start here?", the forms one by one).

    The group names repeat across forms, so the combined test drops them.
    """
    combined = "|".join("(?:" + re.sub(r"\(\?P<\w+>", "(?:", p) + ")" for p in patterns)
    return re.compile(combined, re.IGNORECASE), [re.compile(p, re.IGNORECASE) for p in patterns]


# Candidates are found by tokens, not by trying every form at every character: sre
# cannot skip ahead over patterns that start with a lookbehind, and that made a 10,000
# character page cost ~50 ms.  Only 1-2 digit (day) and 4 digit (ISO) numbers, month
# names and the prepositions can start a date.
_TOKEN = re.compile(r"[0-9]+|[A-Za-z]+")
_NUMERIC = _group(_NUMERIC_FORMS)
_BY_WORD = dict.fromkeys(_FULL.split("|") + _ABBREVIATIONS + ["march", "may", "sept"], _group(_MONTH_FORMS))
_PREPOSITIONS = ["in", "during", "since", "until", "by", "throughout", "for", "from", "between"]
_BY_WORD |= dict.fromkeys(_PREPOSITIONS, _group(_WORD_FORMS))


def _month(token: str | None) -> int | None:
    if token is None:
        return None
    if token.isdigit():  # ISO
        return int(token)
    # .get: under IGNORECASE a few non-ASCII letters match too ("ſept" for "sept").
    return _MONTHS.get(token.lower()[:3])


def _int(token: str | None) -> int | None:
    return None if token is None else int(token)


def _span(y1: int, m1: int | None, d1: int | None, y2: int, m2: int | None, d2: int | None):
    """(start, end) at the given precision, or None when not a real calendar range."""
    try:
        start = date(y1, m1 or 1, d1 or 1)
        end_month = m2 or 12
        end = date(y2, end_month, d2 or monthrange(y2, end_month)[1])
    except ValueError:  # 31 June, 29 February 2015, year 0
        return None
    return (start, end) if start <= end else None


def _build(m: re.Match[str], reference: date | None) -> DateRange | None:
    g = m.groupdict()
    d1, d2 = _int(g.get("d1")), _int(g.get("d2"))
    m1, m2 = _month(g.get("m1")), _month(g.get("m2"))
    y1, y2 = _int(g.get("y1")), _int(g.get("y2"))
    if (m1 is None and g.get("m1")) or (m2 is None and g.get("m2")):
        return None  # a look-alike of a month name, see _month
    single = d2 is None and m2 is None and y2 is None
    if single:
        d2, m2 = d1, m1
    # A missing month comes from the other end: "22-23 October", "June 10-14".
    m1, m2 = m1 or m2, m2 or m1
    if (d1 is None) != (d2 is None):  # ends of different precision: keep the coarser
        d1 = d2 = None
    precision = "day" if d1 is not None else "month" if m1 is not None else "year"
    # "30 December - 3 January 2017" runs over New Year: the start is in the year before.
    wraps = int(m1 is not None and m1 > m2)
    if y2 is not None and y2 < 100 and y1 is not None:  # "2016/17"
        y2 += y1 // 100 * 100
    inferred = y1 is None and y2 is None
    if not inferred:
        if single:
            y2 = y1
        y1 = y1 if y1 is not None else y2 - wraps
        y2 = y2 if y2 is not None else y1 + wraps
        found = _span(y1, m1, d1, y2, m2, d2)
    else:
        # No year in the text: the latest such date not after the reference.  Eight
        # years back is enough to reach a leap year for "29 February".
        found = None
        if reference is not None:
            for year in range(reference.year, reference.year - 9, -1):
                found = _span(year - wraps, m1, d1, year, m2, d2)
                if found and found[0] <= reference:
                    break
                found = None
    if found is None:
        return None
    s, e = m.span("x")
    return DateRange(found[0], found[1], precision, s, e, m.string[s:e], inferred)


def find_date_ranges(text: str, reference: date | None = None) -> list[DateRange]:
    """All date expressions in free text, left to right, non-overlapping, longest match first."""
    if not isinstance(text, str) or not text:
        return []
    if isinstance(reference, datetime):  # a datetime does not compare with a date
        reference = reference.date()
    whole = _WHOLE.fullmatch(text)
    if whole and (found := _build(whole, reference)):
        return [found]
    out: list[DateRange] = []
    pos = 0
    for token in _TOKEN.finditer(text):
        start, word = token.start(), token.group()
        if start < pos:
            continue
        if word[0].isdigit():
            kind = _NUMERIC if len(word) in (1, 2, 4) else None
        else:
            kind = _BY_WORD.get(word.lower())
        if kind is None or not kind[0].match(text, start):
            continue
        for form in kind[1]:
            m = form.match(text, start)
            if m is None:
                continue
            # Past the date, or past a grammatical but impossible date (see top).
            pos = max(pos, m.end())
            if (found := _build(m, reference)) is not None:
                out.append(found)
                pos = m.end()
                break
    if not out and _YEAR_PRESENT.search(text) and _names_foreign_month(text):
        out = _dateparser_dates(text, reference)
    return [_with_listed_days(text, r) for r in out]


# "3, 4 and 5 May 2015": the grammar reads "4 and 5 May 2015"; the days listed
# before it belong to the same range.
_LISTED_DAYS = re.compile(r"(?<![\w.,/-])((?:(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\s*,\s*)+)$")


def _with_listed_days(text: str, found: DateRange) -> DateRange:
    if found.precision != "day":
        return found
    m = _LISTED_DAYS.search(text, max(0, found.start_char - 60), found.start_char)
    if not m:
        return found
    first = int(re.match(r"\d+", m.group(1)).group())
    if first >= found.start.day:
        return found
    start = found.start.replace(day=first)
    return DateRange(start, found.end, "day", m.start(1), found.end_char, text[m.start(1) : found.end_char],
                     found.inferred_year)  # fmt: skip


# dateparser reads single dates in the languages the grammar does not know
# ("22 octobre 2015", "15 de junio de 2015"). It is asked only when the grammar
# found nothing and the text names a year and a month in one of those languages
# (the month vocabulary is dateparser's own locale data), and only complete dates
# with the month as a word are kept: never a numeric date, never a filled-in day.
_FALLBACK_LANGUAGES = ["fr", "es", "pt"]
_YEAR_PRESENT = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_LEADING_FILLER = re.compile(r"^(?:(?:on|the|le|la|el|en|au|du|de|del|em|no|a)\s+)+", re.IGNORECASE)
_MONTH_WORD = re.compile(r"[^\W\d_]{3,}")


_MONTH_KEYS = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
               "october", "november", "december"]  # fmt: skip


@cache
def _foreign_month_words() -> frozenset[str]:
    from dateparser.languages import default_loader

    english = {w.lower() for w in _FULL.split("|") + _ABBREVIATIONS + ["march", "may", "sept"]}
    words = set()
    for language in _FALLBACK_LANGUAGES:
        info = default_loader.get_locale(language).info
        for key in _MONTH_KEYS:
            words.update(w.lower().rstrip(".") for w in info.get(key, []) if len(w) >= 3)
    return frozenset(words - english - {"out", "set", "ago"})  # English words first


def _names_foreign_month(text: str) -> bool:
    words = _foreign_month_words()
    return any(w.lower() in words for w in _MONTH_WORD.findall(text))


def _dateparser_dates(text: str, reference: date | None) -> list[DateRange]:
    from datetime import datetime as _dt

    try:
        from dateparser.search import search_dates

        settings = {"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]}
        if reference is not None:
            settings["RELATIVE_BASE"] = _dt(reference.year, reference.month, reference.day)
        found = search_dates(text, languages=_FALLBACK_LANGUAGES, settings=settings) or []
    except Exception:  # noqa: BLE001 - a fallback must never break the grammar's answer
        return []
    out, pos = [], 0
    for substring, when in found:
        start = text.find(substring, pos)
        if start < 0:
            continue
        lead = _LEADING_FILLER.match(substring)
        if lead:
            start, substring = start + lead.end(), substring[lead.end() :]
        if not _MONTH_WORD.search(substring) or not _YEAR_PRESENT.search(substring):
            continue
        day = when.date()
        out.append(DateRange(day, day, "day", start, start + len(substring), substring, False))
        pos = start + len(substring)
    return out


def parse_date_range(text: str, reference: date | None = None) -> DateRange | None:
    """The first date expression in `text` (find_date_ranges(text, reference)[0]) or None."""
    found = find_date_ranges(text, reference)
    return found[0] if found else None
