"""Dates as wires print them: month names in several languages, and year inference."""

from __future__ import annotations

import datetime
import functools
import re
import unicodedata

import jdatetime

from newsroom.scripts import hindi_key

# Month names as they appear in datelines (lower case). English full and short
# forms, Russian (genitive as in "19 сентября", nominative and short), and the
# other languages agencies in the region file in. `months()` adds CLDR's.
_MONTH_FORMS = {
    1: "january jan janv январь января янв enero ene januar jänner janvier ocak gennaio janeiro",
    2: "february feb febr февраль февраля фев февр febrero februar février fevrier şubat subat "
    "febbraio fevereiro febuary feburary",  # the last two: misspellings copy prints
    3: "march mar март марта мар marzo märz marz mars mart março marco",
    4: "april apr апрель апреля апр abril avril nisan aprile",
    5: "may май мая mayo mai mayıs mayis maggio maio",
    6: "june jun июнь июня июн junio juni juin haziran giugno junho",
    7: "july jul июль июля июл julio juli juillet temmuz luglio julho",
    8: "august aug август августа авг agosto août aout ağustos agustos",
    9: "september sep sept сентябрь сентября сен сент septiembre setiembre septembre eylül eylul "
    "settembre setembro",
    10: "october oct октябрь октября окт octubre oktober octobre ekim ottobre outubro",
    11: "november nov ноябрь ноября ноя нояб noviembre novembre kasım kasim novembro",
    12: "december dec декабрь декабря дек diciembre dezember décembre decembre aralık aralik "
    "dicembre dezembro",
}
# Azerbaijani and Uzbek in Latin letters ("2 Dekabr 2015" on AZERTAC's pages).
_TURKIC_LATIN = "yanvar fevral mart aprel may iyun iyul avqust/avgust sentyabr/sentabr "
_TURKIC_LATIN += "oktyabr/oktabr noyabr dekabr"
for _number, _forms in enumerate(_TURKIC_LATIN.split(), start=1):
    _MONTH_FORMS[_number] += " " + _forms.replace("/", " ")
# Central European and Balkan languages: Slovak, Czech, Slovenian, Croatian, Serbian
# (both scripts), Bosnian, Polish, Bulgarian, Macedonian and Ukrainian, in the forms
# datelines print (`6. decembra`, `11. travnja`, `20 września`, `5 серпня`). Polish
# `listopad(a)` (November) is Croatian for October: left out, never guessed.
_CENTRAL_EUROPEAN = {
    1: "január januára januar januarja januara leden ledna siječanj siječnja sijecnja "
    "styczeń stycznia styczen януари јануари јануара січень січня",
    2: "február februára februar februarja februara únor února veljača veljače veljace "
    "luty lutego февруари фебруари фебруара лютий лютого",
    3: "marec marca marta březen března brezna ožujak ožujka ozujka marzec marca "
    "марта березень березня",
    4: "apríl apríla aprila aprilo duben dubna travanj travnja kwiecień kwietnia kwietnia "
    "април априла квітень квітня",
    5: "máj mája maja květen května svibanj svibnja maj мај маја травень травня",
    6: "jún júna junij junija juna červen června lipanj lipnja czerwiec czerwca юни јуни јуна "
    "червень червня",
    7: "júl júla julij julija jula červenec července srpanj srpnja lipiec lipca юли јули јула "
    "липень липня",
    8: "augusta avgust avgusta srpen srpna kolovoz kolovoza sierpień sierpnia август августа "
    "серпень серпня",
    9: "septembra september septembar září zari rujan rujna wrzesień września wrzesnia "
    "септември септембар септембра вересень вересня",
    10: "október októbra oktober oktobra oktobar říjen října rijna październik października "
    "pazdziernika октомври октобар октобра жовтень жовтня",
    11: "november novembra novembar listopadu studeni studenoga studenog ноември новембар "
    "новембра листопада",
    12: "december decembra decembar prosinec prosince prosinac prosinca grudzień grudnia "
    "декември децембар децембра грудень грудня",
}  # fmt: skip
for _number, _forms in _CENTRAL_EUROPEAN.items():
    _MONTH_FORMS[_number] += " " + _forms
# Agencies' short forms in French (AFP: "10 juil 2024"), Spanish (EFE: "21 ago"), Italian,
# German and Portuguese; those that are also English words ("out", "set", "gen", "ago") are not.
_SHORT_FORMS = {
    1: "janv", 2: "févr fevr fév fev", 3: "mrz mär", 4: "avr abr", 5: "mag", 6: "giu",
    7: "juil juill lug", 8: "aoû", 10: "ott okt", 12: "déc dic dez",
}  # fmt: skip
for _number, _forms in _SHORT_FORMS.items():
    _MONTH_FORMS[_number] += " " + _forms
