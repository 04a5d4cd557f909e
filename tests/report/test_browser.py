"""The HTML report in headless Chromium: it renders, no source script runs, the filter works."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from claimcheck.report.build import ReportInput
from claimcheck.report.formats import render
from tests.report.cdp import Browser, chromium

BINARY = chromium()
# `make pytest` installs chromium first, so a missing browser is a failure, never a silent skip;
# CLAIMCHECK_SKIP_BROWSER=1 opts out on a machine that cannot have it.
pytestmark = pytest.mark.skipif(
    BINARY is None and os.environ.get("CLAIMCHECK_SKIP_BROWSER") == "1",
    reason="CLAIMCHECK_SKIP_BROWSER=1 and Debian's chromium is not installed",
)

SHOWN = (
    "[...document.querySelectorAll('article.claim')].filter(a => !a.hidden)"
    ".map(a => a.dataset.status)"
)


def click(browser: Browser, selector: str) -> None:
    browser.evaluate(f"document.querySelector({selector!r}).click()")


def test_report_renders_runs_no_source_script_and_filters(
    report_input: ReportInput, tmp_path: Path
) -> None:
    assert BINARY is not None, "Debian's chromium is not installed: run `make browser`"
    page = tmp_path / "report.html"
    page.write_text(render(report_input, "html"), encoding="utf-8")
    statuses = [c.status.value for c in report_input.report.claims]
    with Browser(BINARY) as browser:
        browser.open(page)
        browser.evaluate("new Promise(r => setTimeout(r, 300))", wait=True)  # let onerror fire
        assert browser.evaluate("typeof window.__pwned") == "undefined"
        assert browser.evaluate("document.querySelectorAll('script').length") == 1
        assert browser.evaluate("document.querySelectorAll('img').length") == 0
        text = browser.evaluate("document.body.innerText")
        assert "<script>window.__pwned=1</script>" in text  # shown to the reader, as text
        assert browser.evaluate(SHOWN) == statuses
        assert browser.evaluate("document.getElementById('shown-count').textContent") == (
            f"{len(statuses)} of {len(statuses)} claims shown"
        )
        click(browser, "input[value=unverified]")
        assert browser.evaluate(SHOWN) == [s for s in statuses if s != "unverified"]
        click(browser, "input[value=confirmed]")
        assert browser.evaluate(SHOWN) == [s for s in statuses if s == "disputed"]
        click(browser, "input[value=unverified]")
        click(browser, "input[value=confirmed]")
        click(browser, "#conflicts-only")
        conflicted = {c.claim_id for c in report_input.report.conflicts}
        shown_ids = browser.evaluate(
            "[...document.querySelectorAll('article.claim')].filter(a => !a.hidden).map(a => a.id)"
        )
        assert conflicted and set(shown_ids) == conflicted
        click(browser, "#conflicts-only")
        shot = tmp_path / "report.png"
        browser.screenshot(shot)
        assert shot.stat().st_size > 20_000  # a real page, not a blank one
        errors = [
            e for e in browser.events
            if e.get("method") == "Log.entryAdded" and e["params"]["entry"]["level"] == "error"
        ]  # fmt: skip
        assert errors == [], errors  # the CSP blocked nothing of the report's own
