import datetime

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
