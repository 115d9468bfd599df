"""CSV cells that a spreadsheet would run as a formula are written safely (CSV
injection, OWASP's advice): a text cell starting with `=`, `+`, `-`, `@`, a tab or a
carriage return gets a leading `'`, which spreadsheets read as "this is text" and do
not display. A cell that already starts with `'` gets one too, so that reading the
file back (`read_csv`) removes exactly one and returns the exact text. Numbers are
never touched (`-3` stays a number); Parquet and JSONL keep the exact text.
"""

from __future__ import annotations

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


def write_csv(df, path: Path) -> None:
    """The one CSV writer of every output table: UTF-8, `\\n` line ends, text cells safe."""
    safe = df.copy()
    for col in safe.columns:
        if safe[col].dtype == object or str(safe[col].dtype) == "string":
            safe[col] = safe[col].map(escape_cell, na_action="ignore")
    safe.to_csv(path, index=False, encoding="utf-8", lineterminator="\n")
    checkpoint("write")


def read_csv(path: Path, **options):
    """A table `write_csv` wrote, every cell as text ('' for empty), exact text restored."""
    import pandas as pd

    df = pd.read_csv(path, dtype=str, keep_default_na=False, **options)
    for col in df.columns:
        df[col] = df[col].map(unescape_cell)
    return df
