"""Typed outputs: every table validates against the written schema.json in every
format, DuckDB answers the analyst's first questions with real types, and empty is
null everywhere."""

from __future__ import annotations

import datetime as dt
import json

import duckdb
import jsonschema
import pandas as pd
import pyarrow.parquet as pq
import pytest
from hypothesis import given
from hypothesis import strategies as st

import pipeline
from normalize import schema
from tests.conftest import SAMPLES, SEED_000


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    folder = tmp_path_factory.mktemp("out")
    # a Word and a PDF rendering: PDF rows carry boxes, both share a document name
    pipeline.run([SAMPLES / f"{SEED_000}.txt", SAMPLES / f"{SEED_000}.pdf"], jobs=1).write(folder)
    return folder


@pytest.fixture(scope="module")
def db(out):
    con = duckdb.connect(str(out / "events.duckdb"), read_only=True)
    yield con
    con.close()


def _validator(out, table):
    spec = json.loads((out / "schema.json").read_text(encoding="utf-8"))
    assert spec["version"] == schema.SCHEMA_VERSION
    return jsonschema.Draft202012Validator({**spec, "$ref": f"#/$defs/{table}"})


def _assert_valid(validator, records):
    assert records, "an empty table proves nothing"
    errors = [f"row {i}: {e.message}" for i, r in enumerate(records) for e in validator.iter_errors(r)]
    assert errors[:5] == []


@pytest.mark.parametrize("table", [t for t in schema.TABLES if t != "errors"])
def test_every_table_validates_against_the_schema_in_every_format(out, table):
    validator = _validator(out, table)
    t = schema.TABLES[table]
    if "csv" in t.files:
        _assert_valid(validator, [schema.json_row(t, r) for r in schema.read_csv(t, out / f"{table}.csv")])
    if "parquet" in t.files:
        records = schema.rows(t, pq.read_table(out / f"{table}.parquet").to_pandas())
        _assert_valid(validator, [schema.json_row(t, r) for r in records])
    if "jsonl" in t.files:
        lines = (out / f"{table}.jsonl").read_text(encoding="utf-8").splitlines()
        _assert_valid(validator, [json.loads(line) for line in lines])


