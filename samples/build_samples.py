"""Render each text seed into real Word and PDF reports (the generated files are
committed, so tests and CI need nothing extra).

    .venv/bin/python samples/build_samples.py [STEM ...]

Word files come from python-docx; PDFs from LibreOffice headless
(`soffice --headless --convert-to pdf`, Debian package libreoffice-writer-nogui),
so long rows run across page breaks as in real reports. Each seed gets a plain
rendering and a `_variant` that looks different (landscape, another font and
column widths, bullets typed as `- `, a header cell wrapped as `Timeframe/` +
`Deadline`) to catch layout assumptions.
"""

from __future__ import annotations

import datetime
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

import docx  # noqa: E402
from docx.enum.section import WD_ORIENT  # noqa: E402
from docx.oxml import OxmlElement  # noqa: E402
from docx.oxml.ns import qn  # noqa: E402
from docx.shared import Cm, Pt  # noqa: E402

from extract.model import COL_PROGRESS  # noqa: E402
from extract.text import read_text  # noqa: E402
from normalize.actions import document_actions  # noqa: E402
from normalize.items import action_items, region_of  # noqa: E402

SEEDS = ["000_f9a85ca6c4980ec5", "001_6aa9410e70b24e4d"]
# Seed 000 in French (also with bilingual column headers and a WCO cover block) and in
# Spanish (sections 1-4 without actions 1 and 6): one plain rendering each.
LANGUAGE_SAMPLES = ["000_f9a85ca6c4980ec5_fr", "000_f9a85ca6c4980ec5_bilingual", "002_es_000_excerpt"]


@dataclass(frozen=True)
class Look:
    suffix: str
    landscape: bool
    font: str
    size: int
    typed_bullets: bool  # "- " in the text instead of Word's list style
    wrapped_header: bool  # "Timeframe/" and "Deadline" as two paragraphs
    widths_cm: dict[str, float]  # per column


PLAIN = Look(
    "", False, "Calibri", 10, False, False,
    {"no": 1.0, "action": 4.5, "responsible_body": 3.0, "work_programme": 3.5, "timeframe": 2.5,
     "progress": 7.0},
)  # fmt: skip
VARIANT = Look(
    "_variant", True, "Liberation Serif", 9, True, True,
    {"no": 1.5, "action": 6.0, "responsible_body": 4.0, "work_programme": 5.0, "timeframe": 3.0,
     "progress": 10.5},
)  # fmt: skip


def _repeat_header(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    tr_pr.append(flag)


def _set_text(cell, text: str) -> None:
    cell.paragraphs[0].text = text


def _progress_cell(cell, action, look: Look) -> None:
    """One paragraph per item; regional sub-headings underlined."""
    items = action_items(action)
    first = True

    def paragraph(text: str, style: str | None = None):
        nonlocal first
        p = cell.paragraphs[0] if first else cell.add_paragraph()
        first = False
        if style:
            p.style = style
        return p.add_run(text)

    for p in action.row.cell(COL_PROGRESS).paragraphs:
        region = region_of(p)
        if region is not None:
            paragraph(p.text).underline = True
            continue
        for item in (i for i in items if p.start <= i.start < p.end):
            if item.prose:
                paragraph(item.text)
            elif look.typed_bullets:
                paragraph(f"- {item.text}")
            else:
                paragraph(item.text, "List Bullet")


def render(seed: str, look: Look) -> Path:
    doc = read_text(HERE / f"{seed}.txt")
    actions = {a.char_start: a for a in document_actions(doc)}
    out = docx.Document()
    props = out.core_properties
    props.created = props.modified = datetime.datetime(2020, 1, 1)
    props.author = props.last_modified_by = "wco-progress samples"
    props.title = doc.title or ""
    normal = out.styles["Normal"]
    normal.font.name, normal.font.size = look.font, Pt(look.size)
    section = out.sections[0]
    if look.landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
    headings = {s.start for s in doc.sections}
    blocks = [(p.start, p) for p in doc.paragraphs] + [(t.rows[0].start, t) for t in doc.tables if t.rows]
    for _, block in sorted(blocks, key=lambda b: b[0]):
        if hasattr(block, "style"):  # a paragraph outside the tables
            style = "Heading 2" if block.start in headings else None
            p = out.add_paragraph(block.text, style)
            if style:
                for run in p.runs:
                    run.font.name = look.font
            continue
        table = out.add_table(rows=1, cols=len(block.columns))
        table.style = "Table Grid"
        for cell, text, column in zip(table.rows[0].cells, block.header, block.columns, strict=True):
            if look.wrapped_header and column == "timeframe" and "/" in text:
                left, right = text.split("/", 1)
                cell.paragraphs[0].text = f"{left}/"
                cell.add_paragraph(right.strip())
            else:
                _set_text(cell, text)
        _repeat_header(table.rows[0])
        for row in block.rows:
            action = actions[row.start]
            cells = table.add_row().cells
            for cell, column in zip(cells, block.columns, strict=True):
                if column == COL_PROGRESS:
                    _progress_cell(cell, action, look)
                else:
                    _set_text(cell, " ".join(row.text_of(column).split()))
        widths = [look.widths_cm.get(c, 3.0) for c in block.columns]
        table.autofit = False
        for column, width in zip(table.columns, widths, strict=False):
            column.width = Cm(width)  # the grid, which LibreOffice reads
        for row in table.rows:
            for cell, width in zip(row.cells, widths, strict=False):
                cell.width = Cm(width)
    path = HERE / f"{seed}{look.suffix}.docx"
    out.save(path)
    return path


def to_pdf(path: Path) -> Path:
    with tempfile.TemporaryDirectory() as home:
        subprocess.run(
            ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(path.parent), str(path)],
            check=True, capture_output=True, env={"HOME": home, "PATH": "/usr/bin:/bin"}, timeout=300,
        )  # fmt: skip
    return path.with_suffix(".pdf")


def main(only: list[str]) -> None:
    """Render every sample, or only the text samples named (`build_samples.py 000_..._fr`)."""
    if shutil.which("soffice") is None:
        sys.exit(
            "build_samples.py: LibreOffice (soffice) is needed: apt-get install libreoffice-writer-nogui"
        )
    jobs = [(seed, look) for seed in SEEDS for look in (PLAIN, VARIANT)]
    jobs += [(stem, PLAIN) for stem in LANGUAGE_SAMPLES]
    for stem, look in jobs:
        if only and stem not in only:
            continue
        pdf = to_pdf(render(stem, look))
        print(f"wrote {pdf.with_suffix('.docx').name} and {pdf.name}")


if __name__ == "__main__":
    main(sys.argv[1:])
