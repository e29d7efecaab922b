"""NewsML-G2: text items read into reports, dangerous or foreign XML refused."""

import datetime

import pytest

from ingest.parsers.newsml import parse_newsml
from ingest.types import WireError

G2 = "http://iptc.org/std/nar/2006-10-01/"
NITF = "http://iptc.org/std/NITF/2006-10-18/"
UTC = datetime.UTC


def news_item(
    body: str = "",
    *,
    nature: str = "ninat:text",
    guid: str = "urn:newsml:caspian-wire.test:20230919:forum",
    content_meta: str = "",
) -> str:
    """Return a minimal newsItem around a contentSet body."""
    return f"""<newsItem xmlns="{G2}" guid="{guid}" version="3" standard="NewsML-G2"
        standardversion="2.35" xml:lang="en">
      <itemMeta>
        <itemClass qcode="{nature}"/>
        <provider qcode="nprov:CWA"/>
        <versionCreated>2023-09-19T14:05:00+04:00</versionCreated>
      </itemMeta>
      <contentMeta>
        <headline>Media forum opens in Astrakhan</headline>
        {content_meta}
      </contentMeta>
      <contentSet>{body}</contentSet>
    </newsItem>"""


FULL_ITEM = f"""<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="{G2}" guid="urn:newsml:caspian-wire.test:20230919:forum" version="7"
    standard="NewsML-G2" standardversion="2.35" xml:lang="en-GB">
  <rightsInfo><copyrightHolder><name>Caspian Wire Holdings</name></copyrightHolder></rightsInfo>
  <itemMeta>
    <itemClass qcode="ninat:text"/>
    <provider qcode="nprov:CWA"><name>Caspian Wire Agency</name></provider>
    <versionCreated>2023-09-19T14:05:00+04:00</versionCreated>
    <firstCreated>2023-09-19T09:30:00</firstCreated>
    <embargoed>2023-09-19T18:00:00Z</embargoed>
    <link rel="irel:seeAlso" href="https://caspian-wire.test/forum-opens"/>
  </itemMeta>
  <contentMeta>
    <located qcode="geoloc:ASF">
      <name>Astrakhan</name>
      <broader qcode="iso3166-1a2:RU"><name>Russia</name></broader>
    </located>
    <language tag="en-GB"/>
    <subject qcode="medtop:20000045">
      <name xml:lang="ru">СМИ</name><name xml:lang="en">mass media</name>
    </subject>
    <subject qcode="medtop:11000000"/>
    <subject type="cpnat:geoArea" qcode="geo:baku"><name>Baku</name></subject>
    <keyword>public diplomacy</keyword>
    <keyword>sister cities</keyword>
    <headline role="hdrol:short">Forum opens</headline>
    <headline>Caspian Media Forum opens in Astrakhan</headline>
    <description role="drol:caption">A photo caption, not a summary.</description>
    <description role="drol:summary">
      Delegations from five littoral states meet for two days.
    </description>
    <by>Leyla Aliyeva</by>
    <dateline>ASTRAKHAN, September 19</dateline>
  </contentMeta>
  <contentSet>
    <inlineXML contenttype="application/nitf+xml">
      <nitf xmlns="{NITF}"><body>
        <body.head><hedline><hl1>Ignored because the item has a headline</hl1></hedline></body.head>
        <body.content>
          <p>The forum's theme is <em>public diplomacy</em> and social media.</p>
        </body.content>
      </body></nitf>
    </inlineXML>
  </contentSet>
</newsItem>"""


def test_it_reads_the_metadata_of_a_text_news_item():
    (report,) = parse_newsml(FULL_ITEM.encode())

    assert report.format == "newsml"
    assert report.headline == "Caspian Media Forum opens in Astrakhan"
    assert report.summary == "Delegations from five littoral states meet for two days."
    assert report.agency == "Caspian Wire Agency"
    assert report.agency_item_id == "urn:newsml:caspian-wire.test:20230919:forum"
    assert report.agency_version == "7"
    assert report.byline == "Leyla Aliyeva"
    assert report.dateline.raw == "ASTRAKHAN, September 19"
    assert report.language == "en-GB"
    assert report.places == ["Astrakhan", "Russia", "Baku"]
    assert report.subjects == ["mass media", "medtop:11000000"]
    assert report.keywords == ["public diplomacy", "sister cities"]
    assert report.source_url == "https://caspian-wire.test/forum-opens"
    assert report.warnings == []


def test_it_reads_timestamps_as_aware_datetimes_with_utc_for_naive_ones():
    (report,) = parse_newsml(FULL_ITEM.encode())

    assert report.version_created == datetime.datetime(2023, 9, 19, 10, 5, tzinfo=UTC)
    assert report.first_created == datetime.datetime(2023, 9, 19, 9, 30, tzinfo=UTC)
    assert report.embargo_until == datetime.datetime(2023, 9, 19, 18, 0, tzinfo=UTC)


