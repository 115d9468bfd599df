"""Bad input gets a clear one-line error naming the file; nothing else is lost.

Fixtures are built by tests/bad_inputs/build.py and committed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

import pipeline
from extract import read
from extract.errors import CorruptDocument, EmptyDocument, EncryptedDocument, NoTextLayer
from tests.conftest import SAMPLES, SEED_000

BAD = Path(__file__).resolve().parent / "bad_inputs"

FAILING = {
    "empty.txt": (EmptyDocument, "the file is empty"),
    "truncated.pdf": (CorruptDocument, "not a readable PDF"),
    "encrypted.pdf": (EncryptedDocument, "password-protected"),
    "scanned.pdf": (NoTextLayer, "no text layer"),
    "not_a_zip.docx": (CorruptDocument, "not a valid Word (.docx) file"),
    "zip_bomb.docx": (CorruptDocument, "zip bomb"),
}


@pytest.mark.parametrize("name", sorted(FAILING))
def test_each_bad_file_fails_with_a_clear_message(name):
    error, words = FAILING[name]
    with pytest.raises(error) as raised:
        read(BAD / name)
    message = str(raised.value)
    assert message.startswith(str(BAD / name)) and words in message and "\n" not in message


def test_zip_bomb_is_refused_before_decompressing():
    import resource

    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with pytest.raises(CorruptDocument):
        read(BAD / "zip_bomb.docx")
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 100 * 1024  # KB: far below 1 GB


@pytest.mark.parametrize("name", ["no_table.docx", "not_wco.txt"])
def test_documents_without_action_table_convert_with_a_warning(name):
    ds = pipeline.run([BAD / name])
    assert ds.errors.empty and len(ds.documents) == 1 and ds.actions.empty
    assert "no_action_table" in set(ds.warnings["code"])


def test_wrong_extension_is_read_by_content():
    doc = read(BAD / "word_named_as.pdf")
    assert doc.format == "docx" and len(doc.tables) == 4


@pytest.mark.parametrize("name", ["seed_utf16.txt", "seed_cp1252.txt"])
def test_other_text_encodings(name):
    text = read(SAMPLES / f"{SEED_000}.txt").text
    assert read(BAD / name).text == text


def test_a_200_page_pdf_converts():
    doc = read(BAD / "long_report.pdf")
    assert doc.page_count >= 200
    assert sum(len(t.rows) for t in doc.tables) == 21 * 20


def test_batch_of_bad_and_good_files(tmp_path, capsys):
    src = tmp_path / "batch"
    src.mkdir()
    for f in BAD.iterdir():
        if f.suffix != ".py" and f.name != "long_report.pdf":  # the long one has its own test
            shutil.copy(f, src)
    for f in SAMPLES.glob(f"{SEED_000}*"):
        shutil.copy(f, src)
    out = tmp_path / "out"
    assert pipeline.main([str(src), "--out", str(out), "--jobs", "2", "--no-cache"]) == 1
    err = capsys.readouterr().err
    errors = pd.read_csv(out / "errors.csv")
    assert sorted(Path(f).name for f in errors["file"]) == sorted(FAILING)
    assert set(errors["stage"]) == {"read"}
    for row in errors.itertuples():
        assert f"Error: {row.message}" in err and row.error_type == FAILING[Path(row.file).name][0].__name__
    assert "Traceback" not in err
    documents = pd.read_csv(out / "documents.csv")
    good = {"no_table.docx", "not_wco.txt", "seed_utf16.txt", "seed_cp1252.txt"}
    good |= {f.name for f in SAMPLES.glob(f"{SEED_000}*") if f.suffix != ".py"}
    assert sorted(Path(f).name for f in documents["source_file"]) == sorted(good)
    # word_named_as.pdf holds the very bytes of the Word sample: converted once, listed as a duplicate.
    warnings = pd.read_csv(out / "warnings.csv")
    duplicates = warnings[warnings["code"] == "duplicate_input"]
    assert [Path(f).name for f in duplicates["source_file"]] == ["word_named_as.pdf"]
    events = pd.read_csv(out / "events.csv")
    assert len(events) == 144 * (len(good) - 2)  # every good WCO file gives all its events
