"""ninjs 1.x, 2.x and 3.x: text objects read into reports, anything else refused clearly."""

import datetime
import json

import pytest

from ingest.parsers.ninjs import parse_ninjs
from ingest.types import WireError

UTC = datetime.UTC
PLUS_FOUR = datetime.timezone(datetime.timedelta(hours=4))


def dump(value: object) -> bytes:
    return json.dumps(value).encode()


NINJS_1 = {
    "uri": "urn:caspian-wire.test:2023:forum",
    "type": "text",
    "version": "2",
    "versioncreated": "2023-09-19T14:05:00+04:00",
    "firstcreated": "2023-09-19T09:30:00",
    "embargoed": "2023-09-19T18:00:00Z",
    "language": "en",
    "headline": "Caspian Media Forum opens in Astrakhan",
    "byline": "Leyla Aliyeva",
    "copyrightholder": "Caspian Wire",
    "located": "Astrakhan, Russia",
    "place": [{"name": "Astrakhan"}, {"name": "Baku", "rel": "mentions"}],
    "subject": [{"name": "mass media"}, {"code": "medtop:11000000"}],
    "person": [{"name": "Ahmed Ismayilov"}],
    "organisation": [{"name": "Media Development Agency"}],
    "description_text": "Delegations from five littoral states meet.",
    "body_text": "ASTRAKHAN, September 19. The forum opened.",
    "body_html": "<div><p>ASTRAKHAN, September 19. The forum <b>opened</b>.</p></div>",
}

NINJS_2 = {
    "uri": "urn:caspian-wire.test:2023:forum",
    "version": 3,
    "versioncreated": "2023-09-19T14:05:00+04:00",
    "embargoed": "2023-09-19T18:00:00Z",
    "language": "en",
    "headlines": [
        {"role": "short", "value": "Forum opens"},
        {"role": "main", "value": "Caspian Media Forum opens in Astrakhan"},
    ],
    "descriptions": [
        {"role": "caption", "value": "Delegates in the main hall."},
        {"role": "summary", "value": "Delegations from <b>five</b> states meet.",
         "contenttype": "text/html"},
    ],
    "bodies": [
        {"role": "text", "contenttype": "text/plain", "value": "The forum opened."},
        {"role": "html", "contenttype": "text/html", "value": "<p>The forum opened.</p>"},
    ],
    "by": "Leyla Aliyeva",
    "infosources": [{"name": "Caspian Wire Agency", "role": "originator"}],
    "copyrightholder": "Caspian Wire Holdings",
    "places": [{"name": "Astrakhan"}],
    "subjects": [{"name": "mass media", "uri": "http://cv.iptc.org/newscodes/mediatopic/20000045"}],
    "people": [{"name": "Ahmed Ismayilov"}],
    "organisations": [{"name": "Media Development Agency"}],
}  # fmt: skip

NINJS_3 = {
    "standard": {"name": "ninjs", "version": "3.1"},
    "uri": "urn:caspian-wire.test:2023:forum",
    "type": "text",
    "version": "4",
    "versionCreated": "2023-09-19T14:05:00+04:00",
    "firstCreated": "2023-09-19T09:30:00Z",
    "embargoedUntil": "2023-09-19T18:00:00Z",
    "language": "en-GB",
    "headlines": [{"value": "Caspian Media Forum opens in Astrakhan"}],
    "descriptions": [{"role": "lead", "value": "Delegations meet for two days."}],
    "bodies": [{"contentType": "text/plain", "value": "The forum opened.\n\nIt lasts two days."}],
    "by": "Leyla Aliyeva",
    "copyrightHolder": "Caspian Wire",
    "located": "Astrakhan",
    "places": [{"name": "Russia", "literal": "RU"}],
    "subjects": [{"name": "mass media"}],
}


