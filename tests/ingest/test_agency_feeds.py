"""Agencies' own feeds read as their editors would want them: what a probe of real
NewsML-G2, NITF and ninjs deliveries (dpa, Reuters, ANSA, AAP, AP's Media API, STT)
found read wrongly.

The texts are written for these tests; the layouts follow the agencies' deliveries.
"""

import datetime
import json

import pytest

from ingest.parsers.feed import parse_feed
from ingest.parsers.newsml import parse_newsml
from ingest.parsers.newsml1 import parse_newsml1
from ingest.parsers.ninjs import parse_ninjs
from ingest.reading import read_reports
from ingest.types import WireError
from tests.factories import CityFactory, country
from tests.ingest.test_newsml1 import document, news_item
from tests.worlds import registry_world

pytestmark = [pytest.mark.django_db, pytest.mark.parser]

G2 = "http://iptc.org/std/nar/2006-10-01/"
XHTML = "http://www.w3.org/1999/xhtml"
IMPORTED = datetime.date(2026, 12, 2)


@pytest.fixture
@registry_world
def places(registry):
    for name, code in [("Rome", "IT"), ("Sydney", "AU"), ("Lisbon", "PT"), ("Baku", "AZ")]:
        CityFactory(name=name, country=country(code), population=1_500_000)


def g2_item(
    content_set: str,
    *,
    provider: str = '<provider qcode="nprov:CWA"/>',
    content_meta: str = "",
    item_meta: str = "",
    headline: str = "Caspian ferry line reopens",
    guid: str = "tag:caspian-wire.test,2026:newsml_L4N2FERRY",
    more: str = "",
) -> bytes:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="{G2}" guid="{guid}" version="2" standard="NewsML-G2" standardversion="2.25">
  <itemMeta>
    <itemClass qcode="ninat:text"/>
    {provider}
    <versionCreated>2026-01-30T03:47:29Z</versionCreated>
    {item_meta}
  </itemMeta>
  <contentMeta>
    <headline>{headline}</headline>
    {content_meta}
  </contentMeta>
  {more}
  <contentSet>{content_set}</contentSet>
