"""What every reader shares about tables (extract/tables.py): header mapping,
header rows, section rows, extra columns, tables that are no action table."""

from __future__ import annotations

import pytest

import pipeline
from extract.tables import RawParagraph, RawRow, RawTable, map_header, section_row_heading, split_table


def _row(*texts, full_width=False):
    return RawRow([[RawParagraph(t)] if t else [] for t in texts], None, full_width)


@pytest.mark.parametrize(
    ("header", "columns"),
    [
        (
            ["", "Action", "Responsible body", "Timeframe", "Progress"],
            ["no", "action", "responsible_body", "timeframe", "progress"],
        ),
        (["No.", "Action", "Progress", "Remarks"], ["no", "action", "progress", "remarks"]),
        (
            ["No.", "Action", "Progress", "Status"],
            ["no", "action", "progress", "remarks"],
        ),  # Status beside Progress
        (["No.", "Action", "Status"], ["no", "action", "progress"]),  # Status alone is the Progress column
        (["No.", "Action", "Results", "Comments"], ["no", "action", "progress", "remarks"]),
        (["No.", "Action", "Status update", "Observations"], ["no", "action", "progress", "remarks"]),
        (["Progress", "Timeframe", "No.", "Action"], ["progress", "timeframe", "no", "action"]),
        (
            ["No.", "Action", "", "Progress"],
            ["no", "action", None, "progress"],
        ),  # blank cell inside: no No column
        (["Action", "Progress", " " * 300_000], ["action", "progress", None]),  # a cell of spaces
    ],
)
def test_header_mapping(header, columns):
    assert map_header(header) == columns


def test_second_header_row_is_folded_into_the_first():
    table = RawTable(
        ["No.", "Action", "Responsible body", "Implementation", ""],
        [_row("", "", "", "Progress", "Remarks"), _row("1", "Do", "WCO", "Forum (Chad, 2016)", "On track")],
    )
    [block] = split_table(table)
    assert block.columns == ["no", "action", "responsible_body", "progress", "remarks"]
    assert len(block.rows) == 1


def test_second_header_row_without_its_row_spans_is_realigned():
    table = RawTable(
        ["No.", "Action", "Responsible body", "Implementation", ""],
        [_row("Progress", "Remarks", "", "", ""), _row("1", "Do", "WCO", "Forum (Chad, 2016)", "On track")],
    )
    [block] = split_table(table)
    assert block.columns == ["no", "action", "responsible_body", "progress", "remarks"]


@pytest.mark.parametrize(
    ("row", "heading"),
    [
        (_row("2. CAPACITY BUILDING", "", "", ""), "2. CAPACITY BUILDING"),
        (_row("CAPACITY BUILDING", "", "", ""), "CAPACITY BUILDING"),
        (_row("Capacity building", "", "", "", full_width=True), "Capacity building"),
        (
            _row("B. Capacity building", "B. Capacity building", "B. Capacity building"),
            "B. Capacity building",
        ),
        (_row("Capacity building", "", "", ""), None),  # no number, no capitals, no span: a row
        (_row("3", "", "", ""), None),  # a row number whose row goes on
        (_row("", "", "", "Forum (Chad, 2016)"), None),  # a row continued after a page break
        (_row("4", "Do it", "WCO", "Forum (Chad, 2016)"), None),
        (_row("2. The Secretariat met the Members.", "", "", ""), None),  # a sentence
    ],
)
def test_section_rows(row, heading):
    assert section_row_heading(row) == heading


def test_section_rows_cut_the_table():
    table = RawTable(
        ["No.", "Action", "Responsible body", "Progress"],
        [
            _row("1. AWARENESS", "", "", ""),
            _row("1", "Do", "WCO", "x"),
            _row("2. CAPACITY", "", "", ""),
            _row("2", "Go", "WCO", "y"),
        ],
    )
    blocks = split_table(table)
    assert [type(b).__name__ for b in blocks] == ["RawParagraph", "RawTable", "RawParagraph", "RawTable"]
    assert [b.text for b in blocks if isinstance(b, RawParagraph)] == ["1. AWARENESS", "2. CAPACITY"]


def test_text_report_with_remarks_section_rows_and_an_unknown_column(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text(
        "PROGRESS REPORT\n\n"
        "No.\tAction\tResponsible body\tRelevant documents\tProgress\tRemarks\n"
        "1. AWARENESS-RAISING\t\t\t\t\t\n"
        "1\tDo it\tWCO\tDoc. SP0514\t- Forum on Transit (Chad, 4 May 2016)\tOn track\n"
        "2. CAPACITY BUILDING\t\t\t\t\t\n"
        "2\tGo on\tWCO\t\t- Forum on Origin (Mali, 5 May 2016)\t\n",
        encoding="utf-8",
    )
    ds = pipeline.run([path], jobs=1)
    assert ds.actions[["action_no", "section_no", "section_title"]].values.tolist() == [
        ["1", 1, "AWARENESS-RAISING"],
        ["2", 2, "CAPACITY BUILDING"],
    ]
    assert ds.actions["remarks"].tolist()[0] == "On track"
    assert ds.events["title"].tolist() == ["Forum on Transit", "Forum on Origin"]
    w = ds.warnings[ds.warnings["code"] == "unassigned_cell"]
    assert w["detail"].tolist() == ["page 1, column 'Relevant documents': Doc. SP0514"]


_HEADER = (
    "\nPROGRESS REPORT (AS OF 1 JUNE 2016)\n\n1. SECTION\n\n"
    "\tAction\tResponsible body\tTimeframe/Deadline\tProgress\n"
)
_PERU = "\t\t\t\t- National Workshop on AEO (Peru, 1-3 July 2015)\n"
_ECUADOR = (
    "1\tFirst action\tWCO Secretariat\t2016\t"
    "- National Workshop on Risk Management (Ecuador, 22-26 June 2015)\n"
)


def test_a_row_with_only_progress_before_any_action_is_reported_not_dropped(tmp_path):
    import pipeline

    (tmp_path / "r.txt").write_text(_HEADER + _PERU + _ECUADOR, "utf-8")
    ds = pipeline.run([tmp_path / "r.txt"], jobs=1)
    orphans = ds.warnings[ds.warnings["code"] == "unnumbered_row"]
    assert len(orphans) == 1 and "National Workshop on AEO" in orphans.iloc[0]["detail"]
    assert list(ds.events["country_iso3"]) == ["ECU"]


def test_an_action_table_without_a_number_column_numbers_its_actions_by_position(tmp_path):
    """It used to crash the writing of the whole run (action_no is required)."""
    import pipeline

    header = _HEADER.replace("\tAction\t", "Action\t")
    rows = "First action\tWCO Secretariat\t2016\t- Workshop on AEO (Peru, 1-3 July 2015)\n"
    rows += "Second action\tWCO Secretariat\t2016\t- Workshop on PCA (Chile, 5-6 July 2015)\n"
    (tmp_path / "r.txt").write_text(header + rows, "utf-8")
    ds = pipeline.run([tmp_path / "r.txt"], jobs=1)
    assert ds.errors.empty
    assert list(ds.actions["action_no"]) == ["1", "2"]
    assert list(ds.events["country_iso3"]) == ["PER", "CHL"]
    assert (ds.warnings["code"] == "numbered_by_position").sum() == 1
