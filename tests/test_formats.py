"""The same report as text, Word and PDF gives the same actions and events."""

from __future__ import annotations

import difflib

import pytest

from tests.conftest import SAMPLES, SEED_000, SEED_001
from tests.scoring import score

RENDERINGS = [".docx", ".pdf", "_variant.docx", "_variant.pdf"]
EVENT_FIELDS = [
    "action_no",
    "item_no",
    "region",
    "kind",
    "title",
    "country_iso3",
    "city",
    "start_date",
    "end_date",
]
ACTION_FIELDS = [
    "action_no", "section_no", "section_title", "action_text", "responsible_body", "work_programme",
    "timeframe", "deadline", "continuous",
]  # fmt: skip


def _lines(df, fields):
    return [
        "\t".join("" if v != v or v is None else str(v) for v in row) for row in df[fields].values.tolist()
    ]


def _by_file(dataset, name):
    return {t: df[df["source_file"] == str(SAMPLES / name)] for t, df in
            (("events", dataset.events), ("actions", dataset.actions))}  # fmt: skip


def _assert_same(expected, got, what):
    if expected != got:
        diff = "\n".join(difflib.unified_diff(expected, got, "from .txt", what, lineterm="", n=0))
        pytest.fail(f"{what} differs from the text version:\n{diff}")


@pytest.mark.parametrize("seed", [SEED_000, SEED_001])
@pytest.mark.parametrize("rendering", RENDERINGS)
def test_same_actions_and_events_as_text(all_samples, seed, rendering):
    text = _by_file(all_samples, f"{seed}.txt")
    other = _by_file(all_samples, f"{seed}{rendering}")
    assert len(other["actions"]) == len(text["actions"]) > 0
    _assert_same(
        _lines(text["actions"], ACTION_FIELDS), _lines(other["actions"], ACTION_FIELDS), seed + rendering
    )
    _assert_same(
        _lines(text["events"], EVENT_FIELDS), _lines(other["events"], EVENT_FIELDS), seed + rendering
    )


@pytest.mark.parametrize("rendering", [".txt", *RENDERINGS])
def test_seed_000_scores_against_gold_in_every_format(all_samples, gold_events, rendering):
    events = _by_file(all_samples, f"{SEED_000}{rendering}")["events"]
    records = [{**r, "doc": SEED_000} for r in events.to_dict("records")]
    result = score(gold_events, records)
    assert result.records_f1 >= 0.99 and result.full_f1 >= 0.98, result.misses


@pytest.mark.parametrize("rendering", [".txt", *RENDERINGS])
def test_all_48_actions_right_from_every_format(all_samples, gold_actions, rendering):
    wrong = []
    for seed in (SEED_000, SEED_001):
        actions = _by_file(all_samples, f"{seed}{rendering}")["actions"].to_dict("records")
        got = {int(a["action_no"]): a for a in actions}
        for g in (g for g in gold_actions if g["doc"] == seed):
            a = got[g["action_no"]]
            for field in ("section_no", "responsible_body", "timeframe", "deadline", "continuous"):
                value = a[field]
                value = None if value != value else value
                if field in ("section_no", "continuous") and value is not None:
                    value = type(g[field])(value)
                if value != g[field]:
                    wrong.append((seed, g["action_no"], field, g[field], value))
    assert not wrong


def test_same_event_key_whatever_the_format(all_samples):
    events = all_samples.events
    keys = {}
    for rendering in [".txt", ".docx", ".pdf"]:
        e = events[events["source_file"] == str(SAMPLES / f"{SEED_000}{rendering}")]
        keys[rendering] = e["event_key"].tolist()
    assert keys[".txt"] == keys[".docx"] == keys[".pdf"]
    assert len(set(keys[".txt"])) == 136


def test_pdf_rows_run_across_page_breaks(all_samples):
    events = all_samples.events
    pdf = events[events["source_file"] == str(SAMPLES / f"{SEED_000}.pdf")]
    pages_per_action = pdf.groupby("action_no")["page"].nunique()
    assert (pages_per_action > 1).sum() >= 3  # the merge was needed, and happened


def test_pdf_items_carry_a_bounding_box_around_their_text(all_samples):
    import pdfplumber

    path = SAMPLES / f"{SEED_000}.pdf"
    events = all_samples.events[all_samples.events["source_file"] == str(path)]
    assert events["bbox"].notna().all()
    with pdfplumber.open(path) as pdf:
        for e in events.sample(20, random_state=1).itertuples():
            x0, top, x1, bottom = map(float, e.bbox)
            words = pdf.pages[int(e.page) - 1].crop((x0 - 1, top - 1, x1 + 1, bottom + 1)).extract_text()
            assert e.source_text.split()[0] in words


def test_pdf_field_boxes_hold_the_field_text(all_samples):
    import pdfplumber

    path = SAMPLES / f"{SEED_000}.pdf"
    events = all_samples.events[all_samples.events["source_file"] == str(path)]
    located = events[events["location_bbox"].notna()]
    assert len(located) >= 90 and events["title_bbox"].notna().all()
    with pdfplumber.open(path) as pdf:
        for e in located.sample(25, random_state=2).itertuples():
            page = pdf.pages[int(e.page) - 1]
            for box, text in ((e.location_bbox, e.location_text), (e.date_bbox, e.date_text)):
                if box is None:  # no date on this item
                    continue
                x0, top, x1, bottom = map(float, box)
                crop = page.crop((x0 - 0.5, top - 0.5, x1 + 0.5, bottom + 0.5))
                inside = "".join(crop.extract_text().split())
                assert "".join(text.split()) in inside, (text, inside)