def test_it_takes_the_agency_from_the_provider_code_when_the_provider_has_no_name():
    (report,) = parse_newsml(news_item("<inlineData>Text.</inlineData>").encode())

    assert report.agency == "CWA"


def test_it_falls_back_to_the_copyright_holder_for_the_agency():
    xml = (
        news_item("<inlineData>Text.</inlineData>")
        .replace('<provider qcode="nprov:CWA"/>', '<provider uri="https://caspian-wire.test/"/>')
        .replace(
            "<itemMeta>",
            "<rightsInfo><copyrightHolder><name>Caspian Wire</name></copyrightHolder></rightsInfo>"
            "<itemMeta>",
        )
    )

    (report,) = parse_newsml(xml.encode())

    assert report.agency == "Caspian Wire"


def test_it_converts_a_nitf_body_to_simple_html():
    body = f"""<inlineXML contenttype="application/nitf+xml"><nitf xmlns="{NITF}"><body>
      <body.head>
        <hedline><hl1>Headline in the body</hl1></hedline>
        <byline>By Leyla Aliyeva, <byttl>Staff Correspondent</byttl></byline>
        <dateline><location>ASTRAKHAN</location>, <story.date>Sept. 19</story.date></dateline>
        <abstract><p>Five delegations, three observers.</p></abstract>
      </body.head>
      <body.content>
        <p>Delegates arrived from
           <location>Baku</location> and <location>Tehran</location>.</p>
        <hl2>Observers</hl2>
        <media media-type="image"><media-caption>A caption that must go</media-caption></media>
        <bq><block><p>We are neighbours first.</p></block></bq>
        <ul><li>Belarus</li><li>Uzbekistan</li></ul>
        <p>More at <a href="https://caspian-wire.test/live">the live page</a>
           and <a href="javascript:alert(1)">nowhere</a>.</p>
      </body.content>
    </body></nitf></inlineXML>"""
    xml = news_item(body).replace("<headline>Media forum opens in Astrakhan</headline>", "")

    (report,) = parse_newsml(xml.encode())

    assert report.body == (
        "<p>Delegates arrived from Baku and Tehran.</p>\n"
        "<h2>Observers</h2>\n"
        "<blockquote><p>We are neighbours first.</p></blockquote>\n"
        "<ul><li>Belarus</li><li>Uzbekistan</li></ul>\n"
        '<p>More at <a href="https://caspian-wire.test/live">the live page</a> and nowhere.</p>'
    )
    assert report.headline == "Headline in the body"
    assert report.byline == "Leyla Aliyeva, Staff Correspondent"  # "By" is no part of it
    assert report.dateline.raw == "ASTRAKHAN, Sept. 19"
    assert report.summary == "Five delegations, three observers."


def test_it_converts_an_xhtml_body_and_drops_scripts_images_and_the_title():
    body = """<inlineXML contenttype="application/xhtml+xml">
      <html xmlns="http://www.w3.org/1999/xhtml">
        <head><title>Page title</title><script>track()</script></head>
        <body><article>
          <h1>Media forum opens in Astrakhan</h1>
          Loose opening words.
          <figure><img src="https://caspian-wire.test/a.jpg"/><figcaption>Hall</figcaption></figure>
          <p class="lead">First <strong>bold</strong> &amp; <i>quiet</i> paragraph.<br/>
            Second line.</p>
          <div><span>Note:</span> <span>agenda attached.</span></div>
          <h3>Programme</h3>
          <ol><li>Opening</li></ol>
        </article></body>
      </html>
    </inlineXML>"""

    (report,) = parse_newsml(news_item(body).encode())

    assert report.body == (
        "<p>Loose opening words.</p>\n"
        "<p>First <strong>bold</strong> &amp; <i>quiet</i> paragraph.<br> Second line.</p>\n"
        "<p>Note: agenda attached.</p>\n"
        "<h3>Programme</h3>\n"
        "<ol><li>Opening</li></ol>"
    )


def test_a_body_header_with_the_slug_and_times_is_not_text():
    body = """<inlineXML contenttype="application/xhtml+xml">
      <html xmlns="http://www.w3.org/1999/xhtml"><body><article>
        <header><time>2024-03-12 10:15</time><ul><li>Caspian</li></ul>
          <p>Embargoed until 12:00</p></header>
        <p>The forum opened.</p>
      </article></body></html></inlineXML>"""

    (report,) = parse_newsml(news_item(body).encode())

    assert report.body == "<p>The forum opened.</p>"


def test_a_nitf_body_without_a_hedline_gives_its_title_as_the_headline():
    body = """<inlineXML contenttype="application/nitf+xml"><nitf>
      <head><title>Forum opens in Astrakhan</title></head>
      <body><body.content><p>The forum opened.</p></body.content></body></nitf></inlineXML>"""
    xml = news_item(body).replace("<headline>Media forum opens in Astrakhan</headline>", "")

    (report,) = parse_newsml(xml.encode())

    assert report.headline == "Forum opens in Astrakhan"


