"""Nothing dropped, everything checkable: coverage of Progress text by items, and
the `audit` check that each record's source text still stands where it says.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path

from extract.bullets import MARKUP_CHARS, content_chars
from extract.errors import PipelineError
from extract.model import COL_PROGRESS

from . import Normalized
from .items import NOTE, REGION, cell_roles


@dataclass(frozen=True)
class Fragment:
    """Progress text that no item took."""

    action_no: str
    text: str
    start: int
    end: int
    # `unassigned_text`, or `unclear_subheading` for a parenthesised line that names
    # no known region and heads no item.
    code: str = "unassigned_text"


@dataclass(frozen=True)
class Coverage:
    progress_chars: int  # non-blank, non-bullet characters of Progress cells
    assigned_chars: int
    unassigned: tuple[Fragment, ...]

    @property
    def share(self) -> float:
        return 1.0 if not self.progress_chars else self.assigned_chars / self.progress_chars


def coverage(n: Normalized) -> Coverage:
    """Share of Progress-cell text that items (or region sub-headings) account for."""
    text = n.document.text
    spans_by_action: dict[int, list[tuple[int, int]]] = {}
    for item in n.items:
        spans_by_action.setdefault(id(item.action), []).append((item.start, item.end))
    total = assigned = 0
    fragments: list[Fragment] = []
    for action in n.actions:
        cell = action.row.cell(COL_PROGRESS)
        if cell is None:
            continue
        covered = sorted(spans_by_action.get(id(action), []))
        roles = cell_roles(cell.paragraphs)
        covered += [
            (p.start, p.end) for p, (role, _) in zip(cell.paragraphs, roles, strict=True) if role == REGION
        ]
        # A note is reported under its own code, and not counted as covered.
        notes = [
            (p.start, p.end) for p, (role, _) in zip(cell.paragraphs, roles, strict=True) if role == NOTE
        ]
        covered += notes
        covered.sort()
        pos = cell.start
        gaps = []
        for s, e in covered:
            if s > pos:
                gaps.append((pos, s))
            pos = max(pos, e)
        if pos < cell.end:
            gaps.append((pos, cell.end))
        cell_total = content_chars(text[cell.start : cell.end])
        missing = 0
        for s, e in notes:
            missing += content_chars(text[s:e])
            fragments.append(Fragment(action.action_no, text[s:e], s, e, "unclear_subheading"))
        for s, e in gaps:
            chars = content_chars(text[s:e])
            if chars:
                missing += chars
                fragments.append(Fragment(action.action_no, text[s:e].strip(MARKUP_CHARS), s, e))
        total += cell_total
        assigned += cell_total - missing
    return Coverage(total, assigned, tuple(sorted(fragments, key=lambda f: f.start)))


@dataclass(frozen=True)
class AuditProblem:
    source_file: str
    record: str  # "event <event_id> (action 1, item 43)", "action <id> (action 3)" or "file"
    reason: str


@dataclass(frozen=True)
class AuditResult:
    files: int  # documents the output lists
    files_checked: int  # of them, sources found and read again
    records: int  # events and actions the output lists
    records_checked: int  # of them, re-checked against a source read again
    problems: tuple[AuditProblem, ...]

    @property
    def failed_records(self) -> int:
        return len({(p.source_file, p.record) for p in self.problems if p.record != "file"})


class MalformedOutput(PipelineError):
    """The folder is not an output folder this program wrote (a table missing, unreadable,
    or without the columns the audit needs)."""


PROVENANCE = ".provenance.json"  # written beside the tables: the folder relative source paths start from
_SPANS = {
    "source_text": ("char_start", "char_end"),
    "title": ("title_start", "title_end"),
    "location_text": ("location_start", "location_end"),
    "date_text": ("date_start", "date_end"),
}
_NEEDED = {
    "documents.csv": {"doc_id", "doc", "source_file", "sha256", "events", "actions"},
    "actions.csv": {"action_id", "doc_id", "source_file", "action_no", "char_start", "char_end"},
    "events.csv": {"event_id", "event_key", "action_id", "doc_id", "source_file", "action_no", "item_no",
                   "kind", "title", "country_iso3", "start_date", "end_date", "event_type", "source_text",
                   "char_start", "char_end", *(c for span in _SPANS.values() for c in span)},
}  # fmt: skip
# Compared with the records the source gives today; ids and paths are checked apart.
_NOT_COMPARED = {"event_id", "action_id", "doc_id", "doc", "source_file", "event_key"}


def _table(out: Path, name: str):
    from .csvsafe import read_csv

    path = out / name
    if not path.is_file():
        raise MalformedOutput(f"{out}: not an output folder ({name} is missing)")
    try:
        df = read_csv(path)
    except Exception as exc:  # noqa: BLE001 - pandas' parser errors have no common base
        raise MalformedOutput(f"{out}: {name} cannot be read ({type(exc).__name__}: {exc})") from exc
    missing = sorted(_NEEDED[name] - set(df.columns))
    if missing:
        raise MalformedOutput(f"{out}: {name} lacks the column(s) {', '.join(missing)}: not an output folder")
    return df


def resolve_source(out: Path, source_file: str) -> Path | None:
    """A source path as the conversion run saw it: absolute, or relative to the folder
    that run worked in (recorded beside the tables), to here, or to the output's parent."""
    import json

    path = Path(source_file)
    if path.is_absolute():
        return path if path.is_file() else None
    bases = []
    with contextlib.suppress(OSError, ValueError, KeyError, TypeError):  # none recorded: the other places
        bases.append(Path(json.loads((out / PROVENANCE).read_text(encoding="utf-8"))["cwd"]))
    bases += [Path.cwd(), out.resolve().parent]
    return next((b / path for b in bases if (b / path).is_file()), None)


