"""The one definition of every output column: its name, type and meaning.

Everything that depends on the columns is generated from `TABLES`: the pandas
frames' types (`typed_frame`), the Parquet/DuckDB types (`arrow_schema`), the JSON
Schema written beside the data (`json_schema`, checked in CI against every output
table), the CSV encoding of lists and dates (`csv_frame`), and the README's data
dictionary (`data_dictionary`). Add a column here and every output follows.

One rule for empty values: a missing value is null in every format (an empty
string, an empty list and NaN all become null). In CSV, null is an empty cell,
a list is its elements joined by `;` (inside an element `;` is written `\\;` and
`\\` as `\\\\`),
a date is `YYYY-MM-DD` and a boolean `true`/`false`.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

import pandas as pd

SCHEMA_VERSION = "2.0.0"  # major: a column removed or retyped; minor: a column added
LIST_SEPARATOR = ";"

# Column types. `list` is a list of strings, `box` four numbers (x0, top, x1, bottom, in points).
STRING, INTEGER, NUMBER, BOOLEAN, DATE, LIST, BOX = (
    "string",
    "integer",
    "number",
    "boolean",
    "date",
    "list",
    "box",
)


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    doc: str
    required: bool = False  # never null
    enum: tuple[str, ...] = ()


@dataclass(frozen=True)
class Table:
    name: str
    doc: str  # one row per ...
    columns: tuple[Column, ...]
    sort: tuple[str, ...] = ()
    files: tuple[str, ...] = ("csv", "parquet")

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]


def _c(name, type_, doc, required=False, enum=()):
    return Column(name, type_, doc, required, tuple(enum))


_ID = "stable id: a content hash, 16 hex digits"
_DOC = [
    _c("doc", STRING, "file stem: the document's name in every table", True),
    _c("source_file", STRING, "path as given", True),
]
_SPAN = [
    _c("char_start", INTEGER, "span in the document text: `text[char_start:char_end]` is the source"),
    _c("char_end", INTEGER, "end of that span (exclusive)"),
]
EVENT_TYPES = (
    "workshop", "seminar", "conference", "forum", "meeting", "mission", "training", "accreditation",
    "course", "publication", "launch", "other",
)  # fmt: skip
PRECISIONS = ("day", "month", "year")

DOCUMENTS = Table(
    "documents",
    "input file",
    (
        _c("doc_id", STRING, "stable id: the first 16 hex digits of the file's SHA-256", True),
        *_DOC,
        _c(
            "format",
            STRING,
            "`txt`, `docx` or `pdf`, detected from the content",
            True,
            ("txt", "docx", "pdf"),
        ),
        _c("sha256", STRING, "SHA-256 of the file", True),
        _c("title", STRING, "document title, without the as-of parenthetical"),
        _c("doc_type", STRING, "`progress_report`, `action_plan` or `other`", True),
        _c("language", STRING, "ISO 639-1 code of the report's language (`en`, `fr`, `es`)"),
        _c("as_of", DATE, "the `(AS OF 25 OCTOBER 2015)` date"),
        _c("issued", DATE, "the cover note's `Brussels, 19 September 2016.` date"),
        _c("page_count", INTEGER, "pages (converted text: inferred from repeated header rows)"),
        _c("sections", INTEGER, "number of numbered sections", True),
        _c("actions", INTEGER, "number of actions", True),
        _c("events", INTEGER, "number of events (Progress items)", True),
        _c(
            "coverage",
            NUMBER,
            "share of the Progress text that items account for; 1.0: nothing dropped",
            True,
        ),
        _c("warnings", INTEGER, "number of rows in `warnings` for this document", True),
    ),
    sort=("source_file",),
)

ACTIONS = Table(
    "actions",
    "action-table row",
    (
        _c("action_id", STRING, _ID + " (document id, number, position)", True),
        _c("doc_id", STRING, "foreign key to `documents`", True),
        *_DOC,
        _c("section_no", INTEGER, "number of the section heading the table sits under"),
        _c("section_title", STRING, "title of that section heading"),
        _c("action_no", STRING, "the row's number, verbatim", True),
        _c("action_text", STRING, "the action, verbatim (whitespace collapsed)"),
        _c("responsible_body", STRING, "responsible body, verbatim"),
        _c("responsible_bodies", LIST, "the same split on `,` `;` `and` (outside parentheses)"),
        _c("work_programme", STRING, '"Relevant Work Programme or Action Plan" column, verbatim'),
        _c("timeframe", STRING, "timeframe, verbatim"),
        _c(
            "deadline", STRING, "the last date the timeframe names, ISO at its precision: `2017-06` or `2017`"
        ),
        _c(
            "deadline_date",
            DATE,
            "the last day of `deadline` (`2017-06` -> 2017-06-30, `2017` -> 2017-12-31)",
        ),
        _c("continuous", BOOLEAN, 'true for "Continuous activity" (and ongoing/permanent)', True),
        _c("remarks", STRING, "text of extra columns (Remarks, Status, Comments, ...), verbatim"),
        _c("items", INTEGER, "number of Progress items", True),
        _c("page", INTEGER, "page the row starts on"),
        *_SPAN,
    ),
    sort=("source_file", "char_start"),
)

EVENTS = Table(
    "events",
    "Progress item (a listed event or a prose statement)",
    (
        _c("event_id", STRING, _ID + " (action id, item number)", True),
        _c(
            "event_key",
            STRING,
            "the real event this item mentions: equal for every mention of one event",
            True,
        ),
        _c("action_id", STRING, "foreign key to `actions`", True),
        _c("doc_id", STRING, "foreign key to `documents`", True),
        *_DOC,
        _c("section_no", INTEGER, "number of the section the item is listed under"),
        _c("category", STRING, "the section heading"),
        _c("action_no", STRING, "number of the action the item is listed under", True),
        _c("item_no", INTEGER, "position of the item in its Progress cell, from 1", True),
        _c("region", STRING, "the regional sub-heading the item is listed under (`Asia/Pacific`)"),
        _c(
            "kind",
            STRING,
            "`event` for a listed event, `development` for a statement",
            True,
            ("event", "development"),
        ),
        _c("title", STRING, "the item without its trailing place/date or reference parenthetical", True),
        _c("country_iso3", STRING, "ISO 3166 alpha-3; several as `AAA;BBB`"),
        _c("country", STRING, "English short name; several as `A; B`"),
        _c("country_text", STRING, "the country as the report spelled it (`Équateur`)"),
        _c("city", STRING, "city, when named (or known from a venue such as `WCO Headquarters`)"),
        _c("start_date", DATE, "first day of the start period (`2015-06` -> 2015-06-01)"),
        _c("end_date", DATE, "last day of the end period (`2015-06` -> 2015-06-30)"),
        _c(
            "start_iso",
            STRING,
            "the start as ISO 8601 text at the precision known: `2015-10-22`, `2015-10`, `2015`",
        ),
        _c("end_iso", STRING, "the end, the same way"),
        _c("date_precision", STRING, "`day`, `month` or `year`", enum=PRECISIONS),
        _c("event_type", STRING, "event type (vocabulary below)", True, EVENT_TYPES),
        _c("scope", STRING, "`national`, `sub-regional`, `regional`, `global`, from the title's head phrase"),
        _c("organizers", LIST, "bodies the text says organised the event, by acronym (`ADB`, `WCO-UPU`)"),
        _c("references", LIST, "document references (`Doc. SP0514`)"),
        _c("notes", LIST, "footnotes attached to the item"),
        _c("source_text", STRING, "the item verbatim", True),
        _c("page", INTEGER, "page the item starts on (converted text: inferred)"),
        _c("bbox", BOX, "PDF only: the box around the item's lines on `page`"),
        *_SPAN,
        _c("title_start", INTEGER, "span of the title's source characters"),
        _c("title_end", INTEGER, "end of that span"),
        _c("location_text", STRING, "the location's source characters"),
        _c("location_start", INTEGER, "span of the location's source characters"),
        _c("location_end", INTEGER, "end of that span"),
        _c("date_text", STRING, "the date's source characters"),
        _c("date_start", INTEGER, "span of the date's source characters"),
        _c("date_end", INTEGER, "end of that span"),
        _c("title_bbox", BOX, "PDF only: the box around the title's characters"),
        _c("location_bbox", BOX, "PDF only: the box around the location's characters"),
        _c("date_bbox", BOX, "PDF only: the box around the date's characters"),
        _c("confidence", NUMBER, "1.0 less a penalty per warning, floored at 0", True),
        _c("warnings", LIST, "warning codes (see Warnings and confidence)"),
    ),
    sort=("source_file", "char_start"),
    files=("csv", "parquet", "jsonl"),
)

UNIQUE_EVENTS = Table(
    "unique_events",
    "real event (`event_key`), however many times it is mentioned",
    (
        _c("event_key", STRING, "the event's key", True),
        _c("title", STRING, "the most common title of its mentions"),
        _c("kind", STRING, "`event` or `development`", True, ("event", "development")),
        _c("event_type", STRING, "event type", True, EVENT_TYPES),
        _c("country_iso3", STRING, "ISO 3166 alpha-3 (most common of its mentions)"),
        _c("country", STRING, "English short name"),
        _c("city", STRING, "city, when any mention names one"),
        _c("start_date", DATE, "first day, from the most precise mention"),
        _c("end_date", DATE, "last day, from the most precise mention"),
        _c("start_iso", STRING, "start as ISO text at its precision"),
        _c("end_iso", STRING, "end as ISO text at its precision"),
        _c("date_precision", STRING, "`day`, `month` or `year`", enum=PRECISIONS),
        _c("mentions", INTEGER, "number of items that mention it", True),
        _c("documents", INTEGER, "number of documents that mention it", True),
        _c("mentioned_in", LIST, "`doc#action.item` of each mention"),
        _c("first_report", STRING, "first document (by as-of or issue date) that mentions it"),
        _c("last_report", STRING, "last document that mentions it"),
    ),
)

WARNINGS = Table(
    "warnings",
    "doubtful value or unassigned text, with where it is",
    (
        *_DOC,
        _c("action_no", STRING, "action concerned"),
        _c("item_no", INTEGER, "item concerned"),
        _c("code", STRING, "warning code", True),
        _c("detail", STRING, "the text concerned"),
        *_SPAN,
    ),
    sort=("source_file", "char_start", "code"),
    files=("csv", "parquet"),
)

ERRORS = Table(
    "errors",
    "input file that failed",
    (
        _c("file", STRING, "the file", True),
        _c("stage", STRING, "`read` or `normalize`", True),
        _c("error_type", STRING, "exception class"),
        _c("message", STRING, "reason, printed as `Error: <file>: <reason>`"),
    ),
    sort=("file",),
    files=("csv", "parquet"),
)

TABLES: dict[str, Table] = {t.name: t for t in (DOCUMENTS, ACTIONS, EVENTS, UNIQUE_EVENTS, WARNINGS, ERRORS)}


def missing_required(table: str, records: list[dict]) -> list[str]:
    """`column (row N)` for each required value a table's records lack (null, or an
    empty text): checked per file, so one file's gap fails that file, not the run."""
    required = [c.name for c in TABLES[table].columns if c.required]
    return [
        f"{name} (row {i + 1})"
        for i, record in enumerate(records)
        for name in required
        if name in record and (record[name] is None or record[name] == "")
    ]


