"""Wire copy in the agencies' transmission formats: ANPA-1312, IPTC 7901 and ZCZC.

The layouts (header lines, markers, control characters, trailers) are those of real
deliveries: AP's and Kyodo's ANPA-1312, dpa's and Keystone-SDA's IPTC 7901, AAP's ZCZC
newswire, Medianet and News Bites, as kept in Superdesk's test fixtures
(superdesk/superdesk-core tests/io/fixtures, superdesk-aap and superdesk-belga
server/tests/io/fixtures; AGPL-3.0). The text in them is written for these tests.
"""

import datetime
from pathlib import Path

import pytest

from articles.models import Article
from ingest.importer import HELD, import_report
from ingest.reading import read_reports, sniff_format
from ingest.types import WireError
from tests.factories import CityFactory, country

SYN, SOH, STX, ETX, EOT, US, DC1, DC3 = (
    "\x16",
    "\x01",
    "\x02",
    "\x03",
    "\x04",
    "\x1f",
    "\x11",
    "\x13",
)

AP_STORY = (
    f"{SYN}{SYN}{SOH}W2870{US}asian\n"
    f"r i{DC3}{DC1} BC-AS--Caspian-Sturgeon 1stLd-Writethru   03-12 0412\n"
    f"{STX}^BC-AS--Caspian-Sturgeon, 1st Ld-Writethru,310<\n"
    "^Caspian states agree to cut the sturgeon catch<\n"
    "^AP Photo BAK101, BAK102<\n"
    "^Eds: Updates with quotes. With AP Photos.<\n"
    "^By LEYLA MAMMADOVA=\n"
    "^Associated Press=\n"
    "\t   BAKU, Azerbaijan (AP) _ Fisheries ministers of the five Caspian states agreed on "
    "Tuesday to cut the sturgeon catch by a fifth for three years.\n"
    " \n"
    "\t   ``We owe it to the fish and to our grandchildren,'' one minister said. The deal "
    "_ the first in a decade _ still needs the approval of two governments.\n"
    " \n"
    "\t   ___\n"
    " \n"
    "\t   Associated Press writer Ivan Petrov in Moscow contributed.\n"
    " \n"
    f"\t   {ETX}AP-WF-03-12-24 1509GMT<\n"
    f"{EOT}"
)


@pytest.fixture
def import_day():
    return datetime.date(2024, 3, 20)


def read(text, import_day, **kwargs):
    data = text.encode("latin-1") if isinstance(text, str) else text
    return read_reports(data, import_date=import_day, **kwargs)


def test_an_ap_anpa_story_is_read_from_its_header_fields_not_its_first_line(registry, import_day):
    (report,) = read(AP_STORY, import_day, filename="W2870.tst")
    assert report.format == "anpa"
    assert report.headline == "Caspian states agree to cut the sturgeon catch"
    assert report.byline == "LEYLA MAMMADOVA"
    assert report.agency == "Associated Press"
    assert (report.dateline.city, report.dateline.country) == ("Baku", "AZ")
    assert report.dateline.date == datetime.date(2024, 3, 12)
    assert report.version_created == datetime.datetime(2024, 3, 12, 15, 9, tzinfo=datetime.UTC)
    assert report.agency_version == "1stLd-Writethru"
    # The text starts after the dateline, in AP's typography as printed, and holds no
    # header field, note to editors, rule or trailer.
    assert report.body.startswith("<p>Fisheries ministers of the five Caspian states")
    assert "<p>“We owe it to the fish and to our grandchildren,” one minister said." in report.body
    assert "The deal — the first in a decade — still needs" in report.body
    for furniture in ("BC-AS", "AP Photo", "Eds:", "LEYLA", "___", "AP-WF", "^", "<p><"):
        assert furniture not in report.body
    assert report.body.endswith("<p>Associated Press writer Ivan Petrov in Moscow contributed.</p>")


