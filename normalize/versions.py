"""What changed between two versions of a report: events added, removed, and
changed (a date corrected, a location added), matched by event identity."""

from __future__ import annotations

import pandas as pd

from .identity import assign_event_keys, match_mentions, unique_events

DIFF_COLUMNS = ["change", "event_key", "title", "field", "old", "new"]
COMPARED_FIELDS = ["title", "country_iso3", "city", "start_date", "end_date", "date_precision", "event_type"]


def _side(events: pd.DataFrame, documents: pd.DataFrame, labels: list[str]) -> pd.DataFrame:
    events = events.assign(event_key=labels)
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
    # Pair the versions with the looser rule (a corrected date changes the stored key);
    # report each event under its stored key on the newer side it appears on.
    clusters = [f"c{c}" for c in match_mentions(both)]
    stored = assign_event_keys(both)
    shown: dict[str, str] = {}
    for cluster, key in zip(clusters, stored, strict=True):
        shown[cluster] = key  # new-side mentions come last: they win
    old = _side(old_events, old_documents, clusters[: len(old_events)])
    new = _side(new_events, new_documents, clusters[len(old_events) :])
    rows = []
    for cluster in sorted(set(old.index) | set(new.index)):
        key = shown[cluster]
        if cluster not in old.index:
            rows.append(["added", key, new.at[cluster, "title"], None, None, None])
        elif cluster not in new.index:
            rows.append(["removed", key, old.at[cluster, "title"], None, None, None])
        else:
            for field in COMPARED_FIELDS:
                a, b = _value(old.at[cluster, field]), _value(new.at[cluster, field])
                if a != b:
                    rows.append(["changed", key, new.at[cluster, "title"], field, a, b])
    order = {"added": 0, "removed": 1, "changed": 2}
    rows.sort(key=lambda r: (order[r[0]], r[2] or "", r[1], r[3] or ""))
    return pd.DataFrame(rows, columns=DIFF_COLUMNS)
