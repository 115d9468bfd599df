"""Checks made before a parser is let loose on a file: a .docx is a zip archive,
and a small archive that expands to gigabytes (a zip bomb) must be refused before
anything decompresses it."""

from __future__ import annotations

import zipfile
from pathlib import Path

from .errors import CorruptDocument

MAX_EXPANDED_BYTES = 256 * 1024 * 1024  # far above any real report, far below the memory we have
MAX_RATIO = 200  # XML compresses about 10:1; 200:1 is a bomb, not a document


def check_zip(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise CorruptDocument(f"{path}: not a valid Word (.docx) file: {exc}") from exc
    expanded = sum(m.file_size for m in members)
    packed = max(sum(m.compress_size for m in members), 1)
    if expanded > MAX_EXPANDED_BYTES or (expanded > 10 * 1024 * 1024 and expanded / packed > MAX_RATIO):
        raise CorruptDocument(
            f"{path}: refused: the archive would expand to {expanded // (1024 * 1024)} MB "
            f"from {packed // 1024} KB (a zip bomb?)"
        )
    if "word/document.xml" not in {m.filename for m in members}:
        raise CorruptDocument(f"{path}: not a valid Word (.docx) file: no word/document.xml in the archive")
