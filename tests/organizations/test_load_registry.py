"""`load_registry` adds the shipped registries and never undoes an editor's work."""

import dataclasses

import pytest
from django.core.management import call_command

from editorial.merge import merge_records
from ingest.agencies import load_agencies
from organizations import registry_data
from organizations.models import Organization, OrganizationKind, Person, RegistrySeed
from tests.factories import AgencyFactory, PersonFactory, country

pytestmark = pytest.mark.django_db
SOME = {
    "AGENCIES": {"trend", "tass", "interfax", "interfax-ukraine", "kazinform"},
    "DISTRIBUTORS": {"menafn"},
    "BODIES": {"commonwealth-of-independent-states"},
    "PEOPLE": {"ilham-aliyev", "vladimir-putin", "kassym-jomart-tokayev"},
}


@pytest.fixture
def some_entries(monkeypatch):
    """A few entries of each data file: what the loader does does not depend on how many."""
    for name, slugs in SOME.items():
        facts = getattr(registry_data, name)
        monkeypatch.setattr(registry_data, name, tuple(f for f in facts if f.slug in slugs))


def load(capsys=None, *args: str) -> str:
    call_command("load_registry", *args)
    return capsys.readouterr().out if capsys else ""


def everything() -> tuple[list[dict], list[dict], int]:
    """Every organization and person as stored, and how many revisions they have."""
    revisions = Organization.history.count() + Person.history.count()
    return list(Organization.objects.values()), list(Person.objects.values()), revisions


def test_it_loads_the_agencies_bodies_and_people(capsys):
    out = load(capsys)
    assert Organization.objects.agencies().count() == len(registry_data.AGENCIES) >= 150
    bodies = Organization.objects.filter(kind=OrganizationKind.INTERGOVERNMENTAL)
    assert bodies.count() == len(registry_data.BODIES)
    assert Person.objects.count() == len(registry_data.PEOPLE) >= 150
    assert f"News agencies: {len(registry_data.AGENCIES)} added" in out


def test_an_agency_carries_its_signs_languages_sites_and_parent(some_entries):
    load()
    tass = Organization.objects.get(slug="tass")
    assert tass.signs[:3] == ["/TASS/", "TASS", "ITAR-TASS"]
    assert {"ТАСС", "ИТАР-ТАСС"} <= set(tass.aliases)
    assert (tass.country_id, tass.website, tass.languages) == (
        "RU",
        "https://tass.com",
        ["ru", "en"],
    )
    assert "https://tass.ru" in tass.other_sites
    assert Organization.objects.get(slug="interfax-ukraine").parent == Organization.objects.get(
        slug="interfax"
    )
    assert Organization.objects.get(slug="menafn").kind == OrganizationKind.COMPANY


def test_a_person_carries_their_spellings(some_entries):
    load()
    tokayev = Person.objects.get(slug="kassym-jomart-tokayev")
    assert tokayev.country_id == "KZ" and "President of Kazakhstan" in tokayev.description
    assert {"Tokayev", "Касым-Жомарт Токаев"} <= set(tokayev.aliases)


def test_running_it_twice_changes_nothing(capsys):
    load()
    before = everything()
    out = load(capsys)
    assert everything() == before
    assert out.count(" 0 added, 0 matched to existing records, 0 given new names") == 4


def test_an_editors_renamed_agency_and_edited_description_are_kept(some_entries):
    load()
    Organization.objects.filter(slug="trend").update(
        name="Trend (Baku)", description="Ours.", website="https://trend.az", country=None
    )
    Person.objects.filter(slug="ilham-aliyev").update(description="President.", country=None)
    load()
    trend = Organization.objects.get(slug="trend")
    assert (trend.name, trend.description, trend.website, trend.country_id) == (
        "Trend (Baku)", "Ours.", "https://trend.az", None,
    )  # fmt: skip
    aliyev = Person.objects.get(slug="ilham-aliyev")
    assert (aliyev.description, aliyev.country_id) == ("President.", None)
    assert not Organization.objects.filter(name="Trend News Agency").exists()


def test_a_person_an_editor_deleted_stays_deleted(some_entries, capsys):
    load()
    Person.objects.get(slug="vladimir-putin").delete()
    out = load(capsys)
    assert not Person.objects.filter(name="Vladimir Putin").exists()
    assert (
        "People: 0 added, 0 matched to existing records, 0 given new names, 1 left deleted" in out
    )