# --- values --------------------------------------------------------------------------


def is_null(v) -> bool:
    if v is None or v is pd.NA or v is pd.NaT:
        return True
    if isinstance(v, float) and math.isnan(v):
        return True
    if isinstance(v, str):
        return v == ""
    if isinstance(v, (list, tuple)):
        return len(v) == 0
    return False


def period_bounds(iso: str | None) -> tuple[dt.date, dt.date] | None:
    """`2015-06` -> (2015-06-01, 2015-06-30); `2015` -> the year; a day -> that day."""
    if is_null(iso):
        return None
    parts = [int(p) for p in str(iso)[:10].split("-")]
    if len(parts) == 3:
        d = dt.date(*parts)
        return d, d
    if len(parts) == 2:
        y, m = parts
        return dt.date(y, m, 1), dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1)
    return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)


def at_precision(day, precision: str | None) -> str | None:
    """A DATE back to ISO text at its precision (the one rule behind `start_iso`/`end_iso`)."""
    if is_null(day):
        return None
    s = day.isoformat() if isinstance(day, dt.date) else str(day)[:10]
    return s[:7] if precision == "month" else s[:4] if precision == "year" else s


def _value(column: Column, v):
    """A record's value as the column's Python type (None for empty)."""
    if is_null(v):
        return None
    t = column.type
    if t == STRING:
        return str(v)
    if t == INTEGER:
        return int(v)
    if t == NUMBER:
        return float(v)
    if t == BOOLEAN:
        return v if isinstance(v, bool) else str(v).lower() == "true"
    if t == DATE:
        return v if isinstance(v, dt.date) else dt.date.fromisoformat(str(v)[:10])
    if t == LIST:
        return [str(x) for x in v]
    if t == BOX:
        return [float(x) for x in v]
    raise ValueError(f"unknown column type {t!r}")


