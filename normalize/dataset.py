"""Normalized documents -> the analyst-facing tables, with stable ids, written as
CSV, Parquet and JSONL.

Ids are content hashes: `doc_id` from the file's bytes, `action_id` and
`event_id` from their parent id and their number, so a record keeps its id across
runs and machines, and a re-issued report with new content gets a new one.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import tempfile
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from extract.tables import no_action_table_reason, unassigned_cells

from . import Normalized
from .audit import coverage
from .identity import assign_event_keys, unique_events

DOCUMENT_COLUMNS = [
    "doc_id", "doc", "source_file", "format", "sha256", "title", "doc_type", "as_of", "issued",
    "page_count", "sections", "actions", "events", "coverage", "warnings",
]  # fmt: skip
ACTION_COLUMNS = [
    "action_id", "doc_id", "doc", "source_file", "section_no", "section_title", "action_no", "action_text",
    "responsible_body", "responsible_bodies", "work_programme", "timeframe", "deadline", "continuous",
    "remarks", "items", "page", "char_start", "char_end",
]  # fmt: skip
EVENT_COLUMNS = [
    "event_id", "event_key", "action_id", "doc_id", "doc", "source_file", "section_no", "category",
    "action_no", "item_no", "region", "kind", "title", "country_iso3", "country", "city", "start_date",
    "end_date", "date_precision", "event_type", "scope", "organizers", "references", "source_text", "page",
    "bbox", "char_start", "char_end",
    "title_start", "title_end", "location_text", "location_start", "location_end", "date_text",
    "date_start", "date_end", "title_bbox", "location_bbox", "date_bbox", "confidence", "warnings",
]  # fmt: skip
ERROR_COLUMNS = ["file", "stage", "error_type", "message"]
WARNING_COLUMNS = ["doc", "source_file", "action_no", "item_no", "code", "detail", "char_start", "char_end"]


def stable_id(*parts: object) -> str:
    return hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:16]


def _box(box: tuple[float, float, float, float] | None) -> str | None:
    return ",".join(f"{v:.1f}" for v in box) if box else None


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
            "responsible_bodies": "; ".join(a.responsible_bodies),
            "work_programme": a.work_programme,
            "timeframe": a.timeframe,
            "deadline": a.deadline,
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
                "start_date": e.start_date,
                "end_date": e.end_date,
                "date_precision": e.date_precision,
                "event_type": e.event_type,
                "scope": e.scope,
                "organizers": ";".join(e.organizers),
                "references": "; ".join(e.references),
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
                "warnings": ";".join(e.warnings),
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
        "title": d.title, "doc_type": d.doc_type, "as_of": d.as_of.isoformat() if d.as_of else None,
        "issued": d.issued.isoformat() if d.issued else None, "page_count": d.page_count,
        "sections": len(d.sections), "actions": len(actions), "events": len(events),
        "coverage": round(cov.share, 4), "warnings": len(warnings),
    }  # fmt: skip
    return document, actions, events, warnings


def _frame(records: list[dict], columns: list[str], sort: list[str]) -> pd.DataFrame:
    df = pd.DataFrame.from_records(records, columns=columns)
    if len(df):
        df = df.sort_values(sort, kind="stable").reset_index(drop=True)
    # Nullable integers keep "3" from turning into "3.0" when a column has gaps.
    for col in df.columns:
        integer = col in ("section_no", "item_no", "page", "page_count") or col.endswith(("_start", "_end"))
        if integer and col not in ("start_date", "end_date"):
            df[col] = df[col].astype("Int64")
    return df


@dataclass
class Dataset:
    documents: pd.DataFrame
    actions: pd.DataFrame
    events: pd.DataFrame
    warnings: pd.DataFrame
    errors: pd.DataFrame
    unique_events: pd.DataFrame = field(default_factory=pd.DataFrame)
    texts: dict[str, str] = field(default_factory=dict, repr=False)  # source_file -> document text

    @classmethod
    def from_results(cls, results: list) -> Dataset:
        """Merge per-file results (`normalize.batch.FileResult`) in a deterministic order."""
        docs, actions, events, warnings, errors, texts, acronyms = [], [], [], [], [], {}, {}
        for r in results:
            if r.error is not None:
                errors.append(r.error)
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
        documents = _frame(docs, DOCUMENT_COLUMNS, ["source_file"])
        return cls(
            documents=documents,
            actions=_frame(actions, ACTION_COLUMNS, ["source_file", "char_start"]),
            events=_frame(events, EVENT_COLUMNS, ["source_file", "char_start"]),
            unique_events=unique_events(events, docs),
            warnings=_frame(warnings, WARNING_COLUMNS, ["source_file", "char_start", "code"]),
            errors=_frame(errors, ERROR_COLUMNS, ["file"]),
            texts=texts,
        )

    def write(self, out_dir: str | Path, partitioned: bool = False) -> list[Path]:
        """Write every table into a scratch folder, then move them all into place at
        once: an interrupted run leaves the previous output as it was.

        `partitioned` also writes `events_by_doc/` (Parquet partitioned by `doc`),
        the layout a cluster run leaves for engines that read partitions."""
        out = Path(out_dir)
        out.mkdir(parents=True, exist_ok=True)
        scratch = Path(tempfile.mkdtemp(prefix=".writing-", dir=out))
        try:
            for name in ("documents", "actions", "events", "unique_events"):
                df = getattr(self, name)
                _write_csv(df, scratch / f"{name}.csv")
                df.to_parquet(scratch / f"{name}.parquet", index=False)
            _write_jsonl(self.events, scratch / "events.jsonl")
            _write_csv(self.warnings, scratch / "warnings.csv")
            _write_csv(self.errors, scratch / "errors.csv")
            from .report import render_report

            (scratch / "report.html").write_text(render_report(self), encoding="utf-8", newline="\n")
            if partitioned and len(self.events):
                self.events.to_parquet(scratch / "events_by_doc", partition_cols=["doc"], index=False)
            files = sorted(scratch.iterdir())
            with _signals_deferred():
                for f in files:
                    if f.is_dir() and (out / f.name).exists():
                        shutil.rmtree(out / f.name)
                    os.replace(f, out / f.name)
            return [out / f.name for f in files]
        finally:
            shutil.rmtree(scratch, ignore_errors=True)


@contextmanager
def _signals_deferred():
    """Hold SIGINT/SIGTERM while the finished files are renamed into place."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    blocked = {signal.SIGINT, signal.SIGTERM}
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, blocked)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _write_csv(df: pd.DataFrame, path: Path) -> None:
    df.to_csv(path, index=False, encoding="utf-8", lineterminator="\n")


def _write_jsonl(events: pd.DataFrame, path: Path) -> None:
    # pandas writes JSON in C: null for a missing value, integers stay integers.
    events.to_json(path, orient="records", lines=True, force_ascii=False)
