"""RSS and Atom: one report per entry, anything that is not a feed refused clearly."""

import datetime

import pytest

from ingest.parsers.feed import parse_feed
from ingest.reading import read_reports
from ingest.types import WireError

UTC = datetime.UTC

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <title>Caspian Wire: Region</title>
  <author><name>Caspian Wire Agency</name></author>
  <id>urn:caspian-wire.test:region</id>
  <updated>2023-09-19T14:05:00+04:00</updated>
  <entry>
    <id>urn:caspian-wire.test:2023:forum</id>
    <title>Caspian Media Forum opens in Astrakhan</title>
    <link rel="alternate" href="https://caspian-wire.test/forum-opens"/>
    <published>2023-09-19T09:30:00+04:00</published>
    <updated>2023-09-19T14:05:00+04:00</updated>
    <author><name>Leyla Aliyeva</name></author>
    <category term="media"/>
    <category term="diplomacy"/>
    <summary>Delegations from five littoral states meet.</summary>
    <content type="html">&lt;p&gt;The forum &lt;b&gt;opened&lt;/b&gt;.&lt;/p&gt;
      &lt;script&gt;x()&lt;/script&gt;</content>
  </entry>
  <entry>
    <id>urn:caspian-wire.test:2023:closing</id>
    <title>Forum closes</title>
    <updated>2023-09-20T18:00:00Z</updated>
    <summary>The forum closed with a joint statement.</summary>
  </entry>
</feed>"""

RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"
     xmlns:content="http://purl.org/rss/1.0/modules/content/">
  <channel>
    <title>Regional news</title>
    <link>https://caspian-wire.test/</link>
    <description>Latest reports</description>
    <language>ru</language>
    <dc:publisher>Caspian Wire</dc:publisher>
    <item>
      <title>Forum &amp;amp; fair open in Astrakhan</title>
      <link>https://caspian-wire.test/ru/forum</link>
      <guid isPermaLink="false">CWA-2023-0919-17</guid>
      <pubDate>Tue, 19 Sep 2023 10:00:00 +0300</pubDate>
      <dc:creator>Ivan Petrov</dc:creator>
      <category>Media</category>
      <description>&lt;p&gt;Short &lt;i&gt;teaser&lt;/i&gt;.&lt;/p&gt;</description>
      <content:encoded><![CDATA[<p>Full text of the report.</p>]]></content:encoded>
      <source url="https://trend.test/rss">Trend</source>
    </item>
  </channel>
</rss>"""


def test_it_reads_each_atom_entry_as_a_report():
    first, second = parse_feed(ATOM)

    assert first.format == "feed"
    assert first.headline == "Caspian Media Forum opens in Astrakhan"
    assert first.body == "<p>The forum <b>opened</b>.</p>"
    assert first.summary == "Delegations from five littoral states meet."
    assert first.source_url == "https://caspian-wire.test/forum-opens"
    assert first.agency_item_id == "urn:caspian-wire.test:2023:forum"
    assert first.byline == "Leyla Aliyeva"
    assert first.keywords == ["media", "diplomacy"]
    assert first.language == "en"
    assert (first.agency, first.feed_agency) == ("", "Caspian Wire Agency")
    assert first.first_created == datetime.datetime(2023, 9, 19, 5, 30, tzinfo=UTC)
    assert first.version_created == datetime.datetime(2023, 9, 19, 10, 5, tzinfo=UTC)
    assert second.headline == "Forum closes"


def test_it_uses_the_summary_as_body_when_an_entry_has_no_content():
    _, second = parse_feed(ATOM)

    assert second.body == "The forum closed with a joint statement."
    assert second.summary == ""
    assert second.first_created is None
    assert second.version_created == datetime.datetime(2023, 9, 20, 18, 0, tzinfo=UTC)


def test_it_reads_an_rss_item():
    (report,) = parse_feed(RSS)

    assert report.headline == "Forum & fair open in Astrakhan"
    assert report.body == "<p>Full text of the report.</p>"
    assert report.summary == "Short teaser."
    assert report.source_url == "https://caspian-wire.test/ru/forum"
    assert report.agency_item_id == "CWA-2023-0919-17"
    assert report.byline == "Ivan Petrov"
    assert report.keywords == ["Media"]
    assert report.language == "ru"
    assert report.first_created == datetime.datetime(2023, 9, 19, 7, 0, tzinfo=UTC)


def test_it_names_the_entry_source_as_the_agency_before_the_feed_publisher():
    (report,) = parse_feed(RSS)

    assert report.agency == "Trend"


def test_it_falls_back_to_the_feed_publisher_for_the_agency(registry):
    rss = RSS.replace(b'<source url="https://trend.test/rss">Trend</source>', b"")
    (report,) = read_reports(rss, format="feed")

    assert report.agency == "Caspian Wire"


