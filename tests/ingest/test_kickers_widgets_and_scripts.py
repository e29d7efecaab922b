"""Layouts of the twelfth spot check of real pages (docs/benchmarks.md): a place printed
alone as a kicker over the dateline, photo credits in Korean, Vietnamese and Japanese, a
site's "today" over the report's own stamp, a city picker, a weather widget and menu bars
over the headline, months and city names in Armenian, Georgian and Uzbek, an agency the
registry lacks after a Russian dateline, a German day's ordinal stop, IRNA's month by both
its names, and Spanish papers' `Efe / Buenos Aires`.

The texts are written for these tests; their layouts follow the real pages.
"""

import datetime

import pytest

from ingest import head
from ingest.dates import read_date
from ingest.parsers.text import first_sentence
from ingest.registry import place_key
from places.gazetteer import caucasian_names
from tests.factories import CityFactory, country
from tests.ingest.test_real_layouts import parse
from tests.worlds import registry_world

pytestmark = [pytest.mark.django_db, pytest.mark.parser]

IMPORTED = datetime.date(2026, 12, 1)


@pytest.fixture
@registry_world
def places(registry):
    cities = [
        ("Rome", "IT", ["Roma"]), ("Milan", "IT", ["Milano"]), ("Seoul", "KR", ["서울"]),
        ("Yerevan", "AM", ["Երևան", "Երեւան"]), ("Tbilisi", "GE", ["თბილისი"]),
        ("Tashkent", "UZ", ["Toshkent"]), ("Tehran", "IR", ["طهران"]),
        ("Buenos Aires", "AR", []), ("Hanoi", "VN", ["Hà Nội"]),
    ]  # fmt: skip
    for name, code, aliases in cities:
        CityFactory(name=name, country=country(code), population=1_500_000, aliases=aliases)


ITALIAN_LEAD = "Il governo ha firmato oggi il nuovo accordo con le regioni sulla sanità."


@pytest.mark.parametrize(
    "text",
    [
        # the place alone under the headline, the agency's dateline under it
        f"Sanità, firmato il nuovo accordo\nROMA\n(ANSA) - ROMA, 26 FEB - {ITALIAN_LEAD}\n",
        # … and over the headline
        f"ROMA\nSanità, firmato il nuovo accordo\n(ANSA) - ROMA, 26 FEB - {ITALIAN_LEAD}\n",
    ],
)
def test_a_place_alone_over_the_dateline_is_a_kicker(places, text):
    report = parse(text, IMPORTED)
    assert report.dateline.raw == "(ANSA) - ROMA, 26 FEB -"
    assert (report.dateline.city, report.dateline.date) == ("Rome", datetime.date(2026, 2, 26))
    assert report.headline == "Sanità, firmato il nuovo accordo"
    assert report.body == ITALIAN_LEAD


def test_a_kicker_over_a_dateline_of_another_place_gives_way_to_it(places):
    report = parse(
        f"Cronaca\nROMA\n\nSanità, firmato il nuovo accordo\n\nMILANO, 26 febbraio 2025 - "
        f"{ITALIAN_LEAD}\n",
        IMPORTED,
    )
    assert (report.dateline.city, report.dateline.date) == ("Milan", datetime.date(2025, 2, 26))
    assert report.headline == "Sanità, firmato il nuovo accordo"


def test_a_place_alone_over_a_lead_is_still_the_dateline(places):
    report = parse(f"Sanità, firmato il nuovo accordo\nMILANO\n\n{ITALIAN_LEAD}\n", IMPORTED)
    assert report.dateline.city == "Milan"


KOREAN_LEAD = "정부가 내년도 예산안을 국회에 제출했다고 기획재정부가 5일 밝혔다."


@pytest.mark.parametrize(
    "caption", ["(사진=연합뉴스)", "국회 본회의장 모습. 국회사진기자단. 연합뉴스"]
)
def test_a_korean_photo_credit_names_no_filer(places, caption):
    report = parse(f"정부, 내년 예산안 국회 제출\n{caption}\n{KOREAN_LEAD}\n", IMPORTED)
    assert report.headline == "정부, 내년 예산안 국회 제출"
    assert report.agency == ""


