"""Event identity across mentions, unique events, and the diff of two versions."""

from __future__ import annotations

import pandas as pd
import pytest

import pipeline
from normalize.identity import assign_event_keys, event_key, match_mentions
from normalize.versions import diff_events
from tests.conftest import SAMPLES, SEED_000, SEED_001

# Every pair of mentions of one real event in seed 000: (action, item).
SAME_EVENT = [
    ((2, 1), (5, 4)),  # Mercator Programme, Colombia
    ((2, 2), (5, 8)),  # Mercator Programme, South Africa / Johannesburg: country vs city
    ((2, 3), (5, 7)),  # Mercator Programme, Bahrain
    ((2, 4), (5, 3)),  # Mercator Programme, Hungary
    ((5, 6), (8, 2)),  # donors' conference, Cameroon
    ((1, 41), (6, 30)),  # Joint WCO-UPU Customs-Post Workshop / WCO-UPU Joint Regional ...: reordered
    ((6, 4), (20, 1)),  # ... Portuguese-Speaking Countries (CPLP) / ... CPLP countries: acronym
]
# Matched by diff's looser rule, not by the stored key: "counterfeiting and piracy" is
# IPR enforcement, but only one title carries the acronym (doubtful; the key keeps them apart).
LOOSE_ONLY = [((6, 3), (6, 7))]
DIFFERENT = [
    ((6, 5), (6, 6)),  # National TRS vs National IPR Workshop, same country and week
    ((1, 29), (1, 30)),  # two meetings in Belgium in June
    ((6, 9), (6, 10)),  # same dates, Bangladesh vs Maldives
    ((1, 2), (4, 1)),  # forum in China vs placeless TFA guidance update, same month
    ((6, 3), (6, 7)),  # see LOOSE_ONLY
]
# The key's trade-off: same type, country and dates, no acronym or number to tell the
# titles apart: one key, each mention flagged `shared_key`.
SHARED_KEY = [((2, 2), (8, 1))]  # Mercator vs Strategic Initiatives workshop, South Africa


@pytest.fixture(scope="module")
def seed_events(seed_dataset):
    ev = seed_dataset.events
    return ev[ev["doc"] == SEED_000].set_index(["action_no", "item_no"])


def _key(events, action_item):
    action, item = action_item
    return events.loc[(str(action), item), "event_key"]


@pytest.mark.parametrize(("a", "b"), SAME_EVENT + SHARED_KEY)
def test_mentions_of_one_event_share_a_key(seed_events, a, b):
    assert _key(seed_events, a) == _key(seed_events, b)


@pytest.mark.parametrize(("a", "b"), DIFFERENT)
def test_distinct_events_keep_distinct_keys(seed_events, a, b):
    assert _key(seed_events, a) != _key(seed_events, b)


def test_a_shared_key_with_no_common_topic_is_flagged(seed_events):
    def has_flag(codes) -> bool:  # a list in typed tables, `a;b` in CSV-like ones
        return "shared_key" in (
            codes.split(";") if isinstance(codes, str) else list(codes if codes is not None else [])
        )

    flagged = seed_events[seed_events["warnings"].map(has_flag).astype(bool)]
    assert sorted((int(a), i) for a, i in flagged.index) == [(2, 2), (5, 8), (8, 1)]
    assert (flagged["confidence"] < 1).all()


@pytest.mark.parametrize(("a", "b"), SAME_EVENT + LOOSE_ONLY)
def test_the_looser_rule_of_diff_matches_every_mention(seed_events, a, b):
    rows = seed_events.reset_index()
    places = zip(rows["action_no"], rows["item_no"], strict=True)
    clusters = dict(zip(places, match_mentions(rows), strict=True))
    assert clusters[(str(a[0]), a[1])] == clusters[(str(b[0]), b[1])]


def test_no_other_merges_in_seed_000(seed_events):
    merged = {frozenset(map(str, pair)) for pair in SAME_EVENT if pair != ((2, 2), (5, 8))}
    merged.add(frozenset(map(str, [(2, 2), (5, 8), (8, 1)])))
    groups = seed_events.reset_index().groupby("event_key")
    found = {
        frozenset(str((int(r.action_no), int(r.item_no))) for r in g.itertuples())
        for _, g in groups
        if len(g) > 1
    }
    assert found == merged
    assert seed_events["event_key"].nunique() == 136  # 144 items: 6 pairs and one triple


