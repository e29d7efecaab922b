import datetime
import re

import pytest

from ingest.language import detect_language
from ingest.reading import read_reports, sniff_format
from ingest.types import WireError
from tests.factories import CityFactory
from tests.factories import country as country_

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "data, message",
    [
        (b"", "empty"),
        (b"   \n\t ", "empty"),
        (bytes(range(256)) * 40, "binary"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 500, "binary"),
        (b"x" * 10_000_001, "limit is 10 MB"),
        (b'<?xml version="1.0"?><catalog><item/></catalog>', "neither a news item"),
        (b"<newsItem><unclosed>", "XML"),
        (b'{"headline": ', "JSON"),
    ],
)
def test_bad_input_gives_a_clear_error(data, message):
    with pytest.raises(WireError, match=message):
        read_reports(data)


def test_formats_are_told_apart_by_extension_or_content():
    assert sniff_format(b"Plain words", "a.txt") == "text"
    assert sniff_format(b'{"headline": "x"}') == "ninjs"
    assert sniff_format(b"<rss version='2.0'><channel/></rss>") == "feed"
    assert sniff_format(b"<newsItem xmlns='http://iptc.org/std/nar/2006-10-01/'/>") == "newsml"


def test_a_report_with_no_dateline_keeps_its_text_and_the_date_line(db):
    [report] = read_reports(
        b"date 2023-09-19\nTalks end\n\nThe talks ended without a deal on Tuesday evening.",
        import_date=datetime.date(2023, 9, 25),
    )
    assert report.headline == "Talks end"
    assert report.dateline.raw == ""
    assert report.dateline.date == datetime.date(2023, 9, 19)
    assert report.body == "The talks ended without a deal on Tuesday evening."


def test_a_byline_line_is_taken_apart(db):
    [report] = read_reports(b"Talks end\nBy Leyla Mammadova\n\nBAKU, Sept. 19. The talks ended.")
    assert report.byline == "Leyla Mammadova"
    assert report.dateline.raw == "BAKU, Sept. 19."


def test_a_newsml_item_gets_its_dateline_resolved(registry):
    xml = b"""<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:example:1" version="1">
 <itemMeta><provider literal="TASS"/><versionCreated>2023-09-19T08:00:00Z</versionCreated></itemMeta>
 <contentMeta><headline>Forum opens</headline><dateline>ASTRAKHAN, Sept. 19</dateline></contentMeta>
 <contentSet><inlineXML contenttype="application/nitf+xml"><nitf><body><body.content>
 <p>Journalists from the Caspian states gathered in Astrakhan.</p></body.content></body></nitf>
 </inlineXML></contentSet></newsItem>"""
    [report] = read_reports(xml)
    assert (report.dateline.city, report.dateline.country) == ("Astrakhan", "RU")
    assert report.dateline.date == datetime.date(2023, 9, 19)
    assert report.agency == "TASS"
    assert report.agency_item_id == "urn:example:1"


@pytest.mark.parametrize(
    "dateline, city, country",
    [
        ("WASHINGTON (Reuters) -", "Washington", "US"),
        ("ST. PETERSBURG, Sept. 18. /TASS/.", "Saint Petersburg", "RU"),
        ("NEW DELHI, Sept 19 (PTI) -", "New Delhi", "IN"),
        ("PARIS, Texas, Sept. 19 (AP) -", "Paris", "US"),
        ("CAMBRIDGE, Mass. (AP) -", "Cambridge", "US"),
        ("ATLANTA, Georgia, Sept. 19 (AP) -", "Atlanta", "US"),
        ("TBILISI, Georgia, Sept. 19 -", "Tbilisi", "GE"),
        ("VALENCIA (EFE) -", "Valencia", "ES"),
        ("ISLAMABAD, May 27 (APP):", "Islamabad", "PK"),
        ("BANGI (BERNAMA) -", "Bangi", "MY"),
        ("BANGI, Jan. 31 -", "Bangui", "CF"),  # no agency: the larger city
        ("ODESSA, Sept. 19 (Reuters) -", "Odesa", "UA"),
    ],
)
def test_ambiguous_dateline_cities_resolve_as_a_reader_would(namesakes, dateline, city, country):
    [report] = read_reports(f"Headline\n\n{dateline} Officials met on Tuesday.".encode())
    assert (report.dateline.city, report.dateline.country) == (city, country)


def test_an_impossible_structured_dateline_date_is_flagged_not_replaced(registry):
    item = b'{"headline": "Storm", "body_text": "MOSCOW, February 30 /TASS/. A storm hit.", "versioncreated": "2023-03-02T10:00:00Z"}'
    [report] = read_reports(item)
    assert report.dateline.date is None
    assert any("not a real date" in w for w in report.warnings)


def test_a_ninjs_number_too_long_to_read_is_a_clear_error(db):
    with pytest.raises(WireError, match=r"could not be read: it holds a number too long to read$"):
        read_reports(b'{"headline": "x", "body_text": "y", "version": ' + b"9" * 5000 + b"}")


