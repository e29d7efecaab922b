"""The XML gate: entity attacks refused in every encoding and wrapping, whatever reads it."""

import codecs

import pytest

from ingest.parsers import safe_xml
from ingest.parsers.feed import parse_feed
from ingest.parsers.newsml import parse_newsml
from ingest.parsers.safe_xml import parse_xml
from ingest.reading import read_reports
from ingest.types import WireError

REFUSED = "DOCTYPE or entity declarations is not accepted"
LAUGHS = "".join(f'<!ENTITY l{n} "{f"&l{n - 1};" * 10}">' for n in range(1, 10))
PAYLOADS = {
    # A billion "ha"s: 10^9 characters if expanded.
    "billion laughs": f'<!DOCTYPE rss [<!ENTITY l0 "ha">{LAUGHS}]>',
    "external entity": '<!DOCTYPE rss [<!ENTITY e SYSTEM "file:///etc/passwd">]>',
    "parameter entity": '<!DOCTYPE rss [<!ENTITY % p SYSTEM "http://127.0.0.1/x.dtd"> %p;]>',
    "lower-case doctype": '<!doctype rss [<!ENTITY e "x">]>',
}
BEFORE = {
    "nothing": "",
    "a comment with a tag": "<!-- <a> -->",
    "a processing instruction": '<?xml-stylesheet href="s.xsl"?>',
    "whitespace": "\n \t\r\n",
    "all of them": "\n<!-- <rss> --><?pi <x> ?>\n<!-- -->  ",
}
RSS = '<rss version="2.0"><channel><item><title>&l9;&e;</title></item></channel></rss>'
ENCODINGS = {
    "UTF-8": ("utf-8", b""),
    "UTF-8 with BOM": ("utf-8", codecs.BOM_UTF8),
    "UTF-16 LE": ("utf-16-le", codecs.BOM_UTF16_LE),
    "UTF-16 BE": ("utf-16-be", codecs.BOM_UTF16_BE),
    "UTF-16 LE, no BOM": ("utf-16-le", b""),
    "UTF-16 BE, no BOM": ("utf-16-be", b""),
    "UTF-32 LE": ("utf-32-le", codecs.BOM_UTF32_LE),
    "UTF-32 BE": ("utf-32-be", codecs.BOM_UTF32_BE),
    "UTF-32 LE, no BOM": ("utf-32-le", b""),
    "UTF-32 BE, no BOM": ("utf-32-be", b""),
}


def attack(payload: str, before: str, encoding: str) -> bytes:
    codec, bom = ENCODINGS[encoding]
    declaration = f'<?xml version="1.0" encoding="{codec.rsplit("-", 1)[0]}"?>'
    return bom + (declaration + BEFORE[before] + PAYLOADS[payload] + RSS).encode(codec)


@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize("before", BEFORE)
@pytest.mark.parametrize("payload", PAYLOADS)
def test_every_reader_refuses_entity_declarations(payload, before, encoding):
    data = attack(payload, before, encoding)
    for read in (parse_feed, parse_newsml, parse_xml):
        with pytest.raises(WireError, match=REFUSED):
            read(data)


@pytest.mark.django_db
@pytest.mark.parametrize("encoding", ["UTF-8", "UTF-16 LE", "UTF-16 BE, no BOM", "UTF-32 BE"])
@pytest.mark.parametrize("filename", ["", "wire.rss", "wire.xml"])
def test_an_upload_or_pasted_attack_is_refused_too(encoding, filename):
    data = attack("billion laughs", "a comment with a tag", encoding)
    with pytest.raises(WireError, match=REFUSED):
        read_reports(data, filename=filename)


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_a_real_feed_reads_in_every_encoding(encoding):
    codec, bom = ENCODINGS[encoding]
    feed = (
        '<?xml version="1.0"?><!-- wire --><rss version="2.0"><channel><title>Wire</title>'
        "<item><title>Ташкент принимает форум</title><description>Делегации прибыли."
        "</description></item></channel></rss>"
    )
    (report,) = parse_feed(bom + feed.encode(codec))
    assert report.headline == "Ташкент принимает форум"
    assert report.body == "Делегации прибыли."


def test_a_feed_may_name_an_external_dtd_which_is_never_fetched():
    rss091 = (
        b'<?xml version="1.0"?><!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91'
        b'//EN" "http://127.0.0.1:9/rss-0.91.dtd"><rss version="0.91"><channel><title>W</title>'
        b"<item><title>Port reopens</title><description>Ships moved.</description></item>"
        b"</channel></rss>"
    )
    (report,) = parse_feed(rss091)
    assert report.headline == "Port reopens"
    with pytest.raises(WireError, match=REFUSED):  # NewsML and NITF take no DOCTYPE at all
        parse_xml(rss091)


def test_a_feed_that_is_not_well_formed_is_read_as_far_as_it_goes_with_a_warning():
    broken = (
        b'<rss version="2.0"><channel><item><title>Oil & gas talks</title>'
        b"<description>Ministers met.</description></item></channel></rss>"
    )
    (report,) = parse_feed(broken)
    assert report.body == "Ministers met."
    assert "not well-formed" in report.warnings[0]
    with pytest.raises(WireError, match="Not well-formed XML"):
        parse_newsml(broken)


