"""Word reports from python-docx and pandoc in the layouts of issue 9: two-row
headers with Remarks, bullets typed by hand, continuation paragraphs, soft line
breaks, an en dash in a title, section rows inside the table, columns in another
order, regional sub-headings, no action table. Files: tests/word_cases/ (build.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

import pipeline
from tests.word_cases.cases import CASES

HERE = Path(__file__).resolve().parent / "word_cases"
RENDERINGS = [(case, producer) for case in CASES for producer in case.producers]


def _none(value):
    return None if value is None or value != value or value == "" else value  # NaN, "" -> None


@pytest.fixture(scope="module")
def datasets():
    paths = [HERE / f"{case.name}.{producer}.docx" for case, producer in RENDERINGS]
    ds = pipeline.run(paths, jobs=1)
    return ds


@pytest.mark.parametrize(("case", "producer"), RENDERINGS, ids=[f"{c.name}-{p}" for c, p in RENDERINGS])
def test_rendering_gives_the_expected_actions_and_events(datasets, case, producer):
    doc = f"{case.name}.{producer}"
    assert datasets.errors.empty
    actions = datasets.actions[datasets.actions["doc"] == doc]
    got_actions = [
        (a["action_no"], _none(a["section_no"]), _none(a["remarks"])) for a in actions.to_dict("records")
    ]
    assert got_actions == case.actions
    events = datasets.events[datasets.events["doc"] == doc]
    got_events = [
        (e["action_no"], e["title"], _none(e["country_iso3"]), _none(e["start_iso"]), _none(e["region"]))
        for e in events.to_dict("records")
    ]
    assert got_events == case.events
    codes = set(datasets.warnings[datasets.warnings["doc"] == doc]["code"])
    assert set(case.warnings) <= codes
    assert "unassigned_text" not in codes  # nothing dropped silently


def test_no_action_table_reason_is_precise(datasets):
    w = datasets.warnings[datasets.warnings["code"] == "no_action_table"]
    detail = dict(zip(w["doc"], w["detail"], strict=True))
    assert detail["no_table_at_all.python-docx"] == "no table at all"
    assert detail["table_without_action_header.pandoc"] == (
        "a table whose header names no known column: 'Name | Date | Place'"
    )


def test_no_action_table_is_reported_per_file_and_in_the_summary(tmp_path, capsys):
    paths = [str(HERE / "no_table_at_all.pandoc.docx"), str(HERE / "typed_bullets.python-docx.docx")]
    assert pipeline.main([*paths, "--out", str(tmp_path / "out"), "--no-cache", "--jobs", "1"]) == 0
    captured = capsys.readouterr()
    assert f"no action table {paths[0]}" in captured.err
    assert f"ok {paths[1]}" in captured.err
    assert "1 with no action table" in captured.out


@pytest.mark.parametrize(
    "name",
    [
        "word_footnotes.pandoc",  # Word's own footnotes (footnotes.xml)
        "footnote_markers.python-docx",  # superscript digits, notes typed at the end
        "footnote_markers.pandoc",
        "footnote_markers.libreoffice",  # a raised run rather than a superscript
    ],
)
def test_footnote_markers_are_taken_off_and_the_notes_kept(name):
    from extract import read

    doc = read(HERE / f"{name}.docx")
    cells = [p for t in doc.tables for r in t.rows for p in r.cell("progress").paragraphs]
    first = cells[0]
    assert first.text.endswith("15-19 Jan. 2024)")  # no marker glued to it
    assert first.notes == ("Funded by the CCF Korea.",)