def test_it_reads_ninjs_1_field_names():
    (report,) = parse_ninjs(dump(NINJS_1))

    assert report.format == "ninjs"
    assert report.headline == "Caspian Media Forum opens in Astrakhan"
    assert report.body == "<p>ASTRAKHAN, September 19. The forum <b>opened</b>.</p>"
    assert report.summary == "Delegations from five littoral states meet."
    assert report.byline == "Leyla Aliyeva"
    assert report.agency == "Caspian Wire"
    assert report.agency_item_id == "urn:caspian-wire.test:2023:forum"
    assert report.agency_version == "2"
    assert report.language == "en"
    assert report.places == ["Astrakhan, Russia", "Astrakhan", "Baku"]
    assert report.subjects == ["mass media", "medtop:11000000"]
    assert report.keywords == ["Ahmed Ismayilov", "Media Development Agency"]
    assert report.version_created == datetime.datetime(2023, 9, 19, 14, 5, tzinfo=PLUS_FOUR)
    assert report.first_created == datetime.datetime(2023, 9, 19, 9, 30, tzinfo=UTC)
    assert report.embargo_until == datetime.datetime(2023, 9, 19, 18, 0, tzinfo=UTC)


def test_it_reads_ninjs_1_suffixed_headline_and_body_names():
    item = {"uri": "urn:x", "headline_main": "Forum opens", "body_richtext": "<p>Opened.</p>"}

    (report,) = parse_ninjs(dump(item))

    assert (report.headline, report.body) == ("Forum opens", "<p>Opened.</p>")


def test_it_reads_ninjs_2_field_names():
    (report,) = parse_ninjs(dump(NINJS_2))

    assert report.headline == "Caspian Media Forum opens in Astrakhan"
    assert report.body == "<p>The forum opened.</p>"
    assert report.summary == "Delegations from five states meet."
    assert report.agency == "Caspian Wire Agency"
    assert report.agency_version == "3"
    assert report.byline == "Leyla Aliyeva"
    assert report.places == ["Astrakhan"]
    assert report.subjects == ["mass media"]
    assert report.keywords == ["Ahmed Ismayilov", "Media Development Agency"]
    assert report.embargo_until == datetime.datetime(2023, 9, 19, 18, 0, tzinfo=UTC)


def test_it_reads_ninjs_3_camel_case_field_names():
    (report,) = parse_ninjs(dump(NINJS_3))

    assert report.headline == "Caspian Media Forum opens in Astrakhan"
    assert report.body == "The forum opened.\n\nIt lasts two days."
    assert report.summary == "Delegations meet for two days."
    assert report.agency == "Caspian Wire"
    assert report.language == "en-GB"
    assert report.places == ["Astrakhan", "Russia"]
    assert report.version_created == datetime.datetime(2023, 9, 19, 10, 5, tzinfo=UTC)
    assert report.first_created == datetime.datetime(2023, 9, 19, 9, 30, tzinfo=UTC)
    assert report.embargo_until == datetime.datetime(2023, 9, 19, 18, 0, tzinfo=UTC)


def test_it_prefers_a_guid_over_the_uri_as_the_agency_item_id():
    (report,) = parse_ninjs(dump({**NINJS_3, "guid": "CWA-2023-0919-17"}))

    assert report.agency_item_id == "CWA-2023-0919-17"


def test_it_converts_a_nitf_body_to_simple_html():
    nitf = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        "<nitf><head><title>Forum</title></head><body>"
        "<body.head><hedline><hl1>Forum</hl1></hedline></body.head>"
        "<body.content><block><p>The forum <em>opened</em>.</p></block>"
        "<hl2>Guests</hl2></body.content>"
        "</body></nitf>"
    )
    item = {**NINJS_3, "bodies": [{"contentType": "text/vnd.IPTC.NITF", "value": nitf}]}

    (report,) = parse_ninjs(dump(item))

    assert report.body == "<p>The forum <em>opened</em>.</p>\n<h2>Guests</h2>"


def test_it_warns_and_leaves_the_body_empty_when_a_nitf_body_declares_entities():
    nitf = '<!DOCTYPE nitf [<!ENTITY e SYSTEM "file:///etc/passwd">]><nitf>&e;</nitf>'
    item = {**NINJS_3, "bodies": [{"contentType": "application/nitf+xml", "value": nitf}]}

    (report,) = parse_ninjs(dump(item))

    assert report.body == ""
    assert "DOCTYPE or entity declarations" in report.warnings[0]


