"""Document metadata read from the text outside the tables: title, as-of date,
issue date, type, and the numbered section headings the action tables belong to.

Format-neutral: it sees only the paragraphs a reader produced.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import cache

from .dates import as_of_date, find_date_ranges
from .language import LANG_DATA, languages
from .model import COL_PROGRESS, COL_TIMEFRAME, HEADING, Paragraph

# "Brussels, 19 September 2016." / "Bruxelles, le 19 septembre 2016." -- the place and
# date line of a WCO cover note: a capitalised place, a comma, then only a date (which
# the date grammar reads, articles such as "le" included).
_PLACE_COMMA = re.compile(r"^[^\W\d_][\w .'’-]{1,40},\s+", re.UNICODE)
# "1. AWARENESS-RAISING", "IV. REGIONAL INTEGRATION", "B. Capacity building"
_NUMBERED = re.compile(r"^\s*(\d{1,2}|[IVX]{1,5}|[A-H])\s*[.)]\s+(\S.*?)\s*$", re.DOTALL)
_ROMAN = {"I": 1, "V": 5, "X": 10}
_NOT_A_TITLE = re.compile(
    r"^(\(?item\b.*agenda\)?|[A-Z]{2}\d{3,}\w*|\*+|annex\b.*|[-–—\s*]+|page \d+.*|\d+)$", re.IGNORECASE
)
_MAX_HEADING = 200


def clean_heading(text: str) -> str:
    """Drop markdown emphasis and collapse whitespace."""
    return " ".join(re.sub(r"\*+|_{2,}", " ", text).split())


def find_as_of(paragraphs: list[Paragraph], limit: int = 12) -> date | None:
    """The `(AS OF 25 OCTOBER 2015)` date of the title lines (phrases per language in
    extract/data/lang/<code>/dates.toml), read by the one date grammar."""
    for p in paragraphs[:limit]:
        found = as_of_date(p.text)
        if found:
            return found[1].start
    return None


def issued_date(line: str) -> date | None:
    """The date of a cover note's `Brussels, 19 September 2016.` line, else None."""
    line = line.strip()
    m = _PLACE_COMMA.match(line)
    if not m or not line[0].isupper():
        return None
    rest = line[m.end() :].rstrip(" .")
    found = find_date_ranges(rest)
    if len(found) != 1 or found[0].precision != "day" or found[0].start != found[0].end:
        return None
    if found[0].start_char != 0 or found[0].end_char != len(rest):
        return None
    return found[0].start


def strip_as_of(text: str) -> str:
    """The text without its as-of phrase and date (and the parentheses around them)."""
    found = as_of_date(text)
    if not found:
        return text
    begin, end = found[0], found[1].end_char
    before, after = text[:begin], text[end:]
    if before.rstrip().endswith("(") and after.lstrip().startswith(")"):
        before, after = before.rstrip()[:-1], after.lstrip()[1:]
    return before + after


def find_issued(paragraphs: list[Paragraph], limit: int = 12) -> date | None:
    for p in paragraphs[:limit]:
        found = issued_date(p.text)
        if found:
            return found
    return None


@dataclass(frozen=True)
class _TitleRules:
    cover: re.Pattern  # a line of the cover block: issuing body, committee, session
    progress: re.Pattern  # a title that names a progress report
    action_plan: re.Pattern


@cache
def _title_rules() -> _TitleRules:
    """`data/lang/<iso>/title.csv` of every language: a title line may be in any of them
    (the WCO cover block is bilingual), and the title comes before the language is known."""
    found: dict[str, list[str]] = {"cover": [], "progress": [], "action_plan": []}
    for code in languages():
        path = LANG_DATA / code / "title.csv"
        if path.is_file():
            with open(path, encoding="utf-8", newline="") as f:
                for row in csv.DictReader(f):
                    found[row["kind"]].append(row["pattern"])

    def union(kind: str) -> str:
        return "|".join(f"(?:{p})" for p in found[kind]) or r"(?!)"

    return _TitleRules(
        re.compile(union("cover")),
        re.compile(union("progress")),
        re.compile(union("action_plan")),
    )


def fold(text: str) -> str:
    """Lower case, accents and typographic apostrophes away, whitespace collapsed: the
    form the title rules are written in."""
    text = unicodedata.normalize("NFKD", text.casefold().replace("’", "'"))
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).split())


def is_cover_line(text: str) -> bool:
    """`WORLD CUSTOMS ORGANIZATION`, `COMITÉ TECHNIQUE PERMANENT`, `- 211e/212e sessions -`:
    the cover block names who issued the document, not what it is."""
    return bool(_title_rules().cover.fullmatch(fold(text)))


def find_title(paragraphs: list[Paragraph], limit: int = 12) -> str | None:
    for p in paragraphs[:limit]:
        text = clean_heading(p.text)
        if not text or issued_date(text) or _NOT_A_TITLE.match(text) or is_cover_line(text):
            continue
        if _NUMBERED.match(text):  # the body has started: no title line
            return None
        title = strip_as_of(text).strip(" .-–")
        return title or None
    return None


def doc_type(title: str | None, table_columns: list[tuple[str, ...]]) -> str:
    rules, folded = _title_rules(), fold(title or "")
    if any(COL_PROGRESS in cols for cols in table_columns) or rules.progress.search(folded):
        return "progress_report"
    if rules.action_plan.search(folded) or any(COL_TIMEFRAME in c for c in table_columns):
        return "action_plan"
    return "other"


def heading_candidate(p: Paragraph) -> tuple[int | None, str] | None:
    """`1. AWARENESS-RAISING` -> (1, 'AWARENESS-RAISING'); None for a numbered
    paragraph of running text (it ends like a sentence or is too long). A paragraph
    the source styled as a heading counts without a number (Word's automatic
    numbering keeps the number out of the text): (None, title)."""
    m = _NUMBERED.match(p.text)
    if not m:
        title = clean_heading(p.text)
        if p.style == HEADING and title and len(title) <= _MAX_HEADING and title[-1] not in ".:;,":
            return None, title
        return None
    title = clean_heading(m.group(2))
    if not title or len(title) > _MAX_HEADING or title[-1] in ".:;," or "\n" in m.group(2).strip():
        return None
    return _number(m.group(1)), title


def _number(label: str) -> int:
    """Section number from an arabic, roman (IV) or letter (B) label."""
    if label.isdigit():
        return int(label)
    if all(c in _ROMAN for c in label):
        values = [_ROMAN[c] for c in label]
        return sum(-v if v < nxt else v for v, nxt in zip(values, [*values[1:], 0], strict=True))
    return ord(label) - ord("A") + 1


def is_section_heading(title: str, table_follows: bool) -> bool:
    """A numbered line heads a section when an action table follows it before the
    next candidate heading, or when it is set in capitals like a heading."""
    letters = [c for c in title if c.isalpha()]
    return table_follows or (bool(letters) and all(c.isupper() for c in letters))
