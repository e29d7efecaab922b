"""The shipped data files: enough agencies, complete entries, no ambiguous names."""

import re
from collections import defaultdict

import pycountry
import pytest

from ingest.agencies import AGENCIES, AgencyFact
from organizations.registry_data import BODIES, DISTRIBUTORS, PEOPLE, bare_sign

CYRILLIC = re.compile("[А-Яа-яЁё]")
BCP47 = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
REGION = ["AZ", "RU", "KZ", "IR", "TM", "UZ", "KG", "TJ", "GE", "AM", "TR", "CN", "BY", "UA", "MD", "MN", "AF", "PK"]  # fmt: skip
REGION_LEADERS = ["AZ", "RU", "KZ", "IR", "TM", "UZ", "KG", "TJ", "GE", "AM", "TR", "CN", "BY", "UA", "MN"]  # fmt: skip
G20 = ["AR", "AU", "BR", "CA", "CN", "FR", "DE", "IN", "ID", "IT", "JP", "MX", "RU", "SA", "ZA", "KR", "TR", "GB", "US"]  # fmt: skip
# Slug → name of the first registry, which the evaluation sets name by.
FIRST_REGISTRY = {
    "trend": "Trend News Agency",
    "tass": "TASS",
    "kazinform": "Kazinform International News Agency",
    "azertac": "Azerbaijan State News Agency (AZERTAC)",
    "kabar": "Kabar (Kyrgyzstan)",
    "uza": "National News Agency of Uzbekistan (UzA)",
    "kyodo": "Kyodo News",
    "reuters": "Reuters",
    "ap": "Associated Press",
    "afp": "Agence France-Presse",
    "dpa": "Deutsche Presse-Agentur",
    "efe": "Agencia EFE",
    "ria-novosti": "RIA Novosti",
    "interfax": "Interfax",
    "xinhua": "Xinhua News Agency",
    "anadolu": "Anadolu Agency",
    "irna": "Islamic Republic News Agency (IRNA)",
    "belta": "Belarusian Telegraph Agency (BelTA)",
    "tdh": "Turkmenistan State News Agency (TDH)",
    "pap": "Polish Press Agency (PAP)",
    "wam": "Emirates News Agency (WAM)",
    "mena": "Middle East News Agency (MENA)",
    "sapa": "African News Agency",
}
SIGNS_FROM_REAL_COPY = [
    "Trend", "Trend News Agency", "REPORT.AZ", "Report", "APA", "/TASS/", "ТАСС", "ИТАР-ТАСС",
    "(AA)", "AA", "KAZINFORM", "Kazinform", "Казинформ", "AKIpress", "24.kg", "Kabar", "Кабар",
    "UzA", "УзА", "Xinhua", "Синьхуа", "РИА Новости", "INTERFAX.RU", "Интерфакс",
    "Interfax-Kazakhstan", "Интерфакс-Казахстан", "(Reuters)", "(AP)", "(AFP)", "(dpa)",
    "(EFE)", "(PTI)", "(IANS)", "(Yonhap)", "Kyodo", "IRNA", "Tasnim",
]  # fmt: skip
REGION_AGENCIES = [
    "Trend", "APA", "Report", "News.Az", "Azernews", "Turan.az", "Caliber.Az", "KazTAG",
    "Tengrinews", "Kabar", "AKIpress", "24.kg", "Dunyo", "Daryo", "Kun.uz",
    "Khovar", "Asia-Plus", "Avesta.tj", "Orient.tm", "Tasnim", "Mehr", "ISNA", "FNA", "IRNA", "IPN",
    "Agenda.ge", "Armenpress", "NEWS.am", "ARKA", "BelTA", "AA", "Xinhua", "CNS", "TASS", "RIA",
    "Interfax", "Sputnik", "Ukrinform", "UNIAN",
]  # fmt: skip
WORLD_AGENCIES = [
    "Reuters", "AP", "AFP", "dpa", "EFE", "ANSA", "Kyodo", "Jiji", "Yonhap", "PTI", "IANS", "ANI",
    "UNI", "Bernama", "Antara", "VNA", "PNA", "MENA", "WAM", "SPA", "QNA", "KUNA", "MAP", "APS",
    "PL", "Agência Brasil", "Télam", "Notimex", "CP", "Bloomberg",
]  # fmt: skip


def all_forms(fact: AgencyFact) -> set[str]:
    forms = {fact.name, fact.short_name, *fact.aliases, *fact.signs, *fact.context_only}
    return forms - {""}  # an agency whose letters another body shares has no short name


def test_at_least_150_news_agencies_ship():
    assert len(AGENCIES) >= 150
    assert len({fact.slug for fact in AGENCIES}) == len(AGENCIES)


