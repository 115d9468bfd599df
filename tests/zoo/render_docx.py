"""Zoo renderer through Word: python-docx writes the report, LibreOffice prints it
to PDF. Running header (document code), page numbers written `2.`, a merged group
cell above the header, Word list bullets or bullets typed by hand."""

from __future__ import annotations

import datetime

from .spec import HEADER_TEXT, Layout, Report, notes_in_order

_PAGE_CM = {"A4": (21.0, 29.7), "Letter": (21.59, 27.94), "A5": (14.8, 21.0)}
_WIDTHS = {"no": 1.3, "action": 4.0, "responsible_body": 3.2, "work_programme": 3.0, "timeframe": 3.0,
           "progress": 7.0, "remarks": 3.5}  # fmt: skip


def _field(paragraph, instr: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), instr)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    fld.append(run)
    paragraph._p.append(fld)


def _repeat_header(row) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(flag)


def _borders(table, rules: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    on = {"grid": "top left bottom right insideH insideV", "hrules": "top bottom insideH",
          "vrules": "left right insideV bottom", "none": ""}[rules].split()  # fmt: skip
    pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:val"), "single" if side in on else "nil")
        if side in on:
            el.set(qn("w:sz"), "4")
            el.set(qn("w:color"), "000000")
        borders.append(el)
    pr.append(borders)


def _progress(cell, action, layout: Layout, marks: dict) -> None:
    from docx.shared import Cm

    first = True
    for e in action.progress:
        p = cell.paragraphs[0] if first else cell.add_paragraph()
        first = False
        if e.kind == "region":
            p.add_run(e.text).underline = True
            continue
        if e.kind == "item":
            if layout.bullets == "typed":
                p.paragraph_format.left_indent = Cm(0.5)
                p.paragraph_format.first_line_indent = Cm(-0.5)
                p.add_run("•\t")
            else:
                p.style = "List Bullet"
        p.add_run(e.text)
        if e.note and layout.footnotes:
            p.add_run(str(marks[e.note])).font.superscript = True


def render_docx(report: Report, layout: Layout, path) -> None:
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm, Pt

    cols = layout.columns(report)
    marks = {e.note: i for i, e in enumerate(notes_in_order(report), start=1)}
    out = docx.Document()
    props = out.core_properties
    props.created = props.modified = datetime.datetime(2020, 1, 1)
    props.author = props.last_modified_by = "wco-progress layout zoo"
    normal = out.styles["Normal"]
    normal.font.name, normal.font.size = layout.font, Pt(layout.size)
    section = out.sections[0]
    w, h = _PAGE_CM[layout.page]
    section.orientation = WD_ORIENT.LANDSCAPE if layout.landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (Cm(h), Cm(w)) if layout.landscape else (Cm(w), Cm(h))
    section.left_margin = section.right_margin = Cm(1.8)
    if layout.furniture:
        section.header.paragraphs[0].text = report.code
        footer = section.footer.paragraphs[0]
        _field(footer, "PAGE")
        footer.add_run(".")
    scale = (section.page_width - section.left_margin - section.right_margin) / Cm(
        sum(_WIDTHS[c] for c in cols)
    )
    widths = [Cm(_WIDTHS[c] * scale) for c in cols]
    for block in report.blocks:
        if block.kind != "table":
            p = out.add_paragraph(block.text, "Heading 2" if block.kind == "heading" else None)
            for run in p.runs:
                run.font.name = layout.font
            continue
        table = out.add_table(rows=layout.header_rows, cols=len(cols))
        _borders(table, layout.rules)
        if layout.header_rows == 1:
            for cell, c in zip(table.rows[0].cells, cols, strict=True):
                cell.paragraphs[0].add_run(HEADER_TEXT[c]).bold = True
        else:
            top, second = table.rows[0].cells, table.rows[1].cells
            for i, c in enumerate(cols[:-2]):
                merged = top[i].merge(second[i])
                merged.paragraphs[0].add_run(HEADER_TEXT[c]).bold = True
            group = top[-2].merge(top[-1])
            group.paragraphs[0].add_run("Implementation").bold = True
            for cell, c in zip(second[-2:], cols[-2:], strict=True):
                cell.paragraphs[0].add_run(HEADER_TEXT[c]).bold = True
        for row in table.rows:
            _repeat_header(row)
        for a in block.actions:
            cells = table.add_row().cells
            for cell, c in zip(cells, cols, strict=True):
                if c == "progress":
                    _progress(cell, a, layout, marks)
                else:
                    cell.paragraphs[0].text = a.value(c)
        table.autofit = False
        for column, width in zip(table.columns, widths, strict=True):
            column.width = width
        for row in table.rows:
            for cell, width in zip(row.cells, widths, strict=True):
                cell.width = width
    if layout.footnotes and marks:
        for note, i in marks.items():
            p = out.add_paragraph()
            p.add_run(str(i)).font.superscript = True
            p.add_run(f" {note}").font.size = Pt(8)
    out.save(path)
