"""What every reader shares about action tables: header mapping, repeated header
rows, and rows that continue across a page break.

Readers hand over `RawTable`s (cells as lists of `RawParagraph`), in reading
order; `assemble_tables` gives back whole logical tables.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass, field, replace
from functools import cache

from . import meta
from .glyphs import Glyphs
from .language import LANG_DATA, languages
from .model import BODY, COL_NO, COL_PROGRESS, HEADING, Paragraph


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
    full_width: bool = False  # the reader saw one cell spanning the whole row


@dataclass
class RawTable:
    header: list[str]
    rows: list[RawRow] = field(default_factory=list)
    page: int | None = None
    # Set when the header spans several rows: each column's name from its own cells.
    column_names: list[str | None] | None = None

    @property
    def columns(self) -> list[str | None]:
        return self.column_names if self.column_names is not None else map_header(self.header)


@dataclass(frozen=True)
class SkippedTable:
    """A table the reader saw that is not an action table: its header, for the
    `no_action_table` report. Its text is handed over as paragraphs besides."""

    header: str
    page: int | None = None


_HEADER_CAP = 400  # a header cell is a few words; a longer one is no header
_PLURAL_MARK = re.compile(r"(?<=[^\W\d_)])\((?:s|es|x|e|ies)\)")
_WRAP_MIN = 6  # shortest contained phrase that may be matched across a narrow column's word breaks


def norm_header(text: str) -> str:
    # Capped and whitespace collapsed first, so that no pattern below ever scans a
    # long run of spaces (linear whatever the cell holds).
    text = " ".join(text[:_HEADER_CAP].split()).casefold()
    text = text.replace("*", "").replace("_", "").replace("/", " ")  # markdown emphasis, `Timeframe/Deadline`
    # Optional plural endings: `Organe(s) responsable(s)`, `Chef(s) de file`, `Body(ies)`.
    text = _PLURAL_MARK.sub("", text)
    # Capitals often lose their accents (`ETAT D'AVANCEMENT`): compare without them.
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w#°]+", " ", text).split())


@cache
def _synonyms() -> tuple[dict[str, str], list[tuple[str, str]]]:
    """Header phrases of every language (`data/lang/<iso>/header_synonyms.csv`), English
    first: the header is read before the document's language is known, and bilingual
    headers (`Mesure / Action`) mix two. Exact phrases, and contained phrases longest
    first (`status update` is Progress even though `status` alone is a Remarks column)."""
    exact: dict[str, str] = {}
    contains: list[tuple[str, str]] = []
    for code in languages():
        path = LANG_DATA / code / "header_synonyms.csv"
        if not path.is_file():
            continue
        with open(path, encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                phrase = norm_header(row["phrase"])
                if row["match"] == "exact":
                    exact.setdefault(phrase, row["column"])
                else:
                    contains.append((phrase, row["column"]))
    contains.sort(key=lambda pc: -len(pc[0]))
    return exact, contains


def _lookup(text: str) -> str | None:
    norm = norm_header(text)
    exact, contains = _synonyms()
    if norm in exact:
        return exact[norm]
    # A narrow column breaks its header inside words (`N` / `°`, `Éché` / `ance`,
    # `responsa` / `ble(s)`): contained phrases long enough not to be found by chance
    # inside another word are also looked for without spaces, and the longest found in
    # either way names the column; then the exact phrases without spaces.
    tight = norm.replace(" ", "")
    for phrase, col in contains:
        if phrase and (phrase in norm or (len(phrase) >= _WRAP_MIN and phrase.replace(" ", "") in tight)):
            return col
    return next((col for phrase, col in exact.items() if tight and phrase.replace(" ", "") == tight), None)


def _map_cell(text: str) -> str | None:
    col = _lookup(text)
    if col is None and re.search(r"\s/\s", text):
        # A bilingual header (`Mesure / Action`): each half names the column, or does not.
        halves = {_lookup(half) for half in re.split(r"\s/\s", text) if half.strip()}
        halves.discard(None)
        col = halves.pop() if len(halves) == 1 else None
    return col


def map_header_cell(text: str) -> str | None:
    col = _map_cell(text)
    return col.split("|")[0] if col else None


def map_header(cells: list[str]) -> list[str | None]:
    """Canonical column per header cell; None for a column we do not know.

    A column named `remarks|progress` in the synonyms (`Status`, `Results`) is an
    extra Remarks column beside a Progress column, and the Progress column of a
    table that has none."""
    raw = [_map_cell(c) for c in cells]
    # A blank header cell is the row-number column only in first place (elsewhere it
    # is the second half of a group cell spanning two columns).
    named_no = any(col == COL_NO and text.strip() for col, text in zip(raw, cells, strict=True))
    raw = [
        None if not t.strip() and (i > 0 or named_no) else c
        for i, (c, t) in enumerate(zip(raw, cells, strict=True))
    ]
    has_progress = COL_PROGRESS in raw
    out: list[str | None] = []
    for col in raw:
        if col and "|" in col:
            first, fallback = col.split("|", 1)
            col = first if has_progress or COL_PROGRESS in out else fallback
        out.append(col)
    return out


def is_header_row(cells: list[str]) -> bool:
    """A row reads as an action-table header: an Action column and at least two
    other known, non-empty header cells."""
    named = [c for c, text in zip(map_header(cells), cells, strict=True) if c and text.strip()]
    return "action" in named and len(set(named)) >= 3


def _cell_text(paragraphs: list[RawParagraph]) -> str:
    return " ".join(p.text for p in paragraphs).strip()


def _is_repeated_header(row: RawRow, header: list[str]) -> bool:
    texts = [_cell_text(c) for c in row.cells]
    return [norm_header(t) for t in texts] == [norm_header(h) for h in header] or (
        is_header_row(texts) and map_header(texts) == map_header(header)
    )


def join_wrapped(before: str, after: str, inside_word: bool = False) -> str:
    """Join two pieces of a line the layout wrapped: with a space, except after a
    hyphen or slash that ends a word (`Cross-` + `Border`: converters break after a
    real hyphen, they do not insert one), before closing punctuation, and where the
    reader saw the break cut a word (`inside_word`: a narrow PDF cell's `Regi` /
    `onal`, told by extract/wordbreak.py)."""
    before, after = before.rstrip(), after.lstrip()
    if not before or not after:
        return before + after
    glued = before.endswith(("-", "/")) and not before.endswith((" -", " /")) or after[0] in ",.;:)]"
    glued = glued or inside_word
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


_ROW_NUMBER = re.compile(r"^\(?[\dA-Za-z]{1,4}(?:\.\d{1,3})*[.)]?$")
_SUBHEADER_WORDS = 5


def _is_subheader(texts: list[str]) -> bool:
    """A second header row under the first (`Progress | Remarks` under a group cell
    `Implementation`): every non-empty cell is a short known header name."""
    filled = [t for t in texts if t]
    return bool(filled) and all(len(t.split()) <= _SUBHEADER_WORDS and map_header_cell(t) for t in filled)


def _absorb_subheaders(table: RawTable) -> RawTable:
    """Fold the header rows under the first one into the header. Each column is
    named from its lowest cell that names a column, else from the cells above."""
    header = list(table.header)
    names = map_header(header)
    rows = list(table.rows)
    while (
        rows and len(rows[0].cells) == len(header) and _is_subheader([_cell_text(c) for c in rows[0].cells])
    ):
        sub = _realign(names, [_cell_text(c) for c in rows.pop(0).cells])
        sub_names = map_header(sub)
        names = [n2 if t2 else n1 for n1, n2, t2 in zip(names, sub_names, sub, strict=True)]
        header = [" ".join(x for x in (h, t) if x) for h, t in zip(header, sub, strict=True)]
    if len(header) == len(table.header) and header == list(table.header):
        return table
    return RawTable(header, rows, table.page, names)


def _realign(names: list[str | None], sub: list[str]) -> list[str]:
    """A second header row written without its row spans (pandoc, some HTML
    converters put `Progress | Remarks` in the first grid columns, under `No` and
    `Action`): when its cells sit under columns the first row already names and
    there are exactly as many as the first row's unnamed (group or blank) columns,
    they belong under those, in order."""
    filled = [(i, t) for i, t in enumerate(sub) if t]
    open_columns = [i for i, n in enumerate(names) if n is None]
    if not any(names[i] is not None for i, _ in filled) or len(filled) != len(open_columns):
        return sub
    out = [""] * len(sub)
    for (_, text), j in zip(filled, open_columns, strict=True):
        out[j] = text
    return out


def section_row_heading(row: RawRow) -> str | None:
    """The heading a full-width row inside a table writes (`2. CAPACITY BUILDING`),
    or None for an ordinary row. The row's text stands in its first cell only (or
    the same text in every cell: a merged cell repeated), is not a bare row number,
    reads as a heading, and the layout or the text says so: one cell spanning the
    row, a number, or capitals."""
    texts = [_cell_text(c) for c in row.cells]
    filled = [t for t in texts if t]
    if len(texts) < 2 or not filled or len(set(filled)) != 1 or not texts[0]:
        return None
    text = filled[0]
    if (len(filled) == 1 and len(texts) > 1 and not row.full_width and not _looks_like_heading(text)) or (
        _ROW_NUMBER.match(text)
    ):
        return None
    candidate = meta.heading_candidate(Paragraph(text, 0, len(text), HEADING))
    return text if candidate else None


def _looks_like_heading(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    numbered = meta.heading_candidate(Paragraph(text, 0, len(text))) is not None
    return numbered or (len(letters) > 3 and all(c.isupper() for c in letters))


def split_table(table: RawTable) -> list:
    """A reader's table as blocks: its header rows folded into one, and cut at the
    section rows inside it (each becomes a heading paragraph between two tables
    with the same header, so the rows below it belong to that section)."""
    first_row = list(table.header)
    table = _absorb_subheaders(table)
    blocks: list = []
    current = RawTable(table.header, [], table.page, table.column_names)
    repeating = False  # inside header rows repeated after a page break
    for row in table.rows:
        if _is_repeated_header(row, first_row) or _is_repeated_header(row, table.header):
            repeating = True
            continue
        if repeating and _is_subheader([_cell_text(c) for c in row.cells]):
            continue
        repeating = False
        heading = section_row_heading(row)
        if heading is None:
            current.rows.append(row)
            continue
        if current.rows:
            blocks.append(current)
        blocks.append(RawParagraph(heading, HEADING, row.page))
        current = RawTable(table.header, [], row.page, table.column_names)
    if current.rows or not blocks:
        blocks.append(current)
    return blocks


def find_header(grid: list[RawRow], page: int | None = None, look: int = 3) -> list:
    """Blocks for a table as a reader found it (all rows, header included): the
    header is the first of the top `look` rows that reads as one (rows above it,
    a caption, become paragraphs). A table with no such row is handed back as
    paragraphs, with a `SkippedTable` naming the header it had."""
    for i, row in enumerate(grid[:look]):
        texts = [_cell_text(c) for c in row.cells]
        if is_header_row(texts):
            above = [p for r in grid[:i] for c in r.cells for p in c]
            return above + [RawTable(texts, list(grid[i + 1 :]), page if page is not None else row.page)]
    first = next((r for r in grid if any(_cell_text(c) for c in r.cells)), None)
    paragraphs = [replace(p, style=BODY) for r in grid for c in r.cells for p in c]
    if first is None:
        return paragraphs
    header = " | ".join(_cell_text(c) for c in first.cells)
    return [SkippedTable(header[:_HEADER_CAP], page if page is not None else first.page), *paragraphs]


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
    expanded = [
        b for block in blocks for b in (split_table(block) if isinstance(block, RawTable) else [block])
    ]
    for block in expanded:
        if isinstance(block, RawParagraph) and not block.text.strip():
            pending_blank.append(block)
            continue
        if isinstance(block, RawTable):
            block = RawTable(
                block.header,
                [r for r in block.rows if not _is_repeated_header(r, block.header)],
                block.page,
                block.column_names,
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


def no_action_table_reason(doc) -> str:
    """Why a `Document` gave no action: the `no_action_table` warning's detail."""
    if doc.tables:
        return "the action table has no rows"
    if not doc.skipped_tables:
        return "no table at all"
    header = doc.skipped_tables[0]
    more = f" (and {len(doc.skipped_tables) - 1} other tables)" if len(doc.skipped_tables) > 1 else ""
    named = sorted({c for c in map_header(header.split(" | ")) if c})
    if not named:
        return f"a table whose header names no known column: '{header}'{more}"
    return f"a table whose header names no action column (only {', '.join(named)}): '{header}'{more}"


def unassigned_cells(doc) -> list[tuple[str, int | None, str, int, int]]:
    """Text in table cells under a header that names no known column, or a column the
    row already has (a header misread so that two columns take one name: only the first
    is read): (header, page, text, start, end) for each. Not data, so reported
    (`unassigned_cell`)."""
    out = []
    for table in doc.tables:
        known = dict(zip(table.columns, table.header, strict=True))
        for row in table.rows:
            seen: set[str] = set()
            for cell in row.cells:
                again = cell.column in seen
                seen.add(cell.column)
                if (cell.column.startswith("column_") or again) and cell.text.strip():
                    header = known.get(cell.column, "") or "(no header)"
                    out.append((header, row.page, " ".join(cell.text.split()), cell.start, cell.end))
    return out