def test_the_same_copy_pasted_without_control_characters_and_with_crlf_reads_the_same(
    registry, import_day
):
    pasted = "".join(c for c in AP_STORY if c >= " " or c in "\t\n").replace("\n", "\r\n")
    assert sniff_format(pasted.encode("latin-1")) == "anpa"
    (report,) = read(pasted, import_day)
    (original,) = read(AP_STORY, import_day)
    assert (report.headline, report.byline, report.body, report.dateline) == (
        original.headline,
        original.byline,
        original.body,
        original.dateline,
    )


def test_write_throughs_of_one_slug_update_one_report_and_alerts_never_share_one(
    registry, import_day
):
    (first,) = read(AP_STORY.replace("1stLd-Writethru", "").replace(", 1st Ld-Writethru", ""),
                    import_day)  # fmt: skip
    (second,) = read(AP_STORY.replace("1stLd", "2ndLd"), import_day)
    assert first.agency_item_id == second.agency_item_id == "BC-AS--Caspian-Sturgeon:2024-03-12"
    created = import_report(first)
    updated = import_report(second)
    assert created.action == "created" and updated.article.pk == created.article.pk
    assert Article.objects.count() == 1

    alert = (
        f"{SOH}W1645{US}asian\nb a{DC3}{DC1} BC-US--APNewsAlert     03-12 0358\n"
        f"{STX}^BC-US--APNewsAlert,17<\n"
        "\t   BAKU, Azerbaijan (AP) _ Caspian states agree to cut sturgeon catch by a fifth.\n"
        f"\t   {ETX}AP-WF-03-12-24 2350GMT<\n"
    )
    (flash,) = read(alert, import_day)
    assert flash.agency_item_id == ""  # every alert carries the one slug
    assert flash.headline.startswith("Caspian states agree to cut sturgeon catch")


def test_a_table_keeps_its_columns_and_a_digest_its_headlines(registry, import_day):
    table = (
        f"{SOH}s0284-----\nr s{DC3}{DC1} BC-SOC--CaspianLeague     03-12 \n"
        f"{STX}^BC-SOC--Caspian League<\n"
        "^Caspian League Glance=\n"
        "^By The Associated Press=\n"
        "^ W   D   L   Pts   GB\n"
        "Neftchi 12  3  1  39   _\n"
        "Qarabag 11  4  2  37   1{\n"
        f"\t   {ETX}AP-WF-03-12-24 2017GMT<\n"
    )
    (report,) = read(table, import_day)
    assert report.headline == "Caspian League Glance"
    assert report.byline == "" and report.agency == "Associated Press"  # no writer named
    assert "<pre>" in report.body and "Qarabag 11  4  2  37   1½" in report.body

    digest = (
        f"{SOH}V4644-----\nr e{DC3}{DC1} AP-Top-Caspian-Headlin     03-12 0121\n"
        f"{STX}^*9006< ^AP-Top-Caspian-Headlines,0176<\n"
        "^AP Top Caspian News at 11:23 p.m. EST<\n"
        "^Sturgeon quotas agreed in Baku\n"
        "^Ferry line to Aktau reopens\n"
        f"\t   {ETX}AP-WF-03-13-24 0423GMT<\n"
    )
    (report,) = read(digest, import_day)
    assert report.headline == "AP Top Caspian News at 11:23 p.m. EST"
    assert report.dateline.date == datetime.date(2024, 3, 12)  # the header's, not GMT's
    assert "<p>Sturgeon quotas agreed in Baku</p>" in report.body


