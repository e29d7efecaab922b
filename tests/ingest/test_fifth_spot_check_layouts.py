"""Layouts a fifth spot check of real pages, most of them not in English, found misread
(docs/benchmarks.md): an agency named by a Ukrainian attribution, by an Azerbaijani one
citing another agency, or by its Persian name; a place's name with an Azerbaijani case
ending; a country's name between the words of Chinese copy.

The texts are written for these tests; their layouts follow the real pages.
"""

import datetime

import pytest

from ingest.importer import tag_report
from ingest.name_neighbours import azerbaijani_ending_at, chinese_name_between
from tests.factories import CityFactory, country
from tests.ingest.test_real_layouts import parse
from tests.worlds import registry_world

pytestmark = [pytest.mark.django_db, pytest.mark.parser]

DAY = datetime.date(2024, 5, 10)


@pytest.fixture
@registry_world
def places(registry):
    CityFactory(name="Astana", country=country("KZ"), population=1_300_000)
    CityFactory(name="Beijing", country=country("CN"), population=18_000_000, aliases=["北京"])


def countries(text: str) -> list[str]:
    return sorted(tag_report(parse(text, DAY)).keys("countries"))


def test_an_agency_whose_correspondent_transmits_in_ukrainian_filed_the_report(places):
    report = parse(
        "Міністр закордонних справ України Борис ТАРАСЮК відмінив свій візит до Мінська, "
        "де він мав взяти участь у засіданні ради міністрів.\n\n"
        "Як передає кореспондент УНІАН, про це журналістам сказав заступник міністра.\n",
        DAY,
    )
    assert report.agency == "UNIAN"


def test_an_azerbaijani_agency_citing_another_agency_filed_the_report(places):
    report = parse(
        "DÜNYA\n\nPrezidentlərin görüşü başa çatıb\n\n"
        "İki ölkənin prezidentlərinin görüşü başa çatıb. AZƏRTAC Anadolu agentliyinə "
        "istinadla xəbər verir ki, görüş mətbuata qapalı keçib.\n",
        DAY,
    )
    assert report.agency == "Azerbaijan State News Agency (AZERTAC)"


def test_an_agency_named_in_persian_opening_the_lead_filed_the_report(places):
    report = parse(
        "به گزارش ایلنا به نقل از تاس، دفتر مطبوعاتی اعلام کرد که دو رهبر امروز دیدار "
        "خواهند کرد.\n\nدو رهبر درباره روابط دو کشور گفتگو می‌کنند.\n",
        DAY,
    )
    assert report.agency == "Iranian Labour News Agency (ILNA)"


def test_a_place_with_an_azerbaijani_case_ending_tags_its_country(places):
    assert countries(
        "Başlıq\n\nPrezident Qazaxıstana səfər edib, təyyarəsi Astanada eniş edib.\n"
    ) == ["KZ"]


@pytest.mark.parametrize(
    ("name_end", "text", "ending"),
    [
        (10, "Qazaxıstana səfər", True),
        (6, "Astanada eniş", True),
        (6, "Rusiyanın prezidenti", True),
        (10, "Qazaxıstanlılar gəldi", False),  # "Kazakhstanis", another word
    ],
)
def test_an_azerbaijani_case_ending_is_only_an_ending(name_end, text, ending):
    assert azerbaijani_ending_at(text, name_end) is ending


def test_a_text_without_azerbaijani_letters_reads_no_endings(places):
    assert countries("Title\n\nThe minister met the Kazakhstana delegation.\n") == []


def test_a_country_between_chinese_grammar_words_is_tagged(places):
    assert countries("标题\n\n递交国书的有越南、伊朗、美国等国驻华大使。\n") == ["IR", "US", "VN"]


@pytest.mark.parametrize(
    ("text", "start", "end", "name"),
    [
        ("访问越南。", 2, 4, True),
        ("美国等国", 0, 2, True),
        ("中国和美国", 3, 5, True),
        ("欧美国家", 1, 3, False),  # "Europe and America", "countries"
        ("发展中国家", 2, 4, False),  # "developing countries"
    ],
)
def test_han_characters_beside_a_name_are_grammar_words_or_a_longer_word(text, start, end, name):
    assert chinese_name_between(text, start, end) is name
