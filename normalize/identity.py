"""One event, many mentions.

`event_key` (the stored key) depends only on the event itself, so that adding or
removing other reports never changes the key of an event already seen, and so that
the same event gets the same key in the English and the French version of a report:

  * an event with a place and a date (`kind` event, a country, a start date) is
    keyed by what does not depend on the report's language: kind, event type,
    country, start and end dates (at their precision), and the marks of its title,
    i.e. its acronyms (`TRS`, `IPR`, `CPLP`; an organisation's other spellings map
    to its acronym, the WCO itself marks nothing) and numbers (`Phase 3`, `2015`);
  * anything else (a prose statement, an undated or placeless item) is keyed by its
    country, dates, marks and topic: the title's words read as language-independent
    concepts (normalize/topics.py), event-type words included; not by kind and type,
    which are read from those same words and which two languages' readings disagree
    on more often than the words do (`took note` is no statement verb in English, `a
    pris note` is one in French).
  Trade-off: two distinct events of the same type, country and dates whose titles
  carry no acronym or number to tell them apart share a key (seed 000: the Mercator
  and the Strategic Initiatives workshops in South Africa, 15-17 September 2015);
  `Dataset` flags such pairs `shared_key` when their titles share no topic word.

`match_mentions` is the looser rule `diff` uses to pair the two versions of one
event (a corrected date, a reworded title): two mentions are the same event when
  * they are the same kind of record (event or prose development) and type
    (`other` agrees with any), and
  * their places agree (same country; a mention with no place agrees with any,
    but then types must be equal and 80% of topic words shared), and
  * their dates overlap (or, for identical titles in the same country, lie within
    31 days: a corrected date), and
  * their titles share a topic: after expanding acronyms the report defines
    (`... Portuguese-Speaking Countries (CPLP)`) and dropping generic words
    (event types, scope words, `WCO`, stop words), the smaller set of topic words
    is at least half contained in the larger, and at least one is shared.
  Prose statements, and mentions with no date, are the same only when their
  normalized titles are equal.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache, lru_cache

import pandas as pd

from . import topics
from .events import _keyword_table

_STOP = {
    "the", "of", "on", "for", "and", "in", "with", "a", "an", "to", "at", "by", "its", "their", "from",
    "as", "into", "&", "de", "la", "le", "les", "des", "du", "et",
}  # fmt: skip
_ACRONYM_DEF = re.compile(
    r"((?:[A-Z][\w'-]*\s+(?:(?:of|on|for|and|the|in)\s+)*){1,8})\(([A-Z][A-Za-z0-9]{1,9})\)$"
)
_ACRONYM_USE = re.compile(r"\(([A-Z][A-Za-z0-9]{1,9})\)")
# The phrase an acronym abbreviates stands right before it: 8 words of at most ~40
# characters. Looking back this far only keeps the search linear in the text's length
# (a 200,000-character line made the unanchored pattern backtrack for minutes).
_ACRONYM_LOOKBACK = 400
_MIN_CONTAINMENT = 0.5
_MIN_CONTAINMENT_PLACELESS = 0.8  # no place to confirm the match: the titles must say more
_CORRECTION_WINDOW = timedelta(days=31)


@cache
def _generic_words() -> frozenset[str]:
    """Words that name what kind of event it is, not what it is about: the single-word
    event-type and scope keywords of every language, and their concepts (`atelier` and
    `workshop`). Multi-word keywords are left out: `train-the-trainer` names a format."""
    words: set[str] = set()
    for table in ("event_types.csv", "scope_keywords.csv"):
        for k in _keyword_table(table):
            for w in k.words:
                if len(topics.tokens(w)) == 1:
                    words.add(topics.skeleton(topics.singular(topics.tokens(w)[0])))
                    words.update(topics.concepts(w))
    return frozenset(words)


def acronym_table(texts: list[str]) -> dict[str, list[str]]:
    """Acronyms the reports define: `Post-Clearance Audit (PCA)` -> pca: [post, clearance, audit]."""
    table: dict[str, list[str]] = {}
    for text in texts:
        text = text or ""
        for use in _ACRONYM_USE.finditer(text):
            window = text[max(0, use.start() - _ACRONYM_LOOKBACK) : use.end()]
            m = _ACRONYM_DEF.search(window, max(0, len(window) - _ACRONYM_LOOKBACK))
            if m is None:
                continue
            words = [w for w in topics.tokens(m.group(1)) if w not in _STOP]
            acronym = m.group(2).lower()
            initials = "".join(w[0] for w in words)
            # Keep the tail of the phrase whose initials spell the acronym, when they do.
            for start in range(len(words)):
                if initials[start:].startswith(acronym[:2]) and len(words) - start <= len(acronym) + 2:
                    table.setdefault(acronym, words[start:])
                    break
    return table


@dataclass(frozen=True)
class Mention:
    index: int
    country: str | None
    start: date | None
    end: date | None
    topic: frozenset[str]
    norm_title: str
    kind: str
    event_type: str


def _as_date(value, end: bool) -> date | None:
    if value is None or (isinstance(value, float) and value != value) or value == "":
        return None
    s = str(value)
    parts = [int(p) for p in s.split("-")]
    if len(parts) == 3:
        return date(*parts)
    if len(parts) == 2:
        y, m = parts
        if not end:
            return date(y, m, 1)
        return (date(y + (m == 12), m % 12 + 1, 1)) - timedelta(days=1)
    return date(parts[0], 12, 31) if end else date(parts[0], 1, 1)


def _mention(i: int, row: dict, acronyms: dict[str, list[str]], generic: frozenset[str]) -> Mention:
    words = [w for w in topics.tokens(row.get("title") or "") if w not in _STOP]
    # The title's topic (language-independent concepts), and the words of the acronyms
    # the reports define (`CPLP` -> portuguese, speaking, ...) as concepts too.
    expansions = " ".join(" ".join(acronyms[w]) for w in words if w in acronyms)
    topic = frozenset(topic_words(row.get("title") or "")) | {
        w for w in topics.concepts(expansions) if w not in generic and not topics.is_number(w)
    }
    country = row.get("country_iso3")
    country = None if country is None or country != country or country == "" else str(country)
    return Mention(
        i, country, _as_date(row.get("start_date"), False), _as_date(row.get("end_date"), True),
        topic, " ".join(words), str(row.get("kind") or "event"), str(row.get("event_type") or "other"),
    )  # fmt: skip


def same_event(a: Mention, b: Mention) -> bool:
    if a.country and b.country and a.country != b.country:
        return False
    placeless = not (a.country and b.country)
    if a.kind != b.kind or (
        a.event_type != b.event_type and (placeless or "other" not in (a.event_type, b.event_type))
    ):
        return False
    if a.start is None or b.start is None:
        return a.start is None and b.start is None and a.norm_title == b.norm_title and a.country == b.country
    overlap = a.start <= b.end and b.start <= a.end
    if not overlap:
        gap = max(a.start, b.start) - min(a.end, b.end)
        if not (a.norm_title == b.norm_title and a.country and gap <= _CORRECTION_WINDOW):
            return False
    if a.norm_title == b.norm_title:
        return True
    if a.kind == "development":  # statements are the same only word for word
        return False
    shared = a.topic & b.topic
    smaller = min(len(a.topic), len(b.topic))
    if not smaller:
        return False
    needed = _MIN_CONTAINMENT_PLACELESS if placeless else _MIN_CONTAINMENT
    return bool(shared) and len(shared) / smaller >= needed


def _sweep(dated: list[Mention], find, parent) -> None:
    """Compare each mention with the later ones whose dates can still meet it."""
    for k, a in enumerate(dated):
        for b in dated[k + 1 :]:
            if b.start > a.end + _CORRECTION_WINDOW:
                break
            if find(a.index) != find(b.index) and same_event(a, b):
                parent[find(b.index)] = find(a.index)


def _records(table) -> list[dict]:
    return table.to_dict("records") if isinstance(table, pd.DataFrame) else list(table)


_KEY_VERSION = "3"
_CAPS = re.compile(r"[A-Z][A-Z0-9]*[A-Z][A-Z0-9]*")  # an acronym: two capitals or more
_NUMBER = re.compile(r"\d+")
_SELF = "WCO"  # the organisation that writes the reports: naming it tells no event apart


def _value(record: dict, name: str) -> str:
    v = record.get(name)
    return "" if v is None or (isinstance(v, float) and v != v) else str(v)


def _shouting(title: str) -> bool:
    """A title written in capitals (`NATIONAL WORKSHOP ON RISK MANAGEMENT`): most of its
    longer words are capitals. Acronyms are short, so `ADB TRS Conference` is not."""
    long_words = [w for w in re.findall(r"[^\W\d_]+", title) if len(w) > 4]
    return bool(long_words) and sum(w.isupper() for w in long_words) * 2 > len(long_words)


_DEFINED_ACRONYM = re.compile(r"(?<=[^\W\d_]{2})(\s*)\(([A-Z][A-Za-z0-9]{1,9})\)")


def without_local_acronyms(title: str) -> str:
    """The title less the acronyms it defines that the language data does not know
    (`Technical Committee on Rules of Origin (TCRO)`, `Comité technique de l'origine
    (CTO)`): each language coins its own, and the words before say the same thing.
    A known one (`(IPR)`, `(DPI)` -> IPR) stays, as do acronyms used undefined."""
    from .lang import known_acronyms
    from .nlp import organisations

    known, orgs = known_acronyms(), organisations()
    return _DEFINED_ACRONYM.sub(
        lambda m: m.group(0) if m.group(2) in known or m.group(2) in orgs else m.group(1), title
    )


@lru_cache(maxsize=4096)  # an event's key reads its title twice (marks, topic); bounded
def _read_title(title: str) -> tuple[str, tuple[str, ...]]:
    """The title with other languages' acronyms written the English way (`OMD`, `ETM`:
    `WCO`, `TRS`) and its own coined ones dropped, and its concept words."""
    from .lang import english_acronyms

    title = without_local_acronyms(english_acronyms(title))
    return title, tuple(topics.concept_words(title))


def title_marks(title: str) -> tuple[str, ...]:
    """The title's language-independent tokens: acronyms (an organisation's other
    spellings mapped to its acronym), numbers, and ordinals written as words
    (`Second`, `deuxième`: 2). In a title written in capitals every word looks like an
    acronym: only the organisations' known acronyms count there."""
    from .lang import known_acronyms
    from .nlp import organisations

    title, words = _read_title(title)
    marks = {str(int(n)) for n in _NUMBER.findall(title)} | topics.ordinal_numbers(words, title)
    orgs, known = organisations(), known_acronyms()
    # A glossary phrase that stands for an acronym (`Revised Kyoto Convention`: rkc)
    # marks the title as the acronym would (`CKR` -> RKC).
    marks |= {w.upper() for w in words if w.upper() in known or w.upper() in orgs}
    shouting = _shouting(title)
    for token in _CAPS.findall(title):
        org = orgs.get(token)
        if org or not shouting:
            marks.add(org.acronym if org else token)
    marks.discard(_SELF)
    return tuple(sorted(marks))


