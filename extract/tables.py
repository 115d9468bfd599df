"""What every reader shares about action tables: header mapping, repeated header
rows, and rows that continue across a page break.

Readers hand over `RawTable`s (cells as lists of `RawParagraph`), in reading
order; `assemble_tables` gives back whole logical tables.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

from .glyphs import Glyphs
from .model import BODY, COL_NO

_DATA = Path(__file__).with_name("data")


@dataclass(frozen=True)
class RawParagraph:
    text: str
    style: str = BODY
    page: int | None = None
    # True when the source marks this paragraph as a new block (a bullet, a list
    # style, a block tag). Loose text at the top of a continuation cell carries on
    # the paragraph cut by the page break.
    opens: bool = True
    bbox: tuple[float, float, float, float] | None = None  # PDF only
    glyphs: Glyphs | None = None  # PDF only: where each character stands
    notes: tuple[str, ...] = ()  # footnotes whose markers the paragraph carried


@dataclass
class RawRow:
    cells: list[list[RawParagraph]]
    page: int | None = None


@dataclass
class RawTable:
    header: list[str]
    rows: list[RawRow] = field(default_factory=list)
    page: int | None = None

    @property
    def columns(self) -> list[str | None]:
        return map_header(self.header)


def _norm_header(text: str) -> str:
    text = re.sub(r"[*_]+", "", text)  # markdown emphasis some converters leave
    text = re.sub(r"\s*/\s*", " ", text.casefold())
    return " ".join(re.sub(r"[^\w#°]+", " ", text).split())


@cache
def _synonyms() -> tuple[dict[str, str], list[tuple[str, str]]]:
    exact: dict[str, str] = {}
    contains: list[tuple[str, str]] = []
    with open(_DATA / "header_synonyms.csv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            phrase = _norm_header(row["phrase"])
            if row["match"] == "exact":
                exact[phrase] = row["column"]
            else:
                contains.append((phrase, row["column"]))
    return exact, contains


def map_header_cell(text: str) -> str | None:
    norm = _norm_header(text)
    exact, contains = _synonyms()
    if norm in exact:
        return exact[norm]
    return next((col for phrase, col in contains if phrase and phrase in norm), None)


def map_header(cells: list[str]) -> list[str | None]:
    """Canonical column per header cell; None for a column we do not know."""
    return [map_header_cell(c) for c in cells]


def is_header_row(cells: list[str]) -> bool:
    """A row reads as an action-table header: an Action column and at least two
    other known, non-empty header cells."""
    named = [c for c, text in zip(map_header(cells), cells, strict=True) if c and text.strip()]
    return "action" in named and len(set(named)) >= 3


def _cell_text(paragraphs: list[RawParagraph]) -> str:
    return " ".join(p.text for p in paragraphs).strip()


def _is_repeated_header(row: RawRow, header: list[str]) -> bool:
    texts = [_cell_text(c) for c in row.cells]
    return [_norm_header(t) for t in texts] == [_norm_header(h) for h in header] or (
        is_header_row(texts) and map_header(texts) == map_header(header)
    )


def join_wrapped(before: str, after: str) -> str:
    """Join two pieces of a line the layout wrapped: with a space, except after a
    hyphen or slash that ends a word (`Cross-` + `Border`: converters break after a
    real hyphen, they do not insert one) and before closing punctuation."""
    before, after = before.rstrip(), after.lstrip()
    if not before or not after:
        return before + after
    glued = before.endswith(("-", "/")) and not before.endswith((" -", " /")) or after[0] in ",.;:)]"
    return before + after if glued else f"{before} {after}"


def _append_cell(into: list[RawParagraph], more: list[RawParagraph]) -> list[RawParagraph]:
    """Join a continuation cell onto the cell it continues."""
    if not more:
        return into
    if not into:
        return list(more)
    first = more[0]
    if first.opens:
        return into + list(more)
    # The page break cut a paragraph: carry it on.
    last = into[-1]
    text = join_wrapped(last.text, first.text)
    glyphs = last.glyphs
    if last.glyphs is not None and first.glyphs is not None:
        glyphs = last.glyphs + first.glyphs.shifted(len(text) - len(first.text.lstrip()))
    joined = replace(last, text=text, glyphs=glyphs, notes=last.notes + first.notes)
    return into[:-1] + [joined] + list(more[1:])


def _merge_rows(rows: list[RawRow], columns: list[str | None]) -> list[RawRow]:
    no_index = columns.index(COL_NO) if COL_NO in columns else None
    merged: list[RawRow] = []
    for row in rows:
        number = _cell_text(row.cells[no_index]) if no_index is not None else "x"
        if not number and merged:
            prev = merged[-1]
            prev.cells = [_append_cell(a, b) for a, b in zip(prev.cells, row.cells, strict=True)]
            continue
        merged.append(RawRow([list(c) for c in row.cells], row.page))
    return merged


def assemble_tables(blocks: list) -> list:
    """Merge tables split by page breaks and rows that continue on the next page.

    `blocks` mixes RawParagraphs (text outside tables) and RawTables in reading
    order. A table directly followed (blank paragraphs aside) by another with the
    same columns is one table cut by a page break; its repeated header is dropped.
    """
    out: list = []
    pending_blank: list[RawParagraph] = []
    for block in blocks:
        if isinstance(block, RawParagraph) and not block.text.strip():
            pending_blank.append(block)
            continue
        if isinstance(block, RawTable):
            block = RawTable(
                block.header,
                [r for r in block.rows if not _is_repeated_header(r, block.header)],
                block.page,
            )
            last = out[-1] if out else None
            if isinstance(last, RawTable) and last.columns == block.columns:
                last.rows.extend(block.rows)
                pending_blank = []
                continue
        out.extend(pending_blank)
        pending_blank = []
        out.append(block)
    out.extend(pending_blank)
    for block in out:
        if isinstance(block, RawTable):
            width = len(block.header)
            for r in block.rows:  # ragged rows: pad or fold extra cells into the last one
                if len(r.cells) < width:
                    r.cells += [[] for _ in range(width - len(r.cells))]
                elif len(r.cells) > width:
                    r.cells = r.cells[: width - 1] + [[p for c in r.cells[width - 1 :] for p in c]]
            block.rows = _merge_rows(block.rows, block.columns)
    return out
