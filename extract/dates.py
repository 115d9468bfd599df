"""Date expressions in report text -> DateRange (day, month or year precision).

The one date grammar of the project: items, timeframes, the as-of date of a title and
the date line of a cover note all go through it.  It is a leaf module (stdlib only) so
that both the readers (extract/meta.py) and the normalizers (normalize/dates.py
re-exports it) can use it.

How a text is read:

1. **Tokens.**  One left-to-right regex pass cuts the text into numbers (with an
   ordinal suffix: `3rd`, `20 th`, `1er`, `1.º`), numeric dates (`15.01.2024`,
   `2015-10-22`), times of day (`10:30`, `9 am`, `14h30`), words and punctuation.
   Words are compared lower-cased and without accents, so `DÉCEMBRE`, `décembre`
   and `decembre` are one word.
2. **Vocabulary.**  What a word means (month, weekday, ordinal, "from", "to", "and",
   "of", article, year preposition, time link, as-of phrase) is data, one set of files
   per language in `extract/data/lang/<code>/`: `calendar.csv` (month and weekday
   names generated from CLDR) and `dates.toml` (the rest).  The grammar below is the
   same for every language.
3. **Points.**  At each token that can begin a date, a *point* is read: an optional
   article and weekday, then day-month-year (`22nd of October 2015`, `14-Mar-2019`,
   `15 de junio de 2015`), month-day-year (`October 12, 2017`), month-year,
   year-month(-day) or a numeric date, each part optional where a range may supply it.
   A time of day after it is recognised and set aside.
4. **Ranges.**  Two points joined by a dash, a slash or a range word (`to`, `au`,
   `al`, `and` between days or after `between`), optionally opened by `from`/`du`/
   `del`/`between`/`entre`, make a range; a missing month or year is carried across in
   either direction (`29 June-3 July 2015`, `from 8 to October 12, 2017`,
   `October 30, 2018 - November 2nd`, `from march to june 2019`), and a range that
   runs over New Year starts in the year before.
5. **Checks.**  Every result is a real calendar range with start <= end.  A
   grammatical expression that fails the calendar (`31 June 2015`, `23-22 October`)
   swallows its text and gives nothing, so its tail (`June 2015`) is never reported at
   a precision coarser than what was written.  A weekday that contradicts the date sets
   `weekday_mismatch`.  Lower-case words that are also ordinary words (`may`, `march`)
   are months only next to a day or right before a year.  A numeric date is read only
   when unambiguous: year first, a part above 12, equal parts, the other end of its
   range, or the caller's `numeric_order` hint ('dmy'/'mdy', see `numeric_order()`).
   A bare year is a date only after a year preposition (`in 2015`), inside a range
   opened by `from`/`between`, or as the whole text.

No clock is read: a year-less date takes its year from `reference` (the latest such
date not after it) or is dropped.  Every token is looked at a bounded number of times,
so the time taken is linear in the length of the text.
"""

from __future__ import annotations

from bisect import bisect_left
from calendar import monthrange
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime

from .date_words import DASHES, DATA, LANGUAGES, NUM, NUMDATE, PUNCT, TIME, WORD, Tok, Vocab, tokens, vocab

__all__ = [
    "DATA",
    "LANGUAGES",
    "DateRange",
    "as_of_date",
    "find_date_ranges",
    "numeric_order",
    "parse_date_range",
]


@dataclass(frozen=True)
class DateRange:
    start: date
    end: date
    precision: str  # "day" | "month" | "year"
    start_char: int  # span of the matched date expression within the input text
    end_char: int
    text: str  # == input[start_char:end_char]
    inferred_year: bool  # True when the year came from `reference`, not the text
    weekday_mismatch: bool = False  # a weekday was written that the date does not fall on

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

    def shifted(self, offset: int) -> DateRange:
        """The same range with its span moved by `offset` (a substring's date in the whole text)."""
        return replace(self, start_char=self.start_char + offset, end_char=self.end_char + offset)


# --- Grammar ---------------------------------------------------------------------------


@dataclass
class _Point:
    first: int  # first token (article, weekday or the date itself)
    last: int  # last token of the date proper (the span ends there)
    next: int  # the token after it, past any time of day
    day: int | None = None
    month: int | None = None
    year: int | None = None
    weekday: int | None = None
    month_first: bool = False  # "October 12": American order, needs a year in the text
    numeric: tuple[int, int, int] | None = None  # unresolved dd/mm/yyyy
    weak: bool = False  # a lower-case "march" standing alone
    year_only: bool = False
    short_year: bool = False  # "17" in "2016/17"


