"""Properties over generated reports: nothing lost, spans exact, round trips exact."""

from __future__ import annotations

import json

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract import read
from normalize import normalize, schema
from normalize.audit import coverage
from normalize.batch import FileResult
from normalize.dataset import Dataset, document_records

TITLES = st.sampled_from(
    [
        "National Workshop on Risk Management", "Conference - Costa Rica in the Trading System",
        "APEC Customs Business Dialogue (ACBD)", "In June 2015, the Council endorsed the Guidance",
        "Leaflet on the SAFE Framework of Standards 2015", "Sub-Regional Workshop organized by GIZ and OSCE",
        "Über-Forum « Douane » & Co", "The \"How to\" guide was developed",
    ]
)  # fmt: skip
PLACES = st.sampled_from(
    ["China", "Côte d’Ivoire", "Johannesburg", "Brussels, Belgium", "Atlantis", "virtual", "", "Asia/Pacific"]
)
DATES = st.sampled_from(
    ["22-23 October 2015", "29 June-3 July 2015", "13 October", "June 2015", "2015", "", "03/04/2015"]
)


@st.composite
def items(draw):
    title, place, when = draw(TITLES), draw(PLACES), draw(DATES)
    inside = ", ".join(p for p in (place, when) if p)
    return f"{title} ({inside})" if inside else title


@st.composite
def progress_cells(draw):
    parts = []
    for _ in range(draw(st.integers(1, 3))):
        if draw(st.booleans()):
            parts.append(f"<p><u>({draw(st.sampled_from(['Asia/Pacific', 'Europe', 'MENA']))})</u></p>")
        bullets = draw(st.lists(items(), min_size=1, max_size=4))
        parts.append('<ul style="list-style-type: none"> - ' + " - ".join(bullets))
    return " ".join(parts)


def _report(cells):
    lines = ["REPORT ON PROGRESS (AS OF 25 OCTOBER 2015)", "", "1. AWARENESS", ""]
    lines.append("\tAction\tResponsible body\tTimeframe/Deadline\tProgress")
    for i, cell in enumerate(cells, 1):
        lines.append(f"{i}\tDo things\tWCO Secretariat\tContinuous activity\t{cell}")
    return "\n".join(lines) + "\n"


def _convert(tmp_path, cells):
    path = tmp_path / "generated.txt"
    path.write_text(_report(cells), encoding="utf-8")
    return path, normalize(read(path))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(progress_cells(), min_size=1, max_size=3))
def test_generated_reports_lose_nothing_and_spans_are_exact(tmp_path, cells):
    _, n = _convert(tmp_path, cells)
    assert coverage(n).share == 1.0, coverage(n).unassigned
    assert len(n.actions) == len(cells)
    for e in n.events:
        text = n.document.text
        assert text[e.char_start : e.char_end] == e.source_text
        assert text[e.title_span[0] : e.title_span[1]] == e.title
        if e.date_span:
            assert text[e.date_span[0] : e.date_span[1]] == e.date_text
        assert (e.start_date is None) == (e.end_date is None)
        assert e.start_date is None or e.start_date <= e.end_date


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(progress_cells(), min_size=1, max_size=2))
def test_events_survive_a_round_trip_through_the_written_dataset(tmp_path, cells):
    path, n = _convert(tmp_path, cells)
    document, actions, events, warnings = document_records(n)
    ds = Dataset.from_results([FileResult(str(path), document, actions, events, warnings, n.document.text)])
    out = tmp_path / "out"
    ds.write(out)
    expected = schema.rows("events", ds.events)
    assert schema.rows("events", pd.read_parquet(out / "events.parquet")) == expected
    jsonl = [json.loads(line) for line in (out / "events.jsonl").read_text(encoding="utf-8").splitlines()]
    assert jsonl == [schema.json_row("events", r) for r in expected]
    csv = pd.DataFrame(schema.read_csv("events", out / "events.csv"))
    assert csv["source_text"].tolist() == ds.events["source_text"].tolist()
    assert csv["title"].tolist() == ds.events["title"].tolist()