def test_it_keeps_inline_data_as_plain_text_with_its_newlines():
    text = "ASTRAKHAN, Sept. 19.\n\nThe forum opened.\n"
    body = f"<inlineData contenttype='text/plain'>{text}</inlineData>"

    (report,) = parse_newsml(news_item(body).encode())

    assert report.body == "ASTRAKHAN, Sept. 19.\n\nThe forum opened."


def test_it_warns_when_a_text_item_has_no_inline_body():
    body = '<remoteContent href="https://caspian-wire.test/story.txt" contenttype="text/plain"/>'

    (report,) = parse_newsml(news_item(body).encode())

    assert report.body == ""
    assert report.headline == "Media forum opens in Astrakhan"
    assert report.warnings == ["the item has no inline body text"]


def test_it_reads_every_text_item_of_a_news_message_and_skips_the_others():
    first = news_item("<inlineData>One.</inlineData>", guid="urn:test:1")
    picture = news_item("", guid="urn:test:pic", nature="ninat:picture")
    second = news_item("<inlineData>Two.</inlineData>", guid="urn:test:2")
    message = f"""<newsMessage xmlns="{G2}">
      <header><sent>2023-09-19T14:06:00Z</sent></header>
      <itemSet>
        <packageItem guid="urn:test:pack" version="1" standard="NewsML-G2" standardversion="2.35"/>
        {first}{picture}{second}
      </itemSet>
    </newsMessage>"""

    reports = parse_newsml(message.encode())

    assert [r.agency_item_id for r in reports] == ["urn:test:1", "urn:test:2"]
    assert [r.body for r in reports] == ["One.", "Two."]
    assert reports[0].warnings == [
        "item 1 (packageItem) skipped: not a text item",
        "item 3 (picture) skipped: not a text item",
    ]


def test_it_reads_items_without_a_namespace():
    xml = news_item("<inlineData>No namespace.</inlineData>").replace(f' xmlns="{G2}"', "")

    (report,) = parse_newsml(xml.encode())

    assert report.body == "No namespace."


def test_it_rejects_a_message_without_any_text_item():
    xml = news_item("", nature="ninat:picture")

    with pytest.raises(WireError, match=r"No usable text news item.*picture"):
        parse_newsml(xml.encode())


def test_it_rejects_a_concept_item_with_a_clear_message():
    xml = f'<conceptItem xmlns="{G2}" guid="urn:x" version="1" standard="NewsML-G2"/>'

    with pytest.raises(WireError, match="is a conceptItem, not a news item"):
        parse_newsml(xml.encode())


def test_it_rejects_xml_that_is_not_newsml():
    with pytest.raises(WireError, match=r"root element is <rss>"):
        parse_newsml(b'<rss version="2.0"><channel/></rss>')


def test_it_rejects_xml_with_entity_declarations():
    xxe = (
        '<?xml version="1.0"?>'
        '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
        f'<newsItem xmlns="{G2}"><contentMeta><headline>&e;</headline></contentMeta></newsItem>'
    )

    with pytest.raises(WireError, match="DOCTYPE or entity declarations is not accepted"):
        parse_newsml(xxe.encode())


def test_it_rejects_a_billion_laughs_document():
    levels = "".join(f'<!ENTITY l{n} "{f"&l{n - 1};" * 10}">' for n in range(1, 10))
    bomb = f'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY l0 "ha">{levels}]><x>&l9;</x>'

    with pytest.raises(WireError, match="DOCTYPE or entity declarations"):
        parse_newsml(bomb.encode())


def test_it_rejects_entity_declarations_the_byte_scan_cannot_see():
    xxe = '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><newsItem>&e;</newsItem>'

    with pytest.raises(WireError, match="DOCTYPE or entity declarations"):
        parse_newsml(xxe.encode("utf-16"))


def test_it_rejects_a_doctype_even_without_entities():
    xml = '<!DOCTYPE newsItem SYSTEM "http://caspian-wire.test/g2.dtd">' + news_item()

    with pytest.raises(WireError, match="DOCTYPE"):
        parse_newsml(xml.encode())


def test_it_rejects_malformed_xml():
    with pytest.raises(WireError, match="Not well-formed XML"):
        parse_newsml(f'<newsItem xmlns="{G2}"><itemMeta></newsItem>'.encode())


@pytest.mark.parametrize("data", [b"", b"   \n"])
def test_it_rejects_empty_input(data):
    with pytest.raises(WireError, match="empty"):
        parse_newsml(data)


def test_it_rejects_binary_junk():
    with pytest.raises(WireError, match="Not well-formed XML"):
        parse_newsml(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe")
