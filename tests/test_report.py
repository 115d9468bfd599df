"""The HTML audit report (`normalize/report.py`), read back with the standard library's parser."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

import pipeline
from normalize.report import render_report
from tests.conftest import SAMPLES, SEED_000

MALICIOUS = (
    "PROGRESS IN IMPLEMENTING THE &lt;img src=x onerror=alert(2)&gt; PLAN (AS OF 25 OCTOBER 2015)\n\n"
    "1. AWARENESS-RAISING\n\n"
    "\tAction\tResponsible body\tTimeframe/Deadline\tProgress\n"
    "1\tDo\tWCO Secretariat\tContinuous activity\t"
    "- &lt;script&gt;alert(1)&lt;/script&gt; Workshop (China, 1 May 2015)\n"
)


class Page(HTMLParser):
    """The elements the tests look at: tags with their attributes, each <mark>'s text, scripts."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[str] = []
        self.marks: dict[str, str] = {}
        self._open_marks: list[str] = []
        self._in_script = False
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if tag == "mark" and attrs.get("id"):
            self._open_marks.append(attrs["id"])
            self.marks[attrs["id"]] = ""
        self._in_script = tag == "script"
        if tag == "script":
            self.scripts.append("")

    def handle_endtag(self, tag):
        if tag == "mark" and self._open_marks:
            self._open_marks.pop()
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1] += data
        for mark in self._open_marks:
            self.marks[mark] += data

    def rows(self) -> list[dict]:
        return [a for t, a in self.tags if t == "tr" and "event-row" in (a.get("class") or "").split()]


@pytest.fixture(scope="module")
def seed():
    dataset = pipeline.run([SAMPLES / f"{SEED_000}.txt"])
    return dataset, render_report(dataset)


def test_one_event_row_per_event(seed):
    dataset, html = seed
    rows = Page(html).rows()
    assert len(rows) == len(dataset.events) == 144
    events = dataset.events[["country_iso3", "event_type", "start_iso"]].fillna("")
    assert [r["data-country"] for r in rows] == list(events["country_iso3"])
    assert [r["data-type"] for r in rows] == list(events["event_type"])
    assert [r["data-start"] for r in rows] == list(events["start_iso"])
    assert "144</span> events shown" in html


def test_every_highlight_is_its_items_source_text(seed):
    dataset, html = seed
    page = Page(html)
    rows = page.rows()
    marks = [page.marks[r["data-src"]] for r in rows]
    assert marks == list(dataset.events["source_text"])
    flagged = [("flagged" in r["class"].split()) for r in rows]
    assert flagged == [bool(w) for w in dataset.events["warnings"]]
    classes = {c for t, a in page.tags if t == "span" for c in (a.get("class") or "").split()}
    assert {"f-title", "f-loc", "f-date"} <= classes


def test_document_header_warnings_and_filters(seed):
    dataset, html = seed
    page = Page(html)
    assert "PROGRESS IN IMPLEMENTING THE ECP ACTION PLAN" in html
    assert "2015-10-25" in html and "progress_report" in html
    assert f"{len(dataset.warnings)} warnings</summary>" in html
    options = {(a.get("value")) for t, a in page.tags if t == "option"}
    assert {"", "CHN", "BEL", "workshop", "meeting"} <= options
    ids = {a.get("id") for _, a in page.tags}
    assert {"f-country", "f-type", "f-from", "f-to", "shown-count"} <= ids
    assert html.count("<svg") == 3


def test_self_contained(seed):
    _, html = seed
    page = Page(html)
    assert not [a for t, a in page.tags if t in ("script", "img", "iframe") and a.get("src")]
    assert not [a for t, a in page.tags if t == "link" and a.get("rel") == "stylesheet"]
    assert not [a for _, a in page.tags if (a.get("href") or "").startswith(("http:", "https:", "//"))]
    assert "@import" not in html and "url(" not in html
    assert "default-src 'none'" in html


def test_untrusted_text_is_escaped(tmp_path):
    report = tmp_path / "evil.txt"
    report.write_text(MALICIOUS, encoding="utf-8")
    dataset = pipeline.run([report])
    assert list(dataset.events["title"]) == ["<script>alert(1)</script> Workshop"]
    assert "<img src=x" in dataset.documents["title"][0]
    html = render_report(dataset)
    assert "<script>alert(1)" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Workshop" in html
    page = Page(html)
    assert len(page.scripts) == 1 and "alert" not in page.scripts[0]  # only the report's own script
    assert not [a for t, a in page.tags if t == "img"]
    assert list(page.marks.values()) == ["<script>alert(1)</script> Workshop (China, 1 May 2015)"]
    assert [r["data-country"] for r in page.rows()] == ["CHN"]


def test_byte_identical_across_runs(seed):
    dataset, html = seed
    assert render_report(dataset) == html
    assert render_report(pipeline.run([SAMPLES / f"{SEED_000}.txt"])) == html


def test_written_with_the_dataset(seed, tmp_path):
    dataset, html = seed
    dataset.write(tmp_path)
    (detail,) = (tmp_path / "report").iterdir()  # one document: its detail page
    assert detail.read_bytes() == html.encode("utf-8")
    assert f'href="report/{detail.name}"' in (tmp_path / "report.html").read_text(encoding="utf-8")


def test_empty_dataset_and_failed_files(tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_text("", encoding="utf-8")
    dataset = pipeline.run([bad])
    html = render_report(dataset)
    assert "0</span> events shown" in html
    assert "Files that failed" in html and "empty.txt" in html
