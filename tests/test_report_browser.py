"""The HTML report in a real browser: headless Chromium driven over the DevTools Protocol
(`benchmarks/screenshot_report.Chromium`). Filters, the live count, and a clean console."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import pipeline
from normalize.report import render_report
from tests.conftest import SAMPLES, SEED_000
from tests.test_report import MALICIOUS

CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists():
    pytest.skip(
        "headless browser test: /usr/bin/chromium is not installed (apt-get install chromium)",
        allow_module_level=True,
    )

from benchmarks.screenshot_report import Chromium  # noqa: E402

# What the page shows: the live count, and which event rows are displayed.
STATE = """(() => {
  const rows = Array.from(document.querySelectorAll("tr.event-row"));
  const shown = rows.filter(r => getComputedStyle(r).display !== "none");
  return {
    rows: rows.length,
    count: document.getElementById("shown-count").textContent,
    label: document.getElementById("shown").textContent,
    shown: shown.map(r => r.dataset.country + "|" + r.dataset.type + "|" + r.dataset.start),
    hidden_displayed: rows.filter(r => r.classList.contains("hide") && r.offsetParent !== null).length,
    marks_on: document.querySelectorAll(".source mark.item:not(.off)").length,
  };
})()"""


def _set(browser: Chromium, element_id: str, value: str) -> dict:
    browser.js(
        f"(() => {{ const el = document.getElementById({json.dumps(element_id)}); "
        f"el.value = {json.dumps(value)}; el.dispatchEvent(new Event('change')); }})()"
    )
    return browser.js(STATE)


@pytest.fixture(scope="module")
def browser():
    with Chromium() as chromium:
        yield chromium


@pytest.fixture(scope="module")
def seed():
    return pipeline.run([SAMPLES / f"{SEED_000}.txt"])


def test_filters_in_a_real_browser(browser, seed, tmp_path):
    page = tmp_path / "report.html"
    page.write_text(render_report(seed), encoding="utf-8")
    browser.open(page.as_uri())
    events = seed.events.rename(columns={"start_date": "start_day", "start_iso": "start_date"})
    events = events.fillna({"country_iso3": "", "event_type": "", "start_date": ""})

    state = browser.js(STATE)
    assert state["rows"] == len(events) == 144
    assert state["count"] == "144" and state["label"] == "144 events shown"
    assert len(state["shown"]) == 144 and state["marks_on"] == 144

    chn = [c for c in events["country_iso3"] if "CHN" in c.split(";")]
    state = _set(browser, "f-country", "CHN")
    assert state["count"] == str(len(chn)) and len(chn) == 7
    assert len(state["shown"]) == len(chn) and all(
        "CHN" in s.split("|")[0].split(";") for s in state["shown"]
    )
    assert state["hidden_displayed"] == 0 and state["marks_on"] == len(chn)

    _set(browser, "f-country", "")
    _set(browser, "f-type", "workshop")
    state = _set(browser, "f-from", "2015-09-01")
    lo, hi = (events["start_date"] + "-01-01").str[:10], (events["start_date"] + "-99-99").str[:10]
    expected = events[
        (events["event_type"] == "workshop") & (events["start_date"] != "") & (hi >= "2015-09-01")
    ]
    assert 0 < len(expected) < 144
    assert state["count"] == str(len(expected)) == str(len(state["shown"]))
    state = _set(browser, "f-to", "2015-09-30")
    expected = expected[lo[expected.index] <= "2015-09-30"]
    assert state["count"] == str(len(expected)) == str(len(state["shown"]))

    browser.js("document.getElementById('f-reset').click()")
    state = browser.js(STATE)
    assert state["count"] == "144" and len(state["shown"]) == 144
    assert browser.errors == []


def test_untrusted_text_does_not_run(browser, tmp_path):
    source = tmp_path / "evil.txt"
    source.write_text(MALICIOUS, encoding="utf-8")
    page = tmp_path / "report.html"
    page.write_text(render_report(pipeline.run([source])), encoding="utf-8")
    browser.open(page.as_uri())
    assert browser.js("document.querySelectorAll('img, main script').length") == 0
    assert "<script>alert(1)</script>" in browser.js(
        "document.querySelector('.source mark.item').textContent"
    )
    assert not [e for e in browser.events if e["method"] == "Page.javascriptDialogOpening"]
    assert browser.errors == []