_PANDAS = {STRING: "object", INTEGER: "Int64", NUMBER: "Float64", BOOLEAN: "boolean"}


def typed_frame(table: Table | str, records: list[dict]) -> pd.DataFrame:
    """Records -> a DataFrame with exactly the table's columns, in order, sorted, typed:
    nullable integers, dates as `datetime.date`, lists as Python lists, None for empty."""
    table = TABLES[table] if isinstance(table, str) else table
    data = {c.name: [_value(c, r.get(c.name)) for r in records] for c in table.columns}
    df = pd.DataFrame(
        {c.name: pd.Series(data[c.name], dtype=_PANDAS.get(c.type, "object")) for c in table.columns}
    )
    if len(df) and table.sort:
        order = sorted(range(len(records)), key=lambda i: tuple(_sort_key(data[k][i]) for k in table.sort))
        df = df.iloc[order].reset_index(drop=True)
    return df


def _sort_key(v):
    return (v is not None, v if v is not None else 0)


def rows(table: Table | str, df: pd.DataFrame) -> list[dict]:
    """A typed frame back to plain records (None for null), for JSON and validation."""
    table = TABLES[table] if isinstance(table, str) else table
    out = []
    for record in df.to_dict("records"):
        out.append({c.name: _value(c, record.get(c.name)) for c in table.columns})
    return out


