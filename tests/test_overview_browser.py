"""The report's first page in headless Chromium: filters (document, kind, type,
country, dates, warning, confidence, text) give the count the data gives, charts
and the document table follow them, rows are paged, PDF events link to their page."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import pipeline
from tests.conftest import SAMPLES, SEED_000

if not Path("/usr/bin/chromium").exists():
    pytest.skip("headless browser test: /usr/bin/chromium is not installed", allow_module_level=True)

from benchmarks.screenshot_report import Chromium  # noqa: E402

STATE = """(() => ({
  count: Number(document.getElementById("shown-count").textContent),
  rows: document.querySelectorAll("#events-body tr").length,
  page: document.getElementById("page-label").textContent,
  countries: Number(document.getElementById("c-country-n").textContent),
  years: Array.from(document.querySelectorAll("#c-year tr")).map(r => r.textContent),
  docShown: Array.from(document.querySelectorAll("td.doc-shown")).map(td => Number(td.textContent)),
  links: Array.from(document.querySelectorAll("#events-body a")).map(a => a.getAttribute("href")),
}))()"""


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    out = tmp_path_factory.mktemp("report")
    dataset = pipeline.run([SAMPLES / f"{SEED_000}.txt", SAMPLES / f"{SEED_000}.pdf"], jobs=1)
    dataset.write(out)
    with Chromium() as browser:
        browser.open((out / "report.html").as_uri())
        yield browser, dataset.events


def _set(browser, element_id: str, value: str) -> dict:
    browser.js(
        f"(() => {{ const el = document.getElementById({json.dumps(element_id)}); "
        f"el.value = {json.dumps(value)}; el.dispatchEvent(new Event('input')); }})()"
    )
    return browser.js(STATE)


def _reset(browser) -> dict:
    browser.js("document.getElementById('f-reset').click()")
    return browser.js(STATE)


def test_everything_shown_and_paged(page):
    browser, events = page
    state = _reset(browser)
    assert state["count"] == len(events) == 288 and state["rows"] == 100 and state["page"] == "page 1 of 3"
    browser.js("document.getElementById('next').click(); document.getElementById('next').click()")
    assert browser.js(STATE)["rows"] == 88
    assert browser.errors == []


def test_filters_give_the_datas_count_and_charts_follow(page):
    browser, events = page
    _reset(browser)
    chn = events[events["country_iso3"].fillna("").str.split(";").map(lambda c: "CHN" in c)]
    state = _set(browser, "f-country", "CHN")
    assert state["count"] == len(chn) > 0 and state["countries"] >= 1
    assert sum(state["docShown"]) == len(chn)
    _reset(browser)
    state = _set(browser, "f-from", "2015-09-01")
    dated = events[events["end_date"].notna()]
    assert state["count"] == sum(str(d) >= "2015-09-01" for d in dated["end_date"])
    state = _set(browser, "f-to", "2015-09-30")
    both = dated[
        [
            str(e) >= "2015-09-01" and str(s) <= "2015-09-30"
            for s, e in zip(dated["start_date"], dated["end_date"], strict=True)
        ]
    ]
    assert state["count"] == len(both) > 0 and all(y.startswith("2015") for y in state["years"])
    _reset(browser)
    flagged = events[events["warnings"].map(lambda w: w is not None and "no_date" in w)]
    assert _set(browser, "f-warning", "no_date")["count"] == len(flagged) > 0
    _reset(browser)
    assert _set(browser, "f-conf", "0.9")["count"] == int((events["confidence"] >= 0.9).sum())
    _reset(browser)
    assert _set(browser, "f-kind", "development")["count"] == int((events["kind"] == "development").sum())
    _reset(browser)
    assert _set(browser, "f-text", "mercator")["count"] == int(
        events["title"].str.lower().str.contains("mercator").sum()
    )
    _reset(browser)
    assert _set(browser, "f-doc", "0")["count"] == 144
    assert browser.errors == []


def test_pdf_events_link_to_their_page(page):
    browser, _ = page
    _reset(browser)
    state = _set(browser, "f-doc", "0")  # documents sorted by source file: the PDF first
    pdf_links = [h for h in state["links"] if ".pdf#page=" in h]
    assert pdf_links and all(h.startswith("../") or h.startswith("/") or "samples" in h for h in pdf_links)
    assert any(h.startswith("report/") and "#src-e" in h for h in state["links"])