# Indonesian and Malay (Antara, Bernama): `24 Februari 2011`, `3 Ogos`.
_MALAY = {
    1: "januari", 2: "februari", 3: "maret mac", 5: "mei", 7: "julai", 8: "agustus ogos",
    10: "oktober", 12: "desember disember",
}  # fmt: skip
for _number, _forms in _MALAY.items():
    _MONTH_FORMS[_number] += " " + _forms
# Arabic: the Egyptian and Gulf names, the Levantine (Syriac) ones and the Maghreb's
# (French-derived, `جانفي`; Moroccan `غشت`), each with and without its hamza. The
# Levantine two-word names are read as one (`_ARABIC_TWO_WORDS`).
_ARABIC = {
    1: "يناير جانفي", 2: "فبراير شباط فيفري", 3: "مارس آذار اذار",
    4: "أبريل ابريل إبريل نيسان أفريل افريل", 5: "مايو أيار ايار ماي",
    6: "يونيو يونيه حزيران جوان", 7: "يوليو يوليه تموز جويلية يوليوز",
    8: "أغسطس اغسطس أوت اوت غشت", 9: "سبتمبر أيلول ايلول شتنبر", 10: "أكتوبر اكتوبر",
    11: "نوفمبر نونبر", 12: "ديسمبر دجنبر",
}  # fmt: skip
for _number, _forms in _ARABIC.items():
    _MONTH_FORMS[_number] += " " + _forms
# Northern and eastern Europe's other languages, in the forms their agencies' dates print:
# Hungarian (MTI: `2025. november 26.`, `márc. 5.`), Lithuanian (BNS: `gruodžio 15 d.`),
# Latvian (LETA: `7. decembrī`), Estonian (ERR, BNS), Finnish (STT: `5. joulukuuta`),
# Swedish, Norwegian and Danish (TT, NTB, Ritzau), Dutch (ANP, Belga), Romanian
# (Agerpres), Albanian (ATA), Belarusian (BelTA), Greek (ANA-MPA, genitive and
# nominative, with and without accents) and Catalan (ACN); then Filipino (PNA).
_MORE_EUROPEAN = {
    1: "január sausio sausis janvārī janvāris jaanuar jaanuaril tammikuuta tammikuu "
    "januari januar ianuarie janar студзеня студзень ιανουαρίου ιανουαριου ιανουάριος "
    "ιανουαριος gener enero",
    2: "február febr vasario vasaris februārī februāris veebruar veebruaril helmikuuta "
    "helmikuu februari februar februarie shkurt лютага люты φεβρουαρίου φεβρουαριου "
    "φεβρουάριος φεβρουαριος febrer pebrero",
    3: "március márc kovo kovas martā marts märts märtsil maaliskuuta maaliskuu mars maart "
    "martie mar mars марта сакавіка сакавік μαρτίου μαρτιου μάρτιος μαρτιος març marso",
    4: "április ápr balandžio balandis aprīlī aprīlis aprill aprillil huhtikuuta huhtikuu "
    "april aprilie prill красавіка красавік απριλίου απριλιου απρίλιος απριλιος abril abril",
    5: "május máj gegužės gegužė maijā maijs mai toukokuuta toukokuu maj mei mai maj "
    "мая травень мая μαΐου μαιου μάιος μαιος maig mayo",
    6: "június jún birželio birželis jūnijā jūnijs juuni juunil kesäkuuta kesäkuu juni iunie "
    "qershor чэрвеня чэрвень ιουνίου ιουνιου ιούνιος ιουνιος juny hunyo",
    7: "július júl liepos liepa jūlijā jūlijs juuli juulil heinäkuuta heinäkuu juli iulie "
    "korrik ліпеня ліпень ιουλίου ιουλιου ιούλιος ιουλιος juliol hulyo",
    8: "augusztus aug rugpjūčio rugpjūtis augustā augusts august augustil elokuuta elokuu "
    "augusti augustus gusht жніўня жнівень αυγούστου αυγουστου αύγουστος αυγουστος agost",
    9: "szeptember szept rugsėjo rugsėjis septembrī septembris septembril syyskuuta syyskuu "
    "september septembrie shtator верасня верасень σεπτεμβρίου σεπτεμβριου σεπτέμβριος "
    "σεπτεμβριος setembre setyembre",
    10: "október okt spalio spalis oktobrī oktobris oktoober oktoobril lokakuuta lokakuu "
    "oktober octombrie tetor кастрычніка кастрычнік οκτωβρίου οκτωβριου οκτώβριος "
    "οκτωβριος octubre oktubre",
    11: "november lapkričio lapkritis novembrī novembris novembril marraskuuta marraskuu "
    "noiembrie nëntor nentor лістапада лістапад νοεμβρίου νοεμβριου νοέμβριος νοεμβριος "
    "novembre nobyembre",
    12: "december gruodžio gruodis decembrī decembris detsember detsembril joulukuuta "
    "joulukuu desember decembrie dhjetor снежня снежань δεκεμβρίου δεκεμβριου δεκέμβριος "
    "δεκεμβριος desembre disyembre",
}  # fmt: skip
for _number, _forms in _MORE_EUROPEAN.items():
    _MONTH_FORMS[_number] += " " + _forms


