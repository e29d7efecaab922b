"""In a real browser (Debian's Chromium through Playwright), the site and the admin run
under the Content-Security-Policy with no console error and no policy violation."""

import os
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="needs Debian's chromium (.ci/run installs it)"
    ),
]
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]  # fmt: skip


@pytest.fixture
def world(django_user_model):
    from tests.factories import (
        ArticleFactory,
        EventFactory,
        OrganizationFactory,
        PersonFactory,
        country,
    )

    event = EventFactory(name="Caspian Media Forum")
    article = ArticleFactory(
        headline="Media forum opens in Astrakhan",
        tags={
            "events": [event],
            "countries": [country("AZ"), country("RU")],
            "organizations": [OrganizationFactory(name="Media Development Agency")],
            "people": [PersonFactory(name="Ahmed Ismayilov")],
        },
    )
    article.headline = "Media forum opens in Astrakhan on Tuesday"
    article.save()
    django_user_model.objects.create_superuser("chief", "chief@example.org", "pw-chief-2023")
    return {"event": event, "article": article}


@pytest.fixture
def browser_page():
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the live server's database
    # work happens in its own thread, and the test's before the browser starts.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=ARGS
        )
        page = browser.new_page()
        page.add_init_script(RECORD_VIOLATIONS)
        problems: list[str] = []
        page.on(
            "console",
            lambda m: m.type == "error" and problems.append(f"{page.url}: console: {m.text}"),
        )
        page.on("pageerror", lambda error: problems.append(f"script error: {error}"))
        page.problems = problems
        yield page
        browser.close()
    os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


# Installed before any page script runs: every policy violation of the document.
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener('securitypolicyviolation',
    e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
"""


def visit(page, url: str) -> None:
    response = page.goto(url, wait_until="load")
    assert response is not None and response.status < 400, (url, response and response.status)
    violations = page.evaluate("() => window.__violations")
    page.problems.extend(f"CSP on {url}: {v}" for v in violations)


def test_public_pages_and_the_admin_raise_no_console_error_under_the_policy(
    live_server, world, browser_page
):
    page, base = browser_page, live_server.url
    article, event = world["article"], world["event"]
    for path in ["/", "/articles/", article.get_absolute_url(), event.get_absolute_url(),
                 "/events/", "/countries/", "/countries/az/", "/api/v1/",
                 "/api/v1/articles/?format=api"]:  # fmt: skip
        visit(page, base + path)
    page.goto(base + "/admin/login/")
    page.fill("#id_username", "chief")
    page.fill("#id_password", "pw-chief-2023")
    page.click("input[type=submit]")
    page.wait_for_url(base + "/admin/")
    history = article.history.order_by("history_date")
    for path in ["/admin/", "/admin/articles/article/", f"/admin/articles/article/{article.pk}/change/",
                 "/admin/articles/article/add/", "/admin/articles/article/import/",
                 f"/admin/articles/article/{article.pk}/history/",
                 f"/admin/articles/article/{article.pk}/history/compare/"
                 f"?old={history.first().pk}&new={history.last().pk}",
                 f"/admin/events/event/{event.pk}/change/", "/admin/two-factor/"]:  # fmt: skip
        visit(page, base + path)
    assert page.problems == [], "\n".join(page.problems)