def test_an_items_own_text_names_its_agency_before_the_feeds_title(registry):
    """An aggregator's feed: the item says Trend filed it, the feed is only the carrier."""
    rss = b"""<rss version="2.0"><channel><title>Regional Digest</title>
      <item><title>Caspian forum opens</title><guid>digest-1</guid>
        <description>The forum opened in Astrakhan on Tuesday, Trend reports.</description>
      </item></channel></rss>"""

    (report,) = read_reports(rss, format="feed")

    assert report.agency == "Trend News Agency"


@pytest.mark.parametrize(
    ("title", "agency"),
    [
        ("Trend: latest news", "Trend News Agency"),  # a registered agency's feed
        ("Reports about Georgia · Newsroom", ""),  # a site's feed: no agency at all
    ],
)
def test_a_feeds_title_names_the_agency_only_when_the_registry_knows_it(registry, title, agency):
    """The third integrator review: a feed without authors stored its title ("Reports
    about United Kingdom · Newsroom") as each item's agency."""
    rss = f"""<rss version="2.0"><channel><title>{title}</title>
      <item><title>Caspian forum opens</title><guid>digest-2</guid>
        <description>The forum opened in Astrakhan on Tuesday.</description>
      </item></channel></rss>""".encode()

    (report,) = read_reports(rss, format="feed")

    assert report.agency == agency


def test_it_reads_an_rss_1_feed():
    rdf = b"""<?xml version="1.0"?>
    <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
             xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
      <channel rdf:about="https://caspian-wire.test/">
        <title>Caspian Wire</title><link>https://caspian-wire.test/</link>
        <description>Reports</description>
      </channel>
      <item rdf:about="https://caspian-wire.test/1">
        <title>Forum opens</title><link>https://caspian-wire.test/1</link>
        <description>The forum opened.</description>
        <dc:date>2023-09-19T10:00:00+03:00</dc:date>
      </item>
    </rdf:RDF>"""

    (report,) = parse_feed(rdf)

    assert report.headline == "Forum opens"
    assert report.body == "The forum opened."
    assert report.version_created == datetime.datetime(2023, 9, 19, 7, 0, tzinfo=UTC)


def test_it_returns_nothing_for_a_feed_without_entries():
    empty = b'<rss version="2.0"><channel><title>Quiet</title></channel></rss>'

    assert parse_feed(empty) == []


def test_it_warns_about_an_entry_without_body():
    rss = b'<rss version="2.0"><channel><item><title>Headline only</title></item></channel></rss>'

    (report,) = parse_feed(rss)

    assert report.agency == ""
    assert report.warnings == ["entry 'Headline only' has no body"]


def test_it_rejects_an_html_page():
    page = b"<!DOCTYPE html><html><head><title>Home</title></head><body><p>Hi</p></body></html>"

    with pytest.raises(WireError, match="Not an RSS or Atom feed"):
        parse_feed(page)


def test_it_rejects_a_feed_declaring_entities():
    xxe = (
        b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
        b'<rss version="2.0"><channel><item><title>&e;</title></item></channel></rss>'
    )

    with pytest.raises(WireError, match="DOCTYPE or entity declarations is not accepted"):
        parse_feed(xxe)


def test_it_rejects_binary_junk():
    with pytest.raises(WireError, match="Not well-formed XML"):
        parse_feed(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe")


@pytest.mark.parametrize("data", [b"", b"  \n"])
def test_it_rejects_empty_input(data):
    with pytest.raises(WireError, match="empty"):
        parse_feed(data)


def test_a_feed_services_share_links_and_tracking_pixel_are_not_text():
    description = (
        "The forum opened.&lt;div class=&quot;feedflare&quot;&gt;&lt;a href=&quot;"
        "https://feeds.example.org/~ff/wire?a=1&quot;&gt;&lt;img src=&quot;https://feeds."
        "example.org/~ff/wire?d=1&quot; /&gt;&lt;/a&gt;&lt;/div&gt;&lt;img alt=&quot;&quot; "
        "height=&quot;1&quot; width=&quot;1&quot; src=&quot;https://feeds.example.org/~r/1&quot; /&gt;"
    )
    feed = f"""<rss version="2.0"><channel><title>Wire</title><item><title>Forum opens</title>
      <description>{description}</description></item></channel></rss>"""
    (report,) = parse_feed(feed.encode())
    assert report.body == "<p>The forum opened.</p>"


def test_text_full_of_unclosed_angle_brackets_is_read_whole():
    # "<a<a<a…" with no ">": the tag patterns once rescanned to the end at every "<".
    text = "&lt;a" * 50_000
    feed = f"""<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title><entry>
      <title>Odd</title><content type="text">{text}</content></entry></feed>"""
    (report,) = parse_feed(feed.encode())
    assert report.body == "<a" * 50_000
