"""Normalizers: a `Document` in, actions, items and events out.

They know nothing about file formats: only the shared model in `extract.model`.
"""

from __future__ import annotations

from dataclasses import dataclass

from extract.model import Action, Document, Event, Item


@dataclass(frozen=True)
class Normalized:
    document: Document
    actions: tuple[Action, ...]
    items: tuple[Item, ...]
    events: tuple[Event, ...]


def normalize(doc: Document) -> Normalized:
    from .actions import document_actions
    from .events import parse_event
    from .items import action_items

    actions = document_actions(doc)
    items = [item for action in actions for item in action_items(action)]
    events = [parse_event(item, doc.reference_date, doc.language) for item in items]
    return Normalized(doc, tuple(actions), tuple(items), tuple(events))
