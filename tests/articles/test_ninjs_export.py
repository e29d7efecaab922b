"""Reports and events as IPTC ninjs: valid against IPTC's own schemas (3.1 and 2.2), every
field mapped, and read back by the project's ninjs importer as the same report.

The demo newsroom is loaded once for the module and everything the tests look at is
exported inside that one transaction (then rolled back): the tests compare plain dicts.
"""

import datetime
import functools
import json
from pathlib import Path
from typing import Any

import pytest
import time_machine
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils.html import strip_tags
from jsonschema import Draft202012Validator
from referencing import Registry
from referencing.jsonschema import DRAFT202012

from articles.models import DATELINE_FIELDS, DETAIL_FIELDS, LISTING_FIELDS, Article
from articles.ninjs import EXTRA_FIELDS, article_to_ninjs, event_to_ninjs
from articles.successors import attach_successors
from articles.tag_rows import attach_tag_rows
from demo.loading import load_demo
from events.models import Event
from ingest.parsers.ninjs import parse_ninjs
from ingest.reading import read_reports
from ingest.registry import bump_version
from organizations.models import Organization
from places.models import City
from tests.factories import ArticleFactory, utc

SCHEMAS = Path(__file__).resolve().parents[1] / "data" / "ninjs"
GEOJSON = "https://geojson.org/schema/GeoJSON.json"
BASE = "https://newsroom.example"
NOW = utc(2026, 11, 26, 12)  # the demo world's "today": two of its events are still to come
MAIN = "azerbaijan-presents-its-press-heritage-at-caspian-media-forum-in-astrakhan"
FORUM = "caspian-media-forum-2023"
VERSIONS = ["3.1", "2.2"]

# The test database is only created when a test asks for it: without this mark the
# module fixture below would write to the development database.
pytestmark = pytest.mark.django_db


@functools.cache
def validator(version: str) -> Draft202012Validator:
    """IPTC's schema, its remote GeoJSON $ref answered by a permissive local stand-in."""
    schema = json.loads((SCHEMAS / f"ninjs-schema_{version}.json").read_text())
    registry = Registry().with_resource(GEOJSON, DRAFT202012.create_resource({}))
    return Draft202012Validator(
        schema, registry=registry, format_checker=Draft202012Validator.FORMAT_CHECKER
    )


def problems(doc: dict, version: str) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator(version).iter_errors(doc)]


def text(html: str) -> str:
    return " ".join(strip_tags(html).split())


def names(entries: list[dict], rel: str | None = None) -> list[str]:
    return [e["name"] for e in entries if rel is None or e.get("rel") == rel]


# The world, built once


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker) -> dict[str, Any]:
    with (
        django_db_blocker.unblock(),
        time_machine.travel(NOW, tick=False),
        transaction.atomic(),
    ):
        name = str(connection.settings_dict["NAME"])
        assert "test" in name or "memory" in name, f"not a test database: {name}"
        load_demo()
        bump_version()  # the importer's registry: read again with the demo's agencies
        made = _extra_reports()
        built = _export_everything(made)
        transaction.set_rollback(True)
    return built


def _extra_reports() -> dict[str, Article]:
    """A withdrawn, an embargoed and a scheduled report, and a correction of the main one."""
    trend = Organization.objects.get(slug="trend")
    main = Article.objects.get(slug=MAIN)
    baku = City.objects.get(name="Baku", country="AZ", geonames_id__isnull=False)
    common = {
        "agency": trend,
        "dateline_raw": "BAKU, Azerbaijan, Nov. 26.",
        "dateline_city": baku,
        "dateline_date": datetime.date(2026, 11, 26),
    }
    return {
        "withdrawn": ArticleFactory(
            withdrawn=True, agency_item_id="trend-x-1", headline="Withdrawn report", **common
        ),
        "embargoed": ArticleFactory(
            embargoed=True, agency_item_id="trend-x-2", headline="Embargoed report", **common
        ),
        "scheduled": ArticleFactory(
            scheduled=True, agency_item_id="trend-x-3", headline="Scheduled report", **common
        ),
        "correction": ArticleFactory(
            correction_of=main,
            agency_item_id="trend-x-4",
            headline="Corrected: " + main.headline,
            correction_note="The forum's dates were given wrongly.",
            **common,
        ),
    }


