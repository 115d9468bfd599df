"""Zoo renderers that go through markup: the converted-text rendering (the
reference every other rendering is compared with), and HTML, which headless
Chromium prints to PDF and pandoc turns into Word."""

from __future__ import annotations

import html

from .spec import HEADER_TEXT, Layout, Report, notes_in_order

_PAGE = {"A4": (210, 297), "Letter": (216, 279), "A5": (148, 210)}


def to_text(report: Report, layout: Layout) -> str:
    """The seeds' converted-text format: tab-separated rows, lists as HTML."""
    cols = layout.columns(report)
    out = []
    for block in report.blocks:
        if block.kind != "table":
            out.append(block.text + "\n")
            continue
        out.append("\t".join(HEADER_TEXT[c] for c in cols))
        for a in block.actions:
            cells = []
            for c in cols:
                if c != "progress":
                    cells.append(a.value(c))
                    continue
                parts = []
                for e in a.progress:
                    if e.kind == "region":
                        parts.append(f"<p><u>{html.escape(e.text)}</u></p>")
                    elif e.kind == "prose":
                        parts.append(f"<p>{html.escape(e.text)}</p>")
                    else:
                        parts.append(f"<ul><li>{html.escape(e.text)}</li></ul>")
                cells.append("".join(parts))
            out.append("\t".join(cells))
        out.append("")
    return "\n".join(out) + "\n"


def _css(layout: Layout, code: str) -> str:
    w, h = _PAGE[layout.page]
    if layout.landscape:
        w, h = h, w
    border = "0.75pt solid #000"
    rules = {
        "grid": f"th, td {{ border: {border}; }}",
        "hrules": f"th, td {{ border-top: {border}; border-bottom: {border}; }}",
        "vrules": f"th, td {{ border-left: {border}; border-right: {border}; }}"
        f" table {{ border-bottom: {border}; }}",
        "none": "",
    }[layout.rules]
    bullets = (
        "ul { margin: 0; padding-left: 14pt; }"
        if layout.bullets == "shape"
        else ("ul { margin: 0; padding-left: 0; list-style: none; }")
    )
    furniture = ""
    if layout.furniture and not layout.browser_hf:  # the browser's own header and footer replace these
        furniture = (
            f'@top-right {{ content: "{code}"; font-size: 8pt; }}'
            ' @bottom-center { content: counter(page) "."; font-size: 9pt; }'
        )
    return f"""
@page {{ size: {w}mm {h}mm; margin: 16mm 14mm; {furniture} }}
body {{ font-family: '{layout.font}'; font-size: {layout.size}pt; }}
table {{ border-collapse: collapse; width: 100%; }}
th, td {{ vertical-align: top; padding: 3pt 5pt; text-align: left; }}
th {{ font-weight: bold; }}
{rules}
{bullets}
p {{ margin: 0 0 4pt 0; }}
td p {{ margin: 0; }}
li {{ margin: 0 0 2pt 0; }}
.notes {{ font-size: 8pt; margin-top: 10pt; }}
sup {{ font-size: 65%; }}
"""


def _entry_html(entry, layout: Layout, marks: dict) -> str:
    text = html.escape(entry.text)
    if entry.note and layout.footnotes:
        text += f"<sup>{marks[entry.note]}</sup>"
    if entry.kind == "region":
        return f"<p><u>{text}</u></p>"
    if entry.kind == "prose":
        return f"<p>{text}</p>"
    prefix = {"char": "• ", "typed": "- "}.get(layout.bullets, "")
    return f"<li>{prefix}{text}</li>"


def _progress_html(action, layout: Layout, marks: dict) -> str:
    out, in_list = [], False
    for e in action.progress:
        is_item = e.kind == "item"
        if is_item and not in_list:
            out.append("<ul>")
        if not is_item and in_list:
            out.append("</ul>")
        in_list = is_item
        out.append(_entry_html(e, layout, marks))
    if in_list:
        out.append("</ul>")
    return "".join(out)


def _header_html(cols: list[str], layout: Layout) -> str:
    if layout.header_rows == 1:
        return "<tr>" + "".join(f"<th>{HEADER_TEXT[c]}</th>" for c in cols) + "</tr>"
    # A group cell above the last two columns: `Implementation` over them.
    top = "".join(f'<th rowspan="2">{HEADER_TEXT[c]}</th>' for c in cols[:-2])
    top += '<th colspan="2">Implementation</th>'
    second = "".join(f"<th>{HEADER_TEXT[c]}</th>" for c in cols[-2:])
    return f"<tr>{top}</tr><tr>{second}</tr>"


def to_html(report: Report, layout: Layout) -> str:
    cols = layout.columns(report)
    marks = {e.note: i for i, e in enumerate(notes_in_order(report), start=1)}
    body = []
    table_open = False
    for block in report.blocks:
        if block.kind == "heading" and layout.section_rows:
            if not table_open:
                body.append(f"<table><thead>{_header_html(cols, layout)}</thead><tbody>")
                table_open = True
            body.append(f'<tr><td colspan="{len(cols)}"><b>{html.escape(block.text)}</b></td></tr>')
            continue
        if block.kind != "table":
            if table_open:
                body.append("</tbody></table>")
                table_open = False
            tag = {"title": "h3", "heading": "h4"}.get(block.kind, "p")
            body.append(f"<{tag}>{html.escape(block.text)}</{tag}>")
            continue
        if not table_open:
            body.append(f"<table><thead>{_header_html(cols, layout)}</thead><tbody>")
            table_open = True
        for a in block.actions:
            cells = [
                _progress_html(a, layout, marks) if c == "progress" else html.escape(a.value(c)) for c in cols
            ]
            body.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
        if not layout.section_rows:
            body.append("</tbody></table>")
            table_open = False
    if table_open:
        body.append("</tbody></table>")
    if layout.footnotes and marks:
        notes = "".join(f"<p><sup>{i}</sup> {html.escape(n)}</p>" for n, i in marks.items())
        body.append(f'<div class="notes">{notes}</div>')
    title = html.escape(next((b.text for b in report.blocks if b.kind == "title"), report.name))
    return (
        f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title>'
        f"<style>{_css(layout, report.code)}</style></head><body>{''.join(body)}</body></html>"
    )
