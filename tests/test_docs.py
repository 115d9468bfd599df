"""The README stays in step with the code: every output column is documented, the
data dictionary is the generated one, every example runs, every command has help,
and the README opens with the two commands.

The generated parts of README.md sit between `<!-- analyst:NAME:start/end -->` markers."""

from __future__ import annotations

import doctest
import re
import shlex
import shutil
import subprocess
import sys

import pytest

from normalize.dataset import ACTION_COLUMNS, DOCUMENT_COLUMNS, ERROR_COLUMNS, EVENT_COLUMNS, WARNING_COLUMNS
from normalize.identity import UNIQUE_COLUMNS
from normalize.schema import TABLES, data_dictionary
from normalize.versions import DIFF_COLUMNS
from tests.conftest import ROOT, SAMPLES

README = (ROOT / "README.md").read_text(encoding="utf-8")
DOCS = README


def _section(text: str, name: str) -> str:
    m = re.search(rf"<!-- analyst:{name}:start -->\n(.*?)<!-- analyst:{name}:end -->", text, re.S)
    assert m, f"no <!-- analyst:{name} --> section"
    return m.group(1)


def _documented(column: str) -> bool:
    # `col`, or a family written as `title_*` / `title_start`/`_end`
    stem = column.rsplit("_", 1)[0]
    return f"`{column}`" in DOCS or f"`{stem}_*`" in DOCS or f"`{stem}_start`/`_end`" in DOCS


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


def test_unique_events_columns_come_from_identity():
    assert set(UNIQUE_COLUMNS) <= set(TABLES["unique_events"].names)


def test_the_readme_data_dictionary_is_the_generated_one():
    assert _section(README, "data-dictionary").strip() == data_dictionary().strip()


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    """A folder like the repository's top, with the converted-text samples only (fast)."""
    work = tmp_path_factory.mktemp("docs")
    (work / "samples").mkdir()
    for f in [*sorted(SAMPLES.glob("00[01]_*[0-9a-f].txt")), *sorted(SAMPLES.glob("000_*[0-9a-f].pdf"))]:
        shutil.copy(f, work / "samples" / f.name)
    (work / "empty").mkdir()
    return work


def test_every_command_example_runs(workdir):
    lines = [line for line in _section(DOCS, "examples").splitlines() if line.startswith("wco-events ")]
    assert len(lines) >= 5
    for line in lines:
        command, _, comment = line.partition("#")
        expected = int(m.group(1)) if (m := re.match(r"\s*exit (\d+)", comment)) else 0
        args = shlex.split(command)[1:]
        out = subprocess.run(
            [sys.executable, str(ROOT / "pipeline.py"), *args], cwd=workdir, capture_output=True, text=True
        )
        assert out.returncode == expected, f"{line}\n{out.stdout}\n{out.stderr}"
    assert (workdir / "output" / "events.duckdb").is_file() and (workdir / "changes" / "diff.csv").is_file()


def test_every_python_example_runs(workdir, monkeypatch):
    """The `>>>` examples of the usage and outputs sections, as doctests, in order."""
    monkeypatch.chdir(workdir)
    monkeypatch.syspath_prepend(str(ROOT))
    blocks = re.findall(r"```python\n(.*?)```", _section(DOCS, "usage") + _section(DOCS, "outputs"), re.S)
    text = "\n".join(blocks)
    test = doctest.DocTestParser().get_doctest(text, {}, "README", "README.md", 0)
    assert len(test.examples) >= 10
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    runner.run(test, out=lambda s: pytest.fail(s))
    assert runner.summarize(verbose=False).failed == 0