def test_yonhaps_own_dateline_still_names_it(places):
    report = parse(f"정부, 내년 예산안 국회 제출\n(서울=연합뉴스) 김민수 기자 = {KOREAN_LEAD}\n")
    assert (report.dateline.city, report.agency) == ("Seoul", "Yonhap News Agency")


@pytest.mark.parametrize(
    "line",
    [
        "Thủ tướng tiếp Đại sứ. Ảnh: Dương Giang - TTXVN",
        "(사진=AP 연합뉴스)",
        "記者会見に臨む外交部の報道官。（北京＝新華社配信）",
        "米国防総省の建物（ロイター＝共同）",
        "写真：ロイター",
    ],
)
def test_photo_credits_in_other_scripts_are_captions(line):
    assert head.is_caption(line)


@pytest.mark.parametrize(
    "line",
    ["(서울=연합뉴스) 김민수 기자 =", "ảnh hưởng của bão rất lớn", "【北京共同】中国政府は5日"],
)
def test_their_words_elsewhere_are_no_captions(line):
    assert not head.is_caption(line)


@pytest.mark.parametrize(
    ("printed", "parts"),
    [
        ("2 ապրիլի", (None, 4, 2)),  # Armenian
        ("1 თებერვალი 2023", (2023, 2, 1)),  # Georgian
        ("30 avg", (None, 8, 30)),  # Uzbek, shortened
        ("12 siječnja 2024", (2024, 1, 12)),  # Croatian
        ("5. března 2024", (2024, 3, 5)),  # Czech
    ],
)
def test_months_in_more_of_the_regions_languages(printed, parts):
    assert read_date(printed, ambiguous=True) == parts


def test_armenian_capitals_and_both_spellings_find_one_city():
    assert place_key("ԵՐԵՎԱՆ") == place_key("Երևան") == place_key("Երեւան")


def test_the_gazetteer_keeps_armenian_and_georgian_names():
    names = ["Երևան", "ერევანი", "Erevan", "Այրիվան  Երիվան  Էրեվան", "ქ. თბილისი 2"]
    assert caucasian_names(names) == ["Երևան", "ერევანი"]


def test_an_armenian_dateline_with_sputnik(places):
    report = parse(
        "Ծաղիկներ հերոսների շիրիմներին\n\nԵՐԵՎԱՆ, 2 ապրիլի – Sputnik. Վարչապետի անունից "
        "այսօր ծաղիկներ են դրվել հերոսների շիրիմներին։\n",
        IMPORTED,
    )
    assert (report.dateline.city, report.dateline.country) == ("Yerevan", "AM")
    assert (report.dateline.date, report.agency) == (datetime.date(2026, 4, 2), "Sputnik")


def test_an_uzbek_dateline_with_a_shortened_month(places):
    report = parse(
        "Mustaqillik bayrami\n\nTOShKENT, 30 avg — Sputnik. O‘zbekiston mamlakat "
        "Mustaqilligining yubileyini nishonlashga tayyorgarlik ko‘rmoqda.\n",
        IMPORTED,
    )
    assert (report.dateline.city, report.dateline.date) == ("Tashkent", datetime.date(2026, 8, 30))
    assert report.agency == "Sputnik"


RUSSIAN_LEAD = "На данный момент в здании проводятся обыски."


def test_an_agency_after_a_russian_dateline_the_registry_knows(places):
    report = parse(f"МОСКВА, 5 февраля, РИА ФедералПресс. {RUSSIAN_LEAD}\n", IMPORTED)
    assert (report.dateline.city, report.dateline.date) == ("Moscow", datetime.date(2026, 2, 5))
    assert (report.agency, report.body) == ("FederalPress", RUSSIAN_LEAD)


def test_an_agency_after_a_russian_dateline_the_registry_lacks(places):
    report = parse(f"МОСКВА, 5 февраля, ИА Примерпресс. {RUSSIAN_LEAD}\n", IMPORTED)
    assert (report.dateline.city, report.dateline.date) == ("Moscow", datetime.date(2026, 2, 5))
    assert (report.agency, report.body) == ("ИА Примерпресс", RUSSIAN_LEAD)