def test_the_first_registrys_slugs_and_names_are_kept():
    names = {fact.slug: fact.name for fact in AGENCIES}
    assert {slug: names.get(slug) for slug in FIRST_REGISTRY} == FIRST_REGISTRY


@pytest.mark.parametrize("fact", AGENCIES, ids=lambda fact: fact.slug)
def test_every_agency_has_country_site_languages_and_a_signing_form(fact):
    assert pycountry.countries.get(alpha_2=fact.country), fact.country
    assert fact.website.startswith("https://")
    assert all(site.startswith("https://") for site in fact.other_sites)
    assert fact.languages and all(BCP47.match(tag) for tag in fact.languages)
    assert fact.signs and fact.description


@pytest.mark.parametrize("fact", AGENCIES, ids=lambda fact: fact.slug)
def test_agencies_publishing_in_russian_have_cyrillic_forms(fact):
    """Unless their Russian copy signs with the Latin brand ('сообщает Trend', 'Kun.uz')."""
    if "ru" in fact.languages and not fact.latin_in_russian:
        assert any(CYRILLIC.search(form) for form in all_forms(fact))


def test_the_signing_forms_of_real_copy_are_registered():
    signs = {sign for fact in AGENCIES for sign in fact.signs}
    assert set(SIGNS_FROM_REAL_COPY) - signs == set()


def test_the_regions_and_the_worlds_agencies_are_there_by_short_name():
    # or by the signing form an ordinary word makes context-only (`Report`, `Mehr`)
    short_names = {name for fact in AGENCIES for name in (fact.short_name, *fact.context_only)}
    assert set(REGION_AGENCIES + WORLD_AGENCIES) - short_names == set()


def test_every_country_of_the_region_and_of_the_g20_has_an_agency():
    countries = {fact.country for fact in AGENCIES}
    assert set(REGION + G20) - countries == set()


def test_no_two_agencies_share_a_name_or_signing_form_they_cannot_be_told_apart_by():
    """A form two agencies share must be one they sign with, and they must file in no
    common language: the copy's language then says whose it is (`(APA)` in German is
    Austria Presse Agentur's, else APA of Azerbaijan's)."""
    owners = defaultdict(set)
    facts = {fact.slug: fact for fact in AGENCIES + DISTRIBUTORS}
    for fact in facts.values():
        for form in {*all_forms(fact), *map(bare_sign, fact.signs)}:
            owners[form.casefold()].add(fact.slug)
    shared = {form: slugs for form, slugs in owners.items() if len(slugs) > 1}
    for form, slugs in shared.items():
        sharing = [facts[slug] for slug in slugs]
        assert all(form in {bare_sign(s).casefold() for s in f.signs} for f in sharing), form
        languages = [set(f.languages) for f in sharing]
        assert all(a.isdisjoint(b) for a in languages for b in languages if a is not b), form
    assert set(shared) <= {"apa"}


def test_aliases_keep_case_variants_and_bare_signs_but_not_words():
    armenpress = next(fact for fact in AGENCIES if fact.slug == "armenpress")
    assert "ARMENPRESS" in armenpress.registry_aliases  # the name is "Armenpress"
    tass = next(fact for fact in AGENCIES if fact.slug == "tass")
    assert "TASS" not in tass.registry_aliases  # its name already
    assert "/TASS/" in tass.signs and "ТАСС" in tass.registry_aliases
    turan = next(fact for fact in AGENCIES if fact.slug == "turan")
    assert "Turan" in turan.signs and "Turan" not in turan.registry_aliases


def test_menafn_is_a_distributor_not_an_agency():
    assert "menafn" in {fact.slug for fact in DISTRIBUTORS}
    assert "menafn" not in {fact.slug for fact in AGENCIES}


def test_international_bodies_have_short_names_and_russian_forms():
    short = {fact.short_name: fact for fact in BODIES}
    assert {"CIS", "SCO", "OTS", "CSTO", "EAEU", "EEC", "UN", "OSCE", "ECO", "CICA", "OIC",
            "EU", "NATO"} <= set(short)  # fmt: skip
    for short_name, russian in [("CIS", "СНГ"), ("SCO", "ШОС"), ("CSTO", "ОДКБ"),
                                ("EAEU", "ЕАЭС"), ("UN", "ООН"), ("OSCE", "ОБСЕ")]:  # fmt: skip
        assert russian in short[short_name].aliases
    assert all(fact.kind == "intergovernmental" and fact.website for fact in BODIES)


