"""Zoo renderer that draws the PDF directly with fpdf2, as a publishing tool
would: its own table layout (rows cut line by line at page breaks, header
repeated), bullets drawn as filled circles or set as glyphs, footnotes at the
foot of the page with superscript markers, `Page N of M` footers."""

from __future__ import annotations

from dataclasses import dataclass

from .spec import HEADER_TEXT, Layout, Report, notes_in_order

_FONTS = {
    "DejaVu Sans": "/usr/share/fonts/truetype/dejavu/DejaVuSans{}.ttf",
    "Liberation Serif": "/usr/share/fonts/truetype/liberation/LiberationSerif-{}.ttf",
    "Liberation Sans": "/usr/share/fonts/truetype/liberation/LiberationSans-{}.ttf",
}
_STYLE_FILE = {
    "DejaVu Sans": {"": "", "B": "-Bold"},
    "Liberation Serif": {"": "Regular", "B": "Bold"},
    "Liberation Sans": {"": "Regular", "B": "Bold"},
}
_WEIGHT = {"no": 1.0, "action": 3.0, "responsible_body": 2.4, "work_programme": 2.0, "timeframe": 2.2,
           "progress": 4.6, "remarks": 2.2}  # fmt: skip
PAD = 4.0
INDENT = 10.0  # hanging indent of a list entry


@dataclass
class Line:
    text: str
    x: float  # offset in the cell
    bullet: bool = False
    bold: bool = False
    underline: bool = False
    mark: str = ""  # footnote marker drawn after the text