_MAX_LIST = 8  # "3, 4, 5 and 6 May": days listed before a range


class _Parser:
    def __init__(self, text: str, vocab: Vocab, reference: date | None, order: str | None):
        self.text = text
        self.v = vocab
        self.t = tokens(text, vocab)
        self.n = len(self.t)
        self.points: dict[tuple, _Point | None] = {}
        self.reference = reference
        self.order = order

    # -- token tests
    def tok(self, i: int) -> Tok | None:
        return self.t[i] if i < self.n else None  # indexes are never negative

    def punct(self, i: int, chars: str | frozenset[str]) -> bool:
        return i < self.n and self.t[i].kind == PUNCT and self.t[i].norm in chars

    def adjacent(self, i: int) -> bool:
        """Token i touches the one before it (no space): an abbreviation's dot."""
        return 0 < i < len(self.t) and self.t[i].start == self.t[i - 1].end

    def phrase(self, role: str, i: int) -> int | None:
        """End index of the longest phrase of `role` starting at token i."""
        t = self.tok(i)
        if t is None or t.kind not in (WORD, PUNCT):
            return None
        for words in self.v.phrases[role].get(t.norm, ()):
            if self._matches(words, i):
                return i + len(words)
        return None

    def _matches(self, words: tuple[str, ...], i: int) -> bool:
        if i + len(words) > len(self.t):
            return False
        return all(
            self.t[i + k].kind in (WORD, PUNCT) and self.t[i + k].norm == w for k, w in enumerate(words)
        )

    def day(self, i: int) -> tuple[int, int] | None:
        """(day, next index) for a day number or an ordinal word at i."""
        t = self.tok(i)
        if t is None:
            return None
        if t.kind == NUM:
            if t.free and len(t.norm) <= 2 and 1 <= t.value <= 31:
                return t.value, i + 1
            return None
        if t.kind == WORD:
            for words, number in self.v.ordinals.get(t.norm, ()):
                if self._matches(words, i):
                    return number, i + len(words)
        return None

    def year(self, i: int, bare: bool = False) -> int | None:
        t = self.tok(i)
        if t is None or t.kind != NUM or not t.free or t.ordinal or len(t.norm) != 4:
            return None
        low, high = (1900, 2099) if bare else (1800, 2199)
        return t.value if low <= t.value <= high else None

    def month(self, i: int) -> int | None:
        t = self.tok(i)
        if t is None or t.kind != WORD:
            return None
        return self.v.months.get(t.norm)

    def weak_month(self, i: int) -> bool:
        t = self.t[i]
        return t.norm in self.v.ambiguous and not t.capital

    def after_dot(self, i: int) -> int:
        return i + 1 if self.punct(i, ".") and self.adjacent(i) else i

    # -- points
    def point(self, i: int, allow_year: bool = False, short_after: int | None = None) -> _Point | None:
        # Remembered: a list of days ("1, 2, 3, ...") is otherwise re-read from each of its days.
        key = (i, allow_year, short_after)
        if key not in self.points:
            self.points[key] = self._point(i, allow_year, short_after)
        return self.points[key]

    def _point(self, i: int, allow_year: bool, short_after: int | None) -> _Point | None:
        first = i
        if (j := self.phrase("article", i)) is not None:
            i = j
        weekday = None
        t = self.tok(i)
        if t is not None and t.kind == WORD and t.norm in self.v.weekdays and self.month(i) is None:
            weekday = self.v.weekdays[t.norm]
            i = self.after_dot(i + 1)
            if self.punct(i, ","):
                i += 1
            if (j := self.phrase("article", i)) is not None:
                i = j
        elif first != i and self.day(i) is None:
            return None  # an article only before a day or a weekday
        p = self._core(first, i, allow_year, short_after)
        if p is None:
            return None
        p.weekday = weekday
        if weekday is not None and p.day is None and p.numeric is None:
            return None
        p.next = self._skip_time(p.last + 1)
        return p

    def _core(self, first: int, i: int, allow_year: bool, short_after: int | None) -> _Point | None:
        t = self.tok(i)
        if t is None:
            return None
        if t.kind == NUMDATE:
            year = t.parts[0] if t.year_first else t.parts[2]
            if not 1800 <= year <= 2199:
                return None
            if t.year_first:
                y, m, d = t.parts
                return _Point(first, i, i + 1, d, m, y)
            return _Point(first, i, i + 1, numeric=t.parts)
        if short_after is not None and t.kind == NUM and t.free and len(t.norm) == 2 and self.adjacent(i):
            year = short_after // 100 * 100 + t.value
            return _Point(first, i, i + 1, year=year, year_only=True, short_year=True)
        if (found := self.day(i)) is not None:
            return self._day_first(first, i, *found)
        m = self.month(i)
        if m is not None:
            return self._month_first(first, i, m)
        y = self.year(i, bare=True)
        if y is not None:
            k = i + 1
            link = self.t[k].norm if self.punct(k, "-/.") and self.adjacent(k) else None
            k += link is not None  # "2012/Aug/10", "1996.July.10"
            m = self.month(k)
            if m is not None:  # "2019 October", "2019 October 5"
                after = self.after_dot(k + 1) if link is None else k + 1 + self.punct(k + 1, link)
                found = self.day(after)
                if found is not None and self.year(after) is None:
                    return _Point(first, found[1] - 1, found[1], found[0], m, y)
                if not self.weak_month(k):
                    return _Point(first, k, k + 1, None, m, y)
            if allow_year:
                return _Point(first, i, i + 1, year=y, year_only=True)
        return None

    def _day_first(self, first: int, i: int, d: int, k: int) -> _Point:
        # between day and month: nothing, "of"/"de", a dash, a slash or a dot ("3. Dec.")
        link = None
        j = k
        if (after := self.phrase("day_month_link", k)) is not None:
            j = after
        elif (
            self.punct(k, ".")
            and self.adjacent(k)
            or self.punct(k, "-–/")
            and self.adjacent(k)
            and self.adjacent(k + 1)
        ):
            link = self.t[k].norm  # "3. Dec.", "14-Mar-2019"; a spaced dash separates a range instead
            j = k + 1
        m = self.month(j)
        if m is None:
            # a day alone; "14, 2024" after "June 10-": day and year without a month
            y_at = k + 1 if self.punct(k, ",") else k
            if (y := self.year(y_at)) is not None:
                return _Point(first, y_at, y_at + 1, d, None, y)
            return _Point(first, k - 1, k, d)
        p = _Point(first, j, j + 1, d, m)
        after = self.after_dot(j + 1)
        if link is not None and self.punct(after, link) and self.year(after + 1) is not None:
            p.year, p.last = self.year(after + 1), after + 1  # 14-Mar-2019
            return p
        y_at = self._year_link(after)
        if y_at is not None:
            p.year, p.last = self.year(y_at), y_at
        return p

    def _month_first(self, first: int, i: int, m: int) -> _Point:
        after = self.after_dot(i + 1)
        j = after
        if (k := self.phrase("article", j)) is not None:
            j = k
        found = self.day(j)
        if found is not None and self.month(found[1]) is None:  # "October 12", not "May 5 June"
            d, k = found
            p = _Point(first, k - 1, k, d, m, month_first=True)
            y_at = k + 1 if self.punct(k, ",") else k
            if (t := self.tok(y_at)) is not None and t.kind == TIME and self.year(y_at + 1) is not None:
                y_at += 1  # "Thu Sep 25 10:36:28 2003": the time sits between day and year
            if (y := self.year(y_at)) is not None:
                p.year, p.last = y, y_at
            return p
        y_at = self._year_link(after)
        if y_at is None and self.punct(after, "-/") and self.year(after + 1) is not None:
            y_at = after + 1  # Oct-2016
        if y_at is not None:
            return _Point(first, y_at, y_at + 1, None, m, self.year(y_at))
        return _Point(first, i, i + 1, None, m, weak=self.weak_month(i))

    def _year_link(self, i: int) -> int | None:
        """Index of the year after a month: directly, after a comma, or after "of"/"in"/"de"."""
        if self.year(i) is not None:
            return i
        if self.punct(i, ",") and self.year(i + 1) is not None:
            return i + 1
        j = self.phrase("month_year_link", i)
        if j is not None and self.year(j) is not None:
            return j
        return None

    def _skip_time(self, i: int) -> int:
        """Past a time of day after a date ("at 10:00", ", 9 am - 5 pm"): set aside."""
        j = i + 1 if self.punct(i, ",") else i
        j = self.phrase("time_link", j) or j
        t = self.tok(j)
        if t is None or t.kind != TIME:
            return i
        j += 1
        if self.punct(j, DASHES) or self.phrase("range_to", j):
            k = j + 1 if self.punct(j, DASHES) else self.phrase("range_to", j)
            if (t := self.tok(k)) is not None and t.kind == TIME:
                j = k + 1
        return j

    # -- expressions
    def period(self, i: int) -> tuple[DateRange, int] | None:
        """A part of a year: `2nd quarter of 2016`, `2e trimestre 2016`, `Q2 2016`,
        `first half of 2017` -> the months it covers (month precision), or None."""
        t = self.tok(i)
        if t is None or self._ends_a_period_range(i):
            return None
        number = size = None
        k = i
        if t.kind == WORD and t.norm in self.v.period_letters:
            n = self.tok(i + 1)
            if n is not None and n.kind == NUM and self.adjacent(i + 1) and not n.ordinal:
                number, size, k = n.value, self.v.period_letters[t.norm], i + 2
        if number is None:
            if t.kind == NUM and t.ordinal and t.free:
                number, k = t.value, i + 1
            elif t.kind == WORD and t.norm in self.v.period_ordinals:
                number, k = self.v.period_ordinals[t.norm], i + 1
            elif t.kind == WORD and (found := self.day(i)) is not None:
                number, k = found
            else:
                return None
            word = self.tok(k)
            if word is None or word.kind != WORD or word.norm not in self.v.periods:
                return None
            size, k = self.v.periods[word.norm], k + 1
        y_at = self._year_link(k)
        if y_at is None or not 1 <= number <= 12 // size:
            return None
        year = self.year(y_at)
        start = date(year, (number - 1) * size + 1, 1)
        last = number * size
        end = date(year, last, monthrange(year, last)[1])
        s, e = t.start, self.t[y_at].end
        return DateRange(start, end, "month", s, e, self.text[s:e], False), y_at + 1

    def _ends_a_period_range(self, i: int) -> bool:
        """`1st - 3rd quarter 2016`, `Q1-Q2 2016`: the period at i ends a range whose
        start has no year of its own; reading only the end would be wrong, so nothing."""
        first = self.t[i - 2] if i >= 2 else None
        if first is None or not (
            first.kind == NUM or first.norm in self.v.period_ordinals or first.norm in self.v.ordinals
        ):
            return False
        before = self.t[i - 1]
        if before.kind == PUNCT and before.norm in DASHES:
            return True
        return before.kind == WORD and any(
            self.phrase(role, i - 1) == i for role in ("range_to", "range_and")
        )

    def expression(self, i: int, prep: bool) -> tuple[DateRange | None, int] | None:
        """(range or None when it fails the calendar, next index) or None: no date starts at i."""
        lead = None
        j = i
        if (k := self.phrase("range_between", i)) is not None:
            lead, j = "between", k
        elif (k := self.phrase("range_from", i)) is not None:
            lead, j = "from", k
        p1 = self.point(j, allow_year=prep or lead is not None)
        if p1 is None:
            return None
        start_tok = i if lead else p1.first
        listed: list[_Point] = []
        k = p1.next
        if k == p1.last + 1 and self.punct(k, ".") and self.adjacent(k) and self.t[p1.last].kind == WORD:
            k += 1  # the dot of "30 Nov.-2 Dec. 2016"
        if p1.day is not None and p1.year is None and p1.numeric is None:
            # days listed before the last: "3, 4 and 5 May", "June 1, 2 and 3"
            while len(listed) < _MAX_LIST and self.punct(k, ","):
                q = self.point(k + 1)
                if q is None or q.month is not None or q.year is not None or q.day is None:
                    break
                listed.append(q)
                k = q.next
        sep, after = self._separator(k, p1, lead, bool(listed))
        p2 = None
        if sep is not None:
            short = p1.year if p1.year_only and sep in DASHES else None
            p2 = self.point(after, allow_year=p1.year_only, short_after=short)
        if p2 is not None:
            if listed:
                days = [p1.day, *(q.day for q in listed), p2.day]
                if p2.day is None or any(a >= b for a, b in zip(days, days[1:], strict=False)):
                    return None  # "items 12, 3 and 4 May": 12 is not one of the days
            found = self._combine(p1, p2, sep, lead)
            if found is not None:
                return self._result(found, start_tok, p2.last, (p1, p2)), p2.next
            if p1.day is not None and p1.month is None and p2.day is None and p2.numeric is None:
                # "14 - September 2016": the day may belong to the month; rather nothing
                # than the whole month (the cost: "Annex 2 – June 2016" gives no date).
                return None, p2.next
            if p2.month is not None or p2.numeric is not None:
                # Not a range: p1 on its own if it is a date ("22 October 2015 - 3 January
                # 2015"), p2 read next; else both swallowed ("23-22 October", "31 April-2 May").
                if (sep == "and" and p1.year is None and p2.year is not None and p1.month and p2.month
                        and (p1.month, p1.day or 0) <= (p2.month, p2.day or 0)):  # fmt: skip
                    p1 = replace(p1, year=p2.year)  # "3 May and 5 June 2015": a list shares its year
                alone = self._single(p1, p1.first, p2.first)
                if alone is not None and alone[0] is not None:
                    return alone
                return None, p2.next
        if lead and p1.year_only:
            return None  # "from 2016" alone is not a date
        return self._single(p1, p1.first, p1.next)

    def _separator(self, k: int, p1: _Point, lead: str | None, listed: bool) -> tuple[str | None, int]:
        if self.punct(k, DASHES):
            j = k + 1
            while j < k + 3 and self.punct(j, "-–—>") and self.adjacent(j):
                j += 1  # "14--16th May", "14-> 16th May"
            return self.t[k].norm, j
        if (j := self.phrase("range_to", k)) is not None:
            return "to", j
        if self.punct(k, ",") and listed:
            k += 1  # "3, 4, and 5 May"
        # "15 and 16 June", "June 1 and 2, 2016": days of one month (checked in _combine)
        joins = (p1.day is not None and p1.year is None) or lead == "between"
        if joins and (j := self.phrase("range_and", k)) is not None:
            return "and", j
        return None, k

    def _single(self, p: _Point, start_tok: int, nxt: int) -> tuple[DateRange | None, int] | None:
        if p.year_only:
            if p.short_year:
                return None
            return self._result(
                (date(p.year, 1, 1), date(p.year, 12, 31), "year", False), start_tok, p.last, (p,)
            ), nxt
        if p.numeric is not None:
            resolved = self._resolve([p])
            return (self._result(resolved, start_tok, p.last, (p,)) if resolved else None), nxt
        if p.month is None or (p.day is None and p.year is None):
            return None  # a day or a month alone is not a date
        if p.weak and p.day is None:
            return None
        if p.month_first and p.year is None and not self._closed(p):
            return None, nxt  # "June 12 Members": American order needs its year or a clear end
        found = self._span(p.day, p.month, p.year, p.day, p.month, p.year)
        return (self._result(found, start_tok, p.last, (p,)) if found else None), nxt

    def ends_an_unread_range(self, found: DateRange, failed_end: int) -> bool:
        """A date right after "<day> -" or "<day> to" ("22.-23.10.2015", "2-3 & 5 May"), or
        after a dash that ends an impossible date ("30 - 31 June 2015 - 3 July 2015"), is the
        end of a range the grammar could not read: its start would be wrong."""
        k = self._index_at(found.start_char)
        if k < 2:
            return False
        sep = self.t[k - 1]
        to = (sep.kind == PUNCT and sep.norm in DASHES) or self.phrase("range_to", k - 1) == k
        if not to and self.phrase("range_and", k - 1) != k:
            return False
        if to and failed_end == k - 1:
            return True
        before = k - 3 if self.punct(k - 2, ".") and k >= 3 else k - 2
        t = self.t[before]
        return t.kind == NUM and t.free and len(t.norm) <= 2 and not (t.value == 0 or t.value > 31)

    def _index_at(self, char: int) -> int:
        return bisect_left(self.t, char, key=lambda t: t.start)  # tokens are in text order

    def _closed(self, p: _Point) -> bool:
        """A year-less "October 12" is a date only when nothing can continue it: its day is
        an ordinal ("January 10th") or the text ends or closes right after it ("(Paris,
        July 14)"), unlike "in June 12 Members met"."""
        t = self.t[p.last]
        return (t.kind == NUM and t.ordinal) or p.last + 1 >= self.n or self.punct(p.last + 1, ",;.)]")

    def _resolve(self, points: list[_Point]):
        """Numeric dates: one order (day-month or month-day) for all ends of a range."""
        orders = {"dmy", "mdy"}
        for p in points:
            a, b, _ = p.numeric
            can = {o for o, (d, m) in (("dmy", (a, b)), ("mdy", (b, a))) if 1 <= m <= 12 and 1 <= d <= 31}
            orders &= can
        if len(orders) == 2 and all(p.numeric[0] == p.numeric[1] for p in points):
            orders = {"dmy"}  # 05/05/2015: both orders give the same date
        if len(orders) == 2 and self.order in orders:
            orders = {self.order}
        if len(orders) != 1:
            return None
        order = orders.pop()
        for p in points:
            a, b, y = p.numeric
            p.day, p.month, p.year = (a, b, y) if order == "dmy" else (b, a, y)
        return self._span(points[0].day, points[0].month, points[0].year,
                          points[-1].day, points[-1].month, points[-1].year)  # fmt: skip

    def _combine(self, p1: _Point, p2: _Point, sep: str, lead: str | None):
        if p1.year_only or p2.year_only:
            if not (p1.year_only and p2.year_only) or p2.year <= p1.year:
                return None
            return date(p1.year, 1, 1), date(p2.year, 12, 31), "year", False
        if (p1.numeric is None) != (p2.numeric is None):
            return None
        if p1.numeric is not None:
            return self._resolve([p1, p2])
        if sep == "and" and lead != "between" and (p1.day is None or (p1.month and p2.month)):
            return None  # "and" joins days, not two dates ("3 May and 5 June"): only "between" does
        d1, m1, y1, d2, m2, y2 = p1.day, p1.month, p1.year, p2.day, p2.month, p2.year
        if (d1 is None) != (d2 is None):
            return None  # ends of different precision
        if m1 is None and m2 is None:
            return None
        m1, m2 = m1 or m2, m2 or m1
        if p1.weak and lead is None and d1 is None:
            return None  # "march to june 2019" without "from"
        if (p1.month_first or p2.month_first) and y1 is None and y2 is None and not self._closed(p2):
            return None
        if p1.year is None and p2.year is None and d1 is None:
            return None  # "March-June": months without a year
        return self._span(d1, m1, y1, d2, m2, y2)

    def _span(self, d1, m1, y1, d2, m2, y2):
        """(start, end, precision, inferred) filling a missing year from the other end or the reference."""
        precision = "day" if d1 is not None else "month"
        wraps = int(m1 > m2)  # "30 December - 3 January": over New Year
        if y1 is None and y2 is None:
            if self.reference is None or d1 is None:
                return None
            # No year in the text: the latest such date not after the reference.  Eight
            # years back is enough to reach a leap year for "29 February".
            for year in range(self.reference.year, self.reference.year - 9, -1):
                found = _calendar(year - wraps, m1, d1, year, m2, d2)
                if found and found[0] <= self.reference:
                    return (*found, precision, True)
            return None
        y1 = y1 if y1 is not None else y2 - wraps
        y2 = y2 if y2 is not None else y1 + wraps
        found = _calendar(y1, m1, d1, y2, m2, d2)
        return (*found, precision, False) if found else None

    def _result(self, found, start_tok: int, last_tok: int, points) -> DateRange:
        start, end, precision, inferred = found
        mismatch = False
        if precision == "day":
            ends = [start] + [None] * (len(points) - 2) + [end] if len(points) > 1 else [start]
            for p, when in zip(points, ends, strict=True):
                if p.weekday is not None and when is not None and when.isoweekday() != p.weekday:
                    mismatch = True
        s, e = self.t[start_tok].start, self.t[last_tok].end
        return DateRange(start, end, precision, s, e, self.text[s:e], inferred, mismatch)


