import datetime

import pytest

from ingest import tagger
from ingest.importer import CREATED, import_report, tag_report
from ingest.reading import read_reports
from ingest.russian import russian_forms
from ingest.tagger import suggest_tags
from tests.factories import CityFactory, OrganizationFactory, PersonFactory, country
from tests.ingest.conftest import CASPIAN_REPORT

pytestmark = pytest.mark.django_db


def names(suggestions) -> list:
    return [s.name for s in suggestions]


def tagged(registry):
    [report] = read_reports(CASPIAN_REPORT, import_date=datetime.date(2023, 9, 20))
    return report, tag_report(report)


def test_the_caspian_report_gets_every_tag_an_editor_would_give(registry):
    report, tags = tagged(registry)
    assert report.agency == "Trend News Agency"
    assert sorted(tags.keys("countries")) == ["AZ", "RU"]
    assert names(tags.organizations) == [
        "Media Development Agency of the Republic of Azerbaijan",
        "Hummat",
    ]
    assert names(tags.people) == ["Ahmed Ismayilov", "Heydar Aliyev"]
    assert names(tags.events) == ["Caspian Media Forum 2023", "Shusha Global Media Forum 2023"]


def test_each_suggestion_says_why_and_where(registry):
    report, tags = tagged(registry)
    text = f"{report.headline}\n\n\n\n{report.body}"
    azerbaijan = next(s for s in tags.countries if s.key == "AZ")
    assert 'demonym "Azerbaijani"' in azerbaijan.reasons
    assert 'city "Baku" is in Azerbaijan' in azerbaijan.reasons
    ismayilov = tags.people[0]
    assert 'alias "Akhmad Ismayilov"' in ismayilov.reasons
    assert 'surname "Ismayilov" after the full name' in ismayilov.reasons
    assert [text[s:e] for s, e in ismayilov.spans] == [
        "Ahmed Ismayilov",
        "Akhmad Ismayilov",
        "Ismayilov",
    ]


def test_the_filing_agency_is_not_tagged_as_a_subject(registry):
    _report, tags = tagged(registry)
    assert "Trend News Agency" not in names(tags.organizations)


def test_unregistered_names_become_candidates(registry):
    _report, tags = tagged(registry)
    candidates = {(c.text, c.kind) for c in tags.candidates}
    assert ("Mary Whitcombe", "person") in candidates
    assert ("Caspian Press Club", "organization") in candidates


def test_saving_a_report_looks_for_no_candidates_and_tags_it_the_same(registry, monkeypatch):
    """Candidates are offered where an editor looks at them (the import preview, the
    change page), which look for them again: importing skips that work, tags unchanged."""
    report, tags = tagged(registry)
    monkeypatch.setattr(tagger, "find_candidates", fail)
    assert tag_report(report, candidates=False).all() == tags.all()

    outcome = import_report(report)

    assert outcome.action == CREATED and outcome.tags.candidates == []
    assert sorted(outcome.article.people.values_list("name", flat=True)) == [
        "Ahmed Ismayilov",
        "Heydar Aliyev",
    ]


def fail(*args, **kwargs):
    raise AssertionError("looked for candidates")


def test_a_city_that_is_part_of_a_name_does_not_tag_its_country(registry):
    tags = suggest_tags("Mary Whitcombe met delegates in a hotel.")
    assert tags.keys("countries") == []


@pytest.mark.parametrize(
    "text, countries",
    [
        ("Leaders kept to the Shanghai spirit of mutual trust.", []),
        ("Talks kept returning to the Minsk agreements.", []),
        ("Kyiv urged partners to make Moscow fulfil Minsk agreements.", ["RU"]),
        ("Diplomats met under the Astana format.", []),
        ("Ministers held talks in Shanghai on Monday.", ["CN"]),
        ("Ministers signed in Shanghai agreements on trade.", ["CN"]),
        ("Leaders adopted the Shanghai declaration at the summit.", ["CN"]),
        ("Exports rose after the Shanghai agreements with Lagos took effect.", ["CN"]),
        ("Minsk agreement on gas prices was reached on Friday.", ["BY"]),
    ],
)
def test_a_city_naming_an_accord_or_a_format_does_not_tag_its_country(registry, text, countries):
    CityFactory(name="Shanghai", country=country("CN"), population=24_000_000)
    CityFactory(name="Minsk", country=country("BY"), population=2_000_000)
    CityFactory(name="Astana", country=country("KZ"), population=1_300_000)
    assert suggest_tags(text).keys("countries") == countries