def topic_words(title: str, keep_kind_words: bool = False) -> tuple[str, ...]:
    """What the title is about, as language-independent concepts (normalize/topics.py),
    less numbers (marks) and, unless `keep_kind_words`, the words that only say what
    kind of event it is (event-type and scope keywords)."""
    generic = frozenset() if keep_kind_words else _generic_words()
    skeletons = {topics.skeleton(w) for w in _read_title(title)[1]}
    return tuple(sorted(w for w in skeletons if w not in generic and not topics.is_number(w)))


def event_key(record: dict) -> str:
    """The key of one mention, from the mention alone (see the module docstring)."""
    kind, country, start = (
        _value(record, "kind") or "event",
        _value(record, "country_iso3"),
        _value(record, "start_date"),
    )
    title = _value(record, "title")
    marks = " ".join(title_marks(title))
    if kind == "event" and country and start:
        parts = [_KEY_VERSION, kind, _value(record, "event_type") or "other", country, start]
        parts += [_value(record, "end_date"), marks]
    else:
        # Under-identified: the words must say which. Kind and type are left out: they are
        # read from the same words (`took note` / `a pris note`, `Guidance` / `Orientations`),
        # and the two languages' readings of them disagree more often than the words do.
        parts = [_KEY_VERSION, "topic", country, start, _value(record, "end_date"), marks]
        parts.append(" ".join(topic_words(title, keep_kind_words=True)))
    return hashlib.sha256("|".join(parts).encode("utf-8")).hexdigest()[:16]