def test_kyodo_anpa_dates_day_first_and_ends_its_headline_with_a_plus(registry, import_day):
    CityFactory(name="Saitama", country=country("JP"), population=1_300_000)
    kyodo = (
        f"{SOH}a0105KYODO{US}koko-\r\nu s{DC3}{DC1} BC-Soccer-Caspian-Cup   09-12 0344\r\n"
        f"{STX}BC-Soccer-Caspian-Cup\r\n"
        "Soccer: Neftchi win the Caspian Cup final in Saitama+\r\n"
        "     SAITAMA, Japan, Dec. 9 Kyodo - Neftchi won the Caspian Cup on Sunday,\r\n"
        "beating the home side 2-1 in front of a full stadium.\r\n"
        "     The final was played in Japan for the first time.\r\n"
        "==Kyodo\r\n"
        f"KWS-21:37-09-12-18{ETX}\r\n"
    )
    (report,) = read(kyodo, import_day)
    assert report.headline == "Soccer: Neftchi win the Caspian Cup final in Saitama"
    assert report.agency == "Kyodo News"
    assert report.dateline.date == datetime.date(2018, 12, 9)
    assert report.body.startswith(
        "<p>Neftchi won the Caspian Cup on Sunday, beating the home side 2-1 in front"
    )
    assert "==Kyodo" not in report.body and "KWS" not in report.body


DPA_STORY = (
    f"{SOH}eca062 4 i 211 ccccb   dpa 061\r\n\r\n"
    f"{STX}Azerbaijan-Russia-energy/\r\n"
    "1ST LEAD\r\n"
    "Baku and Moscow sign gas transit deal =\r\n"
    "By Anna Weber, dpa =\r\n\r\n"
    "   Baku (dpa) - Azerbaijan and Russia signed a ten-year gas transit\r\n"
    "agreement on Wednesday, the energy ministry in Baku said.\r\n\r\n"
    "   The deal covers the pipeline that runs along the Caspian coast.\r\n\r\n"
    "# dpa Notebook\r\n\r\n"
    "## Internet links\r\n- [Ministry](http://example.org)\r\n\r\n"
    "* * * *\r\nThe following information is not for publication\r\n\r\n"
    "dpa aw jln\r\n\r\n"
    f"131137 GMT Okt 13{ETX}\r\n{EOT}"
)


def test_a_dpa_7901_message_takes_its_head_trailer_date_and_leaves_the_notebook(
    registry, import_day
):
    (report,) = read(DPA_STORY, import_day)
    assert report.format == "iptc7901"
    assert report.headline == "Baku and Moscow sign gas transit deal"
    assert report.byline == "Anna Weber, dpa"
    assert report.keywords == ["Azerbaijan-Russia-energy"]
    assert report.agency_version == "1ST LEAD"
    assert report.agency == "Deutsche Presse-Agentur"
    assert (report.dateline.city, report.dateline.date) == ("Baku", datetime.date(2013, 10, 13))
    assert report.body == (
        "<p>Azerbaijan and Russia signed a ten-year gas transit agreement on Wednesday, "
        "the energy ministry in Baku said.</p>\n"
        "<p>The deal covers the pipeline that runs along the Caspian coast.</p>"
    )


def test_a_keystone_sda_message_drops_its_kicker_and_sign_off(registry, import_day):
    CityFactory(name="Geneva", country=country("CH"), population=200_000, aliases=["Genève"])
    sda = (
        "\x7f\x7f\r\n\x7f\x01bsf037 4 su 174 gef 1388\r\n\r\n"
        f"{STX}Caviar GE\r\n\r\n"
        "Caviar GE: \r\n"
        "Le caviar de la Caspienne revient sur les tables genevoises = \r\n\r\n"
        "Genève (ats) Les restaurateurs genevois proposent de nouveau du caviar \r\n"
        "de la Caspienne, a indiqué lundi leur association. \r\n\r\n"
        "(SDA\\/mf ba) \r\n\r\n"
        f"211005 jan 19{ETX}\r\n"
    ).encode()
    (report,) = read(sda, import_day)
    assert report.headline == "Le caviar de la Caspienne revient sur les tables genevoises"
    assert report.agency == "Keystone-SDA" and report.language == "fr"
    assert (report.dateline.city, report.dateline.date) == ("Geneva", datetime.date(2019, 1, 21))
    assert "SDA" not in report.body and "Caviar GE" not in report.body