def test_it_simplifies_an_html_page_body():
    page = (
        "<html><head><title>Forum</title></head><body><article><h1>Forum</h1>"
        '<figure><img src="a.jpg"><figcaption>Hall</figcaption></figure>'
        "<p>Opened <script>x()</script>today.</p></article></body></html>"
    )
    item = {**NINJS_3, "bodies": [{"contentType": "text/html", "value": page}]}

    (report,) = parse_ninjs(dump(item))

    assert report.body == "<p>Opened today.</p>"


def test_it_reads_a_list_of_objects():
    second = {**NINJS_3, "uri": "urn:caspian-wire.test:2023:forum-2", "version": "1"}

    reports = parse_ninjs(dump([NINJS_3, second]))

    assert [r.agency_item_id for r in reports] == [
        "urn:caspian-wire.test:2023:forum",
        "urn:caspian-wire.test:2023:forum-2",
    ]


def test_it_reads_objects_wrapped_in_items():
    reports = parse_ninjs(dump({"items": [NINJS_1, NINJS_3]}))

    assert len(reports) == 2


@pytest.mark.parametrize(
    "answer",
    [
        lambda item: {"api_version": "2", "id": "req-1", "data": {"meta": {}, "item": item}},
        lambda item: {"total": 1, "limit": 10, "offset": 0, "item": [item]},
        lambda item: {"data": {"items": [item]}},
    ],
)
def test_it_reads_an_item_in_the_answer_of_an_agencys_api(answer):
    (report,) = parse_ninjs(dump(answer(NINJS_3)))

    assert report.agency_item_id == NINJS_3["uri"] and report.headline


def test_it_skips_events_and_pictures_in_a_list_with_a_warning():
    event = {"uri": "urn:event", "type": "event", "title": "Caspian Media Forum 2023"}

    reports = parse_ninjs(dump([event, NINJS_3]))

    assert len(reports) == 1
    assert reports[0].warnings == ["item 1 (event) skipped: not a text report"]


def test_it_rejects_a_single_event_object():
    with pytest.raises(WireError, match="is an event, not a text report"):
        parse_ninjs(dump({"uri": "urn:event", "type": "event", "title": "Forum"}))


def test_it_uses_the_title_when_there_is_no_headline():
    (report,) = parse_ninjs(dump({"uri": "urn:x", "title": "Forum opens", "body_text": "Opened."}))

    assert report.headline == "Forum opens"
    assert report.warnings == ["the item has no headline; its title is used"]


def test_it_warns_about_unreadable_timestamps():
    (report,) = parse_ninjs(dump({**NINJS_3, "versionCreated": "19 Sept"}))

    assert report.version_created is None
    assert report.warnings == ["versioncreated '19 Sept' is not an ISO 8601 date and time; ignored"]


def test_it_rejects_an_object_with_neither_headline_nor_body():
    with pytest.raises(WireError, match="neither a headline nor a body"):
        parse_ninjs(dump({"uri": "urn:x", "language": "en"}))


def test_it_names_the_item_without_headline_or_body_in_a_list():
    with pytest.raises(WireError, match="ninjs item 2 has neither a headline nor a body"):
        parse_ninjs(dump([NINJS_3, {"uri": "urn:x"}]))


def test_it_rejects_malformed_json():
    with pytest.raises(WireError, match=r"Not valid JSON.*line 1"):
        parse_ninjs(b'{"uri": "urn:x", "headline": ')


@pytest.mark.parametrize(
    ("data", "kind"),
    [(b'"a headline"', "a string"), (b"42", "a number"), (b"null", "null"), (b"true", "true")],
)
def test_it_rejects_json_that_is_not_an_object(data, kind):
    with pytest.raises(WireError, match=f"not {kind}"):
        parse_ninjs(data)


def test_it_rejects_a_list_holding_something_other_than_objects():
    with pytest.raises(WireError, match="entry 2 is not an object"):
        parse_ninjs(dump([NINJS_3, "oops"]))


def test_it_rejects_an_empty_list():
    with pytest.raises(WireError, match="list is empty"):
        parse_ninjs(b"[]")


@pytest.mark.parametrize("data", [b"", b" \n"])
def test_it_rejects_empty_input(data):
    with pytest.raises(WireError, match="empty"):
        parse_ninjs(data)


