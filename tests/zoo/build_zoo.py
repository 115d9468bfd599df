"""Build the layout zoo: each report (a seed, and invented reports with hand-written
gold) rendered by independent producers under many layout parameters. The
renderings are committed, so the tests need none of these tools.

    .venv/bin/python -m tests.zoo.build_zoo [NAME_FILTER]

Producers: headless Chromium printing HTML (/usr/bin/chromium), python-docx then
LibreOffice to PDF (/usr/bin/soffice), pandoc to Word (/usr/bin/pandoc), and fpdf2
drawing the PDF itself. A new layout is one `Layout(...)` line in LAYOUTS.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.zoo.render_docx import render_docx  # noqa: E402
from tests.zoo.render_fpdf import render_fpdf  # noqa: E402
from tests.zoo.render_html import to_html, to_text  # noqa: E402
from tests.zoo.spec import RENDERINGS, SOURCES, Layout, Report, from_seed, from_toml  # noqa: E402

SEED = ROOT / "samples" / "000_f9a85ca6c4980ec5.txt"
REORDERED = ("no", "action", "progress", "responsible_body", "timeframe")

# (report, layout): every rendering in the zoo.
LAYOUTS: list[tuple[str, Layout]] = [
    # seed 000: 144 events over ~10 pages, rows cut by page breaks everywhere
    ("seed", Layout("chromium-grid-hf", "chromium", "grid", browser_hf=True)),
    (
        "seed",
        Layout(
            "chromium-none-letter-landscape",
            "chromium",
            "none",
            landscape=True,
            page="Letter",
            browser_hf=True,
            font="DejaVu Sans",
            size=9,
        ),
    ),  # fmt: skip
    (
        "seed",
        Layout(
            "chromium-hrules-sectionrows",
            "chromium",
            "hrules",
            section_rows=True,
            font="Liberation Serif",
            size=9,
        ),
    ),  # fmt: skip
    ("seed", Layout("fpdf-hrules-char", "fpdf", "hrules", bullets="char", size=9)),
    ("seed", Layout("fpdf-none-shape-landscape", "fpdf", "none", landscape=True, size=9)),
    ("seed", Layout("lo-2rows-typed", "libreoffice", "hrules", header_rows=2, bullets="typed")),
    ("seed", Layout("pandoc", "pandoc", "grid")),
    # invented reports: every parameter, footnotes on some items
    *[
        (name, layout)
        for name in ("zoo_a", "zoo_b")
        for layout in (
            Layout(
                "chromium-grid-2rows-remarks-hf",
                "chromium",
                "grid",
                header_rows=2,
                extra_column=True,
                browser_hf=True,
            ),  # fmt: skip
            Layout(
                "chromium-none-reordered",
                "chromium",
                "none",
                order=REORDERED,
                extra_column=True,
                font="DejaVu Sans",
                size=11,
            ),  # fmt: skip
            Layout(
                "chromium-hrules-sectionrows-a5",
                "chromium",
                "hrules",
                section_rows=True,
                page="A5",
                size=8,
                browser_hf=True,
            ),  # fmt: skip
            Layout("chromium-vrules-char", "chromium", "vrules", bullets="char", landscape=True),
            Layout(
                "fpdf-none-shape-a5", "fpdf", "none", page="A5", size=8, landscape=True, extra_column=True
            ),
            Layout(
                "fpdf-grid-char-2rows",
                "fpdf",
                "grid",
                header_rows=2,
                bullets="char",
                extra_column=True,
                font="Liberation Serif",
            ),  # fmt: skip
            Layout(
                "fpdf-hrules-sectionrows-letter",
                "fpdf",
                "hrules",
                section_rows=True,
                page="Letter",
                font="DejaVu Sans",
                size=10,
            ),  # fmt: skip
            Layout("lo-grid-2rows-remarks", "libreoffice", "grid", header_rows=2, extra_column=True),
            Layout(
                "lo-none-typed-landscape",
                "libreoffice",
                "none",
                bullets="typed",
                landscape=True,
                order=REORDERED,
                font="Liberation Serif",
            ),  # fmt: skip
            Layout("pandoc", "pandoc", "grid", extra_column=True),
        )
    ],
    # pandoc's Word file printed by LibreOffice: a Progress column ~26 pt wide, words
    # broken mid-word across lines with no hyphen (`Nati` / `onal`)
    ("zoo_a", Layout("lo-pandoc-narrow", "pandoc-libreoffice", "grid", extra_column=True)),
]


def report(name: str) -> Report:
    if name == "seed":
        return from_seed(SEED, "EC0548E1a")
    return from_toml(SOURCES / f"{name}.toml")


def _run(cmd: list[str], home: str) -> None:
    subprocess.run(cmd, check=True, capture_output=True, timeout=300,
                   env={"HOME": home, "PATH": "/usr/bin:/bin"})  # fmt: skip


def render(rep: Report, layout: Layout, out: Path) -> Path:
    with tempfile.TemporaryDirectory() as tmp:
        if layout.producer == "fpdf":
            path = out.with_suffix(".pdf")
            render_fpdf(rep, layout, path)
            return path
        if layout.producer == "chromium":
            page = Path(tmp) / f"{rep.name}.html"
            page.write_text(to_html(rep, layout), encoding="utf-8")
            path = out.with_suffix(".pdf")
            flags = [] if layout.browser_hf else ["--no-pdf-header-footer"]
            _run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", *flags,
                  f"--print-to-pdf={path}", page.as_uri()], tmp)  # fmt: skip
            return path
        if layout.producer in ("pandoc", "pandoc-libreoffice"):
            page = Path(tmp) / f"{rep.name}.html"
            page.write_text(to_html(rep, layout), encoding="utf-8")
            word = Path(tmp) / f"{out.name}.docx"
            _run(["pandoc", "-f", "html", "-t", "docx", "-o", str(word), str(page)], tmp)
            if layout.producer == "pandoc":
                shutil.copy(word, out.with_suffix(".docx"))
                return out.with_suffix(".docx")
            _run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", tmp, str(word)], tmp)
            shutil.copy(word.with_suffix(".pdf"), out.with_suffix(".pdf"))
            return out.with_suffix(".pdf")
        docx_path = Path(tmp) / f"{out.name}.docx"
        render_docx(rep, layout, docx_path)
        _run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", tmp, str(docx_path)], tmp)
        path = out.with_suffix(".pdf")
        shutil.copy(docx_path.with_suffix(".pdf"), path)
        return path


def main() -> None:
    only = sys.argv[1] if len(sys.argv) > 1 else ""
    RENDERINGS.mkdir(exist_ok=True)
    reports = {name: report(name) for name in {n for n, _ in LAYOUTS}}
    for name, rep in reports.items():  # the reference rendering every other one is compared with
        plain = Layout("text", "text", extra_column=name != "seed")
        (RENDERINGS / f"{rep.name}.txt").write_text(to_text(rep, plain), encoding="utf-8")
    for name, layout in LAYOUTS:
        rep = reports[name]
        if only and only not in f"{rep.name}__{layout.name}":
            continue
        path = render(rep, layout, RENDERINGS / f"{rep.name}__{layout.name}")
        print(f"wrote {path.relative_to(ROOT)} ({path.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main()
