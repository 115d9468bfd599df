"""Items -> events on variations built beyond the seeds."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from extract.model import Action, Item, Row
from normalize.events import parse_event, warning_penalties

REFERENCE = date(2016, 3, 31)
ACTION = Action(
    "doc", "doc.txt", 1, "SECTION", "1", "Do", "WCO", ("WCO",), None, None, None, True, 1, 0, 0,
    Row((), 1, 0, 0),
)  # fmt: skip


def event(text: str, language: str = "en", reference: date = REFERENCE):
    return parse_event(Item(ACTION, 1, text, 0, len(text), 1, None, False), reference, language)


@pytest.mark.parametrize(
    ("text", "title", "iso3", "city", "start", "end", "precision"),
    [
        ("Regional Workshop on AEO (Nairobi, Kenya, 7-9 March 2016)", "Regional Workshop on AEO",
         "KEN", "Nairobi", "2016-03-07", "2016-03-09", "day"),
        ("Regional Workshop on AEO (Mombasa, Kenya, 7-9 March 2016)", "Regional Workshop on AEO",
         "KEN", "Mombasa", "2016-03-07", "2016-03-09", "day"),
        ("Seminar on Valuation (Dakar, 2 to 4 February 2016).", "Seminar on Valuation",
         "SEN", "Dakar", "2016-02-02", "2016-02-04", "day"),
        ("Forum on Transit (Côte d’Ivoire, 30 December 2015 - 3 January 2016)", "Forum on Transit",
         "CIV", None, "2015-12-30", "2016-01-03", "day"),
        ("Global Conference (WCO Headquarters, 14-15 January 2016)", "Global Conference",
         "BEL", "Brussels", "2016-01-14", "2016-01-15", "day"),
        ("Webinar on E-Commerce (virtual, 20 January 2016)", "Webinar on E-Commerce",
         None, None, "2016-01-20", "2016-01-20", "day"),
        ("Joint Mission (Kenya and Uganda, February 2016)", "Joint Mission",
         "KEN;UGA", None, "2016-02", "2016-02", "month"),
        ("Meeting of the Working Group (Phase II) (Lao PDR, 1 March)",
         "Meeting of the Working Group (Phase II)", "LAO", None, "2016-03-01", "2016-03-01", "day"),
        ("Meeting of the PSCG (WCO Headquarters, 1 April)", "Meeting of the PSCG",
         "BEL", "Brussels", "2015-04-01", "2015-04-01", "day"),
        ("National Workshop on SAFE (Viet Nam, June 10-14, 2015)", "National Workshop on SAFE",
         "VNM", None, "2015-06-10", "2015-06-14", "day"),
        ("Study visit (The Former Yugoslav Republic of Macedonia, 20th-24th February 2016)", "Study visit",
         "MKD", None, "2016-02-20", "2016-02-24", "day"),
        ("Launch of the TRS Guide (2015)", "Launch of the TRS Guide", None, None, "2015", "2015", "year"),
        ("A report was submitted to the Council in June 2015 (Doc. SC0123)",
         "A report was submitted to the Council in June 2015", None, None, "2015-06", "2015-06", "month"),
        ("The PTC met in Brussels on 15 and 16 October 2015 and adopted the plan",
         "The PTC met in Brussels on 15 and 16 October 2015 and adopted the plan",
         "BEL", "Brussels", "2015-10-15", "2015-10-16", "day"),
        ("Case Studies on Sri Lanka, Nigeria and Oman", "Case Studies on Sri Lanka, Nigeria and Oman",
         None, None, None, None, None),
        ("Trade Facilitation Workshop for WAEMU (Niger, 3-5 May 2015)",
         "Trade Facilitation Workshop for WAEMU", "NER", None, "2015-05-03", "2015-05-05", "day"),
    ],
)  # fmt: skip
def test_listed_events(text, title, iso3, city, start, end, precision):
    e = event(text)
    assert (e.title, e.country_iso3, e.city, e.start_date, e.end_date, e.date_precision) == (
        title, iso3, city, start, end, precision,
    )  # fmt: skip


def test_references_are_kept_apart():
    e = event("A progress report was submitted to the PTC in October 2015 (Doc. PC0426)")
    assert e.references == ("Doc. PC0426",)
    assert e.kind == "development"


def test_unreadable_date_is_kept_and_flagged():
    e = event("National Workshop on AEO (Kenya, 03/04/2016)")
    assert e.country_iso3 == "KEN" and e.start_date is None
    assert e.date_text == "03/04/2016"
    assert "unparsed_date" in e.warnings and e.confidence < 1.0


def test_unknown_place_is_kept_and_flagged():
    e = event("Regional Forum (Atlantis, 3 May 2015)")
    assert e.country_iso3 is None and e.location_text == "Atlantis"
    assert "unknown_place" in e.warnings


def test_held_at_is_an_event_not_a_development():
    e = event("WCO Regional Integration Conference was held at WCO Headquarters on 15 and 16 June 2015")
    assert e.kind == "event" and e.event_type == "conference" and e.city == "Brussels"


def test_inferred_year_lowers_confidence():
    e = event("ADB TRS Exit Conference (Malaysia, 13 October)")
    assert e.start_date == "2015-10-13" and "inferred_year" in e.warnings
    assert e.confidence == pytest.approx(1 - warning_penalties()["inferred_year"])


def test_every_warning_code_is_documented():
    path = Path(__file__).resolve().parent.parent / "normalize" / "data" / "warnings.csv"
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert all(0 < float(r["penalty"]) <= 1 and r["meaning"] for r in rows)
    source = (path.parent.parent / "events.py").read_text(encoding="utf-8")
    used = set(__import__("re").findall(r'warnings\.append\("(\w+)"\)', source))
    from normalize.identity import SHARED_KEY

    assert used | {SHARED_KEY} == {r["code"] for r in rows}


@pytest.mark.parametrize(
    ("text", "iso3", "city", "start"),
    [
        ("Workshop (22-23 October 2015, China)", "CHN", None, "2015-10-22"),
        ("Meeting (3 May 2015, Nairobi, Kenya)", "KEN", "Nairobi", "2015-05-03"),
    ],
)
def test_date_before_place(text, iso3, city, start):
    e = event(text)
    assert (e.title, e.country_iso3, e.city, e.start_date) == (text.split(" (")[0], iso3, city, start)
    assert text[e.location_span[0] : e.location_span[1]] == e.location_text


@pytest.mark.parametrize(
    ("text", "title", "iso3", "start", "end"),
    [
        ("Lomé, Togo, 12-16 septembre 2016 : atelier national sur l'OEA", "atelier national sur l'OEA",
         "TGO", "2016-09-12", "2016-09-16"),
        ("12-16 September 2016: National Workshop on AEO", "National Workshop on AEO",
         None, "2016-09-12", "2016-09-16"),
        ("Siège de l'OMD, Bruxelles : Réunion du Comité", "Réunion du Comité",
         "BEL", None, None),
        ("Consultation des Membres : mars-avril 2017", "Consultation des Membres",
         None, "2017-03", "2017-04"),
        # a colon inside a title is not a place or a date
        ("Guide: a new approach to risk", "Guide: a new approach to risk", None, None, None),
        ("Phase 2: Workshop on Customs Transit", "Phase 2: Workshop on Customs Transit", None, None, None),
    ],
)  # fmt: skip
def test_place_and_date_around_a_colon(text, title, iso3, start, end):
    found = event(text)
    assert (found.title, found.country_iso3, found.start_date, found.end_date) == (title, iso3, start, end)
    assert text[slice(*found.title_span)] == found.title


@pytest.mark.parametrize(
    ("text", "language", "title", "location_text", "start"),
    [
        ("Réunion de validation du module par visioconférence (fin septembre 2016)", "fr",
         "Réunion de validation du module", "par visioconférence", "2016-09"),
        ("Meeting of the Bureau by videoconference (3 May 2016)", "en", "Meeting of the Bureau",
         "by videoconference", "2016-05-03"),
        ("Reunión del Comité por videoconferencia (3 de mayo de 2016)", "es", "Reunión del Comité",
         "por videoconferencia", "2016-05-03"),
        ("Workshop on AEO (Kenya, early March 2016)", "en", "Workshop on AEO", "Kenya", "2016-03"),
        # the words stay where they are a title's own
        ("Regional Webinar (5 May 2016)", "en", "Regional Webinar", None, "2016-05-05"),
        ("Workshop organized by the Ministry (Kenya, 3 May 2016)", "en", "Workshop organized by the Ministry",
         "Kenya", "2016-05-03"),
    ],
)  # fmt: skip
def test_online_tail_and_qualified_month(text, language, title, location_text, start):
    found = event(text, language)
    assert (found.title, found.location_text, found.start_date) == (title, location_text, start)
