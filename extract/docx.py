"""Word reader (python-docx): paragraphs and tables in body order, list paragraphs
found through numbering or style, underlined sub-headings, merged cells read once."""

from __future__ import annotations

from pathlib import Path

from .errors import CorruptDocument, EmptyDocument
from .layout import build_document
from .model import BODY, HEADING, LIST_ITEM, Document
from .tables import RawParagraph, RawRow, RawTable, is_header_row

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MAX_HEADING = 80


def read_docx(path: Path) -> Document:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError) as exc:
        raise CorruptDocument(f"{path}: not a valid Word (.docx) file: {exc}") from exc
    except Exception as exc:  # lxml errors and other damage inside the package
        raise CorruptDocument(f"{path}: not a valid Word (.docx) file: {type(exc).__name__}: {exc}") from exc
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    blocks: list = []
    for child in document.element.body.iterchildren():
        if child.tag == f"{_W}p":
            para = Paragraph(child, document)
            text = para.text.strip()
            style = (para.style.name or "") if para.style is not None else ""
            heading = style.startswith(("Heading", "Title")) or _is_list(para) and _is_heading(para)
            blocks.append(RawParagraph(text, HEADING if heading else BODY, None))
        elif child.tag == f"{_W}tbl":
            blocks += _table_blocks(Table(child, document))
    if not any(isinstance(b, RawTable) or b.text for b in blocks):
        raise EmptyDocument(f"{path}: the Word file holds no text")
    return build_document(Path(path), "docx", blocks, page_count=None)


def _is_list(paragraph) -> bool:
    """A list entry: numbering on the paragraph or its style, or a list style."""
    p_pr = paragraph._p.pPr
    if p_pr is not None and p_pr.numPr is not None:
        return True
    style = paragraph.style
    while style is not None:
        s_pr = style.element.pPr
        if s_pr is not None and s_pr.numPr is not None:
            return True
        if "list" in (style.name or "").lower():
            return True
        style = style.base_style
    return False


def _is_heading(paragraph) -> bool:
    """A short paragraph whose every run with text is underlined or bold."""
    runs = [r for r in paragraph.runs if r.text.strip()]
    if not runs or len(paragraph.text) > _MAX_HEADING:
        return False
    return all(r.underline for r in runs) or all(r.bold for r in runs)


def _cell_paragraphs(cell) -> list[RawParagraph]:
    out = []
    for para in cell.paragraphs:
        text = para.text.strip()
        if not text:
            continue
        style = LIST_ITEM if _is_list(para) else HEADING if _is_heading(para) else BODY
        out.append(RawParagraph(text, style, None, True))
    return out


def _row_cells(row, seen: set) -> list[list[RawParagraph]]:
    """One entry per grid column. python-docx repeats a merged cell in every grid
    position it spans, across columns and down rows: the first position keeps its
    text, the others stay empty."""
    cells = []
    for cell in row.cells:
        tc = cell._tc
        if tc in seen or tc.vMerge == "continue":
            cells.append([])
            continue
        seen.add(tc)
        cells.append(_cell_paragraphs(cell))
    return cells


def _table_blocks(table) -> list:
    seen: set = set()
    rows = [_row_cells(r, seen) for r in table.rows]
    if not rows:
        return []
    header = [" ".join(p.text for p in cell) for cell in rows[0]]
    if not is_header_row(header):
        # Not an action table (a layout box): its text still counts as paragraphs.
        return [RawParagraph(p.text, BODY, None) for row in rows for cell in row for p in cell]
    return [RawTable(header, [RawRow(cells, None) for cells in rows[1:]], None)]
