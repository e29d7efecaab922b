"""Credits and datelines the ninth spot check of real pages found misread (see
docs/benchmarks.md): the agency before the place (`UNB, Dhaka :`), a German paper's agency
code (`rtr JERUSALEM.`), the date in brackets (`Madrid, España (20 mayo 2020) .-`), a
sign-off glued to its dash (`-UNB`) or over a page's prompt (`(APA)` over `Share if you
care.`), a byline naming the agency (`Yuri Kageyama, The Associated Press`), a call to
follow a site, and a photo credit in Hebrew.

The texts are written for these tests; their layouts follow the real pages.
"""

import datetime

import pytest

from tests.factories import CityFactory, country
from tests.ingest.test_real_layouts import parse
from tests.worlds import registry_world

pytestmark = [pytest.mark.django_db, pytest.mark.parser]

LEAD = " The minister said on Saturday that the talks would resume next week.\n"


@pytest.fixture
@registry_world
def places(registry):
    for name, code, aliases in [
        ("Dhaka", "BD", []), ("Jerusalem", "IL", []), ("Madrid", "ES", []),
        ("Tokyo", "JP", []), ("Jenin", "PS", []), ("Almaty", "KZ", []),
        ("Islamabad", "PK", ["اسلام آباد"]), ("Kyiv", "UA", ["Киев"]), ("Ljubljana", "SI", []),
        ("Newark", "US", []), ("Los Angeles", "US", []), ("Charleston", "US", []),
    ]:  # fmt: skip
        CityFactory(name=name, country=country(code), population=2_000_000, aliases=aliases)


@pytest.mark.parametrize(
    ("dateline", "city", "date", "agency"),
    [
        ("UNB, Dhaka :", "Dhaka", None, "United News of Bangladesh (UNB)"),
        ("rtr JERUSALEM.", "Jerusalem", None, "Reuters"),
        # two agencies' codes: the last filed it, as in `(BSS/AFP)`
        ("dpa/afp JERUSALEM.", "Jerusalem", None, "Agence France-Presse"),
        ("Madrid, España (20 mayo 2020) .-", "Madrid", datetime.date(2020, 5, 20), ""),
    ],
)
def test_datelines_with_the_agency_first_or_the_date_in_brackets(
    places, dateline, city, date, agency
):
    report = parse(f"Talks to resume\n\n{dateline}{LEAD}")
    assert (report.dateline.raw, report.dateline.city) == (dateline, city)
    assert (report.dateline.date, report.agency) == (date, agency)
    assert report.body.startswith("The minister said")


def test_a_word_in_lower_case_before_a_place_is_no_agency_code(places):
    report = parse(f"Talks to resume\n\nthe JERUSALEM talks resumed.{LEAD}")
    assert report.dateline.raw == ""


def test_the_first_of_two_agency_codes_is_kept_as_a_credit(places):
    report = parse(f"Talks to resume\n\ndpa/afp JERUSALEM.{LEAD}")
    assert (report.agency, report.credits) == ("Agence France-Presse", ["dpa"])
    slashed = parse(f"Talks to resume\n\nand/or JERUSALEM talks resumed.{LEAD}")
    assert slashed.dateline.raw == ""  # words, not known codes
    with_words = parse(f"Talks to resume\n\nJERUSALEM (Reuters, updated with map) -{LEAD}")
    assert (with_words.agency, with_words.credits) == ("Reuters", [])  # words, no code


def test_a_sign_off_glued_to_its_dash_closes_the_text(places):
    report = parse(
        f"Talks to resume\n\nDHAKA -{LEAD}\n"
        "The general praised the hospitality of the people of Bangladesh.     -UNB\n"
    )
    assert report.agency == "United News of Bangladesh (UNB)"


def test_a_pages_prompt_under_the_sign_off_does_not_hide_it(places):
    report = parse(
        "Armee rückt ein\n\nJenin - Die Armee ist am Sonntagabend in die Stadt eingerückt.\n\n"
        "Die Armee wollte zu dem Einsatz zunächst nicht Stellung nehmen. (APA)\n\n"
        "Share if you care.\n"
    )
    assert report.agency == "Austria Presse Agentur"  # APA in German copy


def test_a_byline_naming_the_agency_gives_the_agency_and_is_no_headline(places):
    report = parse(f"Yuri Kageyama, The Associated Press\n\n\n\nTOKYO --{LEAD}")
    assert report.agency == "Associated Press"
    assert report.headline != "Yuri Kageyama, The Associated Press"
    assert (report.dateline.city, report.byline) == ("Tokyo", "Yuri Kageyama")


def test_a_call_to_follow_a_site_names_no_agency(places):
    report = parse(
        "Подписывайтесь на канал Tengrinews.kz в WhatsApp\n\n"
        "Переговоры продолжатся\n\n"
        "Министр заявил в субботу, что переговоры продолжатся на следующей неделе. "
        'Об этом сообщает "Интерфакс-Казахстан".\n'
    )
    assert report.agency == "Interfax"