def test_aap_zczc_copy_reads_its_markers(registry, import_day):
    aap = (
        f"{SOH}ZCZC AAP\r\n%A\r\n#Caspian: Sturgeon_BC6\r\n$Sturgeon quota deal signed in Baku \r\n"
        "\r\n:(BAKU)\r\n&AAPIS\\Smithj\r\n*07000000\r\n@Azerbaijan\r\n"
        "Five Caspian states have agreed to cut the sturgeon catch by a fifth.\r\n\r\n"
        "   The deal was signed in Baku on Tuesday.\r\n\r\n"
        f"AAP RTV\r\nNNNN{ETX}"
    )
    (report,) = read(aap, import_day)
    assert report.format == "zczc"
    assert report.headline == "Sturgeon quota deal signed in Baku"
    assert (report.dateline.city, report.dateline.country) == ("Baku", "AZ")
    assert report.keywords == ["Caspian: Sturgeon"] and report.subjects == ["subj:07000000"]
    assert report.agency == "Australian Associated Press"
    assert report.body == (
        "<p>Five Caspian states have agreed to cut the sturgeon catch by a fifth.</p>\n"
        "<p>The deal was signed in Baku on Tuesday.</p>"
    )
    # AAP's copy carries no date: the import day stands in, and the editor is told.
    assert report.dateline.date == import_day
    assert any("no date" in warning for warning in report.warnings)


def test_a_release_in_a_zczc_frame_opens_with_its_title_and_date(registry, import_day):
    release = (
        "   ZCZC AAP\n%MNETALL MFI MGD\n$J\n:\n:Caspian Fisheries Commission\n*X\n"
        "Media release: Sturgeon catch to fall by a fifth\n\nTue 12 March 2024\n\n"
        "The commission today published the quotas agreed by its members.\n\n"
        "SOURCE: Caspian Fisheries Commission\n\nNNNN\n"
    )
    (report,) = read(release, import_day)
    assert report.headline == "Media release: Sturgeon catch to fall by a fifth"
    assert report.dateline.date == datetime.date(2024, 3, 12)
    assert report.keywords == ["Caspian Fisheries Commission"]


def test_tagged_field_copy_reads_its_fields(registry, import_day):
    tagged = (
        "zczc\nAN#26945219\nKN#News Bites\nPD#12 March 2024 14:00:00\nBY#\n"
        "KY#ACNB Comnews CFC.AX\nTI#Caspian fishery shares fall on quota news\n"
        "AB#Shares in the fishery fell after the quota cut.\nTX#\n"
        "Shares in the fishery fell by a tenth after the five Caspian states cut the sturgeon"
        " catch by a fifth for three years, its largest market said on Tuesday afternoon.\n"
        "The company said it would say more about its outlook at its meeting in May this year.\n"
    )
    (report,) = read(tagged, import_day)
    assert report.headline == "Caspian fishery shares fall on quota news"
    assert report.summary == "Shares in the fishery fell after the quota cut."
    assert report.agency_item_id == "26945219" and report.agency == "News Bites"
    assert report.dateline.date == datetime.date(2024, 3, 12)
    assert report.body.count("<p>") == 2  # a paragraph per long line


def test_a_stream_holds_several_messages(registry, import_day):
    (one,) = read(AP_STORY, import_day)
    stream = AP_STORY + AP_STORY.replace("W2870", "W2871").replace("Sturgeon", "Caviar")
    reports = read(stream, import_day)
    assert [r.headline for r in reports] == [one.headline] * 2
    assert reports[1].agency_item_id == "BC-AS--Caspian-Caviar:2024-03-12"

    framed = (
        "ZCZC AAP\n$First story here\n:(BAKU)\nText one.\nNNNN\n"
        "ZCZC AAP\n$Second story here\n:(BAKU)\nText two.\nNNNN\n"
    )
    assert [r.headline for r in read(framed, import_day)] == [
        "First story here",
        "Second story here",
    ]


def test_a_report_that_merely_opens_like_a_header_is_still_pasted_text(registry, import_day):
    for text in (
        "A1234 is the flight number\nr a bit of text 03-12\nMore text follows here.",
        "eca062 is a code\nBAKU, March 12 (Trend) - Ministers met.",
        "Zczc is not a word\nBAKU, March 12 (Trend) - Ministers met.",
    ):
        assert sniff_format(text.encode()) == "text"
    (report,) = read("BAKU, March 12 (Trend) - Ministers met on Tuesday.", import_day)
    assert report.format == "text"


