"""A title's topic, in words that do not depend on the report's language.

An event with no place or no date can only be told apart by what its title is about.
So that the English and the French version of a report give such an event the same
key, each title word is mapped to a *concept*, an English word, by the glossaries in
`data/lang/<iso>/concepts.csv` (`gestion des risques` -> `risk management`,
`dépliant` -> `leaflet`, `a approuvé` -> `approve`). A glossary row is

    words,concept
    gestion des risques|gestion du risque,risk management
    le|la|les|de|du|des,-

where `words` lists the forms (one word or several, accents and capitals optional) and
`concept` the English words they stand for; `-` marks words that tell nothing (articles,
prepositions, auxiliaries). A concept made of digits (`deuxième` -> `2`) is an ordinal:
it counts as a number, like the `2` of `2nd`. Words no glossary knows are kept as they
are (`Mercator`, `Istanbul`): two versions of a title agree when each of their words is
either the same in both languages or in the glossaries; otherwise their topics differ
and the two mentions are not matched, which is a missed match, never a wrong one.

Every language's glossary is read for every title (a French report cites English
titles, and an event record does not carry its report's language). Plurals are
folded by one rule shared by the glossaries and the titles (`risques` -> `risque`).
"""

from __future__ import annotations

import re
from functools import cache

from extract.date_words import LANGUAGES as DATE_LANGUAGES
from extract.date_words import vocab

from . import lang
from .countries import country_spellings
from .placenames import fold

IGNORED = "-"
_ORDINAL_DIGITS = re.compile(r"\d+(?:st|nd|rd|th|e|er|re|eme|ème|o|a|º|ª)?")


_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE"})  # kept by NFKD


def tokens(text: str) -> list[str]:
    """The words and numbers of a text, folded (placenames.fold: case and accents away,
    `œ` spelled out): `l'Équateur` -> [l, equateur], `mise en œuvre` -> [mise, en, oeuvre]."""
    return re.findall(r"[a-z0-9]+", fold(text.translate(_LIGATURES)))


def singular(word: str) -> str:
    """One plural rule for glossaries and titles alike (`risques`, `courses`, `travaux`):
    a key for looking words up, not a grammar."""
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    if len(word) > 4 and word.endswith("aux"):
        return word[:-1]
    return word


@cache
def _glossary() -> tuple[dict[tuple[str, ...], tuple[str, ...]], dict[tuple[str, ...], tuple[str, ...]]]:
    """(exact forms, singular forms) -> concept words, over every language's glossary.
    A form two languages give different concepts keeps the first (English first)."""
    exact: dict[tuple[str, ...], tuple[str, ...]] = {}
    folded: dict[tuple[str, ...], tuple[str, ...]] = {}
    for code in lang.available():
        for row in lang.read_rows(code, "concepts.csv"):
            concept = () if row["concept"].strip() == IGNORED else tuple(tokens(row["concept"]))
            for form in row["words"].split("|"):
                words = tuple(tokens(form))
                if words:
                    exact.setdefault(words, concept)
                    folded.setdefault(tuple(map(singular, words)), concept)
    # Country names in every language (`Swaziland`, `Suazilandia` -> swz), after the
    # glossaries: `réunion` is a meeting before it is Réunion. Short names (`US`) are left out.
    for spelling, iso3 in country_spellings(lang.available()):
        words = tuple(tokens(spelling))
        if words[1:] in exact:  # `La Réunion`: an article before a glossary word
            continue
        if words and (len(words) > 1 or len(words[0]) >= 4):
            exact.setdefault(words, (iso3.lower(),))
    # Month and weekday names say when, which the key holds as dates already.
    calendar = vocab(DATE_LANGUAGES)
    for name in [*calendar.months, *(w for w in calendar.weekdays if len(w) > 4)]:
        words = tuple(tokens(name))
        if len(words) == 1:
            exact.setdefault(words, ())
    return exact, folded


@cache
def _longest_form() -> int:
    return max(map(len, _glossary()[0]), default=1)


_SPELLING = (("ph", "f"), ("th", "t"), ("qu", "c"), ("k", "c"), ("y", "i"), ("cion", "tion"))
_SKELETON_LENGTH = 7


def skeleton(word: str) -> str:
    """A word's spelling reduced to what cognates share across English, French and
    Spanish (`transparency`, `transparence`, `transparencia` -> `transpa`;
    `methodology`, `méthodologie`, `metodología` -> `metodol`): a few spelling
    equivalences, doubled letters single, a final `a`, `e` or `o` dropped, the
    first seven letters. Numbers are kept."""
    if not word.isalpha():
        return word
    for old, new in _SPELLING:
        word = word.replace(old, new)
    word = re.sub(r"(.)\1+", r"\1", word)
    if len(word) > 4 and word[-1] in "aeo":  # `modèle`, `modelo`: `model`
        word = word[:-1]
    return word[:_SKELETON_LENGTH]


def concepts(text: str) -> list[str]:
    """The text's words as concepts, in order: glossary forms (longest first) replaced
    by their concept, ignored words dropped, other words kept; each as its `skeleton`."""
    return [skeleton(w) for w in concept_words(text)]


def concept_words(text: str) -> list[str]:
    """`concepts` before the skeleton: `Revised Kyoto Convention` -> [rkc]."""
    exact, folded = _glossary()
    words = tokens(text)
    out: list[str] = []
    i = 0
    while i < len(words):
        for size in range(min(_longest_form(), len(words) - i), 0, -1):
            span = tuple(words[i : i + size])
            concept = exact.get(span)
            if concept is None:
                concept = folded.get(tuple(map(singular, span)))
            if concept is not None:
                out += concept
                i += size
                break
        else:
            out.append(singular(words[i]))
            i += 1
    return out


def ordinal_numbers(words: list[str] | tuple[str, ...], text: str) -> set[str]:
    """Numbers a title names in words or with an ordinal suffix: its concept `words`
    that are digits (`Second`, `deuxième` -> 2) and the ordinals of its `text` (`20th`,
    `20 th`, `20e` -> 20)."""
    found = {w for w in words if w.isdigit()}
    found |= {re.match(r"\d+", t).group(0) for t in tokens(text) if _ORDINAL_DIGITS.fullmatch(t)}
    return {str(int(n)) for n in found}


def is_number(word: str) -> bool:
    """A number or an ordinal written with digits (`2015`, `20e`, `3rd`)."""
    return bool(_ORDINAL_DIGITS.fullmatch(word))
