"""The admin HTML built in Python (`accounts.admin_html`) is the HTML Django's templates
give: each test renders real admin pages both ways and compares them."""

import re

import pytest
from django.contrib import admin
from django.contrib.admin import ModelAdmin
from django.contrib.admin.templatetags.admin_list import results
from django.template.loader import get_template
from django.urls import reverse

from accounts import admin_html
from articles.admin import ChosenFilter
from articles.models import Article
from tests.factories import (
    AgencyFactory,
    ArticleFactory,
    CityFactory,
    EventFactory,
    OrganizationFactory,
    PersonFactory,
    country,
)

pytestmark = pytest.mark.django_db

REPORTS = "/admin/articles/article/"


def page(client, url: str, data: dict | None = None) -> str:
    """The page's HTML, its CSRF token (new on every render) left out."""
    response = client.post(url, data) if data is not None else client.get(url)
    html = response.content.decode()
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", html)


def same_text(html: str) -> str:
    """HTML with each run of white space as one space: what a browser lays out."""
    return re.sub(r"\s+", " ", str(html)).strip()


@pytest.fixture
def linked_report(editor):
    """A draft with every kind of link, tag and recorded person, and text to escape."""
    earlier = ArticleFactory(headline="Earlier <report> & “quotes”")
    return ArticleFactory(
        draft=True,
        headline='Talks "resume" <b>soon</b>',
        update_of=earlier,
        near_duplicate_of=earlier,
        similarity=0.91,
        dateline_city=CityFactory(name="Astrakhan", country=country("RU")),
        dateline_country=country("RU"),
        created_by=editor,
        updated_by=editor,
        tags={
            "events": [EventFactory(name="Caspian <Media> Forum")],
            "countries": [country("AZ"), country("RU")],
            "organizations": [OrganizationFactory(name="Media & Development Agency")],
            "people": [PersonFactory(name="Ahmed Ismayilov")],
        },
    )


def test_the_report_form_is_the_page_djangos_templates_give(
    client_for, editor, linked_report, monkeypatch
):
    client = client_for(editor)
    url = f"{REPORTS}{linked_report.pk}/change/"
    built = page(client, url)
    response = client.get(url)
    monkeypatch.setattr(admin_html, "BUILT", {})  # every widget and label by its template
    assert page(client, url) == built
    adminform = response.context["adminform"]
    fieldset = get_template("admin/includes/fieldset.html")
    theirs = [
        fieldset.render({"fieldset": one, "heading_level": 2, "prefix": "fieldset",
                         "id_prefix": 0, "id_suffix": n})
        for n, one in enumerate(adminform)
    ]  # fmt: skip
    assert same_text(admin_html.fieldsets(adminform)) == same_text("\n".join(theirs))
    apps, request = response.context["available_apps"], response.wsgi_request
    sidebar = get_template("admin/app_list.html").render(
        {"app_list": apps, "show_changelinks": False, "request": request}
    )
    assert same_text(admin_html.app_list(apps, request)) == same_text(sidebar)
    assert 'aria-current="page">Articles</a>' in built  # the sidebar marks where we are
    assert f'<option value="{linked_report.update_of_id}" selected>' in built
    change_link = reverse("admin:articles_article_change", args=["__fk__"])
    assert f'data-href-template="{change_link}?_to_field=id&amp;_popup=1"' in built


def test_a_report_form_sent_back_with_errors_is_the_page_djangos_templates_give(
    client_for, editor, linked_report, monkeypatch
):
    """Errors shown, and the values sent (another agency, other tags) labelled by query."""
    other_agency, other_event = AgencyFactory(name="Other <agency>"), EventFactory()
    sent = {
        "headline": "",
        "slug": linked_report.slug,
        "body": linked_report.body,
        "language": "en",
        "agency": other_agency.pk,
        "events": [other_event.pk],
        "countries": ["AZ"],
        "based_on_version": linked_report.version,
    }
    url = f"{REPORTS}{linked_report.pk}/change/"
    built = page(client_for(editor), url, sent)
    assert 'class="errorlist' in built
    assert f'<option value="{other_agency.pk}" selected>Other &lt;agency&gt;</option>' in built
    assert f'<option value="{other_event.pk}" selected>{other_event.name}</option>' in built
    monkeypatch.setattr(admin_html, "BUILT", {})
    assert page(client_for(editor), url, sent) == built


def test_the_report_list_is_the_page_djangos_templates_give(admin_client, monkeypatch):
    plain = ArticleFactory(headline="Plain & <simple>", tags={"countries": [country("AZ")]})
    ArticleFactory(scheduled=True, agency=None, tags={"countries": [country("AZ")]})
    ArticleFactory(withdrawn=True, byline="", tags={"events": [EventFactory()]})
    ArticleFactory(embargoed=True, dateline_raw="  ", tags={"countries": [country("AZ")]})
    addresses = [
        REPORTS,
        f"{REPORTS}?country=AZ&q=a&o=3.-2",  # filters kept in each row's link
        f"{REPORTS}?_popup=1&_to_field=id",
    ]
    built = [page(admin_client, address) for address in addresses]
    monkeypatch.setattr(admin_html, "_rows", lambda cl: list(results(cl)))
    monkeypatch.setattr(ChosenFilter, "template", "admin/filter.html")
    assert [page(admin_client, address) for address in addresses] == built
    assert built[0].count('class="action-select"') == 4
    assert f'href="{REPORTS}' in built[1] and "_changelist_filters=country%3DAZ" in built[1]
    assert "data-popup-opener=" in built[2]
    reports = admin.site.get_model_admin(Article)
    assert reports.action_checkbox(plain) == ModelAdmin.action_checkbox(reports, plain)
