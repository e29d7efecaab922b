"""Demo content: the world of the Astrakhan report in DESIGN.md §1, plus reports around it.

Pure data, no Django. `demo.loading.load_demo()` writes it to the database.

What is real and what is invented:

* real: the Caspian Media Forum 2023 (Astrakhan, 18–19 September 2023) and the Shusha
  Global Media Forum 2023 (Shusha, 21–23 July 2023), the Media Development Agency of the
  Republic of Azerbaijan and its executive director Ahmed Ismayilov, Heydar Aliyev, the
  historical newspapers, the news agencies, the Government of Astrakhan Oblast and the
  Kazakh Ministry of Transport;
* invented for the demo: the Caspian Transport Ministers' Meeting series, the Silk Road
  Agrifood Expo, the Eurasian Newsroom Technology Summit, the Caspian Transport
  Coordination Council, the Eurasian News Agencies Network, the Tashkent International
  Fair Company, the Caspian Herald, the Volga-Caspian Review, the Steppe Business Weekly
  and every person other than Ahmed Ismayilov and Heydar Aliyev.

All report texts were written for this demo. Cities carry their GeoNames ids, so that a
later `load_gazetteer` updates the city created here instead of adding a second one.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

UTC = datetime.UTC


@dataclass(frozen=True)
class CitySpec:
    key: str
    name: str
    country: str
    geonames_id: int
    population: int
    latitude: Decimal
    longitude: Decimal
    timezone: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class OrganizationSpec:
    slug: str
    name: str
    kind: str
    country: str | None = None
    short_name: str = ""
    aliases: tuple[str, ...] = ()
    description: str = ""
    website: str = ""
    founded_year: int | None = None
    closed_year: int | None = None


@dataclass(frozen=True)
class PersonSpec:
    slug: str
    name: str
    country: str | None = None
    aliases: tuple[str, ...] = ()
    description: str = ""
    born_year: int | None = None
    died_year: int | None = None


@dataclass(frozen=True)
class AffiliationSpec:
    person: str
    organization: str
    title: str
    since: datetime.date | None = None


@dataclass(frozen=True)
class SeriesSpec:
    slug: str
    name: str
    description: str = ""
    aliases: tuple[str, ...] = ()
    organizers: tuple[str, ...] = ()


@dataclass(frozen=True)
class ParticipationSpec:
    role: str
    country: str | None = None
    organization: str | None = None
    note: str = ""


@dataclass(frozen=True)
class EventSpec:
    slug: str
    name: str
    start_date: datetime.date
    end_date: datetime.date
    city: str
    status: str
    series: str | None = None
    edition: int | None = None
    venue: str = ""
    theme: str = ""
    description: str = ""
    aliases: tuple[str, ...] = ()
    organizers: tuple[str, ...] = ()
    participations: tuple[ParticipationSpec, ...] = ()


@dataclass(frozen=True)
class ArticleSpec:
    agency: str
    agency_item_id: str
    slug: str
    headline: str
    summary: str
    paragraphs: tuple[str, ...]
    dateline_raw: str
    dateline_city: str
    dateline_date: datetime.date
    status: str = "published"
    published_at: datetime.datetime | None = None
    embargo_until: datetime.datetime | None = None
    byline: str = ""
    language: str = "en"
    events: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    organizations: tuple[str, ...] = ()
    people: tuple[str, ...] = ()


def _host(country: str, note: str = "") -> ParticipationSpec:
    return ParticipationSpec("host", country=country, note=note)


def _delegations(*countries: str) -> tuple[ParticipationSpec, ...]:
    return tuple(ParticipationSpec("delegation", country=code) for code in countries)


def _observers(*countries: str) -> tuple[ParticipationSpec, ...]:
    return tuple(ParticipationSpec("observer", country=code) for code in countries)


def _org(role: str, slug: str, note: str = "") -> ParticipationSpec:
    return ParticipationSpec(role, organization=slug, note=note)


# --- Places -----------------------------------------------------------------------------

CITIES: tuple[CitySpec, ...] = (
    CitySpec("baku", "Baku", "AZ", 587084, 2351300, Decimal("40.37767"), Decimal("49.89201"),
             "Asia/Baku", ("Baki", "Bakı", "Баку")),
    CitySpec("astrakhan", "Astrakhan", "RU", 580497, 533925, Decimal("46.34968"),
             Decimal("48.04076"), "Europe/Astrakhan", ("Astrakhan'", "Астрахань")),
    CitySpec("shusha", "Shusha", "AZ", 147105, 19400, Decimal("39.76006"), Decimal("46.74989"),
             "Asia/Baku", ("Şuşa", "Shushi", "Шуша")),
    CitySpec("moscow", "Moscow", "RU", 524901, 10381222, Decimal("55.75204"),
             Decimal("37.61781"), "Europe/Moscow", ("Moskva", "Москва")),
    CitySpec("astana", "Astana", "KZ", 1526273, 1544142, Decimal("51.18010"),
             Decimal("71.44598"), "Asia/Almaty", ("Nur-Sultan", "Akmola", "Астана")),
    CitySpec("almaty", "Almaty", "KZ", 1526384, 1977011, Decimal("43.25249"),
             Decimal("76.91150"), "Asia/Almaty", ("Alma-Ata", "Алматы")),
    CitySpec("aktau", "Aktau", "KZ", 610612, 147443, Decimal("43.66105"), Decimal("51.17392"),
             "Asia/Aqtau", ("Aqtau", "Актау")),
    CitySpec("beijing", "Beijing", "CN", 1816670, 18960744, Decimal("39.90750"),
             Decimal("116.39723"), "Asia/Shanghai", ("Peking",)),
    CitySpec("tashkent", "Tashkent", "UZ", 1512569, 1978028, Decimal("41.26465"),
             Decimal("69.21627"), "Asia/Tashkent", ("Toshkent", "Ташкент")),
    CitySpec("ashgabat", "Ashgabat", "TM", 162183, 1030063, Decimal("37.95000"),
             Decimal("58.38333"), "Asia/Ashgabat", ("Aşgabat", "Ashkhabad", "Ашхабад")),
    CitySpec("turkmenbashi", "Türkmenbaşy", "TM", 601594, 91745, Decimal("40.02216"),
             Decimal("52.95517"), "Asia/Ashgabat", ("Turkmenbashi", "Turkmenbashy",
                                                    "Krasnovodsk", "Туркменбаши")),
    CitySpec("london", "London", "GB", 2643743, 8961989, Decimal("51.50853"),
             Decimal("-0.12574"), "Europe/London"),
)  # fmt: skip


# --- Organizations ----------------------------------------------------------------------

AGENCIES: tuple[OrganizationSpec, ...] = (
    OrganizationSpec(
        "trend", "Trend News Agency", "news_agency", "AZ", short_name="Trend",
        aliases=("Trend", "Trend.az"), website="https://en.trend.az",
        description="Azerbaijani news agency based in Baku.",
    ),
    OrganizationSpec(
        "tass", "TASS Russian News Agency", "news_agency", "RU", short_name="TASS",
        aliases=("TASS", "ITAR-TASS", "ТАСС"), website="https://tass.com",
        description="Russian state news agency based in Moscow.",
    ),
    OrganizationSpec(
        "kazinform", "Kazinform International News Agency", "news_agency", "KZ",
        short_name="Kazinform", aliases=("Kazinform", "Казинформ"),
        website="https://www.inform.kz",
        description="Kazakh national news agency based in Astana.",
    ),
    OrganizationSpec(
        "xinhua", "Xinhua News Agency", "news_agency", "CN", short_name="Xinhua",
        aliases=("Xinhua", "New China News Agency"), website="https://english.news.cn",
        description="Chinese state news agency based in Beijing.",
    ),
    OrganizationSpec(
        "reuters", "Reuters", "news_agency", "GB", aliases=("Thomson Reuters",),
        website="https://www.reuters.com",
        description="International news agency headquartered in London.",
    ),
)  # fmt: skip

HISTORICAL_PUBLICATIONS: tuple[OrganizationSpec, ...] = (
    OrganizationSpec(
        "akinci", "Akinci", "publication", "AZ", aliases=("Akinchi", "Əkinçi", "Ekinchi"),
        founded_year=1875, closed_year=1877,
        description="The first newspaper in the Azerbaijani language, published in Baku "
        "by Hasan bey Zardabi.",
    ),
    OrganizationSpec(
        "molla-nasraddin", "Molla Nasraddin", "publication", "AZ",
        aliases=("Molla Nasreddin", "Molla Nəsrəddin", "Mullah Nasreddin"),
        founded_year=1906, closed_year=1931,
        description="Satirical weekly magazine founded by Jalil Mammadguluzadeh.",
    ),
    OrganizationSpec(
        "burhani-hagigat", "Burhani-Hagigat", "publication", "AZ",
        aliases=("Burhani-Haqiqat", "Bürhani-Həqiqət"), founded_year=1906, closed_year=1911,
        description="Historical Azerbaijani newspaper.",
    ),
    OrganizationSpec(
        "haqq", "Haqq", "publication", "AZ", aliases=("Hagg",), founded_year=1914,
        closed_year=1914, description="Historical Azerbaijani newspaper.",
    ),
    OrganizationSpec(
        "hummat", "Hummat", "publication", "AZ", aliases=("Hümmət", "Gummet"),
        founded_year=1919, closed_year=1920, description="Historical Azerbaijani newspaper.",
    ),
)  # fmt: skip

OTHER_ORGANIZATIONS: tuple[OrganizationSpec, ...] = (
    OrganizationSpec(
        "media-development-agency-azerbaijan",
        "Media Development Agency of the Republic of Azerbaijan", "government", "AZ",
        aliases=("Media Development Agency", "Azerbaijan Media Development Agency"),
        description="Government agency of Azerbaijan responsible for the development of "
        "the media sector.",
    ),
    OrganizationSpec(
        "government-of-astrakhan-oblast", "Government of Astrakhan Oblast", "government", "RU",
        aliases=("Astrakhan regional government", "Government of the Astrakhan Region"),
        description="Regional government of Astrakhan Oblast, Russia.",
    ),
    OrganizationSpec(
        "ministry-of-transport-kazakhstan", "Ministry of Transport of the Republic of Kazakhstan",
        "government", "KZ", aliases=("Kazakh Ministry of Transport", "Kazakh Transport Ministry"),
        description="Ministry responsible for transport in Kazakhstan.",
    ),
    # Invented for the demo from here on.
    OrganizationSpec(
        "caspian-transport-coordination-council", "Caspian Transport Coordination Council",
        "intergovernmental", short_name="CTCC", aliases=("Caspian Transport Council",),
        description="Intergovernmental body through which the transport ministries of the "
        "Caspian states coordinate port, ferry and rail-sea services.",
    ),
    OrganizationSpec(
        "eurasian-news-agencies-network", "Eurasian News Agencies Network", "ngo",
        short_name="ENAN", aliases=("Eurasian News Agency Network",),
        description="Association of news agencies from Eurasia that shares newsroom tools "
        "and training.",
    ),
    OrganizationSpec(
        "tashkent-international-fair-company", "Tashkent International Fair Company", "company",
        "UZ", aliases=("Tashkent Fair Company",),
        description="Exhibition organizer based in Tashkent.",
    ),
    OrganizationSpec(
        "caspian-herald", "Caspian Herald", "publication", "AZ",
        description="English-language business weekly in Baku covering shipping and trade.",
    ),
    OrganizationSpec(
        "volga-caspian-review", "Volga-Caspian Review", "publication", "RU",
        aliases=("Volgo-Kaspiyskoye Obozreniye",),
        description="Monthly magazine in Astrakhan about the ports and economy of the "
        "lower Volga and the Caspian.",
    ),
    OrganizationSpec(
        "steppe-business-weekly", "Steppe Business Weekly", "publication", "KZ",
        aliases=("SBW",), description="Business weekly published in Almaty.",
    ),
)  # fmt: skip

ORGANIZATIONS: tuple[OrganizationSpec, ...] = (
    AGENCIES + HISTORICAL_PUBLICATIONS + OTHER_ORGANIZATIONS
)


# --- People -----------------------------------------------------------------------------

PEOPLE: tuple[PersonSpec, ...] = (
    PersonSpec(
        "ahmed-ismayilov", "Ahmed Ismayilov", "AZ",
        aliases=("Akhmad Ismayilov", "Ahmad Ismayilov", "Əhməd İsmayılov"),
        description="Executive director of the Media Development Agency of the Republic "
        "of Azerbaijan.",
    ),
    PersonSpec(
        "heydar-aliyev", "Heydar Aliyev", "AZ",
        aliases=("Heydər Əliyev", "Geydar Aliyev", "Гейдар Алиев"),
        description="National leader of Azerbaijan; President of Azerbaijan from 1993 "
        "to 2003.",
        born_year=1923, died_year=2003,
    ),
    # Invented for the demo from here on.
    PersonSpec(
        "nurlan-abenov", "Nurlan Abenov", "KZ", aliases=("Nurlan Abenuly",),
        description="Secretary general of the Caspian Transport Coordination Council.",
    ),
    PersonSpec(
        "reza-tabrizi", "Reza Tabrizi", "IR", aliases=("Reza Tabrizy",),
        description="Deputy secretary general of the Caspian Transport Coordination Council.",
    ),
    PersonSpec(
        "rashid-mammadli", "Rashid Mammadli", "AZ", aliases=("Rashid Mamedli", "Rəşid Məmmədli"),
        description="Editor-in-chief of the Caspian Herald.",
    ),
    PersonSpec(
        "elena-sorokina", "Elena Sorokina", "RU", aliases=("Yelena Sorokina", "Елена Сорокина"),
        description="Editor of the Volga-Caspian Review.",
    ),
    PersonSpec(
        "aidana-seitkali", "Aidana Seitkali", "KZ", aliases=("Aidana Seitkaly",),
        description="Editor-in-chief of the Steppe Business Weekly.",
    ),
    PersonSpec(
        "dilshod-rakhimov", "Dilshod Rakhimov", "UZ", aliases=("Dilshod Rahimov",),
        description="Director general of the Tashkent International Fair Company.",
    ),
    PersonSpec(
        "leyla-hasanova", "Leyla Hasanova", "AZ", aliases=("Leila Gasanova", "Leyla Həsənova"),
        description="Spokesperson of the Eurasian News Agencies Network.",
    ),
    PersonSpec(
        "wang-lihua", "Wang Lihua", "CN",
        description="Board member of the Eurasian News Agencies Network.",
    ),
)  # fmt: skip

AFFILIATIONS: tuple[AffiliationSpec, ...] = (
    AffiliationSpec("ahmed-ismayilov", "media-development-agency-azerbaijan", "Executive director"),
    AffiliationSpec("nurlan-abenov", "caspian-transport-coordination-council",
                    "Secretary general", datetime.date(2022, 1, 10)),
    AffiliationSpec("reza-tabrizi", "caspian-transport-coordination-council",
                    "Deputy secretary general", datetime.date(2023, 3, 1)),
    AffiliationSpec("rashid-mammadli", "caspian-herald", "Editor-in-chief"),
    AffiliationSpec("elena-sorokina", "volga-caspian-review", "Editor"),
    AffiliationSpec("aidana-seitkali", "steppe-business-weekly", "Editor-in-chief",
                    datetime.date(2021, 9, 1)),
    AffiliationSpec("dilshod-rakhimov", "tashkent-international-fair-company", "Director general"),
    AffiliationSpec("leyla-hasanova", "eurasian-news-agencies-network", "Spokesperson"),
    AffiliationSpec("wang-lihua", "eurasian-news-agencies-network", "Board member"),
)  # fmt: skip


# --- Events -----------------------------------------------------------------------------

SERIES: tuple[SeriesSpec, ...] = (
    SeriesSpec(
        "caspian-media-forum", "Caspian Media Forum",
        description="Annual forum in Astrakhan for journalists, editors and media officials "
        "from the countries of the Caspian region.",
        organizers=("government-of-astrakhan-oblast",),
    ),
    SeriesSpec(
        "shusha-global-media-forum", "Shusha Global Media Forum",
        description="International media forum held in Shusha, Azerbaijan, every July "
        "since 2023.",
        organizers=("media-development-agency-azerbaijan",),
    ),
    SeriesSpec(
        "caspian-transport-ministers-meeting", "Caspian Transport Ministers' Meeting",
        description="Meeting of the transport ministers of the Caspian states, convened by "
        "the Caspian Transport Coordination Council.",
        aliases=("Caspian transport ministerial",),
        organizers=("caspian-transport-coordination-council",),
    ),
    SeriesSpec(
        "eurasian-newsroom-technology-summit", "Eurasian Newsroom Technology Summit",
        description="Gathering of news agencies from Eurasia on the tools and standards "
        "of the wire newsroom.",
        organizers=("eurasian-news-agencies-network",),
    ),
)  # fmt: skip

CASPIAN_MEDIA_FORUM_2023 = "caspian-media-forum-2023"
SHUSHA_FORUM_2023 = "shusha-global-media-forum-2023"
TRANSPORT_MEETING_2024 = "caspian-transport-ministers-meeting-2024"
AGRIFOOD_EXPO_2025 = "silk-road-agrifood-expo-2025"
NEWSROOM_SUMMIT_2027 = "eurasian-newsroom-technology-summit-2027"
TRANSPORT_MEETING_2027 = "caspian-transport-ministers-meeting-2027"

EVENTS: tuple[EventSpec, ...] = (
    EventSpec(
        CASPIAN_MEDIA_FORUM_2023, "Caspian Media Forum 2023",
        datetime.date(2023, 9, 18), datetime.date(2023, 9, 19), "astrakhan", "held",
        series="caspian-media-forum", edition=2023,
        theme="Public diplomacy and social media as a factor in bringing people closer together",
        description="The 2023 edition of the annual forum of journalists from the Caspian "
        "states. Editors, reporters, officials and researchers discussed public diplomacy, "
        "social media and media education in the region.",
        aliases=("Caspian Media Forum-2023", "VIII Caspian Media Forum"),
        organizers=("government-of-astrakhan-oblast",),
        participations=(
            _host("RU"),
            *_delegations("AZ", "IR", "KZ", "RU", "TM"),
            *_observers("BY", "KG", "UZ"),
            _org("organizer", "government-of-astrakhan-oblast"),
            _org("delegation", "media-development-agency-azerbaijan",
                 "Executive director Ahmed Ismayilov led the Azerbaijani delegation."),
        ),
    ),
    EventSpec(
        SHUSHA_FORUM_2023, "Shusha Global Media Forum 2023",
        datetime.date(2023, 7, 21), datetime.date(2023, 7, 23), "shusha", "held",
        series="shusha-global-media-forum", edition=2023,
        theme="New Media in the Era of the Fourth Industrial Revolution",
        description="The first Shusha Global Media Forum brought media executives, "
        "journalists and officials from about 50 countries to Shusha. It was timed to the "
        "148th anniversary of the Azerbaijani national press, which dates from the first "
        "issue of Akinci in 1875.",
        aliases=("1st Shusha Global Media Forum", "First Shusha Global Media Forum"),
        organizers=("media-development-agency-azerbaijan",),
        participations=(
            _host("AZ"),
            _org("organizer", "media-development-agency-azerbaijan"),
        ),
    ),
    EventSpec(
        TRANSPORT_MEETING_2024, "Caspian Transport Ministers' Meeting 2024",
        datetime.date(2024, 5, 14), datetime.date(2024, 5, 15), "aktau", "held",
        series="caspian-transport-ministers-meeting", edition=2024,
        venue="Conference centre of the Aktau Sea Port",
        theme="Faster cargo across the Caspian: ports, ferries and paperless documents",
        description="Transport ministers of the five Caspian states met in Aktau to agree on "
        "common port fees, ferry timetables and electronic cargo documents, with China, "
        "Georgia and Turkey attending as observers.",
        aliases=("Aktau transport ministerial",),
        organizers=("caspian-transport-coordination-council", "ministry-of-transport-kazakhstan"),
        participations=(
            _host("KZ"),
            *_delegations("AZ", "IR", "KZ", "RU", "TM"),
            *_observers("CN", "GE", "TR"),
            _org("organizer", "caspian-transport-coordination-council"),
            _org("organizer", "ministry-of-transport-kazakhstan"),
        ),
    ),
    EventSpec(
        AGRIFOOD_EXPO_2025, "Silk Road Agrifood Expo 2025",
        datetime.date(2025, 10, 8), datetime.date(2025, 10, 11), "tashkent", "held",
        venue="Uzexpocentre",
        theme="Food security and farm trade along the Silk Road",
        description="Four-day trade fair for growers, processors and food exporters from "
        "Central Asia, the South Caucasus, China, Iran and Turkey.",
        organizers=("tashkent-international-fair-company",),
        participations=(
            _host("UZ"),
            *_delegations("AZ", "CN", "IR", "KG", "KZ", "TJ", "TM", "TR"),
            _org("organizer", "tashkent-international-fair-company"),
            _org("guest", "steppe-business-weekly", "Media partner."),
        ),
    ),
    EventSpec(
        NEWSROOM_SUMMIT_2027, "Eurasian Newsroom Technology Summit 2027",
        datetime.date(2027, 6, 15), datetime.date(2027, 6, 16), "baku", "scheduled",
        series="eurasian-newsroom-technology-summit", edition=2027,
        venue="Baku Congress Center",
        theme="Verification, automation and trust in the wire newsroom",
        description="Two days of workshops and panels for news agency editors and "
        "developers on verification tools, automated tagging and shared metadata standards.",
        organizers=("eurasian-news-agencies-network",),
        participations=(
            _host("AZ"),
            _org("organizer", "eurasian-news-agencies-network"),
            _org("guest", "trend"),
            _org("guest", "kazinform"),
            _org("guest", "xinhua"),
        ),
    ),
    EventSpec(
        TRANSPORT_MEETING_2027, "Caspian Transport Ministers' Meeting 2027",
        datetime.date(2027, 9, 21), datetime.date(2027, 9, 22), "turkmenbashi", "scheduled",
        series="caspian-transport-ministers-meeting", edition=2027,
        venue="Avaza National Tourist Zone",
        theme="Connecting Caspian ports to the corridors of Eurasia",
        description="The next meeting of the Caspian transport ministers, due to review the "
        "agreements reached in Aktau in 2024 and a joint freight outlook.",
        organizers=("caspian-transport-coordination-council",),
        participations=(
            _host("TM"),
            *_delegations("AZ", "IR", "KZ", "RU", "TM"),
            _org("organizer", "caspian-transport-coordination-council"),
        ),
    ),
)  # fmt: skip


# --- Reports ----------------------------------------------------------------------------

CASPIAN = ("AZ", "IR", "KZ", "RU", "TM")
HISTORICAL = ("akinci", "molla-nasraddin", "burhani-hagigat", "haqq", "hummat")
MDA = "media-development-agency-azerbaijan"
CTCC = "caspian-transport-coordination-council"
ENAN = "eurasian-news-agencies-network"


def _at(year: int, month: int, day: int, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime(year, month, day, hour, minute, tzinfo=UTC)


MAIN_REPORT = ArticleSpec(
    agency="trend",
    agency_item_id="trend-2023-0919-001",
    slug="azerbaijan-presents-its-press-heritage-at-caspian-media-forum-in-astrakhan",
    headline="Azerbaijan presents its press heritage at Caspian Media Forum in Astrakhan",
    summary="The Azerbaijani delegation, led by Media Development Agency executive director "
    "Ahmed Ismayilov, told the Caspian Media Forum about the history of the national press.",
    dateline_raw="RUSSIA, Astrakhan, September 19.",
    dateline_city="astrakhan",
    dateline_date=datetime.date(2023, 9, 19),
    published_at=_at(2023, 9, 19, 11, 40),
    paragraphs=(
        "Journalists, officials and media researchers from the Caspian countries met in "
        "Astrakhan on Tuesday for the main day of the Caspian Media Forum 2023, Trend reports "
        "from the scene.",
        "The two-day forum, which opened on September 18, is held this year under the theme "
        '"Public diplomacy and social media as a factor in bringing people closer together". '
        "Delegations from Azerbaijan, Iran, Kazakhstan, Russia and Turkmenistan are taking "
        "part, while Belarus, Kyrgyzstan and Uzbekistan follow the work of the forum as "
        "observers.",
        "The Azerbaijani delegation is headed by Ahmed Ismayilov, executive director of the "
        "Media Development Agency of the Republic of Azerbaijan. Addressing the participants, "
        "he outlined how the national press took shape and described the reforms now under "
        "way in the country's media sector.",
        "He recalled that the Shusha Global Media Forum, held in Shusha in July, was dedicated "
        "to the 148th anniversary of the Azerbaijani national press. Among the titles that "
        "shaped that history he named Akinci, the first newspaper in the Azerbaijani language, "
        "the satirical magazine Molla Nasraddin, Burhani-Hagigat (1906-1911), Haqq (1914) and "
        "Hummat (1919-1920). He also spoke of the attention that national leader Heydar "
        "Aliyev paid to the development of journalism.",
        "Akhmad Ismayilov said that Azerbaijani newspapers follow life on the other shores of "
        "the Caspian closely, and pointed to the long-standing ties between Baku and "
        "Astrakhan, which are sister cities.",
        "The forum programme also includes panel discussions on media education and on "
        "practical cooperation between the newsrooms of the region.",
    ),
    events=(CASPIAN_MEDIA_FORUM_2023, SHUSHA_FORUM_2023),
    countries=(*CASPIAN, "BY", "KG", "UZ"),
    organizations=(MDA, *HISTORICAL),
    people=("ahmed-ismayilov", "heydar-aliyev"),
)

CASPIAN_MEDIA_FORUM_REPORTS: tuple[ArticleSpec, ...] = (
    MAIN_REPORT,
    ArticleSpec(
        agency="tass",
        agency_item_id="tass-2023-0918-014",
        slug="caspian-media-forum-opens-in-astrakhan-with-focus-on-public-diplomacy",
        headline="Caspian Media Forum opens in Astrakhan with focus on public diplomacy",
        summary="Media professionals from five Caspian states and three observer countries "
        "opened a two-day forum in Astrakhan.",
        dateline_raw="ASTRAKHAN, September 18. /TASS/.",
        dateline_city="astrakhan",
        dateline_date=datetime.date(2023, 9, 18),
        published_at=_at(2023, 9, 18, 9, 15),
        paragraphs=(
            "The Caspian Media Forum 2023 opened in Astrakhan on Monday, bringing together "
            "editors, reporters, bloggers and officials from the countries of the Caspian "
            "region.",
            "This year the forum is devoted to public diplomacy and to the part that social "
            "media play in bringing people closer together. Delegations from Russia, "
            "Azerbaijan, Iran, Kazakhstan and Turkmenistan have arrived in the city, while "
            "Belarus, Kyrgyzstan and Uzbekistan are represented by observers.",
            "The opening day is given over to meetings of the heads of delegations and to "
            "working sessions in which newsroom managers compare how their outlets use "
            "messaging apps and short video to reach readers on the other side of the sea. "
            "The plenary session is scheduled for Tuesday.",
            "The forum is organized with the participation of the government of the "
            "Astrakhan region and has become a regular meeting point for journalists of the "
            "Caspian states. Its organizers say the aim is to build direct professional "
            "contacts between newsrooms that cover the same subjects, from shipping and "
            "fisheries to the ecology of the sea and cross-border trade, from different "
            "shores.",
        ),
        events=(CASPIAN_MEDIA_FORUM_2023,),
        countries=(*CASPIAN, "BY", "KG", "UZ"),
        organizations=("government-of-astrakhan-oblast",),
    ),
    ArticleSpec(
        agency="kazinform",
        agency_item_id="kazinform-2023-0919-052",
        slug="kazakh-journalists-share-regional-reporting-experience-in-astrakhan",
        headline="Kazakh journalists share regional reporting experience in Astrakhan",
        summary="Members of Kazakhstan's delegation at the Caspian Media Forum spoke about "
        "covering the Caspian coast for national and regional audiences.",
        dateline_raw="ASTRAKHAN. KAZINFORM –",
        dateline_city="astrakhan",
        dateline_date=datetime.date(2023, 9, 19),
        published_at=_at(2023, 9, 19, 13, 5),
        byline="Kazinform correspondent",
        paragraphs=(
            "Journalists from Kazakhstan took part in the plenary and panel sessions of the "
            "Caspian Media Forum 2023, which is being held in Astrakhan on September 18-19.",
            "Speaking on a panel about regional newsrooms, Aidana Seitkali, editor-in-chief "
            "of the Steppe Business Weekly, said that stories about ports, fishing quotas and "
            "the level of the Caspian Sea draw a steady audience in Aktau and Atyrau, but "
            "rarely reach readers in the capital. Regional editors, she said, need partners "
            "across the border who can check facts quickly and share pictures from the other "
            "coast.",
            "Participants discussed joint training for young reporters and the exchange of "
            "material between regional television channels. Several editors proposed a "
            "shared calendar of events in the Caspian states so that newsrooms could plan "
            "coverage in advance.",
            "Kazakhstan is one of the five delegations at this year's forum, alongside "
            "Azerbaijan, Iran, Russia and Turkmenistan. The forum's theme is public diplomacy "
            "and social media as a factor in bringing people closer together.",
        ),
        events=(CASPIAN_MEDIA_FORUM_2023,),
        countries=("KZ", "RU"),
        organizations=("steppe-business-weekly",),
        people=("aidana-seitkali",),
    ),
)

SHUSHA_REPORTS: tuple[ArticleSpec, ...] = (
    ArticleSpec(
        agency="trend",
        agency_item_id="trend-2023-0721-004",
        slug="shusha-global-media-forum-opens-marking-148-years-of-azerbaijani-press",
        headline="Shusha Global Media Forum opens, marking 148 years of Azerbaijani press",
        summary="Media executives and journalists from about 50 countries gathered in Shusha "
        "for a three-day forum on new media.",
        dateline_raw="AZERBAIJAN, Shusha, July 21.",
        dateline_city="shusha",
        dateline_date=datetime.date(2023, 7, 21),
        published_at=_at(2023, 7, 21, 8, 30),
        paragraphs=(
            "The Shusha Global Media Forum opened in the city of Shusha on Friday, Trend reports.",
            "The forum, which runs until July 23, is devoted to new media in the era of the "
            "fourth industrial revolution. Heads of news agencies, editors, media researchers "
            "and officials from about 50 countries are taking part, together with "
            "representatives of international organizations and of the Azerbaijani media.",
            "The gathering is timed to the 148th anniversary of the Azerbaijani national "
            "press, which counts its history from the first issue of the newspaper Akinci in "
            "1875. The anniversary falls in the year that Azerbaijan marks as the Heydar "
            "Aliyev Year, the centenary of the birth of the national leader.",
            "The Media Development Agency of the Republic of Azerbaijan is among the "
            "organizers. Panel sessions over the coming days will deal with the business "
            "models of media companies, the spread of false information, the safety of "
            "journalists and the use of new technologies in newsrooms.",
            "Foreign guests are also expected to see the restoration work under way in the "
            "historic centre of Shusha.",
        ),
        events=(SHUSHA_FORUM_2023,),
        countries=("AZ",),
        organizations=(MDA, "akinci"),
        people=("heydar-aliyev",),
    ),
    ArticleSpec(
        agency="tass",
        agency_item_id="tass-2023-0722-031",
        slug="foreign-journalists-mark-azerbaijans-national-press-day-in-shusha",
        headline="Foreign journalists mark Azerbaijan's National Press Day in Shusha",
        summary="Participants of the Shusha Global Media Forum joined Azerbaijani colleagues "
        "on the day the country celebrates its first newspaper.",
        dateline_raw="SHUSHA, July 22. /TASS/.",
        dateline_city="shusha",
        dateline_date=datetime.date(2023, 7, 22),
        published_at=_at(2023, 7, 22, 10, 45),
        paragraphs=(
            "Guests of the Shusha Global Media Forum spent the second day of the gathering "
            "alongside Azerbaijani journalists, who on July 22 celebrate National Press Day.",
            "The date marks the publication of the first issue of Akinci in 1875, the "
            "newspaper from which Azerbaijan counts the history of its national press. This "
            "year's anniversary is the 148th.",
            "Russian participants, including representatives of TASS, took part in sessions "
            "on the work of state news agencies and on how editors can respond to the rapid "
            "spread of fabricated stories on social networks. Speakers agreed that agencies "
            "remain a reference point for other media because of their habit of checking "
            "facts before publication.",
            "In the afternoon the delegates walked through the old quarter of Shusha, where "
            "mosques, mansions and the city walls are being restored.",
            "The forum closes on Sunday.",
        ),
        events=(SHUSHA_FORUM_2023,),
        countries=("AZ", "RU"),
        organizations=("akinci",),
    ),
    ArticleSpec(
        agency="xinhua",
        agency_item_id="xinhua-20230723-0117",
        slug="media-forum-in-shusha-closes-with-call-for-responsible-use-of-new-technologies",
        headline="Media forum in Azerbaijan's Shusha closes with call for responsible use of "
        "new technologies",
        summary="The first Shusha Global Media Forum ended with appeals for cooperation "
        "between newsrooms on automation and fact-checking.",
        dateline_raw="SHUSHA, Azerbaijan, July 23 (Xinhua) --",
        dateline_city="shusha",
        dateline_date=datetime.date(2023, 7, 23),
        published_at=_at(2023, 7, 23, 15, 20),
        paragraphs=(
            "The Shusha Global Media Forum concluded here on Sunday after three days of "
            "discussions on how the fourth industrial revolution is changing the way news is "
            "gathered, produced and read.",
            "Participants from about 50 countries, including delegates from Asian news "
            "agencies, said automated tools can help small newsrooms translate, transcribe "
            "and archive their work, but warned that audiences will only trust the results "
            "if editors stay responsible for what is published.",
            "Several speakers called for closer cooperation between agencies in checking "
            "viral images and videos, and for training programmes that teach young "
            "journalists to work with data.",
            "Chinese participants presented the experience of converged newsrooms that "
            "publish text, video and audio from a single desk, and said they looked forward "
            "to more exchanges with media organizations in the Caspian and Central Asian "
            "region.",
            "The forum was held in connection with the 148th anniversary of the Azerbaijani "
            "national press.",
        ),
        events=(SHUSHA_FORUM_2023,),
        countries=("AZ", "CN"),
    ),
)

TRANSPORT_2024_REPORTS: tuple[ArticleSpec, ...] = (
    ArticleSpec(
        agency="kazinform",
        agency_item_id="kazinform-2024-0514-011",
        slug="caspian-transport-ministers-meet-in-aktau-to-speed-up-cargo",
        headline="Caspian transport ministers meet in Aktau to speed up cargo across the sea",
        summary="Ministers of the five Caspian states opened two days of talks on ports, "
        "ferries and paperless cargo documents.",
        dateline_raw="AKTAU. KAZINFORM –",
        dateline_city="aktau",
        dateline_date=datetime.date(2024, 5, 14),
        published_at=_at(2024, 5, 14, 7, 50),
        paragraphs=(
            "Transport ministers of Azerbaijan, Iran, Kazakhstan, Russia and Turkmenistan "
            "began a two-day meeting in Aktau on Tuesday to discuss how to move more cargo "
            "across the Caspian Sea in less time.",
            "The meeting is convened by the Caspian Transport Coordination Council and hosted "
            "by the Ministry of Transport of the Republic of Kazakhstan. China, Georgia and "
            "Turkey are attending as observers.",
            "Opening the session, the council's secretary general Nurlan Abenov said that "
            "ferries and feeder ships now carry more containers between the eastern and "
            "western shores than at any time in the past decade, but that trucks and wagons "
            "still wait too long at ports for paperwork and berths.",
            '"The sea is not the bottleneck. The bottleneck is on land, at the gates and in '
            'the offices," Abenov said.',
            "Delegations are expected to discuss a common scale of port fees, coordinated "
            "ferry timetables and the mutual recognition of electronic consignment notes. The "
            "results will be presented on Wednesday.",
        ),
        events=(TRANSPORT_MEETING_2024,),
        countries=(*CASPIAN, "CN", "GE", "TR"),
        organizations=(CTCC, "ministry-of-transport-kazakhstan"),
        people=("nurlan-abenov",),
    ),
    ArticleSpec(
        agency="reuters",
        agency_item_id="reuters-2024-0515-aktau-01",
        slug="caspian-states-agree-to-align-port-fees-target-faster-ferry-turnarounds",
        headline="Caspian states agree to align port fees, target faster ferry turnarounds",
        summary="Five Caspian countries agreed in Aktau to harmonise port charges and accept "
        "each other's electronic cargo documents from 2025.",
        dateline_raw="AKTAU, Kazakhstan, May 15 (Reuters) -",
        dateline_city="aktau",
        dateline_date=datetime.date(2024, 5, 15),
        published_at=_at(2024, 5, 15, 14, 10),
        byline="Reporting by Timur Zhaksylykov; Editing by Helen Marsh",
        paragraphs=(
            "The five countries bordering the Caspian Sea agreed on Wednesday to bring their "
            "port fees into a common range and to accept each other's electronic cargo "
            "documents from next year, in a bid to cut the time goods spend waiting on the "
            "shore.",
            "The agreement, reached at a meeting of transport ministers in the Kazakh port of "
            "Aktau, sets a target of turning ferries around in under 24 hours at the main "
            "ports, officials said.",
            '"Shippers told us the crossing takes one day and the paperwork takes three," '
            "said Reza Tabrizi, deputy secretary general of the Caspian Transport "
            'Coordination Council, which organised the talks. "This is the part we can fix '
            'ourselves."',
            "Traffic across the Caspian has grown as companies look for routes between China "
            "and Europe that pass through Central Asia and the South Caucasus. Observers from "
            "China, Georgia and Turkey attended the meeting.",
            "The ministers agreed to meet again in 2027 in Turkmenistan to review progress, "
            "council secretary general Nurlan Abenov told reporters.",
        ),
        events=(TRANSPORT_MEETING_2024,),
        countries=(*CASPIAN, "CN", "GE", "TR"),
        organizations=(CTCC,),
        people=("reza-tabrizi", "nurlan-abenov"),
    ),
    ArticleSpec(
        agency="trend",
        agency_item_id="trend-2024-0516-009",
        slug="baku-shipping-community-welcomes-aktau-deal-on-caspian-ferries",
        headline="Baku shipping community welcomes Aktau deal on Caspian ferries",
        summary="Azerbaijani shipping observers said the agreement reached in Aktau could "
        "shorten waiting times at the Baku port.",
        dateline_raw="BAKU, Azerbaijan, May 16.",
        dateline_city="baku",
        dateline_date=datetime.date(2024, 5, 16),
        published_at=_at(2024, 5, 16, 6, 55),
        paragraphs=(
            "The agreement on common port fees and electronic cargo documents reached by the "
            "Caspian states in Aktau has been welcomed by the shipping community in Baku, "
            "Trend reports.",
            "Rashid Mammadli, editor-in-chief of the Caspian Herald, a Baku weekly that "
            "covers shipping and trade, said the decision answers a long-standing complaint "
            "of freight forwarders.",
            '"Until now a truck driver could cross the sea overnight and then spend two days '
            "waiting for stamps. If the electronic documents really work from next year, "
            'that time can be used for driving," he said.',
            "Mammadli added that the common range of port fees would make it easier for "
            "shippers to compare routes and plan costs, but that much will depend on how "
            "quickly customs services connect their information systems.",
            "The ministers of Azerbaijan, Iran, Kazakhstan, Russia and Turkmenistan met in "
            "Aktau on May 14-15 at a meeting convened by the Caspian Transport Coordination "
            "Council.",
        ),
        events=(TRANSPORT_MEETING_2024,),
        countries=("AZ", "KZ"),
        organizations=(CTCC, "caspian-herald"),
        people=("rashid-mammadli",),
    ),
    ArticleSpec(
        agency="xinhua",
        agency_item_id="xinhua-20240516-0342",
        slug="china-follows-caspian-transport-talks-as-observer",
        headline="China follows Caspian transport talks as observer, eyes smoother rail-sea links",
        summary="A Chinese observer delegation attended the meeting of Caspian transport "
        "ministers in Aktau.",
        dateline_raw="BEIJING, May 16 (Xinhua) --",
        dateline_city="beijing",
        dateline_date=datetime.date(2024, 5, 16),
        published_at=_at(2024, 5, 16, 10, 30),
        paragraphs=(
            "A Chinese delegation attended this week's meeting of transport ministers of the "
            "Caspian states in Aktau, Kazakhstan, as an observer, in a sign of growing "
            "interest in rail-sea routes linking China with Europe.",
            "Freight trains from Chinese cities now regularly reach Kazakhstan's Caspian "
            "ports, where containers are loaded onto ships bound for Azerbaijan and then "
            "continue by rail through Georgia and Türkiye.",
            "Members of the delegation said the decisions taken in Aktau to harmonise port "
            "fees and accept electronic cargo documents could make the route more "
            "predictable for Chinese exporters, for whom delivery time matters as much as "
            "price.",
            "Logistics companies say the crossing of the Caspian remains the least "
            "predictable part of the journey because of weather, limited ferry capacity and "
            "paperwork at the ports.",
            "Georgia and Türkiye also attended the Aktau meeting as observers.",
        ),
        events=(TRANSPORT_MEETING_2024,),
        countries=("CN", "KZ", "AZ", "GE", "TR"),
    ),
    ArticleSpec(
        agency="tass",
        agency_item_id="tass-2024-0515-022",
        slug="volga-caspian-ports-see-room-for-more-traffic-after-aktau-meeting",
        headline="Volga-Caspian ports see room for more traffic after Aktau ministers' meeting",
        summary="Astrakhan port observers expect the agreements reached in Aktau to bring more "
        "north-south cargo to the lower Volga.",
        dateline_raw="ASTRAKHAN, May 15. /TASS/.",
        dateline_city="astrakhan",
        dateline_date=datetime.date(2024, 5, 15),
        published_at=_at(2024, 5, 15, 16, 40),
        paragraphs=(
            "Ports on the lower Volga have spare capacity to handle more cargo to and from "
            "Iran and Kazakhstan once the agreements reached in Aktau take effect, Elena "
            "Sorokina, editor of the Volga-Caspian Review magazine, told TASS on Wednesday.",
            '"The Astrakhan ports were built for much larger volumes than they see today. '
            "Common fees and electronic documents remove two of the reasons shippers gave "
            'for choosing other routes," she said.',
            "According to Sorokina, the main limits now are the depth of the Volga-Caspian "
            "canal, which restricts the size of ships, and the number of vessels able to "
            "sail in the shallow northern part of the sea.",
            "Transport ministers of Russia, Azerbaijan, Iran, Kazakhstan and Turkmenistan "
            "met in Aktau on May 14-15 under the auspices of the Caspian Transport "
            "Coordination Council.",
        ),
        events=(TRANSPORT_MEETING_2024,),
        countries=("RU", "IR", "KZ"),
        organizations=(CTCC, "volga-caspian-review"),
        people=("elena-sorokina",),
    ),
)

EXPO_2025_REPORTS: tuple[ArticleSpec, ...] = (
    ArticleSpec(
        agency="xinhua",
        agency_item_id="xinhua-20251008-0088",
        slug="silk-road-agrifood-expo-opens-in-tashkent",
        headline="Silk Road Agrifood Expo opens in Tashkent with strong Chinese presence",
        summary="More than 400 exhibitors from nine countries opened their stands at a "
        "four-day food and farming fair in Tashkent.",
        dateline_raw="TASHKENT, Oct. 8 (Xinhua) --",
        dateline_city="tashkent",
        dateline_date=datetime.date(2025, 10, 8),
        published_at=_at(2025, 10, 8, 9, 0),
        paragraphs=(
            "The Silk Road Agrifood Expo 2025 opened here on Wednesday, with more than 400 "
            "exhibitors from nine countries showing farm machinery, seeds, processed food "
            "and cold-chain equipment.",
            "Chinese companies occupy one of the largest halls at the fair, presenting "
            "drip-irrigation systems, greenhouse technology and small tractors designed for "
            "family farms.",
            '"Central Asian farmers want to grow more with less water, and this is where '
            'the demand is," said Dilshod Rakhimov, director general of the Tashkent '
            "International Fair Company, which organizes the expo.",
            "Rakhimov said the number of foreign exhibitors had grown by about a quarter "
            "compared with the previous fair and that buyers from Kazakhstan, Kyrgyzstan and "
            "Türkiye had registered in large numbers.",
            "The expo runs until Saturday. Its programme includes a conference on food "
            "security and a meeting of agricultural exporters' associations.",
        ),
        events=(AGRIFOOD_EXPO_2025,),
        countries=("UZ", "CN", "KZ", "KG", "TR"),
        organizations=("tashkent-international-fair-company",),
        people=("dilshod-rakhimov",),
    ),
    ArticleSpec(
        agency="kazinform",
        agency_item_id="kazinform-2025-1009-031",
        slug="kazakh-grain-and-flour-exporters-sign-deals-at-tashkent-expo",
        headline="Kazakh grain and flour exporters sign supply deals at Tashkent expo",
        summary="Kazakh companies signed contracts for wheat, flour and sunflower oil with "
        "buyers from Uzbekistan and Kyrgyzstan.",
        dateline_raw="TASHKENT. KAZINFORM –",
        dateline_city="tashkent",
        dateline_date=datetime.date(2025, 10, 9),
        published_at=_at(2025, 10, 9, 12, 15),
        paragraphs=(
            "Kazakh agricultural companies signed supply contracts for wheat, flour and "
            "sunflower oil with buyers from Uzbekistan and Kyrgyzstan on the second day of "
            "the Silk Road Agrifood Expo 2025 in Tashkent.",
            "The Kazakh pavilion brings together more than forty producers, most of them "
            "from the grain-growing northern regions. Exporters said Uzbek mills remain "
            "their most reliable customers, while demand for oilseeds and animal feed is "
            "rising.",
            "The Steppe Business Weekly, a media partner of the fair, presented a survey of "
            "Kazakh food exporters. Two in three respondents said rail transport costs were "
            "their main concern, and more than half planned to increase shipments to Central "
            "Asian neighbours next year.",
            "Exporters also discussed joint storage facilities near the border and the "
            "possibility of sending grain across the Caspian to Azerbaijan and Iran.",
            "The fair closes on October 11.",
        ),
        events=(AGRIFOOD_EXPO_2025,),
        countries=("KZ", "UZ", "KG"),
        organizations=("steppe-business-weekly",),
    ),
    ArticleSpec(
        agency="trend",
        agency_item_id="trend-2025-1009-006",
        slug="azerbaijani-pavilion-at-tashkent-expo-shows-hazelnuts-and-fruit",
        headline="Azerbaijani pavilion at Tashkent agrifood expo shows hazelnuts, "
        "persimmons and pomegranates",
        summary="Azerbaijani producers are looking for new buyers in Central Asia at the Silk "
        "Road Agrifood Expo.",
        dateline_raw="UZBEKISTAN, Tashkent, October 9.",
        dateline_city="tashkent",
        dateline_date=datetime.date(2025, 10, 9),
        published_at=_at(2025, 10, 9, 8, 20),
        paragraphs=(
            "Azerbaijani producers of hazelnuts, fresh fruit and juices are presenting their "
            "goods at the Silk Road Agrifood Expo 2025 in Tashkent, Trend reports.",
            "The national pavilion gathers about twenty companies, from family orchards in "
            "the north-west of the country to large processing plants. Persimmons, "
            "pomegranates and pomegranate juice have drawn the most attention from "
            "visitors on the first day, exhibitors said.",
            "Several companies are using the fair to look for distributors in Uzbekistan and "
            "Kazakhstan, where they say Azerbaijani fruit is known but not yet widely sold "
            "in supermarkets.",
            "Exhibitors also noted that faster ferry services across the Caspian had made it "
            "easier to deliver fresh produce to Central Asia within a few days.",
            "The expo, held at the Uzexpocentre, runs until October 11.",
        ),
        events=(AGRIFOOD_EXPO_2025,),
        countries=("AZ", "UZ", "KZ"),
    ),
    ArticleSpec(
        agency="reuters",
        agency_item_id="reuters-2025-1011-tash-01",
        slug="central-asian-food-fair-closes-as-exporters-eye-turkish-iranian-buyers",
        headline="Central Asian food fair closes as exporters eye Turkish, Iranian buyers",
        summary="Exporters at a Tashkent trade fair said demand from Turkey and Iran was "
        "helping them look beyond traditional markets.",
        dateline_raw="TASHKENT (Reuters) -",
        dateline_city="tashkent",
        dateline_date=datetime.date(2025, 10, 11),
        published_at=_at(2025, 10, 11, 15, 30),
        byline="Reporting by Nodira Yusupova; Editing by Peter Lowe",
        paragraphs=(
            "Food producers from Central Asia are looking to Turkey and Iran for new "
            "customers, exhibitors at a regional trade fair in Tashkent said on Saturday, as "
            "they try to reduce their reliance on a handful of traditional markets.",
            "Organisers of the four-day Silk Road Agrifood Expo said contracts worth several "
            "hundred million dollars had been signed, though they did not give a precise "
            "figure.",
            "Dried fruit, pulses and cotton-seed oil were among the products most sought by "
            "Turkish and Iranian buyers, according to exhibitors from Uzbekistan, Kyrgyzstan "
            "and Turkmenistan.",
            '"Five years ago almost everything we sold went north. Now we have buyers in the '
            'south and the west," said a dried-apricot exporter from the Fergana valley, '
            "who asked not to be named because contract talks were still under way.",
            "Transport remains the main obstacle. Exporters said rail tariffs and the limited "
            "number of refrigerated wagons made it hard to keep fresh produce competitive on "
            "long routes.",
        ),
        events=(AGRIFOOD_EXPO_2025,),
        countries=("UZ", "TR", "IR", "KG", "TM"),
        organizations=("tashkent-international-fair-company",),
    ),
)

UPCOMING_EVENT_REPORTS: tuple[ArticleSpec, ...] = (
    ArticleSpec(
        agency="trend",
        agency_item_id="trend-2026-0303-012",
        slug="baku-to-host-eurasian-newsroom-technology-summit-in-june-2027",
        headline="Baku to host Eurasian Newsroom Technology Summit in June 2027",
        summary="The Eurasian News Agencies Network chose Baku for its 2027 summit on "
        "verification and automation in newsrooms.",
        dateline_raw="BAKU, Azerbaijan, March 3.",
        dateline_city="baku",
        dateline_date=datetime.date(2026, 3, 3),
        published_at=_at(2026, 3, 3, 9, 10),
        paragraphs=(
            "Baku will host the Eurasian Newsroom Technology Summit on June 15-16, 2027, the "
            "Eurasian News Agencies Network announced on Tuesday, Trend reports.",
            "The summit will bring together editors and developers from news agencies across "
            "Eurasia to discuss tools for verifying pictures and video, the automated "
            "tagging of reports and common metadata standards for exchanging news.",
            '"Agencies exchange thousands of reports every day, but each of us still '
            "describes people, places and events in its own way. We want to leave Baku with "
            'shared rules that make our news easier to find and to check," said Leyla '
            "Hasanova, the network's spokesperson.",
            "The programme will include practical workshops in which newsroom teams test "
            "verification tools on real material from their archives.",
            "Sessions will be held at the Baku Congress Center. The organizers expect "
            "delegations from more than twenty agencies.",
        ),
        events=(NEWSROOM_SUMMIT_2027,),
        countries=("AZ",),
        organizations=(ENAN,),
        people=("leyla-hasanova",),
    ),
    ArticleSpec(
        agency="reuters",
        agency_item_id="reuters-2026-0910-lon-01",
        slug="news-agencies-to-test-shared-verification-tools-ahead-of-baku-summit",
        headline="News agencies to test shared verification tools ahead of Baku summit",
        summary="Agencies in the Eurasian News Agencies Network will pilot a common system for "
        "checking images before meeting in Baku next year.",
        dateline_raw="LONDON (Reuters) -",
        dateline_city="london",
        dateline_date=datetime.date(2026, 9, 10),
        published_at=_at(2026, 9, 10, 13, 0),
        byline="Reporting by Sarah Whitfield; Editing by Tom Ashby",
        paragraphs=(
            "A group of news agencies from Europe and Asia will spend the coming months "
            "testing a shared system for checking the origin of photos and videos, before "
            "comparing results at a summit in Baku in June 2027, organisers said on "
            "Thursday.",
            "The pilot, run by the Eurasian News Agencies Network, will let participating "
            "agencies record where and when an image was first published and who verified "
            "it, so that partners do not repeat the same checks.",
            '"Every agency is doing the same work in parallel, often on the same viral '
            'video," said Wang Lihua, a board member of the network. "If one of us has '
            'already traced it, the others should know within minutes."',
            "Agencies from Azerbaijan, Kazakhstan and China are among those taking part, "
            "according to the network.",
            "Industry researchers say such cooperation is becoming more important as "
            "generated images grow harder to tell apart from real photographs.",
        ),
        events=(NEWSROOM_SUMMIT_2027,),
        countries=("GB", "AZ", "KZ", "CN"),
        organizations=(ENAN,),
        people=("wang-lihua",),
    ),
    ArticleSpec(
        agency="tass",
        agency_item_id="tass-2026-1014-009",
        slug="turkmenistan-to-host-next-caspian-transport-ministers-meeting",
        headline="Turkmenistan to host next Caspian transport ministers' meeting in Turkmenbashi",
        summary="The Caspian transport ministers will meet at the Avaza resort near "
        "Turkmenbashi in September 2027.",
        dateline_raw="ASHGABAT, October 14. /TASS/.",
        dateline_city="ashgabat",
        dateline_date=datetime.date(2026, 10, 14),
        published_at=_at(2026, 10, 14, 11, 25),
        paragraphs=(
            "The next meeting of the transport ministers of the Caspian states will take "
            "place on September 21-22, 2027 in the Avaza resort area near the port city of "
            "Turkmenbashi, the Caspian Transport Coordination Council said on Wednesday.",
            "The ministers are expected to review how the agreements reached in Aktau in "
            "2024 on port fees and electronic cargo documents have worked in practice, and "
            "to discuss a joint forecast of freight volumes on the sea.",
            "Council secretary general Nurlan Abenov said that Russian and Iranian "
            "delegations had proposed adding the modernisation of ferry fleets to the "
            "agenda.",
            "The port of Turkmenbashi, rebuilt in recent years with new ferry and container "
            "terminals, is one of the largest on the Caspian coast.",
            "Turkmen officials said preparations for receiving the delegations had already begun.",
        ),
        events=(TRANSPORT_MEETING_2027, TRANSPORT_MEETING_2024),
        countries=("TM", "RU", "IR"),
        organizations=(CTCC,),
        people=("nurlan-abenov",),
    ),
    ArticleSpec(
        agency="kazinform",
        agency_item_id="kazinform-2026-1105-019",
        slug="caspian-transport-council-reviews-progress-two-years-after-aktau",
        headline="Caspian transport council reviews progress two years after Aktau meeting",
        summary="Officials of the Caspian Transport Coordination Council met in Astana to "
        "prepare the 2027 ministerial meeting.",
        dateline_raw="ASTANA. KAZINFORM –",
        dateline_city="astana",
        dateline_date=datetime.date(2026, 11, 5),
        published_at=_at(2026, 11, 5, 8, 40),
        paragraphs=(
            "Senior officials of the Caspian Transport Coordination Council met in Astana on "
            "Thursday to take stock of the decisions adopted by transport ministers in Aktau "
            "in 2024 and to prepare their next meeting in Turkmenistan.",
            "According to the council's deputy secretary general Reza Tabrizi, electronic "
            "consignment notes are now accepted at all the main ports of the sea, and the "
            "average time a ferry spends in port has fallen noticeably.",
            "Secretary general Nurlan Abenov said the remaining work concerned rail "
            "connections to the ports and the exchange of customs data, which still "
            "depends on bilateral agreements.",
            "Participants also discussed the draft agenda of the ministerial meeting, "
            "scheduled for September 2027 near Turkmenbashi. Kazakhstan and Azerbaijan "
            "proposed adding a session on ferry safety and crew training.",
        ),
        events=(TRANSPORT_MEETING_2024, TRANSPORT_MEETING_2027),
        countries=("KZ", "TM", "AZ"),
        organizations=(CTCC,),
        people=("reza-tabrizi", "nurlan-abenov"),
    ),
)

OTHER_REPORTS: tuple[ArticleSpec, ...] = (
    ArticleSpec(
        agency="trend",
        agency_item_id="trend-2024-0722-003",
        slug="azerbaijan-marks-national-press-day-149-years-after-akincis-first-issue",
        headline="Azerbaijan marks National Press Day, 149 years after Akinci's first issue",
        summary="Journalists in Baku recalled the newspapers that shaped the national press on "
        "the anniversary of its first title.",
        dateline_raw="BAKU, Azerbaijan, July 22.",
        dateline_city="baku",
        dateline_date=datetime.date(2024, 7, 22),
        published_at=_at(2024, 7, 22, 7, 30),
        paragraphs=(
            "Azerbaijan celebrates National Press Day on Monday, marking 149 years since the "
            "first issue of the newspaper Akinci, Trend reports.",
            "Published in Baku from 1875 to 1877, Akinci is regarded as the starting point of "
            "the Azerbaijani national press. It was followed in the early twentieth century "
            "by a wave of titles, among them the satirical magazine Molla Nasraddin and the "
            "newspapers Burhani-Hagigat, Haqq and Hummat, which are remembered today as "
            "schools for several generations of writers and editors.",
            "Journalists and editors gathered at events in Baku to honour veterans of the "
            "profession. Speakers recalled the role of national leader Heydar Aliyev in the "
            "development of the country's media, and the Media Development Agency presented "
            "its programmes for training young journalists.",
            "Last year the anniversary was marked by the Shusha Global Media Forum, which "
            "brought guests from around 50 countries to Shusha.",
        ),
        events=(SHUSHA_FORUM_2023,),
        countries=("AZ",),
        organizations=(MDA, *HISTORICAL),
        people=("heydar-aliyev",),
    ),
    ArticleSpec(
        agency="tass",
        agency_item_id="tass-2025-0826-015",
        slug="astrakhan-exhibition-shows-baku-through-eyes-of-sister-city",
        headline="Astrakhan exhibition shows Baku through the eyes of its sister city",
        summary="A photo exhibition in Astrakhan traces a century of ties between the lower "
        "Volga and Baku.",
        dateline_raw="ASTRAKHAN, August 26. /TASS/.",
        dateline_city="astrakhan",
        dateline_date=datetime.date(2025, 8, 26),
        published_at=_at(2025, 8, 26, 12, 0),
        paragraphs=(
            "A photo exhibition about the ties between Astrakhan and Baku opened in "
            "Astrakhan on Tuesday, bringing together pictures of ships, markets, theatres "
            "and families from both sides of the Caspian.",
            "The exhibition was prepared by the Volga-Caspian Review magazine from the "
            "archives of its readers and of local museums. Some of the photographs date back "
            "to the early twentieth century, when steamers carried oil products, fish and "
            "passengers between the two cities.",
            '"Baku and Astrakhan are sister cities, but for many people here the link is '
            'much more personal: a grandmother from Baku, an uncle who sailed on a tanker," '
            "said the magazine's editor Elena Sorokina.",
            "The exhibition will be open until the end of October and will then travel to Baku.",
        ),
        countries=("RU", "AZ"),
        organizations=("volga-caspian-review",),
        people=("elena-sorokina",),
    ),
)

# Never on a public page: a draft, a report waiting for review, and an embargoed one.
UNPUBLISHED_REPORTS: tuple[ArticleSpec, ...] = (
    ArticleSpec(
        agency="trend",
        agency_item_id="trend-2026-1120-014",
        slug="azerbaijani-delegation-for-turkmenbashi-transport-meeting-takes-shape",
        headline="Azerbaijani delegation for Turkmenbashi transport meeting takes shape",
        summary="Azerbaijan is preparing proposals on ferry safety for the 2027 Caspian "
        "transport ministers' meeting.",
        dateline_raw="BAKU, Azerbaijan, Nov. 20.",
        dateline_city="baku",
        dateline_date=datetime.date(2026, 11, 20),
        status="draft",
        paragraphs=(
            "Azerbaijan has begun forming its delegation for the meeting of Caspian transport "
            "ministers due in Turkmenistan in September 2027, Trend reports.",
            "The delegation is expected to include representatives of the port of Baku, the "
            "national shipping company and the customs service. Its main proposal concerns "
            "common rules for ferry safety and the training of crews.",
            "Officials involved in the preparations said Baku would also argue for a shared "
            "system of weather warnings for ferry operators, after several crossings were "
            "cancelled last winter because of storms in the middle of the sea. Another "
            "proposal concerns a common register of ferry berths, so that ships arriving "
            "from different ports can book a slot before they leave.",
            "The delegation is expected to be confirmed in the spring.",
            "[EDITOR: confirm the composition with the ministry before publishing; add "
            "quote from the port.]",
        ),
        events=(TRANSPORT_MEETING_2027,),
        countries=("AZ", "TM"),
        organizations=(CTCC,),
    ),
    ArticleSpec(
        agency="kazinform",
        agency_item_id="kazinform-2026-1124-007",
        slug="survey-kazakh-readers-turn-to-messaging-apps-for-regional-news",
        headline="Survey: Kazakh readers turn to messaging apps for regional news",
        summary="A reader survey by the Steppe Business Weekly finds that messaging apps have "
        "overtaken websites as a source of regional news.",
        dateline_raw="ALMATY. KAZINFORM –",
        dateline_city="almaty",
        dateline_date=datetime.date(2026, 11, 24),
        status="in_review",
        paragraphs=(
            "Messaging apps have overtaken news websites as the main source of regional news "
            "for readers in Kazakhstan, according to a survey published by the Steppe "
            "Business Weekly.",
            "Of the readers who took part, a majority said they follow at least one channel "
            "devoted to news from their own region, and many said they rarely open a news "
            "website directly.",
            '"Readers have not stopped trusting newspapers; they simply meet them in a '
            "different place,\" said the weekly's editor-in-chief Aidana Seitkali.",
            "Editors say the shift makes it harder to earn money from advertising but "
            "easier to reach young readers in small towns.",
            "The survey also found that readers value short audio summaries and want more "
            "reporting from district centres, which national outlets rarely cover.",
        ),
        countries=("KZ",),
        organizations=("steppe-business-weekly",),
        people=("aidana-seitkali",),
    ),
    ArticleSpec(
        agency="reuters",
        agency_item_id="reuters-2026-1101-emb-01",
        slug="caspian-freight-outlook-sees-ferry-volumes-doubling",
        headline="Caspian freight outlook sees ferry volumes doubling within a decade",
        summary="A joint forecast prepared for the 2027 Caspian transport ministers' meeting "
        "expects ferry cargo to double.",
        dateline_raw="ASHGABAT (Reuters) -",
        dateline_city="ashgabat",
        dateline_date=datetime.date(2026, 11, 1),
        published_at=_at(2026, 11, 1, 6, 0),
        embargo_until=_at(2030, 1, 1, 0, 0),
        byline="Reporting by Timur Zhaksylykov; Editing by Helen Marsh",
        paragraphs=(
            "Cargo carried by ferries across the Caspian Sea could double within ten years if "
            "ports and rail links keep pace, according to a joint outlook prepared for "
            "transport ministers of the five Caspian states.",
            "The forecast, compiled by the Caspian Transport Coordination Council, assumes "
            "that traffic between China and Europe via Central Asia continues to grow and "
            "that new ferries ordered by several countries enter service on time.",
            "Ferry operators say the limits are already visible: at peak times trucks queue "
            "for days at the busiest ports, and several ferries in service are more than "
            "thirty years old.",
            "The outlook recommends that countries coordinate their orders for new vessels "
            "and share data on waiting times at the ports.",
            "Ministers are due to discuss the outlook when they meet near Turkmenbashi in "
            "September 2027.",
        ),
        events=(TRANSPORT_MEETING_2027,),
        countries=("TM", "KZ", "AZ"),
        organizations=(CTCC,),
    ),
)

ARTICLES: tuple[ArticleSpec, ...] = (
    CASPIAN_MEDIA_FORUM_REPORTS
    + SHUSHA_REPORTS
    + TRANSPORT_2024_REPORTS
    + EXPO_2025_REPORTS
    + UPCOMING_EVENT_REPORTS
    + OTHER_REPORTS
    + UNPUBLISHED_REPORTS
)