def month_key(word: str) -> str:
    """A month's name as `months()` keys it: in lower case, and in Devanagari without the
    spelling variants Hindi copy prints (`सितम्बर`, `सितंबर`; `फ़रवरी`, `फरवरी`)."""
    return hindi_key(word.lower())


# The months' names in the languages of India, Bangladesh, Pakistan, Nepal, Iran, Israel
# and Thailand, from CLDR through Babel (`5 दिसंबर`, `৫ ডিসেম্বর`, `5 دسمبر`): Gregorian
# months, as their agencies' datelines print them. Then the home region's and Europe's
# languages, whose common forms are typed above: CLDR adds the rest (Armenian `2 ապրիլի`,
# Georgian `1 თებერვალი`, Croatian `siječnja`, Czech `března`).
_CLDR_MONTH_LOCALES = (
    "hi", "mr", "ne", "bn", "pa", "gu", "or", "ta", "te", "kn", "ml", "ur", "fa", "he", "th",
    "hy", "ka", "az", "uz", "kk", "ky", "tk", "tg", "tr", "ru", "uk", "be", "sr", "sr_Latn",
    "bs", "hr", "sl", "mk", "bg", "sq", "cs", "sk", "pl", "hu", "ro", "lt", "lv", "et", "fi",
    "el", "de", "nl", "sv", "da", "nb", "fr", "it", "es", "pt", "ca", "id", "ms",
)  # fmt: skip
# Where datelines shorten the months (Sputnik's Uzbek `30 avg`, Azerbaijani `30 avq`):
# CLDR's abbreviations, without their dots, but for those that are words as well
# (`sen`, `yan`, `dek`; Kazakh `там` and Turkmen `few` are why those two are left out).
_CLDR_SHORT_MONTH_LOCALES = ("hy", "ka", "az", "uz")
_SHORT_MONTHS_ALSO_WORDS = frozenset({"sen", "yan", "dek"})


@functools.cache
def months() -> dict[str, int]:
    """Return every month name read, keyed by `month_key`, with its number.

    Built at first use, not at import: CLDR's tables take a tenth of a second to load,
    which every process that never reads a date (the web workers) would pay.
    """
    from babel.dates import get_month_names

    names = {form: number for number, forms in _MONTH_FORMS.items() for form in forms.split()}
    for locale in _CLDR_MONTH_LOCALES:
        for context in ("format", "stand-alone"):
            for number, name in get_month_names("wide", context, locale).items():
                if (key := month_key(name)) not in AMBIGUOUS_MONTHS:  # `listopad`: by country
                    names.setdefault(key, number)
                if locale == "he":
                    names.setdefault("ב" + name, number)  # "in": `5 בדצמבר`
    for locale in _CLDR_SHORT_MONTH_LOCALES:
        for number, name in get_month_names("abbreviated", "format", locale).items():
            short = month_key(name.rstrip("."))
            if len(short) >= 3 and short not in _SHORT_MONTHS_ALSO_WORDS:
                names.setdefault(short, number)
    return names


@functools.cache
def _thai_short_months() -> tuple[re.Pattern[str], dict[str, str]]:
    """Thai copy shortens the months with dots (`3 ก.ย.`, `18 ก.พ.`): read as their names."""
    from babel.dates import get_month_names

    wide = get_month_names("wide", "format", "th")
    shorts = {short: wide[n] for n, short in get_month_names("abbreviated", "format", "th").items()}
    return re.compile("|".join(re.escape(short) for short in shorts)), shorts


