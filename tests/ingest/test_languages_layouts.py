"""Layouts of the languages part of the real-copy benchmark (bench/eval-real, cases
401–440): a headline printed again before the dateline, CNA's two reporters, EFE's
`EFE Lisboa` over the text, a dateline closing the text (Beta, Arabic papers' `(طهران-
د ب أ)`), a Hungarian photo credit and a stamp printed twice, the verbs Hungarian,
Romanian, Croatian and Slovene copy says who filed with, and a correspondent's line.

The texts are written for these tests; their layouts follow the real pages.
"""

import datetime

import pytest

from ingest.importer import tag_report
from ingest.reading import read_reports
from ingest.registry import get_registry
from tests.factories import CityFactory, country
from tests.ingest.test_real_layouts import parse
from tests.worlds import registry_world

pytestmark = [pytest.mark.django_db, pytest.mark.parser]

IMPORTED = datetime.date(2026, 12, 2)


@pytest.fixture
@registry_world
def places(registry):
    cities = [
        ("Berlin", "DE", []), ("Lisbon", "PT", ["Lisboa"]), ("Taipei", "TW", ["台北"]),
        ("Belgrade", "RS", ["Beograd"]), ("Tehran", "IR", ["طهران"]), ("Zagreb", "HR", []),
        ("Budapest", "HU", []), ("Jakarta", "ID", []), ("Rome", "IT", ["Roma"]),
    ]  # fmt: skip
    for name, code, aliases in cities:
        CityFactory(name=name, country=country(code), population=1_500_000, aliases=aliases)


def test_a_headline_printed_again_before_the_dateline_is_parted_from_it(places):
    headline = "Minister rules out a combat mission abroad"
    report = parse(
        f"{headline}\n\n{headline} Berlin (dapd). Germany will send no combat troops, the "
        "minister said on Tuesday.\n",
        IMPORTED,
    )
    assert (report.dateline.city, report.agency) == ("Berlin", "dapd Nachrichtenagentur")
    assert report.headline == headline
    assert report.body == "Germany will send no combat troops, the minister said on Tuesday."


def test_a_lead_opening_with_the_headlines_words_is_kept_whole(places):
    text = "Minister rules out a combat mission\n\nMinister rules out a combat mission, again.\n"
    assert parse(text, IMPORTED).body == "Minister rules out a combat mission, again."


def test_cna_datelines_naming_two_reporters(places):
    report = parse(
        "內閣總辭\n(中央社記者王小明、李大華台北16日電)行政院長今天上午主持最後一次院會。\n",
        datetime.date(2024, 5, 20),
    )
    assert report.dateline.raw == "(中央社記者王小明、李大華台北16日電)"
    assert (report.dateline.city, report.dateline.date) == ("Taipei", datetime.date(2024, 5, 16))
    assert report.agency == "Central News Agency"


def test_the_agency_and_the_city_alone_over_the_text(places):
    report = parse(
        "EFELisboa\n\nO presidente indigitou hoje o novo primeiro-ministro, vencedor das "
        "eleições de domingo.\n",
        IMPORTED,
    )
    assert (report.dateline.city, report.agency) == ("Lisbon", "Agencia EFE")


@pytest.mark.parametrize(
    "paragraphs",
    [
        ["Tadić je rekao da je dijalog jedini put."],
        ["Tadić je rekao da je dijalog jedini put.", "Forum traje dva dana u Beogradu."],
    ],
)
def test_a_dateline_closing_the_text(places, paragraphs):
    text = "\n\n".join(
        ["Dijalog je jedini put", *paragraphs, "BEOGRAD, 15. septembra 2011. (Beta)"]
    )
    report = parse(text + "\n", IMPORTED)
    assert report.dateline.city == "Belgrade"
    assert report.dateline.date == datetime.date(2011, 9, 15)
    assert report.agency == "Beta News Agency"
    assert report.body == "\n\n".join(paragraphs)  # the dateline is no paragraph


def test_an_arabic_papers_closing_credit_in_brackets(places):
    report = parse(
        "أكدت المتحدثة باسم الخارجية أمس أن المفاوضات بين البلدين كرست للموضوع النووي وحده "
        "دون غيره.\n\n"
        "(طهران- د ب أ)\n",
        IMPORTED,
    )
    assert (report.dateline.city, report.dateline.country) == ("Tehran", "IR")
    assert report.agency == "Deutsche Presse-Agentur"


def test_a_hungarian_photo_credit_a_stamp_printed_twice_and_who_writes(places):
    report = parse(
        "\nFotó: MTI/Kovács Anna\n"
        "Ünnepélyesen felvonták a nemzeti lobogót szombat délelőtt a Parlament előtt.\n"
        "2025. március 15., 11:422025. március 15., 11:42\n"
        "A zászlófelvonás után huszármenet indult a múzeumhoz – írja az MTI.\n",
        datetime.date(2025, 3, 16),
    )
    assert report.dateline.city == ""  # the credit's label is no place
    assert report.dateline.date == datetime.date(2025, 3, 15)
    assert report.agency == "Hungarian News Agency (MTI)"
    assert not report.headline.startswith("Fotó")


