"""Coverage and the `audit` command."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import pipeline
from extract import read
from normalize import normalize
from normalize.audit import coverage
from normalize.csvsafe import read_csv, write_csv
from tests.conftest import SAMPLES, SEED_000

BAD = Path(__file__).resolve().parent / "bad_inputs"


def test_coverage_is_complete_on_every_sample_in_every_format(all_samples):
    docs = all_samples.documents
    assert len(docs) == len(pipeline.collect_inputs([SAMPLES])) >= 10  # seeds, renderings, translations
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


@pytest.fixture
def converted(tmp_path, monkeypatch):
    """Seed 000 converted from a relative path, as a user in the project folder would."""
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SAMPLES / f"{SEED_000}.txt", src)
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "out"
    assert pipeline.main(["in", "--out", "out"]) == 0
    return src / f"{SEED_000}.txt", out


def _audit(out, capsys):
    capsys.readouterr()
    status = pipeline.main(["audit", str(out)])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return status, captured.out, captured.err


def test_audit_passes_on_fresh_output_and_names_edited_records(converted, capsys):
    path, out = converted
    status, printed, _ = _audit(out, capsys)
    assert status == 0 and "audit passed: 164 of 164 records (events and actions) in 1 of 1 files" in printed

    path.write_text(path.read_text(encoding="utf-8").replace("(Ecuador, 22-26 June", "(Peru, 22-26 June"))
    status, printed, _ = _audit(out, capsys)
    assert status == 1
    assert "the source changed since the conversion" in printed
    assert (
        "MISMATCH" in printed
        and "action 6, item 23): country_iso3 is 'ECU', the source gives 'PER'" in printed
    )
    assert "audit failed" in printed


def test_audit_resolves_sources_from_another_folder(converted, capsys, monkeypatch, tmp_path):
    _, out = converted
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    assert _audit(out, capsys)[0] == 0


def _edit(out, table, action_item, **values):
    df = read_csv(out / table)
    rows = (df["action_no"] == str(action_item[0])) & (df["item_no"] == str(action_item[1]))
    assert rows.sum() == 1
    for column, value in values.items():
        df.loc[rows, column] = value
    write_csv(df, out / table)


@pytest.mark.parametrize(
    ("values", "reason"),
    [
        ({"source_text": "TAMPERED", "char_start": "99999"}, "source_text is not the text at 99999:"),
        ({"title": "National Workshop on Something Else"}, "title is 'National Workshop on Something Else'"),
        ({"country_iso3": "PER"}, "country_iso3 is 'PER', the source gives 'ECU'"),
        ({"start_date": "2015-06-21"}, "start_date is '2015-06-21', the source gives '2015-06-22'"),
        ({"event_key": "0123456789abcdef"}, "event_key does not match the event's fields"),
        ({"event_id": "0123456789abcdef"}, "event_id does not match its action and item number"),
    ],
)
def test_a_tampered_events_csv_is_caught_whatever_the_file_hash(converted, capsys, values, reason):
    _, out = converted
    _edit(out, "events.csv", (6, 23), **values)
    status, printed, _ = _audit(out, capsys)
    assert status == 1
    assert reason in printed and "(action 6, item 23)" in printed, printed


def test_a_missing_source_counts_as_a_file_not_a_record(converted, capsys):
    path, out = converted
    path.unlink()
    status, printed, _ = _audit(out, capsys)
    assert status == 1
    assert "the source file is missing" in printed
    assert "checked 0 of 164 records (events and actions) in 0 of 1 files" in printed


def test_a_damaged_source_is_a_problem_not_a_crash(converted, capsys):
    path, out = converted
    path.write_bytes((BAD / "truncated.pdf").read_bytes())
    status, printed, _ = _audit(out, capsys)
    assert status == 1 and "the source can no longer be converted" in printed


@pytest.mark.parametrize(
    ("name", "content", "says"),
    [
        ("documents.csv", "x\n", "documents.csv lacks the column(s)"),
        ("documents.csv", "doc_id,doc,source_file,events,actions\n", "lacks the column(s) sha256"),
        ("events.csv", None, "events.csv is missing"),
        ("actions.csv", "\x00\x01\x02", "actions.csv"),
    ],
)
def test_a_malformed_output_folder_is_reported_as_such(converted, capsys, name, content, says):
    _, out = converted
    if content is None:
        (out / name).unlink()
    else:
        (out / name).write_text(content, encoding="utf-8")
    status, _, err = _audit(out, capsys)
    assert status == 2 and err.startswith("Error: ") and says in err, err


def test_audit_of_a_folder_that_is_not_output(tmp_path, capsys):
    assert pipeline.main(["audit", str(tmp_path)]) == 2
    assert capsys.readouterr().err.startswith("Error: ")
