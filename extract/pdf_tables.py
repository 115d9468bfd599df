"""Action tables found on a PDF page from what every producer leaves there,
whatever it draws: the header words, where the columns of text start and stop,
ruling lines when there are any, and the row numbers of the first column.

- The **header** is a band of lines whose pieces of text (split at wide gaps) name
  known columns (extract/tables.map_header_cell); a piece lying over two
  sub-headers of the next line is a group cell (`Implementation` above `Progress`
  and `Remarks`) and names no column itself. A blank header cell above the row
  numbers is the number column.
- **Column boundaries** are the vertical rules between header cells when drawn,
  else the widest strip between two header cells that no body text crosses.
- **Rows** start at a row number in the number column (or at a horizontal rule
  just above it); lines before the first number on a page continue the row the
  page break cut. A line that runs across a column boundary is not a row: it is a
  section heading inside the table, or the text after it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .model import COL_ACTION, COL_NO
from .tables import _synonyms, map_header_cell, norm_header

_ROW_NUMBER = re.compile(r"^\(?(?:[A-Z]\.)?\d{1,3}(?:\.\d{1,3}){0,3}[.)]?$")
_HEADER_GAP = 0.6  # a gap wider than this share of the font size splits header pieces
_NUMBER_SIGNS = "°#№"  # the second half of `N°` when a narrow cell wraps it (`N` / `°`)
_WORD_GAP = 0.35  # ... and this one separates words: narrower gaps are inside a word


@dataclass
class Piece:
    """A run of characters on one line with no wide gap inside."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    line: int  # index of its line in the page's lines
    bold: bool

    def overlaps(self, other: Piece) -> bool:
        return min(self.x1, other.x1) - max(self.x0, other.x0) > 0.5


@dataclass
class Column:
    name: str | None
    header: str
    x0: float
    x1: float


@dataclass
class Header:
    columns: list[Column]
    first: int  # index of the header's first and last line
    last: int
    bottom: float

    @property
    def texts(self) -> list[str]:
        return [c.header for c in self.columns]


