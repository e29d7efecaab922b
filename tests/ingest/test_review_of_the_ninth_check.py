"""What a review of the ninth spot check's changes found them misreading: texts that
look like the new layouts but are not (a score in brackets, a caption naming a person and
an agency, a section's label over a lead that has its own dateline, an Arabic headline
with a hyphen, a common Arabic word taken for a photo credit, a Chinese headline with
spaces, a state in brackets in Hindi), and names GeoNames lists for towns abroad.

The texts are written for these tests.
"""

import pytest

from places.gazetteer import misplaced_names, persian_names
from tests.factories import CityFactory, country
from tests.ingest.test_real_layouts import parse
from tests.worlds import registry_world

pytestmark = [pytest.mark.django_db, pytest.mark.parser]

LEAD = (
    "The minister said on Sunday that the talks would resume next week after a pause of "
    "several months, officials in the capital said after a long meeting.\n"
)


@pytest.fixture
@registry_world
def places(registry):
    for name, code, population in [
        ("Liverpool", "GB", 860_000), ("London", "GB", 8_900_000), ("Kyiv", "UA", 2_900_000),
        ("Washington", "US", 690_000), ("Florida", "US", 3_000), ("Gaza", "PS", 400_000),
        ("Beijing", "CN", 18_000_000), ("Patna", "IN", 1_600_000),
    ]:  # fmt: skip
        aliases = {"Gaza": ["غزة"], "Beijing": ["北京"], "Patna": ["पटना"]}.get(name, [])
        CityFactory(name=name, country=country(code), population=population, aliases=aliases)


@pytest.mark.parametrize(
    "headline",
    ["Liverpool (3 - 1) Chelsea: Salah scores twice", "London (12 March 2019) was a turning point"],
)
def test_a_score_or_a_date_in_brackets_after_a_place_is_no_dateline(places, headline):
    report = parse(f"{headline}\n\n{LEAD}")
    assert (report.headline, report.dateline.raw) == (headline, "")


def test_a_caption_naming_a_person_and_an_agency_names_no_filer(places):
    report = parse(
        f"Talks to resume\n\nVladimir Putin, AP\n\nKYIV - {LEAD.strip()[:-1]}, TASS reports.\n"
    )
    assert report.agency == "TASS"


def test_a_title_case_headline_and_an_agency_is_no_byline(places):
    report = parse(f"China Exports Slump Again, Reuters\n\nKYIV (Reuters) - {LEAD}")
    assert report.headline == "China Exports Slump Again, Reuters"


@pytest.mark.parametrize("label", ["Washington", "Florida"])
def test_a_place_alone_over_a_lead_is_no_dateline_unless_it_is_one(places, label):
    """Over a lead with its own dateline, or a small town's name (a US state's section)."""
    lead = f"KYIV, Oct 1 (Reuters) - {LEAD}" if label == "Washington" else LEAD
    report = parse(f"Ukraine talks resume\n\n{label}\n\n{lead}")
    assert report.dateline.city == ("Kyiv" if label == "Washington" else "")


def test_an_arabic_headline_with_a_hyphen_is_no_dateline(places):
    report = parse(
        "غزة- الاحتلال يقصف مستشفى في شمال القطاع\n\n"
        "قصفت الطائرات مستشفى في شمال القطاع صباح اليوم، وقالت مصادر طبية إن عشرات الجرحى "
        "نقلوا إلى مستشفيات أخرى في المدينة بعد القصف.\n"
    )
    assert report.headline == "غزة- الاحتلال يقصف مستشفى في شمال القطاع"
    assert report.dateline.raw == ""


def test_a_common_arabic_word_is_no_photo_credit(places):
    report = parse(
        "الحكومة تعلن خطة جديدة\n\n"
        "أعلنت الحكومة بصورة رسمية اليوم الاثنين خطة جديدة للإسكان، حسبما ذكرت وكالة الأنباء "
        "الكويتية (كونا) في تقرير لها.\n"
    )
    assert report.agency == "Kuwait News Agency"


def test_a_chinese_headline_with_spaces_is_no_menu(places):
    report = parse(
        "习近平 会见 美国 国务卿 布林肯\n\n布林肯访华期间双方同意继续保持高层交往\n\n"
        "新华社北京6月19日电 国家主席今天在北京会见了美国国务卿，双方同意继续保持高层交往。\n"
    )
    assert report.headline == "习近平 会见 美国 国务卿 布林肯"


def test_a_state_in_brackets_in_hindi_is_no_agency(places):
    report = parse(
        "बिहार सरकार ने नई योजना की घोषणा की\n\n"
        "पटना (बिहार), 5 दिसंबर (भाषा) बिहार सरकार ने सोमवार को नई योजना की घोषणा की।\n"
    )
    assert report.agency != "बिहार"


def test_a_towns_only_name_stays_with_it_only_in_its_own_country():
    """`לונדון` is London's, though London, Ontario, lists it alone."""
    records = [
        {"geonameid": 1, "name": "London", "countrycode": "GB", "population": 8_900_000,
         "alternatenames": ["לונדון", "לנדון"]},
        {"geonameid": 2, "name": "London", "countrycode": "CA", "population": 380_000,
         "alternatenames": ["לונדון"]},
    ]  # fmt: skip
    assert misplaced_names(records) == set()


def test_urdu_spellings_with_urdus_own_letters_are_kept():
    assert persian_names(["راولپنڈی", "کوئٹہ", "Rawalpindi"]) == ["راولپنڈی", "کوئٹہ"]
