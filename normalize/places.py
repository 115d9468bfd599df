"""Place names -> ISO 3166-1 alpha-3 codes, cities and venues.

Every lookup is a whole-string match of `normalize_name(text)` against the tables in
`data/`: countries (generated once from pycountry, plus hand-written former names,
abbreviations and WCO/UN spellings), cities, venues and regions. pycountry is a test
dependency only (tests/test_places.py checks the table against it), so the pipeline
does not need it at run time.

Ambiguity is settled in the tables, not here: plain "Korea" is the Republic of Korea
(WCO usage), plain "Congo" the Republic of the Congo (its ISO short name), "Georgia"
always the country, and city names shared by several places ("Victoria", "Hamilton",
"St. John's") are left out of cities.csv.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

_DATA = Path(__file__).with_name("data")

# Apostrophe look-alikes are mapped before NFKD: NFKD turns the spacing acute U+00B4 into a
# space plus a combining mark, which would split "d´Ivoire" into two words.
_TRANSLATE = {**dict.fromkeys(map(ord, "’‘‛`´ʼʻʹ′"), "'"), **dict.fromkeys(map(ord, "‐‑‒–—―−"), "-")}
_INITIAL_DOT = re.compile(r"(?<=\b\w)\.")  # U.S.A. -> USA, D.C. -> DC; "St. Kitts" keeps its space
_TRAILING_PAREN = re.compile(r"^(.+?)\s*\(\s*(\w{2,10})\s*\)\s*$")
_NON_WORD = re.compile(r"[\W_]+")


def _fold(text: str) -> str:
    # NFKD on both sides of casefold: casefold("İ") yields "i" + a combining dot.
    text = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", text).casefold())
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def _is_acronym_of(acronym: str, words: str) -> bool:
    """`uae` abbreviates `united arab emirates`: its letters are a subsequence of the initials."""
    initials = iter(w[0] for w in re.findall(r"\w+", words))
    return all(letter in initials for letter in acronym)


def normalize_name(text: str) -> str:
    """The matching key of a place name: no accents, case, apostrophes or punctuation,
    no leading "the", no trailing acronym of the name itself ("United Arab Emirates (UAE)"),
    "st" spelled "saint". Idempotent."""
    text = _fold(text.translate(_TRANSLATE)).replace("'", "").replace("&", " and ")
    text = _INITIAL_DOT.sub("", text)
    # Only an acronym of the preceding words is dropped: "Korea (DPRK)" must not become "Korea".
    if (m := _TRAILING_PAREN.match(text)) and _is_acronym_of(m[2], m[1]):
        text = m[1]
    words = _NON_WORD.sub(" ", text).split()
    while len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join("saint" if w == "st" else w for w in words)


@dataclass(frozen=True)
class City:
    name: str
    iso3: str


@dataclass(frozen=True)
class Location:
    country_iso3: str | None
    country: str | None
    city: str | None
    basis: str | None  # "country", "city_country", "city", "venue", "virtual", None
    text: str  # the verbatim input


def _read(name: str) -> list[dict[str, str]]:
    # The csv module, not pandas: pandas would read Namibia's "NA" as a missing value.
    with open(_DATA / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _spellings(name: str, aliases: str) -> list[str]:
    return [name, *(a.strip() for a in aliases.split("|") if a.strip())]


@cache
def _countries() -> tuple[dict[str, str], dict[str, str]]:
    """(standard name by iso3, iso3 by normalized spelling)."""
    names: dict[str, str] = {}
    by_key: dict[str, str] = {}
    for row in _read("countries.csv"):
        names[row["iso3"]] = row["name"]
        for spelling in _spellings(row["name"], row["aliases"]):
            by_key.setdefault(normalize_name(spelling), row["iso3"])
    return names, by_key


@cache
def _cities() -> dict[str, City]:
    out: dict[str, City] = {}
    for row in _read("cities.csv"):
        city = City(row["city"], row["iso3"])
        for spelling in _spellings(row["city"], row["aliases"]):
            out.setdefault(normalize_name(spelling), city)
    return out


@cache
def _venues() -> dict[str, City]:
    cities = _cities()
    out: dict[str, City] = {}
    for row in _read("venues.csv"):
        # The city's table spelling, so a venue and its city agree ("Washington", not "Washington DC").
        city = cities.get(normalize_name(row["city"]), City(row["city"], row["iso3"]))
        out.setdefault(normalize_name(row["venue"]), City(city.name, row["iso3"]))
    return out


@cache
def _regions() -> frozenset[str]:
    return frozenset(normalize_name(row["name"]) for row in _read("regions.csv"))


def country_name(iso3: str) -> str | None:
    return _countries()[0].get(iso3.strip().upper())


def resolve_country(text: str) -> str | None:
    """ISO alpha-3 of a country named by the WHOLE text; never searches inside a sentence."""
    by_key = _countries()[1]
    if code := by_key.get(normalize_name(text)):
        return code
    # "Lao People's Democratic Republic (Lao PDR)": both halves name the same country.
    if m := re.fullmatch(r"\s*([^()]+?)\s*\(([^()]+)\)\s*", text):
        outer, inner = by_key.get(normalize_name(m[1])), by_key.get(normalize_name(m[2]))
        return outer if outer and outer == inner else None
    return None


def resolve_city(text: str) -> City | None:
    return _cities().get(normalize_name(text))


_VENUE_TAIL = re.compile(r",|\s(?:in|at)\s", re.IGNORECASE)


def resolve_venue(text: str) -> City | None:
    """A known venue, alone or followed by its own city or country ("WCO HQ, Brussels")."""
    venues = _venues()
    if hit := venues.get(normalize_name(text)):
        return hit
    for m in _VENUE_TAIL.finditer(text, 0, 100):  # venue names are short; long text is not one
        hit = venues.get(normalize_name(text[: m.start()]))
        tail = text[m.end() :].split(",")
        if hit and all(_in_country(part, hit.iso3) for part in tail):
            return hit
    return None


def _in_country(text: str, iso3: str) -> bool:
    """`text` names the country `iso3` or one of its known cities."""
    city = resolve_city(text)
    return resolve_country(text) == iso3 or (city is not None and city.iso3 == iso3)


def is_region(text: str) -> bool:
    """A world region or WCO region ("Asia/Pacific", "the ESA region"), not a country."""
    words = normalize_name(text).split()
    if len(words) > 1 and words[0] == "wco":
        words = words[1:]
    if len(words) > 1 and words[-1] in ("region", "regions"):
        words = words[:-1]
    return " ".join(words) in _regions()


_VIRTUAL = re.compile(
    r"(?:(?:held|conducted|organi[sz]ed|by|via|through|in|on|as|an|a)\s)*"
    r"(?:virtual(?:ly)?|online|remote(?:ly)?|webinar|zoom|(?:ms|microsoft)\steams|e\s?meeting"
    r"|(?:video|web|tele)\s?conferenc(?:e|ing)|video\s?link)"
    r"(?:\s(?:meeting|format|event|session|mode|platform|conference|webinar))?"
)
# "Brussels (hybrid)", "Brussels/online": the physical place is what we record.
_HYBRID = re.compile(r"\s*(?:[/+&,]|\band\b|\bor\b)?\s*\(?\b(?:hybrid|online|virtual(?:ly)?)\)?\s*$", re.I)
# An unknown city next to a known country ("Mombasa, Kenya"): one to four words, no digits,
# none of the words that name a building or an institution rather than a town.
_CITY_LIKE = re.compile(r"[^\W\d_]+(?:[ '’.\-]+[^\W\d_]+){0,3}\.?")
_NOT_A_CITY = re.compile(
    r"\b(?:ministry|office|hotel|cent(?:re|er)|headquarters|hq|building|hall|house|universit\w*|"
    r"customs|administration|secretariat|academy|college|school|airport|border|post|premises)\b"
)
_MAX_LEN = 200  # a place description is short; anything longer is prose
_PAREN_PAIR = re.compile(r"(.+?)\s*\(([^()]+)\)")
_LAST_SEP = re.compile(r"(.*)(?:,|\s[-–—]\s)(.*)", re.DOTALL)


def _locate(text: str) -> tuple[str | None, str | None, str] | None:
    """(iso3, city, basis) of a place description, or None."""
    if len(text) > _MAX_LEN:
        return None
    key = normalize_name(text)
    if not key or is_region(text):
        return None
    if _VIRTUAL.fullmatch(key):
        return None, None, "virtual"
    if iso3 := resolve_country(text):
        return iso3, None, "country"
    if venue := resolve_venue(text):
        return venue.iso3, venue.name, "venue"
    if city := resolve_city(text):
        return city.iso3, city.name, "city"
    place = text
    while (m := _HYBRID.search(place)) and place[: m.start()].strip():
        place = place[: m.start()]
    if place != text:  # stripped every trailing marker, so the call below does not recurse again
        return _locate(place)
    m = _PAREN_PAIR.fullmatch(text.strip()) or _LAST_SEP.fullmatch(text.strip())
    return _city_and_country(m[1].strip(), m[2].strip()) if m else None


def _city_and_country(head: str, tail: str) -> tuple[str | None, str | None, str] | None:
    """`City, Country` (also `Country - City`, `City (Country)`); the stated country wins."""
    iso3 = resolve_country(tail)
    if iso3 is None:
        # "Kenya - Nairobi": only a known city or venue of that very country is accepted.
        iso3, place = resolve_country(head), resolve_venue(tail) or resolve_city(tail)
        if iso3 and place and place.iso3 == iso3:
            return iso3, place.name, "venue" if resolve_venue(tail) else "city_country"
        return None
    parts = [p.strip() for p in head.split(",")]
    if any(resolve_country(p) for p in [head, *parts]):
        return None  # "Kenya, Uganda", "Sri Lanka, Nigeria, Oman": a list for the caller to split
    for candidate in [head, *reversed(parts)]:
        if (venue := resolve_venue(candidate)) and venue.iso3 == iso3:
            return iso3, venue.name, "venue"
        if (city := resolve_city(candidate)) and city.iso3 == iso3:
            return iso3, city.name, "city_country"
    if is_region(head):
        return iso3, None, "country"  # "West and Central Africa, Cameroon"
    # Anything else before the country ("Case Studies on Sri Lanka, Oman") may be prose, not a place.
    if len(parts) == 1 and _CITY_LIKE.fullmatch(head) and not _NOT_A_CITY.search(normalize_name(head)):
        return iso3, head, "city_country"
    return None


def resolve_location(text: str) -> Location:
    """The place of an event parenthetical: a country, a city, `City, Country`, a venue
    (`WCO Headquarters`), or a virtual meeting. Regions and unknown text give all None."""
    found = _locate(text)
    if found is None:
        return Location(None, None, None, None, text)
    iso3, city, basis = found
    return Location(iso3, country_name(iso3) if iso3 else None, city, basis, text)


def all_place_names() -> list[tuple[str, str, str]]:
    """(spelling, "COUNTRY" | "CITY" | "VENUE", iso3) for a case-sensitive entity ruler.

    Spellings are verbatim from the tables, plus a typographic-apostrophe copy of those
    with one. A city spelled like a country ("Singapore", "Djibouti") is listed only as
    the country, which takes priority, so no spelling carries two labels.
    """
    country_keys = _countries()[1]
    entries: list[tuple[str, str, str]] = []
    for row in _read("countries.csv"):
        entries += [(s, "COUNTRY", row["iso3"]) for s in _spellings(row["name"], row["aliases"])]
    for row in _read("cities.csv"):
        for spelling in _spellings(row["city"], row["aliases"]):
            if normalize_name(spelling) not in country_keys:
                entries.append((spelling, "CITY", row["iso3"]))
    entries += [(row["venue"], "VENUE", row["iso3"]) for row in _read("venues.csv")]
    out: dict[str, tuple[str, str, str]] = {}
    for spelling, label, iso3 in entries:
        for variant in dict.fromkeys([spelling, spelling.replace("'", "’")]):
            out.setdefault(variant, (variant, label, iso3))
    return list(out.values())
