"""CSV cells that a spreadsheet would run as a formula are written safely (CSV
injection, OWASP's advice): a text cell starting with `=`, `+`, `-`, `@`, a tab or a
carriage return gets a leading `'`, which spreadsheets read as "this is text" and do
not display. A cell that already starts with `'` gets one too, so that reading the
file back (`read_csv`) removes exactly one and returns the exact text. Numbers are
never touched (`-3` stays a number); Parquet and JSONL keep the exact text.
"""

from __future__ import annotations

import csv
from pathlib import Path

from .faults import checkpoint

_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "'")


def escape_cell(value):
    """The value as written to CSV."""
    if isinstance(value, str) and value.startswith(_TRIGGERS):
        return "'" + value
    return value


def unescape_cell(value):
    """The exact text back from a CSV cell `escape_cell` wrote."""
    if isinstance(value, str) and value.startswith("'"):  # every such cell was escaped
        return value[1:]
    return value


def write_csv(df, path, text_columns=None) -> None:
    """The one CSV writer of every output table: UTF-8, `\n` line ends, text cells safe.
    `text_columns`: the columns holding text (by default, those pandas does not hold
    as numbers or booleans)."""
    from pandas.api.types import is_bool_dtype, is_numeric_dtype

    safe = df.copy()
    if text_columns is None:
        text_columns = [c for c in safe.columns if not (is_numeric_dtype(safe[c]) or is_bool_dtype(safe[c]))]
    for col in text_columns:
        safe[col] = safe[col].map(escape_cell, na_action="ignore")
    # Python's csv writer quotes a cell holding "\n" but not one holding a lone "\r",
    # which a reader then takes for a line end: with one about, every text is quoted.
    lone_cr = any(safe[col].map(lambda v: isinstance(v, str) and "\r" in v).any() for col in text_columns)
    quoting = csv.QUOTE_NONNUMERIC if lone_cr else csv.QUOTE_MINIMAL
    safe.to_csv(path, index=False, encoding="utf-8", lineterminator="\n", quoting=quoting)
    checkpoint("write")


def read_csv(path: Path, **options):
    """A table `write_csv` wrote, every cell as text ('' for empty), exact text restored."""
    import pandas as pd

    df = pd.read_csv(path, dtype=str, keep_default_na=False, **options)
    for col in df.columns:
        df[col] = df[col].map(unescape_cell)
    return df