</newsItem>""".encode()


def read(data: bytes, **kwargs):
    [report] = read_reports(data, import_date=IMPORTED, **kwargs)
    return report


@pytest.mark.parametrize(
    ("provider", "agency"),
    [
        ("Deutsche Presse-Agentur GmbH", "Deutsche Presse-Agentur"),
        ("The Associated Press", "Associated Press"),
        ("Agence France-Presse SA", "Agence France-Presse"),
        ("Australian Associated Press Pty Ltd", "Australian Associated Press"),
        ("Agenzia Nazionale Stampa Associata (ANSA)", "ANSA"),
        ("PA Sport", "PA Media"),  # a desk of PA's
    ],
)
def test_a_providers_legal_form_does_not_hide_the_agency(places, provider, agency):
    item = g2_item(
        "<inlineData>The ferry sailed on Friday.</inlineData>",
        provider=f'<provider qcode="nprov:x"><name>{provider}</name></provider>',
    )
    assert read(item).agency == agency


# A write-through as Reuters sends it: the whole story typed into one paragraph, each of
# its paragraphs indented, the lines that carry one on at the margin, and over the
# dateline the update's note, the story's points and the writer.
TYPED = """<p>(Adds minister's comments, detail)
    * Ferries to resume on Monday after a month
    * Port says repairs to the quay are done

    By Leyla Aliyeva
    BAKU, Jan 30 (Reuters) - Ferries between Baku and the eastern
shore will sail again on Monday, the port said on Friday, a month
after a storm damaged the main quay.
    The transport minister said the line would run daily &amp; carry
freight as well as passengers.
</p>"""


def test_a_story_typed_into_one_paragraph_is_read_as_its_paragraphs(places):
    item = g2_item(
        f'<inlineXML contenttype="application/xhtml+html"><html xmlns="{XHTML}"><head>'
        f"<title/></head><body>{TYPED}</body></html></inlineXML>",
        provider='<provider qcode="nprov:REUTERS"><name>Reuters</name></provider>',
        headline="UPDATE 1-Caspian ferry line reopens",
    )
    report = read(item)
    assert report.headline == "Caspian ferry line reopens"  # the version label goes
    assert (report.dateline.city, report.dateline.raw) == ("Baku", "BAKU, Jan 30 (Reuters) -")
    assert report.dateline.date == datetime.date(2026, 1, 30)
    assert report.byline == "Leyla Aliyeva"
    assert report.summary == (
        "Ferries to resume on Monday after a month. Port says repairs to the quay are done."
    )
    assert report.body == (
        "<p>Ferries between Baku and the eastern shore will sail again on Monday, the port "
        "said on Friday, a month after a storm damaged the main quay.</p>\n"
        "<p>The transport minister said the line would run daily &amp; carry freight as well "
        "as passengers.</p>"
    )


def test_a_paragraph_the_xml_indents_stays_one_paragraph():
    body = """<p>The ferry line between Baku and the eastern shore reopens
                    on Monday, a month after a storm damaged the main quay, the
                    port said.</p>"""
    item = g2_item(
        f'<inlineXML contenttype="application/xhtml+xml"><html xmlns="{XHTML}"><body>'
        f"{body}</body></html></inlineXML>"
    )
    [report] = parse_newsml(item)
    assert report.body == (
        "<p>The ferry line between Baku and the eastern shore reopens on Monday, a month "
        "after a storm damaged the main quay, the port said.</p>"
    )


def test_html_in_a_plain_text_cdata_body_and_a_sub_headline(places):
    # ANSA's English service: the text as HTML in CDATA, labelled text/plain, and the
    # line under the headline as a headline of role "subHeadline".
    text = """<p>
            (ANSA) - Rome, January 30 - The ferry line reopened on Friday
after repairs to the quay.
   "We are back," the port's director said.
          </p>"""
    item = g2_item(
        f'<inlineData contenttype="text/plain"><![CDATA[{text}]]></inlineData>',
        provider='<provider qcode="nprov:ANSA"><name>ANSA</name></provider>',
        content_meta='<headline role="hld:subHeadline">Port director: we are back</headline>',
    )
    report = read(item)
    assert report.headline == "Caspian ferry line reopens"
    assert report.summary == "Port director: we are back"
    assert report.dateline.city == "Rome"
    assert report.body == (
        "<p>The ferry line reopened on Friday after repairs to the quay.</p>\n"
        '<p>"We are back," the port\'s director said.</p>'
    )


def test_a_dateline_field_holding_a_timestamp_gives_way_to_the_printed_one(places):
    item = g2_item(
        "<inlineData>LISBON, Jan 30 (Reuters) - The ferry sailed on Friday.</inlineData>",
        content_meta="<dateline>2026-01-30 03:47:29 GMT+00:00</dateline>",
    )
    report = read(item)
    assert (report.dateline.raw, report.dateline.city) == ("LISBON, Jan 30 (Reuters) -", "Lisbon")
    assert report.body == "The ferry sailed on Friday."


@pytest.mark.parametrize(
    ("links", "source"),
    [
        # dpa: pages the story is about, not the story's own
        (
            [("irel:seeAlso", "https://port.example/timetable"),
             ("irel:seeAlso", "https://ministry.example/transport")],
            "",
        ),
        # one related page: the story's own (AP), or among several the one with its id
        ([("irel:seeAlso", "https://caspian-wire.test/ferry")], "https://caspian-wire.test/ferry"),
        (
            [("irel:seeAlso", "https://port.example/timetable"),
             ("irel:seeAlso", "https://caspian-wire.test/article/ferry-e83b5ffd61b1")],
            "https://caspian-wire.test/article/ferry-e83b5ffd61b1",
        ),
        ([("irel:canonical", "https://caspian-wire.test/a")], "https://caspian-wire.test/a"),
    ],
)  # fmt: skip
def test_the_source_address_is_the_storys_own_page(links, source):
    meta = "".join(f'<link rel="{rel}" href="{href}"/>' for rel, href in links)
    guid = "urn:newsml:caspian-wire.test:20260130:e83b5ffd61b1"
    [report] = parse_newsml(g2_item("<inlineData>Text.</inlineData>", item_meta=meta, guid=guid))
    assert report.source_url == source


def test_a_teaser_is_a_summary_and_places_come_by_literal_or_assert():
    item = g2_item(
        "<inlineData>Text.</inlineData>",
        content_meta='<description role="drol:teaser">Daily sailings from Monday.</description>'
        '<located literal="Baku"/><subject type="cpnat:geoArea" qcode="geo:7392"/>',
        more='<assert qcode="geo:7392"><name>Turkmenbashi</name></assert>',
    )
    [report] = parse_newsml(item)
    assert report.summary == "Daily sailings from Monday."
    assert report.places == ["Baku", "Turkmenbashi"]


NITF = """<?xml version="1.0" encoding="UTF-8"?>
<nitf><head><title>Ferry line reopens</title></head><body>
 <body.head><hedline><hl1>Ferry line reopens</hl1></hedline>
  <abstract><p>Ferry line reopens</p></abstract>
  <dateline>Sydney</dateline></body.head>
 <body.content>
  <p>The harbour ferry between the city and the northern beaches ran again on <br/>Friday
   after a week of repairs to the wharf, and the operator said timetables <br/>would return
   to normal on Monday.</p>
  <p>Passengers were told to allow extra time.</p>
  <p>AAP RTV ar</p>
 </body.content></body></nitf>"""


def test_nitf_wraps_a_repeated_abstract_and_a_sign_off_are_left_out(places):
    report = read(NITF.encode())
    assert report.summary == ""  # the abstract only repeats the headline
    assert report.body == (
        "<p>The harbour ferry between the city and the northern beaches ran again on Friday "
        "after a week of repairs to the wharf, and the operator said timetables would return "
        "to normal on Monday.</p>\n<p>Passengers were told to allow extra time.</p>"
    )
    assert report.agency == "Australian Associated Press"  # the sign-off still says whose


@pytest.mark.parametrize("initials", ["ab/de/dl/hmw", "bur-lth/sst"])
def test_desk_initials_under_the_text_are_left_out(places, initials):
    report = read(NITF.replace("AAP RTV ar", initials).encode())
    assert report.body.endswith("<p>Passengers were told to allow extra time.</p>")


def test_a_break_that_is_no_wrap_is_kept(places):
    text = NITF.replace("on <br/>Friday", "on Friday").replace("timetables <br/>would", "x")
    text = text.replace("<p>Passengers", "<p>Ferry Wharf 2<br/>Circular Quay</p><p>Passengers")
    assert "<p>Ferry Wharf 2<br>Circular Quay</p>" in read(text.encode()).body


AP_ITEM = {
    "api_version": "1.1",
    "data": {
        "item": {
            "uri": "https://api.example/media/v/content/5ee9b4b4?qt=HyIV&et=0a4a",
            "altids": {"itemid": "5ee9b4b4", "etag": "5ee9b4b4_0a4a", "friendlykey": "53976"},
            "version": 0,
            "type": "text",
            "language": "en",
            "versioncreated": "2026-01-30T04:05:12Z",
            "headline": "Ferry line reopens",
            "bylines": [{"by": "By LEYLA ALIYEVA", "title": "Associated Press"}],
            "links": [{"rel": "canonical", "href": "https://news.example/article/ferry"}],
            "provider": "AP",
            "place": [
                {"name": "San Diego", "rels": ["direct"], "creator": "Machine"},
                {"name": "Baku", "rels": ["direct"], "creator": "Editorial"},
            ],
            "renditions": {
                "nitf": {"title": "NITF Story Download", "type": "text", "href": "https://x/n"},
                "anpa": {"title": "ANPA Story Download", "type": "text", "href": "https://x/a"},
            },
        }
    },
}


def test_ap_media_api_items_read_their_id_byline_page_and_editorial_places():
    item = json.loads(json.dumps(AP_ITEM))
    item["data"]["item"]["body_nitf"] = "<nitf><body><body.content><p>Text.</p></body.content>"
    item["data"]["item"]["body_nitf"] += "</body></nitf>"
    [report] = parse_ninjs(json.dumps(item).encode())
    assert report.agency_item_id == "5ee9b4b4"  # not the address with its request tokens
    assert report.byline == "LEYLA ALIYEVA"
    assert report.source_url == "https://news.example/article/ferry"
    assert report.places == ["Baku"]  # not what a machine guessed
    # a guid, where there is one, is still the id; two items told apart by their
    # address's query only are two items
    item["data"]["item"]["guid"] = "urn:caspian-wire.test:ferry"
    [report] = parse_ninjs(json.dumps(item).encode())
    assert report.agency_item_id == "urn:caspian-wire.test:ferry"
    first, second = ({"uri": f"https://cms.example/view?id={n}", "headline": "H"} for n in (1, 2))
    ids = {r.agency_item_id for r in parse_ninjs(json.dumps([first, second]).encode())}
    assert ids == {"https://cms.example/view?id=1", "https://cms.example/view?id=2"}


def test_an_item_whose_text_is_a_download_of_its_own_says_so(places):
    with pytest.raises(WireError, match=r"not in the file.*\(nitf, anpa\)\. Fetch that rendition"):
        read(json.dumps(AP_ITEM).encode())


def test_a_ninjs_byline_loses_its_by_and_a_paragraph_its_closing_break():
    item = {
        "uri": "tag:caspian-wire.test,2026:ferry",
        "type": "text",
        "headline": "Ferry line reopens",
        "byline": "By Leyla Aliyeva",
        "body_html": "<p>The ferry sailed on Friday.<br></p><p>It was full.</p>",
    }
    [report] = parse_ninjs(json.dumps(item).encode())
    assert report.byline == "Leyla Aliyeva"
    assert report.body == "<p>The ferry sailed on Friday.</p>\n<p>It was full.</p>"


def test_newsml_1_keywords_given_as_properties_are_read():
    # AFP: <Property FormalName="Keyword" Value="…"/> in the descriptive metadata
    metadata = (
        '<Property FormalName="Keyword" Value="transport"/>'
        '<Property FormalName="Keyword" Value="Caspian Sea"/>'
        '<Property FormalName="Genre" Value="news"/>'
    )
    [report] = parse_newsml1(document(news_item(metadata=metadata)))
    assert report.keywords == ["transport", "Caspian Sea"]


@pytest.mark.parametrize(
    ("byline", "kept"),
    [
        ("By Leyla Aliyeva", "Leyla Aliyeva"),
        ("di Marco Rossi", "Marco Rossi"),
        ("Di Maio Luigi", "Di Maio Luigi"),  # a name, not Italian's "by"
        ("By The Associated Press", ""),  # the agency, no writer
        ("ByStaff Reporter, BusinessDesk", "Staff Reporter, BusinessDesk"),  # glued
    ],
)
def test_a_nitf_byline_keeps_the_writers_name_only(places, byline, kept):
    text = NITF.replace("<dateline>Sydney</dateline>", f"<byline>{byline}</byline>")
    assert read(text.encode()).byline == kept


def test_a_storys_page_loses_what_the_feed_added_to_its_address():
    # Reuters' RSS: the feed's name in the address; a `ref` telling two releases apart
    feed = """<rss version="2.0"><channel><title>Wire</title>{}</channel></rss>"""
    item = """<item><title>Ferry line reopens</title><description>The ferry sailed.</description>
      <link>https://wire.example/view.php?ref={}&amp;feedType=RSS&amp;feedName=topNews&amp;utm_source=rss</link>
      </item>"""
    reports = parse_feed(feed.format(item.format("2026-101") + item.format("2026-102")).encode())
    assert [r.source_url for r in reports] == [
        "https://wire.example/view.php?ref=2026-101",
        "https://wire.example/view.php?ref=2026-102",
    ]
    assert len({r.agency_item_id for r in reports}) == 2  # two items, ids as the feed gives


def test_a_press_releases_subtitle_over_its_dateline_and_ansas_headline_mark(places):
    item = g2_item(
        f'<inlineXML contenttype="application/xhtml+xml"><html xmlns="{XHTML}"><body>'
        "<h2>Daily sailings resume on Monday</h2>"
        "<p>BAKU, Jan. 30, 2026 (CASPIAN WIRE) -- The ferry line reopened on Friday.</p>"
        "</body></html></inlineXML>",
        headline="&gt;&gt;&gt;ANSA/ Caspian ferry line reopens",
    )
    report = read(item)
    assert report.headline == "Caspian ferry line reopens"
    assert report.summary == "Daily sailings resume on Monday"
    assert report.dateline.city == "Baku"
    assert report.body == "<p>The ferry line reopened on Friday.</p>"


@pytest.mark.parametrize(
    "text",
    [
        "First paragraph, see <http://caspian-wire.test/x> for more.\n\nSecond paragraph.",
        "If a<b holds, the ferry sails.\n\nSecond paragraph.",
        "First paragraph.\n\nSecond paragraph.\n\n<ENDS>",
    ],
)
def test_plain_text_holding_a_less_than_sign_stays_plain_text(text):
    [report] = parse_newsml(g2_item(f"<inlineData><![CDATA[{text}]]></inlineData>"))
    assert report.body == text


def test_a_timestamp_dateline_gives_way_to_a_printed_one_without_a_place(places):
    item = g2_item(
        "<inlineData>Jan 30 (Reuters) - The ferry sailed on Friday.</inlineData>",
        content_meta="<dateline>2026-01-30 03:47:29 GMT+00:00</dateline>",
    )
    report = read(item)
    assert report.dateline.raw == "Jan 30 (Reuters) -"
    assert report.body == "The ferry sailed on Friday."  # printed once


def test_a_timestamp_dateline_and_a_note_over_the_printed_one(places):
    body = (
        "<p>(Adds minister's comments)</p>"
        "<p>LISBON, Jan 30 (Reuters) - The ferry sailed on Friday.</p>"
    )
    item = g2_item(
        f'<inlineXML contenttype="application/xhtml+xml"><html xmlns="{XHTML}"><body>'
        f"{body}</body></html></inlineXML>",
        content_meta="<dateline>2026-01-30 03:47:29 GMT+00:00</dateline>",
    )
    report = read(item)
    assert (report.dateline.raw, report.dateline.city) == ("LISBON, Jan 30 (Reuters) -", "Lisbon")
    assert report.body == "<p>The ferry sailed on Friday.</p>"


@pytest.mark.parametrize(
    "opening",
    [
        "Sign up for the ferry's new daily service opened on Friday, the port said.",
        "The ferry line, closed for a month after a storm damaged the quay,",
    ],
)
def test_a_story_paragraph_over_a_dateline_is_no_furniture(places, opening):
    body = f"<p>{opening}</p><p>BAKU, Jan 30 (Trend) - Ferries sail again on Monday.</p>"
    item = g2_item(
        f'<inlineXML contenttype="application/xhtml+xml"><html xmlns="{XHTML}"><body>'
        f"{body}</body></html></inlineXML>"
    )
    assert read(item).body.startswith(f"<p>{opening}</p>")


@pytest.mark.parametrize(
    "paragraph",
    [
        "<p>Media contact: <br/>Leyla Aliyeva <br/>+994 12 555 0100</p>",
        "<p>The sea is calm tonight, <br/>The tide is full, the moon lies fair <br/>Upon the "
        "straits</p>",
    ],
)
def test_the_breaks_of_a_contact_block_or_a_verse_are_kept(paragraph):
    item = g2_item(
        f'<inlineXML contenttype="application/xhtml+xml"><html xmlns="{XHTML}"><body>'
        f"<p>The ferry sailed.</p>{paragraph}</body></html></inlineXML>"
    )
    [report] = parse_newsml(item)
    assert report.body.count("<br>") == 2


@pytest.mark.parametrize(
    "last",
    ["Report by Ann Lee", "Sputnik V is", "and/or", "APA ist ein", "Panorama of a city"],
)
def test_a_last_paragraph_of_words_is_no_sign_off(places, last):
    report = read(NITF.replace("AAP RTV ar", last).encode())
    assert report.body.endswith(f"<p>{last}</p>")


def test_ninjs_text_in_a_description_beside_renditions_and_a_von_name():
    item = {
        "uri": "tag:caspian-wire.test,2026:ferry",
        "type": "text",
        "headline": "Ferry line reopens",
        "byline": "Von Diaz",
        "descriptions": [{"role": "text", "value": "The ferry sailed on Friday."}],
        "renditions": {"nitf": {"type": "text", "href": "https://x/n"}},
        "links": [
            {"rel": "irel:seeAlso", "href": "https://port.example/"},
            {"rel": "irel:seeAlso", "href": "https://ministry.example/"},
        ],
    }
    [report] = parse_ninjs(json.dumps(item).encode())
    assert (report.error, report.body) == ("", "The ferry sailed on Friday.")
    assert report.byline == "Von Diaz"  # a name, not German's "by"
    assert report.source_url == ""  # related pages, not the story's own


def test_a_place_without_a_code_takes_no_asserted_name():
    item = g2_item(
        "<inlineData>Text.</inlineData>",
        content_meta='<located uri="http://places.example/1"/>',
        more='<assert uri="http://people.example/2"><name>Jane Doe</name></assert>',
    )
    [report] = parse_newsml(item)
    assert report.places == []


@pytest.mark.parametrize(
    "provider",
    ["The Reuters Institute", "Athens News Agency (ANA)", "Austria Presse Agentur (APA)"],
)
def test_names_that_merely_hold_an_agencys_are_not_it(places, provider):
    item = g2_item(
        "<inlineData>The ferry sailed on Friday.</inlineData>",
        provider=f'<provider qcode="nprov:x"><name>{provider}</name></provider>',
    )
    assert read(item).agency not in ("Reuters", "African News Agency", "APA Information Agency")


def test_a_byline_naming_only_the_agency_in_french_or_a_section_label(places):
    text = NITF.replace("<dateline>Sydney</dateline>", "<byline>Par AFP</byline>")
    assert read(text.encode()).byline == ""
    item = g2_item(
        f'<inlineXML contenttype="application/xhtml+xml"><html xmlns="{XHTML}"><body>'
        "<h2>Key developments</h2><p>BAKU, Jan 30 (Reuters) - The ferry sailed.</p>"
        "</body></html></inlineXML>"
    )
    assert read(item).summary == ""  # a section's label, no subtitle


def test_a_tables_title_in_capitals_is_no_dateline(places):
    # AP's sports agate: a table whose first cell is its title, in capitals
    nitf = """<nitf><head><title>BC-BBN--Top Ten</title></head><body><body.content>
      <hl2>BC-BBN--Top Ten</hl2><table><tr><th>BASEBALL'S TOP TEN</th></tr><tr><td>By The Associated Press</td></tr>
      <tr><td>McNeil NYM</td><td>72</td><td>.351</td></tr></table>
      </body.content></body></nitf>"""
    report = read(nitf.encode())
    assert (report.dateline.raw, report.dateline.city) == ("", "")
