"""Scale and hostile-input benchmark (a script, not a test).

    python benchmarks/bench_integrity.py [--quick]

1. Conversion time of seed 000 at 1x, 10x and 100x its size (rows, items,
   characters): the rows of its action tables repeated with their years shifted, so
   that the copies are distinct events. Linear growth means seconds per 1,000 events
   stays flat.
2. Each hostile input of issue 12 as a small file, converted by `pipeline.py` in a
   subprocess with a time limit: it must convert or fail cleanly (an `Error:` line,
   no traceback) within seconds.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "samples" / "000_f9a85ca6c4980ec5.txt"
LIMIT = 120  # seconds a hostile input may take before it counts as a hang
HEADER = "\tAction\tResponsible body\tTimeframe/Deadline\tProgress"


def scaled(factor: int) -> str:
    """Seed 000 with its table rows repeated `factor` times, years shifted per copy."""
    lines = SEED.read_text(encoding="utf-8").split("\n")
    rows = [i for i, line in enumerate(lines) if "\t" in line and not line.startswith("\tAction")]
    first, last = rows[0], rows[-1]
    body = lines[first : last + 1]
    out = lines[:first]
    for k in range(factor):
        shift = k % 40
        out += [re.sub(r"\b(20[0-4]\d)\b", lambda m, s=shift: str(int(m.group()) + s), line) for line in body]
    return "\n".join(out + lines[last + 1 :])


def _table(progress: str, action: str = "Action text") -> str:
    row = f"1\t{action}\tWCO Secretariat\t2015\t{progress}"
    return f"TITLE (AS OF 25 OCTOBER 2015)\n\n1. SECTION\n{HEADER}\n{row}\n"


def hostile() -> dict[str, str | bytes]:
    rows = "".join(
        f"{i}\tAction {i}\tWCO\t2015\t- Workshop {i} (Peru, {i % 28 + 1} May 2015)\n" for i in range(20000)
    )
    return {
        "bullets_250k.txt": _table("- x " * 250_000),
        "parentheses_100k.txt": _table("(" * 100_000),
        "line_200k_acronyms.txt": _table("Aa " * 66_000 + "(ABC)"),
        "spaces_300k_cell.txt": f"TITLE\n\n\t{' ' * 300_000}\tAction\n"
        + _table("- Workshop (Peru, 1 May 2015)"),
        "rows_20k.txt": f"TITLE (AS OF 25 OCTOBER 2015)\n\n1. SECTION\n{HEADER}\n{rows}",
        "country_spaces.txt": _table("- Workshop (" + " " * 4000 + "(x)"),
        "french_dates.txt": _table("- Atelier (" + "le 22 octobre 2015, " * 5000 + ")"),
        "utf16_malformed.txt": b"\xff\xfe" + "\tAction".encode("utf-16-le") + b"\x00\xd8",
        "line_200k.pdf": _pdf_line("Aa " * 66_000 + "(ABC)"),
        "parentheses_100k.docx": _docx_cell("(" * 100_000),
    }


def _pdf_line(text: str) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=2)
    pdf.text(5, 20, "PROGRESS REPORT (AS OF 25 OCTOBER 2015)")
    pdf.text(5, 30, text)  # one line, far wider than the page
    return bytes(pdf.output())


def _docx_cell(progress: str) -> bytes:
    import io

    import docx

    document = docx.Document()
    document.add_paragraph("PROGRESS REPORT (AS OF 25 OCTOBER 2015)")
    table = document.add_table(rows=2, cols=5)
    for cell, text in zip(table.rows[0].cells, HEADER.split("\t"), strict=True):
        cell.text = text
    for cell, text in zip(table.rows[1].cells, ["1", "Action", "WCO", "2015", progress], strict=True):
        cell.text = text
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def run(path: Path, out: Path) -> tuple[float, int, str]:
    start = time.perf_counter()
    try:
        command = [sys.executable, str(ROOT / "pipeline.py"), str(path), "--out", str(out), "--no-cache"]
        done = subprocess.run([*command, "--jobs", "1"], capture_output=True, text=True, timeout=LIMIT)
    except subprocess.TimeoutExpired:
        return LIMIT, -1, "HANG"
    seconds = time.perf_counter() - start
    verdict = "traceback!" if "Traceback" in done.stderr else "clean"
    last = (done.stdout.strip().splitlines() or done.stderr.strip().splitlines() or [""])[-1]
    return seconds, done.returncode, f"{verdict}: {last[:90]}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="1x and 10x only")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    import pipeline

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        print("| size | characters | rows | events | seconds | s per 1,000 events |")
        print("|---|---|---|---|---|---|")
        pipeline.run([SEED])  # warm up: spaCy and the tables load once
        for factor in (1, 10) if args.quick else (1, 10, 100):
            path = tmp / f"seed_x{factor}.txt"
            path.write_text(scaled(factor), encoding="utf-8")
            start = time.perf_counter()
            ds = pipeline.run([path])
            ds.write(tmp / f"out_x{factor}")
            seconds = time.perf_counter() - start
            chars = len(path.read_text(encoding="utf-8"))
            per = 1000 * seconds / max(len(ds.events), 1)
            counts = f"{chars:,} | {len(ds.actions):,} | {len(ds.events):,}"
            print(f"| {factor}x | {counts} | {seconds:.1f} | {per:.2f} |")
        print()
        print("| hostile input | bytes | seconds | exit | outcome |")
        print("|---|---|---|---|---|")
        for name, content in hostile().items():
            path = tmp / name
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
            seconds, status, outcome = run(path, tmp / f"out_{name}")
            print(f"| {name} | {path.stat().st_size:,} | {seconds:.1f} | {status} | {outcome} |")


if __name__ == "__main__":
    main()
