"""Copy in scripts without capital letters beside Arabic: Hindi and Bengali (PTI's Hindi
service Bhasha, IANS, UNI Varta, BSS), Urdu and Persian (AFP in an Urdu paper, IRNA),
Hebrew and Thai. Their city names come from GeoNames (`places.gazetteer.uncased_names`,
`persian_names`), their months from CLDR, and they read datelines only.

The texts are written for these tests; their dateline layouts follow real agency pages
(docs/benchmarks.md, the ninth spot check).
"""

import datetime

import pytest

from ingest import head
from ingest.dateline import find_dateline
from ingest.dates import read_date
from ingest.registry import get_registry
from ingest.tagger import suggest_tags
from places.gazetteer import city_aliases, misplaced_names, persian_names, uncased_names
from tests.factories import CityFactory, country
from tests.ingest.test_real_layouts import parse
from tests.worlds import registry_world

pytestmark = [pytest.mark.django_db, pytest.mark.parser]


@pytest.fixture
@registry_world
def places(registry):
    cities = [
        ("New Delhi", "IN", 320_000, ["नई दिल्ली"]),
        ("Delhi", "IN", 11_000_000, ["दिल्ली"]),
        ("Dhaka", "BD", 10_300_000, ["ঢাকা", "ढाका"]),
        ("Tehran", "IR", 7_100_000, ["تهران", "طهران", "تہران"]),
        ("Zanjan", "IR", 390_000, ["زنجان"]),
        ("Jerusalem", "IL", 970_000, ["ירושלים"]),
        ("Bangkok", "TH", 5_100_000, ["กรุงเทพฯ"]),
        ("Chandigarh", "IN", 960_000, ["चंडीगढ\u093c"]),  # `ढ` and the dot below apart
    ]
    for name, code, population, aliases in cities:
        CityFactory(name=name, country=country(code), population=population, aliases=aliases)


@pytest.mark.parametrize(
    ("dateline", "lead", "city", "date", "agency"),
    [
        ("नई दिल्ली, 5 दिसंबर (आईएएनएस)।", " केंद्र सरकार ने सोमवार को नई योजना की घोषणा की।",
         "New Delhi", datetime.date(2023, 12, 5), "Indo-Asian News Service (IANS)"),
        # Bhasha spells the day and writes `नयी`
        ("नयी दिल्ली, पांच दिसंबर (भाषा)", " केंद्र सरकार ने सोमवार को नई योजना की घोषणा की।",
         "New Delhi", datetime.date(2023, 12, 5), "Press Trust of India"),
        ("नई दिल्ली 15 दिसम्बर (वार्ता)", " केंद्र सरकार ने सोमवार को नई योजना की घोषणा की।",
         "New Delhi", datetime.date(2023, 12, 15), "United News of India (UNI)"),
        ("ঢাকা, ৫ ডিসেম্বর, ২০২৪ (বাসস) :", " প্রধান উপদেষ্টা আজ নতুন পরিকল্পনার ঘোষণা দিয়েছেন।",
         "Dhaka", datetime.date(2024, 12, 5), "Bangladesh Sangbad Sangstha"),
        ("تہران(اے ایف پی /جنگ نیوز )", "ایرانی وزارت خارجہ کے ترجمان نے کہا ہے کہ وزیر آج روانہ ہوں گے۔",
         "Tehran", None, "Agence France-Presse"),
        ("تهران- ایرنا-", " وزیر امور خارجه روز دوشنبه گفت که گفتگوها ادامه دارد.",
         "Tehran", None, "Islamic Republic News Agency (IRNA)"),
        ("ירושלים, 5 בדצמבר (רויטרס) -", " ראש הממשלה אמר היום כי הממשלה תאשר את התוכנית.",
         "Jerusalem", datetime.date(2023, 12, 5), "Reuters"),
        ("กรุงเทพฯ (AP) -", " นายกรัฐมนตรีกล่าวว่ารัฐบาลจะอนุมัติแผนใหม่ในสัปดาห์หน้า",
         "Bangkok", None, "Associated Press"),
        # TNA: the month's dotted short form, the dash touching the story
        ("กรุงเทพฯ 3 ก.ย.-", "นายกรัฐมนตรีกล่าวว่ารัฐบาลจะอนุมัติแผนใหม่ในสัปดาห์หน้า",
         "Bangkok", datetime.date(2023, 9, 3), ""),
        ("नई दिल्ली।", " केंद्र सरकार ने सोमवार को नई योजना की घोषणा की।",
         "New Delhi", None, ""),  # the place alone, then the Hindi stop
        # `ण्ड` for GeoNames' `ंड`, and `ढ़` typed as one letter (U+095D)
        ("चण्डीग\u095d, 5 दिसंबर (भाषा)", " पंजाब सरकार ने सोमवार को नई योजना की घोषणा की।",
         "Chandigarh", datetime.date(2023, 12, 5), "Press Trust of India"),
    ],
)  # fmt: skip
def test_datelines_in_scripts_without_capitals(places, dateline, lead, city, date, agency):
    report = parse(f"{dateline}{lead}\n")
    assert (report.dateline.raw, report.dateline.city) == (dateline, city)
    assert (report.dateline.date, report.agency) == (date, agency)
    assert report.body == lead.strip()