def _int(value: str) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _rederived(path: Path):
    """(document, actions, events) as this code derives them from the source today,
    written and read back through the CSV writer so that values compare as text."""
    import io

    from .batch import convert_file
    from .dataset import Dataset
    from .outputs import write_csv

    result = convert_file(path)
    if result.error is not None:
        return result.error["message"]
    ds = Dataset.from_results([result])
    tables = []
    for name in ("documents", "actions", "events"):
        buffer = io.StringIO()
        write_csv(name, getattr(ds, name), buffer)
        buffer.seek(0)
        tables.append(_read_back(buffer))
    documents, actions, events = tables
    return documents.to_dict("records")[0], actions.to_dict("records"), events.to_dict("records"), result.text


def _read_back(buffer):
    import pandas as pd

    from .csvsafe import unescape_cell

    df = pd.read_csv(buffer, dtype=str, keep_default_na=False)
    for col in df.columns:
        df[col] = df[col].map(unescape_cell)
    return df


def _by_place(records: list[dict], fields: tuple[str, ...]) -> dict[tuple, dict]:
    """Records keyed by their place in the document (action and item numbers, and the
    occurrence, should numbers repeat): ids change with the file's bytes, places do not."""
    seen: dict[tuple, int] = {}
    out = {}
    for r in records:
        base = tuple(r.get(f, "") for f in fields)
        seen[base] = seen.get(base, 0) + 1
        out[(*base, seen[base])] = r
    return out


def _without_run_flags(record: dict) -> dict:
    """`shared_key` depends on the other events of a run: compare the rest."""
    from .identity import SHARED_KEY

    r = dict(record)
    codes = [c for c in r.get("warnings", "").split(";") if c]
    if SHARED_KEY in codes:
        r["warnings"] = ";".join(c for c in codes if c != SHARED_KEY)
        r.pop("confidence", None)
    return r