def test_the_input_and_the_parsed_result_are_both_bounded(settings, monkeypatch):
    feed = "<rss><channel>" + "<item><title>t</title></item>" * 50 + "</channel></rss>"
    monkeypatch.setattr(safe_xml, "MAX_ELEMENTS", 100)
    with pytest.raises(WireError, match="more than 100 elements"):
        parse_feed(feed.encode())
    settings.WIRE_MAX_BYTES = 1000
    with pytest.raises(WireError, match=r"the limit is 0\.001 MB"):
        parse_xml(feed.encode())


@pytest.mark.parametrize(
    "data, message",
    [
        (b'<?xml version="1.0" encoding="klingon"?><rss/>', "unknown encoding"),
        (b'<?xml version="1.0" encoding="UTF-16"?><rss/>', "declares utf-16 but its bytes"),
        (b"<!-- never closed <rss/>", "prolog is not closed"),
    ],
)
def test_odd_declarations_get_a_clear_error(data, message):
    with pytest.raises(WireError, match=message):
        parse_xml(data, lenient=True)


def test_entities_of_an_unread_dtd_are_read_as_their_characters():
    document = b"""<!DOCTYPE nitf SYSTEM "nitf-3-2.dtd">
<nitf><p>Caf&eacute;&nbsp;talks <b>at</b>&nbsp;noon&unknownthing;.</p></nitf>"""
    paragraph = parse_xml(document, lenient=True).root[0]
    assert "".join(paragraph.itertext()) == "Café\xa0talks at\xa0noon."


NEWSML_WITH_NITF = """<!DOCTYPE NewsML PUBLIC "urn:newsml:iptc.org:20031010:NewsMLv1.2.dtd:1"
  "NewsML-1.2.dtd" [<!ENTITY % nitf SYSTEM "{dtd}"> %nitf; {extra}]>
<NewsML><NewsItem/></NewsML>"""


def test_newsml_1_may_pull_in_the_nitf_dtd_which_is_never_read():
    document = NEWSML_WITH_NITF.format(dtd="../nitf/dtd/nitf-3-0.dtd", extra="<!-- NITF -->")
    assert parse_xml(document.encode(), lenient=True).root.tag == "NewsML"


@pytest.mark.parametrize(
    "document",
    [
        NEWSML_WITH_NITF.format(dtd="http://127.0.0.1/nitf.dtd", extra=""),  # a network DTD
        NEWSML_WITH_NITF.format(dtd="file:///etc/nitf.dtd", extra=""),
        NEWSML_WITH_NITF.format(dtd="nitf.dtd", extra='<!ENTITY e SYSTEM "file:///etc/passwd">'),
        NEWSML_WITH_NITF.format(dtd="nitf.dtd", extra="<!ENTITY % p \"<!ENTITY e 'x'>\">"),
        NEWSML_WITH_NITF.format(dtd="nitf.dtd", extra="<!ELEMENT NewsML ANY>"),
        NEWSML_WITH_NITF.format(dtd="nitf.dtd", extra="").replace("NewsML", "rss"),
        NEWSML_WITH_NITF.format(dtd="nitf.dtd", extra="").replace(
            "<NewsML>", "<!DOCTYPE x><NewsML>"
        ),
    ],
)
def test_any_other_internal_subset_is_refused(document):
    with pytest.raises(WireError, match=REFUSED):
        parse_xml(document.encode(), lenient=True)
    with pytest.raises(WireError, match=REFUSED):
        parse_xml(document.encode())  # and nothing of the kind outside NITF, NewsML 1, feeds


def test_a_long_run_of_entity_references_is_spelt_out_whole():
    # Each reference once, not the text rewritten for each: this input once took minutes.
    document = b'<!DOCTYPE nitf SYSTEM "n.dtd"><nitf><p>a' + b"&nbsp;b" * 20_000 + b"</p></nitf>"
    paragraph = parse_xml(document, lenient=True).root[0]
    assert paragraph.text == "a" + "\xa0b" * 20_000


@pytest.mark.parametrize("declared", ["iso-8859-1", "windows-1252", "ISO-8859-15"])
def test_a_feed_declaring_latin_1_but_sent_as_utf_8_reads_as_utf_8(declared):
    feed = (
        f'<?xml version="1.0" encoding="{declared}"?><rss version="2.0"><channel>'
        "<item><title>Décès d'une opératrice: le procès s'achève</title></item></channel></rss>"
    )
    document = parse_xml(feed.encode("utf-8"))
    assert document.root.findtext("channel/item/title") == (
        "Décès d'une opératrice: le procès s'achève"
    )
    assert "its bytes are UTF-8" in document.warnings[0]
    # what the declaration says is still believed where the bytes are not UTF-8
    document = parse_xml(feed.encode("cp1252"))
    assert document.root.findtext("channel/item/title").startswith("Décès")
    assert document.warnings == []
