"""NewsML 1.x, the NewsML before G2 that several agencies still send."""

import datetime

import pytest

from ingest.parsers.newsml1 import parse_newsml1
from ingest.reading import read_reports, sniff_format
from ingest.types import WireError
from tests.factories import CityFactory, country

UTC = datetime.UTC


def news_item(
    *,
    item_id: str = "TX-ASB-QTA11",
    status: str = "Usable",
    management: str = "",
    lines: str = "<HeadLine>Turkmen gas talks resume</HeadLine>",
    metadata: str = "",
    content: str = "",
) -> str:
    """Return a NewsItem in the shape agencies send (the text one level down)."""
    content = (
        content
        or """<ContentItem>
        <MediaType FormalName="Text"/><Format FormalName="NITF"/>
        <DataContent><nitf><body><body.content>
          <p>ASHGABAT, March 12 (CWA) - Gas talks between Turkmenistan and its neighbours
          resumed on Tuesday.</p><p>A deal is expected by the summer.</p>
        </body.content></body></nitf></DataContent></ContentItem>"""
    )
    return f"""<NewsItem Duid="item-{item_id}">
      <Identification><NewsIdentifier>
        <ProviderId>caspian-wire.test</ProviderId><DateId>20240312</DateId>
        <NewsItemId>{item_id}</NewsItemId>
        <RevisionId PreviousRevision="1" Update="N">2</RevisionId>
        <PublicIdentifier>urn:newsml:caspian-wire.test:20240312:{item_id}:2</PublicIdentifier>
      </NewsIdentifier></Identification>
      <NewsManagement>
        <NewsItemType FormalName="News"/>
        <FirstCreated>20240312T081000+0500</FirstCreated>
        <ThisRevisionCreated>20240312T093000+0500</ThisRevisionCreated>
        <Status FormalName="{status}"/>{management}
      </NewsManagement>
      <NewsComponent Duid="main-{item_id}" xml:lang="en">
        <NewsLines>{lines}</NewsLines>
        <AdministrativeMetadata><Provider><Party FormalName="CWA"/></Provider>
        </AdministrativeMetadata>
        <DescriptiveMetadata><Language FormalName="en"/>{metadata}</DescriptiveMetadata>
        <NewsComponent Duid="text-{item_id}">{content}</NewsComponent>
      </NewsComponent>
    </NewsItem>"""


def document(*items: str) -> bytes:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE NewsML PUBLIC "urn:newsml:iptc.org:20001006:NewsMLv1.0:1" "NewsMLv1.2.dtd">
<NewsML Version="1.2">
  <NewsEnvelope><DateAndTime>20240312T093100+0500</DateAndTime></NewsEnvelope>
  {"".join(items)}