def _calendar(y1, m1, d1, y2, m2, d2) -> tuple[date, date] | None:
    try:
        start = date(y1, m1 or 1, d1 or 1)
        end_month = m2 or 12
        end = date(y2, end_month, d2 or monthrange(y2, end_month)[1])
    except (ValueError, TypeError, OverflowError):  # 31 June, 29 February 2015, year 0
        return None
    return (start, end) if start <= end else None


# --- Public functions ------------------------------------------------------------------


def _languages(languages: Sequence[str] | str | None) -> tuple[str, ...]:
    if languages is None:
        return LANGUAGES
    if isinstance(languages, str):
        languages = [languages]
    chosen = tuple(dict.fromkeys(code for code in languages if code in LANGUAGES))
    return chosen or LANGUAGES


def find_date_ranges(
    text: str,
    reference: date | None = None,
    languages: Sequence[str] | None = None,
    numeric_order: str | None = None,
) -> list[DateRange]:
    """All date expressions in free text, left to right, non-overlapping.

    `languages`: ISO 639-1 codes whose words count (the document's language first: it
    wins a clash); None = every language with data.  `numeric_order`: 'dmy' or 'mdy'
    to read numeric dates that are ambiguous on their own (see `numeric_order()`).
    """
    if not isinstance(text, str) or not text:
        return []
    if isinstance(reference, datetime):  # a datetime does not compare with a date
        reference = reference.date()
    parser = _Parser(text, vocab(_languages(languages)), reference, numeric_order)
    return _whole(parser) or _scan(parser)


