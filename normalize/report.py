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
from collections import Counter, defaultdict
from html import escape

import pandas as pd

FIELD_CLASSES = (("title", "f-title"), ("location", "f-loc"), ("date", "f-date"))
EVENT_HEADERS = ("#", "kind", "title", "country", "city", "start", "end", "precision", "type", "conf.", "warnings")
TOP_COUNTRIES = 25

CSS = """
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1d2330;background:#f6f7f9}
header,main{padding:0 24px}h1{font-size:22px;margin:16px 0 4px}h2{font-size:18px;margin:0 0 6px}
h3{font-size:15px;margin:0 0 4px}.muted,.meta{color:#5b6475;font-size:12.5px}.hide{display:none!important}
#filters{position:sticky;top:0;z-index:2;background:#fff;border-bottom:1px solid #d8dce3;padding:8px 24px;
display:flex;flex-wrap:wrap;gap:12px;align-items:center;box-shadow:0 1px 3px #0001}
#filters label{font-size:12.5px;color:#5b6475}#filters select,#filters input{margin-left:4px}
#shown{font-weight:600;margin-left:auto}.legend span{margin-right:10px}
.charts{display:flex;flex-wrap:wrap;gap:16px;margin:16px 0}
figure{margin:0;background:#fff;border:1px solid #d8dce3;border-radius:6px;padding:8px 12px}
figcaption{font-weight:600;margin-bottom:4px}svg text{font-size:11px;fill:#1d2330}
svg rect{fill:#4a78c2}.doc{background:#fff;border:1px solid #d8dce3;border-radius:6px;margin:16px 0;padding:14px}
dl.meta{display:grid;grid-template-columns:repeat(auto-fill,minmax(190px,1fr));gap:2px 12px;margin:6px 0}
dl.meta div{display:flex;gap:6px}dl.meta dt{font-weight:600}dl.meta dd{margin:0}
.action{border-top:1px solid #e3e6eb;padding:10px 0}
.pair{display:grid;grid-template-columns:minmax(0,2fr) minmax(0,3fr);gap:12px;align-items:start}
.source{white-space:pre-wrap;font:12.5px/1.5 ui-monospace,Menlo,Consolas,monospace;background:#fbfbfc;
border:1px solid #e3e6eb;padding:8px;max-height:32em;overflow:auto}
mark.item{background:#fff1b8;border-radius:2px}mark.item.flagged{background:#ffd9b0;outline:1px dashed #d9822b}
mark.item:target{outline:2px solid #c0392b}.f-title{border-bottom:2px solid #2f6fde}
.f-loc{background:#c7efcf}.f-date{background:#e2d4f7}
mark.item.off,mark.item.off span{background:none;border:0;outline:0}
table{border-collapse:collapse;width:100%;font-size:12.5px}th,td{border:1px solid #e3e6eb;padding:2px 5px;
text-align:left;vertical-align:top}th{background:#eef1f5}tr.flagged td{background:#fff4e6}
.code{color:#b5461c;font-weight:600}td a{color:inherit}
"""

JS = """
"use strict";
(function () {
  var $ = function (id) { return document.getElementById(id); };
  var rows = Array.prototype.slice.call(document.querySelectorAll("tr.event-row"));
  var inputs = ["f-country", "f-type", "f-from", "f-to"].map($);
  function apply() {
    var country = inputs[0].value, type = inputs[1].value, from = inputs[2].value, to = inputs[3].value;
    var shown = 0;
    rows.forEach(function (row) {
      var d = row.dataset, ok = true;
      if (country && (";" + d.country + ";").indexOf(";" + country + ";") < 0) ok = false;
      if (type && d.type !== type) ok = false;
      if (ok && (from || to)) {
        var lo = (d.start + "-01-01").slice(0, 10), hi = (d.start + "-99-99").slice(0, 10);
        if (!d.start || (from && hi < from) || (to && lo > to)) ok = false;
      }
      row.classList.toggle("hide", !ok);
      var mark = $(d.src);
      if (mark) mark.classList.toggle("off", !ok);
      if (ok) shown++;
    });
    var active = Boolean(country || type || from || to);
    document.querySelectorAll(".action, .doc").forEach(function (box) {
      box.classList.toggle("hide", active && !box.querySelector("tr.event-row:not(.hide)"));
    });
    $("shown-count").textContent = String(shown);
  }
  inputs.forEach(function (el) {
    el.addEventListener("input", apply);
    el.addEventListener("change", apply);
  });
  $("f-reset").addEventListener("click", function () {
    inputs.forEach(function (el) { el.value = ""; });
    apply();
  });
  apply();
})();
"""