class Zoo:
    def __init__(self, report: Report, layout: Layout) -> None:
        from fpdf import FPDF

        self.report, self.layout = report, layout
        fmt = {"A4": "A4", "Letter": "letter", "A5": "A5"}[layout.page]
        self.pdf = FPDF(orientation="L" if layout.landscape else "P", unit="pt", format=fmt)
        self.pdf.set_auto_page_break(False)
        self.pdf.set_creator("wco-progress layout zoo")
        self.pdf.set_creation_date(__import__("datetime").datetime(2020, 1, 1))
        for style, suffix in _STYLE_FILE[layout.font].items():
            self.pdf.add_font(layout.font, style, _FONTS[layout.font].format(suffix))
        self.size = layout.size
        self.lh = self.size * 1.25
        self.margin = 28.0 if layout.page == "A5" else 42.0
        self.cols = layout.columns(report)
        total = sum(_WEIGHT[c] for c in self.cols)
        width = self.pdf.w - 2 * self.margin
        self.widths = [width * _WEIGHT[c] / total for c in self.cols]
        self.marks = {e.note: i for i, e in enumerate(notes_in_order(report), start=1)}
        self.page_notes: list[int] = []
        self.bottom = self.pdf.h - self.margin - 14
        self.total = 0  # pages, known after a first pass

    # --- page furniture ---------------------------------------------------------
    def new_page(self) -> None:
        if self.pdf.page:
            self.finish_page()
        self.pdf.add_page()
        self.y = self.margin
        if self.layout.furniture:
            self.pdf.set_font(self.layout.font, "", 8)
            x = self.pdf.w - self.margin - self.pdf.get_string_width(self.report.code)
            self.pdf.text(x, 24, self.report.code)

    def finish_page(self) -> None:
        pdf = self.pdf
        if self.page_notes and self.layout.footnotes:
            y = self.bottom + 4 - 10 * len(self.page_notes)
            pdf.set_line_width(0.5)
            pdf.line(self.margin, y - 4, self.margin + 120, y - 4)
            for i in self.page_notes:
                note = next(n for n, k in self.marks.items() if k == i)
                pdf.set_font(self.layout.font, "", 5)
                pdf.text(self.margin, y + 3, str(i))
                pdf.set_font(self.layout.font, "", 8)
                pdf.text(self.margin + 5, y + 7, note)
                y += 10
        self.page_notes = []
        if self.layout.furniture:
            pdf.set_font(self.layout.font, "", 8)
            label = f"Page {pdf.page} of {self.total or '?'}"
            pdf.text(pdf.w / 2 - 20, pdf.h - 22, label)

    def room(self) -> float:
        reserve = 10 * (len(self.page_notes) + 1) if self.layout.footnotes else 0
        return self.bottom - reserve

    # --- text -----------------------------------------------------------------
    def wrap(self, text: str, width: float, bold: bool = False) -> list[str]:
        self.pdf.set_font(self.layout.font, "B" if bold else "", self.size)
        return self.pdf.multi_cell(width, self.lh, text, dry_run=True, output="LINES") or [""]

    def cell_lines(self, action, column: str, width: float) -> list[Line]:
        if column != "progress":
            return [Line(t, 0) for t in self.wrap(action.value(column), width)]
        lines: list[Line] = []
        for e in action.progress:
            mark = str(self.marks[e.note]) if e.note and self.layout.footnotes else ""
            if e.kind == "region":
                lines.append(Line(e.text, 0, underline=True))
            elif e.kind == "prose":
                lines += [Line(t, 0) for t in self.wrap(e.text, width)]
            else:
                text = e.text
                if self.layout.bullets == "char":
                    text = "• " + text
                elif self.layout.bullets == "typed":
                    text = "- " + text
                indent = INDENT if self.layout.bullets == "shape" else 0
                wrapped = self.wrap(text, width - INDENT)  # wrapped lines hang: they get less room
                for k, t in enumerate(wrapped):
                    hang = INDENT if k and self.layout.bullets != "shape" else indent
                    lines.append(Line(t, hang, bullet=k == 0 and self.layout.bullets == "shape"))
            if mark:
                lines[-1].mark = mark
        return lines

    def draw_line(self, line: Line, x: float, y: float) -> None:
        pdf = self.pdf
        pdf.set_font(self.layout.font, "B" if line.bold else "", self.size)
        base = y + self.size
        if line.bullet:
            r = self.size * 0.18
            pdf.ellipse(x + 2, base - self.size * 0.38 - r, 2 * r, 2 * r, style="F")
        pdf.text(x + line.x, base, line.text)
        end = x + line.x + pdf.get_string_width(line.text)
        if line.underline:
            pdf.set_line_width(0.5)
            pdf.line(x + line.x, base + 1.5, end, base + 1.5)
        if line.mark:
            pdf.set_font(self.layout.font, "", self.size * 0.6)
            pdf.text(end + 0.5, base - self.size * 0.4, line.mark)
            self.page_notes.append(int(line.mark))

    # --- table ----------------------------------------------------------------
    def rules(self, top: float, bottom: float, last: bool) -> None:
        pdf, rules = self.pdf, self.layout.rules
        pdf.set_line_width(0.6)
        x0, x1 = self.margin, self.margin + sum(self.widths)
        if rules in ("grid", "hrules"):
            pdf.line(x0, top, x1, top)
            if last:
                pdf.line(x0, bottom, x1, bottom)
        if rules in ("grid", "vrules"):
            x = x0
            for w in [0, *self.widths]:
                x += w
                pdf.line(x, top, x, bottom)
            if rules == "vrules" and last:
                pdf.line(x0, bottom, x1, bottom)

    def header(self) -> None:
        cells = [[Line(t, 0, bold=True) for t in self.wrap(HEADER_TEXT[c], w - 2 * PAD, True)]
                 for c, w in zip(self.cols, self.widths, strict=True)]  # fmt: skip
        group = self.layout.header_rows == 2
        top = self.y
        if group:
            x = self.margin + sum(self.widths[:-2])
            self.draw_line(Line("Implementation", 0, bold=True), x + PAD, self.y + PAD)
            self.pdf.set_line_width(0.6)
            if self.layout.rules != "none":
                y = self.y + self.lh + 2 * PAD
                self.pdf.line(x, y, x + sum(self.widths[-2:]), y)
            self.y += self.lh + 2 * PAD
        height = max(len(c) for c in cells) * self.lh + 2 * PAD
        x = self.margin
        for k, (lines, w) in enumerate(zip(cells, self.widths, strict=True)):
            y = self.y + PAD if not group or k >= len(cells) - 2 else top + PAD
            for i, line in enumerate(lines):
                self.draw_line(line, x + PAD, y + i * self.lh)
            x += w
        self.y += height
        self.rules(top, self.y, last=False)
        if self.layout.rules in ("grid", "hrules"):
            self.pdf.line(self.margin, self.y, self.margin + sum(self.widths), self.y)

    def section_row(self, text: str) -> None:
        if self.y + self.lh + 2 * PAD > self.room():
            self.rules(self.y, self.y, last=True)
            self.new_page()
            self.header()
        top = self.y
        self.draw_line(Line(text, 0, bold=True), self.margin + PAD, self.y + PAD)
        self.y += self.lh + 2 * PAD
        if self.layout.rules in ("grid", "hrules"):
            self.pdf.line(self.margin, top, self.margin + sum(self.widths), top)
        if self.layout.rules in ("grid", "vrules"):
            for x in (self.margin, self.margin + sum(self.widths)):
                self.pdf.line(x, top, x, self.y)

    def row(self, action) -> None:
        cells = [self.cell_lines(action, c, w - 2 * PAD) for c, w in zip(self.cols, self.widths, strict=True)]
        n = max(len(c) for c in cells)
        top = self.y
        self.y += PAD
        for i in range(n):
            if self.y + self.lh > self.room():  # the row runs on to the next page
                self.rules(top, self.y + PAD, last=True)
                self.new_page()
                self.header()
                top = self.y
                self.y += PAD
            x = self.margin
            for lines, w in zip(cells, self.widths, strict=True):
                if i < len(lines):
                    self.draw_line(lines[i], x + PAD, self.y)
                x += w
            self.y += self.lh
        self.y += PAD
        self.rules(top, self.y, last=True)

    def paragraph(self, text: str, bold: bool) -> None:
        lines = self.wrap(text, sum(self.widths), bold)
        if self.y + self.lh * (len(lines) + 3) > self.room():
            self.new_page()
        self.y += self.lh * 0.6
        for t in lines:
            self.draw_line(Line(t, 0, bold=bold), self.margin, self.y)
            self.y += self.lh
        self.y += self.lh * 0.4

    def render(self, path) -> None:
        self.new_page()
        in_table = False
        for block in self.report.blocks:
            if block.kind == "heading" and self.layout.section_rows:
                if not in_table:
                    self.header()
                    in_table = True
                self.section_row(block.text)
                continue
            if block.kind != "table":
                in_table = False
                self.paragraph(block.text, block.kind in ("title", "heading"))
                continue
            if not in_table:
                if self.y + 4 * self.lh > self.room():
                    self.new_page()
                self.header()
            for a in block.actions:
                self.row(a)
            in_table = self.layout.section_rows
            self.y += self.lh
        self.finish_page()
        self.pdf.output(str(path))


def render_fpdf(report: Report, layout: Layout, path) -> None:
    first = Zoo(report, layout)
    first.render(path)  # a first pass counts the pages for `Page N of M`
    second = Zoo(report, layout)
    second.total = first.pdf.pages_count
    second.render(path)