# PTI's Hindi service spells the days one to nine: `नयी दिल्ली, पांच दिसंबर (भाषा)`.
_HINDI_DAYS = re.compile(
    "(?<![\u0900-\u097f])(एक|दो|तीन|चार|पांच|पाँच|छह|छः|सात|आठ|नौ)(?=[ \t]+[\u0900-\u097f])"
)
_HINDI_DAY_NUMBERS = {"एक": "1", "दो": "2", "तीन": "3", "चार": "4", "पांच": "5", "पाँच": "5"}
_HINDI_DAY_NUMBERS |= {"छह": "6", "छः": "6", "सात": "7", "आठ": "8", "नौ": "9"}
_ARABIC_TWO_WORDS = re.compile(r"(?:كانون|تشرين) (?:الثاني|الأول|الاول)|(?<!\w)آب(?!\w)")
_ARABIC_TWO_WORD_MONTHS = {
    "كانون الثاني": "يناير", "تشرين الأول": "أكتوبر", "تشرين الاول": "أكتوبر",
    "تشرين الثاني": "نوفمبر", "كانون الأول": "ديسمبر", "كانون الاول": "ديسمبر", "آب": "أغسطس",
}  # fmt: skip
_TWO_NAMES = re.compile(r"([^\W\d_]{2,13})\s*[/ ]\s*([^\W\d_]{2,13})")


def _one_name(match: re.Match[str]) -> str:
    """A month printed by two names, the Levantine and the Egyptian, kept once."""
    first, second = match.group(1), match.group(2)
    names = months()
    same = names.get(first.lower()) is not None and names.get(first.lower()) == names.get(
        second.lower()
    )
    return first if same else match.group(0)


# Arabic-Indic and Eastern Arabic-Indic (Persian) digits, and those of the Indian scripts
# and Thai (`৫ ডিসেম্বর`, `५ दिसंबर`), read as ASCII ones.
ARABIC_DIGITS = {
    ord(c): str(unicodedata.decimal(c))
    for c in map(chr, [*range(0x0660, 0x0DFF), *range(0x0E50, 0x0E5A)])
    if c.isdecimal()
}

# English and Russian weekdays: never a place's name in a dateline (`looks_like_place`).
NEVER_PLACES = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    "понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье",
}  # fmt: skip
# Weekdays a printed date may open with: those, and in other languages, some of which are
# also towns' names (`Çarşamba`, `Pazar`), so only a date's first word is read as one.
WEEKDAYS = NEVER_PLACES | {
    # French, Spanish, Portuguese, German, Italian, Turkish, Indonesian and Malay
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    "lunes", "martes", "miércoles", "miercoles", "jueves", "viernes", "sábado", "sabado",
    "domingo", "segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira",
    "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
    "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica",
    "pazartesi", "salı", "çarşamba", "perşembe", "cuma", "cumartesi", "pazar",
    "senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu",
    "isnin", "khamis", "jumaat", "ahad",
    # Dutch, Swedish, Norwegian and Danish, Finnish, Hungarian, Polish, Czech and Slovak,
    # Croatian and Serbian, Lithuanian, Romanian and Ukrainian
    "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",
    "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag", "mandag",
    "tirsdag", "lørdag", "søndag", "maanantai", "tiistai", "keskiviikko", "torstai",
    "perjantai", "lauantai", "sunnuntai", "hétfő", "kedd", "szerda", "csütörtök", "péntek",
    "szombat", "vasárnap", "poniedziałek", "wtorek", "środa", "czwartek", "piątek",
    "sobota", "niedziela", "pondělí", "úterý", "středa", "čtvrtek", "pátek", "neděle",
    "pondelok", "utorok", "streda", "štvrtok", "piatok", "nedeľa", "ponedjeljak",
    "ponedeljak", "utorak", "srijeda", "sreda", "četvrtak", "petak", "subota", "nedjelja",
    "nedelja", "pirmadienis", "antradienis", "trečiadienis", "ketvirtadienis",
    "penktadienis", "šeštadienis", "sekmadienis", "luni", "marți", "miercuri", "joi",
    "vineri", "sâmbătă", "duminică", "понеділок", "вівторок", "середа", "четвер",
    "пʼятниця", "п'ятниця", "субота", "неділя",
}  # fmt: skip