def test_restore_brings_a_deleted_entry_back(some_entries):
    load()
    Person.objects.get(slug="vladimir-putin").delete()
    load(None, "--restore", "person:vladimir-putin")
    assert Person.objects.get(slug="vladimir-putin").aliases


def test_an_alias_an_editor_deleted_is_not_given_back(some_entries):
    load()
    putin = Person.objects.get(slug="vladimir-putin")
    putin.aliases = [a for a in putin.aliases if a != "Putin"]
    putin.save()
    load()
    assert "Putin" not in Person.objects.get(slug="vladimir-putin").aliases


def test_names_the_data_gains_later_are_appended(some_entries, monkeypatch):
    load()
    Organization.objects.filter(slug="trend").update(name="Trend (Baku)")
    trend = next(fact for fact in registry_data.AGENCIES if fact.slug == "trend")
    more = dataclasses.replace(
        trend,
        name="Trend News",
        aliases=(*trend.aliases, "Trend Haber"),
        signs=(*trend.signs, "/Trend/"),
    )
    monkeypatch.setattr(registry_data, "AGENCIES", (more,))
    load()
    trend = Organization.objects.get(slug="trend")
    assert trend.name == "Trend (Baku)"
    assert "Trend Haber" in trend.aliases and trend.signs[-1] == "/Trend/"


def test_records_already_there_are_taken_on_not_duplicated(some_entries):
    mine = AgencyFactory(name="Trend News Agency", slug="our-trend", country=country("AZ"),
                         description="Our notes.", aliases=["Trend.az"])  # fmt: skip
    aliyev = PersonFactory(name="Ilham Aliyev", slug="president-aliyev")
    load()
    mine.refresh_from_db()
    assert Organization.objects.filter(name="Trend News Agency").count() == 1
    assert mine.description == "Our notes."  # an editor's text is kept
    assert mine.website == "https://en.trend.az" and "TREND" in mine.signs  # blanks are filled
    aliyev.refresh_from_db()
    assert Person.objects.filter(name="Ilham Aliyev").count() == 1
    assert "Ильхам Алиев" in aliyev.aliases and aliyev.country_id == "AZ"


def test_a_merged_records_new_names_go_to_the_kept_one(some_entries, monkeypatch, editor):
    load()
    keep = PersonFactory(name="President Ilham Aliyev")
    merge_records(keep, [Person.objects.get(slug="ilham-aliyev")], by=editor)
    aliyev = next(fact for fact in registry_data.PEOPLE if fact.slug == "ilham-aliyev")
    monkeypatch.setattr(
        registry_data,
        "PEOPLE",
        (dataclasses.replace(aliyev, aliases=("İlham Heydər oğlu Əliyev",)),),
    )
    load()
    keep.refresh_from_db()
    assert "İlham Heydər oğlu Əliyev" in keep.aliases
    assert RegistrySeed.objects.get(key="person:ilham-aliyev").person == keep
    assert not Person.objects.filter(name="Ilham Aliyev").exists()


def test_load_agencies_still_loads_the_agencies_alone():
    assert load_agencies() == (len(registry_data.AGENCIES), 0)
    assert load_agencies() == (0, 0)
    assert not Person.objects.exists()
    assert Organization.objects.get(slug="kazinform").name == "Kazinform International News Agency"


SHIPPED_BODIES_IN_COPY = [
    (
        "The IMF and the World Bank cut their forecasts; the WHO warned of measles.",
        ["International Monetary Fund", "World Bank", "World Health Organization"],
    ),
    (
        "МАГАТЭ и ОПЕК провели встречу; Совет Безопасности ООН её обсудил.",
        [
            "International Atomic Energy Agency",
            "Organization of the Petroleum Exporting Countries",
            "United Nations Security Council",
        ],
    ),
    ("WHO WILL LEAD THE PARTY AFTER THE VOTE", []),
    ("WHO DECLARES MPOX A GLOBAL HEALTH EMERGENCY", ["World Health Organization"]),
    # acronyms other bodies use as much: spelt out, not by their letters
    ("The ECB named a new captain; the GCC and the IOM budget were discussed.", []),
]


def test_the_shipped_bodies_are_tagged_in_copy():
    from ingest.tagger import suggest_tags

    load()  # once: the whole registry
    for text, bodies in SHIPPED_BODIES_IN_COPY:
        found = sorted(s.name for s in suggest_tags(text).organizations)
        assert (text, found) == (text, sorted(bodies))
