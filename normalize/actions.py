"""Table rows -> actions: number, text, responsible body, work programme,
timeframe with its deadline."""

from __future__ import annotations

import re
from dataclasses import replace

from extract.model import (
    COL_ACTION,
    COL_NO,
    COL_REMARKS,
    COL_RESPONSIBLE,
    COL_TIMEFRAME,
    COL_WORK_PROGRAMME,
    Action,
    Document,
    Row,
    Table,
)
from extract.tables import norm_header

from . import lang
from .dates import find_date_ranges

# "Continuous activity", "Activité continue", "En curso": data/lang/<iso>/phrases.csv.
_CONTINUOUS = r"(?<!\w){continuous}(?!\w)"
_LIST_SPLIT = re.compile(r"\s*,\s*|\s*;\s*|\s+and\s+")


def _flat(text: str) -> str:
    return " ".join(text.split())


def split_bodies(text: str) -> tuple[str, ...]:
    """`A, B (PTC) and other related groups` -> (A, B (PTC), other related groups).

    Splits on commas, semicolons and "and", never inside parentheses.
    """
    parts, depth, start = [], 0, 0
    for m in re.finditer(r"[()]|" + _LIST_SPLIT.pattern, text):
        token = m.group(0)
        if token == "(":
            depth += 1
        elif token == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            parts.append(text[start : m.start()])
            start = m.end()
    parts.append(text[start:])
    return tuple(p.strip() for p in parts if p.strip())


def deadline_of(timeframe: str | None, reference=None) -> str | None:
    """The last date a timeframe names, as YYYY-MM (YYYY when only a year is known)."""
    if not timeframe:
        return None
    ranges = find_date_ranges(timeframe, reference)
    if not ranges:
        return None
    last = max(ranges, key=lambda r: r.end)
    return last.iso_end()[:7] if last.precision != "year" else last.iso_end()


def row_to_action(doc: Document, table: Table, row: Row, number: str | None = None) -> Action | None:
    """The row's action; `number` when the table has none (numbered by position)."""
    number = number or _flat(row.text_of(COL_NO)).rstrip(".")
    text = _flat(row.text_of(COL_ACTION))
    if not number and not text:
        return None
    responsible = _flat(row.text_of(COL_RESPONSIBLE)) or None
    timeframe = _flat(row.text_of(COL_TIMEFRAME)) or None
    section = table.section
    return Action(
        doc=doc.doc,
        source_file=doc.source_file,
        section_no=section.number if section else None,
        section_title=section.title if section else None,
        action_no=number,
        action_text=text,
        responsible_body=responsible,
        responsible_bodies=split_bodies(responsible) if responsible else (),
        work_programme=_flat(row.text_of(COL_WORK_PROGRAMME)) or None,
        timeframe=timeframe,
        deadline=deadline_of(timeframe, doc.reference_date),
        continuous=bool(
            timeframe and lang.compiled(_CONTINUOUS, lang.for_document(doc.language)).search(timeframe)
        ),
        page=row.page,
        char_start=row.start,
        char_end=row.end,
        row=row,
        remarks=_remarks(row),
    )


def _remarks(row: Row) -> str | None:
    """Every extra column (Remarks, Status, Comments, ...) of the row, in column order."""
    texts = [_flat(c.text) for c in row.cells if c.column == COL_REMARKS]
    return "; ".join(t for t in texts if t) or None


def _without_header_residue(table: Table, row: Row) -> Row:
    """A row numbered with a piece of the number column's header (`N` of `N°`) is the
    header repeated at a page break that the reader took for a row: its cells that are
    the start of their column's header (`Organe(s) responsa`, `Éché`) are dropped, and
    what is left (the rest of the row the break cut) carries on the action above."""
    headers = {column: norm_header(text) for column, text in zip(table.columns, table.header, strict=False)}
    number = norm_header(row.text_of(COL_NO))
    if not number or any(ch.isdigit() for ch in number) or not headers.get(COL_NO, "").startswith(number):
        return row
    kept = tuple(
        c for c in row.cells
        if not (c.text.strip() and headers.get(c.column, "").startswith(norm_header(c.text)))
    )  # fmt: skip
    return replace(row, cells=kept)


def _joined(first: Row, then: Row) -> Row:
    columns = list(dict.fromkeys([c.column for c in first.cells] + [c.column for c in then.cells]))
    cells = []
    for column in columns:
        parts = [c for c in (first.cell(column), then.cell(column)) if c is not None]
        paragraphs = tuple(p for c in parts for p in c.paragraphs)
        cells.append(replace(parts[0], paragraphs=paragraphs, start=parts[0].start, end=parts[-1].end))
    return replace(first, cells=tuple(cells), start=first.start, end=max(first.end, then.end))


def document_actions(doc: Document) -> list[Action]:
    """One action per numbered row; a row that only continues the one above (no number:
    see `_continuation`, or a header repeated at a page break) is joined to it, so its
    Progress items are not lost. A table with no number column at all numbers its actions
    by their order in the document (reported: `numbered_by_position`)."""
    actions: list[Action] = []
    tables: list[Table] = []
    for table in doc.tables:
        numbered = COL_NO in table.columns
        for row in table.rows:
            row = _without_header_residue(table, row)
            number = None
            if not numbered and _flat(row.text_of(COL_ACTION)):
                number = str(len(actions) + 1)
            elif _continuation(row) and actions and actions[-1].row is not None:
                joined = _joined(actions[-1].row, row)
                actions[-1] = row_to_action(doc, tables[-1], joined, actions[-1].action_no) or actions[-1]
                continue
            action = row_to_action(doc, table, row, number)
            if action is not None:
                actions.append(action)
                tables.append(table)
    return actions


def unnumbered_tables(doc: Document) -> list[Table]:
    """Action tables with no number column: their actions are numbered by position."""
    return [
        t for t in doc.tables if COL_NO not in t.columns and any(_flat(r.text_of(COL_ACTION)) for r in t.rows)
    ]


def _continuation(row: Row) -> bool:
    """A row with no number but some text: the rest of the row above, cut by a page
    break that the reader did not join (a repeated header it could not recognise, say)."""
    return not _flat(row.text_of(COL_NO)) and any(c.text.strip() for c in row.cells)


def unjoined_rows(doc: Document) -> list[Row]:
    """Continuation rows with no action above them to join: reported, not data."""
    rows = []
    for table in doc.tables:
        if COL_NO not in table.columns:
            return rows
        for row in table.rows:
            row = _without_header_residue(table, row)
            if not _continuation(row):
                return rows
            rows.append(row)
    return rows
