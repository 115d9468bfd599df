"""PDF reader (pdfplumber): action tables found by their ruling lines and header
text, text outside them read as paragraphs, every paragraph with its page.

Each page's chars are read once and assigned to table cells by position, rather
than cropping the page once per cell, which would rescan every char per cell.
"""

from __future__ import annotations

import re
from pathlib import Path

from .bullets import LEADING_MARKER
from .errors import CorruptDocument, EmptyDocument, EncryptedDocument, NoTextLayer, raised_in_our_code
from .glyphs import Glyphs, line_run
from .layout import build_document
from .model import BODY, HEADING, LIST_ITEM, Document
from .tables import RawParagraph, RawRow, RawTable, is_header_row, join_wrapped

_FURNITURE = re.compile(r"^\s*(?:-?\s*\d{1,4}\s*-?|page\s+\d+(?:\s+of\s+\d+)?|\d+\s*/\s*\d+)\s*$", re.I)
_TABLE_SETTINGS = {"vertical_strategy": "lines", "horizontal_strategy": "lines", "snap_tolerance": 3}
_PARAGRAPH_GAP = 0.55  # a vertical gap above this share of the line height starts a paragraph


def read_pdf(path: Path) -> Document:
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    try:
        pdf = pdfplumber.open(path)
    except Exception as exc:  # pdfplumber wraps pdfminer's errors: look at the cause
        causes = [exc, *exc.args, exc.__cause__, exc.__context__]
        if any(isinstance(c, (PDFPasswordIncorrect, PDFEncryptionError)) for c in causes):
            raise EncryptedDocument(f"{path}: the PDF is password-protected") from exc
        raise CorruptDocument(f"{path}: not a readable PDF ({_reason(exc)})") from exc
    with pdf:
        try:
            blocks, chars_seen, images_seen = [], 0, 0
            for number, page in enumerate(pdf.pages, start=1):
                chars_seen += len(page.chars)
                images_seen += len(page.images)
                blocks += _page_blocks(page, number)
                page.close()  # drop the page's parsed objects: memory stays flat on long reports
            page_count = len(pdf.pages)
        except Exception as exc:  # damage deeper in the file shows up page by page
            if raised_in_our_code(exc):
                raise  # our bug, not the file's damage: reported as an internal error
            raise CorruptDocument(f"{path}: the PDF is damaged ({_reason(exc)})") from exc
    if chars_seen == 0:
        if images_seen or page_count:
            raise NoTextLayer(f"{path}: the PDF has no text layer (scanned pages?); run OCR on it first")
        raise EmptyDocument(f"{path}: the PDF holds no text")
    return build_document(Path(path), "pdf", blocks, page_count=page_count)


def _reason(exc: Exception) -> str:
    inner = exc.args[0] if exc.args and isinstance(exc.args[0], Exception) else exc
    return f"{type(inner).__name__}: {inner}".rstrip(": ")


def _inside(char: dict, bbox: tuple) -> bool:
    x = (char["x0"] + char["x1"]) / 2
    y = (char["top"] + char["bottom"]) / 2
    return bbox[0] <= x <= bbox[2] and bbox[1] <= y <= bbox[3]


def _lines(chars: list[dict], with_chars: bool = False) -> list[dict]:
    from pdfplumber.utils.text import chars_to_textmap

    if not chars:
        return []
    return chars_to_textmap(chars).extract_text_lines(strip=True, return_chars=with_chars)


def _page_blocks(page, number: int) -> list:
    tables = [t for t in page.find_tables(_TABLE_SETTINGS) if t.rows]
    # Thin horizontal rules that are not cell borders (a border spans its cell's
    # width at the cell's top or bottom): candidate underlines.
    borders = [(c[0], c[2], y) for t in tables for c in t.cells for y in (c[1], c[3])]
    rules = [
        (e["x0"], e["x1"], e["top"])
        for e in page.edges
        if e.get("orientation") == "h"
        and not any(
            abs(e["top"] - y) < 1.0 and e["x0"] <= x0 + 2 and e["x1"] >= x1 - 2 for x0, x1, y in borders
        )
    ]
    chars = [c for c in page.chars if c["text"].strip() or c["text"] == " "]
    in_table = [[c for c in chars if _inside(c, t.bbox)] for t in tables]
    taken = {id(c) for group in in_table for c in group}
    outside = [c for c in chars if id(c) not in taken]
    blocks: list[tuple[float, object]] = []
    for para_top, para in _outside_paragraphs(_lines(outside, with_chars=True), number, page.height):
        blocks.append((para_top, para))
    for table, table_chars in zip(tables, in_table, strict=True):
        raw = _raw_table(table, table_chars, number, rules)
        if raw is not None:
            blocks.append((table.bbox[1], raw))
    blocks.sort(key=lambda b: b[0])
    return [b for _, b in blocks]