def test_no_two_people_share_a_name_or_alias():
    owners = defaultdict(set)
    for person in PEOPLE:
        for name in [person.name, *person.aliases]:
            owners[name.casefold()].add(person.slug)
    assert {name: slugs for name, slugs in owners.items() if len(slugs) > 1} == {}


def test_family_names_two_people_bear_are_no_ones_alias():
    aliases = {alias for person in PEOPLE for alias in person.aliases}
    shared = {"Aliyev", "Алиев", "Berdimuhamedov", "Berdymukhamedov", "Бердымухамедов",
              "Japarov", "Жапаров", "Sargsyan", "Саргсян", "Rahmonov"}  # fmt: skip
    assert aliases & shared == set()


def test_people_have_country_description_and_the_regions_spellings():
    assert len(PEOPLE) >= 150
    assert all(pycountry.countries.get(alpha_2=p.country) and p.description for p in PEOPLE)
    aliases = {person.name: set(person.aliases) for person in PEOPLE}
    assert {"Kassym Jomart Tokayev", "Tokayev", "Касым-Жомарт Токаев", "Токаев"} <= aliases[
        "Kassym-Jomart Tokayev"
    ]
    assert {"Mirziyoyev", "Шавкат Мирзиёев"} <= aliases["Shavkat Mirziyoyev"]
    assert {"Serdar Berdymukhamedov", "Сердар Бердымухамедов"} <= aliases["Serdar Berdimuhamedov"]
    assert "Ильхам Алиев" in aliases["Ilham Aliyev"]
    assert "Никол Пашинян" in aliases["Nikol Pashinyan"]


@pytest.mark.parametrize("country", REGION_LEADERS, ids=str)
def test_each_country_of_the_region_has_its_leaders_and_foreign_ministers(country):
    roles = " ".join(p.description for p in PEOPLE if p.country == country)
    assert "President" in roles or "Supreme Leader" in roles
    assert "Foreign Minister" in roles
    if country not in ("TM", "IR"):  # no prime minister: the president heads the government
        assert "Prime Minister" in roles or "Premier" in roles or "Cabinet" in roles


def test_the_heads_of_the_regions_bodies_are_there():
    roles = " ".join(person.description for person in PEOPLE)
    for body in ("CIS", "SCO", "Turkic", "CSTO", "Eurasian Economic Commission", "United Nations",
                 "OSCE"):  # fmt: skip
        assert body in roles


@pytest.mark.django_db
def test_the_migration_clears_a_shared_short_name_the_registry_gave_and_no_other():
    import importlib

    from django.apps import apps

    from organizations.models import Organization, OrganizationKind, RegistrySeed

    migration = importlib.import_module("organizations.migrations.0007_shared_short_names")
    seeded = Organization.objects.create(
        name="Australian Associated Press", short_name="AAP", kind=OrganizationKind.NEWS_AGENCY
    )
    edited = Organization.objects.create(
        name="Agence Kampuchea Presse", short_name="AKP Cambodia", kind=OrganizationKind.NEWS_AGENCY
    )
    RegistrySeed.objects.create(key="agency:aap", organization=seeded)
    RegistrySeed.objects.create(key="agency:akp", organization=edited)
    migration.clear(apps, None)
    seeded.refresh_from_db(), edited.refresh_from_db()
    assert (seeded.short_name, edited.short_name) == ("", "AKP Cambodia")
    migration.restore(apps, None)
    seeded.refresh_from_db()
    assert seeded.short_name == "AAP"


@pytest.mark.django_db
def test_the_migration_stops_ordinary_word_agency_names_the_registry_gave():
    import importlib

    from django.apps import apps

    from organizations.models import Organization, OrganizationKind, RegistrySeed

    migration = importlib.import_module("organizations.migrations.0008_ordinary_word_agency_names")
    agency = OrganizationKind.NEWS_AGENCY
    report = Organization.objects.create(name="Report.az", short_name="Report", kind=agency)
    mehr = Organization.objects.create(name="Mehr News Agency", short_name="MNA", kind=agency)
    hina = Organization.objects.create(
        name="Croatian News Agency (HINA)", aliases=["Hina", "Croatian News Agency"], kind=agency
    )
    for key, record in [("report-az", report), ("mehr", mehr), ("hina", hina)]:
        RegistrySeed.objects.create(key=f"agency:{key}", organization=record)
    migration.clear(apps, None)
    for record in (report, mehr, hina):
        record.refresh_from_db()
    assert (report.short_name, mehr.short_name) == ("", "MNA")  # an editor's choice is kept
    assert hina.aliases == ["Croatian News Agency"]
    migration.restore(apps, None)
    report.refresh_from_db(), hina.refresh_from_db()
    assert report.short_name == "Report"
    assert "Hina" in hina.aliases
