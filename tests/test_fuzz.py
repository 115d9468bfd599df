"""Fuzz: mutated text, Word and PDF inputs convert or fail with the project's own
one-line error, never a traceback, never a hang.

A seeded mutator with a fixed budget (not hypothesis: the inputs are files whose
conversion costs tens of milliseconds to a second, so the number of cases, not a
deadline, bounds the time). Each case runs under an interval timer: a conversion
slower than `LIMIT` seconds counts as a hang.
"""

from __future__ import annotations

import io
import random
import signal
import zipfile
from pathlib import Path

import pytest

from extract import errors
from normalize.batch import convert_file
from tests.conftest import SAMPLES, SEED_000

LIMIT = 30  # seconds: far above any sample's conversion, far below a hang
BUDGET = {"txt": 80, "docx": 40, "pdf": 60}
OWN_ERRORS = {
    c.__name__ for c in vars(errors).values() if isinstance(c, type) and issubclass(c, errors.PipelineError)
}
HOSTILE = [b"(" * 3000, b"- x " * 2000, b"\t" * 500, b" " * 5000, b"\x00\xff\xfe", b"<u><b>", b"&#0;&#xD800;"]


class Hang(BaseException):
    """Raised by the timer; a BaseException so that no `except Exception` swallows it."""


def _mutate(data: bytes, rng: random.Random) -> bytes:
    data = bytearray(data)
    for _ in range(rng.randint(1, 6)):
        op = rng.choice(("flip", "cut", "dup", "hostile", "drop"))
        at = rng.randrange(max(len(data), 1))
        if op == "flip" and data:
            data[at] = rng.randrange(256)
        elif op == "cut":
            del data[at:]
        elif op == "dup":
            data[at:at] = data[at : at + rng.randint(1, 400)] * rng.randint(2, 20)
        elif op == "hostile":
            data[at:at] = rng.choice(HOSTILE)
        else:
            del data[at : at + rng.randint(1, 200)]
    return bytes(data)


def _mutate_docx(data: bytes, rng: random.Random) -> bytes:
    """Half the time the zip's bytes, half the time the XML inside an intact zip."""
    if rng.random() < 0.5:
        return _mutate(data, rng)
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for member in source.infolist():
            content = source.read(member)
            if member.filename == "word/document.xml":
                content = _mutate(content, rng)
            target.writestr(member, content)
    return out.getvalue()


def _small_pdf() -> bytes:
    """A one-page action table, uncompressed so that mutations reach its operators."""
    from fpdf import FPDF

    pdf = FPDF(orientation="L")
    pdf.compress = False
    pdf.add_page()
    pdf.set_font("Helvetica", size=9)
    pdf.cell(0, 8, "PROGRESS REPORT (AS OF 25 OCTOBER 2015)", new_x="LMARGIN", new_y="NEXT")
    widths = (10, 80, 40, 40, 100)
    header = ("", "Action", "Responsible body", "Timeframe/Deadline", "Progress")
    rows = [header] + [
        (str(i), f"Action number {i}", "WCO Secretariat", "2015", f"- Workshop {i} (Peru, {i} May 2015)")
        for i in range(1, 6)
    ]
    for row in rows:
        for width, text in zip(widths, row, strict=True):
            pdf.cell(width, 8, text, border=1)
        pdf.ln()
    return bytes(pdf.output())


def _inputs() -> dict[str, bytes]:
    return {
        "txt": (SAMPLES / f"{SEED_000}.txt").read_bytes(),
        "docx": (SAMPLES / f"{SEED_000}.docx").read_bytes(),
        "pdf": _small_pdf(),
    }


@pytest.fixture(scope="module")
def originals():
    return _inputs()


def _on_alarm(signum, frame):
    raise Hang()


@pytest.mark.parametrize("fmt", sorted(BUDGET))
def test_mutated_inputs_convert_or_fail_cleanly(tmp_path, originals, fmt):
    rng = random.Random(f"fuzz-{fmt}")  # the same cases on every run
    mutate = _mutate_docx if fmt == "docx" else _mutate
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    failures = []
    try:
        for case in range(BUDGET[fmt]):
            path = tmp_path / f"case_{case:03d}.{fmt}"
            path.write_bytes(mutate(originals[fmt], rng))
            signal.setitimer(signal.ITIMER_REAL, LIMIT)
            try:
                result = convert_file(path)
            except Hang:
                failures.append(f"{path.name}: still converting after {LIMIT} s")
                continue
            except BaseException as exc:  # noqa: BLE001 - the point: nothing may escape
                failures.append(f"{path.name}: escaped {type(exc).__name__}: {exc}")
                continue
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            if result.error is not None:
                message, kind = result.error["message"], result.error["error_type"]
                if kind not in OWN_ERRORS or "\n" in message or not message.startswith(str(path)):
                    failures.append(f"{path.name}: {kind}: {message}")
            path.unlink()
    finally:
        signal.signal(signal.SIGALRM, previous)
    assert not failures, "\n".join(failures)


def test_the_small_pdf_converts_unmutated(tmp_path, originals):
    path = Path(tmp_path / "small.pdf")
    path.write_bytes(originals["pdf"])
    result = convert_file(path)
    assert result.error is None and len(result.events) == 5
