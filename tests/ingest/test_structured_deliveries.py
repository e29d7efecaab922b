"""Agencies' structured deliveries the desk had not seen, read as an editor wants them:
what a probe of real NewsML-G2, NewsML 1, NITF, ninjs and RSS/Atom deliveries (AFP, ANP,
EFE, Kyodo, Keystone-SDA, TT, NTB, PA, ANSA, dpa, BusinessDesk, Superdesk's ninjs)
found read wrongly (docs/benchmarks.md, "Structured deliveries probe").

The texts are written for these tests; the layouts follow the agencies' deliveries.
"""

import datetime
import json

import pytest

from ingest.reading import read_reports
from tests.factories import CityFactory, country
from tests.worlds import registry_world

pytestmark = [pytest.mark.django_db, pytest.mark.parser]

IMPORTED = datetime.date(2026, 12, 2)


@pytest.fixture
@registry_world
def places(registry):
    for name, code in [("Baku", "AZ"), ("Madrid", "ES"), ("Tokyo", "JP"), ("Stockholm", "SE")]:
        CityFactory(name=name, country=country(code), population=1_500_000)


def read(data: bytes | str, **kwargs):
    raw = data.encode() if isinstance(data, str) else data
    [report] = read_reports(raw, import_date=IMPORTED, **kwargs)
    return report


def ninjs(**fields) -> str:
    item = {"guid": "urn:test:1", "type": "text", "headline": "Ferry line reopens"}
    return json.dumps(item | fields)


def test_a_space_at_an_inline_elements_edge_still_parts_the_words(places):
    body = (
        "<p>BAKU, Dec 1 - The ferry sailed.</p><p><i><b>Leyla Aliyeva</b></i><i> is a "
        'reporter.</i> Read it on <a href="https://example.com/"><i>our site</i></a>'
        "<i> or</i> in print.</p>"
    )
    report = read(ninjs(body_html=body))
    assert report.body.endswith(
        "<p><i><b>Leyla Aliyeva</b></i> <i>is a reporter.</i> Read it on "
        '<a href="https://example.com/"><i>our site</i></a> <i>or</i> in print.</p>'
    )


G2 = "http://iptc.org/std/nar/2006-10-01/"


def g2_item(inline_xml: str, *, contenttype: str = "application/xhtml+xml") -> str:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="{G2}" guid="urn:newsml:tt.se:20261201:TT:1001:0" standard="NewsML-G2">
  <itemMeta><itemClass qcode="ninat:text"/><provider literal="TT"/>
    <versionCreated>2026-12-01T14:46:21+01:00</versionCreated></itemMeta>
  <contentMeta><language tag="sv"/><headline>Färjan går igen</headline></contentMeta>
  <contentSet><inlineXML contenttype="{contenttype}">{inline_xml}</inlineXML></contentSet>
</newsItem>"""


# TT's own NITF, in capitals: a headline, the dateline line, a lead, quotes and an
# intermediate heading in the text, the byline and a picture with its caption under it.
TT_BODY = """<BODY xmlns="" ID="8:10"><TEXT>
  <RUBRIK>Baku: Färjan går igen</RUBRIK>
  <DAT><ORT>Baku</ORT><SOURCE>Baku, TT:s korrespondent</SOURCE></DAT>
  <INGRESS><P>Färjelinjen över Kaspiska havet öppnar igen på måndag.</P></INGRESS>
  <BRODTEXT>
    <CITAT>Kajen är lagad, säger hamnchefen.</CITAT>
    <CITAT>Vi kör varje dag från måndag.</CITAT>
    <P>Linjen har stått still i en månad.</P>
    <MELLIS>Frakt och passagerare</MELLIS>
    <P>Färjan tar både gods och resenärer.</P>
  </BRODTEXT>
  <BYLINE EPOST="a.berg@tt.se">Anna Berg/TT</BYLINE>
  <BILD><BILDFIL>http://tt.se/media/image/ABC</BILDFIL>
    <BILDTEXT><P>Färjan vid kajen i Baku. Arkivfoto.</P></BILDTEXT>
    <BILDSKAPARE>Leyla Aliyeva/AP/TT</BILDSKAPARE></BILD>