def test_tables_full_of_control_characters_are_not_taken_for_binary_files(registry, import_day):
    rows = "".join(f"\x14\x12Team {n}\x10  {n}  {n}\x08\n" for n in range(300))
    table = f"{SOH}s0284-----\nr s{DC3}{DC1} BC-SOC--Glance     03-12 \n{STX}^Glance=\n{rows}"
    (report,) = read(table, import_day)
    assert report.headline == "Glance" and "Team 299" in report.body


def test_a_message_without_its_header_is_refused_with_a_reason(registry, import_day):
    with pytest.raises(WireError, match="no header"):
        read("Just a line\nand another", import_day, format="iptc7901")


# --- Real layouts, each cut after the first sentence of its text (tests/ingest/data). ---

WIRE = Path(__file__).resolve().parent / "data" / "wire"


@pytest.fixture
def wire_places(registry):
    for name, code, population, aliases in [
        ("Buenos Aires", "AR", 13_000_000, []),
        ("Honolulu", "US", 350_000, []),
        ("Saitama", "JP", 1_300_000, []),
        ("Munich", "DE", 1_500_000, ["München"]),
        ("Geneva", "CH", 200_000, ["Genève"]),
        ("Melbourne", "AU", 4_900_000, []),
    ]:
        CityFactory(name=name, country=country(code), population=population, aliases=aliases)


@pytest.mark.parametrize(
    ("name", "format", "headline", "city", "date", "agency"),
    [
        ("ap-anpa-story.tst", "anpa", "For Argentine chemo patients, mirrors can hurt",
         "Buenos Aires", datetime.date(2013, 11, 13), "Associated Press"),
        ("ap-anpa-alert.tst", "anpa", "Hawaii files court challenge to Trump administration",
         "Honolulu", datetime.date(2017, 6, 29), "Associated Press"),
        ("kyodo-anpa.txt", "anpa",
         "Soccer: Urawa Reds claim 7th Emperor's Cup by beating Vegalta Sendai",
         "Saitama", datetime.date(2018, 12, 9), "Kyodo News"),
        ("dpa-7901.txt", "iptc7901",
         "German football saddened by illness to striker legend Mueller",
         "Munich", datetime.date(2015, 10, 7), "Deutsche Presse-Agentur"),
        ("sda-7901.txt", "iptc7901",
         "L'affaire des notes de frais a marqué l'exécutif de la Ville",
         "Geneva", datetime.date(2019, 1, 21), "Keystone-SDA"),
        ("aap-zczc.tst", "zczc", "GPS device to come off Vic teen",
         "Melbourne", datetime.date(2024, 3, 20), "Australian Associated Press"),
    ],
)  # fmt: skip
def test_real_agency_layouts(wire_places, import_day, name, format, headline, city, date, agency):
    (report,) = read((WIRE / name).read_bytes(), import_day, filename=name)
    assert report.format == format
    assert report.headline.startswith(headline)
    assert (report.dateline.city, report.dateline.date, report.agency) == (city, date, agency)
    for furniture in ("BC-", "AP-WF", "eca100", "bsf037", "ZCZC", "NNNN", "AAP RTV", "==Kyodo"):
        assert furniture not in report.body and furniture not in report.headline


def ap(fields, body, *, version="", slug="BC-EU--Volga-Ferry", day="03-12", sent="03-12-24 1509"):
    """An AP message in ANPA-1312 with its control characters."""
    header = f"r i{DC3}{DC1} {slug}{' ' + version if version else ''}     {day} 0120"
    return (
        f"{SYN}{SYN}{SOH}W1234{US}asian\n{header}\n{STX}"
        + "\n".join(fields)
        + "\n"
        + "\n".join(f"\t   {line}" for line in body)
        + f"\n\t   {ETX}AP-WF-{sent}GMT<\n{EOT}"
    )


