"""CSV formula injection, duplicate inputs, the cache's validation, and errors
told apart: the file's damage, the environment's failure, our own bug."""

from __future__ import annotations

import gzip
import json
import shutil

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import pipeline
from normalize.csvsafe import escape_cell, read_csv, unescape_cell, write_csv
from tests.conftest import SAMPLES, SEED_000, SEED_001

SEED = SAMPLES / f"{SEED_000}.txt"


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1 (Peru)", "'+1 (Peru)"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tindented", "'\tindented"),
        ("\rreturn", "'\rreturn"),
        ("'quoted'", "''quoted'"),  # so that reading back removes exactly one
        ("Workshop (Peru, 1 May 2015)", "Workshop (Peru, 1 May 2015)"),
        ("", ""),
        (3, 3),  # numbers stay numbers
        (-3.5, -3.5),
        (None, None),
    ],
)
def test_cells_that_would_start_a_formula_are_escaped(value, written):
    assert escape_cell(value) == written
    assert unescape_cell(escape_cell(value)) == value


@given(st.lists(st.text(), min_size=1, max_size=5))
def test_csv_round_trip_gives_the_exact_text(tmp_path_factory, texts):
    path = tmp_path_factory.mktemp("csv") / "t.csv"
    write_csv(pd.DataFrame({"text": texts, "n": range(len(texts))}), path)  # no row is a blank line
    assert read_csv(path)["text"].tolist() == texts


def test_a_formula_in_a_report_is_written_safely_in_csv_and_exactly_elsewhere(tmp_path):
    text = SEED.read_text(encoding="utf-8").replace(
        " - National Workshop on Transit (Azerbaijan", " - =cmd|' /C calc'!A0 Workshop (Azerbaijan"
    )
    src = tmp_path / "formula.txt"
    src.write_text(text, encoding="utf-8")
    ds = pipeline.run([src])
    ds.write(tmp_path / "out")
    raw = (tmp_path / "out" / "events.csv").read_text(encoding="utf-8")
    assert "'=cmd|' /C calc'!A0 Workshop" in raw and ",=cmd" not in raw
    titles = set(pd.read_parquet(tmp_path / "out" / "events.parquet")["title"])
    assert "=cmd|' /C calc'!A0 Workshop" in titles
    jsonl = [json.loads(line) for line in (tmp_path / "out" / "events.jsonl").read_text().splitlines()]
    assert "=cmd|' /C calc'!A0 Workshop" in {e["title"] for e in jsonl}
    assert "=cmd|' /C calc'!A0 Workshop" in set(read_csv(tmp_path / "out" / "events.csv")["title"])


def test_identical_inputs_are_converted_once_and_listed_with_a_warning(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SEED, src / "a.txt")
    shutil.copy(SEED, src / "b_copy.txt")  # byte-identical under another name
    shutil.copy(SAMPLES / f"{SEED_001}.txt", src)
    ds = pipeline.run([src, src / "a.txt"], jobs=2)
    assert sorted(ds.documents["doc"]) == [SEED_001, "a"]
    assert len(ds.events) == 144 and ds.errors.empty
    duplicate = ds.warnings[ds.warnings["code"] == "duplicate_input"]
    assert duplicate[["doc", "detail"]].values.tolist() == [
        ["b_copy", f"same content as {src / 'a.txt'}: converted once, counted once"]
    ]
    assert ds.unique_events["mentions"].sum() == 144


def _entries(cache):
    return sorted(cache.glob("*.json.gz"))


def _rewrite(entry, change):
    with gzip.open(entry, "rt", encoding="utf-8") as f:
        stored = json.load(f)
    change(stored)
    with gzip.open(entry, "wt", encoding="utf-8") as f:
        json.dump(stored, f)


def _set(path, value):
    def change(stored):
        target = stored
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return change


