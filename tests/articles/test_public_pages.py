from datetime import date

import pytest

from tests.factories import (
    AgencyFactory,
    ArticleFactory,
    CityFactory,
    EventFactory,
    OrganizationFactory,
    PersonFactory,
    country,
    utc,
)

pytestmark = pytest.mark.django_db

HIDDEN_STATES = ["draft", "in_review", "scheduled", "embargoed", "withdrawn"]


def test_home_lists_latest_reports_events_and_countries(client):
    event = EventFactory(
        name="Caspian Media Forum 2099",
        start_date=date(2099, 9, 18),
        end_date=date(2099, 9, 19),
        always_public=True,  # announced ahead
    )
    ArticleFactory(headline="Forum opens on the Volga", tags={"countries": [country("RU")]})
    response = client.get("/")
    assert response.status_code == 200
    content = response.content.decode()
    assert "Forum opens on the Volga" in content
    assert event.name in content
    assert "Russian Federation" in content


def test_report_page_shows_headline_dateline_agency_body_and_linked_tags(client):
    event = EventFactory(name="Caspian Media Forum 2023")
    person = PersonFactory(name="Ahmed Ismayilov")
    org = OrganizationFactory(name="Media Development Agency")
    article = ArticleFactory(
        headline="Caspian media meet in Astrakhan",
        dateline_raw="RUSSIA, Astrakhan, September 19.",
        agency=AgencyFactory(name="Trend"),
        body="<p>Journalists from five states gathered.</p>",
        tags={
            "events": [event],
            "countries": [country("AZ")],
            "organizations": [org],
            "people": [person],
        },
    )
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    content = response.content.decode()
    for text in [
        "Caspian media meet in Astrakhan",
        "RUSSIA, Astrakhan, September 19.",
        "Trend",
        "Journalists from five states gathered.",
    ]:
        assert text in content
    for obj in [event, person, org, country("AZ")]:
        assert f'href="{obj.get_absolute_url()}"' in content
    assert '"@type": "NewsArticle"' in content


def test_report_page_lists_each_kind_of_tag_in_its_order_from_two_queries(
    client, django_assert_num_queries
):
    later, earlier = (
        EventFactory(name="Later summit", start_date=date(2024, 6, 1)),
        EventFactory(name="Earlier summit", start_date=date(2021, 6, 1)),
    )
    article = ArticleFactory(
        dateline_country=country("AZ"),
        tags={
            "events": [earlier, later],
            "countries": [country("TM"), country("AZ"), country("KZ")],
            "organizations": [OrganizationFactory(name="Zeta Council"),
                              OrganizationFactory(name="Aral Union")],
            "people": [PersonFactory(name="Omar Y"), PersonFactory(name="Anar B")],
        },
    )  # fmt: skip
    with django_assert_num_queries(3):  # the report, every tag of it, then related reports
        content = client.get(article.get_absolute_url()).content.decode()
    footer = content[content.index('class="report-tags"') :]

    def order(*names: str) -> list[int]:
        return [footer.index(f">{name}</a>") for name in names]

    assert order("Later summit", "Earlier summit") == sorted(
        order("Later summit", "Earlier summit")
    )
    countries = order("Azerbaijan", "Kazakhstan", "Turkmenistan")
    assert countries == sorted(countries)
    assert footer.count(">Azerbaijan</a>") == 1  # datelined and tagged: listed once
    assert order("Aral Union", "Zeta Council") == sorted(order("Aral Union", "Zeta Council"))
    assert order("Anar B", "Omar Y") == sorted(order("Anar B", "Omar Y"))


def test_report_url_has_publication_date_and_slug(client):
    article = ArticleFactory(headline="Port traffic rises", published_at=utc(2024, 3, 5, 10))
    assert article.get_absolute_url() == "/articles/2024/03/05/port-traffic-rises/"


def test_report_under_another_date_redirects_to_its_address(client):
    article = ArticleFactory(headline="Port traffic rises", published_at=utc(2024, 3, 5, 10))
    for wrong in ("2024/03/06", "2024/02/31"):
        response = client.get(f"/articles/{wrong}/{article.slug}/")
        assert response.status_code == 301
        assert response["Location"] == "/articles/2024/03/05/port-traffic-rises/"
    assert client.get("/articles/2024/03/05/no-such-report/").status_code == 404


@pytest.mark.parametrize("state", HIDDEN_STATES)
def test_unpublished_report_is_absent_from_every_public_page(client, state):
    event = EventFactory()
    org = OrganizationFactory()
    person = PersonFactory()
    agency = AgencyFactory()
    tags = {
        "events": [event],
        "countries": [country("KZ")],
        "organizations": [org],
        "people": [person],
    }
    hidden = ArticleFactory(headline="Secret headline", agency=agency, tags=tags, **{state: True})
    pages = [
        "/",
        "/articles/",
        event.get_absolute_url(),
        "/events/",
        "/countries/",
        "/countries/kz/",
        org.get_absolute_url(),
        agency.get_absolute_url(),
        person.get_absolute_url(),
    ]
    # Only this report names them: the public does not know them either.
    named = {event.get_absolute_url(), org.get_absolute_url(), agency.get_absolute_url(),
             person.get_absolute_url()}  # fmt: skip
    for url in pages:
        response = client.get(url)
        assert response.status_code == (404 if url in named else 200), url
        assert "Secret headline" not in response.content.decode(), url
    assert client.get(hidden.get_absolute_url()).status_code == (
        410 if state == "withdrawn" else 404
    )