FERRY = [
    "SAMARA, Russia (AP) _ A river ferry ran aground on the Volga on Tuesday.",
    "No one was hurt.",
]


def test_ids_come_from_the_whole_slug_not_the_headers_cut_one(registry, import_day):
    (plant,) = read(ap(["^BC-EU--Russia-Ukraine-War-Nuclear Plant,120<", "^Shelling near plant<"],
                       FERRY, slug="BC-EU--Russia-Ukraine-Wa"), import_day)  # fmt: skip
    (talks,) = read(ap(["^BC-EU--Russia-Ukraine-War-Diplomacy,120<", "^Talks stall<"], FERRY,
                       slug="BC-EU--Russia-Ukraine-Wa"), import_day)  # fmt: skip
    assert plant.agency_item_id == "BC-EU--Russia-Ukraine-War-NuclearPlant:2024-03-12"
    assert talks.agency_item_id == "BC-EU--Russia-Ukraine-War-Diplomacy:2024-03-12"
    import_report(plant)
    import_report(talks)
    assert Article.objects.count() == 2


def test_an_add_never_replaces_its_story_and_an_older_version_never_a_newer(registry, import_day):
    story = import_report(
        read(
            ap(
                ["^BC-EU--Volga-Ferry,120<", "^Ferry runs aground<"],
                FERRY,
                version="2ndLd-Writethru",
                sent="03-12-24 1609",
            ),
            import_day,
        )[0]
    )
    (add,) = read(ap(["^BC-EU--Volga-Ferry, 1st Add,120<"], ["SAMARA: The captain was held."],
                     version="1stAdd"), import_day)  # fmt: skip
    assert add.agency_item_id == ""  # a part of the story, not a version of it
    (older,) = read(ap(["^BC-EU--Volga-Ferry,120<", "^An older headline<"], FERRY,
                       version="1stLd-Writethru", sent="03-12-24 1509"), import_day)  # fmt: skip
    outcome = import_report(older)
    assert outcome.action == HELD and outcome.article.pk == story.article.pk
    story.article.refresh_from_db()
    assert story.article.headline == "Ferry runs aground"


@pytest.mark.parametrize(
    ("fields", "headline", "version"),
    [
        (["^US-Russian crew rescued from Volga ferry<"], "US-Russian crew rescued from Volga ferry", ""),
        (["^Dow ends above 40,000 for the first time<"], "Dow ends above 40,000 for the first time", ""),
        (["^URGENT<", "^Ferry runs aground<"], "Ferry runs aground", "URGENT"),
        (["^Adv17<", "^For Release Sunday, March 17, and Thereafter<", "^Ferry runs aground<"],
         "Ferry runs aground", ""),
        (["^Ferry runs aground<", "^By IVAN PETROV=", "^AP Sports Writers="], "Ferry runs aground", ""),
        (["^Ferry runs aground<", "^By Joan Bryden<", "^United Press International<"],
         "Ferry runs aground", ""),
    ],
)  # fmt: skip
def test_header_fields_of_every_kind(registry, import_day, fields, headline, version):
    (report,) = read(ap(["^BC-EU--Volga-Ferry,120<", *fields], FERRY), import_day)
    assert (report.headline, report.agency_version) == (headline, version)
    assert report.body.startswith("<p>A river ferry ran aground")
    assert report.dateline.raw.startswith("SAMARA, Russia (AP)")


def test_an_editors_note_opening_the_text_goes_to_the_editor(registry, import_day):
    note = "EDITOR'S NOTE _ This story is part of a series on Russia's rivers."
    (report,) = read(ap(["^BC-EU--Volga-Ferry,120<", "^Ferry runs aground<"], [note, *FERRY]),
                     import_day)  # fmt: skip
    assert report.dateline.raw.startswith("SAMARA, Russia (AP)")
    assert any("series on Russia's rivers" in warning for warning in report.warnings)


