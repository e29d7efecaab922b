import importlib

import pytest
from django.apps import apps
from django.core.management import call_command

from places.gazetteer import city_aliases, load_cities
from places.models import City, Country

pytestmark = pytest.mark.django_db


def test_every_iso_country_is_loaded_with_demonyms():
    assert Country.objects.count() == 249
    azerbaijan = Country.objects.get(code="AZ")
    assert azerbaijan.slug == "az"
    assert azerbaijan.alpha3 == "AZE"
    assert "Azerbaijani" in azerbaijan.demonyms
    assert "Iran" in Country.objects.get(code="IR").all_names


RECORD = {
    "geonameid": 580497,
    "name": "Astrakhan",
    "countrycode": "RU",
    "population": 520000,
    "latitude": 46.34968,
    "longitude": 48.04076,
    "timezone": "Europe/Astrakhan",
    "alternatenames": ["ASF", "Astrachan", "astrakhan", "Астрахань", "阿斯特拉罕", "Astrakhan"],
}


def test_city_aliases_keep_the_spellings_datelines_print():
    assert city_aliases("Astrakhan", RECORD["alternatenames"]) == [
        "Astrachan", "Астрахань", "阿斯特拉罕"
    ]  # fmt: skip


def test_city_aliases_keep_chinese_japanese_and_korean_names_also_without_city():
    names = ["Taipei", "台北", "台北市", "臺北市", "타이베이 시", "타이베이", "Taipei-shi", "台",
             "台北特別市"]  # fmt: skip
    # With a space (Korean "Taipei city") or one character: not a dateline's city.
    # A special city's name is kept whole: no "台北特別".
    assert city_aliases("Taipei", names) == [
        "Taipei-shi", "台北", "台北市", "臺北市", "臺北", "타이베이", "台北特別市"
    ]  # fmt: skip


def test_city_aliases_keep_arabic_names_without_their_vowel_marks():
    names = ["Abu Dhabi", "أبوظبي", "أَبُو ظَبْيٍ", "ابوظبی", "طرابلس، لیبیا", "ئەبووزەبی"]
    # The Persian spelling (ی) is kept for Persian datelines; the Kurdish one (ە) and a
    # qualified name are left out.
    assert city_aliases("Abu Dhabi", names) == ["أبوظبي", "أبو ظبي", "ابوظبی"]


def test_loading_cities_twice_refreshes_without_duplicates_and_keeps_editor_changes():
    load_cities([RECORD])
    City.objects.filter(geonames_id=580497).update(aliases=["Hashtarkhan"])
    load_cities([{**RECORD, "population": 530000}])
    city = City.objects.get()
    assert city.population == 530000
    assert city.aliases == ["Hashtarkhan"]


def test_cities_of_unknown_countries_are_skipped():
    result = load_cities([{**RECORD, "countrycode": "XK"}])
    assert (result.loaded, result.skipped) == (0, 1)


def test_load_gazetteer_loads_every_city_of_15000_people_or_more():
    call_command("load_gazetteer", verbosity=0)
    assert City.objects.count() > 30000
    baku = City.objects.get(name="Baku", country="AZ")
    assert "Bakı" in baku.aliases
    assert City.objects.filter(name="Astrakhan", country="RU").exists()


def test_loading_the_gazetteer_twice_adds_nothing():
    """Idempotent (cities matched by GeoNames id): the million-people cities show it, at
    a fraction of the time of the full load above."""
    from places.gazetteer import gazetteer_cities, load_cities

    big = [record for record in gazetteer_cities(15000) if record["population"] >= 1_000_000]
    load_cities(big)
    loaded = City.objects.count()
    load_cities(big)
    assert City.objects.count() == loaded > 100
    assert City.objects.filter(name="Baku").count() == 1


def test_short_demonyms_of_stan_countries_are_derived_and_never_offensive():
    demonyms = dict(Country.objects.values_list("code", "demonyms"))
    assert "Kazakh" in demonyms["KZ"] and "Uzbek" in demonyms["UZ"] and "Kyrgyz" in demonyms["KG"]
    assert [d for d in demonyms["PK"] if d.isascii()] == ["Pakistani"]  # never "Pak"


def test_the_most_covered_countries_come_by_their_public_count():
    """The home page's "Countries in the news": published reports only, most first."""
    from tests.factories import ArticleFactory, country

    for code, published in (("AZ", 3), ("KZ", 1), ("TM", 2)):
        for _ in range(published):
            ArticleFactory(tags={"countries": [country(code)]})
    ArticleFactory(draft=True, tags={"countries": [country("GE")]})  # not public
    for _ in range(4):  # counted once it lifts, not before: never on top now
        ArticleFactory(embargoed=True, tags={"countries": [country("UZ")]})
    top = Country.objects.most_covered(2)
    assert [(c.code, c.article_count) for c in top] == [("AZ", 3), ("TM", 2)]
    assert "GE" not in {c.code for c in Country.objects.most_covered(10)}


