"""Word reader (python-docx): paragraphs and tables in body order, list paragraphs
found through numbering, style, a typed bullet or a hanging indent, items that go
on in the next paragraph or after a soft line break joined, underlined
sub-headings, merged cells read once."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from .bullets import continues, leading_marker
from .errors import CorruptDocument, EmptyDocument
from .layout import build_document
from .model import BODY, HEADING, LIST_ITEM, Document
from .tables import RawParagraph, RawRow, find_header, join_wrapped

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MAX_HEADING = 80
_INDENT_SLACK = 60  # twips: indents this close are the same (about 1 mm)


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
            text = _flat(para.text)
            style = (para.style.name or "") if para.style is not None else ""
            heading = style.startswith(("Heading", "Title")) or _is_list(para) and _is_heading(para)
            blocks.append(RawParagraph(text, HEADING if heading else BODY, None))
        elif child.tag == f"{_W}tbl":
            blocks += _table_blocks(Table(child, document))
    if not any(not isinstance(b, RawParagraph) or b.text for b in blocks):
        raise EmptyDocument(f"{path}: the Word file holds no text")
    return build_document(Path(path), "docx", blocks, page_count=None)


def _flat(text: str) -> str:
    """Tabs (after a typed bullet) and runs of spaces as one space."""
    return " ".join(text.split())


def _is_list(paragraph) -> bool:
    """A list entry: numbering on the paragraph or its style (numbering id 0 turns
    it off), or a list style (Word `List Bullet`, LibreOffice `List 1`)."""
    p_pr = paragraph._p.pPr
    if p_pr is not None and p_pr.numPr is not None:
        return _numbering_on(p_pr.numPr)
    style = paragraph.style
    while style is not None:
        s_pr = style.element.pPr
        if s_pr is not None and s_pr.numPr is not None:
            return _numbering_on(s_pr.numPr)
        if "list" in (style.name or "").lower():
            return True
        style = style.base_style
    return False


def _numbering_on(num_pr) -> bool:
    num_id = num_pr.numId
    return num_id is None or num_id.val != 0


def _indents(paragraph) -> tuple[int, int]:
    """(left, first-line) indent in twips, from the paragraph or its styles."""
    left = first = None
    source = paragraph.paragraph_format
    style = paragraph.style
    while source is not None and (left is None or first is None):
        if left is None and source.left_indent is not None:
            left = source.left_indent.twips
        if first is None and source.first_line_indent is not None:
            first = source.first_line_indent.twips
        source = style.paragraph_format if style is not None else None
        style = style.base_style if style is not None else None
    return left or 0, first or 0


def _is_heading(paragraph) -> bool:
    """A short paragraph whose every run with text is underlined or bold."""
    runs = [r for r in paragraph.runs if r.text.strip()]
    if not runs or len(paragraph.text) > _MAX_HEADING:
        return False
    return all(r.underline for r in runs) or all(r.bold for r in runs)


def _cell_paragraphs(cell) -> list[RawParagraph]:
    """A cell's entries. A Word paragraph opens an entry when it is numbered, starts
    with a typed marker, or hangs (first line left of the others). A paragraph
    without any of these continues the entry above when it is aligned with that
    entry's text or `bullets.continues` says so; a soft line break continues the
    entry unless the next line starts with a marker."""
    out: list[RawParagraph] = []
    entry_indent: int | None = None  # where the text of the last list entry stands
    for para in cell.paragraphs:
        lines = [_flat(line) for line in para.text.split("\n")]
        if not any(lines):
            continue
        left, first = _indents(para)
        listed = _is_list(para)
        heading = not listed and _is_heading(para)
        for k, text in enumerate(lines):
            if not text:
                continue
            marker = leading_marker(text)
            opens = marker is not None or (k == 0 and (listed or first < 0))
            if heading and k == 0:
                out.append(RawParagraph(text, HEADING, None, True))
                entry_indent = None
                continue
            previous = out[-1] if out and out[-1].style != HEADING else None
            if previous is not None and not opens:
                aligned = entry_indent is not None and abs(left + first - entry_indent) <= _INDENT_SLACK
                if k > 0 or aligned or continues(previous.text, text):
                    out[-1] = replace(previous, text=join_wrapped(previous.text, text))
                    continue
            if opens:
                out.append(RawParagraph(text, LIST_ITEM, None, True))
                entry_indent = left if first < 0 else None  # text aligned only under a hanging indent
            else:
                out.append(RawParagraph(text, BODY, None, True))
                entry_indent = None
    return out


def _row_cells(row, seen: set) -> tuple[list[list[RawParagraph]], bool]:
    """One entry per grid column, and whether one cell spans the whole row.
    python-docx repeats a merged cell in every grid position it spans, across
    columns and down rows: the first position keeps its text, the others stay
    empty."""
    cells = []
    distinct = {id(c._tc) for c in row.cells}
    for cell in row.cells:
        tc = cell._tc
        if tc in seen or tc.vMerge == "continue":
            cells.append([])
            continue
        seen.add(tc)
        cells.append(_cell_paragraphs(cell))
    return cells, len(distinct) == 1 and len(cells) > 1


def _table_blocks(table) -> list:
    seen: set = set()
    grid = []
    for r in table.rows:
        cells, full = _row_cells(r, seen)
        grid.append(RawRow(cells, None, full))
    return find_header(grid) if grid else []
