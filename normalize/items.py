"""Progress cells -> items.

A cell's paragraphs are one of: a regional sub-heading (`(Asia/Pacific)`), a list
typed inline (`- A (China, 2015) - B (...)`), one list entry whose bullet the
source kept out of the text (Word list styles), or running prose. A prose
paragraph is one record, however many sentences it has.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.bullets import LEADING_BULLET, inline_bullet, leading_marker, marker_char
from extract.model import COL_PROGRESS, HEADING, LIST_ITEM, Action, Item, Paragraph

_REGION_HEADING = re.compile(r"^\(\s*([^()\d]{2,60}?)\s*\)$")
_MIN_WORDS = 2  # "Conference - Costa Rica in ..." is one title, not an item "Conference"


@dataclass(frozen=True)
class Piece:
    start: int  # offsets within the paragraph text
    end: int


# What a paragraph of a Progress cell is: a regional sub-heading, an item, or a
# note (a short parenthesised line that is neither: reported, never a region).
REGION, ITEM, NOTE = "region", "item", "note"
_MAX_SUBHEADING = 60


def _subheading_name(p: Paragraph) -> str | None:
    """The name a line would give as a sub-heading: a short parenthesised line, or a
    short line the layout emphasised (bold, underlined), with no digits."""
    text = p.text.strip()
    m = _REGION_HEADING.match(text)
    if m:
        return m.group(1).strip()
    if p.style == HEADING and len(text) <= _MAX_SUBHEADING and not re.search(r"\d", text):
        return text.strip(" ()")
    return None


def paragraph_role(p: Paragraph, following: Paragraph | None = None) -> tuple[str, str | None]:
    """(role, region) of one Progress paragraph, `following` the next one in the cell.

    A sub-heading-looking line is a region only when its text names a known region,
    or when the layout marks it as a heading and it heads an item (the next line is
    not another such line) and does not itself read as an event (`Launch of the AEO
    Compendium`): no item is lost to a heading. Otherwise an emphasised line is an
    item, and a parenthesised one (`(to be confirmed)`) a note that coverage reports.
    """
    from .events import classify_type  # events build on items: imported when used
    from .places import is_region

    name = _subheading_name(p)
    if name is None:
        return ITEM, None
    if is_region(name):
        return REGION, name
    heads_item = following is not None and _subheading_name(following) is None
    if p.style == HEADING and heads_item and classify_type(name, "event") == "other":
        return REGION, name
    return (ITEM, None) if p.style == HEADING and not _REGION_HEADING.match(p.text.strip()) else (NOTE, None)


def cell_roles(paragraphs: tuple[Paragraph, ...] | list[Paragraph]) -> list[tuple[str, str | None]]:
    """`paragraph_role` of every paragraph of a cell."""
    return [
        paragraph_role(p, paragraphs[i + 1] if i + 1 < len(paragraphs) else None)
        for i, p in enumerate(paragraphs)
    ]


def region_of(p: Paragraph, following: Paragraph | None = None) -> str | None:
    """The region a sub-heading paragraph names, or None if it is not one."""
    role, region = paragraph_role(p, following)
    return region if role == REGION else None


def _trim(text: str, start: int, end: int) -> Piece:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Piece(start, end)


def split_inline_list(text: str) -> list[Piece]:
    """Split `- A - B - C` into A, B, C.

    Only the glyph that opens the paragraph separates its entries (`- A – B` is one
    entry with an en dash in its title). It counts only outside parentheses and
    quotes, and only when both sides look like entries: a piece of fewer than two
    words, or one that starts in lower case, belongs to its neighbour. Linear in
    the length of the text.
    """
    lead = LEADING_BULLET.match(text)
    glyph = marker_char(text)
    cuts = [(0, lead.end() if lead else 0)]  # (bullet start, content start)
    if glyph is not None:
        inline = inline_bullet(glyph)
        depth, quoted = 0, False
        for i, ch in enumerate(text):
            if ch == "(":
                depth += 1
            elif ch == ")":
                depth = max(0, depth - 1)
            elif ch == '"':
                quoted = not quoted
            elif ch.isspace() and depth == 0 and not quoted and i >= cuts[-1][1]:
                m = inline.match(text, i)
                if m and m.end() < len(text):
                    cuts.append((m.start(), m.end()))
    pieces = []
    for k, (_, content_start) in enumerate(cuts):
        end = cuts[k + 1][0] if k + 1 < len(cuts) else len(text)
        pieces.append(_trim(text, content_start, end))
    merged: list[Piece] = []
    words: list[int] = []  # word count of each merged piece, kept so merging stays linear
    for piece in pieces:
        body = text[piece.start : piece.end]
        n_words = len(body.split())
        if merged and (body[:1].islower() or words[-1] < _MIN_WORDS):
            merged[-1] = Piece(merged[-1].start, piece.end)
            words[-1] += n_words + 1
        else:
            merged.append(piece)
            words.append(n_words)
    return [p for p in merged if p.end > p.start]


def paragraph_pieces(p: Paragraph) -> tuple[list[Piece], bool]:
    """The items of one paragraph and whether they are prose."""
    if LEADING_BULLET.match(p.text):
        return split_inline_list(p.text), False
    marker = leading_marker(p.text)  # an enumerator: `a)`, `(ii)`, `3.`
    piece = _trim(p.text, marker.end() if marker else 0, len(p.text))
    return ([piece] if piece.end > piece.start else []), p.style != LIST_ITEM and not marker


def action_items(action: Action) -> list[Item]:
    cell = action.row.cell(COL_PROGRESS)
    if cell is None:
        return []
    items: list[Item] = []
    region = None
    for p, (role, name) in zip(cell.paragraphs, cell_roles(cell.paragraphs), strict=True):
        if role == REGION:
            region = name
            continue
        if role == NOTE:
            continue  # coverage reports it (`unclear_subheading`)
        pieces, prose = paragraph_pieces(p)
        prose = prose and p.style != HEADING  # an emphasised line that heads nothing is a listed entry
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
