"""In a real browser (Debian's Chromium through Playwright), the site and the admin run
under the Content-Security-Policy with no console error and no policy violation."""

import pytest

from tests.browser.support import chromium, needs_chromium, visit, watched_page

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.browser,
    needs_chromium,
]


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
    with chromium() as browser:
        yield watched_page(browser)


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
