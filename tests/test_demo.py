import datetime

import pytest
import time_machine
from django.core.management import call_command

from articles.models import Article
from events.models import Event
from organizations.models import Organization, Person

pytestmark = pytest.mark.django_db


def snapshot() -> dict[str, int]:
    return {
        "articles": Article.objects.count(),
        "events": Event.objects.count(),
        "organizations": Organization.objects.count(),
        "people": Person.objects.count(),
        "versions": sum(Article.objects.values_list("version", flat=True)),
    }


# The demo world is set in late 2026: two of its events are still to come then.
@time_machine.travel(datetime.datetime(2026, 11, 26, 12, tzinfo=datetime.UTC))
def test_load_demo_builds_the_caspian_media_forum_world_and_is_idempotent(client):
    call_command("load_demo", verbosity=0)
    first = snapshot()
    call_command("load_demo", verbosity=0)
    assert snapshot() == first

    forum = Event.objects.get(slug="caspian-media-forum-2023")
    assert (forum.start_date, forum.end_date) == (
        datetime.date(2023, 9, 18),
        datetime.date(2023, 9, 19),
    )
    assert forum.city.name == "Astrakhan" and forum.country_id == "RU"
    roles = {(p.country_id, p.role) for p in forum.participations.all() if p.country_id}
    assert {(c, "delegation") for c in ["AZ", "IR", "KZ", "RU", "TM"]} <= roles
    assert {(c, "observer") for c in ["BY", "KG", "UZ"]} <= roles

    ismayilov = Person.objects.get(name="Ahmed Ismayilov")
    assert "Akhmad Ismayilov" in ismayilov.aliases
    assert Organization.objects.get(slug="trend").kind == "news_agency"
    assert Organization.objects.get(name="Hummat").active_years == "1919–1920"

    published = Article.objects.published()
    assert published.count() >= 20
    assert published.values("agency").distinct().count() >= 3
    assert Event.objects.filter(articles__in=published).distinct().count() >= 3
    assert published.filter(events=forum, agency__slug="trend").exists()
    assert Event.objects.upcoming().exists()

    for url in [
        "/",
        "/articles/",
        "/events/",
        "/countries/",
        "/countries/az/",
        forum.get_absolute_url(),
        ismayilov.get_absolute_url(),
        published.first().get_absolute_url(),
    ]:
        assert client.get(url).status_code == 200, url