def test_a_series_name_resolves_to_the_edition_of_the_report_year(registry):
    for year in (2022, 2023):
        tags = suggest_tags(
            "Delegates met at the Caspian Media Forum.", report_date=datetime.date(year, 9, 18)
        )
        assert names(tags.events) == [f"Caspian Media Forum {year}"]


def test_lower_case_words_do_not_match_names(registry):
    OrganizationFactory(name="Trend Setters Union")
    tags = suggest_tags("the trend setters union met; a baku-style dish was served")
    assert tags.all() == []


def test_acronyms_match_only_as_written(registry):
    assert names(suggest_tags("The MDA said so.").organizations) == [
        "Media Development Agency of the Republic of Azerbaijan"
    ]
    assert suggest_tags("The Mda said so.").organizations == []


def test_the_registry_is_rebuilt_when_it_changes(registry):
    assert suggest_tags("Ruslan Qarayev spoke.").people == []
    PersonFactory(name="Ruslan Qarayev")
    assert names(suggest_tags("Ruslan Qarayev spoke.").people) == ["Ruslan Qarayev"]


def test_plural_demonyms_tag_their_country(registry):
    assert suggest_tags("Kazakhs and Azerbaijanis met.").keys("countries") == ["KZ", "AZ"]


def test_a_city_inside_a_registered_name_counts_only_for_that_names_country(registry):
    OrganizationFactory(name="Commonwealth of Independent States")
    CityFactory(name="Commonwealth", country=country("PH"), population=200_000)
    assert suggest_tags("Agencies of the Commonwealth of Independent States met.").countries == []
    tags = suggest_tags(
        "Guests praised the Shusha Global Media Forum.", report_date=datetime.date(2023, 7, 22)
    )
    assert tags.keys("countries") == []  # Shusha is small: only its event's own name speaks for it
    assert names(tags.events) == ["Shusha Global Media Forum 2023"]


def test_the_short_forms_copy_prints_for_countries_are_recognised(registry):
    tags = suggest_tags(
        "The U.S. Treasury extended US sanctions as Britain, the UK envoy and the UAE looked on."
    )
    assert sorted(tags.keys("countries")) == ["AE", "GB", "US"]
    assert suggest_tags("He met his Saudi counterpart.").keys("countries") == ["SA"]
    tags = suggest_tags("Президент США позвонил коллегам из РФ, ОАЭ и КНР.")
    assert sorted(tags.keys("countries")) == ["AE", "CN", "RU", "US"]


def test_the_names_central_asian_copy_prints_are_recognised(registry):
    # CLDR says "Киргизия" and "Туркменистан"; Bishkek's copy says "Кыргызстан".
    tags = suggest_tags("Президенты Кыргызстана и Туркмении встретились.")
    assert sorted(tags.keys("countries")) == ["KG", "TM"]


def test_yo_and_ye_spell_the_same_name(registry):
    PersonFactory(name="Pyotr Tolstoy", aliases=["Пётр Толстой"])
    tags = suggest_tags("Вице-спикер Петр Толстой прибыл в Соединенные Штаты Америки.")
    assert names(tags.people) == ["Pyotr Tolstoy"]
    assert tags.keys("countries") == ["US"]


def test_a_short_form_that_is_a_word_is_a_country_only_as_an_abbreviation(registry):
    assert suggest_tags("Tell us what you think. Us and them.").keys("countries") == []
    shouted = suggest_tags("LET US KNOW WHAT YOU THINK\n\nReaders wrote in.")
    assert shouted.keys("countries") == []
    assert suggest_tags("TALKS WITH THE US\n\nThe US envoy came.").keys("countries") == ["US"]


def test_abbreviations_are_not_declined():
    assert russian_forms("США") == ()
    assert russian_forms("КНДР") == ()
    assert russian_forms("Британия") == ("Британии", "Британию", "Британией")


def test_shared_demonyms_go_to_the_country_with_most_cities(registry):
    CityFactory.create_batch(3, country=country("FR"), population=50_000)
    CityFactory(country=country("RE"), population=50_000)
    assert suggest_tags("French officials arrived.").keys("countries") == ["FR"]


def test_russian_case_forms_of_country_names_are_recognised(registry):
    tags = suggest_tags("Делегации Армении и Казахстана прибыли в Москву.")
    assert sorted(tags.keys("countries")) == ["AM", "KZ", "RU"]


