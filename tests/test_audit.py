"""Coverage and the `audit` command."""

from __future__ import annotations

import shutil

import pipeline
from extract import read
from normalize import normalize
from normalize.audit import coverage
from tests.conftest import SAMPLES, SEED_000


def test_coverage_is_complete_on_every_sample_in_every_format(all_samples):
    docs = all_samples.documents
    assert len(docs) == len(pipeline.collect_inputs([SAMPLES])) == 10
    assert set(docs["format"]) == {"txt", "docx", "pdf"}
    assert (docs["coverage"] == 1.0).all(), docs[["source_file", "coverage"]]
    assert all_samples.errors.empty


def test_unassigned_text_is_reported():
    from dataclasses import replace

    n = normalize(read(SAMPLES / f"{SEED_000}.txt"))
    assert coverage(n).share == 1.0
    dropped = n.items[5]
    cov = coverage(replace(n, items=tuple(i for i in n.items if i is not dropped)))
    assert cov.share < 1.0
    assert [f.text for f in cov.unassigned] == [dropped.text]


def test_audit_passes_on_fresh_output_and_names_edited_records(tmp_path, capsys):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SAMPLES / f"{SEED_000}.txt", src)
    out = tmp_path / "out"
    assert pipeline.main([str(src), "--out", str(out)]) == 0
    capsys.readouterr()
    assert pipeline.main(["audit", str(out)]) == 0
    assert "audit passed: 144 records" in capsys.readouterr().out

    path = src / f"{SEED_000}.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("(Ecuador, 22-26 June", "(Peru, 22-26 June"))
    assert pipeline.main(["audit", str(out)]) == 1
    printed = capsys.readouterr().out
    assert "MISMATCH" in printed and "action 6, item 23" in printed
    assert "audit failed" in printed


def test_audit_of_a_folder_that_is_not_output(tmp_path, capsys):
    assert pipeline.main(["audit", str(tmp_path)]) == 2
    assert capsys.readouterr().err.startswith("Error: ")
