"""Word reader (python-docx): paragraphs and tables in body order, list paragraphs
found through numbering, style, a typed bullet or a hanging indent, items that go
on in the next paragraph or after a soft line break joined, underlined
sub-headings, merged cells read once, footnote markers taken off the text and the
footnotes kept as the paragraph's notes."""

from __future__ import annotations

import re
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
# A footnote marker typed as a superscript run: a few digits or reference symbols.
_MARKER = re.compile(r"^\s*[\d*†‡§]{1,3}\s*$")


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

    notes = _footnotes(document)
    blocks: list = []
    for child in document.element.body.iterchildren():
        if child.tag == f"{_W}p":
            para = Paragraph(child, document)
            raw, marks = _text_and_notes(para, notes)
            text = _flat(raw)
            style = (para.style.name or "") if para.style is not None else ""
            heading = style.startswith(("Heading", "Title")) or _is_list(para) and _is_heading(para)
            blocks.append(RawParagraph(text, HEADING if heading else BODY, None, notes=marks))
        elif child.tag == f"{_W}tbl":
            blocks += _table_blocks(Table(child, document), notes)
    if not any(not isinstance(b, RawParagraph) or b.text for b in blocks):
        raise EmptyDocument(f"{path}: the Word file holds no text")
    return build_document(Path(path), "docx", blocks, page_count=None)


def _footnotes(document) -> dict[str, str]:
    """Footnote and endnote texts by reference (`f3`, `e1`): Word's own notes, and
    notes typed as paragraphs that open with a superscript number (`²` + text)."""
    from docx.oxml import parse_xml

    out: dict[str, str] = {}
    for rel in document.part.rels.values():
        kind = "f" if rel.reltype.endswith("/footnotes") else "e" if rel.reltype.endswith("/endnotes") else ""
        if not kind or rel.is_external:
            continue
        try:
            root = parse_xml(rel.target_part.blob)
        except Exception:  # a damaged notes part: the notes are lost, the text is not
            continue
        for note in root.iter(f"{_W}footnote", f"{_W}endnote"):
            text = " ".join("".join(t.text or "" for t in note.iter(f"{_W}t")).split())
            if text:
                out[kind + str(note.get(f"{_W}id"))] = text
    for para in document.paragraphs:
        runs = [r for r in para.runs if r.text.strip()]
        if len(runs) > 1 and _superscript(runs[0]) and _MARKER.match(runs[0].text):
            out.setdefault("t" + runs[0].text.strip(), _flat("".join(r.text for r in runs[1:])))
    return out


def _superscript(run) -> bool:
    r_pr = run._r.rPr
    if run.font.superscript:
        return True
    if r_pr is None:
        return False
    raised = r_pr.find(f"{_W}position")  # LibreOffice raises the run instead
    height = raised.get(f"{_W}val") if raised is not None else None
    if height and height.isdigit() and int(height) > 0:
        return True
    style = r_pr.find(f"{_W}rStyle")
    return style is not None and "reference" in (style.get(f"{_W}val") or "").lower()


def _text_and_notes(paragraph, notes: dict[str, str]) -> tuple[str, tuple[str, ...]]:
    """The paragraph's text without its footnote markers, and the notes they refer
    to. A marker is a Word note reference, or a superscript run of a few digits or
    symbols that clings to the end of a word (`...2024)²`)."""
    from docx.text.hyperlink import Hyperlink

    parts: list[str] = []
    found: list[str] = []
    for inner in paragraph.iter_inner_content():
        for run in inner.runs if isinstance(inner, Hyperlink) else [inner]:
            for ref in run._r.iter(f"{_W}footnoteReference", f"{_W}endnoteReference"):
                key = ("f" if ref.tag.endswith("footnoteReference") else "e") + str(ref.get(f"{_W}id"))
                if key in notes:
                    found.append(notes[key])
            text = run.text
            glued = bool(parts) and parts[-1][-1:].strip() != ""
            if glued and _MARKER.match(text) and _superscript(run):
                found.append(notes.get("t" + text.strip(), ""))
                continue
            parts.append(text)
    return "".join(parts), tuple(n for n in found if n)


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


def _cell_paragraphs(cell, notes: dict[str, str] | None = None) -> list[RawParagraph]:
    """A cell's entries. A Word paragraph opens an entry when it is numbered, starts
    with a typed marker, or hangs (first line left of the others). A paragraph
    without any of these continues the entry above when it is aligned with that
    entry's text or `bullets.continues` says so; a soft line break continues the
    entry unless the next line starts with a marker."""
    out: list[RawParagraph] = []
    entry_indent: int | None = None  # where the text of the last list entry stands
    for para in cell.paragraphs:
        raw, marks = _text_and_notes(para, notes or {})
        lines = [_flat(line) for line in raw.split("\n")]
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
        if marks and out:  # the paragraph's notes go with the entry its last line joined
            out[-1] = replace(out[-1], notes=out[-1].notes + marks)
    return out


def _row_cells(row, seen: set, notes: dict[str, str]) -> tuple[list[list[RawParagraph]], bool]:
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
        cells.append(_cell_paragraphs(cell, notes))
    return cells, len(distinct) == 1 and len(cells) > 1


def _table_blocks(table, notes: dict[str, str]) -> list:
    seen: set = set()
    grid = []
    for r in table.rows:
        cells, full = _row_cells(r, seen, notes)
        grid.append(RawRow(cells, None, full))
    return find_header(grid) if grid else []