# A letter, or a mark of the Indian scripts or Thai: their vowels (`दिसंबर`, `ธันวาคม`).
LETTER = "(?:[^\\W\\d_]|(?!\\d)[\u0900-\u0dff\u0e00-\u0e7f])"
_MONTH = rf"(?P<month>{LETTER}{{2,13}})\.?"  # up to Polish "października"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|-?го|-?е)?"
_YEAR = r"(?P<year>(?:1[89]|2\d)\d\d)"
_DATE_PATTERNS = [
    # 2023-09-19
    re.compile(r"^(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})$"),
    # The year first: 2023.09.19 and 2023. 09. 19. (Korea, Japan, Hungary)
    re.compile(r"^(?P<year>\d{4})\.\s?(?P<month>\d{1,2})\.\s?(?P<day>\d{1,2})$"),
    # … and 2023. szeptember 19. (MTI), 2023 m. rugsėjo 19 d. (BNS)
    re.compile(rf"^{_YEAR}\.?\s+(?:m\.\s+)?{_MONTH}\s*{_DAY}\.?(?:\s*d)?$", re.IGNORECASE),
    # 19.09.2023, 19/09/2023, and 19.09.23 (Turan: `Baku/02.10.20/Turan:`)
    re.compile(r"^(?P<day>\d{1,2})[./](?P<month>\d{1,2})[./](?P<year>\d{4}|\d{2})$"),
    # September 19, 2023 / Sept. 19 / Sep 19th
    re.compile(rf"^{_MONTH}\s*{_DAY}(?:\s*,?\s*{_YEAR})?$", re.IGNORECASE),
    # 19 September 2023 / 19. September / 19 de septiembre de 2023 / 19 сентября 2023 года
    re.compile(
        rf"^{_DAY}\.?\s*(?:de\s+)?{_MONTH}(?:\s*,?\s*(?:de\s+)?{_YEAR}(?:\s*(?:г\.?|года|م))?)?$",
        re.IGNORECASE,
    ),
]


# … and, in a dateline only, the day and the month between spaced dashes (KUNA's Arabic
# datelines: `الكويت - 5 - 12 (كونا) --`); elsewhere `3 - 1` is a score.
_DAY_DASH_MONTH = re.compile(r"^(?P<day>[0-3]?\d) - (?P<month>1[0-2]|0?[1-9])$")


# Month words a date alone cannot tell: Italian, Spanish and Portuguese short forms that
# are also English words (ANSA's `6 set.`, Adnkronos' `9 gen`, EFE's `21 ago`, Lusa's
# `5 out`), and `listopad(a)`, November in Polish but October in Croatian (Hina's `12.
# listopada`). A dateline reads them where a place went before and the agency or its dash
# follows (`ambiguous`), and the country it names settles `listopada`.
AMBIGUOUS_MONTHS = {"gen": 1, "set": 9, "ago": 8, "out": 10, "listopad": 11, "listopada": 11}
_OCTOBER_COUNTRIES = {"HR", "BA"}  # where listopad is October


BUDDHIST_ERA_FROM, BUDDHIST_ERA_OFFSET = 2400, 543


def common_era(year: int) -> int:
    """A printed year in the common era: Thai copy counts from the Buddha (2567 is 2024)."""
    return year - BUDDHIST_ERA_OFFSET if year >= BUDDHIST_ERA_FROM else year


def month_number(text: str) -> int | None:
    """The month a printed month is, by number or by name in any language read."""
    text = text.rstrip(".")
    return int(text) if text.isdigit() else months().get(month_key(text))


_CJK_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_HAN_DIGITS = {c: n for n, c in enumerate("〇一二三四五六七八九")}


def cjk_number(text: str) -> int:
    """`10`, `１０`, `十`, `十二`, `二十五`, `三十一` as a number."""
    text = text.translate(_CJK_DIGITS)
    if text.isdigit():
        return int(text)
    tens, _, units = text.rpartition("十")
    if "十" not in text:
        return _HAN_DIGITS.get(text, 0)
    return _HAN_DIGITS.get(tens, 1) * 10 + _HAN_DIGITS.get(units, 0)


# A Chinese or Japanese date: `10月17日`, `三月五日`, `2007年03月05日`.
# Chinese characters, Japanese kana, Korean hangul; and the digits of a CJK date.
CJK_CHARACTER = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
CJK_NUMBER = "0-9０-９〇一二三四五六七八九十"
_CJK_DATE = re.compile(
    f"(?:(?P<year>[0-9０-９]{{4}})年)?(?P<month>[{CJK_NUMBER}]{{1,3}})月"
    f"(?P<day>[{CJK_NUMBER}]{{1,3}})日"
)


