"""Render the French reports of spec.py through producers the project did not write, and
write their gold.

    python tests/french/build.py            # needs chromium, pandoc and soffice on PATH

Writes tests/french/renderings/<name>.{html,txt} and
<name>__chromium.pdf, <name>__pandoc.docx, <name>__pandoc-lo.pdf, and
tests/fixtures/<name>.events.jsonl.  The renderings are committed: CI has none of the
three producers.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from tests.french.spec import NBSP, REPORTS, Region, Report  # noqa: E402

OUT = HERE / "renderings"
FIXTURES = HERE.parent / "fixtures"

_MONTHS = "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"


def typeset(text: str, report: Report) -> str:
    """French typography: a non-breaking space inside dates, before : ; and inside « »
    (report A only; report B keeps ordinary spaces)."""
    if report.name != "fr_clf_2017":
        return text
    text = re.sub(rf"(\d(?:er)?) ({_MONTHS})", rf"\1{NBSP}\2", text)
    text = re.sub(rf"({_MONTHS}) (\d{{4}})", rf"\1{NBSP}\2", text)
    for a, b in ((" :", f"{NBSP}:"), (" ;", f"{NBSP};"), ("« ", f"«{NBSP}"), (" »", f"{NBSP}»")):
        text = text.replace(a, b)
    return text


def _cell_items(report: Report, items) -> list[str]:
    """HTML of a Progress cell: report A lists items as <ul>, with underlined regions;
    report B writes each item as a paragraph opened by an en dash, regions in bold."""
    out, run = [], []

    def flush():
        if run:
            out.append("<ul>" + "".join(f"<li>{t}</li>" for t in run) + "</ul>")
            run.clear()

    for it in items:
        if isinstance(it, Region):
            flush()
            tag = "u" if report.name == "fr_clf_2017" else "strong"
            out.append(f"<p><{tag}>{html.escape(typeset(it.text, report), quote=False)}</{tag}></p>")
            continue
        text = html.escape(typeset(it[0], report), quote=False)
        if report.name == "fr_clf_2017":
            run.append(text)
        else:
            out.append(f"<p>– {text}</p>")
    flush()
    return out


def _remarks_column(report: Report) -> bool:
    return len(report.columns) == 6


def to_html(report: Report) -> str:
    a4 = report.name == "fr_clf_2017"
    css = (
        f"@page {{ size: A4 {'portrait' if a4 else 'landscape'}; margin: 18mm 15mm; }}"
        "body { font-family: 'DejaVu Serif', serif; font-size: 10pt; }"
        "table { border-collapse: collapse; width: 100%; margin-bottom: 12pt; }"
        "th, td { border: 0.75pt solid #000; vertical-align: top; padding: 3pt; text-align: left; }"
        "ul { margin: 0; padding-left: 14pt; } p { margin: 0 0 3pt 0; }"
        "h1 { font-size: 12pt; text-align: center; } h2 { font-size: 11pt; }"
        ".cover { text-align: center; margin: 0; }"
    )
    parts = ['<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">']
    parts.append(f"<style>{css}</style></head><body>")
    for line in report.cover:
        parts.append(f'<p class="cover">{html.escape(typeset(line, report), quote=False)}</p>')
    parts.append(f"<h1>{html.escape(typeset(report.title, report), quote=False)}</h1>")
    for heading, actions in report.sections:
        parts.append(f"<h2>{html.escape(heading, quote=False)}</h2>")
        widths = [5, 22, 15, 10, 48] if len(report.columns) == 5 else [4, 18, 12, 9, 40, 17]
        parts.append("<table><colgroup>" + "".join(f'<col width="{w}%">' for w in widths) + "</colgroup>")
        parts.append("<thead><tr>")
        parts.extend(f"<th>{html.escape(c, quote=False)}</th>" for c in report.columns)
        parts.append("</tr></thead><tbody>")
        for a in actions:
            cells = [a.no, a.text, a.body, a.timeframe]
            row = [f"<td>{html.escape(typeset(c, report), quote=False)}</td>" for c in cells]
            row.append("<td>" + "".join(_cell_items(report, a.items)) + "</td>")
            if _remarks_column(report):
                row.append(f"<td>{html.escape(typeset(a.remarks, report), quote=False)}</td>")
            parts.append("<tr>" + "".join(row) + "</tr>")
        parts.append("</tbody></table>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def to_text(report: Report) -> str:
    """The converted-text format of the seeds: tab-separated rows, lists as HTML."""
    out = [typeset(line, report) for line in report.cover] + ["", typeset(report.title, report), ""]
    for heading, actions in report.sections:
        out += [heading, "", "\t".join(report.columns)]
        for a in actions:
            cells = [typeset(c, report) for c in (a.no, a.text, a.body, a.timeframe)]
            cells.append("".join(_cell_items(report, a.items)))
            if _remarks_column(report):
                cells.append(typeset(a.remarks, report))
            out.append("\t".join(cells))
        out.append("")
    return "\n".join(out) + "\n"


def gold(report: Report) -> list[dict]:
    rows = []
    for section_no, (heading, actions) in enumerate(report.sections, 1):
        category = heading.split(". ", 1)[1]
        for a in actions:
            region, n = None, 0
            for it in a.items:
                if isinstance(it, Region):
                    region = it.text.rstrip(" :").removeprefix("Région ")
                    continue
                n += 1
                text, g = it
                start, end = g["start_date"], g["end_date"]
                precision = None if start is None else {10: "day", 7: "month", 4: "year"}[len(start)]
                rows.append({
                    "doc": report.name, "section_no": section_no, "category": category,
                    "action_no": int(a.no), "item_no": n, "region": region,
                    "source_text": typeset(text, report), "title": typeset(g["title"], report),
                    "country": None, "city": g["city"], "start_date": start, "end_date": end,
                    "date_precision": precision, "country_iso3": g["country_iso3"],
                    "accept": g["accept"], "kind": g["kind"], "event_type": g["event_type"],
                })  # fmt: skip
    return rows


def _run(cmd: list[str], cwd: Path | None = None) -> None:
    subprocess.run(cmd, check=True, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def render(report: Report) -> None:
    OUT.mkdir(exist_ok=True)
    src = OUT / f"{report.name}.html"
    src.write_text(to_html(report), encoding="utf-8")
    (OUT / f"{report.name}.txt").write_text(to_text(report), encoding="utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        _run([
            "chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            f"--user-data-dir={tmp}", "--no-pdf-header-footer",
            f"--print-to-pdf={OUT / f'{report.name}__chromium.pdf'}", src.as_uri(),
        ])  # fmt: skip
    docx = OUT / f"{report.name}__pandoc.docx"
    _run(["pandoc", "-f", "html", "-o", str(docx), str(src)])
    with tempfile.TemporaryDirectory() as tmp:
        _run(["soffice", f"-env:UserInstallation=file://{tmp}/lo", "--headless", "--convert-to", "pdf",
              "--outdir", tmp, str(docx)])  # fmt: skip
        shutil.move(Path(tmp) / f"{docx.stem}.pdf", OUT / f"{report.name}__pandoc-lo.pdf")
    lines = [json.dumps(r, ensure_ascii=False) for r in gold(report)]
    (FIXTURES / f"{report.name}.events.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    for r in REPORTS:
        render(r)
        print(r.name)
