"""The HTML audit report (`output/report.html`): each action's Progress text with
every item highlighted beside the fields extracted from it, filters, summary charts.

`render_report(dataset) -> str` gives one self-contained page: inline CSS and
JavaScript, charts as inline SVG, nothing loaded from anywhere (its Content
Security Policy forbids it). Every piece of report text is escaped, since the
reports are untrusted input, and the same dataset always gives the same bytes.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections import Counter, defaultdict
from html import escape

import pandas as pd

FIELD_CLASSES = (("title", "f-title"), ("location", "f-loc"), ("date", "f-date"))
DOC_FIELDS = (
    ("doc", "doc"), ("type", "doc_type"), ("as of", "as_of"), ("issued", "issued"), ("format", "format"),
    ("pages", "page_count"), ("sections", "sections"), ("actions", "actions"), ("events", "events"),
    ("coverage", "coverage"), ("warnings", "warnings"), ("source", "source_file"),
)  # fmt: skip
ERROR_HEADERS = ("file", "stage", "reason")
WARNING_HEADERS, WARNING_KEYS = ("code", "detail", "action", "item"), ("detail", "action_no", "item_no")
EVENT_HEADERS = (
    "#",
    "kind",
    "title",
    "country",
    "city",
    "start",
    "end",
    "precision",
    "type",
    "conf.",
    "warnings",
)
TOP_COUNTRIES = 15
_MONTH = re.compile(r"\d{4}-\d{2}")

CSS = """
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1d2330;
background:#f6f7f9}header,main{padding:0 24px}h1{font-size:22px;margin:16px 0 4px}
h2{font-size:18px;margin:0 0 6px}h3{font-size:15px;margin:0 0 4px}.hide{display:none!important}
.muted,.meta{color:#5b6475;font-size:12.5px}.code{color:#b5461c;font-weight:600}td a{color:inherit}
#filters{position:sticky;top:0;z-index:2;background:#fff;border-bottom:1px solid #d8dce3;padding:8px 24px;
display:flex;flex-wrap:wrap;gap:12px;align-items:center;box-shadow:0 1px 3px #0001}
#filters label{font-size:12.5px;color:#5b6475}#filters select,#filters input{margin-left:4px}
#shown{font-weight:600;margin-left:auto}.legend span{margin-right:10px}
.charts{display:flex;flex-wrap:wrap;gap:16px;margin:16px 0;align-items:flex-start}
figure{margin:0;background:#fff;border:1px solid #d8dce3;border-radius:6px;padding:8px 12px}
figcaption{font-weight:600;margin-bottom:4px}svg text{font-size:11px;fill:#1d2330}svg rect{fill:#4a78c2}
.doc,.box{background:#fff;border:1px solid #d8dce3;border-radius:6px;margin:16px 0;padding:14px}
dl.meta{display:grid;grid-template-columns:repeat(auto-fill,minmax(190px,1fr));gap:2px 12px;margin:6px 0}
dl.meta div{display:flex;gap:6px}dl.meta dt{font-weight:600}dl.meta dd{margin:0;overflow-wrap:anywhere}
.action{border-top:1px solid #e3e6eb;padding:10px 0}.tw{overflow-x:auto}
.pair{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1.8fr);gap:12px;align-items:start}
.source{white-space:pre-wrap;font:12.5px/1.5 ui-monospace,Menlo,Consolas,monospace;background:#fbfbfc;
border:1px solid #e3e6eb;padding:8px;max-height:32em;overflow:auto;position:sticky;top:48px}
mark.item{background:#fff1b8;border-radius:2px}mark.item:target{outline:2px solid #c0392b}
mark.item.flagged{background:#ffd9b0;outline:1px dashed #d9822b}.f-title{border-bottom:2px solid #2f6fde}
.f-loc{background:#c7efcf}.f-date{background:#e2d4f7}mark.item.off,mark.item.off span{background:none;
border:0;outline:0}table{border-collapse:collapse;width:100%;font-size:12.5px}
th,td{border:1px solid #e3e6eb;padding:2px 5px;text-align:left;vertical-align:top}th{background:#eef1f5}
tr.flagged td{background:#fff4e6}tr.event-row td:nth-child(6),tr.event-row td:nth-child(7){white-space:nowrap}
"""

JS = """
"use strict";
(function () {
  var $ = function (id) { return document.getElementById(id); };
  var rows = Array.prototype.slice.call(document.querySelectorAll("tr.event-row"));
  var inputs = ["f-country", "f-type", "f-from", "f-to"].map($);
  function apply() {
    var c = inputs[0].value, type = inputs[1].value, from = inputs[2].value, to = inputs[3].value, shown = 0;
    rows.forEach(function (row) {
      var d = row.dataset, lo = (d.start + "-01-01").slice(0, 10), hi = (d.start + "-99-99").slice(0, 10);
      var ok = (!c || (";" + d.country + ";").indexOf(";" + c + ";") >= 0) && (!type || d.type === type) &&
        (!(from || to) || Boolean(d.start && !(from && hi < from) && !(to && lo > to)));
      row.classList.toggle("hide", !ok);
      if ($(d.src)) $(d.src).classList.toggle("off", !ok);
      shown += ok ? 1 : 0;
    });
    var active = Boolean(c || type || from || to);
    document.querySelectorAll(".action, .doc").forEach(function (box) {
      box.classList.toggle("hide", active && !box.querySelector("tr.event-row:not(.hide)"));
    });
    $("shown-count").textContent = String(shown);
  }
  inputs.forEach(function (el) { el.oninput = el.onchange = apply; });
  $("f-reset").onclick = function () { inputs.forEach(function (el) { el.value = ""; }); apply(); };
  apply();
})();
"""


def _csp_hash(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode() + "'"


def content_security_policy(css: str, js: str) -> str:
    """Only the page's own style and script may run; nothing may be fetched."""
    return (
        f"default-src 'none'; style-src {_csp_hash(css)}; script-src {_csp_hash(js)}; img-src data:; "
        "base-uri 'none'; form-action 'none'"
    )


CSP = content_security_policy(CSS, JS)


def _s(value) -> str:
    """A cell as text: missing -> ''."""
    return "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)


def _e(value) -> str:
    return escape(_s(value), quote=True)


def _int(value) -> int | None:
    return None if value is None or pd.isna(value) else int(value)


def _records(df) -> list[dict]:
    """Rows as text-friendly records: lists `;`-joined, dates ISO, start_date at its precision."""
    if df is None or df.empty:
        return []
    out = []
    for r in df.to_dict("records"):
        for k, v in r.items():
            if isinstance(v, (list, tuple)):
                r[k] = ";".join(map(str, v))
            elif hasattr(v, "isoformat"):
                r[k] = v.isoformat()
        if "start_iso" in r:
            r["start_date"], r["end_date"] = r["start_iso"], r["end_iso"]
        out.append(r)
    return out


def _texts(dataset) -> dict[str, str]:
    """source_file -> canonical document text, from `texts` or `normalized`."""
    texts = dict(getattr(dataset, "texts", None) or {})
    for n in getattr(dataset, "normalized", None) or ():
        texts.setdefault(n.document.source_file, n.document.text)
    return texts


def _bars(title: str, counts: list[tuple[str, str, int]], note: str = "") -> str:
    """A horizontal bar chart as inline SVG; counts are (label, tooltip, n)."""
    label_w, bar_w, row_h = 150, 220, 16
    top = max((n for _, _, n in counts), default=0) or 1
    height = row_h * len(counts) + 4
    parts = [
        f"<figure><figcaption>{escape(title)}</figcaption>"
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{label_w + bar_w + 40}" height="{height}" '
        f'role="img" aria-label="{escape(title, quote=True)}">'
    ]
    for i, (label, tip, n) in enumerate(counts):
        y, w = i * row_h + 2, max(1, round(bar_w * n / top))
        parts.append(
            f'<g><title>{escape(tip)}: {n}</title><text x="{label_w - 6}" y="{y + 12}" text-anchor="end">'
            f'{escape(label[:26])}</text><rect x="{label_w}" y="{y + 2}" width="{w}" height="{row_h - 5}"/>'
            f'<text x="{label_w + w + 4}" y="{y + 12}">{n}</text></g>'
        )
    parts.append(f"</svg>{f'<p class=muted>{escape(note)}</p>' if note else ''}</figure>")
    return "".join(parts)


def _months_between(first: str, last: str) -> list[str]:
    y, m = int(first[:4]), int(first[5:7])
    months: list[str] = []
    while f"{y:04d}-{m:02d}" <= last and len(months) < 600:
        months.append(f"{y:04d}-{m:02d}")
        y, m = y + m // 12, m % 12 + 1
    return months


def _countries(events: list[dict]) -> tuple[Counter, dict[str, str]]:
    """Events per ISO code (an event in several countries counts for each), and the codes' names."""
    counts: Counter[str] = Counter()
    names: dict[str, str] = {}
    for e in events:
        for code, name in zip(_s(e["country_iso3"]).split(";"), _s(e["country"]).split(";"), strict=False):
            if code:
                counts[code] += 1
                names.setdefault(code, name or code)
    return counts, names


def _ranked(counts: Counter) -> list[tuple[str, int]]:
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def _charts(events: list[dict], countries: Counter, names: dict[str, str]) -> str:
    months = Counter(s[:7] for s in (_s(e["start_date"]) for e in events) if _MONTH.match(s))
    span = _months_between(min(months), max(months)) if months else []
    undated = len(events) - sum(months.values())
    ranked = _ranked(countries)
    rows = [(f"{c} {names[c]}", names[c], n) for c, n in ranked[:TOP_COUNTRIES]]
    if len(ranked) > TOP_COUNTRIES:
        rest = ranked[TOP_COUNTRIES:]
        rows.append((f"{len(rest)} others", "other countries", sum(n for _, n in rest)))
    types = _ranked(Counter(_s(e["event_type"]) or "(none)" for e in events))
    return (
        '<section class="charts">'
        + _bars("Events per month (start date)", [(m, m, months.get(m, 0)) for m in span],
                f"{undated} without a month" if undated else "")
        + _bars("Events per country", rows, f"{len(ranked)} countries")
        + _bars("Events per type", [(t, t, n) for t, n in types])
        + "</section>"
    )  # fmt: skip


def _table(headers, rows: list[list[str]], row_attrs: list[str] | None = None) -> str:
    """A table of already-escaped cells."""
    head = "".join(f"<th>{h}</th>" for h in headers)
    body = "".join(
        f"<tr{attrs}>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"
        for cells, attrs in zip(rows, row_attrs or [""] * len(rows), strict=True)
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _highlight(text: str, start: int, end: int, events: list[dict]) -> str:
    """text[start:end], escaped, with a <mark> per event span and its field spans inside."""
    out, pos = [], start
    for e in sorted(events, key=lambda e: (_int(e["char_start"]) or 0, e["_dom"])):
        s, t = _int(e["char_start"]), _int(e["char_end"])
        if s is None or t is None or max(s, pos) >= min(t, end):
            continue
        s, t = max(s, pos), min(t, end)
        out.append(escape(text[pos:s]))
        flagged = " flagged" if _s(e["warnings"]) else ""
        out.append(f'<mark class="item{flagged}" id="src-{e["_dom"]}" title="item {_e(e["item_no"])}">')
        fields = sorted(
            (_int(e[f"{name}_start"]), _int(e[f"{name}_end"]), cls)
            for name, cls in FIELD_CLASSES
            if _int(e[f"{name}_start"]) is not None and _int(e[f"{name}_end"]) is not None
        )
        p = s
        for fs, fe, cls in fields:
            fs, fe = max(fs, p), min(fe, t)
            if fs < fe:
                out.append(f'{escape(text[p:fs])}<span class="{cls}">{escape(text[fs:fe])}</span>')
                p = fe
        out.append(f"{escape(text[p:t])}</mark>")
        pos = t
    out.append(escape(text[pos:end]))
    return "".join(out)


def _event_row(e: dict) -> tuple[list[str], str]:
    """The cells and the <tr> attributes of one event."""
    warnings = _s(e["warnings"])
    cells = [
        f'<a href="#src-{e["_dom"]}">{_e(e["item_no"])}</a>',
        _e(e["kind"]),
        _e(e["title"]),
        f'{_e(e["country_iso3"])}<br><span class="muted">{_e(e["country"])}</span>',
        *(_e(e[k]) for k in ("city", "start_date", "end_date", "date_precision", "event_type")),
        _s(e["confidence"]) and f"{float(e['confidence']):.2f}",
        " ".join(f'<span class="code">{escape(c)}</span>' for c in warnings.split(";") if c),
    ]
    attrs = (
        f' class="event-row{" flagged" if warnings else ""}" id="ev-{e["_dom"]}" '
        f'data-country="{_e(e["country_iso3"])}" data-type="{_e(e["event_type"])}" '
        f'data-start="{_e(e["start_date"])}" data-src="src-{e["_dom"]}"'
    )
    return cells, attrs


def _action(a: dict, events: list[dict], text: str | None) -> str:
    """One action: its Progress text, items highlighted, beside a row per event."""
    starts = [s for e in events if (s := _int(e["char_start"])) is not None]
    ends = [t for e in events if (t := _int(e["char_end"])) is not None]
    start, end = (min(starts), max(ends)) if starts and ends else (0, 0)
    if not (starts and ends) and a:  # no items: the whole row
        start, end = _int(a["char_start"]) or 0, _int(a["char_end"]) or 0
    if text is None:
        source = '<p class="muted">document text unavailable</p>'
    else:
        start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
        source = f'<div class="source">{_highlight(text, start, end, events)}</div>'
    heading, meta = "Items outside any action", ""
    if a:
        heading = f"Action {_e(a['action_no'])}: {_e(a['action_text'])}"
        keys = (("section", "section_title"), ("responsible", "responsible_body"), ("timeframe", "timeframe"))
        meta = "".join(f"{label}: {_e(a[key])} · " for label, key in (*keys, ("page", "page")) if _s(a[key]))
    rows = [_event_row(e) for e in events]
    table = (
        f'<div class="tw">{_table(EVENT_HEADERS, [c for c, _ in rows], [t for _, t in rows])}</div>'
        if events else '<p class="muted">no items</p>'
    )  # fmt: skip
    return (
        f'<article class="action"><h3>{heading}</h3><p class="meta">{meta}chars {start}–{end} · '
        f'{len(events)} items</p><div class="pair">{source}{table}</div></article>'
    )


def _document(i: int, d: dict, actions: list[dict], events: list[dict], warnings: list[dict], text) -> str:
    """Header, warnings, then every action of one document."""
    shown = {**d, "coverage": _s(d["coverage"]) and f"{float(d['coverage']):.1%}"}
    meta = "".join(
        f"<div><dt>{k}</dt><dd>{_e(shown[key])}</dd></div>" for k, key in DOC_FIELDS if _s(shown[key])
    )
    rows = [
        [f'<span class="code">{_e(w["code"])}</span>', *(_e(w[k]) for k in WARNING_KEYS)] for w in warnings
    ]
    warning_table = (
        f"<details><summary>{len(warnings)} warnings</summary>{_table(WARNING_HEADERS, rows)}</details>"
        if warnings else '<p class="muted">no warnings</p>'
    )  # fmt: skip
    by_action: dict[str, list[dict]] = defaultdict(list)
    for e in events:
        by_action[_s(e["action_id"])].append(e)
    blocks = [_action(a, by_action.pop(_s(a["action_id"]), []), text) for a in actions]
    orphans = [e for group in by_action.values() for e in group]
    if orphans:
        blocks.append(_action({}, orphans, text))
    return (
        f'<section class="doc" id="doc-{i}"><h2>{_e(d["title"]) or _e(d["doc"])}</h2>'
        f'<dl class="meta">{meta}</dl>{warning_table}{"".join(blocks)}</section>'
    )


def _options(counts: Counter, names: dict[str, str], label: str) -> str:
    opts = [f'<option value="">all {label}</option>']
    for key in sorted(counts):
        text = f"{key} · {names[key]}" if names.get(key, key) != key else key
        opts.append(f'<option value="{escape(key, quote=True)}">{escape(text)} ({counts[key]})</option>')
    return "".join(opts)


def render_report(dataset) -> str:
    """The whole dataset as one self-contained, deterministic HTML page."""
    documents, actions = _records(dataset.documents), _records(dataset.actions)
    events, warnings = _records(dataset.events), _records(dataset.warnings)
    errors = _records(getattr(dataset, "errors", None))
    for i, e in enumerate(events):
        e["_dom"] = f"e{i}"  # DOM ids by position: event ids repeat when a file is given twice
    texts = _texts(dataset)
    by_file: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for kind, records in (("actions", actions), ("events", events), ("warnings", warnings)):
        for r in records:
            by_file[(kind, _s(r["source_file"]))].append(r)
    countries, names = _countries(events)
    types = Counter(_s(e["event_type"]) for e in events if _s(e["event_type"]))
    totals = " · ".join(
        f"{len(rows)} {noun}{'' if len(rows) == 1 else 's'}"
        for rows, noun in ((documents, "document"), (actions, "action"), (events, "event"),
                           (warnings, "warning"), (errors, "failed file"))
    )  # fmt: skip
    nav = " · ".join(f'<a href="#doc-{i}">{_e(d["doc"])}</a>' for i, d in enumerate(documents))
    filters = (
        '<form id="filters" autocomplete="off"><label>Country<select id="f-country">'
        f"{_options(countries, names, 'countries')}</select></label>"
        f'<label>Type<select id="f-type">{_options(types, {}, "types")}</select></label>'
        '<label>Start from<input type="date" id="f-from"></label>'
        '<label>to<input type="date" id="f-to"></label><button type="button" id="f-reset">Reset</button>'
        '<span class="legend muted"><span class="f-title">title</span><span class="f-loc">location</span>'
        '<span class="f-date">date</span><mark class="item flagged">flagged item</mark></span>'
        f'<span id="shown"><span id="shown-count">{len(events)}</span> events shown</span></form>'
    )
    failed = [[_e(r[k]) for k in ("file", "stage", "message")] for r in errors]
    failed = (
        f'<section class="box"><h2>Files that failed</h2>{_table(ERROR_HEADERS, failed)}</section>'
        if errors
        else ""
    )
    docs = "".join(
        _document(i, d, *(by_file[(k, _s(d["source_file"]))] for k in ("actions", "events", "warnings")),
                  texts.get(_s(d["source_file"])))
        for i, d in enumerate(documents)
    )  # fmt: skip
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<title>WCO events audit report</title><link rel="icon" href="data:,">'
        f"<style>{CSS}</style></head>\n<body><header><h1>WCO progress reports: events audit</h1>"
        f'<p class="muted">{totals}</p><p class="muted">{nav}</p></header>\n{filters}\n'
        f"<main>{_charts(events, countries, names)}{failed}\n{docs}</main>\n"
        f"<script>{JS}</script></body></html>\n"
    )


def _one_document(dataset, source_file: str):
    """The dataset restricted to one document, for its detail page."""
    from types import SimpleNamespace

    def rows(df):
        return df[df["source_file"] == source_file] if len(df) else df

    return SimpleNamespace(
        documents=rows(dataset.documents), actions=rows(dataset.actions), events=rows(dataset.events),
        warnings=rows(dataset.warnings), errors=None, texts={source_file: _texts(dataset).get(source_file)},
    )  # fmt: skip


def write_report(dataset, folder) -> list:
    """`report.html` (the overview, normalize/overview.py) and one detail page per
    document under `report/`, opened from the overview's links."""
    from pathlib import Path

    from .overview import render_overview

    folder = Path(folder)
    documents = dataset.documents.to_dict("records") if len(dataset.documents) else []
    details = [f"report/{i + 1:04d}-{d['doc_id']}.html" for i, d in enumerate(documents)]
    if documents:
        (folder / "report").mkdir(exist_ok=True)
    for d, link in zip(documents, details, strict=True):
        page = render_report(_one_document(dataset, d["source_file"]))
        (folder / link).write_text(page, encoding="utf-8", newline="\n")
    path = folder / "report.html"
    path.write_text(render_overview(dataset, details, folder), encoding="utf-8", newline="\n")
    return [path, *([folder / "report"] if documents else [])]