def _for_ninjs():
    return Article.objects.for_detail().only(
        *LISTING_FIELDS, *DATELINE_FIELDS, *DETAIL_FIELDS, *EXTRA_FIELDS
    )


def _export_everything(made: dict[str, Article]) -> dict[str, Any]:
    articles = list(_for_ninjs().order_by("pk"))
    attach_tag_rows(articles)
    attach_successors(articles)
    with CaptureQueriesContext(connection) as export_queries:
        docs = {
            a.slug: {v: article_to_ninjs(a, version=v, base_url=BASE) for v in VERSIONS}
            for a in articles
        }
    prefetched = Article.objects.select_related("agency", "dateline_city", "dateline_country")
    prefetched = prefetched.prefetch_related("events", "countries", "organizations", "people")
    events = Event.objects.for_detail().order_by("start_date")
    main = next(a for a in articles if a.slug == MAIN)
    return {
        "docs": docs,
        "export_queries": len(export_queries),
        "by_managers": {a.slug: article_to_ninjs(a, base_url=BASE) for a in prefetched},
        "without_base": article_to_ninjs(main),
        "made": {key: article.slug for key, article in made.items()},
        "public": [a.slug for a in articles if a.is_public],
        "expected": {a.slug: _expected(a) for a in articles},
        "imported": {a.slug: _imported(docs[a.slug]["3.1"]) for a in articles if a.is_public},
        "events": {event.slug: event_to_ninjs(event, base_url=BASE) for event in events},
        "geonames": _geonames("Astrakhan", "Baku"),
    }


def _geonames(*cities: str) -> dict[str, int]:
    found = City.objects.filter(name__in=cities, geonames_id__isnull=False)
    return dict(found.values_list("name", "geonames_id"))


def _expected(article: Article) -> dict[str, Any]:
    """What a reader of the export should find again, straight from the database."""
    tags = {field: [row["name"] for row in rows] for field, rows in article.tag_rows.items()}
    return {
        "headline": article.headline,
        "body": text(article.body),
        "summary": article.summary,
        "byline": article.byline,
        "dateline_raw": article.dateline_raw,
        "city": article.dateline_city.name if article.dateline_city else "",
        "city_id": article.dateline_city_id,
        "country": article.dateline_country_id or "",
        "date": article.dateline_date,
        "agency": article.agency.name if article.agency else "",
        "language": article.language,
        "agency_item_id": article.agency_item_id,
        "named": tags["people"] + tags["organizations"] + tags["events"],
        "countries": tags["countries"],
    }


def _imported(doc: dict) -> dict[str, Any]:
    """Read an exported report as the wire desk does: parser, dateline, agency registry."""
    (report,) = read_reports(json.dumps(doc).encode(), format="ninjs")
    dateline = report.dateline
    return {
        "dateline": (dateline.raw, dateline.city_id, dateline.country, dateline.date),
        "agency": report.agency,
        "agency_item_id": report.agency_item_id,
        "body": text(report.body),
        "warnings": report.warnings,
    }


# Validity against IPTC's schemas


def test_the_schemas_check_date_times_and_uris():
    good = {"uri": "urn:newsroom:article:1", "versionCreated": "2023-09-19T11:40:00Z"}

    assert problems(good, "3.1") == []
    assert problems({**good, "versionCreated": "19 September 2023"}, "3.1")
    assert problems({**good, "uri": "not a uri"}, "3.1")
    assert problems({"uri": good["uri"], "versioncreated": "2023-09-19 11:40"}, "2.2")


@pytest.mark.parametrize("version", VERSIONS)
def test_every_report_validates_against_the_ninjs_schema(world, version):
    assert len(world["docs"]) >= 28  # the demo's 24 reports and the four made here

    invalid = {slug: problems(docs[version], version) for slug, docs in world["docs"].items()}

    assert {slug: found for slug, found in invalid.items() if found} == {}


