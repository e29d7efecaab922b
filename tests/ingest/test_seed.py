"""The seed report, byte for byte as it reached us: what the parser and the import screen give.

The page archive that stored it put ` date 2023-09-19 ` on the dateline's own line, the
agency is named only in the first sentence ("Trend reports from the scene"), and each
paragraph is one line. See tests/ingest/data/README.md.
"""

import datetime
from pathlib import Path

import pytest

from articles.models import Article
from ingest.importer import tag_report
from ingest.reading import read_reports
from organizations.models import Person

pytestmark = pytest.mark.django_db
SEED = Path(__file__).parent / "data" / "trend-2023-09-19-caspian-media-forum.txt"
IMPORT = "/admin/articles/article/import/"
FIRST_SENTENCE = (
    "Azerbaijan and Astrakhan are connected by interesting moments in the history of our "
    "journalism, said the executive director of the Media Development Agency of the Republic "
    "of Azerbaijan, Ahmed Ismayilov"
)


@pytest.fixture
def seed():
    data = SEED.read_bytes()
    assert data.startswith(b" date 2023-09-19 RUSSIA, Astrakhan, September 19. Azerbaijan")
    return data


def test_the_seed_gives_its_dateline_date_and_agency(registry, seed):
    [report] = read_reports(seed, filename=SEED.name, import_date=datetime.date(2026, 11, 29))
    assert report.dateline.raw == "RUSSIA, Astrakhan, September 19."
    assert (report.dateline.city, report.dateline.country) == ("Astrakhan", "RU")
    assert report.dateline.date == datetime.date(2023, 9, 19)
    assert report.agency == "Trend News Agency"
    assert report.body.startswith("Azerbaijan and Astrakhan are connected")
    assert "date 2023" not in report.body and "RUSSIA, Astrakhan" not in report.body


def test_the_seed_headline_is_its_first_sentence_with_a_warning(registry, seed):
    [report] = read_reports(seed, import_date=datetime.date(2023, 9, 20))
    assert FIRST_SENTENCE.startswith(report.headline.rstrip("…"))
    assert "date" not in report.headline and "RUSSIA" not in report.headline
    assert "No headline line was found; the first sentence stands in." in report.warnings


def test_the_seed_is_tagged_as_an_editor_would(registry, seed):
    [report] = read_reports(seed, import_date=datetime.date(2023, 9, 20))
    tags = tag_report(report)
    assert sorted(tags.keys("countries")) == ["AZ", "BY", "IR", "KG", "KZ", "RU", "TM", "UZ"]
    assert {s.name for s in tags.events} == {
        "Caspian Media Forum 2023",
        "Shusha Global Media Forum 2023",
    }
    organizations = {s.name for s in tags.organizations}
    assert "Media Development Agency of the Republic of Azerbaijan" in organizations
    assert organizations <= {
        "Media Development Agency of the Republic of Azerbaijan",
        "Trend News Agency",
        "Hummat",  # a registered historical newspaper the text names
    }
    assert {s.name for s in tags.people} == {"Ahmed Ismayilov", "Heydar Aliyev"}
    # The newspapers the registry lacks are offered, not reported as errors.
    candidates = {c.text for c in tags.candidates}
    assert {"Burhani-Hagigat", "Haqq"} & candidates or "Haqq" in report.body
    assert not report.error


def test_the_import_screen_previews_the_seed_and_saves_it_as_parsed(admin_client, registry, seed):
    response = admin_client.post(IMPORT, {"text": seed.decode(), "preview": "1"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "RUSSIA, Astrakhan, September 19." in page
    assert "2023-09-19" in page
    assert "Trend News Agency" in page
    assert "No headline line was found" in page
    assert 'name="tag-countries" value="BY" checked' in page

    ismayilov = Person.objects.get(name="Ahmed Ismayilov")
    admin_client.post(IMPORT, {"text": seed.decode(), "create": "1", "tag-people": [ismayilov.pk]})
    article = Article.objects.get()
    assert article.dateline_raw == "RUSSIA, Astrakhan, September 19."
    assert article.dateline_city.name == "Astrakhan"
    assert article.dateline_country_id == "RU"
    assert article.agency.name == "Trend News Agency"
    assert article.published_at is None or article.published_at.date() == datetime.date(2023, 9, 19)
    assert list(article.people.all()) == [ismayilov]
    assert (
        article.body.startswith("Azerbaijan and Astrakhan")
        or "Azerbaijan and Astrakhan" in (article.body[:200])
    )
