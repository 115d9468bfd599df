"""The one data model every stage passes along.

Readers (text, Word, PDF) produce a `Document`; normalizers turn its tables into
`Action`s, `Item`s and `Event`s. Every span (`start`, `end`) indexes the one
canonical `Document.text` the reader laid out, whatever the source format, so that
provenance, coverage and audit share a single offset system.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .glyphs import Glyphs

# Paragraph styles a reader can report. The normalizer decides what an item is;
# the reader only says what the source marked.
BODY = "body"  # plain running text
LIST_ITEM = "list_item"  # a paragraph the source marked as a list entry (bullet not in the text)
HEADING = "heading"  # a sub-heading inside a cell, e.g. an underlined "(Asia/Pacific)"

# Canonical table columns (see extract/data/header_synonyms.csv).
COL_NO = "no"
COL_ACTION = "action"
COL_RESPONSIBLE = "responsible_body"
COL_WORK_PROGRAMME = "work_programme"
COL_TIMEFRAME = "timeframe"
COL_PROGRESS = "progress"
COL_REMARKS = "remarks"  # Remarks, Status, Comments, Observations: Action.remarks, never events


@dataclass(frozen=True)
class Paragraph:
    """A run of text with one style; `text == Document.text[start:end]`."""

    text: str
    start: int
    end: int
    style: str = BODY
    page: int | None = None
    bbox: tuple[float, float, float, float] | None = None  # PDF: x0, top, x1, bottom in points
    glyphs: Glyphs | None = field(default=None, repr=False, compare=False)  # PDF: each character's place
    # Footnotes whose markers this paragraph carried (the marker itself is not in `text`).
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Cell:
    column: str
    paragraphs: tuple[Paragraph, ...]
    start: int
    end: int

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.paragraphs)


@dataclass(frozen=True)
class Row:
    cells: tuple[Cell, ...]
    page: int | None
    start: int
    end: int

    def cell(self, column: str) -> Cell | None:
        return next((c for c in self.cells if c.column == column), None)

    def text_of(self, column: str) -> str:
        c = self.cell(column)
        return c.text if c else ""


@dataclass(frozen=True)
class Section:
    """A numbered heading (`1. AWARENESS-RAISING`) that the following tables belong to."""

    number: int | None
    title: str
    start: int
    end: int
    page: int | None = None


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]  # header cells verbatim
    columns: tuple[str, ...]  # canonical column names, same order
    rows: tuple[Row, ...]
    section: Section | None
    page: int | None = None


@dataclass(frozen=True)
class Document:
    source_file: str
    doc: str  # file stem: the document's name in every output table
    format: str  # "txt", "docx", "pdf"
    sha256: str
    text: str
    title: str | None
    as_of: date | None  # "(AS OF 25 OCTOBER 2015)"
    issued: date | None  # "Brussels, 19 September 2016."
    doc_type: str  # "progress_report", "action_plan", "other"
    paragraphs: tuple[Paragraph, ...]  # text outside tables, in reading order
    sections: tuple[Section, ...]
    tables: tuple[Table, ...]
    page_count: int | None = None
    warnings: tuple[str, ...] = ()
    language: str = "en"  # ISO 639-1, detected from the text
    # Running headers/footers, page numbers, footnote bodies: recognised, kept out of the
    # data, but accounted for (coverage, audit) so that nothing disappears silently.
    furniture: tuple[Paragraph, ...] = ()
    # Header rows (cells joined with " | ") of tables the reader saw that are not action
    # tables: why a file with no actions has none (`no_action_table` warning).
    skipped_tables: tuple[str, ...] = ()

    @property
    def reference_date(self) -> date | None:
        """The date a year-less date in the report is read against."""
        return self.as_of or self.issued


# --- Normalized records -------------------------------------------------------------


@dataclass(frozen=True)
class Action:
    doc: str
    source_file: str
    section_no: int | None
    section_title: str | None
    action_no: str
    action_text: str
    responsible_body: str | None
    responsible_bodies: tuple[str, ...]
    work_programme: str | None
    timeframe: str | None
    deadline: str | None  # YYYY-MM
    continuous: bool
    page: int | None
    char_start: int
    char_end: int
    row: Row = field(repr=False, compare=False, hash=False)
    # Columns beyond the canonical ones (Remarks, Status, Comments, ...): kept, never split into events.
    remarks: str | None = None


@dataclass(frozen=True)
class Item:
    """One entry of a Progress cell: a listed event or a prose statement."""

    action: Action = field(repr=False)
    item_no: int
    text: str  # verbatim, == Document.text[start:end]
    start: int
    end: int
    page: int | None
    region: str | None
    prose: bool  # came from running text rather than a list
    bbox: tuple[float, float, float, float] | None = None  # PDF: where the item's paragraph stands
    paragraph: Paragraph | None = field(default=None, repr=False, compare=False)  # the one it lies in


@dataclass(frozen=True)
class Event:
    doc: str
    source_file: str
    section_no: int | None
    category: str | None
    action_no: str
    item_no: int
    region: str | None
    source_text: str
    char_start: int
    char_end: int
    page: int | None
    kind: str  # "event" or "development"
    title: str
    title_span: tuple[int, int]  # field provenance: spans in Document.text
    country_iso3: str | None  # several as "AAA;BBB"
    country: str | None
    city: str | None
    location_text: str | None
    location_span: tuple[int, int] | None
    start_date: str | None  # ISO 8601 at the precision known
    end_date: str | None
    date_precision: str | None
    date_text: str | None
    date_span: tuple[int, int] | None
    event_type: str
    scope: str | None
    organizers: tuple[str, ...]
    references: tuple[str, ...]
    warnings: tuple[str, ...] = ()
    confidence: float = 1.0
    bbox: tuple[float, float, float, float] | None = None
    field_boxes: dict[str, tuple[float, float, float, float]] = field(default_factory=dict, compare=False)
    country_text: str | None = None  # the country as the report spelled it ("Équateur")
    notes: tuple[str, ...] = ()  # footnotes attached to the item
