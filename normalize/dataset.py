"""Normalized documents -> the analyst-facing tables, with stable ids; the columns
and their types are defined once in `normalize/schema.py`, the files written by
`normalize/outputs.py`.

Ids are content hashes: `doc_id` from the file's bytes, `action_id` and
`event_id` from their parent id and their number, so a record keeps its id across
runs and machines, and a re-issued report with new content gets a new one.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from extract.tables import no_action_table_reason, unassigned_cells

from . import Normalized
from .actions import unjoined_rows, unnumbered_tables
from .audit import PROVENANCE, coverage
from .identity import assign_event_keys, flag_shared_keys, unique_events
from .schema import ACTIONS, DOCUMENTS, ERRORS, EVENTS, WARNINGS, at_precision, period_bounds, typed_frame

DOCUMENT_COLUMNS = DOCUMENTS.names
ACTION_COLUMNS = ACTIONS.names
EVENT_COLUMNS = EVENTS.names
ERROR_COLUMNS = ERRORS.names
WARNING_COLUMNS = WARNINGS.names


def stable_id(*parts: object) -> str:
    return hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:16]


def _box(box: tuple[float, float, float, float] | None) -> list[float] | None:
    return [round(v, 1) for v in box] if box else None


def _bounds(iso: str | None, i: int) -> str | None:
    bounds = period_bounds(iso)
    return bounds[i].isoformat() if bounds else None


def _span(span: tuple[int, int] | None, i: int) -> int | None:
    return span[i] if span else None


def document_records(n: Normalized) -> tuple[dict, list[dict], list[dict], list[dict]]:
    """One normalized document as plain records: (document, actions, events, warnings)."""
    d = n.document
    doc_id = d.sha256[:16]
    items_per_action: dict[str, int] = {}
    for item in n.items:
        items_per_action[item.action.action_no] = items_per_action.get(item.action.action_no, 0) + 1
    actions = [
        {
            "action_id": stable_id(doc_id, a.action_no, a.char_start),
            "doc_id": doc_id,
            "doc": a.doc,
            "source_file": a.source_file,
            "section_no": a.section_no,
            "section_title": a.section_title,
            "action_no": a.action_no,
            "action_text": a.action_text,
            "responsible_body": a.responsible_body,
            "responsible_bodies": list(a.responsible_bodies),
            "work_programme": a.work_programme,
            "timeframe": a.timeframe,
            "deadline": a.deadline,
            "deadline_date": _bounds(a.deadline, 1),
            "continuous": a.continuous,
            "remarks": a.remarks,
            "items": items_per_action.get(a.action_no, 0),
            "page": a.page,
            "char_start": a.char_start,
            "char_end": a.char_end,
        }  # fmt: skip
        for a in n.actions
    ]
    action_ids = {
        (a.action_no, a.char_start): r["action_id"] for a, r in zip(n.actions, actions, strict=True)
    }
    events, warnings = [], []
    for item, e in zip(n.items, n.events, strict=True):
        action_id = action_ids[(item.action.action_no, item.action.char_start)]
        events.append(
            {
                "event_id": stable_id(action_id, e.item_no),
                "action_id": action_id,
                "doc_id": doc_id,
                "doc": e.doc,
                "source_file": e.source_file,
                "section_no": e.section_no,
                "category": e.category,
                "action_no": e.action_no,
                "item_no": e.item_no,
                "region": e.region,
                "kind": e.kind,
                "title": e.title,
                "country_iso3": e.country_iso3,
                "country": e.country,
                "city": e.city,
                "country_text": e.country_text,
                "start_date": _bounds(e.start_date, 0),
                "end_date": _bounds(e.end_date, 1),
                "start_iso": e.start_date,
                "end_iso": e.end_date,
                "date_precision": e.date_precision,
                "event_type": e.event_type,
                "scope": e.scope,
                "organizers": list(e.organizers),
                "references": list(e.references),
                "notes": list(e.notes),
                "source_text": e.source_text,
                "page": e.page,
                "bbox": _box(e.bbox),
                **{f"{name}_bbox": _box(e.field_boxes.get(name)) for name in ("title", "location", "date")},
                "char_start": e.char_start,
                "char_end": e.char_end,
                "title_start": e.title_span[0],
                "title_end": e.title_span[1],
                "location_text": e.location_text,
                "location_start": _span(e.location_span, 0),
                "location_end": _span(e.location_span, 1),
                "date_text": e.date_text,
                "date_start": _span(e.date_span, 0),
                "date_end": _span(e.date_span, 1),
                "confidence": e.confidence,
                "warnings": list(e.warnings),
            }  # fmt: skip
        )
        for code in e.warnings:
            warnings.append(
                {
                    "doc": e.doc,
                    "source_file": e.source_file,
                    "action_no": e.action_no,
                    "item_no": e.item_no,
                    "code": code,
                    "detail": e.source_text[:200],
                    "char_start": e.char_start,
                    "char_end": e.char_end,
                }  # fmt: skip
            )
    cov = coverage(n)
    for frag in cov.unassigned:
        warnings.append(
            {
                "doc": d.doc,
                "source_file": d.source_file,
                "action_no": frag.action_no,
                "code": frag.code,
                "detail": frag.text[:200],
                "char_start": frag.start,
                "char_end": frag.end,
            }  # fmt: skip
        )
    for header, page, text, start, end in unassigned_cells(d):
        where = f"page {page}, " if page else ""
        warnings.append(
            {
                "doc": d.doc,
                "source_file": d.source_file,
                "code": "unassigned_cell",
                "detail": f"{where}column '{header}': {text}"[:200],
                "char_start": start,
                "char_end": end,
            }  # fmt: skip
        )
    for row in unjoined_rows(d):  # a table's first row carries on nothing: its text is not data
        where = f"page {row.page}: " if row.page else ""
        text = " | ".join(c.text.strip() for c in row.cells if c.text.strip())
        warnings.append(
            {
                "doc": d.doc,
                "source_file": d.source_file,
                "code": "unnumbered_row",
                "detail": f"{where}{text}"[:200],
                "char_start": row.start,
                "char_end": row.end,
            }  # fmt: skip
        )
    for table in unnumbered_tables(d):
        where = f"page {table.page}: " if table.page else ""
        warnings.append(
            {
                "doc": d.doc,
                "source_file": d.source_file,
                "code": "numbered_by_position",
                "detail": f"{where}the action table has no number column ({' | '.join(table.header)}):"
                " its actions are numbered by their order in the document"[:200],
            }
        )
    for message in d.warnings:
        warnings.append({"doc": d.doc, "source_file": d.source_file, "code": "document", "detail": message})
    if not n.actions:
        warnings.append(
            {
                "doc": d.doc,
                "source_file": d.source_file,
                "code": "no_action_table",
                "detail": no_action_table_reason(d),
            }
        )
    document = {
        "doc_id": doc_id, "doc": d.doc, "source_file": d.source_file, "format": d.format, "sha256": d.sha256,
        "title": d.title, "doc_type": d.doc_type, "language": d.language,
        "as_of": d.as_of.isoformat() if d.as_of else None,
        "issued": d.issued.isoformat() if d.issued else None, "page_count": d.page_count,
        "sections": len(d.sections), "actions": len(actions), "events": len(events),
        "coverage": round(cov.share, 4), "warnings": len(warnings),
    }  # fmt: skip
    return document, actions, events, warnings


def _unique_records(events: list[dict], docs: list[dict]) -> list[dict]:
    """identity.unique_events, with the same date columns as events and a list for `mentioned_in`."""
    out = []
    for r in unique_events(events, docs).to_dict("records"):
        precision = r.get("date_precision")
        r["start_iso"] = at_precision(r.get("start_date"), precision)
        r["end_iso"] = at_precision(r.get("end_date"), precision)
        mentioned = r.get("mentioned_in")
        r["mentioned_in"] = mentioned.split("; ") if isinstance(mentioned, str) and mentioned else None
        out.append(r)
    return out


@dataclass
class Dataset:
    """The analyst-facing tables as typed pandas DataFrames (see `normalize/schema.py`):
    nullable integers, dates as `datetime.date`, lists as Python lists, None for empty."""

    documents: pd.DataFrame
    actions: pd.DataFrame
    events: pd.DataFrame
    warnings: pd.DataFrame
    errors: pd.DataFrame
    unique_events: pd.DataFrame = field(default_factory=lambda: typed_frame("unique_events", []))
    texts: dict[str, str] = field(default_factory=dict, repr=False)  # source_file -> document text

    @classmethod
    def from_results(cls, results: list) -> Dataset:
        """Merge per-file results (`normalize.batch.FileResult`) in a deterministic order."""
        docs, actions, events, warnings, errors, texts, acronyms = [], [], [], [], [], {}, {}
        for r in results:
            if r.error is not None:
                errors.append(r.error)
                continue
            if r.document is None:  # a duplicate input: its warning only, its mentions counted once
                warnings += r.warnings
                continue
            docs.append(r.document)
            actions += r.actions
            events += r.events
            warnings += r.warnings
            texts[r.document["source_file"]] = r.text
            for acronym, words in r.acronyms.items():
                acronyms.setdefault(acronym, words)
        # Keys and unique events work on plain records: far faster than DataFrame rows.
        events.sort(key=lambda e: (e["source_file"], e["char_start"]))
        for event, key in zip(events, assign_event_keys(events, acronyms), strict=True):
            event["event_key"] = key
        warnings += flag_shared_keys(events)
        return cls(
            documents=typed_frame("documents", docs),
            actions=typed_frame("actions", actions),
            events=typed_frame("events", events),
            unique_events=typed_frame("unique_events", _unique_records(events, docs)),
            warnings=typed_frame("warnings", warnings),
            errors=typed_frame("errors", errors),
            texts=texts,
        )

    def write_files(self, folder: str | Path, partitioned: bool = False) -> list[Path]:
        """Write every output file into `folder` (CSV, Parquet, JSONL, DuckDB, schema,
        report); `publish` moves them into place together."""
        from .outputs import write_all

        written = write_all(self, Path(folder), partitioned=partitioned)
        # Where relative `source_file` paths start from: `audit` run from elsewhere finds them.
        (Path(folder) / PROVENANCE).write_text(json.dumps({"cwd": os.getcwd()}) + "\n", encoding="utf-8")
        return [*written, Path(folder) / PROVENANCE]

    def write(self, out_dir: str | Path, partitioned: bool = False) -> list[Path]:
        """Write every table into a scratch folder beside OUT, then swap it in as a
        whole (`normalize.publish`): an interrupted run leaves the previous output
        or the new one, never a mix.

        `partitioned` also writes `events_by_doc/` (Parquet partitioned by `doc`),
        the layout a cluster run leaves for engines that read partitions."""
        from .publish import publish

        published = publish(out_dir, lambda scratch: self.write_files(scratch, partitioned=partitioned))
        return [published.out_dir / name for name in published.files]