def test_control_and_bidi_characters_are_scrubbed(registry):
    [report] = read_reports(
        b'{"headline": "Port\\u0000 opens\\u202e", "body_text": "The port\\u0007 opened."}'
    )
    assert report.headline == "Port opens"
    assert report.body == "The port opened."


def test_a_feed_imports_its_good_items_and_names_the_bad_one(registry):
    feed = b"""<rss version="2.0"><channel><title>Wire</title>
    <item><guid>1</guid><description>BAKU, Sept. 19. Talks opened in the capital.</description></item>
    <item><guid>2</guid><title>Empty</title></item></channel></rss>"""
    reports = read_reports(feed)
    assert [bool(r.error) for r in reports] == [False, True]
    assert reports[0].headline == "Talks opened in the capital"


def test_a_pasted_html_page_is_read_as_text(registry):
    [report] = read_reports(
        b"<html><body><h1>Forum opens</h1><p>BAKU, Sept. 19. Delegates met.</p></body></html>"
    )
    assert report.headline == "Forum opens"
    assert report.dateline.raw == "BAKU, Sept. 19."


def test_lone_surrogates_in_json_are_dropped_not_a_crash(registry):
    [report] = read_reports(
        b'{"headline": "Test \\ud800 head", "body_text": "BAKU, Sept. 19. X spoke \\ud83d here."}'
    )
    assert report.headline == "Test  head"
    report.headline.encode("utf-8")
    report.body.encode("utf-8")


def test_english_copy_full_of_vietnamese_names_reads_as_english(registry):
    text = (
        "Prime Minister Nguyen Xuan Phuc (R) meets Prime Minister of Singapore Lee Hsien "
        "Loong (L). Photo: Thong Nhat/VNA. Minister Chu Ngoc Anh receives Lee Hsien Long "
        "at Noi Bai airport. Photo: Doan Tan/VNA"
    )
    # The classifier alone reads this as Bikol, a language of the Philippines.
    assert detect_language(text) == "en"


@pytest.mark.parametrize(
    "dateline, city, country",
    [
        ("KUWAIT, Feb. 2 (KUNA) --", "Kuwait City", "KW"),
        ("SINGAPORE, Feb. 2 (Reuters) -", "Singapore", "SG"),
        ("TAJIKISTAN, May 4 -", "", "TJ"),  # a country alone stays a country
    ],
)
def test_a_capital_named_as_its_country(registry, dateline, city, country):
    CityFactory(name="Kuwait City", country=country_("KW"), population=60_000)
    CityFactory(name="Singapore", country=country_("SG"), population=5_600_000)
    CityFactory(name="Dushanbe", country=country_("TJ"), population=680_000)
    [report] = read_reports(f"Headline\n\n{dateline} Officials met on Tuesday.".encode())
    assert (report.dateline.city, report.dateline.country) == (city, country)


