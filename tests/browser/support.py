"""Debian's Chromium driven by Playwright: how it is launched and what a page records.

Never a downloaded browser: `/usr/bin/chromium` (`apt-get install chromium`), headless,
with the flags below. Tests needing it are skipped, saying why, where it is missing.
"""

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from django.db import connections

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]  # fmt: skip
needs_chromium = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="needs Debian's chromium (.ci/run installs it)"
)

# Installed before any page script runs: every policy violation is reported to Python at
# once (through a binding, which the policy does not govern), even if the page then leaves.
REPORT_VIOLATIONS = """
document.addEventListener('securitypolicyviolation', e => window.__reportViolation(
    `${location.pathname}: ${e.violatedDirective} ${e.blockedURI}`));
"""


@contextmanager
def chromium() -> Iterator[Any]:
    """Launch headless Chromium; Django may be called from this thread meanwhile."""
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread. Django then refuses ORM calls
    # here unless allowed, and those it makes use other connections than the test's (per
    # context, not per thread): write test data before launching, and close them after.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=str(CHROMIUM), headless=True, args=ARGS
            )
            yield browser
            browser.close()
            connections.close_all()
    finally:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


def watched_page(browser: Any, **options: Any) -> Any:
    """Open a page in a fresh context that lists console errors, script errors and policy
    violations in `page.problems`."""
    page = browser.new_context(**options).new_page()
    problems: list[str] = []
    page.expose_function("__reportViolation", lambda text: problems.append(f"CSP: {text}"))
    page.add_init_script(REPORT_VIOLATIONS)
    page.on(
        "console",
        lambda m: m.type == "error" and problems.append(f"{page.url}: console: {m.text}"),
    )
    page.on("pageerror", lambda error: problems.append(f"{page.url}: script error: {error}"))
    page.problems = problems
    return page


def visit(page: Any, url: str) -> Any:
    """Open `url` and wait for it to load; it must answer below 400."""
    response = page.goto(url, wait_until="load")
    assert response is not None and response.status < 400, (url, response and response.status)
    return response