</NewsML>""".encode()


def test_it_reads_the_identification_management_and_news_lines():
    lines = """<HeadLine>Turkmen gas talks resume</HeadLine>
      <SubHeadLine>Neighbours back at the table</SubHeadLine>
      <ByLine>Aman Orazov</ByLine>
      <DateLine>ASHGABAT, March 12 (CWA)</DateLine>
      <KeywordLine>energy</KeywordLine>"""
    (report,) = parse_newsml1(document(news_item(lines=lines)))
    assert report.format == "newsml1"
    assert report.headline == "Turkmen gas talks resume"
    assert report.summary == "Neighbours back at the table"
    assert report.byline == "Aman Orazov"
    assert report.dateline.raw == "ASHGABAT, March 12 (CWA)"
    # The same id for every revision of the item (the public identifier names the revision).
    assert report.agency_item_id == "urn:newsml:caspian-wire.test:20240312:TX-ASB-QTA11"
    assert report.agency_version == "2"
    assert report.agency == "CWA"
    assert report.language == "en"
    assert report.keywords == ["energy"]
    assert report.first_created == datetime.datetime(2024, 3, 12, 3, 10, tzinfo=UTC)
    assert report.version_created == datetime.datetime(2024, 3, 12, 4, 30, tzinfo=UTC)
    assert report.embargo_until is None
    assert "Gas talks between Turkmenistan" in report.body


def test_an_embargoed_item_is_embargoed_until_its_status_changes():
    change = """<StatusWillChange><FutureStatus FormalName="Usable"/>
      <DateAndTime>20240312T120000+0500</DateAndTime></StatusWillChange>"""
    (report,) = parse_newsml1(document(news_item(status="Embargoed", management=change)))
    assert report.embargo_until == datetime.datetime(2024, 3, 12, 7, 0, tzinfo=UTC)


def test_every_news_item_with_text_is_a_report_and_a_photo_item_is_skipped_with_a_note():
    photo = """<ContentItem Href="picture.jpg"><MediaType FormalName="Photo"/></ContentItem>"""
    items = [news_item(item_id="A1"), news_item(item_id="P2", content=photo)]
    items.append(news_item(item_id="B3", lines="<HeadLine>Second story</HeadLine>"))
    reports = parse_newsml1(document(*items))
    assert [r.agency_item_id.rpartition(":")[2] for r in reports] == ["A1", "B3"]
    assert reports[0].warnings == ["item 2 skipped: it carries no text"]


def test_plain_text_content_becomes_escaped_paragraphs():
    content = """<ContentItem><MediaType FormalName="Text"/><Format FormalName="Text"/>
      <DataContent>Output rose by &lt; 2 % &amp; prices by 3 %.