def assign_event_keys(events, acronyms: dict[str, list[str]] | None = None) -> list[str]:
    """An `event_key` per event (a DataFrame or a list of records), in order. Each
    key depends on its own event only: linear, and stable whatever else the run holds.
    (`acronyms` is accepted for callers of the earlier, run-wide rule, and unused.)"""
    return [event_key(r) for r in _records(events)]


def shared_key_doubts(events: list[dict]) -> list[int]:
    """Indexes of events whose key another event of the run shares while their titles
    share no topic word: probably two events the key cannot tell apart.

    Linear in practice: within a key, the distinct topic sets are numbered and each
    word keeps a bit mask of the sets holding it; a set meets every other set exactly
    when the masks of its words cover them all."""
    groups: dict[str, list[int]] = {}
    for i, e in enumerate(events):
        groups.setdefault(e["event_key"], []).append(i)
    doubtful = []
    for members in groups.values():
        if len(members) < 2:
            continue
        by_topic: dict[frozenset[str], list[int]] = {}
        for i in members:
            topic = frozenset(topic_words(_value(events[i], "title")))
            if topic:  # a title with no topic word tells nothing either way
                by_topic.setdefault(topic, []).append(i)
        if len(by_topic) < 2:
            continue
        masks: dict[str, int] = {}
        for bit, topic in enumerate(by_topic):
            for word in topic:
                masks[word] = masks.get(word, 0) | (1 << bit)
        everyone = (1 << len(by_topic)) - 1
        for topic, holders in by_topic.items():
            reach = 0
            for word in topic:
                reach |= masks[word]
            if reach != everyone:
                doubtful += holders
    return sorted(doubtful)