def test_unpublished_reports_do_not_count_on_country_index(client):
    ArticleFactory(tags={"countries": [country("TM")]})
    ArticleFactory(draft=True, tags={"countries": [country("TM")]})
    ArticleFactory(embargoed=True, tags={"countries": [country("TM")]})
    response = client.get("/countries/")
    turkmenistan = next(c for c in response.context["countries"] if c.code == "TM")
    assert turkmenistan.article_count == 1


def test_report_list_filters_by_each_filter(client):
    agency = AgencyFactory(slug="trend", short_name="Trend")
    event = EventFactory(slug="caspian-media-forum-2023")
    org = OrganizationFactory(slug="mda")
    person = PersonFactory(slug="ahmed-ismayilov")
    ArticleFactory(headline="Matching event", tags={"events": [event]})
    ArticleFactory(headline="Matching country", tags={"countries": [country("IR")]})
    ArticleFactory(headline="Matching dateline", dateline_country=country("IR"))
    ArticleFactory(headline="Matching organization", tags={"organizations": [org]})
    ArticleFactory(headline="Matching person", tags={"people": [person]})
    ArticleFactory(headline="Matching agency", agency=agency)
    ArticleFactory(headline="Matching date", published_at=utc(2021, 6, 15, 8))
    cases = {
        "event=caspian-media-forum-2023": {"Matching event"},
        "country=ir": {"Matching country", "Matching dateline"},
        "organization=mda": {"Matching organization"},
        "person=ahmed-ismayilov": {"Matching person"},
        "agency=trend": {"Matching agency"},
        "published_after=2021-06-01&published_before=2021-06-30": {"Matching date"},
        "published_before=2021-06-15": {"Matching date"},
    }
    for query, expected in cases.items():
        response = client.get(f"/articles/?{query}")
        assert {a.headline for a in response.context["page_obj"]} == expected, query


def test_the_filter_form_marks_what_the_list_is_filtered_by(client):
    event = EventFactory(slug="caspian-media-forum-2023", name="Caspian <Media> Forum")
    ArticleFactory(tags={"events": [event], "countries": [country("IR")]})
    page = client.get("/articles/?event=Caspian-Media-Forum-2023&country=IR").content.decode()
    assert (
        '<option value="caspian-media-forum-2023" selected>Caspian &lt;Media&gt; Forum</option>'
        in page
    )
    assert '<option value="ir" selected>' in page
    assert page.count(" selected>") == 2


def test_report_list_shows_an_error_for_a_malformed_date(client):
    ArticleFactory()
    response = client.get("/articles/?published_after=19-09-2023")
    assert response.status_code == 200
    assert "Enter a date" in response.content.decode()


def test_country_page_shows_reports_about_or_datelined_in_it_and_its_events(client):
    city = CityFactory(name="Astrakhan", country=country("RU"))
    hosted = EventFactory(name="Volga Press Days", city=city, always_public=True)
    ArticleFactory(headline="Tagged with Russia", tags={"countries": [country("RU")]})
    ArticleFactory(headline="Datelined in Astrakhan", dateline_city=city)
    ArticleFactory(headline="About Iran only", tags={"countries": [country("IR")]})
    response = client.get("/countries/ru/")
    content = response.content.decode()
    assert "Tagged with Russia" in content
    assert "Datelined in Astrakhan" in content
    assert "About Iran only" not in content
    assert hosted.name in content


def test_country_page_by_upper_case_code_redirects_to_lower_case(client):
    response = client.get("/countries/AZ/")
    assert response.status_code == 301
    assert response["Location"] == "/countries/az/"


@pytest.mark.parametrize(
    "url",
    [
        "/countries/xx/",
        "/events/no-such-event/",
        "/organizations/nobody/",
        "/people/nobody/",
        "/articles/2023/09/19/nothing/",
        "/countries/abc/",
    ],
)
def test_unknown_objects_give_404(client, url):
    assert client.get(url).status_code == 404


def test_country_redirect_keeps_the_query_string(client):
    response = client.get("/countries/AZ/?page=2")
    assert response["Location"] == "/countries/az/?page=2"


@pytest.mark.parametrize(
    "query", ["published_after=9999-12-31T23:00:00-10:00", "country=%00", "event=%00", "page=abc"]
)
def test_odd_filter_values_never_give_500(client, query):
    ArticleFactory()
    expected = {400} if "%00" in query else {200, 404}  # NUL: tests/test_bad_input_and_outages.py
    assert client.get(f"/articles/?{query}").status_code in expected