def audit(out_dir: str | Path) -> AuditResult:
    """Re-check every record of an output folder against its source, whatever the
    file's hash: ids and keys consistent, each field's text at its span, and every
    field equal to what this code derives from the source today.

    Raises `MalformedOutput` when the folder is not an output folder."""
    from extract.layout import file_sha256

    from .dataset import stable_id
    from .identity import event_key

    out = Path(out_dir)
    documents = _table(out, "documents.csv")
    actions = _table(out, "actions.csv")
    events = _table(out, "events.csv")
    problems: list[AuditProblem] = []

    def problem(source: str, record: str, reason: str) -> None:
        problems.append(AuditProblem(source, record, reason))

    def name(kind: str, r: dict) -> str:
        if kind == "event":
            return f"event {r.get('event_id')} (action {r.get('action_no')}, item {r.get('item_no')})"
        return f"action {r.get('action_id')} (action {r.get('action_no')})"

    doc_ids = set(documents["doc_id"])
    action_ids = set(actions["action_id"])
    for kind, table in (("event", events), ("action", actions)):  # records no document owns
        for r in table[~table["doc_id"].isin(doc_ids)].to_dict("records"):
            problem(r["source_file"], name(kind, r), f"doc_id {r['doc_id']} is not in documents.csv")
    for r in events[~events["action_id"].isin(action_ids)].to_dict("records"):
        problem(r["source_file"], name("event", r), f"action_id {r['action_id']} is not in actions.csv")

    checked = files_checked = 0
    for doc in documents.to_dict("records"):
        mine_events = events[events["doc_id"] == doc["doc_id"]].to_dict("records")
        mine_actions = actions[actions["doc_id"] == doc["doc_id"]].to_dict("records")
        source = doc["source_file"]
        # Ids and keys, from the stored values alone.
        if doc["doc_id"] != doc["sha256"][:16]:
            problem(source, "file", "doc_id is not the start of the file's SHA-256")
        for label, listed, count in (
            ("events", mine_events, doc["events"]),
            ("actions", mine_actions, doc["actions"]),
        ):
            if str(len(listed)) != count:
                problem(
                    source, "file", f"documents.csv counts {count} {label}, the tables hold {len(listed)}"
                )
        for r in mine_actions:
            if r["action_id"] != stable_id(doc["doc_id"], r["action_no"], r["char_start"]):
                problem(source, name("action", r), "action_id does not match its document, number and place")
        for r in mine_events:
            if r["event_id"] != stable_id(r["action_id"], r["item_no"]):
                problem(source, name("event", r), "event_id does not match its action and item number")
            if r["event_key"] != event_key({k: (v or None) for k, v in r.items()}):
                problem(source, name("event", r), "event_key does not match the event's fields")
        # The source, read again.
        path = resolve_source(out, source)
        if path is None:
            problem(source, "file", "the source file is missing (its records were not checked)")
            continue
        try:
            changed = file_sha256(path) != doc["sha256"]
        except OSError as exc:
            problem(source, "file", f"the source cannot be read: {exc.strerror or exc}")
            continue
        again = _rederived(path)
        if isinstance(again, str):
            problem(source, "file", f"the source can no longer be converted: {again}")
            continue
        files_checked += 1
        checked += len(mine_events) + len(mine_actions)
        new_doc, new_actions, new_events, text = again
        if changed:
            problem(source, "file", "the source changed since the conversion (its SHA-256 differs)")
        for r in mine_events:  # each field's text at its span
            for field, (start, end) in _SPANS.items():
                s, e = _int(r[start]), _int(r[end])
                if s is None and e is None and not r[field]:
                    continue
                if s is None or e is None or text[s:e] != r[field]:
                    problem(source, name("event", r), f"{field} is not the text at {r[start]}:{r[end]}")
        for kind, stored, fresh, fields in (
            ("event", mine_events, new_events, ("action_no", "item_no")),
            ("action", mine_actions, new_actions, ("action_no",)),
        ):
            fresh_by = _by_place(fresh, fields)
            stored_by = _by_place(stored, fields)
            for place, r in stored_by.items():
                twin = fresh_by.get(place)
                if twin is None:
                    problem(source, name(kind, r), "the source no longer gives this record")
                    continue
                a, b = _without_run_flags(r), _without_run_flags(twin)
                for field in sorted(set(a) & set(b) - _NOT_COMPARED):
                    if a[field] != b[field]:
                        problem(
                            source, name(kind, r), f"{field} is {a[field]!r}, the source gives {b[field]!r}"
                        )
            for place, r in fresh_by.items():
                if place not in stored_by:
                    problem(source, name(kind, r), "the source gives this record, the output lacks it")
    return AuditResult(
        files=len(documents),
        files_checked=files_checked,
        records=len(events) + len(actions),
        records_checked=checked,
        problems=tuple(problems),
    )