def test_it_rejects_binary_junk():
    with pytest.raises(WireError, match="Not"):
        parse_ninjs(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe")


def test_it_rejects_deeply_nested_json():
    with pytest.raises(WireError, match="nested too deeply"):
        parse_ninjs(b"[" * 100_000 + b"]" * 100_000)


# What the project's own export (articles.ninjs) writes beside the text.
EXPORTED = {
    "uri": "urn:newsroom:article:7",
    "firstCreated": "2023-09-19T11:40:00Z",
    "versionCreated": "2026-11-26T12:00:00Z",
    "headlines": [{"role": "main", "value": "Forum opens"}],
    "bodies": [{"role": "main", "contentType": "text/html", "value": "<p>The forum opened.</p>"}],
    "descriptions": [
        {"role": "dateline", "value": "RUSSIA, Astrakhan, September 19."},
        {"role": "correction-note", "value": "The date was wrong."},
    ],
    "altIds": [{"role": "agency-item-id", "value": "trend-2023-0919-001"}],
    "places": [
        {"name": "Astrakhan", "rel": "dateline", "uri": "https://sws.geonames.org/580497/"},
        {"name": "Russian Federation", "rel": "dateline",
         "uri": "http://cvx.iptc.org/iso3166-1a2/RU", "literal": "RU"},
        {"name": "Azerbaijan", "rel": "about", "literal": "AZ"},
    ],
    "people": [{"name": "Ahmed Ismayilov", "rel": "about"}],
    "events": [{"name": "Caspian Media Forum 2023", "rel": "about"}],
}  # fmt: skip


def test_it_reads_a_declared_dateline_dating_it_by_the_first_version():
    (report,) = parse_ninjs(dump(EXPORTED))

    dateline = report.dateline
    assert (dateline.raw, dateline.city, dateline.country) == (
        "RUSSIA, Astrakhan, September 19.",
        "Astrakhan",
        "RU",
    )
    assert dateline.date == datetime.date(2023, 9, 19)  # not 2026, the last version's year
    assert report.places == ["Astrakhan", "Russian Federation", "Azerbaijan"]


def test_it_dates_an_undated_declared_dateline_by_the_item():
    descriptions = [{"role": "dateline", "value": "ASTRAKHAN. KAZINFORM –"}]

    (report,) = parse_ninjs(dump({**EXPORTED, "descriptions": descriptions}))

    assert report.dateline.date == datetime.date(2023, 9, 19)


def test_it_reads_a_dateline_place_by_its_iso_code_only_when_it_is_a_country():
    places = [{"name": "New York", "rel": "dateline", "literal": "NY"}]

    (report,) = parse_ninjs(dump({**EXPORTED, "places": places}))

    assert (report.dateline.city, report.dateline.country) == ("New York", "")


def test_it_declares_no_dateline_from_places_about_the_story():
    (report,) = parse_ninjs(dump(NINJS_3))

    assert report.dateline.raw == report.dateline.city == report.dateline.country == ""
    assert report.dateline.date is None


def test_it_takes_the_agency_item_id_from_alt_ids_before_the_uri():
    (report,) = parse_ninjs(dump(EXPORTED))

    assert report.agency_item_id == "trend-2023-0919-001"


def test_it_never_takes_a_dateline_or_correction_note_for_the_summary():
    (report,) = parse_ninjs(dump(EXPORTED))

    assert report.summary == ""


def test_it_reads_event_names_as_keywords():
    (report,) = parse_ninjs(dump(EXPORTED))

    assert report.keywords == ["Ahmed Ismayilov", "Caspian Media Forum 2023"]


def test_a_text_item_carrying_its_text_as_a_description_is_read():
    """NTB sends short text items as a headline and a description of role "text", no
    body (IPTC's own ninjs examples hold one): the description is the report's text."""
    [report] = parse_ninjs(
        dump({
            "uri": "urn:ntb-style:1",
            "type": "text",
            "language": "nb-NO",
            "headlines": [{"role": "main", "value": "Ferjen går igjen fra mandag"}],
            "descriptions": [{"role": "text", "contentType": "text/plain",
                              "value": "Ferjen mellom byene går igjen fra mandag, melder rederiet."}],
            "by": "NTB",
        })
    )  # fmt: skip
    assert report.body == "Ferjen mellom byene går igjen fra mandag, melder rederiet."
    assert report.summary == ""  # not printed twice
    assert "the item has no body" not in report.warnings
