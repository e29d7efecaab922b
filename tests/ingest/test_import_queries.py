"""Saving an imported report costs a fixed number of queries, however many tags it gets."""

import json

import pytest

from ingest.importer import CREATED, import_report, tag_report
from ingest.reading import read_reports
from ingest.registry import get_registry
from tests.factories import OrganizationFactory, PersonFactory, country

pytestmark = pytest.mark.django_db

# The whole save of a new feed item tagged with countries, organizations and people:
# agency, item lookup, near-duplicate check, slug, report, tags (one statement per kind),
# index rows (one), revision and its tags (one copy per kind), item key, and two
# savepoints with their releases. See docs/benchmarks.md, "Intake speed".
SAVE_BUDGET = 18
PEOPLE = ["Anar Mammadov", "Leyla Karimova", "Rustam Nurlanov", "Dilnoza Yusupova",
          "Timur Abenov", "Aigerim Sadykova", "Bakhtiyar Omarov", "Saule Aliyeva"]  # fmt: skip
BODIES = ["Caspian Freight Union", "Steppe Rail Council", "Silk Road Port Authority",
          "Aral Water Institute", "Turan Press Foundation", "Ural Grain Board",
          "Altai Energy Group", "Pamir Roads Agency"]  # fmt: skip


def feed_item(people: list[str], bodies: list[str]):
    text = (
        f"BAKU, Azerbaijan, Sept. 19. {', '.join(people)} met delegates of the "
        f"{' and the '.join(bodies)} from Kazakhstan and Russia on Tuesday."
    )
    item = {
        "uri": "urn:trend:2023-0919-90",
        "version": "1",
        "type": "text",
        "headline": "Delegates meet in Baku",
        "provider": {"name": "Trend"},
        "body_text": text,
        "versioncreated": "2023-09-19T10:00:00Z",
    }
    [report] = read_reports(json.dumps(item).encode(), filename="item.json")
    return report


@pytest.mark.parametrize("per_kind", [1, 8])
def test_saving_an_import_takes_the_same_queries_for_one_tag_or_many(
    registry, django_assert_max_num_queries, per_kind
):
    country("KZ")
    people = [PersonFactory(name=name).name for name in PEOPLE][:per_kind]
    bodies = [OrganizationFactory(name=name).name for name in BODIES][:per_kind]
    report = feed_item(people, bodies)
    tags = tag_report(report)
    assert (len(tags.keys("people")), len(tags.keys("organizations"))) == (per_kind, per_kind)
    get_registry()  # the registry snapshot is built once per registry change, not per import

    with django_assert_max_num_queries(SAVE_BUDGET):
        outcome = import_report(report)

    article = outcome.article
    assert outcome.action == CREATED
    assert article.people.count() == article.organizations.count() == per_kind
    assert sorted(article.countries.values_list("code", flat=True)) == ["AZ", "KZ", "RU"]
    [revision] = article.history.all()  # history kept: one revision, with its tags
    assert revision.people.count() == revision.organizations.count() == per_kind
    assert revision.countries.count() == 3
