"""Word reports in layouts other producers write, each with the actions and events
it must give. `build.py` renders every case with python-docx, and with pandoc and
LibreOffice (from HTML); the .docx files are committed, so the tests need neither.

A paragraph spec is (kind, text): `p` plain, `li` a list entry (Word numbering),
`typed` a bullet typed by hand (`text` starts with the bullet, a tab follows it),
`fn` a list entry followed by a footnote marker in superscript (`text` is (entry,
marker, footnote); the footnote is typed at the end of the document),
`hang` a hanging indent and no bullet, `cont` a paragraph aligned with the text of
a hanging entry, `br` lines joined by soft line breaks (`text` is a list), `b`
bold, `u` underlined. A row is a list of cells (each a list of paragraph specs or
a plain string), or ("section", text) for a full-width row.
"""

from __future__ import annotations

from dataclasses import dataclass, field

HEADER = ["No.", "Action", "Responsible body", "Timeframe", "Progress"]


@dataclass(frozen=True)
class Case:
    name: str
    header_rows: list  # each: list of (text, colspan, rowspan)
    rows: list
    # (action_no, section_no, remarks)
    actions: list[tuple[str, int | None, str | None]]
    # (action_no, title, country_iso3, start_date, region)
    events: list[tuple[str, str, str | None, str | None, str | None]]
    warnings: list[str] = field(default_factory=list)  # codes that must be present
    producers: tuple[str, ...] = ("python-docx", "pandoc", "libreoffice")
    before: list[str] = field(
        default_factory=lambda: ["PROGRESS REPORT (AS OF 25 OCTOBER 2016)", "1. TRADE FACILITATION"]
    )
    table: bool = True
    footnotes: list[tuple[str, str]] = field(default_factory=list)  # (marker, text) after the table


def one_row(cells: list[str]) -> list:
    return [[(c, 1, 1) for c in cells]]


