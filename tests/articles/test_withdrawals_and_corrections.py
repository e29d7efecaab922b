import pytest

from tests.factories import ArticleFactory, country, utc

pytestmark = pytest.mark.django_db


def test_a_withdrawn_report_answers_410_with_headline_time_and_reason(client, editor):
    article = ArticleFactory(headline="Ministry figures on grain exports")
    article.withdraw(by=editor, reason="The ministry retracted the figures.")
    response = client.get(article.get_absolute_url())
    assert response.status_code == 410
    body = response.content.decode()
    assert "Ministry figures on grain exports" in body
    assert "The ministry retracted the figures." in body
    assert "Withdrawn on" in body


def test_the_api_detail_says_a_report_was_withdrawn(api_client, editor):
    article = ArticleFactory()
    article.withdraw(by=editor, reason="Duplicate of another report.")
    response = api_client.get(f"/api/v1/articles/{article.pk}/")
    assert response.status_code == 410
    assert response.json()["withdrawn"] is True
    assert response.json()["withdrawal_reason"] == "Duplicate of another report."
    assert response.json()["version"] == article.version > 1  # later than any copy
    assert api_client.get("/api/v1/articles/").json()["results"] == []


def test_a_correction_and_its_original_link_to_each_other(client):
    original = ArticleFactory(
        headline="Port handles 5 million tonnes", published_at=utc(2024, 3, 1, 9)
    )
    correction = ArticleFactory(
        headline="Port handles 4.5 million tonnes",
        correction_of=original,
        correction_note="An earlier version overstated the tonnage.",
        published_at=utc(2024, 3, 1, 12),
    )
    old_page = client.get(original.get_absolute_url()).content.decode()
    assert "This report has been corrected" in old_page
    assert f'href="{correction.get_absolute_url()}"' in old_page
    new_page = client.get(correction.get_absolute_url()).content.decode()
    assert "Correction:" in new_page and "An earlier version overstated the tonnage." in new_page
    assert f'href="{original.get_absolute_url()}"' in new_page


def test_lists_show_only_the_latest_report_of_a_chain(client, api_client):
    first = ArticleFactory(headline="Talks begin", tags={"countries": [country("AZ")]})
    second = ArticleFactory(
        headline="Talks continue", update_of=first, tags={"countries": [country("AZ")]}
    )
    third = ArticleFactory(
        headline="Talks end in deal", update_of=second, tags={"countries": [country("AZ")]}
    )
    listed = [a.headline for a in client.get("/articles/").context["page_obj"]]
    assert listed == [third.headline]
    assert [a["headline"] for a in api_client.get("/api/v1/articles/").json()["results"]] == [
        third.headline
    ]
    country_page = client.get("/countries/az/").content.decode()
    assert "Talks end in deal" in country_page and "Talks begin" not in country_page
    assert client.get(first.get_absolute_url()).status_code == 200  # still readable


def test_an_unpublished_update_does_not_hide_the_published_original(client):
    original = ArticleFactory(headline="Storm closes port")
    ArticleFactory(headline="Storm update", update_of=original, draft=True)
    assert [a.headline for a in client.get("/articles/").context["page_obj"]] == [
        "Storm closes port"
    ]
    assert "has been updated" not in client.get(original.get_absolute_url()).content.decode()


def test_a_report_withdrawn_before_its_embargo_ended_stays_unknown(client, api_client, editor):
    article = ArticleFactory(headline="Embargoed budget figures", embargo_until=utc(2099, 1, 1))
    article.withdraw(by=editor, reason="Figures were wrong.")
    assert client.get(article.get_absolute_url()).status_code == 404
    response = api_client.get(f"/api/v1/articles/{article.pk}/")
    assert response.status_code == 404 and "Figures were wrong" not in response.content.decode()


def test_a_superseded_report_stays_readable_but_leaves_lists_and_counts(client, api_client):
    old = ArticleFactory(headline="Old version", tags={"countries": [country("KG")]})
    ArticleFactory(headline="New version", update_of=old, tags={"countries": [country("KG")]})
    assert client.get(old.get_absolute_url()).status_code == 200
    assert api_client.get(f"/api/v1/articles/{old.pk}/").status_code == 200
    assert api_client.get("/api/v1/countries/kg/").json()["article_count"] == 1