def test_a_name_after_a_dateline_not_in_capitals_is_no_agency(places):
    report = parse(f"Москва, 5 февраля, Иван Петров. {RUSSIAN_LEAD}\n", IMPORTED)
    assert report.agency == ""


def test_a_date_under_the_headline_beats_the_sites_today_over_it(places):
    report = parse(
        "logo\n06 ŞUBAT 2026\n\nDışişleri'nden vatandaşlara çağrı\n\n15.08.2021 11:32:00\n"
        "Büyükelçilik, ayrılmak isteyen vatandaşların ivedilikle bilgi vermesini istedi.\n",
        IMPORTED,
    )
    assert report.headline == "Dışişleri'nden vatandaşlara çağrı"
    assert report.dateline.date == datetime.date(2021, 8, 15)


CITY_PICKER = "\n".join(
    ["clear sky", "21°C", "30.04.2024.", "Odaberi pismo", "Odaberi grad"]
    + [f"  • {city}" for city in ("Beograd", "Niš", "Novi Sad", "Subotica", "Pirot") * 3]
    + ["Podešavanja Sačuvane vesti Pretraga Navigacija", "Odaberi grad"]
    + [f"  • {city}" for city in ("Beograd", "Niš", "Novi Sad", "Subotica", "Pirot") * 3]
)


def test_a_city_picker_and_its_settings_bar_are_the_sites(places):
    report = parse(
        f"{CITY_PICKER}\n\nVučić o situaciji na Kosovu\n\n09.08.2018. 11:17\n"
        "Predsednik je posle obilaska fabrike za preradu mesa odgovarao na pitanja novinara i "
        "tom prilikom govorio o razgovorima o Kosovu koji se nastavljaju sledeće nedelje.\n",
        IMPORTED,
    )
    assert report.headline == "Vučić o situaciji na Kosovu"
    assert report.dateline.date == datetime.date(2018, 8, 9)


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("+17° Київ +17° Варшава +28° Вашингтон", "furniture"),
        ("21°C", "furniture"),
        ("Posts Tagged ‘Saint-Pétersbourg’", "furniture"),
        ("您所在的位置: 东南网 > 国内> 时政 > 正文", "furniture"),
        ("直通屏山|福建|时评|大学城|台海|娱乐|体育", "section"),
        ("Начало | България | Свят | Икономика | Спорт", "section"),
        ("Temperatures reach 40° in Seville and 45° in Cordoba", "text"),
        ("Baku | Ankara | Tbilisi | Yerevan | Ministers of four countries agree on a rail link",
         "text"),
    ],
)  # fmt: skip
def test_widgets_and_menu_bars_over_the_headline(line, kind):
    assert head.classify(line) == kind


def test_a_days_ordinal_stop_ends_no_sentence():
    text = "Am Montag, dem 2. März ist der Präsident in einem neuen Park gewesen. Dann ging er."
    assert (
        first_sentence(text)
        == "Am Montag, dem 2. März ist der Präsident in einem neuen Park gewesen."
    )
    assert first_sentence("Er kam auf Platz 2. Dann ging er.") == "Er kam auf Platz 2."


def test_irnas_month_by_both_its_names(places):
    report = parse(
        "رئيسي: العدو يحقد على الشعب\nطهران/ 14 تشرين الاول/ اكتوبر/ ارنا – قال رئيس "
        "الجمهورية ان سبب حقد العدو هو التطورات.\n",
        IMPORTED,
    )
    assert report.dateline.raw == "طهران/ 14 تشرين الاول/ اكتوبر/ ارنا –"
    assert (report.dateline.city, report.dateline.date) == ("Tehran", datetime.date(2026, 10, 14))
    assert report.agency == "Islamic Republic News Agency (IRNA)"
    assert report.body.startswith("قال رئيس")


def test_a_spanish_papers_agency_and_place_between_a_slash(places):
    report = parse(
        "Argentina reconoce que no cuenta con medios\n\nEfe / Buenos Aires\n\nEl ministro "
        "reconoció este sábado que el Gobierno no tiene medios para la operación.\n",
        IMPORTED,
    )
    assert (report.dateline.city, report.dateline.country) == ("Buenos Aires", "AR")
    assert report.agency == "Agencia EFE"
    assert report.body.startswith("El ministro")


