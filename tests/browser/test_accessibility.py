"""axe-core (bundled by axe-playwright-python, no network) finds no serious or critical
accessibility violation on the pages a reader uses most, the 404 page included."""

import pytest

from tests.browser.support import needs_chromium, watched_page

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.browser,
    needs_chromium,
]

SERIOUS = {"serious", "critical"}


def describe(page_name: str, rule: dict, kind: str = "violation") -> str:
    """Name the page, the axe rule, its impact and the elements it found."""
    elements = ", ".join(" ".join(node["target"]) for node in rule["nodes"])
    return f"{page_name}: {kind} {rule['id']} ({rule['impact']}): {elements}"


def test_no_page_has_a_serious_or_critical_accessibility_violation(live_server, world, browser):
    from axe_playwright_python.sync_playwright import Axe

    pages = {
        "home": ("/", 200), "event": (world["forum"].get_absolute_url(), 200),
        "report": (world["correction"].get_absolute_url(), 200),
        "country": ("/countries/az/", 200), "search": ("/search/?q=diplomacy", 200),
        "reports": ("/articles/", 200), "countries": ("/countries/", 200),
        "not found": ("/no-such-page/", 404),
    }  # fmt: skip
    axe, page = Axe(), watched_page(browser)
    serious, rest = [], []
    for name, (path, status) in pages.items():
        response = page.goto(live_server.url + path, wait_until="load")
        assert response is not None and response.status == status, path
        result = axe.run(page).response
        assert result["passes"], f"axe checked nothing on {path}"
        for rule in result["violations"]:
            (serious if rule["impact"] in SERIOUS else rest).append(describe(name, rule))
        rest += [describe(name, rule, "to review") for rule in result["incomplete"]]
    print("axe, not failing the test:", *rest, sep="\n  ")
    assert serious == [], "\n".join(serious)
