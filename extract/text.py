"""Reader for reports already converted to text: tables as tab-separated rows,
lists as HTML fragments, a header row repeated at each page break, and a cell that
continues on the next page in a row whose leading cells are empty."""

from __future__ import annotations

import html
import re
from dataclasses import replace
from pathlib import Path

from .bullets import continues, leading_marker
from .errors import EmptyDocument
from .layout import build_document
from .model import BODY, HEADING, LIST_ITEM, Document
from .tables import RawParagraph, RawRow, RawTable, SkippedTable, is_header_row, join_wrapped

_TAG = re.compile(
    r"<\s*(/?)\s*([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*?/?\s*>"
)  # [^<>]: a stray `<` ends the attempt (linear)
_BLOCK_TAGS = {"p", "ul", "ol", "li", "br", "div", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "table"}
_EMPHASIS_TAGS = {"u", "b", "strong"}


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with a BOM, else Windows-1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def cell_paragraphs(raw: str, page: int | None) -> list[RawParagraph]:
    """Split one cell of converted text into paragraphs at HTML block tags.

    A paragraph whose text is all inside <u>/<b> is a sub-heading, like the
    underlined `(Asia/Pacific)` that groups the events of one region.
    """
    paragraphs: list[RawParagraph] = []
    buf: list[str] = []
    emphasized: list[bool] = []
    depth = {"emph": 0}
    state = {"opened": False, "li": False}

    def flush() -> None:
        text = html.unescape("".join(buf))
        if text.strip():
            chars = [e for piece, e in zip(buf, emphasized, strict=True) for ch in piece if not ch.isspace()]
            style = HEADING if chars and all(chars) else (LIST_ITEM if state["li"] else BODY)
            opens = state["opened"] or leading_marker(text) is not None
            paragraphs.append(RawParagraph(" ".join(text.split()), style, page, opens))
        buf.clear()
        emphasized.clear()

    pos = 0
    for m in _TAG.finditer(raw):
        buf.append(raw[pos : m.start()])
        emphasized.append(depth["emph"] > 0)
        pos = m.end()
        closing, name = m.group(1) == "/", m.group(2).lower()
        if name in _BLOCK_TAGS:
            flush()
            state["opened"] = True
            state["li"] = name == "li" and not closing
        elif name in _EMPHASIS_TAGS:
            depth["emph"] = max(0, depth["emph"] + (-1 if closing else 1))
    buf.append(raw[pos:])
    emphasized.append(depth["emph"] > 0)
    flush()
    return _join_continuations(paragraphs)


def _join_continuations(paragraphs: list[RawParagraph]) -> list[RawParagraph]:
    """A plain block after a list entry that carries it on (`bullets.continues`: lower
    case, or the entry is unfinished) is part of that entry, as in Word and PDF."""
    out: list[RawParagraph] = []
    for p in paragraphs:
        prev = out[-1] if out else None
        entry = prev is not None and (prev.style == LIST_ITEM or leading_marker(prev.text) is not None)
        if entry and p.style == BODY and not leading_marker(p.text) and continues(prev.text, p.text):
            out[-1] = replace(prev, text=join_wrapped(prev.text, p.text))
        else:
            out.append(p)
    return out


def read_text(path: Path) -> Document:
    text = decode(Path(path).read_bytes())
    if not text.strip():
        raise EmptyDocument(f"{path}: the file is empty")
    blocks: list = []
    table: RawTable | None = None
    loose_rows = False  # inside tab-separated lines that are no action table
    page = 1
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if "\f" in line:
            page += line.count("\f")
            line = line.replace("\f", "")
        if "\t" in line:
            cells = line.split("\t")
            if is_header_row(cells):
                previous = next((b for b in reversed(blocks) if not _blank(b)), None)
                if isinstance(previous, RawTable):
                    page += 1  # a repeated header marks a page break in converted text
                table = RawTable([c.strip() for c in cells], page=page)
                loose_rows = False
                blocks.append(table)
                continue
            if table is not None:
                table.rows.append(RawRow([cell_paragraphs(c, page) for c in cells], page))
                continue
            if not loose_rows and line.strip():  # a table whose header names no action column
                blocks.append(SkippedTable(" | ".join(c.strip() for c in cells), page))
            loose_rows = True
        else:
            loose_rows = False
        if line.strip():
            table = None
            blocks.extend(cell_paragraphs(line, page) or [RawParagraph(line.strip(), BODY, page)])
        else:
            blocks.append(RawParagraph("", BODY, page))
    return build_document(Path(path), "txt", blocks, page_count=page)


def _blank(block) -> bool:
    return isinstance(block, RawParagraph) and not block.text.strip()
