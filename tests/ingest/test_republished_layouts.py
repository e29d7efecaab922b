"""The world agencies' copy as papers and portals republish it: their menus, widgets and
credits around AP, Reuters, AFP, Xinhua and PTI reports.

The texts are written for these tests; their layouts follow real pages read in a fourth
spot check of 30 pages (see docs/benchmarks.md).
"""

import datetime

import pytest

from tests.factories import CityFactory, country
from tests.ingest.test_real_layouts import parse
from tests.worlds import registry_world

pytestmark = [pytest.mark.django_db, pytest.mark.parser]


@pytest.fixture
@registry_world
def places(registry):
    CityFactory(name="Mumbai", country=country("IN"), population=12_000_000)
    CityFactory(name="New Delhi", country=country("IN"), population=300_000)


def test_two_cities_with_a_slash_then_the_date(places):
    report = parse(
        "India may raise the debt limit\n\n"
        "MUMBAI/NEW DELHI, June 9 (Reuters) - India is likely to raise the limit soon.\n"
    )
    assert (report.dateline.city, report.dateline.date) == ("Mumbai", datetime.date(2023, 6, 9))
    assert report.agency == "Reuters"


@pytest.mark.parametrize(
    "line",
    [
        "MoreHomeLifestyleAll StoriesPressAbout UsAdvertiseContact",
        "Skip to Content Facebook Feature Image",
        "share with facebook",
        ": :inin Kyiv (EET)",
        "Showing posts with label minister. Show all posts",
        "Don’t miss the latest developments in business and finance.",
        "Estimated read time: Less than a minute",
        "Dernière mise à jour à 08h48 le 01/12",
        "Mis à jour le 01/12/2017 à 08h48",
        "5 min read",
        "(Updates prices, adds analyst's comment)",
        "paragraphs 6-10)",
        "(Adds background, details, updates price of the rupee through close,\nparagraphs 6-10)",
    ],
)
def test_menus_widgets_and_share_buttons_are_not_the_headline(places, line):
    report = parse(
        f"{line}\nIndia may raise the debt limit\n\n"
        "MUMBAI, June 9 (Reuters) - India is likely to raise the limit soon.\n"
    )
    assert report.headline == "India may raise the debt limit"


def test_a_headline_closed_by_the_agency_and_a_stamp_names_the_agency(places):
    report = parse(
        "Minister answers questions online (AP) Updated: 2006-07-07 06:52\n"
        "The minister answered questions from readers on Thursday, his office said.\n"
        "The minister, pictured in Moscow on July 6, 2006. [Reuters]\n"
        + "He spoke about the budget and about schools, and said more would follow.\n"
        * 5
    )
    assert report.headline == "Minister answers questions online"
    assert report.agency == "Associated Press"


@pytest.mark.parametrize(
    ("credit", "agency"),
    [("Par AFP", "Agence France-Presse"),
     ("Xinhua, November 2, 2015 Adjust font size:", "Xinhua News Agency")],
)  # fmt: skip
def test_credits_papers_print_name_the_agency(places, credit, agency):
    report = parse(
        f"The president meets veteran diplomats\n{credit}\n"
        "The president met former diplomats on Monday for the fifth round of the dialogue.\n"
        + "The dialogue gathers retired officials from both countries every year.\n"
        * 5
    )
    assert report.agency == agency
    assert report.headline == "The president meets veteran diplomats"


def test_a_papers_note_under_wire_copy_is_left_out_of_the_text(places):
    report = parse(
        "India and Japan agree to deepen defence ties\n"
        "New Delhi: India and Japan agreed on Tuesday to deepen defence cooperation.\n"
        "The two sides will hold joint exercises next year.\n"
        "(With inputs from PTI)\n"
        "This story has been published from a wire agency feed without modifications to the"
        " text. Only the headline has been changed.\n"
    )
    assert report.body.rstrip().endswith("(With inputs from PTI)")
    assert report.agency == "Press Trust of India"