</TEXT><TEXT><RUBRIK>Fakta: Linjen</RUBRIK><BRODTEXT><P>Öppnad 1998.</P></BRODTEXT></TEXT>
</BODY>"""


def test_tts_own_nitf_is_read_as_paragraphs_quotes_and_headings(places):
    report = read(g2_item(TT_BODY, contenttype="application/ttnitf+xml"))
    assert report.body == (
        "<p>Färjelinjen över Kaspiska havet öppnar igen på måndag.</p>\n"
        "<blockquote>Kajen är lagad, säger hamnchefen.</blockquote>\n"
        "<blockquote>Vi kör varje dag från måndag.</blockquote>\n"
        "<p>Linjen har stått still i en månad.</p>\n"
        "<h2>Frakt och passagerare</h2>\n"
        "<p>Färjan tar både gods och resenärer.</p>\n"
        "<h2>Fakta: Linjen</h2>\n<p>Öppnad 1998.</p>"  # the fact box under the text
    )
    assert report.byline == "Anna Berg/TT"
    assert report.dateline.raw == ""  # the headline's "Baku:" is no dateline


def test_an_html_bodys_byline_and_label_blocks_are_no_paragraphs(places):
    body = (
        '<html><body><article><section><h1>Färjan går igen</h1><div class="dat"><span '
        'class="vignette">Sjöfart</span><span class="source">TT</span></div><div '
        'class="bodytext"><p>Färjelinjen öppnar igen på måndag.</p></div><div '
        'class="byline">Anna Berg</div></section></article></body></html>'
    )
    report = read(ninjs(body_html5=body, byline="Anna Berg/TT", language="sv"))
    assert report.body == "<p>Färjelinjen öppnar igen på måndag.</p>"
    assert report.byline == "Anna Berg/TT"


def nitf(content: str, *, head: str = "", body_head: str = "", hl2: str = "") -> str:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<nitf><head><title>Ferry line reopens</title>
<docdata><doc-id id-string="22751909"/><date.issue norm="20261201T103600+0000"/>{head}</docdata>
</head><body><body.head><hedline><hl1>Ferry line reopens</hl1>{hl2}</hedline>{body_head}
</body.head>
<body.content>{content}</body.content></body></nitf>"""


@pytest.mark.parametrize(
    ("closing", "agency"),
    [
        ("<p>==Kyodo</p>", "Kyodo News"),  # Kyodo's sign-off
        ("<p>ends</p>", ""),  # PA's
        ("<p>-30-</p>", ""),
        ("<p>(END)</p>", ""),
    ],
)
def test_a_sign_off_or_an_end_mark_under_the_text_is_left_out(places, closing, agency):
    report = read(nitf(f"<p>BAKU, Dec 1 - The ferry sailed.</p><p>It was full.</p>{closing}"))
    assert report.body == "<p>The ferry sailed.</p>\n<p>It was full.</p>"
    if agency:
        assert report.agency == agency


def test_the_agencys_name_closing_the_last_sentence_is_its_signature(places):
    # EFE: the signature ends the last paragraph, the desk's initials follow it
    content = (
        "<p>Madrid, 1 dic (EFE).- El ferry volvió a zarpar.</p>"
        "<p>Llevaba carga y pasajeros. EFE</p><p>gr/bp</p>"
    )
    report = read(nitf(content, body_head="<distributor>Agencia EFE</distributor>"))
    assert report.body == "<p>El ferry volvió a zarpar.</p>\n<p>Llevaba carga y pasajeros.</p>"


@pytest.mark.parametrize("last", ["<p>It was met by the UN.</p>", "<p>He said no. NATO</p>"])
def test_capitals_closing_a_sentence_that_name_no_agency_stay(places, last):
    report = read(nitf(f"<p>BAKU, Dec 1 - The ferry sailed.</p>{last}"))
    assert report.body.endswith(last)


def test_a_sub_headline_repeating_the_keywords_is_no_summary(places):
    # EFE's NITF: `hl2` holds the item's keywords
    report = read(
        nitf(
            "<p>Madrid, 1 dic (EFE).- El ferry volvió a zarpar.</p>",
            head='<key-list><keyword key="ESPAÑA TRANSPORTE"/></key-list>',
            hl2="<hl2>ESPAÑA TRANSPORTE</hl2>",
        )
    )
    assert report.summary == ""