def test_the_schema_rejects_what_it_should(out):
    validator = _validator(out, "events")
    good = json.loads((out / "events.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert not list(validator.iter_errors(good))
    for bad in ({"organizers": ""}, {"organizers": []}, {"start_date": "2015-06"}, {"kind": "party"},
                {"bbox": [1, 2, 3]}, {"extra": 1}):  # fmt: skip
        assert list(validator.iter_errors({**good, **bad})), bad


def test_parquet_types(out):
    types = {f.name: str(f.type) for f in pq.read_schema(out / "events.parquet")}
    assert types["start_date"] == types["end_date"] == "date32[day]"
    assert types["organizers"] == types["warnings"] == "list<element: string>"
    assert types["bbox"] == "fixed_size_list<element: double>[4]"
    doc_types = {f.name: str(f.type) for f in pq.read_schema(out / "documents.parquet")}
    assert doc_types["as_of"] == doc_types["issued"] == "date32[day]"
    assert {f.name: str(f.type) for f in pq.read_schema(out / "actions.parquet")}[
        "deadline_date"
    ] == "date32[day]"


def test_duckdb_dates_compare_with_date_literals(db):
    n = db.execute("SELECT count(*) FROM events WHERE start_date >= DATE '2015-09-01'").fetchone()[0]
    total, dated = db.execute("SELECT count(*), count(start_date) FROM events").fetchone()
    assert 0 < n < dated < total
    # a month-precise date spans its whole month
    row = db.execute(
        "SELECT start_date, end_date, start_iso, end_iso FROM events WHERE date_precision = 'month' LIMIT 1"
    ).fetchone()
    start, end, start_iso, end_iso = row
    assert start == dt.date.fromisoformat(start_iso + "-01") and end.month == int(end_iso[5:7])
    assert (end + dt.timedelta(days=1)).day == 1


def test_duckdb_unnest_over_a_list_column(db):
    counts = dict(
        db.execute("SELECT w, count(*) FROM (SELECT unnest(warnings) AS w FROM events) GROUP BY w").fetchall()
    )
    assert (
        counts["no_date"]
        == db.execute("SELECT count(*) FROM events WHERE list_contains(warnings, 'no_date')").fetchone()[0]
    )
    assert dict(db.execute("SELECT * FROM warning_counts").fetchall()) == counts
    orgs = {r[0] for r in db.execute("SELECT DISTINCT unnest(organizers) FROM events").fetchall()}
    assert "CAREC" in orgs and all(";" not in o for o in orgs)


def test_duckdb_empty_is_null(db):
    nulls, empties = db.execute(
        "SELECT count(*) FILTER (organizers IS NULL), count(*) FILTER (len(organizers) = 0) FROM events"
    ).fetchone()
    assert nulls > 0 and empties == 0
    for column in ("region", "city", "scope"):
        assert db.execute(f"SELECT count(*) FROM events WHERE {column} = ''").fetchone()[0] == 0
    for column in ("warnings", "references", "notes"):  # "references" is an SQL keyword: quoted
        assert db.execute(f'SELECT count(*) FROM events WHERE len("{column}") = 0').fetchone()[0] == 0


def test_duckdb_views(db):
    per = db.execute(
        "SELECT * FROM events_per_country_year WHERE country_iso3 = 'CHN' AND year = 2015"
    ).fetchall()
    assert (
        per
        and per[0][2]
        == db.execute(
            "SELECT count(*) FROM events WHERE kind = 'event' AND year(start_date) = 2015 "
            "AND list_contains(string_split(country_iso3, ';'), 'CHN')"
        ).fetchone()[0]
    )
    flagged = db.execute("SELECT count(*) FROM events_with_warnings").fetchone()[0]
    assert flagged == db.execute("SELECT count(*) FROM events WHERE warnings IS NOT NULL").fetchone()[0] > 0
    assert db.execute("SELECT sum(unique_events) FROM unique_events_per_country_year").fetchone()[0] > 0


def test_the_same_values_in_every_format(out):
    parquet = pq.read_table(out / "events.parquet").to_pandas()
    csv = schema.read_csv("events", out / "events.csv")
    jsonl = [json.loads(x) for x in (out / "events.jsonl").read_text(encoding="utf-8").splitlines()]
    typed = schema.rows("events", parquet)
    assert (
        [schema.json_row("events", r) for r in typed] == [schema.json_row("events", r) for r in csv] == jsonl
    )


def test_pdf_boxes_are_four_numbers(out):
    events = pd.read_parquet(out / "events.parquet")
    pdf = events[events["source_file"].str.endswith(".pdf")]
    assert len(pdf) and all(len(b) == 4 and b[0] < b[2] and b[1] < b[3] for b in pdf["bbox"])


@pytest.mark.parametrize(
    "iso, bounds",
    [
        ("2015-06", ("2015-06-01", "2015-06-30")),
        ("2016-02", ("2016-02-01", "2016-02-29")),
        ("2015-12", ("2015-12-01", "2015-12-31")),
        ("2015", ("2015-01-01", "2015-12-31")),
        ("2015-10-22", ("2015-10-22", "2015-10-22")),
        (None, None),
        ("", None),
    ],
)
def test_period_bounds(iso, bounds):
    got = schema.period_bounds(iso)
    assert (got and tuple(d.isoformat() for d in got)) == (bounds or None)


@given(st.dates(), st.sampled_from(schema.PRECISIONS))
def test_a_date_and_its_precision_round_trip(day, precision):
    iso = schema.at_precision(day, precision)
    first, last = schema.period_bounds(iso)
    assert (
        first <= day <= last
        and schema.at_precision(first, precision) == schema.at_precision(last, precision) == iso
    )


@given(st.lists(st.text(min_size=1), min_size=1, max_size=4))
def test_a_csv_list_cell_round_trips(values):
    column = schema.Column("x", schema.LIST, "")
    cell = schema._csv_cell(column, values)
    assert schema.parse_csv_cell(column, cell) == values


def test_the_duckdb_file_holds_the_same_tables_run_after_run(out, tmp_path):
    pipeline.run([SAMPLES / f"{SEED_000}.txt", SAMPLES / f"{SEED_000}.pdf"], jobs=1).write(tmp_path)
    for table in schema.TABLES:
        query = f"SELECT * FROM {table}"
        with (
            duckdb.connect(str(out / "events.duckdb"), read_only=True) as a,
            duckdb.connect(str(tmp_path / "events.duckdb"), read_only=True) as b,
        ):
            assert a.execute(query).fetchall() == b.execute(query).fetchall(), table