def _size(chars: list[dict]) -> float:
    sizes = sorted(c["size"] for c in chars if c["text"].strip())
    return sizes[len(sizes) // 2] if sizes else 10.0


def pieces(line: dict, index: int, gap: float = _HEADER_GAP) -> list[Piece]:
    chars = [c for c in line.get("chars", []) if c["text"].strip()]
    if not chars:
        return []
    size = _size(chars)
    out: list[list[dict]] = [[chars[0]]]
    for c in chars[1:]:
        if c["x0"] - out[-1][-1]["x1"] > gap * size:
            out.append([c])
        else:
            out[-1].append(c)
    result = []
    for group in out:
        if not any(c["text"].isalnum() or c["text"] in _NUMBER_SIGNS for c in group):
            continue  # a bullet or a rule drawn with characters: no header word
        text = group[0]["text"]
        for a, b in zip(group, group[1:], strict=False):
            text += (" " if b["x0"] - a["x1"] > 0.15 * size else "") + b["text"]
        result.append(
            Piece(
                text, group[0]["x0"], max(c["x1"] for c in group), line["top"], line["bottom"], index,
                "bold" in group[0]["fontname"].lower(),
            )
        )  # fmt: skip
    return result


def _anchor(segs: list[Piece]) -> bool:
    names = [map_header_cell(s.text) for s in segs]
    return COL_ACTION in names and len({n for n in names if n}) >= 2


def _continues_header(segs: list[Piece], block: list[Piece], bold: bool) -> bool:
    """A line wrapped from the header cells above it (`Responsible` / `body`) or
    the sub-headers below a group cell; a body row fails on its number or text."""
    evidence = False
    for s in segs:
        over = [b for b in block if s.overlaps(b)]
        alone = map_header_cell(s.text)
        short = len(s.text.split()) <= 4 and s.bold == bold
        if not short and alone is None:
            return False
        if not over:
            evidence |= alone is not None
            continue
        stacked = all(a.overlaps(b) for a in over for b in over)  # one header cell wrapped
        if not stacked:  # a group cell spanning sub-headers
            continue
        name = map_header_cell(" ".join(p.text for p in sorted(over, key=lambda p: p.line)))
        texts = [p.text for p in sorted([*over, s], key=lambda p: p.line)]
        merged = map_header_cell(" ".join(texts)) or map_header_cell("".join(texts))  # `N` / `o.`
        if name is None:  # a sub-header under a group cell, or the words that complete a cell
            evidence |= alone is not None or merged is not None
            continue
        if any(ch.isdigit() for ch in s.text) or merged != name:
            return False  # header words carry no numbers; body text under a header does
        evidence = True
    return evidence


@cache
def _action_words() -> tuple[str, ...]:
    """The words an Action header cell is written with (`action`, `activity`, ...)."""
    exact, _ = _synonyms()
    return tuple(phrase for phrase, column in exact.items() if column == COL_ACTION and phrase)


def find_header(lines: list[dict], start: int, hrules: list[tuple] = ()) -> Header | None:
    text = norm_header(lines[start]["text"])  # the words of the synonyms: no accents (`Activité`)
    if not any(word in text for word in _action_words()):  # cheap: most lines are no header
        return None
    segs = pieces(lines[start], start)
    if not _anchor(segs):
        return None
    x0, x1 = min(s.x0 for s in segs), max(s.x1 for s in segs)
    # A rule across the whole header closes it: what follows is the body.
    closing = [y for a, b, y in hrules if a <= x0 + 2 and b >= x1 - 2]
    bold = any(s.bold for s in segs)
    block = list(segs)
    first = last = start
    for step in (1, -1):
        k = start + step
        while 0 <= k < len(lines):
            prev = lines[k - step]
            line = lines[k]
            height = max(prev["bottom"] - prev["top"], 1.0)
            gap = (line["top"] - prev["bottom"]) if step == 1 else (prev["top"] - line["bottom"])
            more = pieces(line, k)
            lo, hi = sorted((prev["bottom"], line["top"]) if step == 1 else (line["bottom"], prev["top"]))
            ruled = any(lo - 1 <= y <= hi + 1 for y in closing)
            if gap > 0.8 * height or ruled or not _continues_header(more, block, bold):
                break
            block += more
            first, last = min(first, k), max(last, k)
            k += step
    # Group cells: a piece over two or more pieces of another line names no column.
    group = set()
    for s in block:
        below = [o for o in block if o.line > s.line and s.overlaps(o)]
        if any(not a.overlaps(b) for a in below for b in below):  # over two cells side by side
            group.add(id(s))
    kept = [s for s in block if id(s) not in group]
    clusters: list[list[Piece]] = []
    for s in sorted(kept, key=lambda p: p.x0):
        target = next((c for c in clusters if any(s.overlaps(o) for o in c)), None)
        if target is None:
            clusters.append([s])
        else:
            target.append(s)
    columns = []
    for c in clusters:
        parts = [p.text for p in sorted(c, key=lambda p: (p.line, p.x0))]
        text = " ".join(parts)
        # A narrow cell may break a word (`N` / `o.`, `Timefram` / `e/`): try it joined.
        name = map_header_cell(text)
        if name is None and map_header_cell("".join(parts)):
            text = "".join(parts)
            name = map_header_cell(text)
        columns.append(Column(name, text, min(p.x0 for p in c), max(p.x1 for p in c)))
    names = [c.name for c in columns if c.name]
    if COL_ACTION not in names or len(set(names)) < 3:
        return None
    bottom = max(line["bottom"] for line in lines[first : last + 1])
    return Header(columns, first, last, bottom)


def add_number_column(header: Header, body: list[dict], vrules: list[float], before: Header | None) -> None:
    """A header whose first cell is blank: the row numbers left of its first named
    column make a column of their own (seen from the text, the rules, or the same
    table's header on the page before)."""
    if any(c.name == COL_NO for c in header.columns):
        return
    first = header.columns[0]
    same = before is not None and [c.name for c in before.columns[1:]] == [c.name for c in header.columns]
    if same and before.columns[0].name == COL_NO and before.columns[0].header == "":
        header.columns.insert(0, before.columns[0])
        return
    ruled = sorted(x for x in vrules if x < first.x0 - 2)
    if len(ruled) >= 2 and first.x0 - ruled[-2] < 120:
        header.columns.insert(0, Column(COL_NO, "", ruled[-2] + 1, ruled[-1] - 1))
        return
    left = [c for line in body for c in line.get("chars", []) if c["text"].strip() and c["x1"] < first.x0 - 2]
    if left:
        header.columns.insert(0, Column(COL_NO, "", min(c["x0"] for c in left), max(c["x1"] for c in left)))


def boundaries(header: Header, body: list[dict], vrules: list[float]) -> list[float]:
    """x where each column after the first starts."""
    out = []
    cols = header.columns
    for a, b in zip(cols, cols[1:], strict=False):
        lo, hi = a.x1, b.x0
        ruled = [x for x in vrules if lo - 0.5 <= x <= hi + 0.5]
        if ruled:
            out.append(min(ruled, key=lambda x: abs(x - hi)))
            continue
        out.append(_free_strip(body, lo, hi) if hi - lo > 1 else hi - 1)
    return out


def _free_strip(body: list[dict], lo: float, hi: float) -> float:
    """The right end of the last strip (2 pt wide at least) in [lo, hi] that no body line crosses."""
    step = 0.5
    bins = max(int((hi - lo) / step), 1)
    count = [0] * bins
    for line in body:
        chars = [c for c in line.get("chars", []) if c["text"].strip()]
        if not chars:
            continue
        size = _size(chars)
        covered = set()
        for k, c in enumerate(chars):
            x0, x1 = c["x0"], c["x1"]
            if k + 1 < len(chars) and chars[k + 1]["x0"] - x1 < _WORD_GAP * size:
                x1 = chars[k + 1]["x0"]
            for i in range(max(int((x0 - lo) / step), 0), min(int((x1 - lo) / step) + 1, bins)):
                covered.add(i)
        if len(covered) >= 0.95 * bins:
            continue  # a full-width line (a section row inside the table) crosses every gutter
        for i in covered:
            count[i] += 1
    best, run_start = (0, None), None
    for i in range(bins + 1):
        free = i < bins and count[i] == 0
        if free and run_start is None:
            run_start = i
        if not free and run_start is not None:
            # The gutter is the strip nearest the next column's header (a strip further
            # left may be a chance gap between words of a short page's few lines).
            if (i - run_start) * step >= 2.0 or i - run_start > best[0] and best[0] * step < 2.0:
                best = (i - run_start, run_start)
            run_start = None
    if best[1] is None or best[0] * step < 1.0:
        return hi - 1
    # Where the next column's text starts (a list's drawn bullets stand in the gutter).
    return lo + (best[1] + best[0]) * step - min(1.0, best[0] * step / 2)


def column_of(x: float, starts: list[float]) -> int:
    k = 0
    for i, s in enumerate(starts):
        if x >= s:
            k = i + 1
    return k


def crosses(line: dict, starts: list[float]) -> bool:
    """The line runs across a column boundary: a word or a normal space spans it."""
    chars = [c for c in line.get("chars", []) if c["text"].strip()]
    if not chars:
        return False
    size = _size(chars)
    for a, b in zip(chars, chars[1:], strict=False):
        if b["x0"] - a["x1"] < _WORD_GAP * size * 1.6:
            for s in starts:
                if (a["x0"] + a["x1"]) / 2 < s < (b["x0"] + b["x1"]) / 2:
                    return True
    return False


def is_row_number(text: str) -> bool:
    return bool(_ROW_NUMBER.match(text.strip()))
