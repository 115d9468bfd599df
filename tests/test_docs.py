"""The README stays in step with the code: every output column is documented,
every command has help, and the README opens with the two commands."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from normalize.dataset import ACTION_COLUMNS, DOCUMENT_COLUMNS, ERROR_COLUMNS, EVENT_COLUMNS, WARNING_COLUMNS
from normalize.identity import UNIQUE_COLUMNS
from normalize.versions import DIFF_COLUMNS
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _documented(column: str) -> bool:
    # `col`, or a family written as `title_*` / `title_start`/`_end`
    stem = column.rsplit("_", 1)[0]
    return f"`{column}`" in README or f"`{stem}_*`" in README or f"`{stem}_start`/`_end`" in README


@pytest.mark.parametrize(
    "columns",
    [
        DOCUMENT_COLUMNS,
        ACTION_COLUMNS,
        EVENT_COLUMNS,
        UNIQUE_COLUMNS,
        WARNING_COLUMNS,
        ERROR_COLUMNS,
        DIFF_COLUMNS,
    ],
)
def test_every_output_column_is_documented(columns):
    assert [c for c in columns if not _documented(c)] == []


def test_readme_opens_with_the_two_commands():
    first_block = re.search(r"```sh\n(.*?)```", README, re.S).group(1)
    assert [line.split("#")[0].strip() for line in first_block.strip().splitlines()] == [
        "make run",
        "make test",
    ]


@pytest.mark.parametrize("command", [[], ["audit"], ["diff"]])
def test_every_command_has_help(command):
    out = subprocess.run(
        [sys.executable, "pipeline.py", *command, "--help"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert "usage:" in out.stdout and len(out.stdout.splitlines()) > 3
