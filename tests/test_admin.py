"""Every model's admin pages load for a superuser, with a constant number of queries."""

import pytest
from django.contrib import admin
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.admin import ArticlePaginator
from articles.models import Article
from events.models import ParticipationRole
from newsroom.admin import EstimatedCountPaginator
from tests.factories import (
    AffiliationFactory,
    ArticleFactory,
    CityFactory,
    EventFactory,
    EventSeriesFactory,
    OrganizationFactory,
    ParticipationFactory,
    PersonFactory,
    country,
)

pytestmark = pytest.mark.django_db

DOMAIN_APPS = {"places", "organizations", "events", "articles"}
REGISTERED = sorted(
    (m for m in admin.site._registry if m._meta.app_label in DOMAIN_APPS),
    key=lambda m: m._meta.label,
)


def admin_url(model, view: str, *args) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def test_every_domain_model_is_registered():
    labels = {model._meta.label for model in REGISTERED}
    assert {
        "places.Country",
        "places.City",
        "organizations.Organization",
        "organizations.Person",
        "events.EventSeries",
        "events.Event",
        "articles.Article",
    } <= labels


def make_one_of_each():
    event = EventFactory(series=EventSeriesFactory(), city=CityFactory())
    ParticipationFactory(event=event, role=ParticipationRole.OBSERVER)
    affiliation = AffiliationFactory()
    ArticleFactory(tags={"events": [event], "countries": [country("AZ")]})
    return affiliation


@pytest.mark.parametrize("model", REGISTERED, ids=lambda m: m._meta.label)
def test_changelist_add_and_change_pages_load(admin_client, model):
    make_one_of_each()
    assert admin_client.get(admin_url(model, "changelist")).status_code == 200
    assert admin_client.get(admin_url(model, "add")).status_code == 200
    obj = model._default_manager.first()
    assert admin_client.get(admin_url(model, "change", obj.pk)).status_code == 200


def test_article_changelist_searches_and_filters(admin_client):
    trend = OrganizationFactory(name="Trend", kind="news_agency")
    ArticleFactory(
        headline="Forum opens in Astrakhan", agency=trend, tags={"countries": [country("RU")]}
    )
    ArticleFactory(headline="Draft about ports", draft=True)
    url = admin_url(ArticleFactory._meta.model, "changelist")
    assert "Forum opens" in admin_client.get(url, {"q": "Astrakhan"}).content.decode()
    drafts = admin_client.get(url, {"status__exact": "draft"}).content.decode()
    assert "Draft about ports" in drafts and "Forum opens" not in drafts
    russia = admin_client.get(url, {"country": "RU"}).content.decode()
    assert "Forum opens" in russia and "Draft about ports" not in russia


def test_admin_search_finds_people_by_alias(admin_client):
    PersonFactory(name="Ahmed Ismayilov", aliases=["Akhmad Ismayilov"])
    response = admin_client.get(admin_url(PersonFactory._meta.model, "changelist"), {"q": "Akhmad"})
    assert "Ahmed Ismayilov" in response.content.decode()


def test_autocomplete_offers_only_news_agencies_for_article_agency(admin_client):
    OrganizationFactory(name="Trend News Agency", kind="news_agency")
    OrganizationFactory(name="Trend Ministry", kind="government")
    response = admin_client.get(
        "/admin/autocomplete/",
        {"term": "Trend", "app_label": "articles", "model_name": "article", "field_name": "agency"},
    )
    assert [r["text"] for r in response.json()["results"]] == ["Trend News Agency"]


