"""Every reference table loads, is well-formed, and does what it is for."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from extract.tables import is_header_row, map_header
from normalize.events import classify_scope, classify_type, find_organisers
from normalize.nlp import organisations

ROOT = Path(__file__).resolve().parent.parent


def _rows(path):
    with open(ROOT / path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@pytest.mark.parametrize(
    ("header", "columns"),
    [
        (["", "Action", "Responsible body", "Timeframe/Deadline", "Progress"],
         ["no", "action", "responsible_body", "timeframe", "progress"]),
        (["", "Action", "Responsible body", "Relevant Work Programme or Action Plan", "Timeframe"],
         ["no", "action", "responsible_body", "work_programme", "timeframe"]),
        (["No.", "Action", "Responsible Body", "Relevant Work Programme/ Action Plan", "Time frame"],
         ["no", "action", "responsible_body", "work_programme", "timeframe"]),
        (["#", "Actions", "Lead", "Timeframe/ Deadline", "Progress / Status"],
         ["no", "action", "responsible_body", "timeframe", "progress"]),
        (["", "**Action**", "Responsible body", "Timeframe/\nDeadline", "Progress"],
         ["no", "action", "responsible_body", "timeframe", "progress"]),
        (["#", "Activities", "Responsibility", "Due date", "Status update"],
         ["no", "action", "responsible_body", "timeframe", "progress"]),
        (["No", "Measures", "By whom", "Schedule", "Results achieved"],
         ["no", "action", "responsible_body", "timeframe", "progress"]),
    ],
)  # fmt: skip
def test_header_synonyms(header, columns):
    assert map_header(header) == columns
    assert is_header_row(header)


def test_header_synonyms_file_is_well_formed():
    rows = _rows("extract/data/header_synonyms.csv")
    assert {r["match"] for r in rows} == {"exact", "contains"}
    assert {r["column"] for r in rows} == {
        "no",
        "action",
        "responsible_body",
        "work_programme",
        "timeframe",
        "progress",
        "remarks",
        "remarks|progress",  # Remarks beside a Progress column, else the Progress column
    }


def test_data_rows_are_not_headers():
    assert not is_header_row(["1", "Use of meetings", "WCO Secretariat", "Continuous activity", "- Workshop"])


def test_event_types_table_is_a_closed_vocabulary():
    rows = _rows("normalize/data/event_types.csv")
    labels = [r["event_type"] for r in rows]
    assert len(labels) == len(set(labels))
    assert sorted(int(r["priority"]) for r in rows) == list(range(1, len(rows) + 1))
    allowed = {
        "workshop", "seminar", "conference", "forum", "meeting", "mission", "training", "accreditation",
        "course", "publication", "launch",
    }  # fmt: skip
    assert set(labels) <= allowed


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("IDB AEO Training Workshop for Countries of the Pacific Alliance", "training"),
        ("National Workshop on Exit Conference for Issuance of a TRS Report", "workshop"),
        ("WCO Accreditation Workshop for Mercator Programme Advisors", "accreditation"),
        ("International Transport Forum's 2015 Annual Summit", "conference"),
        ("Aid for Trade 5th Global Review", "meeting"),
        ("Leaflet on the AEO Compendium 2015", "publication"),
        ("Authorized Economic Operator (AEO) Launch", "launch"),
        ("Preparation of a new e-learning course on Transit", "course"),
        ("Preparation of CLiKC! Upgrades", "other"),
        ("Sub-Regional Seminar on Valuation", "seminar"),
        ("Diagnostic Mission to Chad", "mission"),
    ],
)
def test_event_type_keywords(title, expected):
    assert classify_type(title, "event") == expected


def test_developments_are_typed_other():
    assert classify_type("In June 2015, the Council endorsed the Workshop guidance", "development") == "other"


@pytest.mark.parametrize(
    ("title", "scope"),
    [
        ("Sub-Regional Workshop on Risk Management", "sub-regional"),
        ("Regional Workshop on PCA", "regional"),
        ("National Workshop on AEO", "national"),
        ("International Workshop on AEOs", None),
        ("Global Conference on Transit", "global"),
    ],
)
def test_scope_keywords(title, scope):
    assert classify_scope(title) == scope


def test_organisations_table_and_matching():
    rows = _rows("normalize/data/organisations.csv")
    acronyms = [r["acronym"] for r in rows]
    assert len(acronyms) == len(set(acronyms))
    assert organisations()["Asian Development Bank"].acronym == "ADB"
    assert find_organisers("Joint WCO-UPU Customs-Post Workshop") == ("WCO-UPU",)
    assert find_organisers("Workshop organized by GIZ and OSCE") == ("GIZ", "OSCE")
    assert find_organisers("ADB, WCO and WTO Forum on Trade Facilitation") == ("ADB", "WCO", "WTO")
    assert find_organisers("National Workshop on AEO") == ()
