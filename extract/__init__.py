"""Readers: one per format, each returning the shared `Document` model."""

from __future__ import annotations

from pathlib import Path

from .errors import CorruptDocument, EmptyDocument, InputNotFound, PipelineError, UnsupportedFormat
from .model import Document

SUFFIXES = {".txt": "txt", ".text": "txt", ".md": "txt", ".docx": "docx", ".pdf": "pdf"}


def sniff_format(path: Path) -> str:
    """The file's real type, from its first bytes rather than its name."""
    with open(path, "rb") as f:
        head = f.read(8)
    if not head:
        raise EmptyDocument(f"{path}: the file is empty")
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "docx"
    if path.suffix.lower() in (".pdf", ".docx"):
        return path.suffix.lower()[1:]  # claims a binary format: let that reader say what is wrong
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UnsupportedFormat(f"{path}: not a text, Word (.docx) or PDF file")
    return "txt"


def read(path: str | Path) -> Document:
    """Read one report, whatever its format. A file the parsers cannot read raises one
    of the project's errors (`extract.errors`), never a parser library's own; a bug of
    ours is left as it is, to be reported as such."""
    path = Path(path)
    try:
        return _read(path)
    except (PipelineError, OSError, MemoryError):
        raise  # ours already, or the environment's
    except Exception as exc:
        from .errors import describe_failure, printable

        kind, message = describe_failure(exc, printable(str(path)))
        if kind != CorruptDocument.__name__:
            raise
        raise CorruptDocument(message) from exc


def _read(path: Path) -> Document:
    if not path.is_file():
        raise InputNotFound(f"{path}: no such file")
    fmt = sniff_format(path)
    if fmt == "pdf":
        from .pdf import read_pdf

        return read_pdf(path)
    if fmt == "docx":
        from .docx import read_docx
        from .safety import check_zip

        check_zip(path)

        return read_docx(path)
    from .text import read_text

    return read_text(path)