def test_a_captions_credit_in_brackets_does_not_file_the_report(places):
    report = parse(
        "Ministers agree to reopen the crossing\n"
        "A view of the border crossing near the town. (Reuters)\n"
        "Ministers agreed on Tuesday to reopen the border crossing before spring.\n"
        + "Trade is expected to resume within weeks, officials said on the day.\n"
        * 5
    )
    assert report.agency != "Reuters"


def test_reuters_old_wire_form_with_no_marks_between_place_date_and_story(places):
    report = parse(
        "India's cabinet meets on retail plan\n\n"
        "NEW DELHI Nov 24 A cabinet meeting on\n"
        "Thursday could approve or delay a plan to open up retail, a senior official said.\n"
        "The plan has been debated for years, officials said on Wednesday.\n"
    )
    assert (report.dateline.city, report.dateline.date) == (
        "New Delhi",
        datetime.date(2023, 11, 24),
    )
    assert report.body.startswith("A cabinet meeting on\nThursday")


@pytest.mark.parametrize(
    "line",
    ["NEW DELHI MAY 24 TRADE TALKS STALL", "NEW DELHI, the capital, said on Monday",
     "NEW DELHI March 5 Marathon Results", "NEW DELHI, March 5 Election Results In Full",
     "NORTHWIND Nov 24 A cabinet meeting on the budget",  # no place the gazetteer knows
     "New Delhi, March 26 The city hosts the summit"],  # not a place printed in capitals
)  # fmt: skip
def test_capitals_and_a_date_heading_a_headline_are_no_dateline(places, line):
    report = parse(f"{line}\n\nThe talks stalled on Monday, officials said in the capital.\n")
    assert report.dateline.date is None


def test_reuters_closing_credits_name_reuters(places):
    report = parse(
        "India's cabinet meets on retail plan\n\n"
        "NEW DELHI Nov 24 A cabinet meeting on Thursday could approve a plan, an official said.\n"
        "The plan has been debated for years.\n"
        "(Reporting by Anil Rao and Mira Shah; editing by\nJohn Doe)\n"
    )
    assert report.agency == "Reuters"


def test_reporting_credits_inside_the_text_name_no_agency(places):
    report = parse(
        "Company plans to grow\n\n"
        "The company said (reporting by staff; editing by the desk) it would grow next year.\n"
        "It gave no figures for the year.\n"
    )
    assert report.agency == ""


@pytest.mark.parametrize(
    "headline",
    ["Don't Miss Out on Tax Relief, IRS Warns", "Reading time: a history of the clock",
     "Mis à jour le fichier électoral"],
)  # fmt: skip
def test_headlines_that_start_like_furniture_stay_headlines(places, headline):
    report = parse(f"{headline}\n\nMUMBAI, June 9 (Reuters) - India is likely to act soon.\n")
    assert report.headline == headline


def test_a_headline_after_the_bars_of_a_credit_line_is_not_the_datelines(places):
    CityFactory(name="London", country=country("GB"), population=8_900_000)
    report = parse(
        "Reuters | London | UK economy shrinks in March\n"
        "Britain's economy shrank in March, official figures showed on Friday.\n"
    )
    assert (report.dateline.raw, report.dateline.city) == ("Reuters | London", "London")


def test_reporting_by_alone_names_no_agency(places):
    report = parse(
        "Town council approves the budget\n\n"
        "The council approved next year's budget on Monday after a long debate.\n"
        "(Reporting by our staff)\n"
    )
    assert report.agency == ""


@pytest.mark.parametrize(
    ("line", "city", "agency", "date"),
    [
        ("ANI | New Delhi | Updated: 30-05-2020 21:28 IST | Created: 30-05-2020 21:28 IST",
         "New Delhi", "Asian News International (ANI)", datetime.date(2020, 5, 30)),
        ("Kyiv • UNN", "Kyiv", "Ukrainian National News (UNN)", None),
    ],
)  # fmt: skip
def test_a_credit_line_with_bars_or_bullets_is_the_dateline(places, line, city, agency, date):
    CityFactory(name="Kyiv", country=country("UA"), population=2_900_000)
    report = parse(
        "Minister praises the government's first year\n"
        "The minister praised the government on Saturday, on its first anniversary.\n\n"
        f"{line}\n"
        "The minister praised the government on Saturday, on its first anniversary.\n"
        "He said the past year had been a busy one.\n"
    )
    assert (report.dateline.city, report.agency) == (city, agency)
    if date:
        assert report.dateline.date == date