def arrow_schema(table: Table | str):
    import pyarrow as pa

    table = TABLES[table] if isinstance(table, str) else table
    types = {
        STRING: pa.string(), INTEGER: pa.int64(), NUMBER: pa.float64(), BOOLEAN: pa.bool_(),
        DATE: pa.date32(), LIST: pa.list_(pa.string()), BOX: pa.list_(pa.float64(), 4),
    }  # fmt: skip
    return pa.schema(
        [pa.field(c.name, types[c.type], nullable=not c.required) for c in table.columns],
        metadata={"schema_version": SCHEMA_VERSION, "table": table.name},
    )


def to_arrow(table: Table | str, df: pd.DataFrame):
    import pyarrow as pa

    table = TABLES[table] if isinstance(table, str) else table
    records = rows(table, df)
    return pa.Table.from_pylist(records, schema=arrow_schema(table))


def _csv_cell(column: Column, v) -> str | None:
    if v is None:
        return None
    if column.type in (LIST, BOX):
        return LIST_SEPARATOR.join(_fmt(x).replace("\\", "\\\\").replace(";", "\\;") for x in v)
    return _fmt(v)


def _fmt(v) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, float):
        return repr(round(v, 4))
    return str(v)


def csv_frame(table: Table | str, df: pd.DataFrame) -> pd.DataFrame:
    """The frame as CSV text cells: the one `;` rule for lists, ISO dates, true/false."""
    table = TABLES[table] if isinstance(table, str) else table
    records = rows(table, df)
    return pd.DataFrame(
        {c.name: pd.Series([_csv_cell(c, r[c.name]) for r in records], dtype="object") for c in table.columns}
    )


