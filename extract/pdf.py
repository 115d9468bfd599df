"""PDF reader (pdfplumber): action tables found from the structure of the page
(extract/pdf_tables.py), text outside them read as paragraphs, page furniture and
footnotes recognised and set apart (extract/furniture.py), every paragraph with
its page and where each of its characters stands.

Each page's chars are read once and assigned to table cells by position, rather
than cropping the page once per cell, which would rescan every char per cell.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from pathlib import Path

from . import furniture as furn
from . import pdf_tables as pt
from .bullets import LEADING_MARKER
from .errors import CorruptDocument, EmptyDocument, EncryptedDocument, NoTextLayer, raised_in_our_code
from .glyphs import Glyphs, line_run
from .layout import build_document
from .model import BODY, COL_NO, HEADING, LIST_ITEM, Document
from .tables import RawParagraph, RawRow, RawTable, join_wrapped
from .wordbreak import word_breaks

_BULLET = LEADING_MARKER  # a bullet of any kind or an enumerator: the one definition, extract/bullets.py
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
    reader = _Reader()
    with pdf:
        try:
            chars_seen, images_seen = 0, 0
            for number, page in enumerate(pdf.pages, start=1):
                chars_seen += len(page.chars)
                images_seen += len(page.images)
                reader.page(page, number)
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
    blocks, furniture = reader.finish()
    return build_document(Path(path), "pdf", blocks, page_count=page_count, furniture=furniture)


def _reason(exc: Exception) -> str:
    inner = exc.args[0] if exc.args and isinstance(exc.args[0], Exception) else exc
    return f"{type(inner).__name__}: {inner}".rstrip(": ")


def _lines(chars: list[dict], with_chars: bool = False) -> list[dict]:
    from pdfplumber.utils.text import chars_to_textmap

    if not chars:
        return []
    return chars_to_textmap(chars).extract_text_lines(strip=True, return_chars=with_chars)


class _Page:
    """What one page offers the layout: lines, rules, drawn bullets."""

    def __init__(self, page, number: int, chars: list[dict]) -> None:
        self.number = number
        self.chars = sorted(chars, key=lambda c: c["top"])
        self.tops = [c["top"] for c in self.chars]
        self.marks: list[float] = []  # where footnote markers were taken off
        self.height = page.height
        edges = page.edges
        self.hrules = [(e["x0"], e["x1"], e["top"]) for e in edges if e.get("orientation") == "h"]
        self.vrules = [(e["x0"], e["top"], e["bottom"]) for e in edges if e.get("orientation") == "v"]
        # A bullet drawn as a small filled shape or a tiny image (Chromium draws `<li>` discs).
        self.shapes = [
            (o["x0"], o["top"], o["x1"], o["bottom"])
            for o in (*page.rects, *page.curves, *page.images)
            if 0.5 < o["x1"] - o["x0"] < 8 and 0.5 < o["bottom"] - o["top"] < 8
            and (o.get("fill", True) or o.get("object_type") == "image")
        ]  # fmt: skip


class _Reader:
    def __init__(self) -> None:
        self.blocks: list = []
        self.edges = furn.EdgeLines()
        self.notes = furn.Footnotes()
        self.open: tuple[pt.Header, list[float]] | None = None  # a table running on at the page end
        self.last_header: pt.Header | None = None
        self.hanging = False  # typed bullets set their wrapped lines under the text

    # --- one page ---------------------------------------------------------------
    def page(self, page, number: int) -> None:
        chars = [c for c in page.chars if c["text"].strip() or c["text"] == " "]
        chars, markers = furn.split_markers(chars)
        lines = _lines(chars, with_chars=True)
        info = _Page(page, number, chars)
        info.marks = [m["y"] for m in markers]
        lines = self.notes.take_bodies(lines, number, _one_paragraph)
        content, top, bottom = self.edges.take(lines, number, info.height, pt.find_header)
        blocks: list = [furn.Edge(_one_paragraph([line], number), number) for line in top]
        blocks += self._layout(content, info)
        blocks += [furn.Edge(_one_paragraph([line], number), number) for line in bottom]
        self.blocks += furn.attach_markers(blocks, markers)

    def _layout(self, lines: list[dict], page: _Page) -> list:
        out: list = []
        outside: list[dict] = []
        i = 0
        continuing = self.open
        self.open = None
        while i < len(lines):
            header = pt.find_header(lines, i, page.hrules)
            if header is None and continuing and not outside and not pt.crosses(lines[i], continuing[1]):
                out += self._table(lines, i, continuing[0], continuing[1], page, fresh=False)
                i = self._end
                continue
            continuing = None
            if header is None:
                outside.append(lines[i])
                i += 1
                continue
            out += _outside_paragraphs(outside, page.number)
            outside = []
            out += self._table(lines, header.last + 1, header, None, page, fresh=True)
            i = self._end
        out += _outside_paragraphs(outside, page.number)
        return out

    def _table(self, lines, i: int, header: pt.Header, starts, page: _Page, fresh: bool) -> list:
        j = i
        while j < len(lines) and pt.find_header(lines, j, page.hrules) is None:
            j += 1
        self._end = j
        body = lines[i:j]
        if starts is None:
            band = (header.bottom - 2, header.bottom + 2)
            vr = [x for x, top, bottom in page.vrules if top <= band[0] and bottom >= band[1] - 4]
            pt.add_number_column(header, body, vr, self.last_header)
            starts = pt.boundaries(header, body, vr)
            self.last_header = header
        left = header.columns[0].x0 - 4
        width = (header.columns[-1].x1 - left) or 1.0
        spanning = [y for x0, x1, y in page.hrules if x1 - x0 >= 0.5 * width]
        short_rules = [r for r in page.hrules if r[1] - r[0] < 0.5 * width]
        groups: list[tuple[str, list[dict]]] = []
        for line in body:
            kind = "text" if pt.crosses(line, starts) or line["x1"] < left else "table"
            if (
                groups
                and groups[-1][0] == "text"
                and kind == "table"
                and _continues(groups[-1][1][-1], line)
                and abs(line["x0"] - groups[-1][1][-1]["x0"]) < 2
                and len(_columns_used(line, starts)) == 1
            ):
                kind = "text"  # the short last line of a paragraph
            if groups and groups[-1][0] == kind:
                groups[-1][1].append(line)
            else:
                groups.append((kind, [line]))
        out: list = []
        no = next((k for k, c in enumerate(header.columns) if c.name == COL_NO), None)
        for k, (kind, group) in enumerate(groups):
            rows = _rows(group, starts, no, spanning) if kind == "table" else []
            numbered = any(r[2] for r in rows)
            if kind == "table" and (k == 0 or numbered or no is None):
                lines_of = [_row_lines(r, starts, len(header.columns), page) for r in rows]
                # Whether typed bullets hang is the producer's style: seen once, kept.
                self.hanging = self.hanging or any(_hanging(c) for cells in lines_of for c in cells)
                # How far right each column's text reaches: a line that full may end inside a word.
                edges = [
                    max((ln["x1"] for r in lines_of for ln in r[k]), default=None)
                    for k in range(len(starts) + 1)
                ]
                cells = [
                    [_cell_paragraphs(c, page, short_rules, self.hanging, edges[k]) for k, c in enumerate(r)]
                    for r in lines_of
                ]
                out.append(RawTable(header.texts, [RawRow(c, page.number) for c in cells], page.number))
            else:
                heading = len(group) == 1 and k + 1 < len(groups) and len(group[0]["text"]) <= 120
                paras = _outside_paragraphs(group, page.number)
                out += [replace(p, style=HEADING) for p in paras] if heading else paras
        if groups and groups[-1][0] == "table" and j == len(lines):
            self.open = (header, starts)
        return out

    # --- the whole document -------------------------------------------------------
    def finish(self) -> tuple[list, list[RawParagraph]]:
        blocks, furniture = self.edges.resolve(self.blocks)
        blocks = self.notes.resolve(blocks)
        return blocks, furniture + self.notes.bodies


def _columns_used(line: dict, starts: list[float]) -> set[int]:
    return {pt.column_of((c["x0"] + c["x1"]) / 2, starts) for c in line.get("chars", []) if c["text"].strip()}


def _rows(lines: list[dict], starts: list[float], no: int | None, spanning: list[float]):
    """(top, bottom, numbered, lines) per row: a row starts at its number (or the
    rule just above it); lines above the first number continue the row the page
    break cut."""
    tops: list[tuple[float, bool]] = [(lines[0]["top"] - 1, False)]
    for k, line in enumerate(lines):
        if no is None:
            continue
        text = "".join(
            c["text"] for c in line.get("chars", []) if pt.column_of((c["x0"] + c["x1"]) / 2, starts) == no
        )
        if not pt.is_row_number(text):
            continue
        prev_bottom = lines[k - 1]["bottom"] if k else lines[0]["top"] - 1
        rules = [y for y in spanning if prev_bottom - 1 <= y <= line["top"] + 1]
        top = max(rules) if rules else line["top"] - 0.5
        if k == 0:
            tops[0] = (top, True)
        else:
            tops.append((top, True))
    if no is None and spanning:  # no numbers: rows between the rules
        for y in sorted(spanning):
            if lines[0]["top"] < y < lines[-1]["bottom"]:
                tops.append((y, True))
        tops.sort()
    out = []
    for k, (top, numbered) in enumerate(tops):
        bottom = tops[k + 1][0] if k + 1 < len(tops) else lines[-1]["bottom"] + 1
        members = [ln for ln in lines if top <= (ln["top"] + ln["bottom"]) / 2 < bottom]
        if members:
            out.append((top, bottom, numbered, members))
    return out


def _row_lines(row, starts: list[float], width: int, page: _Page) -> list[list[dict]]:
    """The row's lines per column, from its chars (spaces too: a producer's own
    spaces beat inferred ones)."""
    top, bottom, _, lines = row
    left = min(line["x0"] for line in lines) - 1
    right = max(line["x1"] for line in lines) + 1
    lo = bisect.bisect_left(page.tops, top - 20)
    hi = bisect.bisect_right(page.tops, bottom)
    bands = [(line["top"] - 0.5, line["bottom"] + 0.5) for line in lines]
    per_column: list[list[dict]] = [[] for _ in range(width)]
    for c in page.chars[lo:hi]:
        mid = (c["top"] + c["bottom"]) / 2
        on_a_line = any(a <= mid <= b for a, b in bands)  # not a footnote or footer the reader set apart
        if top <= mid < bottom and on_a_line and left <= c["x0"] and c["x1"] <= right:
            per_column[min(pt.column_of((c["x0"] + c["x1"]) / 2, starts), width - 1)].append(c)
    return [_lines(chars, with_chars=True) for chars in per_column]


def _outside_paragraphs(lines: list[dict], page: int) -> list[RawParagraph]:
    """Lines outside tables joined into paragraphs."""
    paras: list[list[dict]] = []
    right = max((line["x1"] for line in lines), default=0.0)
    for line in lines:
        prev = paras[-1][-1] if paras else None
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
            paras[-1].append(line)
        else:
            paras.append([line])
    out = []
    for group in paras:
        text, glyphs = _assemble([(line, 0) for line in group], page)
        out.append(RawParagraph(text, BODY, page, bbox=_bbox(group), glyphs=glyphs))
    return out


def _one_paragraph(lines: list[dict], page: int) -> RawParagraph:
    text, glyphs = _assemble([(line, 0) for line in lines], page)
    return RawParagraph(text, BODY, page, bbox=_bbox(lines), glyphs=glyphs)


def _raised(line: dict, page: _Page) -> float:
    """Extra room a footnote marker takes above its line (a browser's `<sup>`)."""
    marked = any(line["top"] <= y <= line["bottom"] for y in page.marks)
    return 0.5 * _height(line) if marked else 0.0


def _ended(prev: dict, line: dict, right: float) -> bool:
    """The line above stopped short: had this line's first word fitted there, the
    producer would have put it there, so a new paragraph starts here."""
    return prev["x1"] + _first_word_width(line) < right - 1


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


def _assemble(pieces: list[tuple[dict, int]], page: int, edge: float | None = None) -> tuple[str, Glyphs]:
    """Join wrapped lines (each `line["text"][skip:]`) into paragraph text, and
    record where every character of it stands. In a table column whose text reaches
    `edge`, a full line may end inside a word (extract/wordbreak.py)."""
    text, runs = "", []
    inside = [False, *word_breaks(pieces, edge)]
    for (line, skip), cut in zip(pieces, inside, strict=True):
        piece = line["text"][skip:]
        stripped = piece.lstrip()
        text = join_wrapped(text, piece, inside_word=cut)
        offset = len(text) - len(stripped)
        runs.append(line_run(stripped, line, skip + len(piece) - len(stripped), offset, page))
    return text, Glyphs(tuple(runs))


def _underlined(line: dict, rules: list[tuple]) -> bool:
    """Word's underline comes out as a thin rule just below the text."""
    width = max(line["x1"] - line["x0"], 1.0)
    height = max(line["bottom"] - line["top"], 1.0)
    for x0, x1, top in rules:  # between the baseline and a little below the descent
        below = line["bottom"] - 0.3 * height <= top <= line["bottom"] + 3
        if below and min(x1, line["x1"]) - max(x0, line["x0"]) >= 0.8 * width and x1 - x0 <= 1.5 * width:
            return True
    return False


def _drawn_bullet(line: dict, shapes: list[tuple]) -> bool:
    """A small filled shape just left of the line's first character, on its height."""
    size = max(line["bottom"] - line["top"], 1.0)
    for _x0, top, x1, bottom in shapes:
        mid = (top + bottom) / 2
        if line["top"] <= mid <= line["bottom"] and -0.5 <= line["x0"] - x1 <= 1.8 * size:
            return True
    return False


def _cell_paragraphs(
    lines: list[dict], page: _Page, rules: list[tuple], hanging: bool, edge: float | None = None
) -> list[RawParagraph]:
    """A bullet (a glyph, or a shape drawn before the line) starts an item; a line
    indented like the item's text carries it on; a line without one carries on the
    paragraph above it, or, at the top of a cell, the item cut by the page break."""
    paras: list[tuple[list[tuple[dict, int]], str, bool]] = []  # ((line, bullet length)..., style, opens)
    prev, hang = None, None
    right = max((line["x1"] for line in lines), default=0.0)
    # The leading inside a paragraph: a wider gap between two lines is a paragraph
    # break, however little wider (a list entry's or a paragraph's spacing).
    pairs = zip(lines, lines[1:], strict=False)
    gaps = [b["top"] - a["bottom"] for a, b in pairs if b["top"] >= a["bottom"] - 1]
    leading = min(gaps, default=0.0)
    for line in lines:
        bullet = _BULLET.match(line["text"])
        skip = bullet.end() if bullet else 0
        if not line["text"][skip:].strip():
            continue
        drawn = not bullet and _drawn_bullet(line, page.shapes)
        if not bullet and not drawn and _underlined(line, rules):
            paras.append(([(line, 0)], HEADING, True))
            prev = None  # the next line starts a paragraph of its own
            continue
        # A list the producer drew (Word, a browser) sets wrapped lines under the
        # entry's text: a line further left is not the entry's.
        outdented = hang is not None and line["x0"] < hang - 0.3 * _height(line)
        # A dash that wrapped to the start of a line set under the entry's text is
        # the entry's own (`29 January` / `- 2 February 2024)`), not a new bullet.
        if bullet and paras and paras[-1][1] == LIST_ITEM and prev is not None and _continues(prev, line):
            text_x = hang if hang is not None else _text_x0(paras[-1][0][0])
            if text_x > paras[-1][0][0][0]["x0"] + 0.3 * _height(line) or hang is not None:
                text_x = max(text_x, -1.0)
            else:
                text_x = None
            if text_x is not None and line["x0"] >= text_x - 1 and not _drawn_bullet(line, page.shapes):
                paras[-1][0].append((line, 0))
                prev = line
                continue
        if bullet or drawn:
            hang = line["x0"] if drawn else (_text_x0((line, skip)) if hanging else None)
            paras.append(([(line, skip)], LIST_ITEM, True))
        elif (
            paras and prev is not None and _continues(prev, line) and not outdented
            and not _ended(prev, line, right)
            and line["top"] - prev["bottom"] <= leading + 0.8 + _raised(line, page)
        ):  # fmt: skip
            paras[-1][0].append((line, 0))
        else:
            paras.append(([(line, 0)], BODY, bool(paras)))
            hang = None
        prev = line
    out = []
    for pieces, style, opens in paras:
        text, glyphs = _assemble(pieces, page.number, edge)
        out.append(RawParagraph(text, style, page.number, opens, _bbox([line for line, _ in pieces]), glyphs))
    return out


def _height(line: dict) -> float:
    return max(line["bottom"] - line["top"], 1.0)


def _text_x0(piece: tuple[dict, int]) -> float:
    """Where the text of a list entry starts, after its bullet glyph."""
    line, skip = piece
    if not skip:
        return line["x0"]
    chars = [c for c in line.get("chars", []) if c["text"].strip()]
    return chars[1]["x0"] if len(chars) > 1 else line["x0"]


def _hanging(lines: list[dict]) -> bool:
    """The cell's typed bullets hang: an entry's wrapped line stands under its text,
    not under its bullet, so a line under the bullet is not the entry's."""
    for a, b in zip(lines, lines[1:], strict=False):
        bullet = _BULLET.match(a["text"])
        if bullet and not _BULLET.match(b["text"]) and _continues(a, b):
            text_x = _text_x0((a, bullet.end()))
            if text_x > a["x0"] + 0.3 * _height(a) and b["x0"] >= text_x - 1:
                return True
    return False