@pytest.mark.parametrize(
    "line", ["ANI | Politics | Updated: 30-05-2020 21:28 IST", "Sport • UNN", "UNN • 5 min read"]
)
def test_an_agency_beside_a_section_between_bars_gives_no_city(places, line):
    report = parse(
        f"{line}\nMinister praises the government\n\n"
        "The minister praised the government on Saturday, on its first anniversary in office.\n"
    )
    assert report.dateline.city == ""
    assert report.headline == "Minister praises the government"


def test_a_weekday_between_bars_is_no_town_of_its_name(places):
    CityFactory(name="Çarşamba", country=country("TR"), population=55_000)  # also Wednesday
    report = parse(
        "AA | Çarşamba | 14:20\nMinister praises the government\n\n"
        "The minister praised the government on Saturday, on its first anniversary in office.\n"
    )
    assert report.dateline.city == ""


def test_a_sites_bar_of_sections_is_no_dateline(places):
    report = parse(
        "Home | India | Politics\nMinister praises the government\n\n"
        "The minister praised the government on Saturday, on its first anniversary.\n"
    )
    assert report.dateline.city == ""


def test_reuters_untagged_dateline_with_a_comma_and_no_agency(places):
    CityFactory(
        name="São Paulo", country=country("BR"), population=10_000_000, aliases=["Sao Paulo"]
    )
    report = parse(
        "Brazil's central bank sets no target for the real\n\n"
        "SAO PAULO, March 26 The Brazilian central bank\n"
        "has no target level for the real, a director said on Wednesday.\n"
    )
    assert (report.dateline.city, report.dateline.date) == ("São Paulo", datetime.date(2023, 3, 26))
    assert report.body.startswith("The Brazilian central bank")


def test_a_date_and_the_agency_with_no_place(places):
    report = parse(
        "Swiss stocks rise on signs of a budget deal\n\n"
        "Oct. 10 (Bloomberg) -- Swiss stocks rose for a second day as lawmakers met.\n"
    )
    assert (report.dateline.date, report.agency) == (datetime.date(2023, 10, 10), "Bloomberg News")
    assert report.headline == "Swiss stocks rise on signs of a budget deal"


def test_an_indonesian_date_line_is_no_headline_and_gives_the_year(places):
    CityFactory(name="Jakarta", country=country("ID"), population=8_500_000)
    report = parse(
        "Kamis, 24 Februari 2011\nPress bodies object to a media boycott\n By A. Writer\n"
        "Jakarta, Feb 24 (ANTARA) - Two press bodies objected on Thursday to the boycott.\n"
    )
    assert report.headline == "Press bodies object to a media boycott"
    assert report.dateline.date == datetime.date(2011, 2, 24)


def test_an_agency_and_a_french_stamp_on_a_bar_line_name_the_agency(places):
    report = parse(
        "Le président reçoit son homologue\nXinhua | 01.12.2017 08h35\n"
        "Le président a reçu jeudi son homologue pour des entretiens sur le commerce.\n"
    )
    assert report.agency == "Xinhua News Agency"


def test_a_partners_code_joined_to_the_agencys_by_a_hyphen(places):
    """A partner the registry lacks, then the agency: `(RHV-PL)` is Prensa Latina's."""
    CityFactory(name="Beijing", country=country("CN"), population=18_000_000)
    report = parse(
        "Le président reçoit son homologue\n\n"
        "Beijing, 12 novembre (RHV-PL) Le président a reçu jeudi son homologue.\n"
    )
    assert report.agency == "Prensa Latina"


