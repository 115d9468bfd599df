"""The language a report is written in, from its own words (never its file name).

Each language lists its most frequent function words (`extract/data/lang/<iso>/
function_words.txt`); the language whose words occur most often in the text wins.
Function words carry the language of the running text rather than of the names it
cites, so a French report that quotes English titles or has bilingual column headers
(`Mesure / Action`) still reads as French. Adding a language is adding its folder.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from pathlib import Path

LANG_DATA = Path(__file__).with_name("data") / "lang"
DEFAULT = "en"
# Below this many function words the text says too little to overrule the default.
_MIN_EVIDENCE = 5
# Apostrophes split elided articles off their noun: "l'OMD" -> "l", "omd".
_WORD = re.compile(r"[^\W\d_]+")


def languages() -> tuple[str, ...]:
    """Every language with a data folder, English first."""
    found = sorted(p.name for p in LANG_DATA.iterdir() if p.is_dir())
    return tuple(sorted(found, key=lambda code: code != DEFAULT))


def read_list(path: Path) -> tuple[str, ...]:
    """Lines of a word-list file, `#` comments and blank lines aside."""
    if not path.is_file():
        return ()
    lines = (line.split("#", 1)[0].strip() for line in path.read_text(encoding="utf-8").splitlines())
    return tuple(line for line in lines if line)


@cache
def _function_words() -> dict[str, frozenset[str]]:
    return {code: frozenset(read_list(LANG_DATA / code / "function_words.txt")) for code in languages()}


def language_scores(text: str) -> dict[str, int]:
    """How many function words of each language the text holds."""
    counts = Counter(w.casefold() for w in _WORD.findall(text))
    return {code: sum(counts[w] for w in words) for code, words in _function_words().items()}


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language; English when the text is too short to tell.

    Ties go to English, then to the earlier language in `languages()`, so the result
    never depends on dictionary order.
    """
    scores = language_scores(text)
    best = max(scores, key=lambda code: (scores[code], code == DEFAULT))
    if scores[best] < _MIN_EVIDENCE or scores[best] == scores.get(DEFAULT, 0):
        return DEFAULT
    return best
