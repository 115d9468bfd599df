"""Page furniture and footnotes in PDF pages, recognised from the structure of
the document rather than guessed line by line.

- **Running headers and footers**: lines in the top or bottom tenth of a page,
  set apart from the body by a gap, that either recur on two or more pages (digits
  aside: `Page 2 of 5` and `Page 3 of 5` are one line) or read as furniture by
  themselves (extract/data/furniture.csv: page numbers in any style, a browser's
  print stamp and file URL, a document code). Other edge lines go back to the text.
- **Footnote markers**: a digit or symbol set smaller and raised right after a
  character, taken off the text and kept as a note on the paragraph it clings to.
- **Footnote bodies**: a line that starts with such a small marker, with the lines
  that carry it on; its text becomes the note of every paragraph with its marker.

Everything recognised is kept (Document.furniture), so coverage and the audit
can account for it: nothing disappears silently.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from .tables import RawParagraph, RawTable

_BAND = 0.1  # share of the page height at the top and bottom where furniture stands
_APART = 1.2  # ... set apart from the body by a gap of this many of its own line heights
_SMALL = 0.8  # a marker is set at most this share of the size of the text it follows
_MARKS = set("0123456789*†‡§¹²³⁴⁵⁶⁷⁸⁹⁰")


@cache
def _patterns() -> list[tuple[str, re.Pattern]]:
    path = Path(__file__).with_name("data") / "furniture.csv"
    with open(path, encoding="utf-8", newline="") as f:
        return [(row["kind"], re.compile(row["pattern"], re.IGNORECASE)) for row in csv.DictReader(f)]


def furniture_kind(text: str) -> str | None:
    """What a line reads as by itself (`page_number`, `url`, ...), or None."""
    text = " ".join(text.split())
    return next((kind for kind, p in _patterns() if p.search(text)), None)


def signature(text: str) -> str:
    """A line with its numbers blanked: the same running header on every page."""
    return " ".join(re.sub(r"\d+", "#", text.casefold()).split())


@dataclass(frozen=True)
class Edge:
    """A line at the top or bottom edge of a page, waiting for the verdict."""

    paragraph: RawParagraph
    page: int


def split_markers(chars: list[dict]) -> tuple[list[dict], list[dict]]:
    """Footnote markers taken off the text: (chars without them, markers with the
    place of the character each clings to)."""
    kept: list[dict] = []
    markers: list[dict] = []
    host = None
    for c in chars:
        text = c["text"]
        if host is not None and text in _MARKS and _is_marker(c, host):
            if markers and markers[-1]["after"] is host:  # a marker of two digits
                markers[-1]["label"] += text
            else:
                markers.append({"label": text, "x": host["x1"], "y": (host["top"] + host["bottom"]) / 2,
                                "after": host})  # fmt: skip
            continue
        kept.append(c)
        if text.strip():
            host = c
    return kept, markers


def _is_marker(c: dict, host: dict) -> bool:
    size = host["size"]
    return (
        c["size"] < _SMALL * size
        and -0.5 <= c["x0"] - host["x1"] <= 0.3 * size
        and c["bottom"] < host["bottom"] - 0.12 * size
    )


def attach_markers(blocks: list, markers: list[dict]) -> list:
    """Each marker's label added to the notes of the paragraph it clings to."""
    if not markers:
        return blocks

    def tag(p: RawParagraph):
        if p.bbox is None:
            return p
        x0, top, x1, bottom = p.bbox
        labels = [
            m["label"] for m in markers if top - 1 <= m["y"] <= bottom + 1 and x0 - 1 <= m["x"] <= x1 + 1
        ]
        return replace(p, notes=p.notes + tuple(labels)) if labels else p

    return map_paragraphs(blocks, tag)


def map_paragraphs(blocks: list, change) -> list:
    """`change` applied to every paragraph, in and out of tables; other blocks kept as they are."""
    out = []
    for block in blocks:
        if isinstance(block, RawTable):
            for row in block.rows:
                row.cells = [
                    [change(p) if isinstance(p, RawParagraph) else p for p in cell] for cell in row.cells
                ]
            out.append(block)
        else:
            out.append(change(block) if isinstance(block, RawParagraph) else block)
    return out


