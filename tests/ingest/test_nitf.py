"""NITF documents, the XML most agencies deliver text in: read whole, head and body."""

import datetime

import pytest

from ingest.parsers.nitf import parse_nitf
from ingest.reading import read_reports, sniff_format
from ingest.types import WireError

UTC = datetime.UTC

# Written for these tests in the shape agencies send: a DOCTYPE naming the DTD, a Latin-1
# encoding, an entity of that DTD (&nbsp;), the dateline both in the body's head and
# printed again at the start of the text.
STORY = """<?xml version="1.0" encoding="ISO-8859-1"?>
<!DOCTYPE nitf SYSTEM "nitf-3-2.dtd">
<nitf version="-//IPTC//DTD NITF 3.2//EN">
 <head>
  <title>Caspian states agree sturgeon quotas</title>
  <tobject tobject.type="news">
   <tobject.subject tobject.subject.refnum="04000000" tobject.subject.matter="economy"/>
  </tobject>
  <docdata>
   <doc-id regsrc="AP" id-string="CWA-2024-0312-001"/>
   <urgency ed-urg="4"/>
   <date.issue norm="20240312T101500Z"/>
   <date.release norm="20240312T120000Z"/>
   <du-key version="2" key="Caspian-Sturgeon"/>
   <doc.copyright year="2024" holder="AP"/>
   <key-list><keyword key="fisheries"/><keyword key="Caspian Sea"/></key-list>
  </docdata>
  <pubdata type="web" ex-ref="https://wire.example.org/caspian-sturgeon"/>
 </head>
 <body>
  <body.head>
   <hedline>
    <hl1>Caspian states agree sturgeon quotas</hl1>
    <hl2>Five shore countries cut the catch by a fifth</hl2>
   </hedline>
   <byline>By <person>Leyla Mammadova</person>, <byttl>Associated Press</byttl></byline>
   <distributor>The Associated Press</distributor>
   <dateline><location><city>BAKU</city>, <country>Azerbaijan</country></location>&nbsp;(AP)</dateline>
  </body.head>
  <body.content>
   <p>BAKU, Azerbaijan (AP) &#8212; Fisheries ministers of the five Caspian states agreed on
   Tuesday to cut the sturgeon catch by a fifth for three years.</p>
   <p>The deal still needs the approval of the governments in Moscow and Tehran.</p>
  </body.content>
 </body>
</nitf>
""".encode("iso-8859-1")


@pytest.fixture
def story(registry):
    (report,) = read_reports(STORY, filename="caspian.xml", import_date=datetime.date(2024, 3, 12))
    return report


def test_it_reads_the_head_and_the_body_head_of_a_nitf_document(story):
    assert story.format == "nitf"
    assert story.headline == "Caspian states agree sturgeon quotas"
    assert story.summary == "Five shore countries cut the catch by a fifth"
    assert story.byline == "Leyla Mammadova, Associated Press"
    assert story.agency == "Associated Press"
    assert (story.agency_item_id, story.agency_version) == ("CWA-2024-0312-001", "2")
    assert story.first_created == datetime.datetime(2024, 3, 12, 10, 15, tzinfo=UTC)
    assert story.keywords == ["fisheries", "Caspian Sea"]
    assert story.subjects == ["economy"]
    assert story.source_url == "https://wire.example.org/caspian-sturgeon"
    assert story.language == "en"


def test_the_dateline_resolves_and_is_not_printed_twice_in_the_body(story):
    assert story.dateline.raw == "BAKU, Azerbaijan (AP)"  # &nbsp; read as a space
    assert (story.dateline.city, story.dateline.country) == ("Baku", "AZ")
    assert story.dateline.date == datetime.date(2024, 3, 12)
    assert story.body.startswith("<p>Fisheries ministers of the five Caspian states")
    assert "Moscow and Tehran" in story.body


def test_a_release_time_after_the_issue_time_is_an_embargo(story):
    assert story.embargo_until == datetime.datetime(2024, 3, 12, 12, 0, tzinfo=UTC)


def test_a_release_time_equal_to_the_issue_time_is_no_embargo():
    same = STORY.replace(b"20240312T120000Z", b"20240312T101500Z")
    (report,) = parse_nitf(same)
    assert report.embargo_until is None


def test_it_reads_nitf_in_the_iptc_namespace_with_extended_iso_times():
    document = b"""<nitf xmlns="http://iptc.org/std/NITF/2006-10-18/" version="-//IPTC//DTD NITF 3.6//EN">
      <head><docdata><doc-id id-string="urn:newsml:wire.test:20240312:quotas"/>
        <date.issue norm="2024-03-12T11:15:00+01:00"/></docdata></head>
      <body><body.head><hedline><hl1>Quotas agreed</hl1></hedline></body.head>
        <body.content><p>Ministers agreed on quotas.</p></body.content></body>
    </nitf>"""
    (report,) = parse_nitf(document)
    assert report.headline == "Quotas agreed"
    assert report.agency_item_id == "urn:newsml:wire.test:20240312:quotas"
    assert report.first_created == datetime.datetime(2024, 3, 12, 10, 15, tzinfo=UTC)
    assert report.body == "<p>Ministers agreed on quotas.</p>"