def test_a_byline_that_is_a_sentence_is_the_summary(places):
    # ANSA's NITF sends the subtitle as the byline
    report = read(
        nitf(
            "<p>(ANSA) - BAKU, DEC 1 - The ferry sailed.</p>",
            body_head="<byline>Port ready for all the traffic, says the minister</byline>",
        )
    )
    assert report.byline == ""
    assert report.summary == "Port ready for all the traffic, says the minister"


@pytest.mark.parametrize(
    "byline", ["Anna von Berg and Leyla Aliyeva in Baku", "Our special correspondent", "gr/bp"]
)
def test_a_byline_of_names_is_no_sentence(byline):
    from ingest.reading import says_something

    assert not says_something(byline)


def test_a_newsml_1_item_id_naming_its_revision_keeps_one_id_across_revisions(places):
    from tests.ingest.test_newsml1 import document, news_item

    # ANP: `ANPX-101218-041-v2` is revision 2 of `ANPX-101218-041`
    report = read(document(news_item(item_id="ANPX-011226-041-v2")))
    assert report.agency_item_id == "urn:newsml:caspian-wire.test:20240312:ANPX-011226-041"
    assert report.agency_version == "2"
    other = read(document(news_item(item_id="ANPX-011226-041-v12")))
    assert other.agency_item_id.endswith("ANPX-011226-041-v12")  # not this revision's mark


# An agency's WordPress feed: a relative item link, the engine's "The post … appeared first
# on …" under the text and the description, a teaser's "[…]".
WORDPRESS = """<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"
  xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Caspian Wire</title><link>https://caspianwire.test</link>
<item>
  <title>Ferry line reopens</title>
  <link>/news/2026/12/01/ferry-line-reopens/</link>
  <dc:creator><![CDATA[Leyla Aliyeva]]></dc:creator>
  <pubDate>Tue, 01 Dec 2026 09:30:00 +0400</pubDate>
  <description><![CDATA[<p>Ferries will sail again on Monday. [&#8230;]</p>
<p>The post <a href="https://caspianwire.test/news/ferry/">Ferry line reopens</a> appeared
first on <a href="https://caspianwire.test">Caspian Wire</a>.</p>]]></description>
  <content:encoded><![CDATA[<p>BAKU, December 1. Ferries between Baku and the eastern
shore will sail again on Monday, the port said.</p>
<p>The line will carry freight.</p>
<p>The post <a href="https://caspianwire.test/news/ferry/">Ferry line reopens</a> appeared
first on <a href="https://caspianwire.test">Caspian Wire</a>.</p>]]></content:encoded>
</item></channel></rss>"""


def test_a_blog_engines_blurbs_leave_a_feed_items_text_and_summary(places):
    report = read(WORDPRESS)
    assert report.body == (
        "<p>Ferries between Baku and the eastern shore will sail again on Monday, the port "
        "said.</p>\n<p>The line will carry freight.</p>"
    )
    assert report.summary == "Ferries will sail again on Monday."


def test_a_relative_item_link_is_read_against_the_feeds_address(places):
    report = read(WORDPRESS)
    assert report.source_url == "https://caspianwire.test/news/2026/12/01/ferry-line-reopens/"


def test_a_title_escaped_twice_shows_no_tags():
    atom = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title><id>urn:feed</id>
