"""The matching key of a place name, shared by the country, city and venue tables.

Every table lookup compares `normalize_name(text)` with the keys of the tables in
`data/`, so a spelling matches whatever its case, accents, apostrophes or punctuation.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from pathlib import Path

DATA = Path(__file__).with_name("data")
# A place text is short: the longest country name ("United Kingdom of Great Britain and
# Northern Ireland") has 52 characters. Longer text is prose, and looking it up would only
# cost time (every function here is linear in this bound, whatever the input).
MAX_PLACE_LEN = 160

# Apostrophe look-alikes are mapped before NFKD: NFKD turns the spacing acute U+00B4 into a
# space plus a combining mark, which would split "d´Ivoire" into two words.
_TRANSLATE = {**dict.fromkeys(map(ord, "’‘‛`´ʼʻʹ′"), "'"), **dict.fromkeys(map(ord, "‐‑‒–—―−"), "-")}
_INITIAL_DOT = re.compile(r"(?<=\b\w)\.")  # U.S.A. -> USA, D.C. -> DC; "St. Kitts" keeps its space
_ACRONYM = re.compile(r"\w{2,10}")
_ELISION = re.compile(r"(?<!\w)([ld])'(?=\w)")  # French "l'Équateur", "d'Angola": two words
_NON_WORD = re.compile(r"[\W_]+")


def fold(text: str) -> str:
    """Case and accents removed; apostrophe and dash look-alikes unified."""
    text = text.translate(_TRANSLATE)
    # NFKD on both sides of casefold: casefold("İ") yields "i" + a combining dot.
    text = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", text).casefold())
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def _is_acronym_of(acronym: str, words: str) -> bool:
    """`uae` abbreviates `united arab emirates`: its letters are a subsequence of the initials."""
    initials = iter(w[0] for w in re.findall(r"\w+", words))
    return all(letter in initials for letter in acronym)


def _drop_own_acronym(text: str) -> str:
    """`name (ACRONYM)` -> `name` when the acronym abbreviates the name (no regex: linear)."""
    stripped = text.rstrip()
    if not stripped.endswith(")"):
        return text
    open_ = stripped.rfind("(")
    head, inner = stripped[:open_].strip(), stripped[open_ + 1 : -1].strip()
    if open_ < 0 or not head or "(" in head or ")" in head or not _ACRONYM.fullmatch(inner):
        return text
    return head if _is_acronym_of(inner, head) else text


def normalize_name(text: str) -> str:
    """The matching key of a place name: no accents, case, apostrophes or punctuation
    (an elided French article is a word of its own: "d'Ivoire" -> "d ivoire"),
    no leading "the", no trailing acronym of the name itself ("United Arab Emirates (UAE)"),
    "st" spelled "saint". Idempotent."""
    text = _ELISION.sub(r"\1 ", fold(text)).replace("'", "").replace("&", " and ")
    text = _INITIAL_DOT.sub("", text)
    # Only an acronym of the preceding words is dropped: "Korea (DPRK)" must not become "Korea".
    text = _drop_own_acronym(text)
    words = _NON_WORD.sub(" ", text).split()
    while len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join("saint" if w == "st" else w for w in words)


def read_table(name: str) -> list[dict[str, str]]:
    """Rows of a CSV under data/ ({} when a language has no such file)."""
    path = DATA / name
    if not path.exists():
        return []
    # The csv module, not pandas: pandas would read Namibia's "NA" as a missing value.
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def spellings(name: str, aliases: str = "") -> list[str]:
    return [name, *(a.strip() for a in aliases.split("|") if a.strip())]
