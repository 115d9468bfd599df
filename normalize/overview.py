"""The report's first page (`report.html`): counts, charts, a document table, and
every event in one filtered, paged table; the per-document detail (source text with
each item highlighted, `normalize/report.py`) is a page of its own under `report/`,
opened on demand, so the first page stays small however many documents there are.

The events travel as one JSON block (not executed: the Content Security Policy lets
only the page's own script run) and the script draws the current page of rows and the
charts from the filtered events, so filters, charts and the count always agree.
Filters: document, kind, type, country, start date range, warning code, minimum
confidence, free text (title, city, country). A PDF event links to its page in the source (`file.pdf#page=N`).
"""

from __future__ import annotations

import json
import os
from html import escape
from pathlib import Path

from .report import content_security_policy

PAGE_SIZE = 100
# One array per event, in this order (names as the script uses them): smaller than objects.
FIELDS = ["d", "n", "a", "i", "k", "ti", "c", "ci", "si", "ei", "s", "e", "t", "f", "w", "p"]

CSS = """
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1d2330;background:#f6f7f9}
header,main{padding:0 24px}h1{font-size:22px;margin:16px 0 4px}h2{font-size:17px;margin:0 0 6px}
.muted{color:#5b6475;font-size:12.5px}.code{color:#b5461c;font-weight:600;margin-right:4px}
#filters{position:sticky;top:0;z-index:2;background:#fff;border-bottom:1px solid #d8dce3;padding:8px 24px;
display:flex;flex-wrap:wrap;gap:10px;align-items:center;box-shadow:0 1px 3px #0001}
#filters label{font-size:12.5px;color:#5b6475}#filters select,#filters input{margin-left:4px;max-width:16em}
#shown{font-weight:600;margin-left:auto}#f-conf{width:5em}.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(320px,1fr));
gap:16px;margin:16px 0}.box{background:#fff;border:1px solid #d8dce3;border-radius:6px;padding:12px;overflow:auto}
.scroll{max-height:24em;overflow:auto}table{border-collapse:collapse;width:100%;font-size:12.5px}
th,td{border:1px solid #e3e6eb;padding:2px 5px;text-align:left;vertical-align:top}th{background:#eef1f5;position:sticky;top:0}
.bar{background:#4a78c2;height:10px;display:inline-block;vertical-align:middle;margin-right:4px}
td.n{text-align:right;white-space:nowrap}tr.flagged td{background:#fff4e6}#pager{margin:8px 0;display:flex;gap:8px;align-items:center}
"""

