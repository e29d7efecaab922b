"""The world's best-known news agencies: facts an editor would look up once.

Loaded into the registry (as organizations of kind news agency) by
`python manage.py load_agencies`, which `load_demo` also runs. Existing rows
are kept; only missing agencies are added and missing aliases appended.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from newsroom.fields import clean_names
from organizations.models import Organization, OrganizationKind


@dataclass(frozen=True)
class AgencyFact:
    slug: str
    name: str
    short_name: str
    country: str
    aliases: tuple[str, ...] = ()


AGENCIES: tuple[AgencyFact, ...] = (
    AgencyFact("reuters", "Reuters", "Reuters", "GB", ("Thomson Reuters", "Рейтер")),
    AgencyFact("ap", "Associated Press", "AP", "US", ("The Associated Press",)),
    AgencyFact(
        "afp", "Agence France-Presse", "AFP", "FR", ("Agence France Presse", "France-Presse")
    ),
    AgencyFact("dpa", "Deutsche Presse-Agentur", "dpa", "DE", ("DPA",)),
    AgencyFact("efe", "Agencia EFE", "EFE", "ES"),
    AgencyFact("ansa", "ANSA", "ANSA", "IT", ("Agenzia Nazionale Stampa Associata",)),
    AgencyFact(
        "tass", "TASS", "TASS", "RU", ("ТАСС", "ITAR-TASS", "Russian News Agency TASS", "ИТАР-ТАСС")
    ),
    AgencyFact("ria-novosti", "RIA Novosti", "RIA", "RU", ("РИА Новости", "RIA-Novosti")),
    AgencyFact("interfax", "Interfax", "Interfax", "RU", ("Интерфакс",)),
    AgencyFact("sputnik", "Sputnik", "Sputnik", "RU", ("Спутник",)),
    AgencyFact("xinhua", "Xinhua News Agency", "Xinhua", "CN", ("Синьхуа",)),
    AgencyFact("kyodo", "Kyodo News", "Kyodo", "JP"),
    AgencyFact("jiji", "Jiji Press", "Jiji", "JP"),
    AgencyFact("yonhap", "Yonhap News Agency", "Yonhap", "KR"),
    AgencyFact("pti", "Press Trust of India", "PTI", "IN"),
    AgencyFact("anadolu", "Anadolu Agency", "AA", "TR", ("Anadolu Ajansı", "Anadolu")),
    AgencyFact("trend", "Trend News Agency", "Trend", "AZ", ("Trend.az", "Trend Agency")),
    AgencyFact(
        "azertac",
        "Azerbaijan State News Agency (AZERTAC)",
        "AZERTAC",
        "AZ",
        ("AzerTAc", "AzerTag", "Azertac", "Azerbaijan State News Agency", "АЗЕРТАДЖ"),
    ),
    AgencyFact("apa-az", "APA Information Agency", "APA", "AZ", ("APA.az",)),
    AgencyFact(
        "kazinform",
        "Kazinform International News Agency",
        "Kazinform",
        "KZ",
        ("KAZINFORM", "Kazinform", "Казинформ", "Qazinform"),
    ),
    AgencyFact(
        "irna",
        "Islamic Republic News Agency (IRNA)",
        "IRNA",
        "IR",
        ("Islamic Republic News Agency",),
    ),
    AgencyFact("tasnim", "Tasnim News Agency", "Tasnim", "IR"),
    AgencyFact("mehr", "Mehr News Agency", "Mehr", "IR"),
    AgencyFact(
        "belta",
        "Belarusian Telegraph Agency (BelTA)",
        "BelTA",
        "BY",
        ("BELTA", "Belarusian Telegraph Agency", "БелТА"),
    ),
    AgencyFact("ukrinform", "Ukrinform", "Ukrinform", "UA", ("Укрінформ", "Укринформ")),
    AgencyFact("unian", "UNIAN", "UNIAN", "UA", ("УНІАН",)),
    AgencyFact(
        "kabar", "Kabar (Kyrgyzstan)", "Kabar", "KG", ("KABAR", "Кабар", "Kabar News Agency")
    ),
    AgencyFact(
        "uza",
        "National News Agency of Uzbekistan (UzA)",
        "UzA",
        "UZ",
        ("National News Agency of Uzbekistan", "УзА", "UZA"),
    ),
    AgencyFact(
        "tdh",
        "Turkmenistan State News Agency (TDH)",
        "TDH",
        "TM",
        ("Turkmenistan State News Agency", "Türkmen Döwlet Habarlar Gullugy"),
    ),
    AgencyFact(
        "khovar", "Khovar", "Khovar", "TJ", ("Ховар", "National Information Agency of Tajikistan")
    ),
    AgencyFact("armenpress", "Armenpress", "Armenpress", "AM", ("ARMENPRESS", "Арменпресс")),
    AgencyFact("interpressnews", "Interpressnews", "IPN", "GE"),
    AgencyFact(
        "pap",
        "Polish Press Agency (PAP)",
        "PAP",
        "PL",
        ("Polish Press Agency", "Polska Agencja Prasowa"),
    ),
    AgencyFact("ctk", "Czech News Agency (ČTK)", "ČTK", "CZ", ("CTK", "Czech News Agency")),
    AgencyFact("mti", "Hungarian News Agency (MTI)", "MTI", "HU"),
    AgencyFact("apa-at", "Austria Presse Agentur", "APA-Austria", "AT", ("Austria Press Agency",)),
    AgencyFact("keystone-sda", "Keystone-SDA", "SDA", "CH", ("Keystone-ATS",)),
    AgencyFact("anp", "Algemeen Nederlands Persbureau (ANP)", "ANP", "NL"),
    AgencyFact("belga", "Belga", "Belga", "BE", ("BELGA",)),
    AgencyFact("agerpres", "Agerpres", "Agerpres", "RO", ("AGERPRES",)),
    AgencyFact("bta", "Bulgarian News Agency (BTA)", "BTA", "BG", ("Bulgarian News Agency",)),
    AgencyFact("tanjug", "Tanjug", "Tanjug", "RS", ("Танјуг",)),
    AgencyFact("hina", "Croatian News Agency (HINA)", "HINA", "HR"),
    AgencyFact("ana-mpa", "Athens-Macedonian News Agency", "ANA-MPA", "GR", ("AMNA",)),
    AgencyFact("lusa", "Lusa", "Lusa", "PT", ("Agência Lusa",)),
    AgencyFact("tt", "TT News Agency", "TT", "SE", ("Tidningarnas Telegrambyrå",)),
    AgencyFact("ntb", "Norsk Telegrambyrå (NTB)", "NTB", "NO"),
    AgencyFact("stt", "Finnish News Agency (STT)", "STT", "FI", ("STT-FNB",)),
    AgencyFact("ritzau", "Ritzau", "Ritzau", "DK"),
    AgencyFact(
        "mena", "Middle East News Agency (MENA)", "MENA", "EG", ("Middle East News Agency",)
    ),
    AgencyFact("wafa", "WAFA", "WAFA", "PS", ("Palestinian News and Information Agency",)),
    AgencyFact("spa", "Saudi Press Agency", "SPA", "SA"),
    AgencyFact("wam", "Emirates News Agency (WAM)", "WAM", "AE", ("Emirates News Agency",)),
    AgencyFact("qna", "Qatar News Agency", "QNA", "QA"),
    AgencyFact("kuna", "Kuwait News Agency", "KUNA", "KW"),
    AgencyFact("app", "Associated Press of Pakistan", "APP", "PK"),
    AgencyFact("bss", "Bangladesh Sangbad Sangstha", "BSS", "BD"),
    AgencyFact(
        "bernama", "Bernama", "Bernama", "MY", ("BERNAMA", "Malaysian National News Agency")
    ),
    AgencyFact("antara", "Antara", "Antara", "ID", ("ANTARA", "Antara News Agency")),
    AgencyFact("pna", "Philippine News Agency", "PNA", "PH"),
    AgencyFact("vna", "Vietnam News Agency", "VNA", "VN", ("TTXVN",)),
    AgencyFact("cna", "Central News Agency", "CNA", "TW", ("Focus Taiwan",)),
    AgencyFact("aap", "Australian Associated Press", "AAP", "AU"),
    AgencyFact("cp", "Canadian Press", "CP", "CA", ("The Canadian Press", "La Presse Canadienne")),
    AgencyFact("upi", "United Press International", "UPI", "US"),
    AgencyFact("bloomberg", "Bloomberg News", "Bloomberg", "US"),
    AgencyFact("prensa-latina", "Prensa Latina", "PL", "CU"),
    AgencyFact("notimex", "Notimex", "Notimex", "MX"),
    AgencyFact("agencia-brasil", "Agência Brasil", "Agência Brasil", "BR", ("Agencia Brasil",)),
    AgencyFact("map", "Maghreb Arab Press", "MAP", "MA", ("Maghreb Arabe Presse",)),
    AgencyFact("aps", "Algeria Press Service", "APS", "DZ", ("Algérie Presse Service",)),
    AgencyFact("tap", "Tunis Afrique Presse", "TAP", "TN"),
    AgencyFact("nan", "News Agency of Nigeria", "NAN", "NG"),
    AgencyFact("ena", "Ethiopian News Agency", "ENA", "ET"),
    AgencyFact("kna", "Kenya News Agency", "KNA", "KE"),
    AgencyFact("sapa", "African News Agency", "ANA", "ZA"),
)


@transaction.atomic
def load_agencies() -> tuple[int, int]:
    """Add missing agencies and their missing aliases; return (created, updated)."""
    created = updated = 0
    for fact in AGENCIES:
        org, was_created = Organization.objects.get_or_create(
            slug=fact.slug,
            defaults={
                "name": fact.name,
                "short_name": fact.short_name,
                "kind": OrganizationKind.NEWS_AGENCY,
                "country_id": fact.country,
                "aliases": list(fact.aliases),
            },
        )
        if was_created:
            created += 1
            continue
        aliases = clean_names([*org.aliases, *fact.aliases])
        if aliases != org.aliases:
            org.aliases = aliases
            org.save(update_fields=["aliases", "updated_at"])
            updated += 1
    return created, updated