def test_a_short_headline_with_its_source_after_a_bar_stays_the_headline(places):
    report = parse(
        "Putin meets Xi | TASS\n\n"
        "The two leaders met in Beijing on Tuesday to talk about trade and energy supplies.\n"
    )
    assert report.headline.startswith("Putin meets Xi")


def test_an_archives_labelled_fields_give_headline_byline_and_agency(places):
    # Johnson's Russia List kept republished wire copy as one line of labelled fields.
    report = parse(
        "SOURCE: The Mumbai Courier DATE: Issue #12, Tuesday, August 15, 2006 "
        "*********************************** TITLE: Monsoon Rains Flood Mumbai Suburbs "
        "AUTHOR: By Jane Roe PUBLISHER: The Associated Press TEXT: MUMBAI, India — Heavy "
        "rain flooded the city's northern suburbs on Monday, the authorities said.\n\n"
        "Trains were halted for most of the day.\n"
    )
    assert report.headline == "Monsoon Rains Flood Mumbai Suburbs"
    assert (report.byline, report.agency) == ("Jane Roe", "Associated Press")
    assert report.dateline.city == "Mumbai"
    assert report.body.startswith("Heavy rain flooded")


def test_a_feeds_first_posted_footer_names_the_agency_and_leaves_the_text(places):
    report = parse(
        "Rains flood suburbs\n\n"
        "Heavy rain flooded the northern suburbs on Monday, the authorities said.\n\n"
        "Trains were halted for most of the day.\n\n"
        "The post Rains flood suburbs appeared first on The Astana Times.\n"
    )
    assert report.agency == "The Astana Times"
    assert report.body.rstrip().endswith("for most of the day.")


def test_a_sites_address_closing_the_last_paragraph_names_the_agency(places):
    report = parse(
        "Budget for the dam\n\n"
        "The government plans to spend five billion on the dam next year, the finance "
        "minister said. He explained how the money is split. asiaplustj.info »\n\n"
        "2023-11-22 14:59\n"
    )
    assert report.agency == "Asia-Plus"


@pytest.mark.parametrize(
    "furniture",
    [
        "This news has been read 280 times in total",
        "Last Update on 10/07/2018\n\nThis news has been read 109 times",
        "[More at http://www.example.com/news.php?id=231052]",
        "COPYRIGHT 2008 Example News International, Inc.\n\n"
        "No portion of this article can be reproduced without permission.",
        "© RIPRODUZIONE RISERVATA",
        "Read Comments",
        "Exit mobile version",
        "Courtesy: arabnews",
        "ALL RIGHTS RESERVED © Copyright ANSA",
        "Source: Bangladesh Sangbad Sangstha May 10, 2024 13:10 UTC",
        "Albania News Agency",  # an agency's name alone, signing off
    ],
)
def test_a_pages_counters_copyright_and_links_under_the_text_leave_it(places, furniture):
    report = parse(
        "Rains flood suburbs\n\n"
        "MUMBAI, June 9 (PTI) - Heavy rain flooded the northern suburbs on Monday.\n\n"
        "Trains were halted for most of the day.\n\n"
        f"{furniture}\n"
    )
    assert report.body.rstrip().endswith("for most of the day.")


def test_links_to_other_stories_between_paragraphs_leave_the_text(places):
    report = parse(
        "Rains flood suburbs\n\n"
        "MUMBAI, June 9 (PTI) - Heavy rain flooded the northern suburbs on Monday.\n\n"
        "Also Read | Ministry Disbands Five Engineering Regiments.\n\n"
        "Trains were halted for most of the day.\n"
    )
    assert "Also Read" not in report.body and "Disbands" not in report.body
    assert "Trains were halted" in report.body


@pytest.mark.parametrize("state", ["HP", "J&K"])
def test_a_states_code_after_the_city_is_no_agency(places, state):
    report = parse(
        "Minister visits the district\n\n"
        f"Mumbai ({state}), Jun 6 (PTI) Union Minister Jane Roe said the party would win.\n",
        import_date=datetime.date(2022, 6, 7),
    )
    assert (report.dateline.city, report.dateline.date) == ("Mumbai", datetime.date(2022, 6, 6))
    assert report.agency == "Press Trust of India" and state not in report.credits
    assert report.body.startswith("Union Minister")