def test_every_demo_event_validates_as_a_ninjs_3_1_event(world):
    assert len(world["events"]) >= 5

    invalid = {slug: problems(doc, "3.1") for slug, doc in world["events"].items()}

    assert {slug: found for slug, found in invalid.items() if found} == {}
    assert {doc["type"] for doc in world["events"].values()} == {"event"}


# Field mapping


def test_a_report_maps_to_ninjs_3_1(world):
    doc = world["docs"][MAIN]["3.1"]
    expected = world["expected"][MAIN]

    assert doc["standard"] == {
        "name": "ninjs",
        "version": "3.1",
        "schema": "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json",
    }
    assert doc["uri"].startswith("urn:newsroom:article:")
    assert (doc["type"], doc["language"], doc["slugline"]) == ("text", "en", MAIN)
    assert doc["headlines"] == [
        {"role": "main", "contentType": "text/plain", "value": expected["headline"]}
    ]
    (body,) = doc["bodies"]
    assert (body["role"], body["contentType"]) == ("main", "text/html")
    assert body["value"].startswith("<p>Journalists, officials and media researchers")
    assert doc["descriptions"] == [
        {"role": "summary", "contentType": "text/plain", "value": expected["summary"]},
        {
            "role": "dateline",
            "contentType": "text/plain",
            "value": "RUSSIA, Astrakhan, September 19.",
        },
    ]
    assert doc["located"] == "Astrakhan, Russian Federation"
    assert doc["pubStatus"] == "usable"
    assert "embargoedUntil" not in doc
    assert doc["firstCreated"] == "2023-09-19T11:40:00Z"  # published before the demo loaded
    assert doc["versionCreated"] == "2023-09-19T11:40:00Z"
    assert doc["version"] == "1"
    assert doc["infoSources"] == [
        {
            "name": "Trend News Agency",
            "uri": f"{BASE}/organizations/trend/",
            "literal": "trend",
            "role": "originator",
        }
    ]
    assert doc["altIds"] == [{"role": "agency-item-id", "value": "trend-2023-0919-001"}]


def test_places_carry_iso_codes_geonames_ids_and_their_relation_to_the_report(world):
    places = world["docs"][MAIN]["3.1"]["places"]
    astrakhan = world["geonames"]["Astrakhan"]

    assert places[:2] == [
        {"name": "Astrakhan", "rel": "dateline", "uri": f"https://sws.geonames.org/{astrakhan}/"},
        {
            "name": "Russian Federation",
            "rel": "dateline",
            "uri": "http://cvx.iptc.org/iso3166-1a2/RU",
            "literal": "RU",
        },
    ]
    about = [place for place in places if place["rel"] == "about"]
    assert {place["literal"] for place in about} == {"AZ", "IR", "KZ", "RU", "TM", "BY", "KG", "UZ"}
    assert all(p["uri"] == f"http://cvx.iptc.org/iso3166-1a2/{p['literal']}" for p in about)


def test_people_organisations_and_events_are_tagged_about_with_their_pages(world):
    doc = world["docs"][MAIN]["3.1"]

    assert {
        "name": "Ahmed Ismayilov",
        "rel": "about",
        "uri": f"{BASE}/people/ahmed-ismayilov/",
        "literal": "ahmed-ismayilov",
    } in doc["people"]
    assert {
        "name": "Caspian Media Forum 2023",
        "rel": "about",
        "uri": f"{BASE}/events/{FORUM}/",
        "literal": FORUM,
    } in doc["events"]
    assert "Hummat" in names(doc["organisations"], "about")
    tagged = names(doc["people"] + doc["organisations"] + doc["events"])
    assert tagged == world["expected"][MAIN]["named"]


def test_without_a_base_url_tags_keep_their_slug_and_the_report_its_uri(world):
    doc = world["without_base"]

    assert doc["uri"] == world["docs"][MAIN]["3.1"]["uri"]
    ismayilov = {"name": "Ahmed Ismayilov", "rel": "about", "literal": "ahmed-ismayilov"}
    assert ismayilov in doc["people"]
    assert all("uri" in place for place in doc["places"])  # ISO and GeoNames need no site
    assert problems(doc, "3.1") == []


