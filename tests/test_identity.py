"""Event identity across mentions, unique events, and the diff of two versions."""

from __future__ import annotations

import pandas as pd
import pytest

import pipeline
from normalize.identity import assign_event_keys
from normalize.versions import diff_events
from tests.conftest import SAMPLES, SEED_000

# Every merge seed 000 holds: (action, item) pairs naming the same real event.
SAME_EVENT = [
    ((2, 1), (5, 4)),  # Mercator Programme, Colombia
    ((2, 2), (5, 8)),  # Mercator Programme, South Africa / Johannesburg: country vs city
    ((2, 3), (5, 7)),  # Mercator Programme, Bahrain
    ((2, 4), (5, 3)),  # Mercator Programme, Hungary
    ((5, 6), (8, 2)),  # donors' conference, Cameroon
    ((1, 41), (6, 30)),  # Joint WCO-UPU Customs-Post Workshop / WCO-UPU Joint Regional ...: reordered
    ((6, 4), (20, 1)),  # ... Portuguese-Speaking Countries (CPLP) / ... CPLP countries: acronym
    ((6, 3), (6, 7)),  # Train-the-Trainer, Malaysia: counterfeiting and piracy = IPR (doubtful: merged)
]
DIFFERENT = [
    ((6, 5), (6, 6)),  # National TRS vs National IPR Workshop, same country and week
    (
        (2, 2),
        (8, 1),
    ),  # Mercator vs Strategic Initiatives workshop, South Africa, same dates (doubtful: apart)
    ((1, 29), (1, 30)),  # two meetings in Belgium in June
    ((6, 9), (6, 10)),  # same dates, Bangladesh vs Maldives
    ((1, 2), (4, 1)),  # forum in China vs placeless TFA guidance update, same month
]


@pytest.fixture(scope="module")
def seed_events(seed_dataset):
    ev = seed_dataset.events
    return ev[ev["doc"] == SEED_000].set_index(["action_no", "item_no"])


def _key(events, action_item):
    action, item = action_item
    return events.loc[(str(action), item), "event_key"]


@pytest.mark.parametrize(("a", "b"), SAME_EVENT)
def test_mentions_of_one_event_share_a_key(seed_events, a, b):
    assert _key(seed_events, a) == _key(seed_events, b)


@pytest.mark.parametrize(("a", "b"), DIFFERENT)
def test_distinct_events_keep_distinct_keys(seed_events, a, b):
    assert _key(seed_events, a) != _key(seed_events, b)


def test_no_other_merges_in_seed_000(seed_events):
    merged = {frozenset(map(str, pair)) for pair in SAME_EVENT}
    groups = seed_events.reset_index().groupby("event_key")
    found = {
        frozenset(str((int(r.action_no), int(r.item_no))) for r in g.itertuples())
        for _, g in groups
        if len(g) > 1
    }
    assert found == merged
    assert seed_events["event_key"].nunique() == 136


def test_unique_events_table(seed_dataset):
    u = seed_dataset.unique_events
    assert len(u) == seed_dataset.events["event_key"].nunique()
    johannesburg = u[u["city"] == "Johannesburg"].iloc[0]
    assert johannesburg["mentions"] == 2 and johannesburg["country_iso3"] == "ZAF"
    assert johannesburg["first_report"] == johannesburg["last_report"] == SEED_000


def test_keys_do_not_depend_on_row_order(seed_dataset):
    ev = seed_dataset.events
    shuffled = ev.sample(frac=1, random_state=7)
    keys = dict(zip(shuffled.index, assign_event_keys(shuffled), strict=True))
    assert [keys[i] for i in ev.index] == assign_event_keys(ev)


def _edited_copy(tmp_path):
    text = (SAMPLES / f"{SEED_000}.txt").read_text(encoding="utf-8")
    edits = [
        ("(Ecuador, 22-26 June 2015)", "(Ecuador, 23-26 June 2015)"),  # a date corrected
        (" - National Workshop on Transit (Azerbaijan, 19-21 May 2015)", ""),  # an event removed
        (
            " - Columbus Mission Phase 3 (Qatar, 17-21 May 2015)",
            " - Columbus Mission Phase 3 (Qatar, 17-21 May 2015)"
            " - National Workshop on Customs Valuation (Peru, 7-9 October 2015)",
        ),  # an event added
    ]
    for old, new in edits:
        assert old in text
        text = text.replace(old, new)
    path = tmp_path / f"{SEED_000}_edited.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_diff_reports_exactly_the_three_edits(tmp_path, capsys):
    edited = _edited_copy(tmp_path)
    assert pipeline.main(["diff", str(SAMPLES / f"{SEED_000}.txt"), str(edited), "--out", str(tmp_path)]) == 0
    diff = pd.read_csv(tmp_path / "diff.csv", dtype=str, keep_default_na=False)
    rows = sorted(zip(diff["change"], diff["title"], diff["field"], diff["old"], diff["new"], strict=True))
    assert rows == [
        ("added", "National Workshop on Customs Valuation", "", "", ""),
        ("changed", "National Workshop on Risk Management", "start_date", "2015-06-22", "2015-06-23"),
        ("removed", "National Workshop on Transit", "", "", ""),
    ]
    assert "1 added, 1 removed, 1 changed" in capsys.readouterr().out


def test_diff_of_output_folders_equals_diff_of_files(tmp_path):
    edited = _edited_copy(tmp_path)
    old_ds = pipeline.run([SAMPLES / f"{SEED_000}.txt"])
    new_ds = pipeline.run([edited])
    old_ds.write(tmp_path / "old")
    new_ds.write(tmp_path / "new")
    from_files = diff_events(old_ds.events, old_ds.documents, new_ds.events, new_ds.documents)
    from_folders = diff_events(
        *pipeline.load_version(tmp_path / "old"), *pipeline.load_version(tmp_path / "new")
    )
    assert from_files.fillna("").values.tolist() == from_folders.fillna("").values.tolist()