def test_aps_old_underscore_separator_opens_no_text(places):
    report = parse(
        "Still no accord\n\nMUMBAI (AP) _ The ruling party and the opposition bickered on "
        "Tuesday over the budget.\n"
    )
    assert report.body.startswith("The ruling party")


def test_the_agency_after_a_headline_leaves_it(places):
    report = parse(
        "Corruption Index A Wake-up Call, Says Agency Chief - Bernama\n\n"
        "MUMBAI, Nov 19 (Bernama) -- The agency's chief said the fall was a wake-up call.\n"
    )
    assert report.headline == "Corruption Index A Wake-up Call, Says Agency Chief"


def test_the_agency_on_a_line_of_its_own_under_the_dateline(places):
    report = parse(
        "MUMBAI, India, Nov. 25\n\nTrend:\n\nThe delegation met the minister on Monday and "
        "discussed trade between the two countries.\n",
        import_date=datetime.date(2019, 11, 26),
    )
    assert (report.agency, report.dateline.city) == ("Trend News Agency", "Mumbai")
    assert report.body.startswith("The delegation") and "Trend:" not in report.headline


def test_an_agency_in_a_byline_with_a_stamp_is_the_agency_not_a_writer(places):
    report = parse(
        "Police: the unit was nearby\nVon dpa | 10.03.2023, 12:54 Uhr\n\n"
        "Die Polizei spricht von einem glücklichen Zufall, dass die neue Einheit am Abend "
        "gerade in der Nähe war, als die Schüsse fielen.\n"
    )
    assert (report.agency, report.byline) == ("Deutsche Presse-Agentur", "")


@pytest.mark.parametrize(
    ("line", "byline"),
    [
        ("Özgür ALTUNCU - Güven USTA/MUMBAI (DHA)", "Özgür Altuncu, Güven Usta"),
        ("Ayşe KAYA/MUMBAI, (DHA)", "Ayşe Kaya"),
    ],
)
def test_turkish_writers_before_the_place_are_the_byline(places, line, byline):
    report = parse(
        f"Erdoğan muhabiri şaşırttı\n\n{line}\nÖğle saatlerinde konutundan köşke geçen "
        "Erdoğan, Cuma namazı için camiyi tercih etti.\n"
    )
    assert (report.byline, report.dateline.city) == (byline, "Mumbai")


@pytest.mark.parametrize(
    ("line", "byline"),
    [("Andi Abdussalam", "Andi Abdussalam"), ("World News", ""), ("Fosters Daily Democrat", "")],
)
def test_a_writers_name_alone_over_the_dateline_is_the_byline(places, line, byline):
    report = parse(
        "Remarks on loudspeakers draw criticism\n\n"
        f"{line}\n\n"
        "Mumbai, April 30 (ANTARA) - Many have objected to the call for rules on the use of "
        "loudspeakers.\n"
    )
    assert report.byline == byline


@pytest.mark.parametrize(
    "headline",
    [
        "Where the floods hit Pakistan - map",
        "Bank of England set to hold interest rates - report",
        "Hackers target Windows users in new campaign - Trend Micro",
        "Ten questions for the new coach - Ana Ruiz",
    ],
)
def test_a_headlines_last_words_that_only_look_like_an_agency_stay(places, headline):
    report = parse(f"{headline}\n\nMUMBAI, June 6 (Reuters) - The story begins here today.\n")
    assert report.headline == headline


def test_the_agency_after_a_headline_is_the_reports_when_nothing_else_names_one(places):
    report = parse(
        "Markets rally after the central bank decision - Bloomberg\n\n"
        "Shares rose on Wednesday after the central bank held its rates, traders said.\n"
    )
    assert report.agency == "Bloomberg News"


