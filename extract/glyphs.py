"""Where each character of a PDF paragraph stands on the page, kept compactly so
that any span of text (a title, a place, a date) can be given its bounding box.

A paragraph is a list of runs, one per source line: the run's offset in the
paragraph text, its page and vertical extent, and the x0/x1 of each character
(NaN for a space the text layout inserted)."""

from __future__ import annotations

import math
from array import array
from dataclasses import dataclass


@dataclass(frozen=True)
class Run:
    offset: int
    page: int
    top: float
    bottom: float
    xs: array  # x0, x1 per character

    def __len__(self) -> int:
        return len(self.xs) // 2


@dataclass(frozen=True)
class Glyphs:
    runs: tuple[Run, ...]

    def shifted(self, by: int) -> Glyphs:
        return Glyphs(tuple(Run(r.offset + by, r.page, r.top, r.bottom, r.xs) for r in self.runs))

    def __add__(self, other: Glyphs) -> Glyphs:
        return Glyphs(self.runs + other.runs)

    def box(self, start: int, end: int) -> tuple[int, tuple[float, float, float, float]] | None:
        """(page, (x0, top, x1, bottom)) around the characters start..end, on the
        page where the span begins; None when no character there was placed."""
        page, boxes = None, []
        for run in self.runs:
            lo, hi = max(start, run.offset), min(end, run.offset + len(run))
            if lo >= hi:
                continue
            xs = [run.xs[2 * (i - run.offset) + k] for i in range(lo, hi) for k in (0, 1)]
            xs = [x for x in xs if not math.isnan(x)]
            if not xs:
                continue
            if page is None:
                page = run.page
            if run.page == page:
                boxes.append((min(xs), run.top, max(xs), run.bottom))
        if page is None:
            return None
        x0, top, x1, bottom = zip(*boxes, strict=True)
        return page, (min(x0), min(top), max(x1), max(bottom))


def line_run(text: str, line: dict, skip: int, offset: int, page: int) -> Run:
    """The run for `text`, which is line["text"][skip:] placed at `offset` in the
    paragraph. Characters are matched to the line's char objects in order; a
    space the layout inserted has no char and gets NaN."""
    chars = [c for c in line.get("chars", [])]
    k = 0
    placed: list[tuple[float, float]] = []
    for ch in line["text"]:
        if k < len(chars) and chars[k]["text"] == ch:
            placed.append((chars[k]["x0"], chars[k]["x1"]))
            k += 1
        else:
            placed.append((math.nan, math.nan))
    xs = array("f", [x for pair in placed[skip : skip + len(text)] for x in pair])
    return Run(offset, page, line["top"], line["bottom"], xs)