@pytest.mark.parametrize(
    ("lead", "agency"),
    [
        ("به گزارش گروه سیاسی خبرگزاری آنا، رئیس دفتر رئیس جمهور درباره سفر توضیح داد.",
         "ANA News Agency"),
        ("Preşedintele afirmă, într-un mesaj remis astăzi, că vizele au fost eliminate, "
         "informează Mediafax.", "Mediafax"),
    ],
)  # fmt: skip
def test_agencies_the_check_found_missing(places, lead, agency):
    report = parse(f"Title of the report here\n\n{lead}\n", IMPORTED)
    assert report.agency == agency


# What an independent review of the rules above found them doing to other copy.


def test_a_place_alone_over_a_lead_is_no_kicker_for_the_next_storys_dateline(places):
    report = parse(
        f"Sanità, firmato il nuovo accordo\nMILANO\n{ITALIAN_LEAD}\n"
        f"(ANSA) - ROMA, 26 FEB - Un'altra notizia comincia qui.\n",
        IMPORTED,
    )
    assert report.dateline.city == "Milan"
    assert report.body.startswith(ITALIAN_LEAD)


def test_an_updated_line_closing_the_page_does_not_date_the_report(places):
    report = parse(
        "05.03.2024 14:10\nVlada usvojila novi zakon o budžetu\n\nVlada je danas usvojila "
        "novi zakon o budžetu za narednu godinu posle duge rasprave.\n\n"
        "Ažurirano: 06.03.2024 09:00\n",
        IMPORTED,
    )
    assert report.dateline.date == datetime.date(2024, 3, 5)


@pytest.mark.parametrize("topics", [3, 6])
def test_a_headline_over_its_topic_links_stays_the_headline(places, topics):
    links = "\n".join(f"• {topic}" for topic in ["Budget", "Migration", "Ukraine", "Energy",
                                                  "Defence", "Trade"][:topics])  # fmt: skip
    report = parse(
        f"Leaders fail to agree on a seven-year budget\n{links}\nTalks ran through the night\n\n"
        "The leaders of the union "
        "failed on Thursday to agree on a budget after talks that ran through the night.\n",
        IMPORTED,
    )
    assert report.headline == "Leaders fail to agree on a seven-year budget"
    assert report.summary == "Talks ran through the night"


@pytest.mark.parametrize("signed", ["Sudan", "UPDATE", "Big Ben", "Владимир Путин", "Россия"])
def test_a_place_a_word_or_a_name_after_the_dates_comma_signs_nothing(places, signed):
    report = parse(
        f"Title of the report here\n\nМОСКВА, 5 февраля, {signed}. {RUSSIAN_LEAD}\n", IMPORTED
    )
    assert report.agency == ""


@pytest.mark.parametrize(
    "line",
    [
        "Foto: EFE / Buenos Aires",
        "Soldados caminan entre las ruinas del edificio. EFE / Buenos Aires",
    ],
)
def test_a_photos_slashed_credit_is_no_dateline(places, line):
    report = parse(
        f"Argentina reconoce que no cuenta con medios\n{line}\n\nEl ministro reconoció este "
        "sábado que el Gobierno no tiene medios para la operación.\n",
        IMPORTED,
    )
    assert report.dateline.city == ""
    assert report.agency == ""


@pytest.mark.parametrize(
    ("text", "sentence"),
    [
        ("Chelsea finished 1. Sen. Warren spoke after the match.", "Chelsea finished 1."),
        ("Китай занял 2. Там прошли соревнования.", "Китай занял 2."),
        ("The team came 3. Yan Li won the race.", "The team came 3."),
    ],
)
def test_a_short_months_namesake_after_a_number_still_ends_the_sentence(text, sentence):
    assert first_sentence(text) == sentence


@pytest.mark.parametrize(
    "headline",
    ["45°C in Jacobabad", "−40° in Yakutsk", "+40° в Москве", "Posts tagged as fake rise on X"],
)
def test_a_headline_with_one_temperature_or_about_tagged_posts_stays(headline):
    assert head.classify(headline) == "text"