SHARED_KEY = "shared_key"


def flag_shared_keys(events: list[dict]) -> list[dict]:
    """Mark (in place) the events `shared_key_doubts` finds: warning code, lower
    confidence; returns their rows for the warnings table."""
    from .events import confidence

    rows = []
    for i in shared_key_doubts(events):
        e = events[i]
        had = e.get("warnings") or ()  # a list in records (normalize/schema.py); `a;b` in older ones
        codes = tuple(c for c in (had.split(";") if isinstance(had, str) else had) if c) + (SHARED_KEY,)
        e["warnings"], e["confidence"] = list(codes), confidence(codes)
        rows.append(
            {
                "doc": e["doc"],
                "source_file": e["source_file"],
                "action_no": e["action_no"],
                "item_no": e["item_no"],
                "code": SHARED_KEY,
                "detail": (e.get("source_text") or "")[:200],
                "char_start": e["char_start"],
                "char_end": e["char_end"],
            }  # fmt: skip
        )
    return rows


def match_mentions(events, acronyms: dict[str, list[str]] | None = None) -> list[int]:
    """The looser rule `diff` uses: a cluster number per event, equal for mentions of
    one event (a corrected date, a reworded title). `acronyms`: the reports' own
    acronym definitions (see `acronym_table`); read from the source texts when not given."""
    rows = _records(events)
    if acronyms is None:
        acronyms = acronym_table([r.get("source_text") or "" for r in rows])
    generic = _generic_words()
    mentions = [_mention(i, r, acronyms, generic) for i, r in enumerate(rows)]
    parent = list(range(len(rows)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # Identical mentions (a report repeating itself, or the same report twice) are
    # merged outright; only one of each is compared with the rest.
    firsts: dict[tuple, Mention] = {}
    for m in mentions:
        if m.start is None:
            continue
        signature = (m.country, m.start, m.end, m.norm_title, m.kind, m.event_type)
        first = firsts.setdefault(signature, m)
        if first is not m:
            parent[find(m.index)] = find(first.index)
    # Candidates only: two mentions `same_event` can join share their normalized title
    # or a topic word, so each is compared with the mentions of its title and of each
    # of its topic words whose dates can still meet it (an index, not every pair).
    postings: dict[tuple[str, str], list[Mention]] = {}
    for m in firsts.values():
        postings.setdefault(("title", m.norm_title), []).append(m)
        for word in m.topic:
            postings.setdefault(("word", word), []).append(m)
    for group in postings.values():
        if len(group) > 1:
            _sweep(sorted(group, key=lambda m: (m.start, m.index)), find, parent)
    by_title: dict[tuple, int] = {}
    for m in mentions:
        if m.start is None:
            first = by_title.setdefault((m.norm_title, m.country), m.index)
            parent[find(m.index)] = find(first)
    return [find(i) for i in range(len(rows))]


_PRECISION_RANK = {"day": 0, "month": 1, "year": 2}
UNIQUE_COLUMNS = [
    "event_key", "title", "kind", "event_type", "country_iso3", "country", "city", "start_date", "end_date",
    "date_precision", "mentions", "documents", "mentioned_in", "first_report", "last_report",
]  # fmt: skip


def _most_common(values):
    present = [v for v in values if v is not None and v == v and v != ""]
    if not present:
        return None
    counts: dict = {}
    for v in present:
        counts[v] = counts.get(v, 0) + 1
    return max(counts, key=lambda v: (counts[v], -present.index(v)))


def unique_events(events, documents) -> pd.DataFrame:
    """One row per event_key, with the best-known values of its mentions: the most
    precise dates, a city when any mention names one, the most common title."""
    report_date = {}
    for d in _records(documents):
        report_date[d["doc"]] = (d.get("as_of") or d.get("issued") or "", d["doc"])
    groups: dict[str, list[dict]] = {}
    for record in _records(events):
        groups.setdefault(record["event_key"], []).append(record)
    rows = []
    for key in sorted(groups):
        mentions = groups[key]
        best = min(mentions, key=lambda m: (_PRECISION_RANK.get(m.get("date_precision"), 3), m["char_start"]))
        reports = sorted({m["doc"] for m in mentions}, key=lambda d: report_date.get(d, ("", d)))
        rows.append(
            {
                "event_key": key,
                "title": _most_common([m["title"] for m in mentions]),
                "kind": best["kind"],
                "event_type": best["event_type"],
                "country_iso3": _most_common([m["country_iso3"] for m in mentions]),
                "country": _most_common([m["country"] for m in mentions]),
                "city": _most_common([m["city"] for m in mentions]),
                "start_date": best["start_date"],
                "end_date": best["end_date"],
                "date_precision": best["date_precision"],
                "mentions": len(mentions),
                "documents": len(reports),
                "mentioned_in": "; ".join(f"{m['doc']}#{m['action_no']}.{m['item_no']}" for m in mentions),
                "first_report": reports[0],
                "last_report": reports[-1],
            }  # fmt: skip
        )
    return pd.DataFrame.from_records(rows, columns=UNIQUE_COLUMNS)
