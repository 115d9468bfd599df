"""The normalizer's language data, one folder per language (`normalize/data/lang/<iso>/`).

`phrases.csv` holds the words the event parser reads structure from:

- `head_end`: words that end a title's head phrase (`on`, `of`; `sur`, `de`), before
  which the event-type keyword is looked for;
- `statement`: finite verbs that make an item a statement of progress (`was`,
  `endorsed`; `a été`, `a approuvé`; `fue`, `aprobó`);
- `held`: verbs that say where and when an event took place; `title` is `keep` for a
  finite passive clause (`was held at`, `s'est tenue au`: the sentence is the title, as
  the seed's gold has it) and `cut` for a participle or active verb (`held in`,
  `took place in`, `organisé à`, `celebrado en`: the title ends where the phrase begins);
- `place_prep`, `date_prep`: words that open the place and the date after such a verb;
- `continuous`: timeframe words of a continuous activity (`Activité continue`).

Keyword tables (`event_types.csv`, `scope_keywords.csv`) are per language too. A
document is read with its own language's data and English (WCO reports cite English
titles), so adding a language is adding a folder: no code changes.
"""

from __future__ import annotations

import csv
import re
from functools import cache
from pathlib import Path

LANG_DATA = Path(__file__).with_name("data") / "lang"
DEFAULT = "en"


def available() -> tuple[str, ...]:
    found = sorted(p.name for p in LANG_DATA.iterdir() if p.is_dir())
    return tuple(sorted(found, key=lambda code: code != DEFAULT))


def for_document(language: str | None) -> tuple[str, ...]:
    """The languages a document's text is read in: its own, then English."""
    known = available()
    own = language if language in known else DEFAULT
    return tuple(dict.fromkeys([own, DEFAULT]))


def read_rows(code: str, name: str) -> list[dict[str, str]]:
    path = LANG_DATA / code / name
    if not path.is_file():
        return []
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@cache
def phrases(kind: str, languages: tuple[str, ...] = (DEFAULT,), title: str | None = None) -> tuple[str, ...]:
    """Regex alternatives of one kind in `phrases.csv`, longest first (so `a été` is tried
    before `a`); `title` filters `held` rows by their `title` column."""
    found: list[str] = []
    for code in languages:
        for row in read_rows(code, "phrases.csv"):
            if row["kind"] == kind and (title is None or row.get("title") == title):
                found += [p.strip() for p in _split_alternatives(row["phrase"]) if p.strip()]
    return tuple(sorted(dict.fromkeys(found), key=len, reverse=True))


def _split_alternatives(pattern: str) -> list[str]:
    """`a|b|(?:c|d)e` -> [a, b, (?:c|d)e]: split on top-level bars only."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(pattern):
        if ch == "(" and (i == 0 or pattern[i - 1] != "\\"):
            depth += 1
        elif ch == ")" and (i == 0 or pattern[i - 1] != "\\"):
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
    parts.append(pattern[start:])
    return parts


@cache
def words_pattern(kind: str, languages: tuple[str, ...] = (DEFAULT,), title: str | None = None) -> str:
    """One regex alternative group for `kind`, never matching when the data has none."""
    found = phrases(kind, languages, title)
    return "(?:" + "|".join(found) + ")" if found else "(?!)"


@cache
def compiled(template: str, languages: tuple[str, ...] = (DEFAULT,), ignore_case: bool = True) -> re.Pattern:
    """`template` with `{kind}` (or `{held:keep}`) placeholders filled from the data."""

    def fill(m: re.Match) -> str:
        kind, _, title = m.group(1).partition(":")
        return words_pattern(kind, languages, title or None)

    flags = re.IGNORECASE if ignore_case else 0
    return re.compile(re.sub(r"\{([a-z_]+(?::[a-z]+)?)\}", fill, template), flags)


@cache
def _acronym_map() -> tuple[re.Pattern | None, dict[str, str]]:
    """Every language's acronyms and their English form (`data/lang/<iso>/acronyms.csv`):
    `OMD` -> `WCO`, `ETM` -> `TRS`, `BAsD` -> `ADB`."""
    english: dict[str, str] = {}
    for code in available():
        for row in read_rows(code, "acronyms.csv"):
            english.setdefault(row["acronym"], row["english"])
    if not english:
        return None, {}
    alternatives = "|".join(map(re.escape, sorted(english, key=len, reverse=True)))
    return re.compile(r"(?<!\w)(?:" + alternatives + r")(?!\w)"), english


def known_acronyms() -> frozenset[str]:
    """The English acronyms the language data knows (`WCO`, `TRS`, `IPR`)."""
    return frozenset(_acronym_map()[1].values())


def english_acronyms(text: str) -> str:
    """The text with the acronyms other languages use written the English way, so that
    the same event's title carries the same marks in every language (`Atelier national
    sur l'ETM` -> `... l'TRS`). Case-sensitive, whole acronyms only."""
    pattern, english = _acronym_map()
    return pattern.sub(lambda m: english[m.group(0)], text) if pattern else text