def test_saving_records_who_created_and_changed(admin_client, admin_user):
    response = admin_client.post(
        admin_url(OrganizationFactory._meta.model, "add"),
        {
            "name": "Media Development Agency",
            "slug": "mda",
            "kind": "government",
            "aliases": "MDA\nMedia Development Agency of Azerbaijan",
            "affiliations-TOTAL_FORMS": "0",
            "affiliations-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302
    org = OrganizationFactory._meta.model.objects.get(slug="mda")
    assert org.created_by == admin_user and org.updated_by == admin_user
    assert org.aliases == ["MDA", "Media Development Agency of Azerbaijan"]


def query_count(client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


CHANGELIST_BUILDERS = {
    "articles.Article": lambda: ArticleFactory(
        tags={"events": [EventFactory()], "countries": [country("AZ"), country("RU")]}
    ),
    "events.Event": lambda: ParticipationFactory(event=EventFactory(city=CityFactory())).event,
    "organizations.Organization": lambda: OrganizationFactory(country=country("AZ")),
    "organizations.Person": lambda: AffiliationFactory(person__country=country("KZ")).person,
    "places.City": CityFactory,
    "events.EventSeries": EventSeriesFactory,
}


@pytest.mark.parametrize("label", CHANGELIST_BUILDERS)
def test_changelist_and_change_form_queries_do_not_grow_with_rows(admin_client, label):
    build = CHANGELIST_BUILDERS[label]
    model = next(m for m in REGISTERED if m._meta.label == label)
    first = build()
    build()
    few = query_count(admin_client, admin_url(model, "changelist"))
    form_few = query_count(admin_client, admin_url(model, "change", first.pk))
    for _ in range(18):
        build()
    assert query_count(admin_client, admin_url(model, "changelist")) == few
    assert query_count(admin_client, admin_url(model, "change", first.pk)) == form_few


def test_report_change_form_reads_each_kind_of_tag_once(admin_client):
    """The form and the suggestion panel share one read of each kind of tag."""
    tags = {
        "events": [EventFactory()],
        "countries": [country("AZ"), country("RU")],
        "organizations": [OrganizationFactory()],
        "people": [PersonFactory()],
    }
    article = ArticleFactory(tags=tags)
    with CaptureQueriesContext(connection) as ctx:
        page = admin_client.get(admin_url(Article, "change", article.pk))
    assert page.status_code == 200
    for through in ("events", "countries", "organizations", "people"):
        table = f'"articles_article_{through}"'
        # The form's initial values and the panel's "applied" marks share one read.
        assert sum(table in q["sql"] for q in ctx.captured_queries) == 1, through
    for tag in [*tags["organizations"], *tags["people"]]:
        assert f'<option value="{tag.pk}" selected>{tag.name}</option>' in page.content.decode()


def test_report_form_labels_its_links_and_tags_without_a_query_for_each(admin_client, editor):
    """The links are read with the report (those to reports and people, one query a
    model) and the tags in one query: the autocompletes and the workflow box ask nothing."""
    bare = ArticleFactory(agency=None)
    earlier = ArticleFactory(headline="The earlier report")
    linked = ArticleFactory(
        update_of=earlier,
        near_duplicate_of=earlier,
        similarity=0.9,
        dateline_city=CityFactory(name="Astrakhan", country=country("RU")),
        dateline_country=country("RU"),
        created_by=editor,
        updated_by=editor,
        published_by=editor,
        tags={
            "events": [EventFactory(), EventFactory()],
            "countries": [country("AZ"), country("RU")],
            "organizations": [OrganizationFactory()],
            "people": [PersonFactory()],
        },
    )
    urls = [admin_url(Article, "change", report.pk) for report in (bare, linked)]
    for url in urls:
        admin_client.get(url)  # the tagger's registry, read once
    bare_count, linked_count = (query_count(admin_client, url) for url in urls)
    assert linked_count == bare_count + 2  # the earlier report; the editor
    page = admin_client.get(urls[1]).content.decode()
    assert f'<option value="{earlier.pk}" selected>The earlier report</option>' in page
    assert f'<option value="{linked.dateline_city_id}" selected>Astrakhan, RU</option>' in page
    assert f'<a href="{admin_url(Article, "change", earlier.pk)}">The earlier report</a>' in page
    assert page.count(f">{editor.username}</a>") == 2  # created and changed by


INLINE_BUILDERS = {
    "events.Event": lambda parent, n: ParticipationFactory(
        event=parent, country=None, organization=OrganizationFactory()
    ),
    "organizations.Person": lambda parent, n: AffiliationFactory(person=parent),
    "organizations.Organization": lambda parent, n: AffiliationFactory(organization=parent),
}
INLINE_PARENTS = {
    "events.Event": lambda: EventFactory(),
    "organizations.Person": PersonFactory,
    "organizations.Organization": OrganizationFactory,
}


@pytest.mark.parametrize("label", INLINE_BUILDERS)
def test_change_form_queries_do_not_grow_with_inline_rows(admin_client, label):
    model = next(m for m in REGISTERED if m._meta.label == label)
    parent = INLINE_PARENTS[label]()
    add = INLINE_BUILDERS[label]
    for n in range(2):
        add(parent, n)
    url = admin_url(model, "change", parent.pk)
    few = query_count(admin_client, url)
    for n in range(18):
        add(parent, n)
    assert query_count(admin_client, url) == few
    assert few <= 15


def test_publishing_from_the_admin_without_a_time_stamps_it_now(admin_client):
    article = ArticleFactory(draft=True)
    url = reverse("admin:articles_article_workflow", args=[article.pk, "publish"])
    assert admin_client.post(url).status_code == 302
    article.refresh_from_db()
    assert article.status == "published" and article.published_at is not None


def test_view_on_site_links_to_this_sites_public_page(admin_client):
    person = PersonFactory(slug="leyla-aliyeva")
    page = admin_client.get(admin_url(type(person), "change", person.pk)).content.decode()
    assert 'href="/people/leyla-aliyeva/"' in page
    assert "example.com" not in page


@pytest.mark.parametrize(
    "query", ["event=999999", "event=abc", "event=%C2%B2", "country=ZZ", "agency=x"]
)  # a NUL answers 400 before any filter: tests/test_bad_input_and_outages.py
def test_report_list_answers_unknown_filter_choices_with_an_empty_list(admin_client, query):
    ArticleFactory(headline="A report that matches no such filter")
    response = admin_client.get(f"/admin/articles/article/?{query}")
    if response.status_code == 302:  # the admin's own answer to a lookup it cannot run
        assert response["Location"] == "/admin/articles/article/?e=1"
        return
    assert response.status_code == 200
    assert list(response.context["cl"].result_list) == []
    assert response.context["cl"].result_count == 0
    assert "A report that matches no such filter" not in response.content.decode()


def test_a_country_tagged_only_on_drafts_still_filters_the_report_list(admin_client):
    """Its choice is not listed (it has no published reports), yet the link filters."""
    draft = ArticleFactory(
        draft=True, headline="Draft on Kyrgyzstan", tags={"countries": [country("KG")]}
    )
    ArticleFactory(headline="Published elsewhere")
    response = admin_client.get("/admin/articles/article/?country=KG")
    assert list(response.context["cl"].result_list) == [draft]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite lists are counted exactly")
def test_the_estimated_count_of_a_list_that_can_match_nothing_is_zero(db):
    """PostgreSQL: the planner is never asked about a query Django knows is empty."""
    ArticleFactory()
    assert EstimatedCountPaginator(Article.objects.filter(pk__in=[]), 20).count == 0
    assert EstimatedCountPaginator(Article.objects.none(), 20).count == 0
    assert EstimatedCountPaginator(Article.objects.all(), 20).count == 1  # small: counted


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite lists are counted exactly")
def test_a_short_report_list_is_counted_exactly_and_only_up_to_its_bound(db):
    """A planner's estimate far too low must not turn into counting the archive."""
    for _ in range(5):
        ArticleFactory()
    assert ArticlePaginator(Article.objects.all(), 100).count == 5
    bounded = ArticlePaginator(Article.objects.all(), 100)
    bounded.counted_up_to = 3
    with CaptureQueriesContext(connection) as ctx:
        assert bounded.count >= 3
    assert "LIMIT 3" in ctx.captured_queries[-1]["sql"]


def test_report_list_filters_by_a_country_tag_or_dateline(admin_client):
    tagged = ArticleFactory(headline="Tagged one", tags={"countries": [country("KZ")]})
    ArticleFactory(headline="Elsewhere")
    response = admin_client.get("/admin/articles/article/?country=KZ")
    assert list(response.context["cl"].result_list) == [tagged]


def test_a_report_the_public_has_seen_is_withdrawn_never_deleted(admin_client, editor):
    seen = ArticleFactory(headline="Seen by readers")
    gone = ArticleFactory(headline="Seen then withdrawn")
    gone.withdraw(by=editor, reason="Wrong figures.")
    draft = ArticleFactory(headline="Never public", draft=True)
    for report in (seen, gone):
        page = admin_client.post(admin_url(Article, "delete", report.pk), {"post": "yes"})
        assert "withdraw it instead" in page.content.decode()
        assert Article.objects.filter(pk=report.pk).exists()
    chosen = {"action": "delete_selected", "_selected_action": [seen.pk, draft.pk], "post": "yes"}
    page = admin_client.post(admin_url(Article, "changelist"), chosen)
    assert "withdraw it instead" in page.content.decode()
    assert Article.objects.filter(pk__in=[seen.pk, draft.pk]).count() == 2
    admin_client.post(admin_url(Article, "delete", draft.pk), {"post": "yes"})
    assert not Article.objects.filter(pk=draft.pk).exists()  # a draft the public never saw