# Agency copy in the legacy code pages agencies file in, sent with no charset declared.
LEGACY_COPY = {
    "cp1256": (
        "أوبك تبقي على مستويات الإنتاج",
        "دمشق، 14 مايو (سانا) - قالت منظمة البلدان المصدرة للنفط يوم الثلاثاء إنها ستبقي على مستويات الإنتاج دون تغيير حتى نهاية العام.",
    ),
    "gb18030": (
        "中国与东盟签署新贸易协定",
        "新华社北京10月17日电 中国与东盟国家领导人星期二在北京签署了一项新的贸易协定，双方同意进一步降低关税。",
    ),
    "gbk": (
        "上海港集装箱吞吐量创新高",
        "新华社上海1月5日电 上海港去年集装箱吞吐量超过4900万标准箱，连续十四年位居世界第一。",
    ),
    "big5": (
        "台灣與日本簽署漁業協議",
        "中央社台北1日電 台灣與日本代表星期二在台北簽署新的漁業協議，雙方同意共同管理周邊海域。",
    ),
    "cp1254": (
        "Türkiye ile Azerbaycan enerji anlaşması imzaladı",
        "ANKARA, 14 Mayıs (AA) - Cumhurbaşkanı İstanbul'da yapılan görüşmede, iki ülkenin doğal gaz işbirliğini güçlendireceğini söyledi.",
    ),
    "cp1253": (
        "Η Βουλή ενέκρινε τον προϋπολογισμό",
        "ΑΘΗΝΑ, 14 Μαΐου (ΑΠΕ-ΜΠΕ) - Η ελληνική Βουλή ενέκρινε την Τρίτη τον κρατικό προϋπολογισμό για το επόμενο έτος με ευρεία πλειοψηφία.",
    ),
    "cp1250": (
        "Sejm przyjął budżet na przyszły rok",
        "WARSZAWA, 14 maja (PAP) - Posłowie przyjęli w środę ustawę budżetową. Minister finansów powiedział, że deficyt będzie mniejszy, niż zakładano.",
    ),
    "windows-1250": (
        "Vláda schválila rozpočet na příští rok",
        "PRAHA, 14. května (ČTK) - Česká vláda v úterý schválila návrh státního rozpočtu. Ministr financí řekl, že schodek bude menší, než se čekalo.",
    ),
    "cp1255": (
        "הכנסת אישרה את תקציב המדינה",
        "ירושלים, 14 במאי - הכנסת אישרה ביום שלישי את תקציב המדינה לשנה הבאה ברוב גדול של חברי הכנסת.",
    ),
    "shift_jis": (
        "政府、新たな経済対策を決定",
        "【東京１４日共同】政府は１４日の閣議で、物価高に対応するための新たな経済対策を決定した。総額は約２０兆円となる見通し。",
    ),
    "euc_jp": (
        "日銀、金融政策の維持を決定",
        "【東京１９日共同】日銀は１９日の金融政策決定会合で、大規模な金融緩和策の維持を決めた。",
    ),
    "euc_kr": (
        "정부 새 경제대책 확정",
        "(서울=연합뉴스) 정부는 14일 국무회의에서 물가 상승에 대응하기 위한 새로운 경제 대책을 확정했다고 밝혔다.",
    ),
    "cp1251": (
        "Caspian media forum opens in Baku",
        "BAKU, November 30 (Trend) - Баку hosted the Caspian media forum on Monday; guests from five countries were met with the words «Добро пожаловать».",
    ),
    "koi8_r": (
        "Москва принимает форум",
        "МОСКВА, 19 сентября. /ТАСС/. Журналисты из Баку и Астаны собрались в Москве.",
    ),
    "cp1252": (
        "La réforme des retraites présentée à l'été",
        "PARIS, 14 mai (AFP) - Le président a déclaré mardi que la réforme serait présentée à l'été, après une série de consultations.",
    ),
}


@pytest.mark.parser
@pytest.mark.parametrize("encoding", LEGACY_COPY)
def test_undeclared_legacy_copy_is_read_in_its_own_code_page(registry, encoding):
    headline, body = LEGACY_COPY[encoding]
    text = f"{headline}\n\n{body}\n"
    [report] = read_reports(text.encode(encoding))
    [original] = read_reports(text.encode())
    assert report.headline == headline
    assert (report.dateline.raw, report.body) == (original.dateline.raw, original.body)
    assert body.endswith(report.body) and report.body
    assert report.warnings == original.warnings  # no word of a doubtful code page


@pytest.mark.parser
def test_bytes_no_code_page_reads_cleanly_are_imported_with_a_warning(registry):
    garbage = bytes(range(0xA1, 0xFF, 3)) * 2
    [report] = read_reports(
        b"Talks end\n\nThe talks ended on Tuesday. " + garbage + b" Aides said."
    )
    assert report.headline == "Talks end"
    [warning] = [w for w in report.warnings if "charset" in w]
    assert re.search(r"declares no charset; it was read as [\w-]+, which may be wrong", warning)


@pytest.mark.parser
def test_one_cyrillic_word_in_english_copy_is_read_right_and_flagged(registry):
    text = "Forum opens\n\nBAKU, November 30 (Trend) - Баку hosted the Caspian media forum.\n"
    [report] = read_reports(text.encode("cp1251"))
    assert report.body.endswith("Баку hosted the Caspian media forum.")
    # One word is too little to be sure of: the editor is asked to check it.
    assert any("read as windows-1251" in warning for warning in report.warnings)


@pytest.mark.parser
@pytest.mark.parametrize(
    "text",
    [
        "Talks end\n\nMEXICO CITY, Dec 5 (Reuters) - Mexico and its neighbours agreed on "
        "Friday to keep talking.\n\n(Reporting by Maria Peña and Nuño Ruiz; Editing by Jörg "
        "Müller)\n",
        "Talks end\n\nBOGOTA, Dec 3 (Reuters) - The two presidents met in Cañar province on "
        "Friday.\n\n(Reporting by Begoña Jones; Editing by Alex Richardson)\n",
    ],
)
def test_english_copy_with_a_few_accented_names_stays_windows_1252(registry, text):
    """A review of the code-page guesser: Windows-1252's ñ read as Windows-1256 is an Arabic
    vowel sign on a Latin letter, and as GB18030 an ideograph closing a Latin word."""
    [report] = read_reports(text.encode("cp1252"))
    [original] = read_reports(text.encode())
    assert report.body == original.body


@pytest.mark.parser
def test_two_words_the_latin_code_pages_read_differently_are_flagged(registry):
    text = "Vučić speaks\n\nBELGRADE, Dec 3 - Vučić said Serbia would not recognise it.\n"
    [report] = read_reports(text.encode("cp1250"))
    assert any("charset" in warning for warning in report.warnings)