@pytest.mark.parametrize(
    ("sentence", "agency"),
    [
        # another agency named first: the verb says which one reports
        (
            "Premierul a citat joi un raport Reuters. Președintele a vorbit, transmite AGERPRES.",
            "Agerpres",
        ),
        ("Premijer je citirao izvješće Reuters. Predsjednik je govorio, javlja Hina.", "HINA"),
        ("Premier je citiral poročilo Reuters. Predsednik je govoril, poroča STA.", "STA"),
    ],
)
def test_the_verbs_that_say_who_filed(places, sentence, agency):
    report = parse(f"Izbori\n\nOpening words of the page.\n\n{sentence}\n", IMPORTED)
    assert agency in report.agency


def test_a_correspondents_line_over_the_dateline(places):
    report = parse(
        "piše dopisnica STA iz Zagreba Ana Novak\n\n"
        "Zagreb, 14. aprila - Predsednik vlade se poteguje za tretji mandat.\n",
        IMPORTED,
    )
    assert report.agency == "Slovenian Press Agency (STA)"
    assert report.dateline.city == "Zagreb"


@pytest.mark.parametrize(
    ("dateline", "agency"),
    [
        ("ROMA (ITALPRESS) –", "Italpress"),
        ("Jakarta, MINA –", "MINA News Agency"),
        ("Скопје, 1 февруари 2026 (МИА) -", "Macedonian Information Agency (MIA)"),
    ],
)
def test_agencies_the_registry_lacked(places, dateline, agency):
    assert parse(f"Headline words here\n{dateline} The text of the report.\n").agency == agency


@pytest.mark.parametrize(
    ("text", "countries"),
    [
        # Arabic: the letters joined before a name ("and", "with", "for")
        (
            "قال الوزير إن العلاقات بين روسيا والصين قوية، وإن الوفد سافر للسعودية وبإيران "
            "التقى نظيره.",
            {"RU", "CN", "SA", "IR"},
        ),
        # Persian, with the name copy prints for the United States
        ("وزیر گفت که روابط با چین و روسیه گسترش می‌یابد و هیئتی به آمریکا سفر کرد.",
         {"CN", "RU", "US"}),
        # common words that are countries' names too: financial, the sunset prayer; Hind,
        # a cup; "blessing", "singing", "fitting"
        ("ارتفعت الأسعار في السوق المالي بعد صلاة المغرب أمس في المدينة.", set()),
        ("وزیر گفت که روابط مالی با بانک مرکزی گسترش می‌یابد.", set()),
        ("قالت هند صبري إنها شربت كوبا من الشاي قبل الحفل.", set()),
        ("به یمن پیروزی، موسیقی و غنا در اتاق پرو ادامه داشت.", set()),
        # Iran's East Azerbaijan province is no Republic of Azerbaijan
        ("استاندار آذربایجان شرقی گفت که جمهوری آذربایجان همسایه ماست.", {"AZ"}),
        # the United States' abbreviations in Spanish, Portuguese and Romanian
        ("El Gobierno de EE.UU. anunció nuevas medidas el martes por la tarde.", {"US"}),
        ("Ambasada SUA a transmis joi un mesaj despre alegeri.", {"US"}),
    ],
)  # fmt: skip
def test_countries_named_in_arabic_script_and_by_abbreviation(places, text, countries):
    [report] = read_reports(f"Headline\n\n{text}\n".encode(), import_date=IMPORTED)
    assert set(tag_report(report).keys("countries")) == countries


@pytest.mark.parametrize(
    ("text", "countries"),
    [
        ("Premier spotkał się z prezydentem Ukrainy, a potem mówił o Rosji i Chorwacji.",
         {"UA", "RU", "HR"}),
        ("Prezident hovořil o Rusku, Číně a Ukrajině a o vztazích s Německem.",
         {"RU", "CN", "UA", "DE"}),
        ("Predsjednik je u Hrvatskoj govorio o Rusiji, Turskoj i Ukrajini.",
         {"HR", "RU", "TR", "UA"}),
        ("Президент України говорив про Росію та Польщу на зустрічі у вівторок.",
         {"UA", "RU", "PL"}),
        # declined forms that are names or words: Ashraf Ghani is no Ghana, Jordana no
        # Jordan, Irana no Iran; Hungarian "gabona" (grain) no Gabon
        ("Ashraf Ghani and Jordana Brewster met the minister on Tuesday.", set()),
        ("Irana and Omana spoke of the gabona harvest on Tuesday.", set()),
    ],
)  # fmt: skip
def test_country_names_declined_in_other_slavic_languages(places, text, countries):
    [report] = read_reports(f"Headline\n\n{text}\n".encode(), import_date=IMPORTED)
    assert set(tag_report(report).keys("countries")) == countries