CORRUPTIONS = {
    "truncated": lambda e: e.write_bytes(e.read_bytes()[:200]),
    "empty": lambda e: e.write_bytes(b""),
    "not_gzip": lambda e: e.write_bytes(b"{}"),
    "a_folder": lambda e: (e.unlink(), e.mkdir(), (e / "x").write_text("x")),
    "document_null": lambda e: _rewrite(e, _set(["result", "document"], None)),
    "missing_keys": lambda e: _rewrite(e, lambda s: s["result"].pop("events")),
    "altered_title": lambda e: _rewrite(e, _set(["result", "events", 0, "title"], "ALTERED")),
    "altered_with_checksum": lambda e: _rewrite(e, lambda s: s.update(checksum="0" * 64)),
    "other_file": lambda e: _rewrite(e, _set(["result", "document", "sha256"], "0" * 64)),
    "not_json": lambda e: e.write_bytes(gzip.compress(b"\xff\xfe not json")),
}


@pytest.mark.parametrize("how", sorted(CORRUPTIONS))
def test_a_corrupt_cache_entry_is_rebuilt(tmp_path, capsys, how):
    cache = tmp_path / "cache"
    fresh = pipeline.run([SEED], cache_dir=cache)
    (entry,) = _entries(cache)
    CORRUPTIONS[how](entry)
    again = pipeline.run([SEED], cache_dir=cache)
    assert again.events.equals(fresh.events)
    assert "invalid cache entry, converted again" in capsys.readouterr().err
    (entry,) = _entries(cache)
    assert entry.is_file()
    third = pipeline.run([SEED], cache_dir=cache)  # the rebuilt entry serves
    assert third.events.equals(fresh.events)
    assert "invalid" not in capsys.readouterr().err


def test_our_own_bug_is_an_internal_error_naming_the_file(tmp_path, monkeypatch, capsys):
    from normalize import events

    def broken(item, reference):
        raise KeyError("a bug")

    monkeypatch.setattr(events, "parse_event", broken)
    out = tmp_path / "out"
    assert pipeline.main([str(SEED), "--out", str(out), "--jobs", "1", "--no-cache"]) == 1
    err = capsys.readouterr().err
    assert f"Error: {SEED}: internal error (a bug in this program, not a problem with the file)" in err
    errors = pd.read_csv(out / "errors.csv")
    assert errors[["stage", "error_type"]].values.tolist() == [["normalize", "InternalError"]]


def test_a_parser_library_failing_on_a_file_is_the_files_damage(tmp_path):
    import zipfile

    from extract.errors import describe_failure

    try:
        zipfile.ZipFile(__file__)  # raised inside a parser of the file's bytes
    except zipfile.BadZipFile as exc:
        kind, message = describe_failure(exc, "x.docx")
    assert kind == "CorruptDocument" and message.startswith("x.docx: the file is damaged (BadZipFile")
    try:
        json.loads("{")  # any other library: not the file's damage
    except ValueError as exc:
        assert describe_failure(exc, "x.docx")[0] == "InternalError"


def test_hostile_text_for_spacy_and_the_acronym_table():
    from normalize.identity import acronym_table
    from normalize.nlp import analyse

    doc = analyse("Workshop " + "(" * 20_000 + " held in Peru")
    assert len(doc.text) == len("Workshop " + "(" * 20_000 + " held in Peru")
    assert [e.text for e in doc.ents] == ["Peru"]
    assert acronym_table(["Aa " * 66_000 + "(ABC)"]) == {}
    assert acronym_table(["x " * 1000 + "Post-Clearance Audit (PCA)"]) == {
        "pca": ["post", "clearance", "audit"]
    }


@pytest.mark.parametrize(
    "data",
    [
        b"\xff\xfe" + "\tAction".encode("utf-16-le") + b"\x00",  # an odd number of bytes
        b"\xff\xfe" + "\tAction".encode("utf-16-le") + b"\x00\xd8",  # a lone surrogate at the end
        b"\xfe\xff" + "\tAction".encode("utf-16-be") + b"\xdc\x00a\x00",  # a lone low surrogate
    ],
)
def test_malformed_utf16_is_the_projects_own_error(tmp_path, data):
    from extract import read
    from extract.errors import CorruptDocument

    path = tmp_path / "report.txt"
    path.write_bytes(data)
    with pytest.raises(CorruptDocument, match="the text is not validly encoded") as raised:
        read(path)
    assert str(raised.value).startswith(str(path)) and "\n" not in str(raised.value)
