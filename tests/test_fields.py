"""Organisers only where the text says a body organised the event, one spelling per
body; scope only from the event's own head phrase; a gathering with no place is
flagged; `decision` is not in the vocabulary (statements are typed `other`)."""

from __future__ import annotations

import csv

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from normalize.events import find_organisers, warning_penalties
from normalize.fields import canonical, classify_scope, gathering_types
from normalize.schema import EVENT_TYPES
from tests.conftest import ROOT


@pytest.mark.parametrize(
    "title, kind, expected",
    [
        ("Sub-Regional Workshop on Simplification of Trade Procedures organized by GIZ and OSCE", "event",
         ("GIZ", "OSCE")),
        ("Seminar on Transit co-organised by the WCO and UNODC", "event", ("WCO", "UNODC")),
        ("ADB TRS Conference", "event", ("ADB",)),
        ("Joint WCO-UPU Customs-Post Workshop", "event", ("WCO-UPU",)),
        ("WCO-UPU Joint Regional Customs-UPU Workshop", "event", ("WCO-UPU",)),
        ("ICAO-WCO Joint Working Group on Advance Cargo Information", "event", ("WCO-ICAO",)),
        ("WCO-ICAO Joint Working Group on Advance Cargo Information", "event", ("WCO-ICAO",)),
        ("WCO/UPU Workshop on Postal Traffic", "event", ("WCO-UPU",)),
        ("ADB, WCO and WTO Forum on Trade Facilitation", "event", ("ADB", "WCO", "WTO")),
        ("International Workshop on AEOs, Customs Fraud and Enforcement and the WTO TFA", "event", ()),
        ("National Workshop on CBM, Single Window and WCO Data Model", "event", ()),
        ("Trade Facilitation Workshop for WAEMU", "event", ()),
        ("IDB Seminar for GCC Countries on Trade Facilitation and the WTO Agreement", "event", ("IDB",)),
        ("Meeting of ACP Ministers of Trade", "event", ("ACP",)),
        ("Board of Directors Meeting of IFCBA", "event", ("IFCBA",)),
        ("WCO News, featuring API/PNR", "event", ()),  # a publication has no organiser
        ("New WCO Guidance was unveiled at the TFA Working Group", "development", ()),
        ("The WCO-ICAO Joint Working Group has been finalized", "development", ()),
        ("A workshop was organized by the WCO in Kenya", "development", ("WCO",)),
        ("Atelier régional sur le transit organisé par l'OMD", "event", ()),  # no French acronym table here
    ],
)  # fmt: skip
def test_organisers(title, kind, expected):
    assert find_organisers(title, kind) == expected


def test_an_organised_by_phrase_outside_the_title_counts():
    text = "Seminar on Risk Management organized by GIZ in Vienna, 3 May 2016"
    assert find_organisers("Seminar on Risk Management", "event", "seminar", text) == ("GIZ",)


def test_one_spelling_per_body_pair():
    assert canonical(["ICAO", "WCO"]) == canonical(["WCO", "ICAO"]) == "WCO-ICAO"
    assert canonical(["UPU", "WCO", "UPU"]) == "WCO-UPU"


@pytest.mark.parametrize(
    "title, kind, expected",
    [
        ("National Workshop on Risk Management", "event", "national"),
        ("Sub-Regional Workshop on PCA", "event", "sub-regional"),
        ("Regional Train-the-Trainer Workshop for Joint IPR Enforcement", "event", "regional"),
        ("WCO Regional Integration Conference", "event", None),
        ("Workshop on Regional Integration", "event", None),
        ("National Workshop on the Regional Integration Agenda", "event", "national"),
        ("14th Meeting of the Central Asia Regional Economic Cooperation (CAREC) Programme", "event", None),
        ("Workshop on the National Single Window", "event", None),
        ("Workshop on Transit, including a regional dialogue", "event", None),
        ("The regional strategy was endorsed", "development", None),
        ("World Chambers Congress", "event", "global"),
        ("Atelier régional sur le transit", "event", None),  # language given below
    ],
)
def test_scope_from_the_head_phrase(title, kind, expected):
    assert classify_scope(title, kind) == expected


def test_scope_in_french_follows_the_noun():
    assert classify_scope("Atelier régional sur le transit", "event", "fr") == "regional"
    assert classify_scope("Atelier sur l'intégration régionale", "event", "fr") is None


def test_no_place_is_a_documented_warning_with_a_penalty():
    assert warning_penalties()["no_place"] > 0
    assert {"workshop", "meeting", "mission"} <= gathering_types()
    assert not {"publication", "other"} & gathering_types()


def test_no_place_flags_a_gathering_without_a_place():
    from tests.test_events import event as parse

    flagged = parse("Regional Workshop on Transit (June 2015)")
    assert "no_place" in flagged.warnings and flagged.confidence < 1
    assert "no_place" not in parse("Regional Workshop on Transit (Kenya, June 2015)").warnings
    assert "no_place" not in parse("Guide on Transit (June 2015)").warnings  # a publication
    assert "no_place" not in parse("Workshop on Transit (online, June 2015)").warnings


def test_decision_is_not_in_the_vocabulary():
    """The hand-checked gold types every statement `other` (`the Council endorsed ...`
    included); `kind = development` is what marks a statement."""
    with open(ROOT / "normalize" / "data" / "lang" / "en" / "event_types.csv", encoding="utf-8") as f:
        produced = {row["event_type"] for row in csv.DictReader(f)} | {"other"}
    assert "decision" not in EVENT_TYPES and set(EVENT_TYPES) == produced


@settings(max_examples=60, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("abc WCO-UPU ICAO, and of organized by Workshop Meeting /")),
        max_size=80,
    )
)
def test_organisers_of_any_text_are_known_bodies_in_one_spelling(text):
    from normalize.nlp import organisations

    known = {o.acronym for o in organisations().values()}
    for kind in ("event", "development"):
        found = find_organisers(text, kind)
        assert len(found) == len(set(found))
        for org in found:
            members = org.split("-")
            assert set(members) <= known and org == canonical(members)
        assert classify_scope(text, kind) in (None, "national", "sub-regional", "regional", "global")
