"""Progress cells -> items.

A cell's paragraphs are one of: a regional sub-heading (`(Asia/Pacific)`), a list
typed inline (`- A (China, 2015) - B (...)`), one list entry whose bullet the
source kept out of the text (Word list styles), or running prose. A prose
paragraph is one record, however many sentences it has.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.model import COL_PROGRESS, HEADING, LIST_ITEM, Action, Item, Paragraph

# A bullet: a dash or bullet glyph followed by a space. `o` is the Wingdings-style
# bullet converters write out as a letter.
_BULLET = r"(?:[-–—•▪◦‣*]|o(?=\s))"
_LEADING_BULLET = re.compile(r"^\s*" + _BULLET + r"\s+")
_INLINE_BULLET = re.compile(r"\s" + _BULLET + r"\s+")
_REGION_HEADING = re.compile(r"^\(\s*([^()\d]{2,60}?)\s*\)$")
_MIN_WORDS = 2  # "Conference - Costa Rica in ..." is one title, not an item "Conference"


@dataclass(frozen=True)
class Piece:
    start: int  # offsets within the paragraph text
    end: int


def region_of(p: Paragraph) -> str | None:
    """The region a sub-heading paragraph names, or None if it is not one."""
    m = _REGION_HEADING.match(p.text.strip())
    if m:
        return m.group(1).strip()
    if p.style == HEADING and len(p.text) <= 60 and not re.search(r"\d", p.text):
        return p.text.strip(" ()")
    return None


def _trim(text: str, start: int, end: int) -> Piece:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Piece(start, end)


def split_inline_list(text: str) -> list[Piece]:
    """Split `- A - B - C` into A, B, C.

    A dash counts as a bullet only outside parentheses and quotes, and only when
    both sides look like entries: a piece of fewer than two words, or one that
    starts in lower case, belongs to its neighbour.
    """
    lead = _LEADING_BULLET.match(text)
    cuts = [(0, lead.end() if lead else 0)]  # (bullet start, content start)
    depth, quoted = 0, False
    for i, ch in enumerate(text):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif ch == '"':
            quoted = not quoted
        elif ch.isspace() and depth == 0 and not quoted and i >= cuts[-1][1]:
            m = _INLINE_BULLET.match(text, i)
            if m:
                cuts.append((m.start(), m.end()))
    pieces = []
    for k, (_, content_start) in enumerate(cuts):
        end = cuts[k + 1][0] if k + 1 < len(cuts) else len(text)
        pieces.append(_trim(text, content_start, end))
    merged: list[Piece] = []
    for piece in pieces:
        body = text[piece.start : piece.end]
        too_short = merged and len(text[merged[-1].start : merged[-1].end].split()) < _MIN_WORDS
        if merged and (body[:1].islower() or too_short):
            merged[-1] = Piece(merged[-1].start, piece.end)
        else:
            merged.append(piece)
    return [p for p in merged if p.end > p.start]


def paragraph_pieces(p: Paragraph) -> tuple[list[Piece], bool]:
    """The items of one paragraph and whether they are prose."""
    if _LEADING_BULLET.match(p.text):
        return split_inline_list(p.text), False
    lead = _LEADING_BULLET.match(p.text)
    piece = _trim(p.text, lead.end() if lead else 0, len(p.text))
    return ([piece] if piece.end > piece.start else []), p.style != LIST_ITEM


def action_items(action: Action) -> list[Item]:
    cell = action.row.cell(COL_PROGRESS)
    if cell is None:
        return []
    items: list[Item] = []
    region = None
    for p in cell.paragraphs:
        heading = region_of(p)
        if heading is not None:
            region = heading
            continue
        pieces, prose = paragraph_pieces(p)
        for piece in pieces:
            items.append(
                Item(
                    action=action,
                    item_no=len(items) + 1,
                    text=p.text[piece.start : piece.end],
                    start=p.start + piece.start,
                    end=p.start + piece.end,
                    page=p.page,
                    region=region,
                    prose=prose,
                    bbox=p.bbox if len(pieces) == 1 else None,
                    paragraph=p,
                )
            )
    return items
