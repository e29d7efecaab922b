"""A reader in a real browser (Debian's Chromium through Playwright): home → event → report
→ country → search, with no console error or policy violation, working feed links, no
horizontal scrolling on a phone and a skip link for the keyboard."""

import pytest

from tests.browser.support import needs_chromium, visit, watched_page

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.browser,
    needs_chromium,
]

FEED_TYPES = {"application/rss+xml", "application/atom+xml", "text/calendar"}
PHONE = {"width": 360, "height": 740}


def test_a_reader_goes_from_home_to_an_event_a_report_a_country_and_a_search(
    live_server, world, browser
):
    forum, report = world["forum"], world["correction"]
    base, page = live_server.url, watched_page(browser, viewport={"width": 1280, "height": 900})
    feeds: dict[str, str] = {}

    def arrived(url: str, heading: str | None, *seen: str) -> None:
        page.wait_for_url(base + url)
        h1 = page.get_by_role("heading", level=1).inner_text()  # one, and only one
        assert h1 == (heading or h1), url
        for text in seen:
            assert page.get_by_text(text, exact=False).first.is_visible(), (url, text)
        feeds.update(page.eval_on_selector_all(
            'link[rel="alternate"][type]', "links => links.map(l => [l.href, l.type])"
        ))  # fmt: skip

    visit(page, base + "/")
    arrived("/", None, report.headline)
    assert_the_skip_link_leads_the_keyboard_to_the_content(page)
    page.get_by_role("link", name=forum.name, exact=True).first.click()
    arrived(forum.get_absolute_url(), forum.name, "Public diplomacy and social media",
            "Kazakhstan", "Belarus", report.headline)  # fmt: skip
    page.get_by_role("link", name=report.headline, exact=True).first.click()
    arrived(report.get_absolute_url(), report.headline, "RUSSIA, Astrakhan, September 19.",
            "Trend News Agency", "An earlier version left out the observers.")  # fmt: skip
    page.get_by_role("link", name="Azerbaijan", exact=True).first.click()
    arrived("/countries/az/", "Azerbaijan", report.headline)
    page.get_by_role("searchbox", name="Search reports").first.fill("diplomacy")
    page.keyboard.press("Enter")
    arrived("/search/?q=diplomacy", None)
    results = page.get_by_role("main")
    assert results.get_by_role("link", name=report.headline, exact=True).is_visible()
    assert results.get_by_text("Kazakh delegation").count() == 0  # no "diplomacy" in it
    assert results.get_by_text("with five delegations").count() == 0  # corrected since

    assert_feeds_resolve(page, base, feeds, expected=[
        "/feeds/latest/rss/", "/events/calendar.ics", f"{forum.get_absolute_url()}feed/atom/",
        "/countries/az/feed/rss/", "/countries/az/calendar.ics",
    ])  # fmt: skip
    journey = ["/", forum.get_absolute_url(), report.get_absolute_url(), "/countries/az/",
               "/search/?q=diplomacy"]  # fmt: skip
    assert_no_horizontal_scrolling(page, [base + path for path in journey])
    assert page.problems == [], "\n".join(page.problems)


def assert_feeds_resolve(page, base: str, feeds: dict[str, str], *, expected: list[str]) -> None:
    """Every feed a page names answers 200 with the type it was announced with."""
    paths = {href.removeprefix(base) for href in feeds}
    assert set(expected) <= paths, sorted(paths)
    for href, declared in feeds.items():
        assert declared in FEED_TYPES, (href, declared)
        response = page.request.get(href)
        served = response.headers.get("content-type", "").split(";")[0]
        assert (response.status, served) == (200, declared), href


def assert_no_horizontal_scrolling(page, urls: list[str]) -> None:
    page.set_viewport_size(PHONE)
    for url in urls:
        visit(page, url)
        widths = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert widths[0] <= widths[1], f"{url} scrolls sideways at 360 px: {widths}"


def assert_the_skip_link_leads_the_keyboard_to_the_content(page) -> None:
    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    leads_to_main = "a => Boolean(a.hash && document.querySelector(a.hash)?.closest('main'))"
    assert skip.evaluate(leads_to_main), "the first tab stop is not a link to the content"
    box = skip.bounding_box()
    assert box is not None and box["x"] >= 0 and box["y"] >= 0, "the skip link stays off-screen"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")  # the next stop is in the content, not the menu
    assert page.evaluate("document.querySelector('main').contains(document.activeElement)")
