"""Render every case of cases.py as .docx with python-docx, and from HTML with
pandoc and with LibreOffice Writer.

    .venv/bin/python tests/word_cases/build.py     # needs pandoc and soffice on the PATH

The files are committed: the tests read them and need neither producer.
"""

from __future__ import annotations

import html
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

import docx  # noqa: E402
from docx.shared import Cm  # noqa: E402

from tests.word_cases.cases import CASES, Case  # noqa: E402


def _paragraphs(cell) -> list:
    return [("p", cell)] if isinstance(cell, str) else cell


def _fill_docx(cell, specs) -> None:
    first = True
    for kind, text in specs:
        p = cell.paragraphs[0] if first else cell.add_paragraph()
        first = False
        if kind == "li":
            p.style = "List Bullet"
            p.add_run(text)
        elif kind == "fn":
            p.style = "List Bullet"
            p.add_run(text[0])
            p.add_run(text[1]).font.superscript = True
        elif kind == "br":
            run = p.add_run(text[0])
            for line in text[1:]:
                run.add_break()
                run.add_text(line)
        elif kind == "hang":
            p.paragraph_format.left_indent = Cm(1)
            p.paragraph_format.first_line_indent = Cm(-1)
            p.add_run(text)
        elif kind == "cont":
            p.paragraph_format.left_indent = Cm(1)
            p.add_run(text)
        elif kind == "b":
            p.add_run(text).bold = True
        elif kind == "u":
            p.add_run(text).underline = True
        else:  # p, typed
            p.add_run(text)


def build_docx(case: Case, path: Path) -> None:
    d = docx.Document()
    for text in case.before:
        d.add_paragraph(text)
    if case.table:
        width = sum(span for text, span, _ in case.header_rows[0])
        table = d.add_table(rows=len(case.header_rows) + len(case.rows), cols=width)
        table.style = "Table Grid"
        for r, header in enumerate(case.header_rows):  # cells placed left to right past the spans above
            col = 0
            for text, colspan, rowspan in header:
                while table.cell(r, col)._tc.vMerge == "continue" or table.cell(r, col).text:
                    col += 1
                cell = table.cell(r, col)
                if colspan > 1 or rowspan > 1:
                    cell = cell.merge(table.cell(r + rowspan - 1, col + colspan - 1))
                cell.text = text
                col += colspan
        for r, row in enumerate(case.rows, start=len(case.header_rows)):
            if isinstance(row, tuple):
                merged = table.cell(r, 0).merge(table.cell(r, width - 1))
                merged.text = row[1]
                continue
            for c, cell in enumerate(row):
                _fill_docx(table.cell(r, c), _paragraphs(cell))
    for marker, text in case.footnotes:
        p = d.add_paragraph()
        p.add_run(marker).font.superscript = True
        p.add_run(" " + text)
    d.save(path)


def _html_cell(specs) -> str:
    out, in_list = [], False
    for kind, text in specs:
        if kind in ("li", "fn") and not in_list:
            out.append("<ul>")
            in_list = True
        if kind not in ("li", "fn") and in_list:
            out.append("</ul>")
            in_list = False
        if kind == "li":
            out.append(f"<li>{html.escape(text)}</li>")
        elif kind == "fn":
            out.append(f"<li>{html.escape(text[0])}<sup>{html.escape(text[1])}</sup></li>")
        elif kind == "br":
            out.append("<p>" + "<br/>".join(html.escape(t.replace("\t", " ")) for t in text) + "</p>")
        elif kind in ("b", "u"):
            out.append(f"<p><{kind}>{html.escape(text)}</{kind}></p>")
        else:
            out.append(f"<p>{html.escape(text.replace(chr(9), ' '))}</p>")
    if in_list:
        out.append("</ul>")
    return "".join(out)


def _html(case: Case) -> str:
    parts = [f"<p>{html.escape(t)}</p>" for t in case.before]
    if case.table:
        width = sum(span for text, span, _ in case.header_rows[0])
        parts.append("<table>")
        for header in case.header_rows:
            cells = "".join(f'<th colspan="{c}" rowspan="{r}">{html.escape(t)}</th>' for t, c, r in header)
            parts.append(f"<tr>{cells}</tr>")
        for row in case.rows:
            if isinstance(row, tuple):
                parts.append(f'<tr><td colspan="{width}">{html.escape(row[1])}</td></tr>')
            else:
                parts.append(
                    "<tr>" + "".join(f"<td>{_html_cell(_paragraphs(c))}</td>" for c in row) + "</tr>"
                )
        parts.append("</table>")
    parts += [f"<p><sup>{html.escape(m)}</sup> {html.escape(t)}</p>" for m, t in case.footnotes]
    return '<html><head><meta charset="utf-8"></head><body>' + "\n".join(parts) + "</body></html>"


def build_pandoc(case: Case, path: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "case.html"
        source.write_text(_html(case), encoding="utf-8")
        pandoc = shutil.which("pandoc") or "/usr/bin/pandoc"
        subprocess.run([pandoc, str(source), "-o", str(path)], check=True)


def build_libreoffice(case: Case, path: Path) -> None:
    """The same HTML opened by LibreOffice Writer and saved as Word 2007 XML."""
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / f"{path.stem}.html"
        source.write_text(_html(case), encoding="utf-8")
        soffice = shutil.which("soffice") or "/usr/bin/soffice"
        convert = [soffice, f"-env:UserInstallation=file://{tmp}/profile", "--headless"]
        convert += ["--convert-to", "docx:MS Word 2007 XML", "--outdir", tmp, str(source)]
        subprocess.run(convert, check=True, capture_output=True, timeout=180)
        shutil.move(Path(tmp) / f"{path.stem}.docx", path)


# Word's own footnotes (footnotes.xml, a reference run in the text): pandoc writes them
# from Markdown. A grid table holds the list; no continuation line may start with
# `2024)`, which Markdown reads as an ordered-list marker.
FOOTNOTE_MARKDOWN = """PROGRESS REPORT (AS OF 30 APRIL 2024)

1\\. TRAINING

+-----+--------+-----------------+----------------------------------------------------+
| No. | Action | Responsible     | Progress                                           |
|     |        | body            |                                                    |
+=====+========+=================+====================================================+
| 1   | Train  | WCO             | - Regional Workshop on Risk Management (Côte       |
|     |        |                 |   d'Ivoire, 15-19 Jan. 2024)[^1]                   |
|     |        |                 | - National Seminar on Valuation (Kenya, 5 Feb.     |
|     |        |                 |   2024)[^2]                                        |
+-----+--------+-----------------+----------------------------------------------------+

[^1]: Funded by the CCF Korea.

[^2]: Organized with the African Union.
"""


def build_word_footnotes(path: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "notes.md"
        source.write_text(FOOTNOTE_MARKDOWN, encoding="utf-8")
        pandoc = shutil.which("pandoc") or "/usr/bin/pandoc"
        subprocess.run([pandoc, "-f", "markdown", str(source), "-o", str(path)], check=True)


def main() -> None:
    build_word_footnotes(HERE / "word_footnotes.pandoc.docx")
    for case in CASES:
        build_docx(case, HERE / f"{case.name}.python-docx.docx")
        if "pandoc" in case.producers:
            build_pandoc(case, HERE / f"{case.name}.pandoc.docx")
        if "libreoffice" in case.producers:
            build_libreoffice(case, HERE / f"{case.name}.libreoffice.docx")
        print("wrote", case.name)


if __name__ == "__main__":
    main()
