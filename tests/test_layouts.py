"""Reports laid out unlike the seeds: other column orders and header words,
roman section numbers, `<li>` lists and `•` bullets, date before place, prose."""

from __future__ import annotations

from pathlib import Path

import pipeline

LAYOUTS = Path(__file__).resolve().parent / "layouts"


def test_roman_sections_li_lists_and_bullets():
    ds = pipeline.run([LAYOUTS / "roman_sections_li_bullets.txt"])
    doc = ds.documents.iloc[0]
    assert doc["as_of"] == "2017-03-31" and doc["coverage"] == 1.0
    actions = ds.actions[
        ["section_no", "section_title", "action_no", "responsible_body", "deadline", "continuous"]
    ]
    assert [[None if v != v or v is None else str(v) for v in row] for row in actions.values.tolist()] == [
        ["1", "TRAINING", "1.1", "WCO Secretariat", "2017-06", "False"],
        ["1", "TRAINING", "1.2", "CBD", None, "True"],
        ["2", "MISSIONS", "2.1", "CBD", "2017", "False"],
    ]
    fields = ["title", "country_iso3", "city", "start_date", "end_date", "event_type", "kind"]
    got = [tuple(None if v != v else v for v in row) for row in ds.events[fields].values.tolist()]
    assert got == [
        ("National Workshop on Valuation", "KEN", "Nairobi", "2017-02-22", "2017-02-24", "workshop", "event"),
        ("Regional Seminar on Origin", "CIV", None, "2017-03-06", "2017-03-08", "seminar", "event"),
        ("Guide on Transit", None, None, "2017-01", "2017-01", "publication", "event"),
        ("E-learning course on SAFE", "BEL", "Brussels", "2017-03-13", "2017-03-13", "course", "event"),
        (
            "A diagnostic mission took place in Lao PDR from 6 to 10 February 2017."
            " A follow-up visit is planned.",
            "LAO", None, "2017-02-06", "2017-02-10", "mission", "event",
        ),
    ]  # fmt: skip


def test_text_blocks_that_carry_on_a_list_entry_join_it():
    from extract.text import cell_paragraphs

    cases = {
        "<ul><li>Workshop on Risk Management</li></ul><p>in Customs (Ecuador, 2015)</p><p>Other prose.</p>": [
            "Workshop on Risk Management in Customs (Ecuador, 2015)",
            "Other prose.",
        ],
        "<ul> - A Workshop (Lomé,</ul><p>Togo, 2016) - B Forum (Peru, 2016)</p>": [
            "- A Workshop (Lomé, Togo, 2016) - B Forum (Peru, 2016)"
        ],
        "<p>Prose ends here,</p><p>Next prose.</p>": ["Prose ends here,", "Next prose."],  # not an entry
        "<p><u>(Asia/Pacific)</u></p><ul><li>x y</li></ul>": ["(Asia/Pacific)", "x y"],
    }
    for raw, expected in cases.items():
        assert [p.text for p in cell_paragraphs(raw, 1)] == expected, raw