CASES = [
    Case(
        "two_row_header_remarks",
        [
            [
                ("No.", 1, 2),
                ("Action", 1, 2),
                ("Responsible body", 1, 2),
                ("Timeframe", 1, 2),
                ("Implementation", 2, 1),
            ],
            [("Progress", 1, 1), ("Remarks", 1, 1)],
        ],
        [
            [
                "1",
                "Raise awareness",
                "WCO Secretariat",
                "2016",
                [
                    ("li", "Regional Workshop on Risk Management (Peru, 3-5 May 2016)"),
                    ("li", "National Seminar on Valuation (Kenya, 10 June 2016)"),
                ],
                "On track",
            ],
            [
                "2",
                "Train officers",
                "Members",
                "2017",
                [("li", "Sub-regional Forum on Transit (Chad, 4 July 2016)")],
                "Delayed",
            ],
        ],
        [("1", 1, "On track"), ("2", 1, "Delayed")],
        [
            ("1", "Regional Workshop on Risk Management", "PER", "2016-05-03", None),
            ("1", "National Seminar on Valuation", "KEN", "2016-06-10", None),
            ("2", "Sub-regional Forum on Transit", "TCD", "2016-07-04", None),
        ],
    ),
    Case(
        "typed_bullets",
        one_row(HEADER),
        [
            [
                "1",
                "Raise awareness",
                "WCO Secretariat",
                "2016",
                [
                    ("typed", "•\tRegional Workshop on Risk Management (Peru, 3-5 May 2016)"),
                    ("typed", "\uf0b7\tNational Seminar on Valuation (Kenya, 10 June 2016)"),
                    ("typed", "-\tSub-regional Forum on Transit (Chad, 4 July 2016)"),
                    ("typed", "o\tNational Workshop on Origin (Mali, 8 August 2016)"),
                    ("typed", "a)\tRegional Conference on Data (Japan, 9 September 2016)"),
                ],
            ],
        ],
        [("1", 1, None)],
        [
            ("1", "Regional Workshop on Risk Management", "PER", "2016-05-03", None),
            ("1", "National Seminar on Valuation", "KEN", "2016-06-10", None),
            ("1", "Sub-regional Forum on Transit", "TCD", "2016-07-04", None),
            ("1", "National Workshop on Origin", "MLI", "2016-08-08", None),
            ("1", "Regional Conference on Data", "JPN", "2016-09-09", None),
        ],
    ),
    Case(
        "hanging_indent_and_aligned_continuation",
        one_row(HEADER),
        [
            [
                "1",
                "Raise awareness",
                "WCO Secretariat",
                "2016",
                [
                    ("hang", "Regional Workshop on Risk Management"),
                    ("cont", "Phase II (Peru, 3-5 May 2016)"),
                    ("hang", "National Seminar on Valuation (Kenya, 10 June 2016)"),
                ],
            ],
        ],
        [("1", 1, None)],
        [
            ("1", "Regional Workshop on Risk Management Phase II", "PER", "2016-05-03", None),
            ("1", "National Seminar on Valuation", "KEN", "2016-06-10", None),
        ],
        producers=("python-docx",),  # the HTML the others start from has no hanging indent
    ),
    Case(
        "continuation_paragraphs",
        one_row(HEADER),
        [
            [
                "1",
                "Raise awareness",
                "WCO Secretariat",
                "2016",
                [
                    ("typed", "•\tNational Workshop on Risk Management"),
                    ("p", "in Customs (Ecuador, 22-26 June 2015)"),
                    ("typed", "•\tRegional Seminar on Valuation (Lomé,"),
                    ("p", "Togo, 3-5 May 2016)"),
                    ("typed", "•\tSub-regional Forum on Transit (Chad, 4 July 2016)"),
                ],
            ],
        ],
        [("1", 1, None)],
        [
            ("1", "National Workshop on Risk Management in Customs", "ECU", "2015-06-22", None),
            ("1", "Regional Seminar on Valuation", "TGO", "2016-05-03", None),
            ("1", "Sub-regional Forum on Transit", "TCD", "2016-07-04", None),
        ],
    ),
    Case(
        "soft_line_breaks",
        one_row(HEADER),
        [
            [
                "1",
                "Raise awareness",
                "WCO Secretariat",
                "2016",
                [
                    ("br", ["•\tNational Workshop on Trade", "Facilitation (Kenya, 3 May 2016)"]),
                    (
                        "br",
                        ["•\tForum on Transit (Chad, 4 May 2016)", "•\tForum on Origin (Mali, 5 May 2016)"],
                    ),
                ],
            ],
        ],
        [("1", 1, None)],
        [
            ("1", "National Workshop on Trade Facilitation", "KEN", "2016-05-03", None),
            ("1", "Forum on Transit", "TCD", "2016-05-04", None),
            ("1", "Forum on Origin", "MLI", "2016-05-05", None),
        ],
    ),
    Case(
        "en_dash_in_title",
        one_row(HEADER),
        [
            [
                "1",
                "Raise awareness",
                "WCO Secretariat",
                "2019",
                [
                    (
                        "typed",
                        "•\tNational Workshop on the WTO Trade Facilitation Agreement (TFA)"
                        " – Mercator Programme (Lomé, Togo, 12-14 March 2019)",
                    ),
                    ("li", "Regional Workshop on the TFA – Mercator Programme (Senegal, 2-4 April 2019)"),
                ],
            ],
        ],
        [("1", 1, None)],
        [
            (
                "1",
                "National Workshop on the WTO Trade Facilitation Agreement (TFA) – Mercator Programme",
                "TGO",
                "2019-03-12",
                None,
            ),
            ("1", "Regional Workshop on the TFA – Mercator Programme", "SEN", "2019-04-02", None),
        ],
    ),
    Case(
        "section_rows_inside_the_table",
        one_row(HEADER),
        [
            ("section", "1. AWARENESS-RAISING"),
            [
                "1",
                "Raise awareness",
                "WCO Secretariat",
                "2016",
                [("li", "Forum on Transit (Chad, 4 May 2016)")],
            ],
            ("section", "2. CAPACITY BUILDING"),
            ["2", "Train officers", "Members", "2017", [("li", "Forum on Origin (Mali, 5 May 2016)")]],
            ["3", "Coach trainers", "Members", "2017", [("li", "Workshop on Data (Peru, 6 May 2016)")]],
        ],
        [("1", 1, None), ("2", 2, None), ("3", 2, None)],
        [
            ("1", "Forum on Transit", "TCD", "2016-05-04", None),
            ("2", "Forum on Origin", "MLI", "2016-05-05", None),
            ("3", "Workshop on Data", "PER", "2016-05-06", None),
        ],
        before=["PROGRESS REPORT (AS OF 25 OCTOBER 2016)"],
    ),
    Case(
        "columns_in_another_order",
        one_row(["Progress", "Timeframe", "No.", "Action", "Responsible body", "Comments"]),
        [
            [
                [("li", "Forum on Transit (Chad, 4 May 2016)"), ("li", "Forum on Origin (Mali, 5 May 2016)")],
                "2016",
                "1",
                "Raise awareness",
                "WCO Secretariat",
                "Completed",
            ],
        ],
        [("1", 1, "Completed")],
        [
            ("1", "Forum on Transit", "TCD", "2016-05-04", None),
            ("1", "Forum on Origin", "MLI", "2016-05-05", None),
        ],
    ),
    Case(
        "sub_headings_only_for_regions",
        one_row(HEADER),
        [
            [
                "1",
                "Raise awareness",
                "WCO Secretariat",
                "2016",
                [
                    ("b", "Launch of the AEO Compendium"),
                    ("p", "(to be confirmed)"),
                    ("u", "(Asia/Pacific)"),
                    ("li", "Regional Workshop on Risk Management (Japan, 3-5 May 2016)"),
                ],
            ],
        ],
        [("1", 1, None)],
        [
            ("1", "Launch of the AEO Compendium", None, None, None),
            ("1", "Regional Workshop on Risk Management", "JPN", "2016-05-03", "Asia/Pacific"),
        ],
        warnings=["unclear_subheading"],
    ),
    Case(
        "footnote_markers",
        one_row(HEADER),
        [
            [
                "1",
                "Raise awareness",
                "WCO Secretariat",
                "2024",
                [
                    (
                        "fn",
                        (
                            "Regional Workshop on Risk Management (Côte d'Ivoire, 15-19 Jan. 2024)",
                            "2",
                            "Funded by the CCF Korea.",
                        ),
                    ),
                    ("li", "National Seminar on Valuation (Kenya, 5 February 2024)"),
                ],
            ],
        ],
        [("1", 1, None)],
        [
            ("1", "Regional Workshop on Risk Management", "CIV", "2024-01-15", None),
            ("1", "National Seminar on Valuation", "KEN", "2024-02-05", None),
        ],
        footnotes=[("2", "Funded by the CCF Korea.")],
    ),
    Case(
        "no_table_at_all",
        [],
        [],
        [],
        [],
        warnings=["no_action_table"],
        before=["PROGRESS REPORT", "The Secretariat held several workshops this year."],
        table=False,
    ),
    Case(
        "table_without_action_header",
        one_row(["Name", "Date", "Place"]),
        [["Workshop", "3 May 2016", "Lima"]],
        [],
        [],
        warnings=["no_action_table"],
    ),
]