def test_without_a_hedline_the_title_is_the_headline():
    document = b"""<nitf><head><title>Talks resume in Ashgabat</title></head>
      <body><body.content><p>Talks resumed on Monday.</p></body.content></body></nitf>"""
    (report,) = parse_nitf(document)
    assert report.headline == "Talks resume in Ashgabat"


def test_every_nitf_document_a_wrapper_holds_is_a_report():
    one = "<nitf><body><body.head><hedline><hl1>{}</hl1></hedline></body.head>"
    one += "<body.content><p>Text.</p></body.content></body></nitf>"
    document = f"<delivery>{one.format('First')}{one.format('Second')}</delivery>".encode()
    assert [r.headline for r in parse_nitf(document)] == ["First", "Second"]


def test_nitf_is_told_from_its_root_element_whatever_the_file_is_called():
    assert sniff_format(STORY) == "nitf"
    assert sniff_format(STORY, "story.txt") == "nitf"  # the content decides, not the name


def test_declared_entities_are_refused_in_nitf_too(db):
    hostile = b"""<?xml version="1.0"?>
<!DOCTYPE nitf [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<nitf><body><body.content><p>&secret;</p></body.content></body></nitf>"""
    with pytest.raises(WireError, match="DOCTYPE or entity declarations"):
        read_reports(hostile)


def test_xml_that_is_not_nitf_gives_a_clear_error():
    with pytest.raises(WireError, match="Not a NITF document"):
        parse_nitf(b"<story><p>Text.</p></story>")


def test_a_byline_title_glued_to_the_name_is_set_apart():
    document = b"""<nitf><body><body.head><hedline><hl1>Markets</hl1></hedline>
      <byline>By AIDA KARIMOVA<byttl>CWA Business Writer</byttl></byline></body.head>
      <body.content><p>Markets rose.</p></body.content></body></nitf>"""
    (report,) = parse_nitf(document)
    assert report.byline == "AIDA KARIMOVA, CWA Business Writer"


def test_the_root_language_is_read_and_a_desks_initials_are_no_byline(registry):
    document = b"""<nitf baselang="es-ES"><body><body.head><hedline><hl1>Cumbre</hl1></hedline>
      <byline>gr/bp</byline></body.head>
      <body.content><p>Texto.</p></body.content></body></nitf>"""
    (report,) = read_reports(document)
    assert report.language == "es-ES"
    assert report.byline == ""


def test_the_places_and_source_the_head_declares_stand_in_for_a_missing_dateline(registry):
    document = b"""<nitf><head><docdata><doc-id regsrc="AP" id-string="AP-1"/>
      <identified-content><location><country iso-cc="TKM"/></location></identified-content>
      </docdata></head><body><body.head><hedline><hl1>Gas talks resume</hl1></hedline>
      </body.head><body.content><p>Gas talks resumed on Tuesday.</p></body.content></body></nitf>"""
    (report,) = read_reports(document)
    assert report.dateline.country == "TM"  # by its ISO code alone
    assert report.agency == "Associated Press"  # the registering source


def test_a_wrapper_holding_too_many_documents_is_refused(monkeypatch):
    monkeypatch.setattr("ingest.parsers.nitf.MAX_DOCUMENTS", 2)
    one = "<nitf><body><body.content><p>Text.</p></body.content></body></nitf>"
    with pytest.raises(WireError, match="at most 2"):
        parse_nitf(f"<delivery>{one * 3}</delivery>".encode())


@pytest.mark.parametrize("byline", ["By JIM McCARTHY", "J. McCarthy", "DeShawn McKay"])
def test_names_with_an_inner_capital_are_bylines(registry, byline):
    document = f"""<nitf><body><body.head><hedline><hl1>Markets</hl1></hedline>
      <byline>{byline}</byline></body.head><body.content><p>Markets rose.</p></body.content>
      </body></nitf>""".encode()
    (report,) = read_reports(document)
    assert report.byline == byline.removeprefix("By ")


@pytest.mark.django_db
def test_broken_xml_that_yields_no_text_says_it_is_broken(registry):
    """A second and third integrator review: `<nitf><head><title>x</head>` answered only
    "No text was found", which sends the sender looking for the wrong problem."""
    with pytest.raises(WireError, match="No text was found in this report: the XML is not well"):
        read_reports(b"<nitf><head><title>x</head>", format="nitf")
