"""Chinese, Japanese and Korean datelines: Xinhua, China News Service, China Review News,
CNA, Kyodo and Yonhap as their copy in those languages prints them.

The texts are written for these tests; their dateline layouts follow real pages read in
an eleventh spot check (see docs/benchmarks.md).
"""

import datetime

import pytest

from ingest.dates import cjk_number, read_date
from tests.factories import CityFactory, country
from tests.ingest.test_real_layouts import parse
from tests.worlds import registry_world

pytestmark = [pytest.mark.django_db, pytest.mark.parser]


@pytest.fixture
@registry_world
def places(registry):
    CityFactory(name="Beijing", country=country("CN"), population=18_000_000, aliases=["北京"])
    CityFactory(
        name="Taipei", country=country("TW"), population=7_800_000, aliases=["台北", "臺北"]
    )
    CityFactory(name="Seoul", country=country("KR"), population=10_000_000, aliases=["서울"])
    CityFactory(
        name="Washington", country=country("US"), population=700_000, aliases=["ワシントン"]
    )


@pytest.mark.parametrize(
    ("dateline", "city", "date", "agency"),
    [
        ("新华社北京10月17日电", "Beijing", datetime.date(2023, 10, 17), "Xinhua News Agency"),
        ("新華社北京3月15日電", "Beijing", datetime.date(2024, 3, 15), "Xinhua News Agency"),
        ("中新社北京三月五日電", "Beijing", datetime.date(2024, 3, 5), "China News Service"),
        ("中評社台北10月12日電/", "Taipei", datetime.date(2023, 10, 12),
         "China Review News Agency"),
        ("(中央社台北1日電)", "Taipei", datetime.date(2024, 3, 1), "Central News Agency"),
        ("（中央社記者王明台北1日電）", "Taipei", datetime.date(2024, 3, 1),
         "Central News Agency"),  # the reporter's name before the city
        ("（台北中央社）", "Taipei", None, "Central News Agency"),
        ("【ワシントン共同】", "Washington", None, "Kyodo News"),
        ("(서울=연합뉴스)", "Seoul", None, "Yonhap News Agency"),
        ("新华社北京10月17日电（记者张明）", "Beijing", datetime.date(2023, 10, 17),
         "Xinhua News Agency"),
        # Reuters' and Xinhua's Japanese editions
        ("[北京 1日 ロイター] -", "Beijing", datetime.date(2024, 3, 1), "Reuters"),
        ("【北京ロイター】", "Beijing", None, "Reuters"),
        ("【新華社北京1月21日】", "Beijing", datetime.date(2024, 1, 21), "Xinhua News Agency"),
    ],
)  # fmt: skip
def test_cjk_datelines(places, dateline, city, date, agency):
    report = parse(
        f"国际会议在首都开幕\n\n{dateline}会议今天在这里开幕，来自各国的代表出席了会议。\n"
    )
    assert (report.dateline.raw, report.dateline.city) == (dateline, city)
    assert report.headline == "国际会议在首都开幕"
    assert (report.dateline.date, report.agency) == (date, agency)
    assert report.body.startswith("会议今天")


def test_a_page_stamp_gives_the_year_of_a_month_and_day(places):
    report = parse(
        "国际会议在首都开幕\n2017-10-17 20:10:40 来源:新华社 责任编辑:周冬\n\n"
        "新华社北京10月17日电 会议今天在这里开幕，来自各国的代表出席了会议。\n"
    )
    assert report.dateline.date == datetime.date(2017, 10, 17)
    assert report.headline == "国际会议在首都开幕"  # the stamp line is no headline


def test_a_day_alone_takes_the_month_and_year_of_the_pages_date(places):
    report = parse(
        "行政院召開記者會\n2016/6/1 09:14\n\n"
        "(中央社台北1日電)行政院今天上午召開記者會，說明新的政策方向。\n"
    )
    assert report.dateline.date == datetime.date(2016, 6, 1)


def test_a_city_in_running_text_is_no_dateline(places):
    report = parse("国际会议在首都开幕\n\n我们在北京10月17日看到了新的变化，代表们都很高兴。\n")
    assert (report.dateline.raw, report.dateline.city) == ("", "")


@pytest.mark.parametrize(
    ("text", "number"),
    [("10", 10), ("１０", 10), ("十", 10), ("十二", 12), ("二十五", 25), ("三十一", 31),
     ("三", 3)],
)  # fmt: skip
def test_cjk_numbers(text, number):
    assert cjk_number(text) == number


def test_cjk_dates_read_with_digits_or_numerals():
    assert read_date("10月17日") == (None, 10, 17)
    assert read_date("三月五日") == (None, 3, 5)
    assert read_date("2007年03月05日") == (2007, 3, 5)
    assert read_date("13月5日") is None