def _whole(parser: _Parser) -> list[DateRange]:
    """A text that is nothing but a year or a year range ("2015", "(2016/17)", "2016 to
    2018"): there a bare year is a date, as after "in"."""
    tokens = parser.t
    first = next((i for i, t in enumerate(tokens) if t.kind != PUNCT), None)
    if first is None or tokens[first].kind != NUM:
        return []
    found = parser.expression(first, prep=True)
    if found is None or found[0] is None or found[0].precision != "year":
        return []
    rest = tokens[found[1] :]
    return [found[0]] if all(t.kind == PUNCT and t.norm in "()[].,;:" for t in rest) else []


def _scan(parser: _Parser) -> list[DateRange]:
    out: list[DateRange] = []
    tokens, starters = parser.t, parser.v.starters
    i = 0
    failed_end = -1  # where the last expression that failed the calendar ended
    while i < len(tokens):
        t = tokens[i]
        if (period := parser.period(i)) is not None:
            out.append(period[0])
            i = period[1]
            continue
        if t.kind == WORD and t.norm not in starters:
            i += 1
            continue
        if t.kind in (TIME, PUNCT):
            i += 1
            continue
        found = parser.expression(i, prep=False)
        if found is None and (j := parser.phrase("year_prepositions", i)) is not None:
            found = parser.expression(j, prep=True)
        if found is None:
            i += 1
            continue
        result, nxt = found
        if result is None:
            failed_end = nxt
        elif not parser.ends_an_unread_range(result, failed_end):
            out.append(result)
        i = max(nxt, i + 1)
    return out