# Iranian copy dates by the Solar Hijri calendar (`۲۳ مهر ۱۳۹۲` is 15 October 2013): its
# months' names from jdatetime, read in Persian or Arabic letters, with the year printed.
_PERSIAN_LETTERS = str.maketrans("يك", "یک")
_SOLAR_MONTHS = {
    name.translate(_PERSIAN_LETTERS): number
    for number, name in enumerate(jdatetime.date.j_months_fa, start=1)
}
SOLAR_HIJRI_DATE = re.compile(
    r"(?<!\d)(?P<day>[0-3]?\d)\s+(?P<month>[\u0621-\u06cc]{2,12})\s+(?P<year>1[34]\d\d)(?!\d)"
)


def solar_hijri(match: re.Match[str]) -> datetime.date | None:
    """The common-era date of a Solar Hijri date `SOLAR_HIJRI_DATE` found (ASCII digits)."""
    month = _SOLAR_MONTHS.get(match.group("month").translate(_PERSIAN_LETTERS))
    if month is None:
        return None
    try:
        return jdatetime.date(
            int(match.group("year")), month, int(match.group("day"))
        ).togregorian()
    except ValueError:
        return None


def read_date(
    text: str, *, ambiguous: bool = False, country: str | None = None
) -> tuple[int | None, int, int] | None:
    """Read a printed date such as 'Sept. 19', '19 сентября' or '2023-09-19', or return None.

    `ambiguous` (a dateline's date) also reads AMBIGUOUS_MONTHS, `listopada` as the
    `country` writes it, and KUNA's `5 - 12`."""
    if not text.isascii() and (cjk := _CJK_DATE.fullmatch(text.strip())):
        numbers = [cjk_number(cjk.group(part) or "0") for part in ("year", "month", "day")]
        if 1 <= numbers[1] <= 12 and 1 <= numbers[2] <= 31:
            return (numbers[0] or None, numbers[1], numbers[2])
        return None
    if not text.isascii():
        text = text.translate(ARABIC_DIGITS).replace("،", ",")
        text = _HINDI_DAYS.sub(lambda m: _HINDI_DAY_NUMBERS[m.group(1)], text)
        thai_short, thai_names = _thai_short_months()
        text = thai_short.sub(lambda m: thai_names[m.group(0)], text)
        solar = SOLAR_HIJRI_DATE.fullmatch(text.strip(" ,."))
        if solar and (date := solar_hijri(solar)):
            return (date.year, date.month, date.day)
        text = _ARABIC_TWO_WORDS.sub(lambda m: _ARABIC_TWO_WORD_MONTHS[m.group(0)], text)
        text = _TWO_NAMES.sub(_one_name, text)  # "كانون الثاني/يناير": one month, two names
    text = " ".join(text.replace(",", " , ").split()).replace(" ,", ",").strip(" .,")
    words = text.split(" ", 1)
    if len(words) == 2 and words[0].strip(",.").lower() in WEEKDAYS:
        text = words[1].strip(" ,")
    patterns = [*_DATE_PATTERNS, _DAY_DASH_MONTH] if ambiguous else _DATE_PATTERNS
    for pattern in patterns:
        match = pattern.match(text)
        if not match:
            continue
        month_text = match.group("month")
        month = month_number(month_text)
        if month is None and ambiguous and (word := month_text.lower()) in AMBIGUOUS_MONTHS:
            october = word.startswith("listopad") and country in _OCTOBER_COUNTRIES
            month = 10 if october else AMBIGUOUS_MONTHS[word]
        if not month or not 1 <= month <= 12:
            continue
        printed_year = match.groupdict().get("year")
        if printed_year and len(printed_year) == 2:
            printed_year = f"20{printed_year}"  # this century's: wires began after 2000
        year = common_era(int(printed_year)) if printed_year else None
        return (year, month, int(match.group("day")))
    return None


def infer_date(
    parts: tuple[int | None, int, int], reference: datetime.date
) -> datetime.date | None:
    """Complete a printed date's year: explicit, else the reference's, never > 1 day ahead."""
    year, month, day = parts
    if year is not None:
        return _safe_date(year, month, day)
    for candidate_year in (reference.year, reference.year - 1):
        candidate = _safe_date(candidate_year, month, day)
        if candidate and candidate <= reference + datetime.timedelta(days=1):
            return candidate
    return None  # '30 February', or '29 February' in a year without it: a typo, not a date


def _safe_date(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None