def test_a_report_maps_to_ninjs_2_2_in_lower_case(world):
    doc = world["docs"][MAIN]["2.2"]
    expected = world["expected"][MAIN]

    assert doc["standard"]["version"] == "2.2"
    assert doc["headlines"] == [
        {"role": "main", "contenttype": "text/plain", "value": expected["headline"]}
    ]
    assert doc["bodies"][0]["contenttype"] == "text/html"
    assert (doc["pubstatus"], doc["firstcreated"]) == ("usable", "2023-09-19T11:40:00Z")
    assert doc["versioncreated"] == "2023-09-19T11:40:00Z"
    assert doc["infosources"][0]["name"] == "Trend News Agency"
    assert doc["altids"] == [{"role": "agency-item-id", "value": "trend-2023-0919-001"}]
    assert doc["places"] == world["docs"][MAIN]["3.1"]["places"]
    assert not any(key != key.lower() for key in doc)


DRAFT = "azerbaijani-delegation-for-turkmenbashi-transport-meeting-takes-shape"
IN_REVIEW = "survey-kazakh-readers-turn-to-messaging-apps-for-regional-news"


@pytest.mark.parametrize(
    ("report", "status"),
    [
        ("main", "usable"),
        ("embargoed", "withheld"),
        ("scheduled", "withheld"),
        ("draft", "withheld"),
        ("in review", "withheld"),
        ("withdrawn", "canceled"),
    ],
)
def test_the_publication_status_follows_the_workflow(world, report, status):
    slugs = {**world["made"], "main": MAIN, "draft": DRAFT, "in review": IN_REVIEW}
    docs = world["docs"][slugs[report]]

    assert (docs["3.1"]["pubStatus"], docs["2.2"]["pubstatus"]) == (status, status)


def test_an_embargoed_report_carries_its_embargo_time(world):
    docs = world["docs"][world["made"]["embargoed"]]

    assert docs["3.1"]["embargoedUntil"] == "2026-11-27T12:00:00Z"
    assert docs["2.2"]["embargoed"] == "2026-11-27T12:00:00Z"
    assert "embargoedUntil" not in world["docs"][world["made"]["scheduled"]]["3.1"]


def test_a_withdrawn_report_is_a_canceled_notice_without_its_text(world):
    doc = world["docs"][world["made"]["withdrawn"]]["3.1"]

    assert doc["pubStatus"] == "canceled"
    assert doc["edNote"] == "Withdrawn. The agency withdrew it."
    assert "bodies" not in doc
    assert [d["role"] for d in doc["descriptions"]] == ["dateline"]
    assert doc["headlines"][0]["value"] == "Withdrawn report"


def test_a_correction_links_the_report_it_corrects(world):
    docs = world["docs"][world["made"]["correction"]]
    main = world["docs"][MAIN]["3.1"]

    assert docs["3.1"]["associations"] == [
        {
            "name": world["expected"][MAIN]["headline"],
            "rel": "correction-of",
            "uri": main["uri"],
            "type": "text",
            "version": "1",
        }
    ]
    (link,) = docs["2.2"]["associations"]
    assert (link["name"], link["uri"]) == ("correction-of", main["uri"])
    assert {
        "role": "correction-note",
        "contentType": "text/plain",
        "value": "The forum's dates were given wrongly.",
    } in docs["3.1"]["descriptions"]


def test_a_corrected_report_links_its_public_correction(world):
    docs = world["docs"][MAIN]
    correction = world["docs"][world["made"]["correction"]]["3.1"]

    assert docs["3.1"]["associations"] == [
        {
            "name": correction["headlines"][0]["value"],
            "rel": "corrected-by",
            "uri": correction["uri"],
            "type": "text",
            "version": "1",
        }
    ]
    (link,) = docs["2.2"]["associations"]
    assert (link["name"], link["uri"]) == ("corrected-by", correction["uri"])