@pytest.mark.parametrize(
    "menu",
    [
        "首页|福建|时评|国内|国际|专题",
        "新聞大觀> 2000年兩會專題>新聞報道",
        "国际",
        "洛阳网首页 新闻 县区 百姓呼声 电子报 网站投稿",
    ],
)
def test_a_chinese_menu_or_trail_is_no_headline(places, menu):
    report = parse(
        f"{menu}\n国际会议在首都开幕\n\n新华社北京10月17日电 会议今天在这里开幕，代表出席了会议。\n"
    )
    assert report.headline == "国际会议在首都开幕"


@pytest.mark.parametrize(
    ("text", "city"),
    [("SEOUL, March 5 (Yonhap) -- The 서울 city government said on Tuesday it would act.",
      "Seoul"),
     ("TAIPEI, March 5 (CNA) -- Premier Cho (卓榮泰) said on Tuesday the cabinet would act.",
      "Taipei")],
)  # fmt: skip
def test_english_copy_naming_someone_in_their_script_keeps_its_dateline(places, text, city):
    report = parse(f"The city acts\n\n{text}\n")
    assert report.dateline.city == city and report.dateline.date == datetime.date(2024, 3, 5)


def test_according_to_xinhua_names_xinhua(places):
    report = parse(
        "国际会议在首都开幕\n\n据新华社北京10月17日电 会议今天在这里开幕，代表出席了会议。\n"
    )
    assert (report.agency, report.dateline.city) == ("Xinhua News Agency", "Beijing")


def test_an_impossible_cjk_date_is_flagged_and_a_day_alone_may_be_two_months_back(places):
    report = parse(
        "国际会议在首都开幕\n\n新华社北京2月30日电 会议今天在这里开幕，代表出席了会议。\n"
    )
    assert report.dateline.date is None
    assert any("not a real date" in warning for warning in report.warnings)
    late = parse(
        "行政院召開記者會\n\n（中央社記者王明台北31日電）行政院今天上午召開記者會，說明政策。\n"
    )
    assert late.dateline.date == datetime.date(2024, 1, 31)  # imported on 20 March


@pytest.mark.parametrize(
    ("first_line", "headline"),
    [("普京访华", "普京访华"), ("中方回应美方关税措施|外交部|新华网", "中方回应美方关税措施")],
)
def test_short_chinese_headlines_and_page_titles(places, first_line, headline):
    report = parse(
        f"{first_line}\n\n新华社北京10月17日电 俄罗斯总统今天抵达北京，开始对中国进行国事访问。\n"
    )
    assert report.headline == headline


def test_a_korean_headline_of_two_syllable_words_is_a_headline(places):
    """A line without a word of three letters is a widget or a ticker, but Korean and
    Chinese words are often two syllables or characters long (found by the review of the
    legacy code pages' reading)."""
    report = parse(
        "정부 새 경제 대책 발표\n\n"
        "(서울=연합뉴스) 정부는 1일 새로운 경제 대책을 발표했다. 이번 대책은 물가 안정과 내수 "
        "회복에 초점을 맞췄다.\n"
    )
    assert report.headline == "정부 새 경제 대책 발표"
    assert report.dateline.city == "Seoul"


def test_a_language_menu_listing_chinese_among_others_is_no_headline(places):
    report = parse(
        "• ру қз qz 中文 ق ز Ўз\n\nTalks held in Seoul\n\n"
        "SEOUL, March 5 (Yonhap) - The two ministers held talks in Seoul on Tuesday, the "
        "ministry said.\n"
    )
    assert report.headline == "Talks held in Seoul"


def test_a_bracketed_dateline_after_a_photos_caption_on_its_line(places):
    report = parse(
        "外務省の報道官。（北京＝新華社配信）【新華社北京1月21日】中国外務省の報道官は21日の"
        "記者会見で、新しい計画を支持すると述べた。\n"
    )
    assert (report.dateline.raw, report.dateline.city) == ("【新華社北京1月21日】", "Beijing")
    assert report.agency == "Xinhua News Agency"
    assert report.body.startswith("中国外務省の報道官は")


def test_pasted_copy_opening_with_a_bracketed_dateline_is_text_not_json(places):
    """Reuters' Japanese copy opens `[北京 1日 ロイター] -`: no ninjs list."""
    report = parse(
        "[北京 1日 ロイター] - 中国外務省の報道官は1日の記者会見で、新しい計画を支持すると述べた。\n"
    )
    assert (report.dateline.city, report.agency) == ("Beijing", "Reuters")