Second paragraph.</DataContent></ContentItem>"""
    (report,) = parse_newsml1(document(news_item(content=content)))
    assert (
        report.body
        == "<p>Output rose by &lt; 2 % &amp; prices by 3 %.</p>\n<p>Second paragraph.</p>"
    )


def test_text_split_into_title_lead_and_body_parts_gives_the_lead_and_the_body():
    def part(role: str, text: str) -> str:
        return f"""<NewsComponent><Role FormalName="{role}"/><ContentItem>
          <MediaType FormalName="Text"/><Format FormalName="Text"/>
          <DataContent>{text}</DataContent></ContentItem></NewsComponent>"""

    parts = (
        part("Title", "Talks resume")
        + part("Lead", "Gas talks resumed in Ashgabat.")
        + part(
            "Body",
            "Minister &lt;b&gt;Aman Orazov&lt;/b&gt; opened the talks.\n\nThey end on Friday.",
        )
    )
    item = news_item(content=parts)
    (report,) = parse_newsml1(document(item))
    assert report.body == (
        "<p>Gas talks resumed in Ashgabat.</p>\n"
        "<p>Minister <b>Aman Orazov</b> opened the talks.</p>\n<p>They end on Friday.</p>"
    )


def test_the_dateline_comes_from_the_text_and_the_registry(registry):
    CityFactory(name="Ashgabat", country=country("TM"), population=1_000_000)
    (report,) = read_reports(document(news_item()), import_date=datetime.date(2024, 3, 12))
    assert report.dateline.raw.startswith("ASHGABAT, March 12")
    assert report.dateline.country == "TM"
    assert report.dateline.date == datetime.date(2024, 3, 12)
    assert report.body.startswith("<p>Gas talks between Turkmenistan")


def test_without_any_dateline_the_origin_location_gives_the_country(registry):
    content = """<ContentItem><MediaType FormalName="Text"/><Format FormalName="XHTML"/>
      <DataContent><html><body><p>Gas talks resumed on Tuesday.</p></body></html>
      </DataContent></ContentItem>"""
    origin = """<Location HowPresent="Origin">
      <Property FormalName="Country" Value="TKM"/></Location>"""
    (report,) = read_reports(document(news_item(content=content, metadata=origin)))
    assert report.dateline.country == "TM"
    assert report.body == "<p>Gas talks resumed on Tuesday.</p>"


def test_an_agency_named_by_its_web_address_resolves(registry):
    item = news_item().replace('Party FormalName="CWA"', 'Party FormalName="kyodonews.jp"')
    (report,) = read_reports(document(item))
    assert report.agency == "Kyodo News"  # the agency's site (english.kyodonews.net)


def test_newsml_1_is_told_from_its_root_element():
    assert sniff_format(document(news_item())) == "newsml1"


def test_a_document_without_text_items_gives_a_clear_error():
    photo = """<ContentItem Href="picture.jpg"><MediaType FormalName="Photo"/></ContentItem>"""
    with pytest.raises(WireError, match="No usable text news item"):
        parse_newsml1(document(news_item(content=photo)))


def test_nitf_content_is_read_whatever_media_type_it_claims():
    content = """<ContentItem><MediaType FormalName="ComplexData"/>
      <MimeType FormalName="text/vnd.IPTC.NITF"/><DataContent><nitf><body><body.content>
      <p>Talks resumed.</p></body.content></body></nitf></DataContent></ContentItem>"""
    (report,) = parse_newsml1(document(news_item(content=content)))
    assert report.body == "<p>Talks resumed.</p>"


def test_html_sent_as_escaped_text_becomes_paragraphs():
    content = """<ContentItem><MediaType FormalName="Text"/><DataContent>
      &lt;P&gt;Talks resumed.&lt;/P&gt;&lt;P&gt;A deal is near.&lt;/P&gt;
      </DataContent></ContentItem>"""
    (report,) = parse_newsml1(document(news_item(content=content)))
    assert report.body == "<p>Talks resumed.</p>\n<p>A deal is near.</p>"


def test_without_a_news_item_id_the_component_id_identifies_the_item():
    item = (
        news_item()
        .replace("<NewsItemId>TX-ASB-QTA11</NewsItemId>", "")
        .replace(
            "<PublicIdentifier>urn:newsml:caspian-wire.test:20240312:TX-ASB-QTA11:2</PublicIdentifier>",
            "",
        )
    )
    (report,) = parse_newsml1(document(item))
    assert report.agency_item_id == "urn:newsml:caspian-wire.test:20240312:item-TX-ASB-QTA11"
    without_item_duid = item.replace('Duid="item-TX-ASB-QTA11"', "")
    (report,) = parse_newsml1(document(without_item_duid))
    assert report.agency_item_id == "urn:newsml:caspian-wire.test:20240312:main-TX-ASB-QTA11"
    anonymous = without_item_duid.replace('Duid="main-TX-ASB-QTA11"', "")
    (report,) = parse_newsml1(document(anonymous))
    assert report.agency_item_id == ""  # never the provider alone: items would collide


def test_a_dateline_line_holding_only_a_date_gives_way_to_the_printed_dateline(registry):
    CityFactory(name="Ashgabat", country=country("TM"), population=1_000_000)
    item = news_item(lines="<HeadLine>Talks</HeadLine><DateLine>March 12</DateLine>")
    (report,) = read_reports(document(item), import_date=datetime.date(2024, 3, 12))
    assert report.dateline.raw.startswith("ASHGABAT, March 12 (CWA)")
    assert report.dateline.country == "TM"
    assert report.body.startswith("<p>Gas talks between")


def test_the_language_code_is_written_the_usual_way(registry):
    item = (
        news_item()
        .replace('<Language FormalName="en"/>', "")
        .replace('xml:lang="en"', 'xml:lang="EN-gb"')
    )
    (report,) = read_reports(document(item))
    assert report.language == "en-GB"


def test_the_standard_doctype_pulling_in_the_nitf_dtd_is_accepted(registry):
    data = document(news_item()).replace(
        b'"NewsMLv1.2.dtd">', b'"NewsMLv1.2.dtd" [<!ENTITY % nitf SYSTEM "nitf-3-0.dtd"> %nitf;]>'
    )
    (report,) = read_reports(data)
    assert report.headline == "Turkmen gas talks resume"


def test_places_given_right_under_the_metadata_and_a_town_the_gazetteer_lacks(registry):
    places = """<Property FormalName="City" Value="Landquart"/>
      <Property FormalName="Country" Value="CHE"/>"""
    lines = "<HeadLine>Bull walks into a shop</HeadLine><DateLine>Landquart GR</DateLine>"
    content = """<ContentItem><MediaType FormalName="Text"/><DataContent>
      <p>A bull walked into a shop on Monday.</p></DataContent></ContentItem>"""
    item = news_item(lines=lines, metadata=places, content=content)
    (report,) = read_reports(document(item))
    assert report.dateline.country == "CH"
    assert report.dateline.city == "Landquart GR"  # kept as printed


def test_a_declared_country_code_and_city_both_fill_a_dateline_holding_only_a_date(registry):
    places = """<Property FormalName="Country" Value="AZE"/>
      <Property FormalName="City" Value="Baku"/>"""
    lines = "<HeadLine>Forum opens</HeadLine><DateLine>3/12/2024</DateLine>"
    content = """<ContentItem><MediaType FormalName="Text"/><DataContent>
      <p>The forum opened on Tuesday.</p></DataContent></ContentItem>"""
    (report,) = read_reports(document(news_item(lines=lines, metadata=places, content=content)))
    assert (report.dateline.city, report.dateline.country) == ("Baku", "AZ")


def test_a_nitf_format_named_with_its_version_is_read_whatever_the_media_type():
    content = """<ContentItem><MediaType FormalName="ComplexData"/>
      <Format FormalName="bcNITF2.5"/><DataContent><nitf><body><body.content>
      <p>Talks resumed.</p></body.content></body></nitf></DataContent></ContentItem>"""
    (report,) = parse_newsml1(document(news_item(content=content)))
    assert report.body == "<p>Talks resumed.</p>"


def test_items_without_their_own_id_keep_the_public_identifier_without_its_revision():
    def anonymous(number: str) -> str:
        item = news_item().replace("<NewsItemId>TX-ASB-QTA11</NewsItemId>", "")
        public = f"urn:newsml:caspian-wire.test:20240312:{number}:2"
        return item.replace("urn:newsml:caspian-wire.test:20240312:TX-ASB-QTA11:2", public)

    ids = [r.agency_item_id for r in parse_newsml1(document(anonymous("111"), anonymous("222")))]
    assert ids == [
        "urn:newsml:caspian-wire.test:20240312:111",
        "urn:newsml:caspian-wire.test:20240312:222",
    ]


def test_escaped_html_with_prefixed_tags_from_a_word_processor_is_read():
    content = """<ContentItem><MediaType FormalName="Text"/><DataContent>
      &lt;P&gt;Talks resumed.&lt;o:p&gt;&lt;/o:p&gt;&lt;/P&gt;</DataContent></ContentItem>"""
    (report,) = parse_newsml1(document(news_item(content=content)))
    assert report.body == "<p>Talks resumed.</p>"


def test_a_lead_and_a_body_in_nitf_parts_are_both_the_text():
    def part(role: str, text: str) -> str:
        return f"""<NewsComponent><Role FormalName="{role}"/><ContentItem>
          <Format FormalName="NITF"/><DataContent><nitf><body><body.content><p>{text}</p>
          </body.content></body></nitf></DataContent></ContentItem></NewsComponent>"""

    item = news_item(content=part("Lead", "The lead.") + part("Body", "The body."))
    (report,) = parse_newsml1(document(item))
    assert report.body == "<p>The lead.</p>\n<p>The body.</p>"


def test_a_city_is_never_taken_for_a_country_code(registry):
    CityFactory(name="Bo", country=country("SL"), population=170_000)
    places = """<Property FormalName="City" Value="Bo"/>
      <Property FormalName="Country" Value="SLE"/>"""
    lines = "<HeadLine>Clinic opens</HeadLine><DateLine>3/12/2024</DateLine>"
    content = """<ContentItem><MediaType FormalName="Text"/><DataContent>
      <p>A clinic opened on Tuesday.</p></DataContent></ContentItem>"""
    (report,) = read_reports(document(news_item(lines=lines, metadata=places, content=content)))
    assert (report.dateline.city, report.dateline.country) == ("Bo", "SL")  # not Bolivia