class EdgeLines:
    def __init__(self) -> None:
        self.pages_of: dict[str, set[int]] = defaultdict(set)

    def take(self, lines: list[dict], page: int, height: float, is_header) -> tuple[list, list, list]:
        """(body lines, top edge lines, bottom edge lines) of one page."""
        n = len(lines)
        top = 0
        while top < n and lines[top]["bottom"] <= _BAND * height and is_header(lines, top) is None:
            top += 1
        # An edge line is set apart from the body by a gap, or reads as furniture by itself.
        while top and top < n and not _apart(lines[top - 1], lines[top]) and not _alone(lines[top - 1]):
            top -= 1
        bottom = n
        while bottom > top and lines[bottom - 1]["top"] >= (1 - _BAND) * height:
            bottom -= 1
        while (
            bottom < n
            and bottom > top
            and not _apart(lines[bottom - 1], lines[bottom])
            and not _alone(lines[bottom])
        ):
            bottom += 1
        for line in lines[:top] + lines[bottom:]:
            self.pages_of[signature(line["text"])].add(page)
        return lines[top:bottom], lines[:top], lines[bottom:]

    def resolve(self, blocks: list) -> tuple[list, list[RawParagraph]]:
        """Edge lines that are furniture set apart; the others put back as text."""
        kept, furniture = [], []
        for block in blocks:
            if not isinstance(block, Edge):
                kept.append(block)
                continue
            text = block.paragraph.text
            if furniture_kind(text) or len(self.pages_of[signature(text)]) >= 2:
                furniture.append(block.paragraph)
            else:
                kept.append(block.paragraph)
        return kept, furniture


def _alone(line: dict) -> bool:
    return furniture_kind(line["text"]) is not None


def _apart(a: dict, b: dict) -> bool:
    """Two lines far enough apart that the edge one is no line of the body."""
    height = min(max(a["bottom"] - a["top"], 1.0), max(b["bottom"] - b["top"], 1.0))
    return b["top"] - a["bottom"] >= _APART * height


class Footnotes:
    def __init__(self) -> None:
        self.texts: dict[tuple[int | None, str], str] = {}
        self.bodies: list[RawParagraph] = []

    def take_bodies(self, lines: list[dict], page: int, make_paragraph) -> list[dict]:
        """Lines that are footnote bodies taken out of `lines`."""
        out: list[dict] = []
        current: list[dict] | None = None
        label = ""
        for line in lines:
            start = _leading_marker(line)
            if start:
                self._store(current, label, page, make_paragraph)
                current, label = [line], start
                continue
            if current is not None and _carries_on(current[-1], line):
                current.append(line)
                continue
            self._store(current, label, page, make_paragraph)
            current = None
            out.append(line)
        self._store(current, label, page, make_paragraph)
        return out

    def _store(self, lines, label: str, page: int, make_paragraph) -> None:
        if not lines:
            return
        para = make_paragraph(lines, page)
        text = para.text.strip()[len(label) :].strip()
        self.bodies.append(para)
        self.texts.setdefault((page, label), text)
        self.texts.setdefault((None, label), text)

    def resolve(self, blocks: list) -> list:
        """Marker labels on paragraphs replaced by their footnote's text."""

        def text_of(p: RawParagraph):
            if not p.notes:
                return p
            notes = tuple(
                self.texts.get((p.page, n)) or self.texts.get((None, n)) or f"[footnote {n}: text not found]"
                for n in p.notes
            )
            return replace(p, notes=notes)

        return map_paragraphs(blocks, text_of)


def _leading_marker(line: dict) -> str:
    """The label of a footnote body: small digits or symbols that open the line."""
    chars = [c for c in line.get("chars", []) if c["text"].strip()]
    rest = [c for c in chars if c["text"] not in _MARKS]
    if len(chars) < 3 or not rest:
        return ""
    size = sorted(c["size"] for c in rest)[len(rest) // 2]
    label = ""
    for c in chars:
        if c["text"] in _MARKS and c["size"] < _SMALL * size:
            label += c["text"]
        else:
            break
    return label if label and len(label) <= 3 else ""


def _carries_on(prev: dict, line: dict) -> bool:
    size = lambda ln: max((c["size"] for c in ln.get("chars", []) if c["text"].strip()), default=0)  # noqa: E731
    gap = line["top"] - prev["bottom"]
    return abs(size(prev) - size(line)) < 0.5 and 0 <= gap <= 0.5 * max(prev["bottom"] - prev["top"], 1.0)