def test_the_short_russian_names_newspapers_use_are_recognised(registry):
    # pycountry's translations give "Российская Федерация"; copy says "Россия" (CLDR).
    tags = suggest_tags(
        "Делегации России и Великобритании обсудили ситуацию вокруг КНДР и Молдовы."
    )
    assert sorted(tags.keys("countries")) == ["GB", "KP", "MD", "RU"]


def test_a_large_city_keeps_its_name_against_another_citys_old_name(registry):
    CityFactory(
        name="Chattogram", country=country("BD"), population=3_900_000, aliases=["Islamabad"]
    )
    CityFactory(name="Islamabad", country=country("PK"), population=600_000)
    tags = suggest_tags("Talks were held in Islamabad on Monday.")
    assert tags.keys("countries") == ["PK"]


def test_the_russian_names_of_cities_under_a_million_tag_their_country(registry):
    CityFactory(name="Bishkek", country=country("KG"), population=900_000, aliases=["Бишкек"])
    CityFactory(name="Dushanbe", country=country("TJ"), population=680_000, aliases=["Душанбе"])
    CityFactory(name="Khujand", country=country("TJ"), population=190_000, aliases=["Khodjent"])
    tags = suggest_tags("Выборы прошли в Бишкеке и Душанбе.")
    assert sorted(tags.keys("countries")) == ["KG", "TJ"]
    assert suggest_tags("Talks were held in Khodjent.").keys("countries") == []  # Latin variant


@pytest.mark.parametrize(
    "text, tagged",
    [
        ('Предприятие объединения "Нури Ховар" остановило работу.', []),  # a company's name
        ("Завод «Нури Ховар» остановил работу.", []),
        ("Об этом сообщает агентство «Ховар».", ["Khovar"]),  # the agency's whole name
        ("«Мы благодарны агентству Ховар за эту работу и помощь», сказал он.", ["Khovar"]),
    ],
)
def test_an_agency_inside_a_longer_quoted_name_is_not_tagged(registry, text, tagged):
    assert names(suggest_tags(text).organizations) == tagged


def test_the_russian_adjectives_of_countries_tag_them(registry):
    tags = suggest_tags(
        "Российская делегация осмотрела участок таджикско-афганской границы, а в "
        "кыргызском парламенте обсудили американские санкции."
    )
    assert sorted(tags.keys("countries")) == ["AF", "KG", "RU", "TJ", "US"]


def test_a_russian_adjective_after_a_first_name_is_a_surname(registry):
    assert suggest_tags("На концерте выступил Михаил Турецкий.").keys("countries") == []


def test_a_city_after_a_capitalised_russian_preposition_tags_its_country(registry):
    # "В Ереване …" opening a sentence: the preposition is no first name.
    CityFactory(name="Yerevan", country=country("AM"), population=1_100_000, aliases=["Ереван"])
    tags = suggest_tags("АСТАНА, 1 мая. В Ереване прошла выставка. Из Москвы прилетели гости.")
    assert sorted(tags.keys("countries")) == ["AM", "RU"]


@pytest.mark.parametrize(
    "text, codes",
    [
        ("The governor of New Mexico met the mayor.", ["US"]),  # not Mexico
        ("Talks on Northern Ireland resumed.", ["GB"]),  # not Ireland
        ("A mine opened in Inner Mongolia.", ["CN"]),  # not Mongolia
        ("Во Внутренней Монголии открылась шахта.", ["CN"]),
        ("Mexico and Ireland signed the deal.", ["IE", "MX"]),
    ],
)
def test_a_region_holding_another_countrys_name_tags_its_own_country(registry, text, codes):
    assert sorted(suggest_tags(text).keys("countries")) == codes


def test_a_typographic_apostrophe_reads_as_a_straight_one(registry):
    tags = suggest_tags("The People’s Republic of China said on Monday.")
    assert tags.keys("countries") == ["CN"]  # not Taiwan's "Republic of China"


def test_an_indeclinable_russian_name_gives_no_case_forms(registry):
    assert suggest_tags("Самое значимое событие года.").keys("countries") == []  # not Samoa
    assert suggest_tags("Делегация Самоа прибыла.").keys("countries") == ["WS"]


def test_a_surname_known_alone_after_another_first_name_is_a_namesake(registry):
    PersonFactory(name="Robert Kocharyan", aliases=["Kocharyan"])
    assert names(suggest_tags("Photos: AFP; editor: Stepan Kocharyan").people) == []
    assert names(suggest_tags("Former President Kocharyan spoke.").people) == ["Robert Kocharyan"]
    assert names(suggest_tags("The court heard Kocharyan on Monday.").people) == [
        "Robert Kocharyan"
    ]