@pytest.mark.parametrize(
    ("printed", "parts"),
    [
        ("5 दिसंबर", (None, 12, 5)),
        ("१५ सितम्बर २०२३", (2023, 9, 15)),  # Devanagari digits; `म्ब` for `ंब`
        ("3 फरवरी", (None, 2, 3)),  # without the dot below of `फ़रवरी`
        ("3 \u095eरवरी", (None, 2, 3)),  # `फ़` typed as one letter (U+095E)
        ("पांच दिसंबर", (None, 12, 5)),
        ("30 ਨਵੰਬਰ, 2011", (2011, 11, 30)),
        ("20 ستمبر 2021", (2021, 9, 20)),
        ("12 ธันวาคม 2567", (2024, 12, 12)),  # the Buddhist era's year
        ("18 ก.พ.", (None, 2, 18)),  # a Thai month's short form
        ("๑๒ ธันวาคม ๒๕๖๗", (2024, 12, 12)),  # Thai digits
        ("5 मई 2024", (2024, 5, 5)),  # a month of two letters
        ("5 டிசம்பர்", (None, 12, 5)),  # Tamil
        ("5 డిసెంబర్", (None, 12, 5)),  # Telugu
        ("5 डिसेंबर", (None, 12, 5)),  # Marathi
        ("5 בדצמבר", (None, 12, 5)),
    ],
)
def test_dates_in_scripts_without_capitals(printed, parts):
    assert read_date(printed) == parts


def test_a_hindi_number_word_alone_is_no_day():
    assert read_date("दो बार") is None  # "twice"


def test_names_in_these_scripts_read_datelines_but_tag_no_text(places):
    """`ढाका` in a Hindi sentence is the city, but many such names are words too: the
    tagger reads them in datelines only, as it does Arabic names."""
    text = "प्रधानमंत्री ने ढाका और तेहरान की यात्रा के बाद कहा कि बातचीत जारी रहेगी।"
    assert suggest_tags(text, candidates=False).countries == []


GEONAMES_DELHI = [
    "Dilli", "דלהי", "दिल्ली", "देहली", "नई दिल्ली", "দিল্লি", "தில்லி", "เดลี", "दिल्ली 2",
]  # fmt: skip


def test_city_names_in_scripts_without_capitals_come_from_geonames():
    assert uncased_names(GEONAMES_DELHI) == [
        "דלהי", "दिल्ली", "देहली", "नई दिल्ली", "দিল্লি", "தில்லி", "เดลี",
    ]  # fmt: skip
    assert "नई दिल्ली" in city_aliases("Delhi", GEONAMES_DELHI)
    # Persian and Urdu spellings, with a letter Arabic lacks; Arabic ones stay with Arabic
    assert persian_names(["تهران", "تہران", "طهران", "Teheran"]) == ["تہران"]
    assert persian_names(["تِہران"]) == ["تہران"]  # without its vowel marks


def test_a_towns_only_name_in_a_script_is_its_own():
    """GeoNames gives `नई दिल्ली`, New Delhi's one Hindi name, to Delhi as well."""
    records = [
        {"geonameid": 1, "name": "Delhi", "population": 11_000_000,
         "alternatenames": GEONAMES_DELHI},
        {"geonameid": 2, "name": "New Delhi", "population": 320_000,
         "alternatenames": ["नई दिल्ली", "ניו דלהי"]},
        {"geonameid": 3, "name": "Delhi", "population": 900,  # a village: no claim
         "alternatenames": ["दिल्ली"]},
    ]  # fmt: skip
    assert misplaced_names(records) == {(1, "नई दिल्ली")}


def test_a_score_after_a_dateline_dash_is_no_date(places):
    report = parse("Dhaka - 3 - 4 was the final score in the capital on Sunday night.\n")
    assert report.dateline.date is None


@pytest.mark.parametrize(
    ("opening", "city", "agency"),
    [
        ("به گزارش خبرگزاری تسنیم از زنجان،", "Zanjan", "Tasnim News Agency"),
        ("به گزارش ایرنا از تهران،", "Tehran", "Islamic Republic News Agency (IRNA)"),
        ("به گزارش خبرنگار مهر در زنجان،", "Zanjan", "Mehr News Agency"),
    ],
)
def test_persian_agencies_open_with_who_reports_from_where(places, opening, city, agency):
    """Persian copy has no dateline: "Tasnim reports from Zanjan," opens the lead."""
    lead = " استاندار روز دوشنبه گفت که طرح جدید در هفته آینده اجرا خواهد شد."
    report = parse(f"طرح جدید اجرا می‌شود\n\n{opening}{lead}\n")
    assert (report.dateline.raw, report.dateline.city) == (opening, city)
    assert report.agency == agency
    assert report.body == lead.strip()


