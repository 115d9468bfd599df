"""The command behaves like the tools analysts know: subcommands with their own help,
--version, -q/-v, exit statuses, a warning when no report was found, what folders
give; and `pip install .` gives a working `wco-events` command."""

from __future__ import annotations

import inspect
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

import pipeline
from tests.conftest import ROOT, SAMPLES, SEED_000

SEED_TXT = SAMPLES / f"{SEED_000}.txt"


def cli(*args, cwd=ROOT, exe=(sys.executable, str(ROOT / "pipeline.py"))):
    return subprocess.run([*exe, *map(str, args)], cwd=cwd, capture_output=True, text=True)


def version_in_pyproject() -> str:
    import tomllib

    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def test_version():
    out = cli("--version")
    assert out.returncode == 0 and out.stdout.split() == ["pipeline.py", version_in_pyproject()]


@pytest.mark.parametrize("command", ["convert", "audit", "diff"])
def test_top_level_help_lists_every_command(command):
    out = cli("--help")
    assert out.returncode == 0 and f"    {command} " in out.stdout


def test_no_arguments_is_a_usage_error():
    out = cli()
    assert out.returncode == 2 and "usage:" in out.stderr


@pytest.mark.parametrize("command", ["convert", "audit", "diff"])
def test_each_command_has_its_own_help(command):
    out = cli(command, "--help")
    assert out.returncode == 0 and f"usage: pipeline.py {command}" in out.stdout
    assert "-q" in out.stdout and "-v" in out.stdout


def test_one_default_for_jobs():
    default = inspect.signature(pipeline.run).parameters["jobs"].default
    assert default is None  # run() resolves None with default_jobs(), as the CLI does
    assert (
        pipeline.convert_parser().parse_args(["x"]).jobs == pipeline.default_jobs() == (os.cpu_count() or 1)
    )


def test_a_folder_without_reports_warns_and_exits_1(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "notes.md").write_text("# not a report\n", encoding="utf-8")
    out = cli(tmp_path / "in", "--out", tmp_path / "out", "--no-cache")
    assert out.returncode == 1 and "Warning: no report found" in out.stderr
    assert not (tmp_path / "out").exists()


def test_folders_give_txt_docx_pdf_unless_include_says_otherwise(tmp_path):
    for name in ("a.txt", "b.docx", "c.pdf", "d.md", "e.csv", "F.PDF"):
        (tmp_path / name).write_bytes(b"")
    assert [p.name for p in pipeline.collect_inputs([tmp_path])] == ["F.PDF", "a.txt", "b.docx", "c.pdf"]
    got = pipeline.collect_inputs([tmp_path], include=[".md,csv"])
    assert [p.name for p in got] == ["F.PDF", "a.txt", "b.docx", "c.pdf", "d.md", "e.csv"]
    # a file named directly is taken whatever its name
    assert pipeline.collect_inputs([tmp_path / "d.md"]) == [tmp_path / "d.md"]


@pytest.fixture(scope="module")
def converted(tmp_path_factory):
    """Seed 000 under a file named `audit`, converted with `convert audit` and `./audit`."""
    work = tmp_path_factory.mktemp("cli")
    shutil.copy(SEED_TXT, work / "audit")
    first = cli("convert", "audit", "--out", "out1", "--no-cache", cwd=work)
    second = cli("-q", "./audit", "--out", "out2", "--no-cache", "--jobs", "1", cwd=work)
    return work, first, second


def test_a_report_named_audit_converts(converted):
    work, first, second = converted
    assert first.returncode == 0, first.stderr
    assert "144 events" in first.stdout and (work / "out1" / "events.parquet").is_file()
    assert second.returncode == 0 and second.stdout == ""  # -q: nothing but errors and warnings
    assert (work / "out1" / "events.csv").read_bytes() == (work / "out2" / "events.csv").read_bytes()


def test_verbose_prints_warnings_by_code(converted, tmp_path):
    work, _, _ = converted
    out = cli("convert", "-v", "audit", "--out", tmp_path / "o", "--no-cache", "--jobs", "1", cwd=work)
    assert out.returncode == 0 and "  no_date: " in out.stdout


def test_audit_exit_statuses(converted, tmp_path):
    work, _, _ = converted
    assert cli("audit", "out1", cwd=work).returncode == 0
    assert cli("audit", "-q", "out1", cwd=work).stdout == ""
    assert cli("audit", tmp_path).returncode == 2


def test_diff_exits_1_on_changes_and_names_its_output(converted, tmp_path):
    work, _, _ = converted
    same = cli("diff", "out1", "out2", "--out", tmp_path / "same", cwd=work)
    assert same.returncode == 0 and "no changes" in same.stdout
    changed = work / "changed.txt"
    changed.write_text(
        SEED_TXT.read_text(encoding="utf-8").replace("22-23 October 2015", "22-24 October 2015")
    )
    out = cli("diff", "out1", changed, "--out", tmp_path / "d", cwd=work)
    assert out.returncode == 1, out.stderr
    assert f"-> {tmp_path / 'd' / 'diff.csv'}" in out.stdout and (tmp_path / "d" / "diff.csv").is_file()
    assert "end_date" in out.stdout


def test_pip_install_gives_a_console_command(tmp_path):
    """`pip install .` into a fresh venv (the heavy dependencies come from the test's own
    environment through a .pth file, `--no-deps`), then `wco-events` converts the samples
    from another folder. The build runs on a copy: the tree itself stays clean."""
    src = tmp_path / "src"
    src.mkdir()
    for name in ("pyproject.toml", "README.md", "pipeline.py"):
        shutil.copy(ROOT / name, src / name)
    for name in ("extract", "normalize"):
        shutil.copytree(ROOT / name, src / name, ignore=shutil.ignore_patterns("__pycache__"))
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", venv], check=True)
    site = subprocess.run(
        [venv / "bin" / "python", "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    Path(site, "shared-deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    install = subprocess.run(
        [venv / "bin" / "python", "-m", "pip", "install", "-q", "--no-deps", src],
        capture_output=True,
        text=True,
    )
    if install.returncode and "satisfies the requirement setuptools" in install.stderr:
        pytest.skip("no package index to fetch the build backend (setuptools, wheel) from")
    assert install.returncode == 0, install.stderr
    command = venv / "bin" / "wco-events"
    assert command.is_file()

    elsewhere = tmp_path / "elsewhere"
    (elsewhere / "reports").mkdir(parents=True)
    for name in ("000_f9a85ca6c4980ec5", "001_6aa9410e70b24e4d"):
        for ext in (".txt", ".pdf"):
            shutil.copy(SAMPLES / f"{name}{ext}", elsewhere / "reports")
    version = cli("--version", exe=[command], cwd=elsewhere)
    assert version.stdout.split() == ["wco-events", version_in_pyproject()]
    out = cli("reports", "--out", "out", "--jobs", "2", exe=[command], cwd=elsewhere)
    assert out.returncode == 0, out.stderr
    assert "4 documents" in out.stdout and (elsewhere / "out" / "events.duckdb").is_file()
    where = cli("-c", "import pipeline, normalize; print(pipeline.__file__, normalize.__file__)",
                exe=[venv / "bin" / "python"], cwd=elsewhere).stdout  # fmt: skip
    assert str(ROOT) not in where and str(venv) in where
    # the build leftovers `pip install .` leaves in a source tree are ignored by git
    ignored = subprocess.run(
        ["git", "check-ignore", "build/lib/pipeline.py", "wco_progress.egg-info/PKG-INFO"],
        cwd=ROOT,
        capture_output=True,
    )
    assert ignored.returncode == 0