def test_keys_do_not_change_when_other_reports_are_added_or_removed(tmp_path, seed_events):
    """A key depends on its event only: seed 000 alone, then with seed 001, a report
    naming the same events in other countries and months, and the same report with
    one more event, gives every seed-000 event the same key."""
    text = (SAMPLES / f"{SEED_000}.txt").read_text(encoding="utf-8")
    others = tmp_path / "others"
    others.mkdir()
    (others / "moved.txt").write_text(
        text.replace("(Ecuador,", "(Peru,").replace("October 2015", "November 2015"), encoding="utf-8"
    )
    (others / "longer.txt").write_text(
        text.replace(
            " - Columbus Mission Phase 3 (Qatar, 17-21 May 2015)",
            " - Columbus Mission Phase 3 (Qatar, 17-21 May 2015)"
            " - Regional Workshop on the Mercator Programme (Peru, 7-9 October 2015)",
        ),
        encoding="utf-8",
    )
    alone = pipeline.run([SAMPLES / f"{SEED_000}.txt"]).events
    together = pipeline.run([SAMPLES / f"{SEED_000}.txt", SAMPLES / f"{SEED_001}.txt", others]).events
    mine = together[together["doc"] == SEED_000]
    assert len(together) > len(mine) == len(alone) == 144
    assert mine["event_key"].tolist() == alone["event_key"].tolist() == seed_events["event_key"].tolist()


def test_the_key_of_an_event_is_computed_from_the_event_alone():
    base = {"kind": "event", "event_type": "workshop", "country_iso3": "MKD", "start_date": "2015-09-14",
            "end_date": "2015-09-18", "title": "National TRS Workshop"}  # fmt: skip
    assert event_key(base) == event_key({**base, "title": "Atelier national TRS"})  # another language
    assert event_key(base) != event_key({**base, "title": "National IPR Workshop"})  # another acronym
    assert event_key(base) != event_key({**base, "start_date": "2015-09-15"})
    assert event_key({**base, "title": "WCO National TRS Workshop"}) == event_key(base)  # WCO marks nothing
    placeless = {**base, "country_iso3": None}  # under-identified: the words must say which
    assert event_key(placeless) != event_key({**placeless, "title": "National Workshop on Transit TRS"})


def test_unique_events_table(seed_dataset):
    u = seed_dataset.unique_events
    assert len(u) == seed_dataset.events["event_key"].nunique()
    colombia = u[(u["country_iso3"] == "COL") & (u["title"] == "Regional Workshop on the Mercator Programme")]
    assert colombia["mentions"].tolist() == [2] and colombia["documents"].tolist() == [1]
    # The key's trade-off (SHARED_KEY above): the Strategic Initiatives workshop joins
    # the Mercator workshop in South Africa, and its mentions are flagged.
    johannesburg = u[u["city"] == "Johannesburg"].iloc[0]
    assert johannesburg["mentions"] == 3 and johannesburg["country_iso3"] == "ZAF"
    assert johannesburg["title"] == "Regional Workshop on the Mercator Programme"
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
    # Exit status 1: the versions differ (as diff(1) says it).
    assert pipeline.main(["diff", str(SAMPLES / f"{SEED_000}.txt"), str(edited), "--out", str(tmp_path)]) == 1
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


@pytest.mark.parametrize(
    ("titles", "flagged"),
    [
        (["Workshop on Transit", "Workshop on Valuation"], [0, 1]),  # no topic word in common
        (["Workshop on Transit", "Transit Workshop"], []),
        (["Transit", "Transit and Valuation", "Valuation"], [0, 2]),  # the middle one meets both
        (["Workshop", "Workshop on Valuation"], []),  # no topic word: tells nothing
        (["Transit", "Transit", "Valuation"], [0, 1, 2]),
    ],
)
def test_shared_key_doubts(titles, flagged):
    from normalize.identity import shared_key_doubts

    events = [{"event_key": "k", "title": t} for t in titles] + [{"event_key": "other", "title": "Valuation"}]
    assert shared_key_doubts(events) == flagged