def test_persian_keeps_its_zero_width_non_joiner():
    """`می‌رود` is spelled with one; a stray one in Latin text is dropped."""
    report = parse("وزیر به نیویورک می‌رود\n\nوزیر امور خارجه روز دوشنبه گفت که به نیویورک می‌رود.\n")
    assert report.headline == "وزیر به نیویورک می‌رود"
    assert "می\u200cرود" in report.body
    assert parse(
        "Talks\u200c resume\n\nThe talks resume on Monday, the minister said.\n"
    ).headline == ("Talks resume")


@pytest.mark.parametrize(
    ("stamp", "date"),
    [
        ("बुधवार, 18 नवंबर 2009 (23:59 IST)", datetime.date(2009, 11, 18)),
        ("१० अक्टूबर २०१९", datetime.date(2019, 10, 10)),  # Devanagari digits
        ("১০ অক্টোবর ২০১৯", datetime.date(2019, 10, 10)),  # Bengali digits
        ("ਨਵੀਂ ਦਿੱਲੀ, 30 ਨਵੰਬਰ, 2011", datetime.date(2011, 11, 30)),
        ("12 ธันวาคม 2567", datetime.date(2024, 12, 12)),  # the Buddhist era's year
    ],
)
def test_page_stamps_in_scripts_without_capitals(stamp, date):
    assert head.dates_in(stamp) == [date]


def test_a_hindi_pages_stamp_gives_its_dateline_the_year(places):
    report = parse(
        "केंद्र ने नई योजना की घोषणा की\n\n"
        "बुधवार, 18 नवंबर 2009 (23:59 IST)\n\n"
        "नई दिल्ली, 18 नवंबर (भाषा) केंद्र सरकार ने बुधवार को नई योजना की घोषणा की।\n"
    )
    assert report.dateline.date == datetime.date(2009, 11, 18)
    assert report.agency == "Press Trust of India"


def test_a_hindi_headline_is_a_headline(places):
    """Its words' vowel signs are no letters to `\\w`: the line read as a widget's."""
    report = parse(
        "केंद्र ने नई योजना की घोषणा की\n\n"
        "नई दिल्ली, 5 दिसंबर (आईएएनएस)। केंद्र सरकार ने सोमवार को नई योजना की घोषणा की।\n"
    )
    assert report.headline == "केंद्र ने नई योजना की घोषणा की"


@pytest.mark.parametrize(("line", "kind"), [("ข่าว", "section"), ("นายกฯ ประชุม", "text")])
def test_thai_spaces_phrases_not_words(line, kind):
    assert head.classify(line) == kind


@pytest.mark.parametrize(
    ("stamp", "date"),
    [
        ("۲۳ مهر ۱۳۹۲، ۱۰:۵۹", datetime.date(2013, 10, 15)),
        ("انتشار: ۱۴ آذر ۱۴۰۳ - ۱۰:۳۰", datetime.date(2024, 12, 4)),
        ("14 آذر 1403", datetime.date(2024, 12, 4)),
    ],
)
def test_iranian_pages_date_by_the_solar_hijri_calendar(stamp, date):
    assert head.dates_in(stamp) == [date]
    assert head.is_timestamp(stamp)


def test_a_solar_hijri_stamp_is_no_headline(places):
    report = parse(
        "۲۳ مهر ۱۳۹۲، ۱۰:۵۹\n\n"
        "طرح جدید از هفته آینده اجرا می‌شود\n\n"
        "به گزارش خبرگزاری تسنیم از زنجان، استاندار روز دوشنبه گفت که طرح جدید در هفته "
        "آینده اجرا خواهد شد.\n"
    )
    assert report.headline == "طرح جدید از هفته آینده اجرا می‌شود"
    assert report.agency == "Tasnim News Agency"


def test_persian_letters_read_as_the_arabic_ones(registry):
    """`کابل` (Persian kaf and yeh) is the `كابل` the gazetteer lists in Arabic."""
    CityFactory(name="Kabul", country=country("AF"), population=4_400_000, aliases=["كابل"])
    report = parse("وزیر به کابل رفت\n\nکابل (AFP) - وزیر امور خارجه روز دوشنبه به کابل رفت.\n")
    assert report.dateline.city == "Kabul"


def test_the_printed_date_keeps_the_digits_the_text_prints(places):
    """What the editor is told of a date that is no real one quotes the text as printed."""
    lead = " প্রধান উপদেষ্টা আজ নতুন পরিকল্পনার ঘোষণা দিয়েছেন।"
    good = find_dateline(f"ঢাকা, ৫ ডিসেম্বর, ২০২৪ (বাসস) :{lead}", lookup=get_registry())
    assert (good.date, good.printed_date) == (datetime.date(2024, 12, 5), "৫ ডিসেম্বর, ২০২৪")
    bad = find_dateline(f"ঢাকা, ৩১ নভেম্বর, ২০২৪ (বাসস) :{lead}", lookup=get_registry())
    assert bad.date is None
    assert bad.warnings == ["The dateline date '৩১ নভেম্বর, ২০২৪' is not a real date."]