<updated>2026-12-01T10:00:00Z</updated>
<entry><title type="html">Ferry &amp;lt;b&amp;gt;reopens&amp;lt;/b&amp;gt; on Monday</title>
<id>urn:item:1</id><updated>2026-12-01T09:15:00Z</updated>
<content type="html">&lt;p&gt;The ferry sails again.&lt;/p&gt;</content></entry></feed>"""
    assert read(atom).headline == "Ferry reopens on Monday"


def test_embed_code_captions_and_placeholders_in_a_body_are_no_text(places):
    # NTB's NITF: picture captions under their label, a photo credit, an embed's code sent
    # as text under its own heading, a placeholder for a graphic the delivery left out
    content = (
        "<p>BAKU, Dec 1 - The ferry sailed.</p>"
        '<p>BILDE: <a href="https://img.test/1.jpg">The ferry at the quay.</a></p>'
        "<p>Foto: Caspian Wire</p><p>[ GRAFIKK/VIDEO MANGLER ]</p>"
        "<p>It was full [and late].</p><p>PHOTO: the quay, as the minister described it, "
        "was repaired in a month by the port's own workers, who worked in shifts.</p>"
        "<hl2>Embed (large):</hl2>"
        "<p>&lt;div class=&quot;embed&quot;&gt;&lt;/div&gt;&lt;script src=&quot;"
        "https://embed.test/e.js&quot;&gt;&lt;/script&gt;</p>"
    )
    report = read(nitf(content))
    assert report.body == ("<p>The ferry sailed.</p>\n<p>It was full [and late].</p>")


def test_a_paragraph_about_markup_or_a_section_under_a_heading_stays(places):
    content = (
        "<p>BAKU, Dec 1 - The ferry sailed.</p><hl2>The quay</hl2>"
        "<p>Engineers wrote &lt;b&gt; tags into the sign.</p>"
    )
    report = read(nitf(content))
    assert report.body == (
        "<p>The ferry sailed.</p>\n<h2>The quay</h2>\n"
        "<p>Engineers wrote &lt;b&gt; tags into the sign.</p>"
    )


@pytest.mark.parametrize(
    ("title", "source"),
    [
        ("<title>Port timetable</title>", ""),  # dpa: a page the story is about
        ("<title>Ferry line reopens</title>", "https://port.example/ferry"),
        ("", "https://port.example/ferry"),
    ],
)
def test_a_related_link_titled_as_another_page_is_not_the_storys_source(title, source):
    item = f"""<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="{G2}" guid="urn:newsml:dpa.com:20090101:261201-99-1" version="1">
  <itemMeta><itemClass qcode="ninat:text"/><provider qcode="nprov:dpa"/>
    <versionCreated>2026-12-01T15:00:01+02:00</versionCreated>
    <link href="https://port.example/ferry" rel="irel:seeAlso">{title}</link></itemMeta>
  <contentMeta><headline>Ferry line reopens</headline></contentMeta>
  <contentSet><inlineData>The ferry sails again.</inlineData></contentSet>
</newsItem>"""
    [report] = read_reports(item.encode(), import_date=IMPORTED)
    assert report.source_url == source


def test_a_note_naming_the_item_replaced_is_no_text_over_the_dateline(places):
    # ANP: a new version opens with the note of what it replaces
    report = read(
        nitf(
            "<p>N i e u w bericht, vervangt: Veerdienst Bakoe hervat</p>"
            "<p>BAKU (ANP) - De veerdienst vaart maandag weer.</p><p>Hij was vol.</p>"
        )
    )
    assert (report.dateline.city, report.agency) == ("Baku", "Algemeen Nederlands Persbureau (ANP)")
    assert report.body == "<p>De veerdienst vaart maandag weer.</p>\n<p>Hij was vol.</p>"


def test_the_writers_line_opening_a_body_without_a_dateline_is_the_byline(places):
    # BusinessDesk's G2: NITF's byline names a `Staff Reporter`, the text its writer
    report = read(
        nitf(
            "<p>By Jonathan Underhill</p><p>Jan. 12 (BusinessDesk) - The ferry sailed.</p>"
            "<p>It was full.</p>",
            body_head="<byline>By<person>Staff Reporter</person><byttl>Desk</byttl></byline>",
        )
    )
    assert report.byline == "Jonathan Underhill"
    assert report.body.startswith("<p>Jan. 12 (BusinessDesk) - The ferry sailed.</p>")


def test_a_body_opening_with_by_words_of_the_story_keeps_them(places):
    report = read(nitf("<p>By the end of the day, the ferry sailed.</p><p>It was full.</p>"))
    assert report.body.startswith("<p>By the end of the day")


def test_a_last_paragraph_repeating_the_writer_is_left_out(places):
    body = "<p>BAKU, Dec 1 - The ferry sailed.</p><p>It was full.</p><p>Anna Berg</p>"
    report = read(ninjs(body_html=body, byline="Anna Berg/TT"))
    assert report.body == "<p>The ferry sailed.</p>\n<p>It was full.</p>"


def newsml_1_item(party: str, created: str) -> bytes:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<NewsML><NewsEnvelope><DateAndTime>{created}</DateAndTime></NewsEnvelope>
<NewsItem><Identification><NewsIdentifier><ProviderId>agency.test</ProviderId>
<DateId>20261201</DateId><NewsItemId>98055798</NewsItemId><RevisionId>1</RevisionId>
</NewsIdentifier></Identification>
<NewsManagement><FirstCreated>{created}</FirstCreated>
<ThisRevisionCreated>{created}</ThisRevisionCreated><Status FormalName="Usable"/>
</NewsManagement>
<NewsComponent xml:lang="nl"><NewsLines><HeadLine>Veerdienst hervat</HeadLine></NewsLines>
<AdministrativeMetadata><Provider><Party FormalName="{party}"/></Provider>
</AdministrativeMetadata>
<ContentItem><Format FormalName="Text"/><DataContent>De veerdienst vaart weer.</DataContent>
</ContentItem></NewsComponent></NewsItem></NewsML>""".encode()