def test_countries_carry_the_short_russian_names_of_cldr(db):
    assert {"Российская Федерация", "Россия"} <= set(Country.objects.get(code="RU").aliases)
    assert "КНДР" in Country.objects.get(code="KP").aliases
    assert not any("о-в" in alias for alias in Country.objects.get(code="KY").aliases)


def test_countries_carry_the_short_forms_copy_prints(db):
    assert {"US", "U.S.", "USA", "США"} <= set(Country.objects.get(code="US").aliases)
    assert {"UK", "Britain"} <= set(Country.objects.get(code="GB").aliases)  # UK: countryinfo
    assert "РФ" in Country.objects.get(code="RU").aliases
    # ISO codes are no names: "AZ" or "IT" in a text is no country.
    assert "AZ" not in Country.objects.get(code="AZ").aliases
    assert "ITA" not in Country.objects.get(code="IT").aliases


def test_the_short_forms_migration_goes_back_and_forth(db):
    from django.apps import apps

    short_forms = importlib.import_module("places.migrations.0007_add_press_names")
    short_forms.remove_names(apps, None)
    aliases = Country.objects.get(code="US").aliases
    assert "U.S." not in aliases
    assert "Соединенные Штаты" in aliases  # given by 0006, kept
    assert "UK" not in Country.objects.get(code="GB").aliases
    assert "Великобритания" in Country.objects.get(code="GB").aliases
    short_forms.add_names(apps, None)
    assert {"U.S.", "США"} <= set(Country.objects.get(code="US").aliases)


def test_countries_carry_the_russian_adjectives_copy_prints(db):
    assert "российский" in Country.objects.get(code="RU").demonyms
    assert {"кыргызский", "киргизский"} <= set(Country.objects.get(code="KG").demonyms)
    adjectives = importlib.import_module("places.migrations.0008_add_russian_adjectives")
    adjectives.remove_adjectives(apps, None)
    assert Country.objects.get(code="RU").demonyms == ["Russian"]
    adjectives.add_adjectives(apps, None)
    assert "российский" in Country.objects.get(code="RU").demonyms


def test_the_names_countries_go_by_in_agencies_languages_come_and_go_with_0010(db):
    """places/0010 forward and back: CLDR's names in the agencies' languages are added
    and removed again, the names earlier migrations gave are kept; cities' and saints'
    names, names of four plain letters and names another country goes by never come."""
    migration = importlib.import_module("places.migrations.0010_add_agency_language_names")
    spain = Country.objects.get(code="ES")
    before = list(spain.aliases)
    assert {"Espagne", "España", "Polska"} & set(before) == {"Espagne", "España"}
    migration.remove_names(apps, None)
    spain.refresh_from_db()
    assert "Espagne" not in spain.aliases and "Испания" in spain.aliases  # 0006's stays
    migration.add_names(apps, None)
    spain.refresh_from_db()
    assert sorted(spain.aliases) == sorted(before)
    every = {
        alias for aliases in Country.objects.values_list("aliases", flat=True) for alias in aliases
    }
    assert {"Tunis", "Brasilia", "San Martín", "Santa Lucía", "Inde", "Kuba"} & every == set()


def test_arabic_names_of_countries_and_loaded_cities_come_and_go_with_0011(db):
    """places/0011 forward and back: CLDR's Arabic country names and GeoNames' Arabic
    names of the cities already loaded; a large city's name is no other country's."""
    migration = importlib.import_module("places.migrations.0011_add_arabic_names")
    abu_dhabi = City.objects.create(
        name="Abu Dhabi", country_id="AE", geonames_id=292968, aliases=["Abou Dabi"]
    )
    migration.add_names(apps, None)
    abu_dhabi.refresh_from_db()
    assert abu_dhabi.aliases[0] == "Abou Dabi" and "أبوظبي" in abu_dhabi.aliases
    assert "مصر" in Country.objects.get(code="EG").aliases
    assert "الجزائر" in Country.objects.get(code="DZ").aliases  # its hamza kept
    assert "عمان" not in Country.objects.get(code="OM").aliases  # Amman's name too
    migration.remove_names(apps, None)
    abu_dhabi.refresh_from_db()
    assert abu_dhabi.aliases == ["Abou Dabi"]
    assert "مصر" not in Country.objects.get(code="EG").aliases
    assert "Egypt" in Country.objects.get(code="EG").name
    migration.add_names(apps, None)
    assert "مصر" in Country.objects.get(code="EG").aliases


def test_chinese_japanese_and_korean_city_names_come_and_go_with_0012(db):
    """places/0012 forward and back: GeoNames' CJK names of the cities already loaded."""
    migration = importlib.import_module("places.migrations.0012_add_cjk_city_names")
    taipei = City.objects.create(
        name="Taipei", country_id="TW", geonames_id=1668341, aliases=["Taipeh"]
    )
    migration.add_names(apps, None)
    taipei.refresh_from_db()
    assert taipei.aliases[0] == "Taipeh" and {"台北", "臺北", "타이베이"} <= set(taipei.aliases)
    migration.remove_names(apps, None)
    taipei.refresh_from_db()
    assert taipei.aliases == ["Taipeh"]
    migration.add_names(apps, None)
    taipei.refresh_from_db()
    assert "台北" in taipei.aliases


