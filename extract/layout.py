"""Lay out a reader's raw blocks as one canonical `Document.text`.

Every paragraph (outside tables, and inside each table cell) is written on its own
line, so spans are easy to read back and identical blocks give identical text
whatever the source format.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from . import meta
from .language import detect_language
from .model import Cell, Document, Paragraph, Row, Section, Table
from .tables import RawParagraph, RawTable, SkippedTable, assemble_tables


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


class _Writer:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pos = 0

    def write(self, raw: RawParagraph) -> Paragraph:
        text = raw.text.strip()
        start = self.pos
        self.parts.append(text + "\n")
        self.pos += len(text) + 1
        glyphs = raw.glyphs.shifted(-(len(raw.text) - len(raw.text.lstrip()))) if raw.glyphs else None
        return Paragraph(text, start, start + len(text), raw.style, raw.page, raw.bbox, glyphs, raw.notes)


def build_document(
    path: Path,
    fmt: str,
    blocks: list,
    page_count: int | None = None,
    warnings: tuple[str, ...] = (),
    furniture: list[RawParagraph] = (),
) -> Document:
    """`blocks`: RawParagraphs and RawTables in reading order, as the reader found them.
    `furniture`: running headers and footers, page numbers, footnote bodies the reader
    set apart; written after the body text, so their spans are real but no stage
    that reads the body meets them."""
    writer = _Writer()
    paragraphs: list[Paragraph] = []
    laid_tables: list[tuple[RawTable, list[Row], int]] = []  # (raw, rows, index in paragraphs)
    skipped: list[str] = []
    for block in assemble_tables(blocks):
        if isinstance(block, SkippedTable):
            skipped.append(block.header)
            continue
        if isinstance(block, RawParagraph):
            if block.text.strip():
                paragraphs.append(writer.write(block))
            continue
        columns = [c or f"column_{i + 1}" for i, c in enumerate(block.columns)]
        rows = []
        for raw_row in block.rows:
            cells = []
            for column, raw_cell in zip(columns, raw_row.cells, strict=True):
                paras = tuple(writer.write(p) for p in raw_cell if p.text.strip())
                if paras:
                    cells.append(Cell(column, paras, paras[0].start, paras[-1].end))
            if cells:
                rows.append(Row(tuple(cells), raw_row.page, cells[0].start, cells[-1].end))
        laid_tables.append((block, rows, len(paragraphs)))

    sections = _find_sections(paragraphs, [i for _, _, i in laid_tables])
    tables = []
    for raw, rows, index in laid_tables:
        before = [s for s in sections if s.start < (paragraphs[index - 1].end if index else 0) + 1]
        columns = tuple(c or f"column_{i + 1}" for i, c in enumerate(raw.columns))
        tables.append(
            Table(tuple(raw.header), columns, tuple(rows), before[-1] if before else None, raw.page)
        )

    kept = tuple(writer.write(p) for p in furniture if p.text.strip())
    title = meta.find_title(paragraphs)
    return Document(
        source_file=str(path),
        doc=path.stem,
        format=fmt,
        sha256=file_sha256(path),
        text="".join(writer.parts),
        title=title,
        as_of=meta.find_as_of(paragraphs),
        issued=meta.find_issued(paragraphs),
        doc_type=meta.doc_type(title, [t.columns for t in tables]),
        paragraphs=tuple(paragraphs),
        sections=tuple(sections),
        tables=tuple(tables),
        page_count=page_count,
        warnings=warnings,
        language=detect_language("".join(writer.parts)),
        furniture=kept,
        skipped_tables=tuple(skipped),
    )


def _find_sections(paragraphs: list[Paragraph], table_positions: list[int]) -> list[Section]:
    """Numbered headings, told apart from the numbered paragraphs of a cover note."""
    candidates = [(i, c) for i, p in enumerate(paragraphs) if (c := meta.heading_candidate(p))]
    sections = []
    for k, (i, (number, title)) in enumerate(candidates):
        next_i = candidates[k + 1][0] if k + 1 < len(candidates) else len(paragraphs) + 1
        table_follows = any(i < t <= next_i for t in table_positions)
        # An unnumbered heading counts only when a table follows it (a title in capitals is no section).
        if table_follows or (number is not None and meta.is_section_heading(title, table_follows)):
            p = paragraphs[i]
            if number is None:  # an unnumbered heading: count it
                number = (sections[-1].number or 0) + 1 if sections else 1
            sections.append(Section(number, title, p.start, p.end, p.page))
    return sections
