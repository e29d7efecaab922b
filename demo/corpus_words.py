"""Word stock for the synthetic archive (`demo.corpus`), written for this project."""

from __future__ import annotations

import random
from collections.abc import Iterator

from organizations.models import OrganizationKind

GIVEN = """Aida Aliya Anar Arman Aruzhan Askar Aziz Bakhtiyar Bahram Dana Daniyar Davud Dilnoza
Elchin Elnur Emil Farid Farida Gulnara Gunel Hasan Ilham Ilya Irina Jamila Kamran
Karina Lala Leyla Madina Malik Mehriban Murad Nargiz Nodir Nurlan Oksana Oleg Orhan
Parviz Ramin Rashid Rustam Samir Sabina Sanjar Sevda Shahin Tahmina Temur Timur
Ulugbek Vagif Vusal Yerlan Zarina Zaur Ziyoda Anna Boris Dmitri Elena Galina Igor
Marina Nikolai Pavel Sergei Tatiana Viktor Giorgi Nino Levan Tamar Armen Ani
Hovhannes Lilit Mehmet Ayse Emre Zeynep Li Wang Mei Chen Reza Maryam Ali Fatemeh""".split()
FAMILY = """Abdullayev Aliyev Akhmedov Alimov Amirov Askarov Babayev Bakirov Dadashov Guliyev
Hasanov Huseynov Ibragimov Ismayilov Jafarov Karimov Kasymov Mammadov Musayev Nazarov
Nuriyev Orujov Rahimov Rasulov Sadykov Safarov Salimov Sultanov Tashkentov Umarov
Valiyev Yusupov Zakirov Zeynalov Abenov Bekov Dzhumabayev Ermekov Ivanov Kuznetsov
Lebedev Morozov Novikov Orlov Petrov Popov Smirnov Sokolov Volkov Beridze Kapanadze
Lomidze Tsereteli Grigoryan Hakobyan Petrosyan Sargsyan Demir Kaya Sahin Yilmaz Celik
Wang Zhang Liu Zhao Rahmani Karimi Hosseini Tehrani Mirzoev Rakhmonov Saidov Berdiyev
Annayev Ovezov Toktogulov Usenov Duisenov""".split()
INITIALS = "ABDEFGHIKLMNORSTVZ"

BODY_KINDS = [
    ("Ministry of {domain}", OrganizationKind.GOVERNMENT),
    ("State Committee for {domain}", OrganizationKind.GOVERNMENT),
    ("Agency for {domain} Development", OrganizationKind.GOVERNMENT),
    ("National Council on {domain}", OrganizationKind.GOVERNMENT),
    ("{domain} Association", OrganizationKind.NGO),
    ("Foundation for {domain}", OrganizationKind.NGO),
    ("{domain} Holding", OrganizationKind.COMPANY),
    ("{domain} Company", OrganizationKind.COMPANY),
    ("Institute of {domain}", OrganizationKind.OTHER),
    ("{domain} Review", OrganizationKind.PUBLICATION),
    ("{domain} Herald", OrganizationKind.PUBLICATION),
    ("Regional Forum on {domain}", OrganizationKind.INTERGOVERNMENTAL),
    ("Press Service", OrganizationKind.NEWS_AGENCY),
]
DOMAINS = """Energy Water Resources Digital Affairs Transport Agriculture Culture Tourism Health
Education Finance Trade Industry Ecology Youth Sports Communications Science Labour
Justice Customs Statistics Fisheries Forestry Aviation Shipping Railways Textiles
Mining Chemistry Construction Housing Media Broadcasting Archives Heritage Migration
Standards Innovation Logistics""".split()
SERIES_WORDS = """Media Energy Trade Investment Culture Tourism Transport Digital Youth Water
Agriculture Security Science Health Film Book Heritage Logistics Mining Finance Oil
Gas Startup Climate Education Sports Aviation Shipping Railway Textile""".split()
SERIES_KINDS = "Forum Summit Congress Conference Expo Week Festival Dialogue Fair Council".split()
PLACES = """Caspian Silk Road Eurasian Central Asian Black Sea Turkic Steppe Mountain Regional
International Global Northern Southern Baku Astana Tashkent Tbilisi Yerevan Almaty
Samarkand""".split()

VERBS = [
    "meets",
    "signs an agreement with",
    "holds talks with",
    "discusses cooperation with",
    "visits",
    "opens a new office with",
    "reviews progress with",
    "announces a joint plan with",
]
SENTENCES = [
    "The sides discussed prospects for cooperation in {domain} and agreed to meet again.",
    "{person} said the talks had been constructive and that a working group would follow.",
    "Delegations from {country} and neighbouring states took part in the sessions.",
    "The meeting was held on the sidelines of a regional gathering in {city}.",
    "Officials noted that trade in {domain} had grown over the past year.",
    "{org} presented a report on the state of {domain} in the region.",
    "Participants adopted a final statement calling for closer ties.",
    "Experts from {country} shared their experience in {domain}.",
    "The agenda also covered training programmes and exchanges of specialists.",
    "A memorandum on {domain} is expected to be signed before the end of the year.",
    "Journalists from several countries covered the event.",
    "{person} thanked the hosts for their hospitality.",
]


def person_name(rng: random.Random) -> str:
    """Return a plausible regional full name."""
    middle = f" {rng.choice(INITIALS)}." if rng.random() < 0.6 else ""
    return f"{rng.choice(GIVEN)}{middle} {rng.choice(FAMILY)}"


def organization_names(
    rng: random.Random, countries: list[str], region: list[str]
) -> Iterator[tuple[str, str, str]]:
    """Yield (name, kind, country code) for new organizations, endlessly, mostly regional."""
    while True:
        code = rng.choice(region) if rng.random() < 0.6 else rng.choice(countries)
        pattern, kind = rng.choice(BODY_KINDS)
        domain = rng.choice(DOMAINS)
        base = pattern.format(domain=domain)
        name = f"{code} {base}" if kind == OrganizationKind.NEWS_AGENCY else f"{base} ({code})"
        number = rng.randrange(1, 200)
        yield (f"{name} {number}" if rng.random() < 0.8 else name), kind, code


def series_names(rng: random.Random, n: int) -> list[str]:
    """Return n distinct event series names."""
    names: set[str] = set()
    while len(names) < n:
        names.add(f"{rng.choice(PLACES)} {rng.choice(SERIES_WORDS)} {rng.choice(SERIES_KINDS)}")
    return sorted(names)


def one_off_event_name(rng: random.Random, n: int) -> str:
    """Return the name of a one-off event."""
    return f"{rng.choice(PLACES)} {rng.choice(SERIES_WORDS)} Round Table No. {n + 1}"


def headline(rng: random.Random, subject: str, other: str, city: str) -> str:
    """Return a headline naming who did what with whom, and where."""
    return f"{subject} {rng.choice(VERBS)} {other} in {city}"


def paragraph(rng: random.Random, names: dict[str, str]) -> str:
    """Return a paragraph of two or three sentences, with names filled in."""
    return " ".join(rng.choice(SENTENCES).format(**names) for _ in range(rng.randint(2, 3)))


def paragraph_pool(
    rng: random.Random, size: int, cities: list[str], countries: list[str]
) -> list[str]:
    """Return `size` ready-made paragraphs naming generic people, places and fields."""

    def names() -> dict[str, str]:
        return {
            "person": person_name(rng),
            "org": "The ministry",
            "country": rng.choice(countries),
            "city": rng.choice(cities or ["the capital"]),
            "domain": rng.choice(DOMAINS).lower(),
        }

    return [paragraph(rng, names()) for _ in range(size)]
