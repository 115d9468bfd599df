"""What changed between two versions of a report: events added, removed, and
changed (a date corrected, a location added), matched by event identity."""

from __future__ import annotations

import pandas as pd

from .identity import assign_event_keys, unique_events

DIFF_COLUMNS = ["change", "event_key", "title", "field", "old", "new"]
COMPARED_FIELDS = ["title", "country_iso3", "city", "start_date", "end_date", "date_precision", "event_type"]


def _side(events: pd.DataFrame, documents: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    events = events.assign(event_key=keys)
    return unique_events(events, documents).set_index("event_key")


def _value(v):
    return None if v is None or (not isinstance(v, str) and pd.isna(v)) or v == "" else str(v)


def diff_events(
    old_events: pd.DataFrame,
    old_documents: pd.DataFrame,
    new_events: pd.DataFrame,
    new_documents: pd.DataFrame,
) -> pd.DataFrame:
    """Rows of (change, event_key, title, field, old, new), keys assigned over both
    versions together so that the same event gets the same key on each side."""
    both = pd.concat([old_events, new_events], ignore_index=True)
    keys = assign_event_keys(both)
    old = _side(old_events, old_documents, keys[: len(old_events)])
    new = _side(new_events, new_documents, keys[len(old_events) :])
    rows = []
    for key in sorted(set(old.index) | set(new.index)):
        if key not in old.index:
            rows.append(["added", key, new.at[key, "title"], None, None, None])
        elif key not in new.index:
            rows.append(["removed", key, old.at[key, "title"], None, None, None])
        else:
            for field in COMPARED_FIELDS:
                a, b = _value(old.at[key, field]), _value(new.at[key, field])
                if a != b:
                    rows.append(["changed", key, new.at[key, "title"], field, a, b])
    order = {"added": 0, "removed": 1, "changed": 2}
    rows.sort(key=lambda r: (order[r[0]], r[2] or "", r[1], r[3] or ""))
    return pd.DataFrame(rows, columns=DIFF_COLUMNS)
