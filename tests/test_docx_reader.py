"""Word specifics: merged cells, heading styles without numbers, list styles."""

from __future__ import annotations

import docx
from hypothesis import given, settings
from hypothesis import strategies as st

from extract import read
from normalize import normalize


def _table(document, rows):
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for row, texts in zip(table.rows, rows, strict=True):
        for cell, text in zip(row.cells, texts, strict=True):
            cell.text = text
    return table


def test_merged_cells_are_read_once(tmp_path):
    d = docx.Document()
    header = ["", "Action", "Responsible body", "Timeframe", "Progress"]
    t = _table(d, [header, ["1", "Act", "WCO", "2016", "x"], ["2", "Other", "", "", ""]])
    t.cell(1, 2).merge(t.cell(1, 3))  # across columns
    t.cell(1, 4).merge(t.cell(2, 4))  # down rows
    d.save(tmp_path / "merged.docx")
    rows = read(tmp_path / "merged.docx").tables[0].rows
    assert read(tmp_path / "merged.docx").text.count("WCO") == 1
    assert rows[0].text_of("progress") == "x" and rows[1].text_of("progress") == ""


def test_unnumbered_heading_styles_are_sections(tmp_path):
    d = docx.Document()
    d.add_paragraph("PROGRESS REPORT", "Title")
    for n, heading in enumerate(["Awareness-raising", "Capacity building"], start=1):
        d.add_paragraph(heading, "Heading 1")
        d.add_paragraph("An introduction that is not a heading.")
        _table(
            d,
            [
                ["No.", "Action", "Responsible body", "Progress"],
                [str(n), "Do", "WCO", "Forum (Peru, 3 May 2016)"],
            ],
        )
    d.save(tmp_path / "headings.docx")
    n = normalize(read(tmp_path / "headings.docx"))
    assert [(s.number, s.title) for s in n.document.sections] == [
        (1, "Awareness-raising"),
        (2, "Capacity building"),
    ]
    assert [(a.section_no, a.section_title) for a in n.actions] == [
        (1, "Awareness-raising"),
        (2, "Capacity building"),
    ]


def test_list_style_paragraphs_are_items_and_underlined_lines_regions(tmp_path):
    d = docx.Document()
    t = _table(d, [["", "Action", "Responsible body", "Progress"], ["1", "Do", "WCO", ""]])
    cell = t.cell(1, 3)
    cell.paragraphs[0].add_run("(Europe)").underline = True
    cell.add_paragraph("Conference - Trade in Europe (Hungary, 3 May 2016)", "List Bullet")
    cell.add_paragraph("Forum on AEO (Peru, 4 May 2016)", "List Bullet")
    d.save(tmp_path / "lists.docx")
    events = normalize(read(tmp_path / "lists.docx")).events
    assert [(e.title, e.region, e.country_iso3) for e in events] == [
        ("Conference - Trade in Europe", "Europe", "HUN"),
        ("Forum on AEO", "Europe", "PER"),
    ]


_KINDS = st.sampled_from(["plain", "typed", "symbol", "dash", "hang", "cont", "soft"])
_TEXT = st.text(alphabet="Abc xyz(),-–.éÉ12 ", min_size=1, max_size=25)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(_KINDS, _TEXT, _TEXT), min_size=1, max_size=6))
def test_word_cell_entries_lose_no_character(entries):
    from docx.shared import Cm

    from extract.docx import _cell_paragraphs

    cell = docx.Document().add_table(rows=1, cols=1).cell(0, 0)
    written = []
    for k, (kind, text, more) in enumerate(entries):
        p = cell.paragraphs[0] if k == 0 else cell.add_paragraph()
        prefix = {"typed": "•\t", "symbol": "\uf0b7\t", "dash": "-\t"}.get(kind, "")
        run = p.add_run(prefix + text)
        written.append(prefix + text)
        if kind == "soft":
            run.add_break()
            run.add_text(more)
            written.append(more)
        if kind in ("hang", "cont"):
            p.paragraph_format.left_indent = Cm(1)
            p.paragraph_format.first_line_indent = Cm(-1) if kind == "hang" else None
    got = "".join(p.text for p in _cell_paragraphs(cell))
    assert sorted("".join("".join(written).split())) == sorted("".join(got.split()))