JS = """
"use strict";
(function () {
  var $ = function (id) { return document.getElementById(id); };
  var data = JSON.parse($("data").textContent);
  var docs = data.docs, page = 0;
  var events = data.events.map(function (r) {
    var e = {}; data.fields.forEach(function (k, j) { e[k] = r[j]; });
    e.x = (e.ti + " " + e.ci + " " + (data.countries[e.c] || "")).toLowerCase(); return e;
  }), shown = events;
  var F = ["f-doc", "f-kind", "f-type", "f-country", "f-from", "f-to", "f-warning", "f-conf", "f-text"].map($);
  function text(tag, value, cls) {
    var el = document.createElement(tag); el.textContent = value == null ? "" : String(value);
    if (cls) el.className = cls; return el;
  }
  function link(value, href) { var a = text("a", value); a.href = href; return a; }
  function keep(e) {
    var d = F[0].value, k = F[1].value, t = F[2].value, c = F[3].value, from = F[4].value, to = F[5].value;
    var w = F[6].value, conf = parseFloat(F[7].value || "0"), q = F[8].value.trim().toLowerCase();
    if (d && String(e.d) !== d) return false;
    if (k && e.k !== k) return false;
    if (t && e.t !== t) return false;
    if (c && (";" + e.c + ";").indexOf(";" + c + ";") < 0) return false;
    if ((from || to) && !e.s) return false;
    if (from && e.e < from) return false;
    if (to && e.s > to) return false;
    if (w && e.w.indexOf(w) < 0) return false;
    if (e.f < conf) return false;
    if (q && e.x.indexOf(q) < 0) return false;
    return true;
  }
  function bars(id, counts, limit) {
    var box = $(id), rows = Object.keys(counts).map(function (k) { return [k, counts[k]]; });
    rows.sort(function (a, b) { return b[1] - a[1] || (a[0] < b[0] ? -1 : 1); });
    if (id === "c-year") rows.sort(function (a, b) { return a[0] < b[0] ? -1 : 1; });
    var top = rows.reduce(function (m, r) { return Math.max(m, r[1]); }, 1), table = document.createElement("table");
    rows.slice(0, limit || rows.length).forEach(function (r) {
      var tr = document.createElement("tr"), bar = text("span", "", "bar");
      bar.style.width = Math.max(1, Math.round(160 * r[1] / top)) + "px";
      tr.appendChild(text("td", r[0])); var n = text("td", "", "n"); n.appendChild(bar);
      n.appendChild(document.createTextNode(String(r[1]))); tr.appendChild(n); table.appendChild(tr);
    });
    box.replaceChildren(table);
  }
  function charts() {
    var years = {}, types = {}, countries = {}, perDoc = {};
    shown.forEach(function (e) {
      var y = e.s ? e.s.slice(0, 4) : "(no date)"; years[y] = (years[y] || 0) + 1;
      types[e.t] = (types[e.t] || 0) + 1; perDoc[e.d] = (perDoc[e.d] || 0) + 1;
      (e.c ? e.c.split(";") : ["(no country)"]).forEach(function (c) {
        var name = c + (data.countries[c] ? " · " + data.countries[c] : ""); countries[name] = (countries[name] || 0) + 1;
      });
    });
    bars("c-year", years); bars("c-type", types); bars("c-country", countries);
    $("c-country-n").textContent = String(Object.keys(countries).length);
    document.querySelectorAll("td.doc-shown").forEach(function (td) { td.textContent = String(perDoc[td.dataset.d] || 0); });
  }
  function rows() {
    var body = $("events-body"), start = page * data.pageSize, part = shown.slice(start, start + data.pageSize);
    body.replaceChildren();
    part.forEach(function (e) {
      var tr = document.createElement("tr"), doc = docs[e.d];
      if (e.w.length) tr.className = "flagged";
      var where = document.createElement("td"); where.appendChild(link(doc.doc + " " + e.a + "." + e.i, doc.detail + "#src-e" + e.n));
      tr.appendChild(where);
      [e.k, e.ti, e.c, e.ci, e.si, e.ei, e.t, e.f.toFixed(2)].forEach(function (v) { tr.appendChild(text("td", v)); });
      var w = document.createElement("td"); e.w.forEach(function (c) { w.appendChild(text("span", c, "code")); });
      tr.appendChild(w);
      var src = document.createElement("td");
      if (e.p) src.appendChild(link("p. " + e.p, doc.pdf ? doc.pdf + "#page=" + e.p : doc.detail + "#src-e" + e.n));
      tr.appendChild(src); body.appendChild(tr);
    });
    var pages = Math.max(1, Math.ceil(shown.length / data.pageSize));
    $("page-label").textContent = "page " + (page + 1) + " of " + pages;
    $("prev").disabled = page === 0; $("next").disabled = page >= pages - 1;
  }
  function apply() {
    shown = events.filter(keep); page = 0;
    $("shown-count").textContent = String(shown.length); charts(); rows();
  }
  F.forEach(function (el) { el.oninput = el.onchange = apply; });
  $("f-reset").onclick = function () { F.forEach(function (el) { el.value = ""; }); apply(); };
  $("prev").onclick = function () { page = Math.max(0, page - 1); rows(); };
  $("next").onclick = function () { page += 1; rows(); };
  apply();
})();
"""


CSP = content_security_policy(CSS, JS)


def _s(v) -> str:
    if v is None or (isinstance(v, float) and v != v):
        return ""
    if isinstance(v, (list, tuple)):
        return ";".join(map(str, v))
    try:
        import pandas as pd

        if pd.isna(v):
            return ""
    except (TypeError, ValueError):
        pass
    return v.isoformat() if hasattr(v, "isoformat") else str(v)


def _options(values, label: str, names: dict | None = None) -> str:
    opts = [f'<option value="">all {escape(label)}</option>']
    for v in sorted(values):
        shown = f"{v} · {names[v]}" if names and names.get(v) else v
        opts.append(f'<option value="{escape(v, quote=True)}">{escape(shown)}</option>')
    return "".join(opts)


def _source_link(source_file: str, folder: Path | None) -> str:
    """The source file relative to the report's folder, as a URL path."""
    from urllib.parse import quote

    if folder is None:
        return ""
    rel = os.path.relpath(os.path.abspath(source_file), os.path.abspath(folder))
    return quote(rel.replace(os.sep, "/"))


