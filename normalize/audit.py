"""Nothing dropped, everything checkable: coverage of Progress text by items, and
the `audit` check that each record's source text still stands where it says.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from extract.bullets import MARKUP_CHARS, content_chars
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
    record: str  # "event <event_id> (action 1, item 43)" or the file itself
    reason: str


def audit(out_dir: str | Path) -> tuple[int, list[AuditProblem]]:
    """Re-open every source the dataset names and check each event's source text
    at its recorded span. Returns (records checked, problems)."""
    import pandas as pd

    from extract import read
    from extract.layout import file_sha256

    out = Path(out_dir)
    documents = pd.read_csv(out / "documents.csv", dtype=str, keep_default_na=False)
    events = pd.read_csv(out / "events.csv", dtype=str, keep_default_na=False)
    problems: list[AuditProblem] = []
    checked = 0
    for doc in documents.to_dict("records"):
        path = Path(doc["source_file"])
        mine = events[events["source_file"] == doc["source_file"]]
        checked += len(mine)
        if not path.is_file():
            problems.append(AuditProblem(str(path), "file", "the source file is missing"))
            continue
        if file_sha256(path) == doc["sha256"]:
            continue  # same bytes: the same reader gives the same text
        text = read(path).text
        for e in mine.to_dict("records"):
            start, end = int(e["char_start"]), int(e["char_end"])
            if text[start:end] != e["source_text"]:
                record = f"event {e['event_id']} (action {e['action_no']}, item {e['item_no']})"
                problems.append(AuditProblem(str(path), record, f"source text no longer at {start}:{end}"))
    return checked, problems