def test_attached_tag_rows_and_related_managers_give_the_same_documents(world):
    by_rows = {slug: docs["3.1"] for slug, docs in world["docs"].items()}

    assert world["by_managers"] == by_rows


def test_exporting_reports_with_attached_tags_queries_only_for_corrected_reports(world):
    # Both versions of every report; the one query loads the corrected report's headline.
    assert world["export_queries"] == 1


def test_an_unknown_version_is_refused():
    with pytest.raises(ValueError, match=r"'1\.6' is not supported"):
        article_to_ninjs(Article(), version="1.6")


# Reading the export back


@pytest.mark.parametrize("version", VERSIONS)
def test_the_ninjs_parser_reads_every_public_report_back(world, version):
    assert len(world["public"]) >= 20

    for slug in world["public"]:
        expected = world["expected"][slug]
        (report,) = parse_ninjs(json.dumps(world["docs"][slug][version]).encode())

        assert (report.headline, text(report.body)) == (expected["headline"], expected["body"])
        assert (report.summary, report.byline) == (expected["summary"], expected["byline"])
        assert (report.agency, report.language) == (expected["agency"], expected["language"])
        assert report.agency_item_id == expected["agency_item_id"]
        dateline = report.dateline
        assert (dateline.raw, dateline.city, dateline.country, dateline.date) == (
            expected["dateline_raw"],
            expected["city"],
            expected["country"],
            expected["date"],
        ), slug
        assert report.keywords == expected["named"]
        assert set(expected["countries"]) | {expected["city"]} <= set(report.places)


def test_the_wire_desk_reads_an_exported_report_as_the_same_report(world):
    for slug, imported in world["imported"].items():
        expected = world["expected"][slug]

        assert imported["dateline"] == (
            expected["dateline_raw"],
            expected["city_id"],
            expected["country"],
            expected["date"],
        ), slug
        assert imported["agency"] == expected["agency"]
        assert imported["agency_item_id"] == expected["agency_item_id"]
        assert imported["body"] == expected["body"]  # the dateline is not cut from it again


# Events


def test_an_event_maps_to_ninjs_3_1(world):
    doc = world["events"][FORUM]
    astrakhan = world["geonames"]["Astrakhan"]

    assert doc["uri"] == f"urn:newsroom:event:{FORUM}"
    assert doc["title"] == "Caspian Media Forum 2023"
    assert doc["eventDetails"] == {
        "eventStatus": "urn:newsroom:event-status:held",
        "dates": {"expectedStartDate": "2023-09-18", "expectedEndDate": "2023-09-19"},
        "organiser": {
            "name": "Government of Astrakhan Oblast",
            "uri": f"{BASE}/organizations/government-of-astrakhan-oblast/",
            "literal": "government-of-astrakhan-oblast",
        },
    }
    assert doc["descriptions"][0]["role"] == "theme"
    assert doc["events"] == [
        {"name": "Caspian Media Forum", "rel": "series", "literal": "caspian-media-forum"}
    ]
    places = doc["places"]
    assert places[0] == {
        "name": "Astrakhan",
        "rel": "location",
        "uri": f"https://sws.geonames.org/{astrakhan}/",
    }
    roles = {(p["literal"], p["rel"]) for p in places[1:]}
    assert roles == {
        ("RU", "host"),
        *{(code, "delegation") for code in ["AZ", "IR", "KZ", "RU", "TM"]},
        *{(code, "observer") for code in ["BY", "KG", "UZ"]},
    }
    assert {(o["literal"], o["rel"]) for o in doc["organisations"]} == {
        ("government-of-astrakhan-oblast", "organizer"),
        ("media-development-agency-azerbaijan", "delegation"),
    }


def test_an_event_with_a_venue_names_its_address(world):
    doc = world["events"]["caspian-transport-ministers-meeting-2024"]

    assert doc["places"][0] == {
        "name": "Conference centre of the Aktau Sea Port",
        "rel": "venue",
        "contactInfo": [
            {"type": "physical", "address": {"locality": "Aktau", "country": "Kazakhstan"}}
        ],
    }