def _csp_hash(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode() + "'"


# Only the page's own style and script may run; nothing may be fetched.
CSP = (
    f"default-src 'none'; style-src {_csp_hash(CSS)}; script-src {_csp_hash(JS)}; img-src data:; "
    "base-uri 'none'; form-action 'none'"
)


def _s(value) -> str:
    """A cell as text: missing -> ''."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return str(value)


def _e(value) -> str:
    return escape(_s(value), quote=True)


def _int(value) -> int | None:
    return None if value is None or pd.isna(value) else int(value)


def _records(df) -> list[dict]:
    return [] if df is None or df.empty else df.to_dict("records")


def _texts(dataset) -> dict[str, str]:
    """source_file -> canonical document text, from `texts` or `normalized`."""
    texts = dict(getattr(dataset, "texts", None) or {})
    for n in getattr(dataset, "normalized", None) or ():
        texts.setdefault(n.document.source_file, n.document.text)
    return texts


# --- charts ---------------------------------------------------------------------------


def _bars(title: str, counts: list[tuple[str, str, int]], note: str = "") -> str:
    """A horizontal bar chart as inline SVG; counts are (label, tooltip, n)."""
    label_w, bar_w, row_h = 170, 260, 17
    top = max((n for _, _, n in counts), default=0) or 1
    height = row_h * len(counts) + 4
    parts = [
        f'<figure><figcaption>{escape(title)}</figcaption>'
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
    parts.append(f'</svg>{f"<p class=muted>{escape(note)}</p>" if note else ""}</figure>')
    return "".join(parts)


def _months_between(first: str, last: str) -> list[str]:
    y, m = int(first[:4]), int(first[5:7])
    months = []
    while f"{y:04d}-{m:02d}" <= last and len(months) < 600:
        months.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return months


def _charts(events: list[dict]) -> str:
    starts = [_s(e["start_date"]) for e in events]
    months = Counter(s[:7] for s in starts if len(s) >= 7 and s[4] == "-")
    span = _months_between(min(months), max(months)) if months else []
    undated = len(events) - sum(months.values())
    month_chart = _bars(
        "Events per month (start date)",
        [(m, m, months.get(m, 0)) for m in span],
        f"{undated} without a month" if undated else "",
    )
    countries: Counter[str] = Counter()
    names: dict[str, str] = {}
    for e in events:
        codes, labels = _s(e["country_iso3"]).split(";"), _s(e["country"]).split(";")
        for i, code in enumerate(c for c in codes if c):
            countries[code] += 1
            names.setdefault(code, labels[i] if i < len(labels) else code)
    ranked = sorted(countries.items(), key=lambda kv: (-kv[1], kv[0]))
    rows = [(f"{c} {names[c]}", names[c], n) for c, n in ranked[:TOP_COUNTRIES]]
    if len(ranked) > TOP_COUNTRIES:
        rest = ranked[TOP_COUNTRIES:]
        rows.append((f"{len(rest)} others", "other countries", sum(n for _, n in rest)))
    types = sorted(Counter(_s(e["event_type"]) or "(none)" for e in events).items(), key=lambda kv: (-kv[1], kv[0]))
    return (
        '<section class="charts">'
        + month_chart
        + _bars("Events per country", rows, f"{len(ranked)} countries" if ranked else "no country")
        + _bars("Events per type", [(t, t, n) for t, n in types])
        + "</section>"
    )


# --- documents ------------------------------------------------------------------------


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


def _event_row(e: dict) -> str:
    warnings = _s(e["warnings"])
    codes = " ".join(f'<span class="code">{escape(c)}</span>' for c in warnings.split(";") if c)
    confidence = _s(e["confidence"]) and f"{float(e['confidence']):.2f}"
    cells = [
        f'<a href="#src-{e["_dom"]}">{_e(e["item_no"])}</a>',
        _e(e["kind"]),
        _e(e["title"]),
        f'{_e(e["country_iso3"])}<br><span class="muted">{_e(e["country"])}</span>',
        *(_e(e[k]) for k in ("city", "start_date", "end_date", "date_precision", "event_type")),
        confidence,
        codes,
    ]
    return (
        f'<tr class="event-row{" flagged" if warnings else ""}" id="ev-{e["_dom"]}" '
        f'data-country="{_e(e["country_iso3"])}" data-type="{_e(e["event_type"])}" '
        f'data-start="{_e(e["start_date"])}" data-src="src-{e["_dom"]}">'
        + "".join(f"<td>{c}</td>" for c in cells)
        + "</tr>"
    )


def _action(a: dict, events: list[dict], text: str | None) -> str:
    spans = [(_int(e["char_start"]), _int(e["char_end"])) for e in events]
    spans = [(s, t) for s, t in spans if s is not None and t is not None]
    start, end = (min(s for s, _ in spans), max(t for _, t in spans)) if spans else (0, 0)
    if not spans and a:
        start, end = _int(a["char_start"]) or 0, _int(a["char_end"]) or 0
    if text is None:
        source = '<p class="muted">document text unavailable</p>'
    else:
        start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
        source = f'<div class="source">{_highlight(text, start, end, events)}</div>'
    if a:
        heading = f"Action {_e(a['action_no'])}: {_e(a['action_text'])}"
        meta = " · ".join(
            f"{label}: {_e(a[key])}"
            for label, key in (("section", "section_title"), ("responsible", "responsible_body"),
                               ("timeframe", "timeframe"), ("page", "page"))
            if _s(a[key])
        )  # fmt: skip
    else:
        heading, meta = "Items outside any action", ""
    table = (
        "<table><thead><tr>" + "".join(f"<th>{h}</th>" for h in EVENT_HEADERS) + "</tr></thead><tbody>"
        + "".join(_event_row(e) for e in events) + "</tbody></table>"
        if events else '<p class="muted">no items</p>'
    )  # fmt: skip
    return (
        f'<article class="action"><h3>{heading}</h3><p class="meta">{meta} · chars {start}–{end}'
        f" · {len(events)} items</p><div class=\"pair\">{source}{table}</div></article>"
    )


def _document(i: int, d: dict, actions: list[dict], events: list[dict], warnings: list[dict], text) -> str:
    fields = (
        ("doc", "doc"), ("type", "doc_type"), ("as of", "as_of"), ("issued", "issued"), ("format", "format"),
        ("pages", "page_count"), ("sections", "sections"), ("actions", "actions"), ("events", "events"),
        ("coverage", "coverage"), ("warnings", "warnings"), ("source", "source_file"),
    )  # fmt: skip
    meta = "".join(f"<div><dt>{label}</dt><dd>{_e(d[key])}</dd></div>" for label, key in fields)
    rows = "".join(
        f"<tr><td class=code>{_e(w['code'])}</td><td>{_e(w['detail'])}</td><td>{_e(w['action_no'])}</td>"
        f"<td>{_e(w['item_no'])}</td></tr>"
        for w in warnings
    )
    warning_table = (
        f"<details><summary>{len(warnings)} warnings</summary><table><thead><tr><th>code</th><th>detail</th>"
        f"<th>action</th><th>item</th></tr></thead><tbody>{rows}</tbody></table></details>"
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
        name = f" · {names[key]}" if names.get(key) and names[key] != key else ""
        opts.append(f'<option value="{escape(key, quote=True)}">{escape(key + name)} ({counts[key]})</option>')
    return "".join(opts)


def render_report(dataset) -> str:
    """The whole dataset as one self-contained, deterministic HTML page."""
    documents, actions = _records(dataset.documents), _records(dataset.actions)
    events, warnings = _records(dataset.events), _records(dataset.warnings)
    errors = _records(getattr(dataset, "errors", None))
    for i, e in enumerate(events):
        e["_dom"] = f"e{i}"
    texts = _texts(dataset)
    group = defaultdict(list)
    for kind, records in (("actions", actions), ("events", events), ("warnings", warnings)):
        for r in records:
            group[(kind, _s(r["source_file"]))].append(r)

    countries: Counter[str] = Counter()
    names: dict[str, str] = {}
    for e in events:
        labels = _s(e["country"]).split(";")
        for j, code in enumerate(c for c in _s(e["country_iso3"]).split(";") if c):
            countries[code] += 1
            names.setdefault(code, labels[j] if j < len(labels) else "")
    types = Counter(_s(e["event_type"]) for e in events if _s(e["event_type"]))

    totals = (
        f"{len(documents)} documents · {len(actions)} actions · {len(events)} events · "
        f"{len(warnings)} warnings · {len(errors)} failed files"
    )
    nav = " · ".join(f'<a href="#doc-{i}">{_e(d["doc"])}</a>' for i, d in enumerate(documents))
    filters = (
        f'<form id="filters" autocomplete="off"><label>Country<select id="f-country">'
        f"{_options(countries, names, 'countries')}</select></label>"
        f'<label>Type<select id="f-type">{_options(types, {}, "types")}</select></label>'
        '<label>Start from<input type="date" id="f-from"></label><label>to<input type="date" id="f-to"></label>'
        '<button type="button" id="f-reset">Reset</button><span class="legend muted">'
        '<span class="f-title">title</span><span class="f-loc">location</span><span class="f-date">date</span>'
        '<mark class="item flagged">flagged item</mark></span>'
        f'<span id="shown"><span id="shown-count">{len(events)}</span> events shown</span></form>'
    )
    error_rows = "".join(
        f"<tr><td>{_e(r['file'])}</td><td>{_e(r['stage'])}</td><td>{_e(r['message'])}</td></tr>" for r in errors
    )
    failed = (
        f"<section class=doc><h2>Files that failed</h2><table><thead><tr><th>file</th><th>stage</th>"
        f"<th>reason</th></tr></thead><tbody>{error_rows}</tbody></table></section>"
        if errors else ""
    )  # fmt: skip
    docs = "".join(
        _document(
            i, d,
            group[("actions", _s(d["source_file"]))],
            group[("events", _s(d["source_file"]))],
            group[("warnings", _s(d["source_file"]))],
            texts.get(_s(d["source_file"])),
        )
        for i, d in enumerate(documents)
    )  # fmt: skip
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<title>WCO events audit report</title><link rel="icon" href="data:,">'
        f"<style>{CSS}</style></head>\n<body><header><h1>WCO progress reports: events audit</h1>"
        f'<p class="muted">{totals}</p><p class="muted">{nav}</p></header>\n{filters}\n'
        f"<main>{_charts(events)}{failed}\n{docs}</main>\n<script>{JS}</script></body></html>\n"
    )
