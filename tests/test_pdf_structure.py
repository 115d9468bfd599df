"""The PDF reader's structural rules on hand-made pages: header bands with wrapped
and grouped cells, column boundaries without rules, footnote markers."""

from __future__ import annotations

import pytest

from extract import furniture as furn
from extract import pdf_tables as pt


def _chars(text: str, x0: float, top: float, size: float = 10.0, bold: bool = False) -> list[dict]:
    out, x = [], x0
    for ch in text:
        w = 0.5 * size
        out.append({"text": ch, "x0": x, "x1": x + w, "top": top, "bottom": top + size, "size": size,
                    "fontname": "Arial-Bold" if bold else "Arial"})  # fmt: skip
        x += w
    return out


def _line(cells: list[tuple[str, float]], top: float, bold: bool = False) -> dict:
    chars = [c for text, x in cells for c in _chars(text, x, top, bold=bold)]
    chars = [c for c in chars if c["text"] != " "]
    return {"text": "   ".join(t for t, _ in cells), "x0": chars[0]["x0"], "x1": chars[-1]["x1"],
            "top": top, "bottom": top + 10, "chars": chars}  # fmt: skip


HEADER = [("No.", 50), ("Action", 80), ("Responsible", 200), ("Timeframe", 300), ("Implementation", 400)]


@pytest.mark.parametrize(
    ("lines", "columns"),
    [
        # one row
        (
            [[("No.", 50), ("Action", 80), ("Lead", 200), ("Progress", 300)]],
            ["no", "action", "responsible_body", "progress"],
        ),
        # a wrapped cell and a group cell over two sub-headers
        (
            [HEADER, [("body", 200), ("Progress", 400), ("Remarks", 480)]],
            ["no", "action", "responsible_body", "timeframe", "progress", "remarks"],
        ),
        # a word broken by a narrow cell
        ([[("N", 50), ("Action", 80), ("Lead", 200), ("Progress", 300)], [("o.", 50)]],
         ["no", "action", "responsible_body", "progress"]),
    ],
)  # fmt: skip
def test_header_columns(lines, columns):
    page = [_line(cells, 100 + 11 * k, bold=True) for k, cells in enumerate(lines)]
    page.append(
        _line([("1", 50), ("Deliver workshops", 80), ("WCO", 200), ("Workshop (Kenya, 2015)", 300)], 150)
    )
    header = pt.find_header(page, 0)
    assert header is not None and [c.name for c in header.columns] == columns
    assert header.last == len(lines) - 1  # the first row is not part of the header


def test_first_row_is_not_taken_into_the_header():
    page = [
        _line([("No.", 50), ("Action", 80), ("Lead", 200), ("Progress", 300)], 100),
        _line([("1", 50), ("Deliver", 80), ("WCO", 200), ("Progress report", 300)], 111),
    ]
    assert pt.find_header(page, 0).last == 0


def test_columns_start_where_the_text_starts_without_rules():
    header = pt.Header([pt.Column("no", "No.", 50, 65), pt.Column("action", "Action", 100, 130)], 0, 0, 110)
    body = [_line([("1", 50), ("Deliver regional workshops", 80)], 120 + 11 * k) for k in range(3)]
    # the header is centred over its column: the column starts where its text does
    (start,) = pt.boundaries(header, body, [])
    assert 55 < start <= 80


def test_footnote_marker_taken_off_the_word_it_clings_to():
    chars = _chars("2024)", 100, 200) + [{**_chars("2", 125, 197, size=6)[0]}] + _chars(" next", 128, 200)
    kept, markers = furn.split_markers(chars)
    assert "".join(c["text"] for c in kept) == "2024) next"
    assert [m["label"] for m in markers] == ["2"]


def test_a_digit_of_the_text_is_no_marker():
    chars = _chars("15-19 Jan. 2024", 100, 200)
    kept, markers = furn.split_markers(chars)
    assert len(kept) == len(chars) and not markers
