"""What the layout zoo renders: a report as blocks (paragraphs, section headings,
action tables whose Progress cells are lists of entries), read from a seed's
converted text or from a hand-written TOML source, and the layout parameters
each rendering varies."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCES = HERE / "sources"
RENDERINGS = HERE / "renderings"
GOLD = HERE / "gold"

HEADER_TEXT = {
    "no": "No.",
    "action": "Action",
    "responsible_body": "Responsible body",
    "work_programme": "Relevant Work Programme",
    "timeframe": "Timeframe/Deadline",
    "progress": "Progress",
    "remarks": "Remarks",
}


@dataclass(frozen=True)
class Entry:
    kind: str  # "item" (a list entry), "region" (a sub-heading), "prose"
    text: str
    note: str | None = None  # a footnote on the entry


@dataclass(frozen=True)
class ZAction:
    no: str
    text: str
    responsible: str
    timeframe: str
    progress: tuple[Entry, ...]
    remarks: str = ""
    work_programme: str = ""

    def value(self, column: str) -> str:
        return {
            "no": self.no,
            "action": self.text,
            "responsible_body": self.responsible,
            "timeframe": self.timeframe,
            "remarks": self.remarks,
            "work_programme": self.work_programme,
        }.get(column, "")


@dataclass(frozen=True)
class Block:
    kind: str  # "title", "cover", "heading", "table"
    text: str = ""
    actions: tuple[ZAction, ...] = ()


@dataclass(frozen=True)
class Report:
    name: str
    code: str  # the document code WCO prints in every page header
    blocks: tuple[Block, ...]
    gold: str  # gold events file name in gold/


@dataclass(frozen=True)
class Layout:
    """One rendering's parameters. `producer`: chromium, libreoffice, pandoc, fpdf."""

    name: str
    producer: str
    rules: str = "grid"  # grid, hrules, vrules, none
    header_rows: int = 1
    extra_column: bool = False  # a Remarks column
    order: tuple[str, ...] = ("no", "action", "responsible_body", "timeframe", "progress")
    section_rows: bool = False  # section headings as full-width rows inside one table
    font: str = "Liberation Sans"
    size: float = 10
    landscape: bool = False
    page: str = "A4"  # A4, Letter, A5
    bullets: str = "shape"  # shape (drawn), char (a glyph), typed (typed by hand)
    furniture: bool = True  # document code header, page-number footer
    footnotes: bool = True
    browser_hf: bool = False  # chromium: the browser's own header and footer
    options: dict = field(default_factory=dict, hash=False, compare=False)

    def columns(self, report: Report) -> list[str]:
        cols = list(self.order)
        wp = any(a.work_programme for b in report.blocks for a in b.actions)
        if wp and "work_programme" not in cols:
            cols.insert(cols.index("timeframe") if "timeframe" in cols else len(cols), "work_programme")
        if self.extra_column:
            cols.append("remarks")
        return cols


def from_toml(path: Path) -> Report:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    blocks = [Block("cover", line) for line in data.get("cover", [])]
    blocks.append(Block("title", data["title"]))
    for section in data["sections"]:
        blocks.append(Block("heading", f"{section['number']}. {section['title']}"))
        actions = []
        for a in section["actions"]:
            entries = []
            for e in a["progress"]:
                kind = next(k for k in ("item", "region", "prose") if k in e)
                entries.append(Entry(kind, e[kind], e.get("note")))
            actions.append(
                ZAction(
                    str(a["no"]), a["text"], a["responsible"], a["timeframe"], tuple(entries),
                    a.get("remarks", ""), a.get("work_programme", ""),
                )
            )  # fmt: skip
        blocks.append(Block("table", actions=tuple(actions)))
    return Report(data["name"], data["code"], tuple(blocks), f"{data['name']}.events.jsonl")


def from_seed(path: Path, code: str) -> Report:
    """A seed's converted text as zoo blocks (its notes are none)."""
    from extract.model import COL_PROGRESS
    from extract.text import read_text
    from normalize.actions import document_actions
    from normalize.items import action_items, region_of

    doc = read_text(path)
    actions = {a.char_start: a for a in document_actions(doc)}
    headings = {s.start for s in doc.sections}
    positioned: list[tuple[int, Block]] = []
    for p in doc.paragraphs:
        kind = "heading" if p.start in headings else ("title" if p.text == doc.title else "cover")
        positioned.append((p.start, Block(kind, p.text)))
    for table in doc.tables:
        zs = []
        for row in table.rows:
            action = actions.get(row.start)
            if action is None:
                continue
            items = action_items(action)
            entries = []
            for p in action.row.cell(COL_PROGRESS).paragraphs if action.row.cell(COL_PROGRESS) else ():
                region = region_of(p)
                if region is not None:
                    entries.append(Entry("region", region))
                    continue
                for item in (i for i in items if p.start <= i.start < p.end):
                    entries.append(Entry("prose" if item.prose else "item", item.text))
            zs.append(
                ZAction(
                    action.action_no, action.action_text, action.responsible_body or "",
                    action.timeframe or "", tuple(entries), "", action.work_programme or "",
                )
            )  # fmt: skip
        if zs and table.rows:
            positioned.append((table.rows[0].start, Block("table", actions=tuple(zs))))
    positioned.sort(key=lambda b: b[0])
    return Report(path.stem, code, tuple(b for _, b in positioned), f"{path.stem}.events.jsonl")


def notes_in_order(report: Report) -> list[Entry]:
    return [e for b in report.blocks for a in b.actions for e in a.progress if e.note]