@pytest.mark.parametrize(
    "header",
    ["r i BC-EU--Volga-Ferry 1stLd-Writethru Correction 03-12 0120",
     "R I BC-EU--Volga-Ferry     03-12 0120"],
)  # fmt: skip
def test_header_variants_are_still_anpa(registry, import_day, header):
    text = (
        "W1234 asian\n"  # the separator shown as a space
        f"{header}\n^BC-EU--Volga-Ferry,120<\n^Ferry runs aground<\n"
        "\t   SAMARA, Russia (AP) _ A river ferry ran aground on the Volga on Tuesday.\n"
    )
    (report,) = read(text, import_day)
    assert (report.format, report.headline) == ("anpa", "Ferry runs aground")


def test_pasted_streams_split_at_each_header(registry, import_day):
    pasted = "".join(c for c in ap(["^BC-EU--Volga-Ferry,120<", "^Ferry runs aground<"], FERRY)
                     if c >= " " or c in "\t\n")  # fmt: skip
    reports = read(pasted + pasted.replace("W1234", "W1235").replace("Volga", "Kama"), import_day)
    assert [r.headline for r in reports] == ["Ferry runs aground"] * 2
    assert "Kama" in reports[1].body and "W1235" not in reports[0].body

    dpa = "eca0123 4 i 100  dpa 0001\n\nVolga/\nFerry on the {} =\n\n   Moscow (dpa) - Text.\n\n131137 GMT Mar 24\n"
    assert [r.headline for r in read(dpa.format("Volga") + dpa.format("Kama"), import_day)] == [
        "Ferry on the Volga",
        "Ferry on the Kama",
    ]
    framed = "ZCZC\n" + dpa.format("Volga") + "NNNN\nZCZC\n" + dpa.format("Kama") + "NNNN\n"
    assert len(read(framed, import_day)) == 2


def test_a_frame_alone_in_a_stream_is_left_out_with_a_warning(registry, import_day):
    story = "ZCZC AAP\n$Ferry runs aground\n:(BAKU)\nA ferry ran aground.\nNNNN\n"
    reports = read(story + "ZCZC AAP\nNNNN\n" + story, import_day)
    assert len(reports) == 2 and "left out" in reports[0].warnings[-1]


def test_a_headline_opening_like_a_header_stays_text_and_text_is_kept_when_chosen(
    registry, import_day
):
    for text in (
        "G20 2 of 3 members back the climate deal\n\nBAKU, March 12 (Trend) - Two of three met.",
        "Euro2024 6 of 24 teams qualify\n\nBAKU, March 12 (Trend) - Six teams qualified.",
        "B1234\nr a note 03-12\nThe rest is an ordinary note.",
    ):
        assert sniff_format(text.encode()) == "text"
    pasted = "".join(c for c in AP_STORY if c >= " " or c in "\t\n")
    (report,) = read(pasted, import_day, format="text")  # the editor's choice is kept
    assert report.format == "text"
    with pytest.raises(WireError, match="wire copy"):  # … and said to be wrong when it is
        read(AP_STORY.replace("W2870", "2870"), import_day, format="text")


def test_iptc_7901_variants(registry, import_day):
    head = f"{SOH}eca0123 4 i 100  dpa 0001\r\n\r\n{STX}"
    no_keywords = (
        head
        + "Ferry runs aground =\r\nBy Anna Weber, dpa =\r\n\r\n   Baku (dpa) - A ferry ran aground.\r\n"
    )
    (report,) = read(no_keywords, import_day)
    assert (report.headline, report.keywords) == ("Ferry runs aground", [])
    german = (
        head + "Aserbaidschan/Schiffe/\r\n1. Zusammenfassung\r\nFähre läuft auf Grund =\r\n"
        "Von Anna Weber, dpa =\r\n\r\n   Baku (dpa) - Eine Fähre ist auf Grund gelaufen.\r\n\r\n"
        "Die folgenden Informationen sind nicht zur Veröffentlichung bestimmt\r\n- Notiz\r\n\r\n"
        f"dpa xy yy n1 ab\r\n121509 MEZ Mär 24{ETX}"
    ).encode("latin-1")
    (report,) = read(german, import_day)
    assert report.agency_version == "1. Zusammenfassung"
    assert report.byline == "Anna Weber, dpa"
    assert report.body == "<p>Eine Fähre ist auf Grund gelaufen.</p>"
    assert report.version_created == datetime.datetime(2024, 3, 12, 14, 9, tzinfo=datetime.UTC)