def test_a_photo_credit_in_hebrew_names_no_filer(places):
    caption = "השר בטקס, ירושלים / צילום: Associated Press, Uncredited\n"
    report = parse(
        "חדשות היום - אתר החדשות של ישראל\n\n"
        "השיחות יחודשו\n\n"
        "השר אמר כי השיחות בין הצדדים יחודשו בשבוע הבא לאחר הפסקה ארוכה של כמה חודשים ● "
        'הצדדים נפגשו בשבוע שעבר בירושלים ודנו בלוח הזמנים ● גורם בכיר: "ההסכם צפוי '
        'להיחתם בקרוב מאוד, אולי עוד החודש"\n\n'
        f"{caption}{caption}\n"
        "השר אמר ביום שבת כי השיחות יחודשו בשבוע הבא לאחר הפסקה ארוכה.\n"
    )
    assert report.agency == ""


def test_a_dash_touching_the_quote_that_opens_the_story(places):
    report = parse('Talks to resume\n\nMADRID, 21 ENE -"We will be there," the minister said.\n')
    assert (report.dateline.raw, report.dateline.city) == ("MADRID, 21 ENE -", "Madrid")
    assert report.body.startswith('"We will be there,"')


@pytest.mark.parametrize(
    ("credit", "agency"),
    [
        ("وأفادت وكالة مهر للأنباء أن المحادثات ستستأنف الأسبوع المقبل.", "Mehr News Agency"),
        ("2019年1月28日 17:58 時事", "Jiji Press"),
    ],
)
def test_agencies_named_in_arabic_and_by_their_short_japanese_names(places, credit, agency):
    report = parse(f"Talks to resume\n\n{credit}\n")
    assert report.agency == agency


@pytest.mark.parametrize("furniture", ["본문 바로가기", "Theo dõi Báo Hànộimới trên"])
def test_skip_links_and_follow_prompts_in_more_languages_are_no_headline(places, furniture):
    report = parse(f"{furniture}\n\nTalks to resume\n\nTOKYO --{LEAD}")
    assert report.headline == "Talks to resume"


@pytest.mark.parametrize(
    "dateline", ["ISLAMABAD (Staff Reporter) -", "ISLAMABAD (Our Correspondent) -"]
)
def test_a_papers_own_staff_in_the_agencys_place_is_no_agency(places, dateline):
    report = parse(f"Talks to resume\n\n{dateline}{LEAD}")
    assert (report.dateline.city, report.agency) == ("Islamabad", "")


def test_an_urdu_correspondents_credit_is_no_agency(places):
    report = parse(
        "مذاکرات دوبارہ شروع ہوں گے\n\n"
        "اسلام آباد(نامہ نگار،دنیا نیوز)وزیر نے کہا کہ مذاکرات اگلے ہفتے دوبارہ شروع ہوں گے۔\n"
    )
    assert (report.dateline.city, report.agency) == ("Islamabad", "")


def test_a_world_clocks_city_is_no_dateline(places):
    report = parse(
        "КИЕВ\n01:29\nБрюссель\n00:29\n\n"
        "В правительстве обсуждают кандидатуру министра\n\n"
        "В правительстве в понедельник обсуждали кандидатуру нового министра, сообщили "
        "источники в кабинете министров после долгого заседания.\n"
    )
    assert report.dateline.city == ""
    assert report.headline == "В правительстве обсуждают кандидатуру министра"


def test_a_photos_credit_names_no_filer(places):
    report = parse(
        "Vlada obravnava poročila\n\nFoto: Ana Novak/STA\n\n"
        "Ljubljana, 23. septembra - Vlada je danes obravnavala poročila ministrstev o škodi.\n"
    )
    assert report.agency == ""


@pytest.mark.parametrize(
    ("dateline", "city", "agency"),
    [
        ("NEWARK, N.J. (AP) —", "Newark", "Associated Press"),
        ("CHARLESTON, W.Va. (AP) —", "Charleston", "Associated Press"),
        ("NEWARK, N.J., Oct. 29 (UPI) --", "Newark", "United Press International"),
        ("LOS ANGELES, Calif., Oct. 29 (UPI) --", "Los Angeles", "United Press International"),
    ],
)
def test_a_us_states_abbreviation_after_the_city(places, dateline, city, agency):
    report = parse(f"Talks to resume\n\n{dateline}{LEAD}")
    assert (report.dateline.raw, report.dateline.city) == (dateline, city)
    assert report.agency == agency


def test_the_agency_opening_the_text_is_no_town_of_its_name(places):
    """KUNA's Arabic copy opens `كونا- …`; GeoNames gives a town in Idaho that name."""
    CityFactory(name="Kuna", country=country("US"), population=24_000, aliases=["كونا"])
    report = parse(
        "يغادر الأمير اليوم\n\nكونا- يغادر الأمير أرض الوطن صباح اليوم متوجها إلى لندن.\n"
    )
    assert (report.dateline.city, report.agency) == ("", "Kuwait News Agency")