def test_greek_city_names_come_and_go_with_0013(db):
    """places/0013 forward and back: GeoNames' Greek names of the cities already loaded."""
    migration = importlib.import_module("places.migrations.0013_add_greek_city_names")
    athens = City.objects.create(
        name="Athens", country_id="GR", geonames_id=264371, aliases=["Athína"]
    )
    migration.add_names(apps, None)
    athens.refresh_from_db()
    assert athens.aliases[0] == "Athína" and "Αθήνα" in athens.aliases
    migration.remove_names(apps, None)
    athens.refresh_from_db()
    assert athens.aliases == ["Athína"]
    migration.add_names(apps, None)
    athens.refresh_from_db()
    assert "Αθήνα" in athens.aliases


def test_a_cjk_name_geonames_gives_a_small_town_also_names_its_largest_namesake(db):
    town = {**RECORD, "geonameid": 1, "name": "Washington", "countrycode": "US",
            "population": 24_000, "alternatenames": ["华盛顿"]}  # fmt: skip
    capital = {**RECORD, "geonameid": 2, "name": "Washington", "countrycode": "US",
               "population": 690_000, "alternatenames": ["华盛顿特区"]}  # fmt: skip
    load_cities([town, capital])
    assert "华盛顿" in City.objects.get(geonames_id=2).aliases  # Xinhua's 新华社华盛顿…电
    assert "华盛顿" in City.objects.get(geonames_id=1).aliases


def test_loading_cities_gives_a_towns_only_hindi_name_to_it_alone():
    """GeoNames lists `नई दिल्ली`, New Delhi's one Hindi name, under Delhi too."""
    delhi = {**RECORD, "geonameid": 1, "name": "Delhi", "countrycode": "IN",
             "population": 11_000_000, "alternatenames": ["दिल्ली", "नई दिल्ली"]}  # fmt: skip
    new_delhi = {**RECORD, "geonameid": 2, "name": "New Delhi", "countrycode": "IN",
                 "population": 320_000, "alternatenames": ["नई दिल्ली"]}  # fmt: skip
    load_cities([delhi, new_delhi])
    assert City.objects.get(geonames_id=1).aliases == ["दिल्ली"]
    assert City.objects.get(geonames_id=2).aliases == ["नई दिल्ली"]


def test_loaded_cities_carry_their_state_and_0016_gives_it_to_cities_loaded_before(db):
    portland = {**RECORD, "geonameid": 4975802, "name": "Portland", "countrycode": "US"}
    load_cities([{**portland, "admin1code": "ME"}])
    assert City.objects.get().region == "ME"
    City.objects.update(region="")
    migration = importlib.import_module("places.migrations.0016_city_region")
    migration.fill_regions(apps, None)
    assert City.objects.get().region == "ME"  # GeoNames' state of that id


def test_persian_country_names_and_later_press_names_come_and_go_with_0017(db):
    """places/0017 forward and back: CLDR's Persian names, the names Arabic and Persian
    copy print (`آمریکا`, `السعودية`) and the US abbreviations `EE.UU.`, `SUA`; going back
    keeps what 0011 gave (`مصر` is Egypt's in both languages)."""
    migration = importlib.import_module("places.migrations.0017_add_persian_country_names")
    persian = {"IR": "ایران", "RU": "روسیه", "AZ": "جمهوری آذربایجان", "US": "آمریکا"}
    for code, name in persian.items():
        assert name in Country.objects.get(code=code).aliases
    assert {"EE.UU.", "SUA", "أمريكا"} <= set(Country.objects.get(code="US").aliases)
    migration.remove_names(apps, None)
    assert not any(name in Country.objects.get(code=c).aliases for c, name in persian.items())
    assert "SUA" not in Country.objects.get(code="US").aliases
    assert "مصر" in Country.objects.get(code="EG").aliases
    migration.add_names(apps, None)
    assert "روسیه" in Country.objects.get(code="RU").aliases


def test_chinese_japanese_and_korean_country_names_come_and_go_with_0018(db):
    migration = importlib.import_module("places.migrations.0018_add_cjk_country_names")
    names = {"US": "美国", "JP": "日本", "KR": "한국", "CN": "内蒙古"}
    assert all(name in Country.objects.get(code=c).aliases for c, name in names.items())
    assert "苏丹" not in Country.objects.get(code="SD").aliases  # "sultan" too
    assert "건지" not in Country.objects.get(code="GG").aliases  # "whether" too
    migration.remove_names(apps, None)
    assert not any(name in Country.objects.get(code=c).aliases for c, name in names.items())
    migration.add_names(apps, None)
    assert "미국" in Country.objects.get(code="US").aliases
