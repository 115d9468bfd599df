"""The converted-text seeds against their hand-checked gold."""

from __future__ import annotations

import pytest

from extract import read
from tests.conftest import SAMPLES, SEED_000
from tests.scoring import score


def _records(df):
    return [{k: (None if v != v else v) for k, v in r.items()} for r in df.to_dict("records")]


def test_seed_000_scores_against_gold(seed_dataset, gold_events):
    events = _records(seed_dataset.events[seed_dataset.events["doc"] == SEED_000])
    result = score(gold_events, events)
    detail = "\n".join(f"{fields}: {text}" for text, fields in result.misses)
    assert result.records_f1 >= 0.99, detail
    assert result.full_f1 >= 0.98, detail


@pytest.mark.parametrize("field", ["section_no", "responsible_body", "timeframe", "deadline", "continuous"])
def test_all_48_actions_match_gold(seed_dataset, gold_actions, field):
    got = {(r["doc"], int(r["action_no"])): r for r in _records(seed_dataset.actions)}
    assert len(got) == len(gold_actions) == 48
    wrong = []
    for g in gold_actions:
        r = got[(g["doc"], g["action_no"])]
        value = r[field]
        if field == "section_no":
            value = int(value)
        if field == "continuous":
            value = bool(value)
        if value != g[field]:
            wrong.append((g["doc"], g["action_no"], g[field], value))
    assert not wrong


def test_every_event_span_gives_back_its_source_text(seed_dataset):
    texts = seed_dataset.texts
    for r in _records(seed_dataset.events):
        text = texts[r["source_file"]]
        assert text[r["char_start"] : r["char_end"]] == r["source_text"]
        assert text[r["title_start"] : r["title_end"]] == r["title"]
        if r["date_start"] is not None:
            assert text[r["date_start"] : r["date_end"]] == r["date_text"]
        if r["location_start"] is not None:
            assert text[r["location_start"] : r["location_end"]] == r["location_text"]


def test_page_break_cut_item_is_rejoined():
    doc = read(SAMPLES / f"{SEED_000}.txt")
    assert (
        "ICAO-WCO Joint Working Group on Advance Cargo Information (United States, 18-20 May 2015)"
        in doc.text
    )


def test_document_metadata():
    doc = read(SAMPLES / f"{SEED_000}.txt")
    assert doc.title == "PROGRESS IN IMPLEMENTING THE ECP ACTION PLAN"
    assert doc.as_of.isoformat() == "2015-10-25"
    assert doc.doc_type == "progress_report"
    assert [s.title for s in doc.sections] == [
        "AWARENESS-RAISING",
        "CAPACITY BUILDING DELIVERY",
        "DEVELOPMENT AND ELABORATION OF THE ECP",
        "REGIONAL INTEGRATION",
    ]
    plan = read(SAMPLES / "001_6aa9410e70b24e4d.txt")
    assert plan.title == "ECP Action Plan for Phase III"
    assert plan.doc_type == "action_plan"
    assert plan.issued.isoformat() == "2016-09-19"
    # The cover note's numbered paragraphs are not sections.
    assert [s.number for s in plan.sections] == [1, 2, 3, 4, 5, 6, 7]
    assert plan.sections[5].title == "E-Commerce"


def test_output_is_deterministic(tmp_path, seed_dataset):
    import pipeline

    a, b = tmp_path / "a", tmp_path / "b"
    seed_dataset.write(a)
    pipeline.run([SAMPLES / f"{seed}.txt" for seed in (SEED_000, "001_6aa9410e70b24e4d")]).write(b)
    for f in sorted(p for p in a.rglob("*") if p.is_file()):
        if f.suffix == ".duckdb":  # a database file: same tables (tests/test_outputs.py), not same bytes
            continue
        assert f.read_bytes() == (b / f.relative_to(a)).read_bytes(), f.name


def test_event_type_and_kind_agree_with_gold(seed_dataset, gold_events):
    events = seed_dataset.events[seed_dataset.events["doc"] == SEED_000]
    by_item = {(int(r["action_no"]), int(r["item_no"])): r for r in events.to_dict("records")}
    pairs = [(g, by_item[(g["action_no"], g["item_no"])]) for g in gold_events]
    assert sum(g["event_type"] == r["event_type"] for g, r in pairs) / len(pairs) >= 0.95
    assert sum(g["kind"] == r["kind"] for g, r in pairs) / len(pairs) >= 0.95
    assert [None if r["region"] != r["region"] else r["region"] for _, r in pairs] == [
        g["region"] for g, _ in pairs
    ]