@pytest.mark.parametrize(
    ("line", "byline", "agency"),
    [
        ("By Ana Ruiz", "Ana Ruiz", "Reuters"),
        ("By Sana Khan", "Sana Khan", "Reuters"),
        ("By Trend | Jane Doe", "Jane Doe", "Reuters"),
    ],
)
def test_a_byline_is_an_agency_only_when_it_names_one_exactly(places, line, byline, agency):
    report = parse(
        f"Talks resume\n{line}\n\nMUMBAI, June 6 (Reuters) - Talks resumed on Wednesday, "
        "the ministry said.\n"
    )
    assert (report.byline, report.agency) == (byline, agency)


@pytest.mark.parametrize(
    "last",
    [
        "Related: the band is also suing its former manager in New York.",
        "Copyright 2008 was the year the band lost control of its catalogue, the judge added.",
        "Last updated at midnight, the register showed the band as the owner, lawyers said.",
        "No portion of this estate will go to the band, the judge ruled.",
        "Photo source: a court filing showed the original contract, lawyers said.",
    ],
)
def test_a_last_paragraph_of_prose_that_starts_like_furniture_stays(places, last):
    report = parse(
        f"Band sues\n\nMUMBAI, June 9 (PTI) - The band sued its label on Monday.\n\n{last}\n"
    )
    assert report.body.rstrip().endswith(last)


def test_an_emphasis_underscore_opening_the_text_stays(places):
    report = parse("Buyers\n\nMUMBAI, June 6 (AP) -- _Private_ investors bought the stake.\n")
    assert report.body.startswith("_Private_ investors")


@pytest.mark.parametrize("line", ["Jane DOE/AFP (Getty Images)", "Real Madrid CF/SPAIN (EFE)"])
def test_a_slashed_credit_is_no_turkish_writers_line(places, line):
    report = parse(
        f"Match report\n\n{line}\n\nMUMBAI, June 9 (AFP) - The club won on Sunday, its coach "
        "said.\n"
    )
    assert report.byline == ""


def test_turkish_surnames_in_capitals_keep_their_dotless_i(places):
    report = parse(
        "Haber\n\nMehmet YILDIRIM - Ayşe IŞIK/MUMBAI (DHA)\nÖğle saatlerinde konutundan köşke "
        "geçen Erdoğan, Cuma namazı için camiyi tercih etti.\n"
    )
    assert report.byline == "Mehmet Yıldırım, Ayşe Işık"


def test_an_unregistered_agencys_bracket_and_a_date_is_no_states_code(places):
    report = parse("Talks\n\nMUMBAI (RSS), June 6 - Ministers met on Monday, officials said.\n")
    assert report.agency == "RSS"


@pytest.mark.parametrize("dateline", ["MUMBAI (RSS), June 6 -", "MUMBAI (EFE), 6 jun -"])
def test_a_date_after_the_agencys_bracket_belongs_to_the_dateline(places, dateline):
    report = parse(
        f"Talks\n\n{dateline} Ministers met on Monday, officials said.\n",
        import_date=datetime.date(2022, 6, 7),
    )
    assert report.dateline.date == datetime.date(2022, 6, 6)
    assert report.body.startswith("Ministers met")


def test_a_pages_list_of_other_stories_under_the_text_leaves_it(places):
    report = parse(
        "Nothing without the president\n\n"
        "MUMBAI, June 9 (PTI) - Nothing moves without the president, the leader said.\n\n"
        "He repeated it at a meeting on Friday.\n\n"
        "Other materials of «Topics of the day»\n\n"
        "Leaders agree a road map with Oman\n\n13:02, 16 December\n"
    )
    assert report.body.rstrip().endswith("at a meeting on Friday.")


def test_a_writer_and_a_date_on_one_line_give_the_byline(places):
    report = parse(
        "Leaders meet at the palace\n\nMarina Barsoum, Saturday 6 Oct 2018\n\n"
        "MUMBAI, Oct 6 (PTI) - The two leaders met at the palace on Saturday.\n"
    )
    assert report.byline == "Marina Barsoum"