def _outside_paragraphs(lines: list[dict], page: int, height: float):
    """Lines outside tables joined into paragraphs; page numbers dropped."""
    paras: list[tuple[float, list[dict]]] = []
    right = max((line["x1"] for line in lines), default=0.0)
    for line in lines:
        if _FURNITURE.match(line["text"]) and (line["top"] < 0.08 * height or line["bottom"] > 0.9 * height):
            continue
        prev = paras[-1][1][-1] if paras else None
        starts_numbered = re.match(r"^(\d{1,2}|[IVX]{1,5})\s*[.)]\s", line["text"]) is not None
        # A line that stops well short of the margin ends its paragraph; a change of
        # font size or weight starts a new one (a heading above body text).
        ended = prev is not None and prev["x1"] + _first_word_width(line) < right
        if (
            prev is not None
            and not starts_numbered
            and not ended
            and _same_font(prev, line)
            and _continues(prev, line)
        ):
            paras[-1][1].append(line)
        else:
            paras.append((line["top"], [line]))
    for top, group in paras:
        text, glyphs = _assemble([(line, 0) for line in group], page)
        yield top, RawParagraph(text, BODY, page, bbox=_bbox(group), glyphs=glyphs)


def _first_word_width(line: dict) -> float:
    """Width of the line's first word plus a space: had it fitted on the line above,
    the writer's software would have put it there, so that line ended a paragraph."""
    chars = line.get("chars") or []
    end = next((c for c in chars[1:] if not c["text"].strip()), None)
    last = chars[chars.index(end) - 1] if end is not None else (chars[-1] if chars else None)
    if last is None:
        return 0.0
    space = (end["x1"] - end["x0"]) if end is not None else 3.0
    return last["x1"] - line["x0"] + space


def _font(line: dict) -> tuple:
    chars = [c for c in line.get("chars", []) if c["text"].strip()]
    if not chars:
        return ()
    return round(max(c["size"] for c in chars)), "Bold" in chars[0]["fontname"]


def _same_font(prev: dict, line: dict) -> bool:
    return _font(prev) == _font(line)


def _bbox(lines: list[dict]) -> tuple[float, float, float, float]:
    return (
        min(line["x0"] for line in lines), min(line["top"] for line in lines),
        max(line["x1"] for line in lines), max(line["bottom"] for line in lines),
    )  # fmt: skip


def _continues(prev: dict, line: dict) -> bool:
    height = max(prev["bottom"] - prev["top"], 1.0)
    return 0 <= line["top"] - prev["bottom"] <= _PARAGRAPH_GAP * height


def _assemble(pieces: list[tuple[dict, int]], page: int) -> tuple[str, Glyphs]:
    """Join wrapped lines (each `line["text"][skip:]`) into paragraph text, and
    record where every character of it stands."""
    text, runs = "", []
    for line, skip in pieces:
        piece = line["text"][skip:]
        stripped = piece.lstrip()
        text = join_wrapped(text, piece)
        offset = len(text) - len(stripped)
        runs.append(line_run(stripped, line, skip + len(piece) - len(stripped), offset, page))
    return text, Glyphs(tuple(runs))


def _underlined(line: dict, rules: list[tuple]) -> bool:
    """Word's underline comes out as a thin rule just below the text."""
    width = max(line["x1"] - line["x0"], 1.0)
    for x0, x1, top in rules:
        below = line["bottom"] - 1 <= top <= line["bottom"] + 3
        if below and min(x1, line["x1"]) - max(x0, line["x0"]) >= 0.8 * width:
            return True
    return False


def _raw_table(table, chars: list[dict], page: int, rules: list[tuple]) -> RawTable | None:
    rows = []
    for row in table.rows:
        cells = []
        for bbox in row.cells:
            if bbox is None:  # spanned by a merged neighbour
                cells.append([])
                continue
            lines = _lines([c for c in chars if _inside(c, bbox)], with_chars=True)
            cells.append(_cell_paragraphs(lines, page, rules))
        rows.append(cells)
    if not rows:
        return None
    header_texts = [" ".join(p.text for p in cell) for cell in rows[0]]
    if is_header_row(header_texts):
        return RawTable(header_texts, [RawRow(c, page) for c in rows[1:]], page)
    return None  # not an action table: a layout box, a signature block


def _cell_paragraphs(lines: list[dict], page: int, rules: list[tuple]) -> list[RawParagraph]:
    """A bullet glyph starts an item; a line without one carries on the paragraph
    above it, or, at the top of a cell, the item cut by the page break."""
    paras: list[tuple[list[tuple[dict, int]], str, bool]] = []  # ((line, bullet length)..., style, opens)
    prev = None
    for line in lines:
        bullet = LEADING_MARKER.match(line["text"])
        skip = bullet.end() if bullet else 0
        if not line["text"][skip:].strip():
            continue
        if not bullet and _underlined(line, rules):
            paras.append(([(line, 0)], HEADING, True))
            prev = None  # the next line starts a paragraph of its own
            continue
        if bullet:
            paras.append(([(line, skip)], LIST_ITEM, True))
        elif paras and prev is not None and _continues(prev, line):
            paras[-1][0].append((line, 0))
        else:
            paras.append(([(line, 0)], BODY, bool(paras)))
        prev = line
    out = []
    for pieces, style, opens in paras:
        text, glyphs = _assemble(pieces, page)
        out.append(RawParagraph(text, style, page, opens, _bbox([line for line, _ in pieces]), glyphs))
    return out