def test_line_ends_of_every_kind_give_the_same_paragraphs(registry, import_day):
    (crlf,) = read(DPA_STORY, import_day)
    for ending in ("\r", "\r\r\n"):
        (other,) = read(DPA_STORY.replace("\r\n", ending), import_day)
        assert other.body == crlf.body
    (bom,) = read(b"\xef\xbb\xbf" + DPA_STORY.encode(), import_day)
    assert bom.format == "iptc7901" and bom.headline == crlf.headline


def test_dates_across_the_new_year_and_in_tokyo_time(registry, import_day):
    (late,) = read(ap(["^BC-EU--Volga-Ferry,120<", "^Ferry<"], FERRY, day="12-31",
                      sent="01-01-25 0130"), import_day)  # fmt: skip
    assert late.dateline.date == datetime.date(2024, 12, 31)  # AP's day, not next year's
    (old,) = read(ap(["^BC-EU--Volga-Ferry,120<", "^Ferry<"], FERRY, day="06-01",
                     sent="06-01-99 1200"), import_day)  # fmt: skip
    assert old.dateline.date == datetime.date(1999, 6, 1)
    kyodo = (
        f"{SOH}a0105KYODO{US}koko-\nu s{DC3}{DC1} BC-Ferry   09-12 0344\n{STX}BC-Ferry\n"
        "Ferry runs aground+\n     BAKU, Dec. 9 Kyodo - A ferry ran aground.\n==Kyodo\n"
        f"KWS-21:37-09-12-18{ETX}\n"
    )
    (report,) = read(kyodo, import_day)
    assert report.version_created == datetime.datetime(2018, 12, 9, 12, 37, tzinfo=datetime.UTC)
    undated = ap(["^BC-EU--Volga-Ferry,120<", "^Ferry<"], FERRY).replace(
        "AP-WF-03-12-24 1509GMT<", ""
    )
    (report,) = read(undated, import_day)
    assert report.dateline.date == datetime.date(2024, 3, 12)
    assert any("no year" in warning for warning in report.warnings)


def test_aap_markers_and_sign_offs_of_every_kind(registry, import_day):
    text = (
        "ZCZC AAP\n$Ferry runs aground\n:(BAKU)\n$5m compensation was paid.\nRead more here\nNNNN\n"
    )
    (report,) = read(text, import_day)
    assert report.body == "<p>$5m compensation was paid. Read more here</p>"  # not a sign-off
    assert report.agency == "Australian Associated Press"  # the frame's sender
    release = (
        "   ZCZC AAP\n%MNETALL\n$J\n:\n:Caspian Fisheries Commission\n*X\n"
        "Media release: Sturgeon catch to fall\n\nTue 12 March 2024\n\nThe quotas were set.\n"
    )
    (report,) = read(release, import_day)
    assert report.body == "<p>The quotas were set.</p>"  # the date line is read, not printed


def test_an_abstract_is_the_summary_in_aps_typography_as_printed(registry, import_day):
    abstract = "^Ferry runs aground on the Volga _ the third this year _ and its passengers wait for ``help.''<"
    (report,) = read(ap(["^BC-EU--Volga-Ferry,120<", "^Ferry runs aground<", abstract], FERRY),
                     import_day)  # fmt: skip
    assert report.summary == (
        "Ferry runs aground on the Volga — the third this year — and its passengers wait for “help.”"
    )


def test_a_stream_may_hold_at_most_a_thousand_messages(registry, import_day):
    with pytest.raises(WireError, match="at most 1,000"):
        read("ZCZC AAP\n$A headline here\nText.\nNNNN\n" * 1001, import_day)
