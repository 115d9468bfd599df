"""The words and tokens of the date grammar (extract/dates.py).

What a word means in a date (month, weekday, ordinal, range word, ...) is data, one
folder per language in `extract/data/lang/<code>/`: `calendar.csv` (month and weekday
names, generated from CLDR by `make_calendar.py`) and `dates.toml` (the rest).  This
module loads them once per set of languages and cuts a text into tokens.
"""

from __future__ import annotations

import csv
import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

__all__ = ["DASHES", "DATA", "LANGUAGES", "NUM", "NUMDATE", "PUNCT", "TIME", "WORD", "Tok", "Vocab", "norm",
           "tokens", "vocab"]  # fmt: skip

DATA = Path(__file__).resolve().parent / "data" / "lang"
LANGUAGES = tuple(sorted(p.name for p in DATA.iterdir() if (p / "dates.toml").is_file()))


# --- Vocabulary ------------------------------------------------------------------------


@lru_cache(maxsize=1 << 16)  # a report repeats its words; bounded for hostile input
def norm(word: str) -> str:
    """Lower case without accents: how every word is compared."""
    if word.isascii():
        return word.lower()
    decomposed = unicodedata.normalize("NFKD", word.replace("’", "'").lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_ROLES = (
    "range_from",
    "range_between",
    "range_to",
    "range_and",
    "day_month_link",
    "month_year_link",
    "article",
    "year_prepositions",
    "time_link",
    "as_of",
)


@dataclass(frozen=True)
class Vocab:
    months: dict[str, int]
    weekdays: dict[str, int]
    ambiguous: frozenset[str]
    suffixes: tuple[str, ...]
    # role -> first word -> phrases (tuples of normalised tokens), longest first
    phrases: dict[str, dict[str, list[tuple[str, ...]]]]
    ordinals: dict[str, list[tuple[tuple[str, ...], int]]]
    starters: frozenset[str]  # words a date expression may begin with
    token_re: re.Pattern[str]
    periods: dict[str, int] = field(default_factory=dict)  # quarter -> 3 (months)
    period_letters: dict[str, int] = field(default_factory=dict)  # q -> 3 ("Q2")
    period_ordinals: dict[str, int] = field(default_factory=dict)  # deuxieme -> 2


@cache
def _language_data(code: str) -> tuple[dict, list[tuple[str, int, str]]]:
    folder = DATA / code
    with open(folder / "dates.toml", "rb") as f:
        words = tomllib.load(f)
    with open(folder / "calendar.csv", encoding="utf-8", newline="") as f:
        names = [(r["kind"], int(r["number"]), r["name"]) for r in csv.DictReader(f)]
    return words, names


@cache
def vocab(languages: tuple[str, ...]) -> Vocab:
    months: dict[str, int] = {}
    weekdays: dict[str, int] = {}
    ambiguous: set[str] = set()
    suffixes: set[str] = set()
    raw_phrases: dict[str, set[str]] = {role: set() for role in _ROLES}
    raw_ordinals: dict[str, int] = {}
    # Parts of a year: "trimestre" -> 3 months, "Q" -> 3 ("Q2"), "deuxieme" -> 2.
    named: dict[str, dict[str, int]] = {"periods": {}, "period_letters": {}, "period_ordinals": {}}
    for code in languages:  # the first language wins a clash: setdefault
        words, names = _language_data(code)
        for kind, number, name in names:
            (months if kind == "month" else weekdays).setdefault(norm(name).rstrip("."), number)
        for name, number in words.get("extra_months", {}).items():
            months.setdefault(norm(name), number)
        for name, number in words.get("extra_weekdays", {}).items():
            weekdays.setdefault(norm(name), number)
        lists = words.get("words", {})
        ambiguous.update(norm(w) for w in lists.get("ambiguous_months", []))
        suffixes.update(lists.get("ordinal_suffixes", []))
        for role in _ROLES:
            raw_phrases[role].update(lists.get(role, []))
        for name, number in words.get("ordinals", {}).items():
            raw_ordinals.setdefault(name, number)
            raw_ordinals.setdefault(name.replace("-", " "), number)
        for table, found in named.items():
            for name, number in words.get(table, {}).items():
                found.setdefault(norm(name), number)
    token_re = _token_regex(tuple(sorted(suffixes, key=len, reverse=True)))
    phrases: dict[str, dict[str, list[tuple[str, ...]]]] = {}
    for role, texts in raw_phrases.items():
        phrases[role] = _index((_phrasetokens(t, token_re), None) for t in texts)
    ordinals = _index((_phrasetokens(t, token_re), n) for t, n in raw_ordinals.items())
    starters = set(months) | set(weekdays) | set(ordinals)
    for role in ("range_from", "range_between", "year_prepositions", "article"):
        starters |= set(phrases[role])
    return Vocab(
        months,
        weekdays,
        frozenset(ambiguous),
        tuple(suffixes),
        phrases,
        ordinals,
        frozenset(starters),
        token_re,
        named["periods"],
        named["period_letters"],
        named["period_ordinals"],
    )


def _index(entries) -> dict:
    out: dict = {}
    for tokens, value in entries:
        if tokens:
            out.setdefault(tokens[0], []).append(tokens if value is None else (tokens, value))
    for key, items in out.items():
        out[key] = sorted(set(items), key=lambda x: -len(x if isinstance(x[0], str) else x[0]))
    return out


def _phrasetokens(text: str, token_re: re.Pattern[str]) -> tuple[str, ...]:
    return tuple(norm(m.group()) for m in token_re.finditer(text))


def _token_regex(suffixes: tuple[str, ...]) -> re.Pattern[str]:
    letters = [s for s in suffixes if s[0].isalpha()]
    marks = [s for s in suffixes if not s[0].isalpha()]
    suffix = "|".join(
        [rf"[ ]?(?i:{'|'.join(map(re.escape, letters))})(?![^\W\d_])"] * bool(letters)
        + [rf"(?:{'|'.join(map(re.escape, marks))})"] * bool(marks)
    )
    return re.compile(
        # numeric dates: year first, or day/month first with a 4-digit year (2 digits only after "/")
        r"(?<![0-9])(?:(?P<iy>[0-9]{4})(?P<s1>[-/.])(?P<im>[0-9]{1,2})(?P=s1)(?P<id>[0-9]{1,2})(?![0-9])(?!(?P=s1)[0-9])"
        r"|(?P<na>[0-9]{1,2})(?P<s2>[-/.])(?P<nb>[0-9]{1,2})(?P=s2)(?P<nc>[0-9]{4}|[0-9]{2})"
        r"(?![0-9])(?!(?P=s2)[0-9]))"
        # times of day: 10:30, 10:30:15 pm, 14h30, 14h, 9 am, 9 a.m.
        r"|(?P<time>(?<![0-9])[0-9]{1,2}(?::[0-9]{2}(?::[0-9]{2})?(?:[ ]?[apAP]\.?[mM]\.?)?|[hH](?:[0-9]{2})?"
        r"|[ ]?[apAP]\.?[mM]\.?)(?![^\W\d_]))"
        + (rf"|(?P<num>[0-9]+)(?P<suf>{suffix})?" if suffix else r"|(?P<num>[0-9]+)")
        + r"|(?P<word>[^\W\d_]+)|(?P<punct>\S)"
    )


# --- Tokens ----------------------------------------------------------------------------

DASHES = frozenset("-–—‐‑/")
WORD, NUM, NUMDATE, TIME, PUNCT = range(5)


@dataclass(frozen=True, slots=True)
class Tok:
    kind: int
    start: int
    end: int
    norm: str  # words: normalised; punctuation: the character; numbers: the digits
    value: int = 0  # numbers: their value
    free: bool = True  # numbers: not glued to letters or to other digits ("A3", "1,234", "2.2015")
    ordinal: bool = False  # numbers: carried an ordinal suffix
    capital: bool = False  # words: begin with a capital letter
    parts: tuple[int, int, int] | None = None  # numeric dates: (a, b, c) as written
    year_first: bool = False  # numeric dates: 2015-10-22


def tokens(text: str, vocab: Vocab) -> list[Tok]:
    out = []
    n = len(text)
    for m in vocab.token_re.finditer(text):
        s, e = m.span()
        if m.group("word") is not None:
            w = m.group()
            out.append(Tok(WORD, s, e, norm(w), capital=w[0].isupper()))
        elif m.group("num") is not None:
            digits = m.group("num")
            end_digits = m.end("num")
            before = text[s - 1] if s else " "
            after = text[end_digits] if end_digits < n else " "
            glued = (
                before.isalnum()
                or (before in ".,:" and s >= 2 and text[s - 2].isdigit())
                or (m.group("suf") is None and after.isalpha())
                or (after in ".,:" and end_digits + 1 < n and text[end_digits + 1].isdigit())
            )
            # Longer numbers are never a day or a year (and int() of 10,000 digits raises).
            value = int(digits) if len(digits) <= 4 else -1
            out.append(Tok(NUM, s, e, digits, value, not glued, m.group("suf") is not None))
        elif m.group("iy") is not None:
            parts = (int(m.group("iy")), int(m.group("im")), int(m.group("id")))
            out.append(Tok(NUMDATE, s, e, m.group(), parts=parts, year_first=True))
        elif m.group("na") is not None:
            c = m.group("nc")
            if len(c) == 2 and m.group("s2") != "/":
                out.append(Tok(PUNCT, s, e, "#"))  # "1.2.15": a section number, not a date
                continue
            year = int(c) if len(c) == 4 else 2000 + int(c)
            out.append(Tok(NUMDATE, s, e, m.group(), parts=(int(m.group("na")), int(m.group("nb")), year)))
        elif m.group("time") is not None:
            out.append(Tok(TIME, s, e, m.group()))
        else:
            out.append(Tok(PUNCT, s, e, m.group()))
    return out
