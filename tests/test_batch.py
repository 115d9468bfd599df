"""Batch runs: parallel and serial agree, the cache, exit codes, interruption."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time

import pipeline
from tests.conftest import ROOT, SAMPLES, SEED_000, SEED_001


def _copies(tmp_path, n):
    src = tmp_path / "many"
    src.mkdir()
    text = (SAMPLES / f"{SEED_000}.txt").read_text(encoding="utf-8")
    for i in range(n):  # content varied so that no two files share a cache entry
        (src / f"report_{i:03d}.txt").write_text(
            text.replace("25 OCTOBER 2015", f"{i % 28 + 1} OCTOBER 2015")
        )
    return src


def test_two_jobs_give_the_same_bytes_as_one(tmp_path):
    src = _copies(tmp_path, 4)
    pipeline.run([src], jobs=1).write(tmp_path / "one")
    pipeline.run([src], jobs=2).write(tmp_path / "two")
    for f in sorted(p for p in (tmp_path / "one").rglob("*") if p.is_file()):  # report/ pages too
        if f.suffix == ".duckdb":  # a database file: same tables (tests/test_outputs.py), not same bytes
            continue
        assert f.read_bytes() == (tmp_path / "two" / f.relative_to(tmp_path / "one")).read_bytes(), f.name


def test_cache_converts_only_the_new_file(tmp_path, monkeypatch):
    from normalize import batch

    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SAMPLES / f"{SEED_000}.txt", src)
    cache = tmp_path / "cache"
    first = pipeline.run([src], cache_dir=cache, jobs=1)  # in this process: convert_file is patched below
    shutil.copy(SAMPLES / f"{SEED_001}.txt", src)
    converted = []
    real = batch.convert_file
    monkeypatch.setattr(batch, "convert_file", lambda p: converted.append(p.name) or real(p))
    second = pipeline.run([src], cache_dir=cache, jobs=1)
    assert converted == [f"{SEED_001}.txt"]
    assert second.events.equals(first.events)
    # --no-cache converts everything again
    converted.clear()
    pipeline.run([src], jobs=1)
    assert sorted(converted) == [f"{SEED_000}.txt", f"{SEED_001}.txt"]


def test_cached_result_under_a_new_name_takes_the_new_name(tmp_path):
    cache = tmp_path / "cache"
    pipeline.run([SAMPLES / f"{SEED_000}.txt"], cache_dir=cache)
    renamed = tmp_path / "renamed.txt"
    shutil.copy(SAMPLES / f"{SEED_000}.txt", renamed)
    ds = pipeline.run([renamed], cache_dir=cache)
    assert set(ds.events["doc"]) == {"renamed"} and set(ds.events["source_file"]) == {str(renamed)}


def test_inputs_as_glob_folder_and_file(tmp_path):
    files = pipeline.collect_inputs([str(SAMPLES / "*.txt"), SAMPLES, SAMPLES / f"{SEED_000}.txt"])
    # Each file once, in name order, however many of the arguments name it.
    texts = sorted(f.name for f in SAMPLES.glob("*.txt"))
    assert f"{SEED_000}.txt" in texts and f"{SEED_001}.txt" in texts
    assert [f.name for f in files if f.suffix == ".txt"] == texts


def test_usage_errors_exit_2(tmp_path, capsys):
    assert pipeline.main([str(tmp_path / "missing.txt")]) == 2
    assert capsys.readouterr().err.startswith("Error: ")
    assert pipeline.main([str(tmp_path / "*.nothing")]) == 2


def test_help_is_fast_to_import():
    """--help must not import the heavy libraries (spaCy, pandas, pdfplumber)."""
    code = (
        "import sys, pipeline; print(sorted(m for m in ('spacy','pandas','pdfplumber') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_sigint_leaves_previous_output_intact(tmp_path):
    """Ctrl-C while files convert: the run stops at a checkpoint (a FIFO it blocks
    on, see normalize/faults.py), so the signal lands while converting, every time;
    no output line is awaited, so nothing here can block past its deadline."""
    out = tmp_path / "out"
    assert pipeline.main([str(SAMPLES / f"{SEED_001}.txt"), "--out", str(out), "--no-cache"]) == 0
    before = {f.name: f.read_bytes() for f in out.iterdir() if f.is_file()}
    src = _copies(tmp_path, 6)
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    proc = subprocess.Popen(
        [sys.executable, "pipeline.py", str(src), "--out", str(out), "--jobs", "2", "--no-cache"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "PIPELINE_FAULT": f"convert:pause:{fifo}"},
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 120
        while not (tmp_path / "fifo.ready").exists():  # it has converted its first file
            assert proc.poll() is None, "the run finished before it could be interrupted"
            assert time.monotonic() < deadline, "the run never reached its first file"
            time.sleep(0.05)
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130
    assert "Traceback" not in err and "nothing was written" in err
    after = {f.name: f.read_bytes() for f in out.iterdir() if f.is_file()}
    assert after == before
    assert not [d for d in tmp_path.iterdir() if ".writing-" in d.name]
    assert os.listdir(out)


def test_dask_executor_on_a_local_cluster_matches_the_process_pool(tmp_path):
    import pytest

    distributed = pytest.importorskip("distributed")
    src = _copies(tmp_path, 3)
    local = pipeline.run([src], jobs=1)
    with distributed.LocalCluster(n_workers=2, processes=False, dashboard_address=None) as cluster:
        on_dask = pipeline.run([src], executor="dask", scheduler=cluster)
    assert on_dask.events.equals(local.events)
    on_dask.write(tmp_path / "out", partitioned=True)
    parts = sorted(p.name for p in (tmp_path / "out" / "events_by_doc").iterdir())
    assert parts == ["doc=report_000", "doc=report_001", "doc=report_002"]
    import pandas as pd

    assert len(pd.read_parquet(tmp_path / "out" / "events_by_doc")) == len(local.events)


def test_a_file_missing_a_required_value_fails_alone_and_named(tmp_path, monkeypatch):
    """A reader that loses a row's number (seen with a wrapped `N°` header) must fail
    that file with the reason, not the whole run when the tables are written."""
    import normalize.dataset as dataset

    real = dataset.document_records

    def lose_numbers(normalized):
        document, actions, events, warnings = real(normalized)
        if "001" in document["doc"]:
            actions = [{**a, "action_no": ""} for a in actions]
        return document, actions, events, warnings

    monkeypatch.setattr(dataset, "document_records", lose_numbers)
    ds = pipeline.run([SAMPLES / f"{SEED_000}.txt", SAMPLES / f"{SEED_001}.txt"], jobs=1)
    assert len(ds.errors) == 1
    error = ds.errors.iloc[0]
    assert SEED_001 in error["file"] and "actions.action_no (row 1)" in error["message"]
    assert set(ds.documents["doc"]) == {SEED_000}
    ds.write(tmp_path / "out")  # the rest is written whole
    assert (tmp_path / "out" / "events.csv").is_file()
