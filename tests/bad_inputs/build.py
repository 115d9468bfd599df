"""Build the bad-input fixtures in this folder (committed; CI needs nothing extra).

    .venv/bin/python tests/bad_inputs/build.py
Needs qpdf (encrypted PDF), pdftoppm (image-only PDF) and LibreOffice (200-page PDF).
"""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import docx
from PIL import Image

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SEED_TXT = ROOT / "samples" / "000_f9a85ca6c4980ec5.txt"
SEED_PDF = ROOT / "samples" / "000_f9a85ca6c4980ec5.pdf"
SEED_DOCX = ROOT / "samples" / "000_f9a85ca6c4980ec5.docx"


def _fixed(document: docx.Document) -> docx.Document:
    import datetime

    props = document.core_properties
    props.created = props.modified = datetime.datetime(2020, 1, 1)
    props.author = props.last_modified_by = "wco-progress"
    return document


def build() -> None:
    (HERE / "empty.txt").write_bytes(b"")
    (HERE / "not_a_zip.docx").write_bytes(b"This is plain text pretending to be a Word file.\n")
    pdf = SEED_PDF.read_bytes()
    (HERE / "truncated.pdf").write_bytes(pdf[: len(pdf) // 3])
    subprocess.run(
        ["qpdf", "--encrypt", "secret", "owner", "256", "--", str(SEED_PDF), str(HERE / "encrypted.pdf")],
        check=True,
    )
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            ["pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "2", str(SEED_PDF), f"{tmp}/p"], check=True
        )
        pages = [Image.open(p).convert("RGB") for p in sorted(Path(tmp).glob("p*.png"))]
        pages[0].save(HERE / "scanned.pdf", save_all=True, append_images=pages[1:])
    # A zip bomb named .docx: a Word skeleton plus one member that expands to 1 GB.
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
        chunk = b"\0" * (1 << 20)
        with z.open("word/media/padding.bin", "w", force_zip64=True) as member:
            for _ in range(1024):
                member.write(chunk)
    (HERE / "zip_bomb.docx").write_bytes(bomb.getvalue())
    no_table = _fixed(docx.Document())
    no_table.add_paragraph("Minutes of a meeting")
    no_table.add_paragraph("The committee met and agreed to meet again.")
    no_table.save(HERE / "no_table.docx")
    (HERE / "not_wco.txt").write_text(
        "Shopping list\n\nApples, pears and bread.\nCall the plumber on Tuesday.\n", encoding="utf-8"
    )
    shutil.copy(SEED_DOCX, HERE / "word_named_as.pdf")  # wrong extension: the content decides
    text = SEED_TXT.read_text(encoding="utf-8")
    (HERE / "seed_utf16.txt").write_bytes(text.encode("utf-16"))
    (HERE / "seed_cp1252.txt").write_bytes(text.encode("cp1252"))
    _long_pdf()


def _long_pdf(copies: int = 21) -> None:
    """A report of 200-odd pages: the seed's action tables repeated (11 pages each time)."""
    import copy

    import pdfplumber

    document = _fixed(docx.Document(str(SEED_DOCX)))
    body = document.element.body
    tables = [t._tbl for t in document.tables]
    sect_pr = body[-1]  # the section properties stay last
    for _ in range(copies - 1):
        for tbl in tables:
            sect_pr.addprevious(copy.deepcopy(tbl))
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "long_report.docx"
        document.save(src)
        subprocess.run(
            ["soffice", "--headless", "--convert-to", "pdf", "--outdir", tmp, str(src)],
            check=True, env={"HOME": tmp, "PATH": "/usr/bin:/bin"}, capture_output=True,
        )  # fmt: skip
        out = Path(tmp) / "long_report.pdf"
        with pdfplumber.open(out) as pdf:
            print(f"long_report.pdf: {len(pdf.pages)} pages", file=sys.stderr)
        shutil.copy(out, HERE / "long_report.pdf")


if __name__ == "__main__":
    build()
