"""places/0019: the names Indonesian, Malay and Vietnamese copy gives countries, and the
tagger reading them; the texts are written for these tests."""

import importlib
import unicodedata

import pytest
from django.apps import apps

from ingest.tagger import suggest_tags
from places.models import Country
from tests.factories import CityFactory, country

pytestmark = pytest.mark.django_db

MIGRATION = "places.migrations.0019_add_southeast_asian_country_names"
ADDED = {
    "JO": "Yordania", "US": "Amerika Serikat", "CN": "Tiongkok", "SA": "Arab Saudi",
    "PS": "Palestina", "JP": "Jepun", "KR": "Hàn Quốc", "CH": "Thuỵ Sĩ", "RU": "Nga",
}  # fmt: skip


def aliases(code: str) -> list[str]:
    return Country.objects.get(code=code).aliases


def every_alias() -> dict[str, list[str]]:
    return {code: sorted(names) for code, names in Country.objects.values_list("code", "aliases")}


def test_indonesian_malay_and_vietnamese_country_names_come_and_go_with_0019():
    """Forward and back: CLDR's names, the older tone marks ("Thuỵ Sĩ"), the press names
    ("Palestina", "Mỹ"); going back keeps what earlier migrations gave ("Indonesia" is
    Spanish and Italian too), and forward again gives every country what it had."""
    migration = importlib.import_module(MIGRATION)
    before = every_alias()
    assert all(name in aliases(code) for code, name in ADDED.items())
    assert {"Trung Quốc", "Hoa Kỳ", "Mỹ"} <= {*aliases("CN"), *aliases("US")}
    migration.remove_names(apps, None)
    assert not any(name in aliases(code) for code, name in ADDED.items())
    assert "Indonesia" in aliases("ID") and "Jordanie" in aliases("JO")
    migration.add_names(apps, None)
    assert every_alias() == before


def test_names_that_are_words_names_or_cities_do_not_come():
    every = {alias for names in every_alias().values() for alias in names}
    # a man's name in English copy; an adjective; Mexico City's name; four plain letters
    assert {"Turki", "Swiss", "Meksiko", "Ceko", "Kuba"} & every == set()
    # Vietnamese words first: "he" or a given name, "opinion", a garment
    assert {"Anh", "Ý", "Áo"} & every == set()


@pytest.fixture
def cities():
    CityFactory(name="Amman", country=country("JO"), population=4_000_000)
    CityFactory(name="Jakarta", country=country("ID"), population=8_500_000)


@pytest.mark.parametrize(
    ("text", "countries"),
    [
        # Indonesian
        ("Delegasi dari Jakarta tiba di Amman, Yordania, untuk membahas bantuan bagi "
         "Palestina bersama utusan Amerika Serikat dan Arab Saudi.",
         {"ID", "JO", "PS", "US", "SA"}),
        ("Pemerintah Tiongkok dan Jepang menyambut baik rencana kerja sama dengan Belanda.",
         {"CN", "JP", "NL"}),
        # Malay
        ("Perdana Menteri akan melawat Jepun dan Amerika Syarikat pada bulan hadapan.",
         {"JP", "US"}),
        # Vietnamese: one-syllable names, a foreign name after them, a sentence's opening
        ("Ngoại trưởng Nga Ivan Petrov và người đồng cấp Mỹ đã bàn về quan hệ với Trung "
         "Quốc, Nhật Bản và Hàn Quốc trong cuộc gặp sáng thứ Tư.",
         {"RU", "US", "CN", "JP", "KR"}),
        ("Tại Mỹ, giới chuyên gia cho rằng Đức, Pháp, Lào và Úc sẽ tham gia hội nghị của "
         "CHDCND Lào. Phía Nga chưa bình luận.",
         {"US", "DE", "FR", "LA", "AU", "RU"}),
        # the partner country ("bạn Lào"), the country opening a sentence
        ("Việt Nam luôn sẵn sàng giúp đỡ bạn Lào phát triển kinh tế. Lào cũng coi trọng "
         "quan hệ đặc biệt này.",
         {"VN", "LA"}),
        # the tone of "uy" marked either way
        ("Đoàn đại biểu đã tới Thuỵ Sĩ rồi sang Thụy Điển để dự hội nghị về khí hậu năm nay.",
         {"CH", "SE"}),
    ],
)  # fmt: skip
def test_copy_in_these_languages_tags_the_countries_it_names(cities, text, countries):
    assert set(suggest_tags(text, candidates=False).keys("countries")) == countries


@pytest.mark.parametrize(
    "text",
    [
        # names of people and places holding the syllables: a reporter, a woman called by
        # her name, a town, a province, the Buddha, the Pope, a district of Ho Chi Minh City
        "Phóng viên Thúy Nga và bà Nga đã tới Mỹ Tho, rồi lên Lào Cai thăm chùa thờ Đức Phật.",
        "Đức Giáo hoàng đã gặp ông Đức, một người bạn cũ sống ở Thủ Đức, trong buổi lễ sáng nay.",
        # a woman the text calls "chị Nga", then by her name alone
        "Chị Nga bán rau ở chợ đã hai mươi năm. Nga cho biết năm nay buôn bán khó hơn trước.",
        # words: cosmetics, the law, patience as a virtue; a language and a continent;
        # Latin and South America
        "Mỹ phẩm nội địa bán rất chạy. Pháp luật mới có hiệu lực. Đức tính kiên nhẫn rất cần.",
        "Các em học sinh học tiếng Pháp trước khi sang châu Mỹ du lịch cùng gia đình mình.",
        "Mỹ Latinh và Nam Mỹ đón nhiều du khách trong mùa hè năm nay, theo các công ty lữ hành.",
        # "Ngà" (ivory) written with a decomposed accent is no "Nga"
        unicodedata.normalize(
            "NFD",
            "Ngà voi bị thu giữ tại cảng biển sáng nay, cơ quan hải quan địa phương cho biết "
            "trong thông cáo gửi báo chí.",
        ),
        # English copy: a prince, and Vietnamese names of people
        "Prince Turki al-Faisal met Ms. Nga and her colleague Mỹ at the conference on Tuesday.",
    ],
)
def test_words_and_names_holding_a_country_name_stay_untagged(text):
    assert suggest_tags(text, candidates=False).keys("countries") == []