def render_overview(dataset, details: list[str], folder: Path | None = None) -> str:
    """The first page; `details[i]` is the link to document i's detail page."""
    documents = dataset.documents.to_dict("records") if len(dataset.documents) else []
    index = {d["source_file"]: i for i, d in enumerate(documents)}
    docs, events, countries, types, codes = [], [], {}, set(), set()
    for i, d in enumerate(documents):
        pdf = d["format"] == "pdf"
        docs.append(
            {
                "doc": d["doc"],
                "detail": details[i],
                "pdf": _source_link(d["source_file"], folder) if pdf else "",
            }
        )
    position: dict[int, int] = {}
    for e in dataset.events.to_dict("records") if len(dataset.events) else []:
        di = index.get(e["source_file"], 0)
        n = position.get(di, 0)
        position[di] = n + 1
        warnings = list(e["warnings"] or [])
        codes.update(warnings)
        types.add(e["event_type"])
        for code, name in zip(_s(e["country_iso3"]).split(";"), _s(e["country"]).split("; "), strict=False):
            if code:
                countries.setdefault(code, name)
        events.append([
            di, n, _s(e["action_no"]), _s(e["item_no"]), e["kind"], e["title"], _s(e["country_iso3"]),
            _s(e["city"]), _s(e["start_iso"]), _s(e["end_iso"]), _s(e["start_date"]), _s(e["end_date"]),
            e["event_type"], float(e["confidence"]), warnings, _s(e["page"]),
        ])  # fmt: skip
    payload = json.dumps(
        {"docs": docs, "fields": FIELDS, "events": events, "countries": countries, "pageSize": PAGE_SIZE},
        ensure_ascii=False, separators=(",", ":"), sort_keys=True,
    ).replace("<", "\\u003c")  # fmt: skip
    doc_rows = "".join(
        f'<tr><td><a href="{escape(details[i], quote=True)}">{escape(_s(d["doc"]))}</a></td>'
        f"<td>{escape(_s(d['format']))}</td><td>{escape(_s(d['title']))}</td>"
        f'<td class="n">{d["events"]}</td><td class="n doc-shown" data-d="{i}"></td>'
        f'<td class="n">{d["warnings"]}</td><td class="n">{float(d["coverage"]):.1%}</td></tr>'
        for i, d in enumerate(documents)
    )
    errors = dataset.errors.to_dict("records") if len(dataset.errors) else []
    failed = "".join(
        f"<tr><td>{escape(_s(r['file']))}</td><td>{escape(_s(r['message']))}</td></tr>" for r in errors
    )
    totals = (
        f"{len(documents)} documents · {len(dataset.actions)} actions · {len(events)} events · "
        f"{len(dataset.warnings)} warnings · {len(errors)} failed files"
    )
    filters = (
        '<form id="filters" autocomplete="off">'
        '<label>Document<select id="f-doc"><option value="">all documents</option>'
        + "".join(f'<option value="{i}">{escape(_s(d["doc"]))}</option>' for i, d in enumerate(documents))
        + "</select></label>"
        f'<label>Kind<select id="f-kind">{_options({"event", "development"}, "kinds")}</select></label>'
        f'<label>Type<select id="f-type">{_options(types, "types")}</select></label>'
        f'<label>Country<select id="f-country">{_options(countries, "countries", countries)}</select></label>'
        '<label>From<input type="date" id="f-from"></label><label>to<input type="date" id="f-to"></label>'
        f'<label>Warning<select id="f-warning">{_options(codes, "warnings")}</select></label>'
        '<label>Confidence ≥<input type="number" id="f-conf" min="0" max="1" step="0.05"></label>'
        '<label>Text<input type="search" id="f-text" placeholder="title, city or country"></label>'
        '<button type="button" id="f-reset">Reset</button>'
        f'<span id="shown"><span id="shown-count">{len(events)}</span> events shown</span></form>'
    )
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<title>WCO events report</title><link rel="icon" href="data:,">'
        f"<style>{CSS}</style></head>\n<body><header><h1>WCO progress reports: events</h1>"
        f'<p class="muted">{totals}</p></header>\n{filters}\n<main>'
        '<section class="grid"><div class="box"><h2>Events per year (start)</h2><div id="c-year"></div></div>'
        '<div class="box"><h2>Events per type</h2><div id="c-type"></div></div>'
        '<div class="box"><h2>Events per country (<span id="c-country-n"></span>)</h2>'
        '<div id="c-country" class="scroll"></div></div></section>'
        '<section class="box"><h2>Documents</h2><div class="scroll"><table><thead><tr><th>document</th>'
        "<th>format</th><th>title</th><th>events</th><th>shown</th><th>warnings</th><th>coverage</th></tr></thead>"
        f"<tbody>{doc_rows}</tbody></table></div></section>"
        + (
            f'<section class="box"><h2>Files that failed</h2><table>{failed}</table></section>'
            if errors
            else ""
        )
        + '<section class="box"><h2>Events</h2><div id="pager"><button type="button" id="prev">previous</button>'
        '<span id="page-label"></span><button type="button" id="next">next</button></div>'
        "<table><thead><tr><th>where</th><th>kind</th><th>title</th><th>country</th><th>city</th><th>start</th>"
        "<th>end</th><th>type</th><th>conf.</th><th>warnings</th><th>source</th></tr></thead>"
        '<tbody id="events-body"></tbody></table></section></main>\n'
        f'<script type="application/json" id="data">{payload}</script>\n'
        f"<script>{JS}</script></body></html>\n"
    )
