"""The one spaCy pipeline: a blank English tokenizer, a rule-based sentencizer and
an entity ruler built from our reference tables (countries, cities, venues,
organisations).

No statistical model: on seed 000 the pretrained `en_core_web_sm` GPE entities
add nothing the tables do not already give (all locations sit in parentheticals
or name table entries), and its sentence parser splits "Doc. SP0514" and "(FoS)"
where the sentencizer does not need to. Loading it would also triple start-up time.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .places import all_place_names

_DATA = Path(__file__).with_name("data")


@dataclass(frozen=True)
class Organisation:
    acronym: str
    name: str


@cache
def organisations() -> dict[str, Organisation]:
    """Every spelling (acronym, name, alias) -> its organisation."""
    out: dict[str, Organisation] = {}
    with open(_DATA / "organisations.csv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            org = Organisation(row["acronym"], row["name"])
            for spelling in [row["acronym"], row["name"], *row["aliases"].split("|")]:
                if spelling.strip():
                    out[spelling.strip()] = org
    return out


@cache
def get_nlp():
    """Build the pipeline once per process."""
    import spacy  # deferred: importing spaCy costs a second the CLI's --help should not pay

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "ORTH", "overwrite_ents": True})
    patterns = []
    for spelling, label, iso3 in all_place_names():
        patterns.append({"label": label, "pattern": spelling, "id": iso3})
    for spelling, org in organisations().items():
        patterns.append({"label": "ORG", "pattern": spelling, "id": org.acronym})
    ruler.add_patterns(patterns)
    return nlp


# spaCy's tokenizer strips prefixes and suffixes one at a time, searching the rest of
# the token again each time: a run of 8,000 `(` took 8 s and grew with the square of
# its length. No word, number or reference is this long without a space, so inside
# such a run one character in every `_RUN_PIECE` becomes a space: the text keeps its
# length (every offset stays valid) and each piece tokenizes in linear time.
_LONG_RUN = re.compile(r"\S{65,}")
_RUN_PIECE = 32


def _breakable(text: str) -> str:
    def cut(m: re.Match) -> str:
        chars = list(m.group())
        for i in range(_RUN_PIECE - 1, len(chars) - 1, _RUN_PIECE):
            chars[i] = " "
        return "".join(chars)

    return _LONG_RUN.sub(cut, text)


def analyse(text: str):
    """A spaCy Doc with sentences and table-driven entities. Offsets index `text`
    (over-long runs without a space are cut into pieces; see `_breakable`)."""
    return get_nlp()(_breakable(text))