def parse_csv_cell(column: Column, cell: str | None):
    """The inverse of the CSV encoding: a cell back to the column's type."""
    if cell is None or cell == "":
        return None
    if column.type in (LIST, BOX):
        parts, cur, i = [], "", 0
        while i < len(cell):
            if cell[i] == "\\" and i + 1 < len(cell):  # `\;` and `\\` are escapes
                cur, i = cur + cell[i + 1], i + 2
                continue
            if cell[i] == ";":
                parts.append(cur)
                cur = ""
            else:
                cur += cell[i]
            i += 1
        parts.append(cur)
        return _value(column, parts)
    return _value(column, cell)


def read_csv(table: Table | str, path) -> list[dict]:
    """A CSV output file back to typed records (formula-safety quotes removed)."""
    import csv

    from .csvsafe import unescape_cell

    table = TABLES[table] if isinstance(table, str) else table

    def cell(c: Column, value):
        return parse_csv_cell(c, unescape_cell(value) if c.type in (STRING, LIST) else value)

    with open(path, encoding="utf-8", newline="") as f:
        return [{c.name: cell(c, r.get(c.name)) for c in table.columns} for r in csv.DictReader(f)]


# --- schema and documentation --------------------------------------------------------


def _json_type(c: Column) -> dict:
    nullable = [] if c.required else ["null"]
    if c.type == LIST:
        return {"type": ["array", *nullable], "items": {"type": "string"}, "minItems": 1}
    if c.type == BOX:
        return {"type": ["array", *nullable], "items": {"type": "number"}, "minItems": 4, "maxItems": 4}
    if c.type == DATE:
        return {"type": ["string", *nullable], "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
    spec: dict = {"type": [c.type, *nullable] if nullable else c.type}
    if c.type == STRING and c.enum:
        spec["enum"] = [*c.enum, *([None] if nullable else [])]
    if c.type == STRING and c.required:
        spec["minLength"] = 1
    return spec


def json_schema() -> dict:
    """A JSON Schema (draft 2020-12) of one row of each table, as JSON: dates are
    `YYYY-MM-DD` strings, lists arrays, empty null."""
    defs = {}
    for t in TABLES.values():
        defs[t.name] = {
            "title": t.name,
            "description": f"one row per {t.doc}; files: " + ", ".join(f"{t.name}.{x}" for x in t.files),
            "type": "object",
            "properties": {c.name: {**_json_type(c), "description": c.doc} for c in t.columns},
            "required": t.names,
            "additionalProperties": False,
        }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"urn:wco-events:schema:{SCHEMA_VERSION}",
        "title": "WCO progress-report events dataset",
        "version": SCHEMA_VERSION,
        "$defs": defs,
    }


def json_row(table: Table | str, record: dict) -> dict:
    """A typed record as JSON values (dates as ISO strings)."""
    return {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in record.items()}


def data_dictionary() -> str:
    """The README's data dictionary, generated: one table per output table."""
    out = [f"Schema version {SCHEMA_VERSION} (`schema.json` in every output folder).", ""]
    for t in TABLES.values():
        out += [f"**{t.name}**: one row per {t.doc}", "", "| column | type | meaning |", "|---|---|---|"]
        for c in t.columns:
            kind = {LIST: "list of text", BOX: "4 numbers", STRING: "text"}.get(c.type, c.type)
            out.append(f"| `{c.name}` | {kind}{'' if c.required else ', nullable'} | {c.doc} |")
        out.append("")
    return "\n".join(out)


if __name__ == "__main__":  # `python -m normalize.schema`: the data dictionary, for the README
    print(data_dictionary())