def parse_date_range(
    text: str,
    reference: date | None = None,
    languages: Sequence[str] | None = None,
    numeric_order: str | None = None,
) -> DateRange | None:
    """The first date expression in `text` (find_date_ranges(...)[0]) or None."""
    found = find_date_ranges(text, reference, languages, numeric_order)
    return found[0] if found else None


def numeric_order(texts: Iterable[str], languages: Sequence[str] | None = None) -> str | None:
    """'dmy' or 'mdy' when the numeric dates of a document that settle their own order
    (a part above 12) all agree, else None: the hint for its ambiguous ones."""
    words = vocab(_languages(languages))
    seen = set()
    for text in texts:
        for t in tokens(text or "", words):
            if t.kind == NUMDATE and not t.year_first:
                a, b, _ = t.parts
                if a > 12 and b <= 12:
                    seen.add("dmy")
                elif b > 12 and a <= 12:
                    seen.add("mdy")
    return seen.pop() if len(seen) == 1 else None


def as_of_date(text: str, languages: Sequence[str] | None = None) -> tuple[int, DateRange] | None:
    """The date an as-of phrase introduces ("(AS OF 25 OCTOBER 2015)", "(AU 25 OCTOBRE
    2015)", "as at 25 Oct. 2015"): (where the phrase starts, the date), or None.  The
    date must be one whole day, and the phrase must not belong to a range ("du 3 au 5")."""
    words = vocab(_languages(languages))
    toks = tokens(text, words)
    starts = {t.start: i for i, t in enumerate(toks)}
    for found in find_date_ranges(text, languages=languages):
        if found.precision != "day" or found.start != found.end or found.start_char not in starts:
            continue
        end = starts[found.start_char]
        for first in range(max(0, end - 4), end):
            before = tuple(t.norm for t in toks[first:end])
            if before in words.phrases["as_of"].get(before[0], ()):
                return toks[first].start, found
    return None