def test_times_sent_without_a_zone_are_read_in_the_agencys_home_zone(places):
    # Belga's NewsML 1: `20261201T124550`, Brussels time
    report = read(newsml_1_item("BELGA", "20261201T124550"))
    assert report.first_created == datetime.datetime(2026, 12, 1, 11, 45, 50, tzinfo=datetime.UTC)
    assert report.first_created.utcoffset() == datetime.timedelta(hours=1)
    assert not report.warnings


def test_times_without_a_zone_from_an_agency_of_several_zones_are_utc_with_a_word(places):
    report = read(newsml_1_item("TASS", "20261201T124550"))
    assert report.first_created == datetime.datetime(2026, 12, 1, 12, 45, 50, tzinfo=datetime.UTC)
    assert report.warnings == ["The item's times carry no time zone: they were read as UTC."]


def test_a_time_with_its_own_offset_keeps_it(places):
    report = read(newsml_1_item("BELGA", "20261201T124550+0000"))
    assert report.first_created == datetime.datetime(2026, 12, 1, 12, 45, 50, tzinfo=datetime.UTC)


def belga_version(language: str, text: str) -> str:
    return f"""<NewsComponent xml:lang="{language}"><Role FormalName="Short"/>
<NewsLines><HeadLine>Veerdienst hervat</HeadLine></NewsLines>
<NewsComponent><Role FormalName="Title"/><ContentItem><Format FormalName="Text"/>
<DataContent>Veerdienst hervat</DataContent></ContentItem></NewsComponent>
<NewsComponent><Role FormalName="Body"/><ContentItem><Format FormalName="Text"/>
<DataContent>{text}</DataContent></ContentItem></NewsComponent></NewsComponent>"""


def test_an_item_holding_its_text_in_two_languages_says_which_it_read(places):
    # Belga's NewsML 1: one item, the Dutch version and the French one
    item = f"""<?xml version="1.0" encoding="UTF-8"?>
<NewsML><NewsItem><Identification><NewsIdentifier><ProviderId>belga.be</ProviderId>
<DateId>20261201</DateId><NewsItemId>98055798</NewsItemId><RevisionId>1</RevisionId>
</NewsIdentifier></Identification><NewsManagement><Status FormalName="Usable"/>
<FirstCreated>20261201T124550+0100</FirstCreated></NewsManagement>
<NewsComponent><NewsLines><HeadLine>Veerdienst hervat</HeadLine></NewsLines>
{belga_version("nl", "De veerdienst vaart weer.")}
{belga_version("fr", "Le ferry reprend du service.")}
</NewsComponent></NewsItem></NewsML>"""
    report = read(item)
    assert report.body == "<p>De veerdienst vaart weer.</p>"
    assert "the news item holds 2 versions of its text (in nl, fr); the first was read" in (
        report.warnings
    )
