"""What a conversion run writes into its output folder, every file typed from the
one column definition (`normalize/schema.py`):

- `<table>.csv` and `<table>.parquet` for documents, actions, events, unique_events,
  warnings, errors; `events.jsonl`;
- `schema.json`, the JSON Schema of a row of each table;
- `events.duckdb`, the tables plus views for the common questions;
- `report.html`.

Only WHAT is written lives here; moving the finished files into place together is
the caller's business (`Dataset.write`).
"""

from __future__ import annotations

import json
from pathlib import Path

from .schema import LIST, STRING, TABLES, csv_frame, json_row, json_schema, rows, to_arrow

# Views for the questions analysts ask first. Several countries are `AAA;BBB`: an
# event counts once for each.
VIEWS = {
    "events_per_country_year": """
        SELECT c.iso3 AS country_iso3, year(e.start_date) AS year, count(*) AS events
        FROM events e, unnest(string_split(e.country_iso3, ';')) AS c(iso3)
        WHERE e.kind = 'event'
        GROUP BY ALL ORDER BY country_iso3, year NULLS LAST""",
    "unique_events_per_country_year": """
        SELECT c.iso3 AS country_iso3, year(u.start_date) AS year, count(*) AS unique_events
        FROM unique_events u, unnest(string_split(u.country_iso3, ';')) AS c(iso3)
        WHERE u.kind = 'event'
        GROUP BY ALL ORDER BY country_iso3, year NULLS LAST""",
    "events_with_warnings": """
        SELECT doc, action_no, item_no, title, confidence, warnings, page, source_text, event_id
        FROM events WHERE warnings IS NOT NULL
        ORDER BY confidence, doc, char_start""",
    "warning_counts": """
        SELECT code, count(*) AS events
        FROM (SELECT unnest(warnings) AS code FROM events)
        GROUP BY code ORDER BY events DESC, code""",
}


def write_csv(table: str, df, path: Path) -> None:
    """Text cells formula-safe (`normalize.csvsafe`); `schema.read_csv` reads them back exactly."""
    from . import csvsafe

    text = [column.name for column in TABLES[table].columns if column.type in (STRING, LIST)]
    csvsafe.write_csv(csv_frame(table, df), path, text_columns=text)


def write_parquet(table: str, df, path: Path) -> None:
    import pyarrow.parquet as pq

    pq.write_table(to_arrow(table, df), path)


def write_jsonl(table: str, df, path: Path) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for record in rows(table, df):
            f.write(json.dumps(json_row(table, record), ensure_ascii=False) + "\n")


def write_duckdb(folder: Path, path: Path) -> None:
    """The Parquet tables loaded into one DuckDB file (same types), and the views."""
    import duckdb

    path.unlink(missing_ok=True)
    con = duckdb.connect(str(path))
    try:
        for name in TABLES:
            source = (folder / f"{name}.parquet").as_posix().replace("'", "''")
            con.execute(f"CREATE TABLE {name} AS SELECT * FROM read_parquet('{source}')")
        for name, sql in VIEWS.items():
            con.execute(f"CREATE VIEW {name} AS {sql}")
    finally:
        con.close()


def write_all(dataset, folder: Path, partitioned: bool = False) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, table in TABLES.items():
        df = getattr(dataset, name)
        for ext in table.files:
            path = folder / f"{name}.{ext}"
            {"csv": write_csv, "parquet": write_parquet, "jsonl": write_jsonl}[ext](name, df, path)
            written.append(path)
    schema = folder / "schema.json"
    schema.write_text(json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    written.append(schema)
    write_duckdb(folder, folder / "events.duckdb")
    written.append(folder / "events.duckdb")
    from .report import write_report

    written += write_report(dataset, folder)
    if partitioned and len(dataset.events):
        import pyarrow.parquet as pq

        pq.write_to_dataset(
            to_arrow("events", dataset.events), folder / "events_by_doc", partition_cols=["doc"]
        )
        written.append(folder / "events_by_doc")
    return written