# Review of these rules: what they must leave alone.


def test_a_desks_banner_over_a_headline_is_no_credit(places):
    CityFactory(name="Mehdya", country=country("MA"), population=30_000, aliases=["Media"])
    report = parse(
        "AFP Media\n\nPress freedom index published\n\nThe annual index of press freedom was "
        "published on Tuesday and ranks one hundred and eighty countries.\n",
        IMPORTED,
    )
    assert report.dateline.raw == ""
    report = parse(
        "AFP Media\n\nThe annual index of press freedom was published on Tuesday and ranks "
        "one hundred and eighty countries and territories.\n",
        IMPORTED,
    )
    assert report.dateline.city == ""  # "Media" is only an alias of a small town


@pytest.mark.parametrize(
    "ending",
    [
        "The letter, read out at the ceremony, ends with the date and the place:\n\n"
        "Berlin, 12 April 1961",
        "The appeal was published in full on Monday by the ministry.\n\n"
        "Berlin, 5 March 2026\nAnna Novak",
    ],
)
def test_a_quoted_place_and_date_under_the_text_is_no_dateline(places, ending):
    text = (
        "Appeal published\n\nThe ministry published the appeal of the veterans' association "
        f"in full on Monday, with the names of all who signed it.\n\n{ending}\n"
    )
    report = parse(text, IMPORTED)
    assert report.dateline.city == ""
    assert report.body.endswith(ending.splitlines()[-1])


@pytest.mark.parametrize(
    ("text", "agency"),
    [
        ("Vlada je u četvrtak usvojila proračun, javlja Reuters. Rasprava traje. (Hina)", "HINA"),
        ("Vlada je v četrtek sprejela proračun, poroča Reuters. Razprava traja. (STA)", "STA"),
    ],
)
def test_an_agency_reporting_another_agencys_copy_signs_it(places, text, agency):
    assert agency in parse(f"Proračun\n\n{text}\n", IMPORTED).agency


def test_a_correspondent_named_in_a_sentence_files_nothing(places):
    report = parse(
        "Fire at the port\n\nA fire broke out at the port of Baku on Friday, Trend reports.\n\n"
        "The blaze was also seen by a correspondent of AFP.\n",
        IMPORTED,
    )
    assert report.agency == "Trend News Agency"


def test_a_german_lead_with_a_picture_word_is_no_caption(places):
    lead = "Die neue Umfrage zeichnet ein klares Bild: Die Union liegt deutlich vorn."
    assert lead in parse(f"Umfrage\n\n{lead}\n", IMPORTED).body


def test_a_town_an_agency_is_named_after_before_its_country(places):
    report = parse(
        "Pilgrims gather\nMINA, Saudi Arabia, June 16 (Reuters) - Pilgrims gathered today.\n"
    )
    assert (report.dateline.country, report.agency) == ("SA", "Reuters")


def test_rossiya_segodnya_is_not_the_macedonian_agency(places):
    mentions = get_registry().agency_mentions("Об этом рассказал МИА «Россия сегодня» источник.")
    assert [name for _, _, name in mentions] == ["RIA Novosti"]


@pytest.mark.parametrize(
    ("text", "countries"),
    [
        # a name between characters of another script or punctuation
        ("米国の大統領は日本と台湾について記者団に語った。", {"US", "JP", "TW"}),
        ("会談には、中国、ロシア、インドが参加した。", {"CN", "RU", "IN"}),
        ("미국과 중국, 북한은 이번 회담에 대해 언급하지 않았다고 밝혔다.", {"US", "CN", "KP"}),
        # never a piece of a longer run of its own script: Chinese needs a word
        # segmenter to tell `欧美国家` ("Western countries") or `上海地铁` (Shanghai's
        # metro) from the United States and Haiti; katakana words (`ネクタイ`, `シリアル`)
        ("欧美国家的大米国内价格，沿海地区和上海地铁。", set()),
        ("タイトルとネクタイ、エビチリ、シリアル、インドア、ラテンアメリカ。", set()),
        ("中国地方の中国電力は発表した。", set()),  # Japan's Chūgoku region
        ("南アメリカと北アイルランドの代表が会談した。", set()),  # regions, not the countries
        # words that are countries' names: sultan, Mario; Korean "humanitarian", "means",
        # "blocking", "whether", butane, sebum
        ("苏丹说，理查德和阿曼达访问了内蒙古。", set()),
        ("マリオは記者団に語った。", set()),
        ("정부는 인도적 지원 수단을 마련했다고 밝혔다.", set()),
        ("행진을 저지에 나섰다. 어떻게 된 건지 모르겠다. 부탄 가스. 피지가 많은 피부.", set()),
    ],
)
def test_countries_named_in_chinese_japanese_and_korean(places, text, countries):
    [report] = read_reports(f"Headline\n\n{text}\n".encode(), import_date=IMPORTED)
    assert set(tag_report(report).keys("countries")) == countries
