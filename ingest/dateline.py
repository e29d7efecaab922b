"""Find and read the dateline that opens a wire report, whatever the agency's style.

Handles country-first (`RUSSIA, Astrakhan, September 19.`), city-first with
country (`BAKU, Azerbaijan, Sept. 19.`), slashed and parenthesised agencies
(`MOSCOW, September 19. /TASS/.`, `ASTANA (Reuters) -`, `BEIJING, Sept. 19
(Xinhua) --`), agency markers (`ASTANA. KAZINFORM -`, `Tashkent. 19 September.
UzA/`) and reports with no dateline at all. It never raises on any text.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from typing import Protocol

from ingest.dates import (
    AMBIGUOUS_MONTHS,
    ARABIC_DIGITS,
    CJK_CHARACTER,
    CJK_NUMBER,
    NEVER_PLACES,
    WEEKDAYS,
    cjk_number,
    infer_date,
    month_key,
    months,
    read_date,
)
from ingest.head import CREDIT_LABELS, dates_in, is_timestamp
from newsroom.scripts import PERSIAN_LETTERS, UNCASED_LETTERS


@dataclass(frozen=True)
class CityRef:
    id: int | None
    name: str
    country: str


# A word shaped like an agency's name: an acronym of two to five capitals (`РИА`,
# `ИТАР-ТАСС`), or a name with a capital inside (`ФедералПресс`, `BelTA`).
_AGENCY_SHAPED = re.compile(
    r"(?-i:[A-ZА-ЯЁ]{2,5}(?:-[A-ZА-ЯЁ]{2,5})?|[A-ZА-ЯЁ][a-zа-яё]+[A-ZА-ЯЁ][\w-]*)"
)


class PlaceLookup(Protocol):
    """What the dateline parser needs to know about places and agencies."""

    def country_code(self, name: str) -> str | None: ...

    def find_city(
        self,
        name: str,
        country: str | None = None,
        prefer: str | None = None,
        region: str | None = None,
    ) -> CityRef | None: ...

    def agency_name(self, text: str) -> str | None: ...

    def agency_country(self, text: str) -> str | None: ...

    def agency_at_site(self, text: str) -> str | None: ...

    def region_country(self, name: str) -> str | None: ...

    def capital_named_as(self, country: str) -> CityRef | None: ...


class NoLookup:
    """A lookup that knows nothing: the parser then relies on the shape of the text alone."""

    def country_code(self, name: str) -> str | None:
        return None

    def find_city(
        self,
        name: str,
        country: str | None = None,
        prefer: str | None = None,
        region: str | None = None,
    ) -> CityRef | None:
        return None

    def agency_name(self, text: str) -> str | None:
        return None

    def agency_country(self, text: str) -> str | None:
        return None

    def region_country(self, name: str) -> str | None:
        return None

    def agency_at_site(self, text: str) -> str | None:
        return None

    def capital_named_as(self, country: str) -> CityRef | None:
        return None


@dataclass
class DatelineMatch:
    raw: str = ""
    end: int = 0  # offset in the text where the report proper starts
    city: str = ""
    city_id: int | None = None
    country: str = ""
    date: datetime.date | None = None
    agency: str = ""
    printed_date: str = ""  # the date as printed, even when it is not a real date
    agency_known: bool = False  # the agency is one the registry knows
    agency_printed: str = ""  # the agency group as printed: "BSS/AFP", "Trend, N. Kirtskhalia"
    reporters: str = ""  # the writers a Chinese, Japanese or Korean dateline names
    warnings: list[str] = field(default_factory=list)


HEAD_LENGTH = 240
MAX_PLACE_WORDS = 5
# Abbreviation dots that must not end a dateline segment ("Sept. 19", "St. Petersburg").
# Each is at most four letters long (see `_blank_abbreviation_dots`).
_ABBREVIATION_DOT = re.compile(
    r"\b(?:Jan|Feb|Febr|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|St|Ste|Mt|Ft|Pt|"
    r"ene|abr|dic|janv|févr|fevr|avr|juil|déc|dez|okt|ott|lug|giu|"  # `dic. 07` (Andina)
    r"янв|фев|февр|мар|апр|июн|июл|авг|сен|сент|окт|нояб|ноя|дек|г|ст)\.",
    re.IGNORECASE,
)
# A dash between the dateline and the story; the story may open with a quote touching it
# (`ROMA, 21 GEN -"Sarò …`).
_DASH = re.compile(r"\s*(?:--|[-–—―])(?=[\s\"“«‘]|$)\s*|\s+(?:--|[-–—―])\s*|\s*[–—―]\s*")
_DAY_AFTER_MONTH = re.compile(r",\s*([0-3]?\d(?:st|nd|rd|th)?)\.?(?=[\s(]|$)")
# The agency signing after the dateline's dash: "– Sputnik. ", "- РИА Новости. "
_SIGNED_AFTER_DASH = re.compile(r"\s*([^\W\d][^.\n]{1,40}?)\.[ \t]+")
_AGENCY_BEFORE_DASH = re.compile(r"[ \t]*([^\W\d][^.\n–—-]{1,40}?)[ \t]*(?:--|[-–—])[ \t]+")
_AGENCY_TO_LINE_END = re.compile(r"[ \t]*([^\W\d][^.\n]{1,40}?)[ \t]*(?=\n)")
_BRACKETED = re.compile(r"\[\s*([^\[\]\n]{2,40}?)\s*\]")
_CLOCK = re.compile(r"[0-2]?\d[:.][0-5]\d(?:\s*(?:GMT|UTC|[AaPp]\.?[Mm]\.?))?[ \t]*(\n|$|,)")
_DATE_AFTER_DASH = re.compile(r"([^()\n–—-]{5,40}?)[ \t]*(?=\(|--|[–—―-][ \t])")
_DAY_DASH_MONTH = re.compile(r"([0-3]?\d[ \t]+-[ \t]+(?:1[0-2]|0?[1-9]))[ \t]*(?=\()")
_SHORT_MONTH_THEN_STORY = re.compile(
    r"([0-3]?\d\.?[ \t]+[^\W\d_]{3,5}\.)[ \t]+[«“\"'‘]?[A-ZÀ-ÞА-ЯЁ]"
)
# What closes a dateline whose brackets hold the date: `.-`, a dash or a colon
_CLOSING_MARK = re.compile(r"[ \t]*(?:\.-|--|[-–—:])")
_CODE = "[a-z]{2,4}"  # a German paper's agency code: `dpa`, `rtr`
_CODE_BEFORE_PLACE = re.compile(rf"({_CODE}(?:/{_CODE}){{0,3}})[ \t]+([A-ZÄÖÜÉ][A-ZÄÖÜÉ .'-]+)")
_CODES_BEFORE_PLACE = re.compile(rf"{_CODE}(?:/{_CODE}){{1,3}}[ \t]+(?=[A-ZÄÖÜÉ])")  # dpa/afp
_NEXT_SEGMENT = re.compile(r"\s*([^,.:;(\n–—-]{3,30})")
_PAREN = re.compile(r"\(\s*([^()\n]{1,80}?)\s*\)")
_SLASHED = re.compile(r"/\s*([^/\n]{1,40}?)\s*/")
_SEGMENT_END = re.compile(r"[,.:;\n(/\[।]|\s(?:--|[-–—―])(?=[\s\"“«‘]|$)|[–—―]")  # `।`: Hindi
_PLACE_CONNECTORS = {
    "de", "del", "da", "do", "dos", "das", "di", "du", "la", "le", "les", "el", "al", "an", "am",
    "im", "on", "upon", "sur", "en", "y", "e", "of", "van", "von", "der", "den", "ad", "bin",
}  # fmt: skip


# Continents and world regions: never a dateline's city, whatever old names a town had.
_REGIONS = {
    "africa", "asia", "europe", "america", "americas", "oceania", "antarctica", "middle east",
    "latin america", "north america", "south america", "central asia", "east africa",
    "west africa", "southern africa", "north africa", "east asia", "south asia",
    "southeast asia", "caucasus", "balkans", "caribbean", "world", "international",
}  # fmt: skip
_SECOND_CITY = re.compile(r"/[A-ZА-ЯЁ][A-ZА-ЯЁ .'-]{1,30}?(?=\s*[,(–—-]|\s+--)")
_DOTTED = re.compile(r"[^\W\d_][\w-]*(?:\.[\w-]+)+(?![\w.])")
_NUMERIC_DATE = re.compile(r"\b\d{1,2}\.\d{1,2}\.\d{2,4}\b|\b(?:19|20)\d\d\.\d{1,2}\.\d{1,2}\b\.?")
_DIGIT_DOT = re.compile(r"\d\.\d")


_STATE_CODE = re.compile(r"[A-Z]{1,3}(?:&[A-Z])?")  # India's `HP`, `UP`, `J&K`
# What follows a state's code: the date and the agency's own bracket, on the same line.
_LATER_BRACKET = re.compile(r"(?P<comma>\s*,?)[^()\n]{1,30}?\(([^()\n]{2,30})\)")


def _mask(text: str) -> str:
    """Blank out abbreviation dots, those inside `06.01.2017`, after an ordinal day
    (`6. decembra`) and after a year before the agency (`2019. (Hina)`), keeping the
    length, so only real stops end segments."""
    text = _blank_abbreviation_dots(text)
    if "." in text[:HEAD_LENGTH]:
        # a state's dotted initials after the city (`NEWARK, N.J. (AP) —`), and a dot
        # before a comma (`LOS ANGELES, Calif., Oct. 29`): abbreviations, not stops
        text = _STATE_INITIALS.sub(lambda m: m.group(0).replace(".", " "), text)
        text = _DOT_BEFORE_COMMA.sub(" ", text)
    if not text.isascii() and ARABIC_LETTER.search(text):
        text = _arabic_marks(text)
    if not text.isascii() and _THAI_LETTER.search(text):
        text = _thai_marks(text)
    text = _YEAR_FIRST_DATE.sub(_blank_year_first_dots, text)
    if _DIGIT_DOT_SPACE.search(text):
        text = _ORDINAL_DAY.sub(_blank_ordinal_dot, text)
        text = _YEAR_DOT.sub(r"\1 ", text)
    if not _DIGIT_DOT.search(text):  # what every numeric date has
        return text
    return _NUMERIC_DATE.sub(lambda m: m.group(0).replace(".", " "), text)


# `N.J.`, `W.Va.`; Canada's `P.E.I.`, `N.W.T.`
_STATE_INITIALS = re.compile(r"(?<=, )(?:[A-Z]\.[A-Z]\.(?:[A-Z]\.)?|W\.Va\.)(?=[ ,(])")
_DOT_BEFORE_COMMA = re.compile(r"(?<=[^\W\d_])\.(?=,)")


# Arabic datelines separate with the Arabic comma and join place and date with `في`
# ("in"): `أبوظبي في 14 مايو / وام /`, `دبي، 12 مارس (وام)`.
ARABIC_LETTER = re.compile("[\u0621-\u064a]")  # the Arabic alphabet, without Persian letters
# … joined to the word closing the line only (`دمشق-سانا`), never a headline's `غزة-رفح: …`
_ARABIC_WORD_HYPHEN = re.compile("(?<=[\u0621-\u064a])-(?=[\u0621-\u064a]+[ \t]*(?:\n|$))")
_ARABIC_WORD_SLASH = re.compile("(?<=[\u0621-\u064a])/(?=[\u0621-\u064a])")
# … and IRNA's place and agency, each closed by a hyphen: `تهران- ایرنا- `
_ARABIC_OR_PERSIAN = f"[\u0621-\u064a{PERSIAN_LETTERS}]"
_ARABIC_HYPHEN_AFTER = re.compile(
    f"(?<={_ARABIC_OR_PERSIAN})-(?=[ \t]+{_ARABIC_OR_PERSIAN}{{2,20}}-[ \t])"
)
_ARABIC_ON_DATE = re.compile("(?<=\\S) في (?=[0-9\u0660-\u0669])")


def _arabic_marks(text: str) -> str:
    """Read the Arabic comma and `في` before a date as commas, and the slash between a
    month's two names (`كانون الثاني/يناير`) as a space, keeping the length."""
    text = _ARABIC_ON_DATE.sub(",   ", text.replace("،", ","))
    text = _ARABIC_WORD_HYPHEN.sub("–", text)  # SANA's `دمشق-سانا`: the place, the agency
    text = _ARABIC_HYPHEN_AFTER.sub("–", text)
    return _ARABIC_WORD_SLASH.sub(" ", text)


# Thai runs its words together: a dateline's dash touches the story (`กรุงเทพฯ 3 ก.ย.-
# กระทรวง…`), and its months' short forms are dotted (`ก.ย.`).
_THAI_LETTER = re.compile("[\u0e01-\u0e4e]")
_THAI_DASH = re.compile("(?<=[\u0e01-\u0e4e. ])-(?=[\u0e01-\u0e4e])")
_THAI_SHORT_MONTH_DOTS = re.compile("(?<![\u0e01-\u0e4e])(?:[\u0e01-\u0e4e]{1,2}\\.){2}")


def _thai_marks(text: str) -> str:
    """Read a dash between Thai words as the dateline's, and blank the dots of a month's
    short form, keeping the length."""
    text = _THAI_DASH.sub("–", text)
    return _THAI_SHORT_MONTH_DOTS.sub(lambda m: m.group(0).replace(".", " "), text)


# Central European datelines print the day as an ordinal: `Bratislava 6. decembra (TASR)`.
_DIGIT_DOT_SPACE = re.compile(r"\d\.[ \t]")
_ORDINAL_DAY = re.compile(r"\b([0-3]?\d)\.(?=[ \t]+([^\W\d_]{3,12}))")
_YEAR_DOT = re.compile(r"\b((?:19|20)\d\d)\.(?=[ \t]*\()")


# A date printed year first, in words: MTI's `2025. november 26.`, BNS's `2025 m. gruodžio
# 15 d.`; its dots are no stops.
_YEAR_FIRST_DATE = re.compile(
    r"\b(?:19|20)\d\d\.?[ \t]+(?:m\.[ \t]+)?(?P<month>[^\W\d_]{3,13})\.?[ \t]+[0-3]?\d\b"
    r"(?:[ \t]*d\b)?\.?"
)


def _blank_year_first_dots(match: re.Match[str]) -> str:
    month = match.group("month").lower()
    return match.group(0).replace(".", " ") if month in months() else match.group(0)


def _blank_ordinal_dot(match: re.Match[str]) -> str:
    month = match.group(2).lower()
    known = month in months() or month in AMBIGUOUS_MONTHS
    return f"{match.group(1)} " if known else match.group(0)


def _blank_abbreviation_dots(text: str) -> str:
    """`_ABBREVIATION_DOT.sub` blanking the dots, tried only just before each dot.

    A match is a word of at most four letters and its dot: it starts in the four
    characters before a dot, after the dot before. Searching the whole text instead tries
    every alternative at every word, ten times slower.
    """
    pieces, start, done = [], 0, 0
    while (dot := text.find(".", start)) >= 0:
        starts = range(max(start, dot - 4), dot) if text[dot - 1 : dot].isalpha() else ()
        if any(_ABBREVIATION_DOT.match(text, p, dot + 1) for p in starts):
            pieces += [text[done:dot], " "]
            done = dot + 1
        start = dot + 1
    return "".join([*pieces, text[done:]]) if pieces else text


def _date_before_story(words: list[str]) -> str | None:
    """`Nov 24` when the words are a month, its day and a sentence's first words (`Nov 24 A
    cabinet …`), not a headline in capitals (`MAY 5 TRADE TALKS …`) or in title case
    (`March 5 Marathon Results`): a sentence has a word in lower case soon."""
    date = " ".join(words[:2])
    story = words[2] if len(words) > 2 else ""
    if not re.fullmatch(r"[^\W\d_]{3,9}\.? [0-3]?\d", date) or not read_date(date):
        return None
    if not story[:1].isupper() or (is_caps(story) and len(story) > 1):
        return None
    if not any(word[:1].islower() for word in words[3:STORY_WORDS]):
        return None
    return date


STORY_WORDS = 7  # the story's first words: one in lower case shows a sentence


def is_weekday(word: str) -> bool:
    """A weekday's name not in capitals: between a credit line's bars (`AA | Çarşamba |
    14:20`) the day, though a town has the name (`ÇARŞAMBA (DHA) -`)."""
    return word.strip().lower() in WEEKDAYS and not is_caps(word)


def looks_like_place(segment: str) -> bool:
    """Return whether a segment reads like a place name: a few capitalised words, no digits."""
    words = segment.replace("-", " ").replace("'", " ").replace("’", " ").split()
    if not words or len(words) > MAX_PLACE_WORDS or any(c.isdigit() for c in segment):
        return False
    if len(segment.strip()) < 2:
        return False  # an initial: "India, U.S. stress ties" is a headline, not in "U"
    if _ARABIC_WORDS.fullmatch(segment):
        return len(words) <= ARABIC_PLACE_WORDS  # a script without capitals
    if not words[0][0].isupper():
        return False
    if len(words) == 1 and (
        words[0].lower().rstrip(".") in months() or words[0].lower() in NEVER_PLACES
    ):
        return False
    if " ".join(words).lower() in _REGIONS:
        return False  # "Africa: PM says …" (allAfrica): a topic, though a town's old name
    return all(w[0].isupper() or w.lower() in _PLACE_CONNECTORS for w in words)


# Words in Arabic, Persian and the scripts without capitals (`newsroom.scripts`).
_UNCASED = f"\u0621-\u064a{PERSIAN_LETTERS}{UNCASED_LETTERS}"
_ARABIC_WORDS = re.compile(f"[{_UNCASED}]+(?:[ \t][{_UNCASED}]+)*")
ARABIC_PLACE_WORDS = 3  # "رام الله", "شرم الشيخ", "الدار البيضاء", "नई दिल्ली"


def _capitalised(word: str) -> bool:
    """A word written as a name is: capitalised, or in Arabic, which has no capitals. (In
    Hindi, Hebrew or Thai nothing tells a name: `(बिहार)` is a state, `(עדכון)` "update".)"""
    return word[0].isupper() or bool(ARABIC_LETTER.match(word))


def is_caps(segment: str) -> bool:
    """Return whether a segment is printed in capitals, as wires print dateline cities."""
    letters = [c for c in segment if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


# Labels of a credit or a caption's credit: what follows them is no dateline.
_LABELS = CREDIT_LABELS | {"photo", "foto", "фото", "image", "credit", "crédit", "bild"}


class _Reader:
    """Walk the head of a report segment by segment, collecting dateline parts."""

    def __init__(self, text: str, lookup: PlaceLookup) -> None:
        self.text = text
        self.masked = _mask(text[:HEAD_LENGTH])
        self.lookup = lookup
        self.pos = len(text) - len(text.lstrip())
        self.places: list[str] = []
        self.place_starts: list[int] = []
        self.date_text = ""
        self.agency = ""
        self.end = 0  # end of the dateline found so far (0: none)
        self.agency_first = False

    def run(self) -> None:
        while self.pos < len(self.masked):
            if not self.step():
                return

    def step(self) -> bool:
        """Consume one part; return False when the dateline is over."""
        rest = self.masked[self.pos :]
        stripped = rest.lstrip(" \t")
        self.pos += len(rest) - len(stripped)
        if not stripped:
            return False
        if stripped[0] == "\n":
            return False
        dash = _DASH.match(stripped)
        if dash and self.anchored:
            self.pos += dash.end()
            self.end = self.pos
            dated = _DATE_AFTER_DASH.match(self.masked, self.pos) if not self.date_text else None
            if not self.date_text and (kuna := _DAY_DASH_MONTH.match(self.masked, self.pos)):
                dated = kuna  # KUNA's "الكويت - 5 - 12 (كونا) --": day, dash, month
            if (
                dated
                and read_date(dated.group(1), ambiguous=True)
                and self.agency_or_dash_at(dated.end())
            ):
                self.date_text = dated.group(1)  # "ALGIERS – Thursday, 25 August 2022 (APS) –"
                self.pos = self.end = dated.end()
                return True
            group = _PAREN.match(self.masked, self.pos) if not self.agency else None
            if group and self.lookup.agency_name(group.group(1)):
                self.agency = group.group(1)  # "بيروت - (أ ف ب) - قال …"
                tail = _DASH.match(self.masked, group.end())
                self.pos = self.end = tail.end() if tail else group.end()
                return False
            signed = _SIGNED_AFTER_DASH.match(self.text, self.pos)
            if signed and not self.agency and self.lookup.agency_name(signed.group(1)):
                self.agency = signed.group(1)  # "ТАШКЕНТ, 27 сен – Sputnik. Генеральный …"
                self.pos = self.end = signed.end()
            dashed = _AGENCY_BEFORE_DASH.match(self.masked, self.pos)
            if dashed and not self.agency and self.lookup.agency_name(dashed.group(1)):
                self.agency = dashed.group(1)  # "تهران- ایرنا- وزیر …"
                self.pos = self.end = dashed.end()
            alone = _AGENCY_TO_LINE_END.match(self.text, self.pos)
            if alone and not self.agency and self.lookup.agency_name(alone.group(1)):
                self.agency = alone.group(1)  # "دمشق-سانا", the text on the next line
                self.pos = self.end = alone.end()
            return False
        if stripped[0] in "(/":
            return self.read_agency_group(stripped)
        bracket = _BRACKETED.match(stripped) if self.places else None
        if bracket and self.lookup.country_code(bracket.group(1)):
            self.places.append(bracket.group(1))  # "New Delhi [India], July 20 (ANI):"
            self.place_starts.append(self.pos)
            comma = re.match(r"\s*,", stripped[bracket.end() :])
            self.pos += bracket.end() + (comma.end() if comma else 0)
            return True
        if self.places and self.date_text and (clock := _CLOCK.match(stripped)):
            self.pos += clock.end()  # "Brussels, 23 March 2018, 14:50"
            if clock.group(1) in ("\n", ""):
                self.end = self.pos
            return clock.group(1) not in ("\n", "")
        return self.read_segment(stripped)

    def read_agency_group(self, stripped: str) -> bool:
        pattern = _PAREN if stripped[0] == "(" else _SLASHED
        match = pattern.match(stripped)
        if match and not self.places and not self.agency and stripped[0] == "(":
            dash = _DASH.match(stripped, match.end())
            if dash and self.lookup.agency_name(match.group(1)):
                self.agency = match.group(1)  # "(ANSA) - Rome, October 11 -": agency first
                self.agency_first = True
                self.pos += dash.end()
                return True
        if not match or not self.places:
            return False
        name = match.group(1)
        words = name.replace("“", "").replace("”", "").replace('"', "").replace("«", "").split()
        if stripped[0] == "(" and not self.date_text and self.lookup.country_code(name):
            self.places.append(name)  # "Astana (Kazakhstan)": the country, not an agency
            self.place_starts.append(self.pos)
            self.pos += match.end()
            self.end = self.pos
            comma = re.match(r"\s*,", self.masked[self.pos :])
            self.pos += comma.end() if comma else 0  # "KOTA KINABALU (Malaysia), March 12"
            return True
        later = _LATER_BRACKET.match(stripped, match.end())
        state = stripped[0] == "(" and not self.date_text and _STATE_CODE.fullmatch(name)
        if later and state and self.lookup.agency_name(later.group(2)):
            # "Hamirpur (HP), Jun 6 (PTI)", "Tirupati (AP), …", "Lucknow (UP) Jun 6 (PTI)":
            # a state's code, the agency's bracket still to come on the line
            self.pos += match.end() + len(later.group("comma"))
            self.end = self.pos
            return True
        closed = _CLOSING_MARK.match(stripped, match.end())
        if closed and not self.date_text and read_date(name) and self._known_place():
            self.date_text = name  # "Madrid, España (20 mayo 2020) .-": the date in brackets
            self.pos += match.end()
            tail = _AFTER_AGENCY.match(self.masked[self.pos :])
            self.pos += tail.end() if tail else 0
            self.end = self.pos
            return False
        if (
            not self.lookup.agency_name(name)
            and not agency_in_group(name, self.lookup)
            and not (0 < len(words) <= 4 and all(_capitalised(w) for w in words))
            and not self.lower_case_credit(words, match.end())
        ):
            return False  # "(speaking anonymously)": an aside, not an agency
        self.agency = name
        self.pos += match.end()
        dated = _DATE_AFTER_AGENCY.match(self.masked[self.pos :])
        if dated and not self.date_text and read_date(dated.group("date")):
            # "KATHMANDU (RSS), June 6 -", "MADRID (EFE), 6 jun -": the date after the agency
            self.date_text = dated.group("date")
            self.pos += dated.end()
        else:
            tail = _AFTER_AGENCY.match(self.masked[self.pos :])
            self.pos += tail.end() if tail else 0
        self.end = self.pos
        return False

    def read_segment(self, stripped: str) -> bool:
        numeric = _SLASHED_DATE.match(stripped) if self.places and not self.date_text else None
        if numeric and (date_text := _slashed_date(numeric)):
            # EFE: "LIMA, 14/05/2024.- …", the date's slashes no agency's; read on where
            # an agency's bracket or slashes follow ("Minsk, 14/05/2024 /BelTA/.")
            self.date_text = date_text
            self.pos += numeric.end()
            if self.masked[self.pos :].lstrip()[:1] in ("(", "/"):
                return True
            tail = _AFTER_AGENCY.match(self.masked[self.pos :])
            self.pos += tail.end() if tail else 0
            self.end = self.pos
            return False
        dotted = _DOTTED.match(stripped)
        if dotted and self.places and self.lookup.agency_name(dotted.group(0)):
            self.agency = dotted.group(0)  # "Москва. 23 января. INTERFAX.RU -", "REPORT.AZ/"
            self.pos += dotted.end()
            tail = _AFTER_AGENCY.match(self.masked[self.pos :])
            self.pos += tail.end() if tail else 0
            self.end = self.pos
            return False
        codes = _CODES_BEFORE_PLACE.match(stripped) if not self.places else None
        stop = _SEGMENT_END.search(stripped, codes.end() if codes else 0)  # not at their `/`
        length = stop.start() if stop else len(stripped)
        segment = self.text[self.pos : self.pos + length].strip()  # unmasked: "St. Petersburg"
        after = stripped[length : length + 1]
        slash_suffix = after == "/" and not stripped[length - 1 : length].isspace()  # "UzA/"
        second_city = _SECOND_CITY.match(stripped[length:]) if slash_suffix else None
        if second_city and not self.places and is_caps(segment):
            # "LONDON/PARIS (Reuters) -": the first city is the dateline's, the second is kept.
            self.places.append(segment)
            self.place_starts.append(self.pos)
            self.pos += length + second_city.end()
            comma = re.match(r"\s*,", self.masked[self.pos :])
            self.pos += comma.end() if comma else 0  # "MUMBAI/NEW DELHI, June 9 (Reuters) -"
            return True
        coded = _CODE_BEFORE_PLACE.fullmatch(segment) if not self.places else None
        if coded and not self.agency and self.lookup.agency_name(coded.group(1).split("/")[0]):
            # "rtr JERUSALEM. Die israelische Armee …", "dpa/afp BERLIN.": German papers'
            # agency codes
            self.agency, self.agency_first = coded.group(1), True
            segment = coded.group(2)
            self.pos += coded.start(2)
            length -= coded.start(2)
        if not self.places and not self.agency and after == "," and self.agency_dated(segment):
            self.agency, self.agency_first = segment, True  # "STA, 7 June 2022 -"
            self.pos += length + 1
            return True
        if not self.places and not self.agency and after == "," and self.agency_placed(segment):
            self.agency, self.agency_first = segment, True  # "Xinhua News Agency, Tashkent,"
            self.pos += length + 1
            return True
        before_dash = after not in {",", ".", ":", ";", "\n", "(", "/"} and bool(
            _DASH.match(stripped[length:])
        )
        if self.places and not self.date_text and self.read_date_and_agency(segment):
            return False
        if self.read_unmarked(segment):
            return False
        day = _DAY_AFTER_MONTH.match(stripped, length) if segment.lower() in months() else None
        if self.places and not self.date_text and day:
            # "Dushanbe, December, 22nd. (…)": the month and its day apart.
            self.date_text = f"{segment} {day.group(1)}"
            self.pos += day.end()
            self.end = self.pos
            return True
        credit = bool(_CREDIT_NEXT.match(stripped, length))
        if not self.classify(
            segment, followed_by_slash=slash_suffix, before_dash=before_dash, credit_next=credit
        ):
            return False
        self.pos += length
        if after in {"\n", ""} and self.anchored and (self.date_text or self.all_caps()):
            self.end = self.pos  # a dateline on its own line: "Ashgabat, Turkmenistan, May 21"
        if slash_suffix and self.agency != segment:  # "Baku/02.10.20/Turan:": read on
            self.pos += 1
            if self.anchored and (self.date_text or self.all_caps()):
                self.end = self.pos  # "Azerbaijan, Baku, 10 September/ TrendNews, …"
            return True
        if slash_suffix:  # "UzA/" style: agency with a trailing slash
            self.pos += 1
            self.end = self.pos
            return False
        if after in {",", ".", ":", ";", "।"}:
            self.pos += 1
            if after != ",":
                self.end = self.pos
        return after not in {"\n", ""}

    def read_unmarked(self, segment: str) -> bool:
        """Read a dateline whose parts no mark separates; True when one ends here."""
        if self.agency or self.date_text:
            return False
        credit = _DATE_THEN_AGENCY.match(self.masked, self.pos) if not self.places else None
        if credit and read_date(credit.group(1)) and self.lookup.agency_name(credit.group(2)):
            self.date_text, self.agency = credit.group(1), credit.group(2)
            self.agency_first = True  # "Oct. 10 (Bloomberg) --": a date and no place
            self.pos = self.end = credit.end()
            return True
        if not self.places and (dated := self.caps_place_then_date(segment)):
            place, date, consumed = dated  # "NEW DELHI Nov 24 A cabinet meeting on …"
            self.places.append(place)
            self.place_starts.append(self.pos)
            self.date_text = date
            self.pos = self.end = self.pos + consumed
            return True
        if self.places and (printed := self.date_then_story(segment)):
            self.date_text = printed  # "SAO PAULO, March 26 The Brazilian central bank …"
            self.pos = self.end = self.pos + segment.index(printed) + len(printed)
            return True
        return False

    def lower_case_credit(self, words: list[str], end: int) -> bool:
        """An agency that writes its name in lower case (`(dts Nachrichtenagentur)`,
        `(askanews)`): a word or two after a place the gazetteer knows, the dash after."""
        rest = self.masked[self.pos + end : self.pos + end + 4]
        return (
            0 < len(words) <= 2
            and words[0].lower() not in _NOT_CREDIT_WORDS  # "(in brief)", "(with video)"
            and bool(re.match(r"[ \t]*(?:--|[-–—])", rest))
            and self._known_place()
        )

    def agency_or_dash_at(self, position: int) -> bool:
        """What must follow a date after the city's dash: an agency in brackets or a dash
        (`MOSCOW – March 8 (International Women's Day) is …` has no dated dateline)."""
        group = _PAREN.match(self.masked, position)
        if group is None:
            return True  # the dash, as the pattern made sure
        name = group.group(1)
        return bool(self.lookup.agency_name(name) or agency_in_group(name, self.lookup))

    @property
    def anchored(self) -> bool:
        """Whether a place, or an agency opening the dateline, has been read."""
        return bool(self.places) or self.agency_first

    def after_is(self, mark: str) -> bool:
        """Whether the segment being read is followed by `mark`."""
        rest = self.masked[self.pos :].lstrip(" \t")
        stop = _SEGMENT_END.search(rest)
        return stop is not None and rest[stop.start() : stop.start() + len(mark)] == mark

    def agency_dated(self, segment: str) -> bool:
        """An agency's name opening the line, a date after its comma: `Xinhua, November 21`."""
        after = _NEXT_SEGMENT.match(self.masked, self.pos + len(segment) + 1)
        return bool(
            after and read_date(after.group(1).strip()) and self.lookup.agency_name(segment)
        )

    def agency_placed(self, segment: str) -> bool:
        """An agency's full name opening the line, a known city after its comma:
        `Xinhua News Agency, Tashkent, September 14.`"""
        after = _NEXT_SEGMENT.match(self.masked, self.pos + len(segment) + 1)
        return bool(
            after
            and self.lookup.agency_name(segment)  # "Xinhua" is also a town: not before a city
            and not self.lookup.country_code(segment)
            and self.lookup.find_city(after.group(1).strip())
        )

    def all_caps(self) -> bool:
        return all(is_caps(place) for place in self.places)

    def read_date_and_agency(self, segment: str) -> bool:
        """Read `November 27 AzerTAc` (a date, then the agency, with no stop between)."""
        words = segment.split()
        for size in (2, 3):
            if len(words) <= size or not read_date(" ".join(words[:size])):
                continue
            for length in (1, 2, 3):
                name = " ".join(words[size : size + length])
                if len(words) >= size + length and self.lookup.agency_name(name):
                    self.date_text, self.agency = " ".join(words[:size]), name
                    self.pos += self.text.index(name, self.pos) + len(name) - self.pos
                    self.end = self.pos
                    return True
        return False

    def classify(
        self,
        segment: str,
        *,
        followed_by_slash: bool,
        before_dash: bool = False,
        credit_next: bool = False,
    ) -> bool:
        """Record the segment as a place, a date or an agency; False if it is none.

        `credit_next`: the agency in brackets or the dash follows the segment, so that a
        day and a month word no date alone can tell is the date (`Roma, 6 set. (ANSA) –`).
        """
        if not segment:
            return False
        if segment.lower() in _LABELS and self.after_is(":"):
            return False  # "Bron: Belga" (Dutch "Source:"), "… Morales. Foto: ABI": credits
        if self.places and self.date_text and month_key(segment) in months():
            return True  # the month's other name: IRNA's `14 تشرين الاول/ اكتوبر/ ارنا –`
        if self.places and self.is_agency(segment, followed_by_slash):
            self.agency = segment
            return True
        if self.anchored and self.date_text and re.fullmatch(r"(?:1[89]|2\d)\d\d\.?", segment):
            # "September 19, 2023", "May 1, 2018 -", "March 10, 2004. (RIA Novosti)"
            self.date_text += f", {segment.rstrip('.')}"
            return True
        if self.places and self.date_text and is_weekday(segment):
            return True  # "Budapest, 2025. november 26., szerda (MTI) –": the date's weekday
        if self.places and self.date_text and before_dash and len(segment.split()) <= 3:
            self.agency = segment  # "Almaty, 14 марта. Interfax-Kazakhstan –"
            return True
        if self.places and self.date_text and self.signed_after_comma(segment):
            self.agency = segment  # "МОСКВА, 5 февраля, РИА ФедералПресс. На …"
            return True
        if self.anchored and not self.date_text and read_date(segment, ambiguous=credit_next):
            self.date_text = segment
            return True
        if not self.places and (self.lookup.agency_name(segment) and is_caps(segment)):
            # "IRNA - Islamic Republic News Agency": a masthead, not a place; but a town
            # an agency is named after, before its country ("MINA, Saudi Arabia, …")
            after = _NEXT_SEGMENT.match(self.masked, self.pos + len(segment) + 1)
            if not (after and self.lookup.country_code(after.group(1).strip())):
                return False

        if not self.date_text and len(self.places) < 3 and looks_like_place(segment):
            self.places.append(segment)
            self.place_starts.append(self.pos)
            return True
        if (
            not self.places
            and not self.date_text
            and (before_dash or self.after_is("("))  # the agency or the dash must follow
            and (dated := self.place_then_date(segment))
        ):
            self.places.append(dated[0])  # "Bratislava 6. decembra (TASR) -": no comma
            self.place_starts.append(self.pos)
            self.date_text = dated[1]
            return True
        return False

    def signed_after_comma(self, segment: str) -> bool:
        """An agency the registry may not know, signing after the date's comma and before
        the story's first sentence, under a place in capitals: Russian copy's `МОСКВА, 5
        февраля, РИА ФедералПресс. На данный момент …`). It must look like an agency's name
        (an acronym, `РИА`, or a name with a capital inside, `ФедералПресс`) and be no place:
        `KHARTOUM, March 5, Sudan.` and `…, Владимир Путин.` sign nothing."""
        words = segment.split()
        if not (0 < len(words) <= 3 and all(_capitalised(w) for w in words)):
            return False
        if not any(_AGENCY_SHAPED.fullmatch(w) for w in words):
            return False
        if self.lookup.find_city(segment) or self.lookup.country_code(segment):
            return False
        before = self.masked[: self.pos].rstrip(" \t")
        after = self.masked[self.pos + len(segment) : self.pos + len(segment) + 3]
        return (
            before.endswith(",")
            and self.all_caps()
            and self._known_place()
            and re.match(r"\.[ \t]+[^\W\d_]", after) is not None
            and after[-1].isupper()
        )

    def caps_place_then_date(self, segment: str) -> tuple[str, str, int] | None:
        """Reuters' old wire form: a known place in capitals, the date, and the story's first
        word with no mark between (`NEW DELHI Nov 24 A cabinet meeting on …`); returns the
        place, the date and how many characters of the segment they take."""
        words = segment.split()
        for size in range(1, min(4, len(words) - 2)):
            place = " ".join(words[:size])
            if not is_caps(place) or not looks_like_place(place):
                continue
            date = _date_before_story(words[size:])
            if date and (self.lookup.find_city(place) or self.lookup.country_code(place)):
                return place, date, segment.index(date) + len(date)
        return None

    def date_then_story(self, segment: str) -> str | None:
        """The date and the story with no mark between, after a known place in capitals
        and its comma (`SAO PAULO, March 26 The Brazilian central bank …`), or after any
        known place, a short month's stop closing the date (`Roma, 2 ott. “Per …`)."""
        if not self._known_place():
            return None
        if self.all_caps():
            return _date_before_story(segment.split())
        short = _SHORT_MONTH_THEN_STORY.match(segment)
        return short.group(1) if short and read_date(short.group(1), ambiguous=True) else None

    def place_then_date(self, segment: str) -> tuple[str, str] | None:
        """A known place and a date with no comma between: `Praha 12. března`."""
        words = segment.split()
        for size in (2, 3, 4):  # "رام الله 3 تشرين الأول 2023": a two-word month
            place, date = " ".join(words[:-size]), " ".join(words[-size:])
            if len(words) <= size or not looks_like_place(place) or not read_date(date):
                continue
            if self.lookup.country_code(place) or self.lookup.find_city(place):
                return place, date
        return None

    def is_agency(self, segment: str, followed_by_slash: bool) -> bool:
        """An agency marker: 'UzA/', or a known agency printed apart from the places."""
        if followed_by_slash:  # "UzA/", not "Tajikistan/"
            return not read_date(segment) and not self.lookup.country_code(segment)
        if not self.lookup.agency_name(segment):
            return False
        known_place = self.lookup.country_code(segment) or self.lookup.find_city(segment)
        # "Tehran, IRNA --": Irna is also a town; "Baku/02.10.20/Turan:", after the date.
        return not known_place or is_caps(segment) or bool(self.date_text)

    def _heads_a_phrase(self) -> bool:
        """A place and a colon before a lower-case word: a headline's topic, not a dateline
        (a dateline's story starts a sentence)."""
        before = self.text[: self.end].rstrip()
        after = self.text[self.end : self.end + 20].lstrip()
        return before.endswith(":") and after[:1].islower()

    def is_dateline(self) -> bool:
        """Decide whether what was read is a dateline rather than the first words of a story."""
        if not self.end:
            return False
        if self.agency_first and not self.places:
            return bool(self.date_text)  # "STA, 7 June 2022 -": an agency and a date
        if not self.places:
            return False
        if self.agency_first:
            return self._known_place()  # "(Reuters) - Tesla Inc. said …" has no dateline
        if self.date_text or self.agency:
            return True
        if len(self.places) == 1 and self._agency_not_place(self.places[0]):
            return False  # "كونا- يغادر …": the agency opening the text, though a town's name
        if self._heads_a_phrase():
            return False  # "Казахстан: президент потребовал …", a headline's topic
        return any(is_caps(p) for p in self.places) or self._known_place()

    def _agency_not_place(self, name: str) -> bool:
        return bool(self.lookup.agency_name(name)) and not self.lookup.country_code(name)

    def _known_place(self) -> bool:
        return any(self.lookup.country_code(p) or self.lookup.find_city(p) for p in self.places)


def find_dateline(
    text: str, *, lookup: PlaceLookup | None = None, reference: datetime.date | None = None
) -> DatelineMatch:
    """Read the dateline at the start of text; an empty match (end 0) when there is none."""
    lookup = lookup or NoLookup()
    reference = reference or datetime.date.today()
    if barred := _barred_credit_line(text, lookup):
        return barred
    if text[:1] in "(（" and (bracketed := _bracketed_credit(text, lookup)):
        return bracketed
    if text[:1] == "ب" and (reported := _persian_report_from(text, lookup)):
        return reported
    if _CJK_START.match(text) and (cjk := _cjk_dateline(text, lookup, reference)):
        return cjk
    read = text if text.isascii() else text.translate(ARABIC_DIGITS)
    try:
        # Digits of any script read as ASCII ones (`২০২৪`, `٢٠٢٤`), one for one.
        reader = _Reader(read, lookup)
        reader.run()
    except (ValueError, IndexError, OverflowError):
        return DatelineMatch()
    if not reader.is_dateline():
        return DatelineMatch()
    match = DatelineMatch(raw=text[: reader.end].strip(), end=reader.end)
    home = lookup.agency_country(reader.agency) if reader.agency else None
    starts = zip(reader.places, reader.place_starts, strict=True)
    places = [place for place, at in starts if at < reader.end]
    _resolve_places(match, places, lookup, home)
    if reader.date_text:
        printed = reader.date_text
        match.printed_date = printed if read == text else _as_printed(printed, read, text)
        parts = read_date(reader.date_text, ambiguous=True, country=home or match.country)
        match.date = infer_date(parts, reference) if parts else None
        if match.date is None:
            match.warnings.append(f"The dateline date {match.printed_date!r} is not a real date.")
    if reader.agency:
        known = lookup.agency_name(reader.agency) or agency_in_group(reader.agency, lookup)
        staff = not known and bool(_STAFF_CREDIT.search(reader.agency))
        match.agency, match.agency_known = known or ("" if staff else reader.agency), bool(known)
        match.agency_printed = reader.agency
    return match


def _as_printed(date_text: str, read: str, text: str) -> str:
    """The date in the digits the text prints them in (`৫ ডিসেম্বর`), where the reader
    read ASCII ones (`read` holds the text so, character for character)."""
    at = read.find(date_text)
    return text[at : at + len(date_text)] if at >= 0 else date_text


# The paper's own staff in the agency's place: `(Staff Reporter)`, `(Our Correspondent)`,
# Urdu `(نامہ نگار،دنیا نیوز)`, Arabic `(مراسلنا)`; or copy pooled from several agencies or
# desks: `(Agencies)`, `(Dispatches)`, `(Web Desk)`, Arabic `(وكالات)`: no agency filed it.
_STAFF_CREDIT = re.compile(
    r"\b(?:reporters?|correspondents?|staff\s+writers?|correspondant|corresponsal|"
    r"correspondente|korrespondent|корреспондент\w*|dispatches|agencies|"
    r"wire\s+services|desk|newsroom|агентства)\b|نامہ\s*نگار|نمائندہ|مراسل|خبرنگار|وكالات",
    re.IGNORECASE,
)


# Chinese, Japanese and Korean datelines: the agency, the place and the date run together
# with no space (`新华社北京10月17日电`, `中新社北京三月五日電`, `(中央社台北1日電)`, CNA's
# reporters between: `（中央社記者王宏仁台北1日電）`, `(中央社記者賴于榛、葉素萍台北16日電)`),
# or the place and the agency in brackets (`（台北中央社）`, Kyodo's and Jiji's
# `【ワシントン共同】`, Yonhap's `(서울=연합뉴스)`).
_CJK_START = re.compile(f"[ \\t\\u3000]*[(（【\\[]?{CJK_CHARACTER.pattern}")
_HAN = "\u3400-\u4dbf\u4e00-\u9fff"
_CJK_AGENCY_FIRST = re.compile(
    rf"[ \t\u3000]*(?P<open>[(（])?(?:据|據)?(?P<agency>[{_HAN}]{{2,6}}?[社网網])(?:記者|记者)?"
    # two reporters before the place: `記者賴于榛、葉素萍台北`
    rf"(?P<place>[{_HAN}](?:[{_HAN}]|、(?=[{_HAN}])){{1,19}}?)(?:(?P<month>[{CJK_NUMBER}]{{1,3}})月)?"
    rf"(?P<day>[{CJK_NUMBER}]{{1,3}})日(?:專電|专电|電|电)(?(open)[)）])"
    rf"(?:[ \t\u3000]*[(（](?:記者|记者)[^)）\n]{{1,30}}[)）])?(?:[ \t]*/)?"
)
# … and the Japanese edition's `【新華社北京1月21日】`: no "wire" after the date.
_CJK_AGENCY_FIRST_BRACKETED = re.compile(
    rf"[ \t\u3000]*【(?P<agency>[{_HAN}]{{2,6}}?社)(?P<place>[{_HAN}]{{2,12}}?)"
    rf"(?:(?P<month>[{CJK_NUMBER}]{{1,3}})月)?(?P<day>[{CJK_NUMBER}]{{1,3}})日】"
)
_CJK_PLACE_FIRST = re.compile(
    rf"[ \t\u3000]*(?:[(（](?P<place>[{_HAN}]{{2,6}}?)(?P<agency>中央社)[)）]"
    rf"|[【\[](?P<place2>[{_HAN}\u30a0-\u30ff]{{1,12}}?)[ \t\u3000]*"
    rf"(?:(?P<day2>[0-9０-９]{{1,2}})日[ \t\u3000]*)?"
    rf"(?P<agency2>共同|時事|ロイター|ブルームバーグ|AFP時事)[】\]](?:[ \t]*[-–—])?"
    rf"|[(（](?P<place3>[\uac00-\ud7af]{{2,8}})=(?P<agency3>[\uac00-\ud7af\w]{{2,10}})[)）]"
    rf"(?:[ \t]*(?P<reporter3>[\uac00-\ud7af]{{2,5}})[ \t]*(?:특파원|기자)[ \t]*=)?)"
)
# The reporters CNA prints before the place (`記者賴于榛、葉素萍台北`): their names.
_CJK_REPORTERS = re.compile(r"(?:記者|记者)(?P<names>[^\W\d_][\w、]*)")


def _cjk_dateline(text: str, lookup: PlaceLookup, reference: datetime.date) -> DatelineMatch | None:
    """Read a Chinese, Japanese or Korean dateline at the start of text (None: none)."""
    found = _CJK_AGENCY_FIRST.match(text) or _CJK_AGENCY_FIRST_BRACKETED.match(text)
    if found:
        agency, place = found.group("agency"), found.group("place")
    elif placed := _CJK_PLACE_FIRST.match(text):
        found = placed
        groups = [(placed.group(p), placed.group(a)) for p, a in
                  (("place", "agency"), ("place2", "agency2"), ("place3", "agency3"))]  # fmt: skip
        place, agency = next((p, a) for p, a in groups if p)
    else:
        return None
    # Japanese agencies print the first word of their names: 共同 (通信), 時事 (通信).
    known = lookup.agency_name(agency) or lookup.agency_name(f"{agency}通信")
    # The reporter's name may stand before the place: the longest end of it that is a city.
    city = next((place[i:] for i in range(len(place) - 1) if lookup.find_city(place[i:])), place)
    if not (known or lookup.find_city(city)):
        return None
    match = DatelineMatch(raw=text[: found.end()].strip(), end=found.end())
    match.reporters = _cjk_reporters(found, place[: len(place) - len(city)])
    match.agency, match.agency_known, match.agency_printed = known or agency, bool(known), agency
    _resolve_places(match, [city], lookup, lookup.agency_country(agency) if known else None)
    read = found.groupdict()
    if day := read.get("day") or read.get("day2"):
        printed_month = read.get("month") or ""
        month = cjk_number(printed_month) if printed_month else None
        match.printed_date = f"{printed_month}{'月' if printed_month else ''}{day}日"
        match.date = _month_day(month, cjk_number(day), reference)
        if match.date is None:
            match.warnings.append(f"The dateline date {match.printed_date!r} is not a real date.")
    return match


def _cjk_reporters(found: re.Match[str], before_city: str) -> str:
    """The writers a dateline names, `, `-separated: CNA's `記者賴于榛、葉素萍` before the
    place (`before_city`, what the place group holds before the city), Yonhap's
    `한상용 기자 =` after its bracket."""
    if found.re is _CJK_PLACE_FIRST:
        return found.group("reporter3") or ""
    if found.re is not _CJK_AGENCY_FIRST:
        return ""
    between = found.string[found.end("agency") : found.start("place")] + before_city
    credited = _CJK_REPORTERS.fullmatch(between)
    return ", ".join(n for n in credited.group("names").split("、") if n) if credited else ""


def _month_day(month: int | None, day: int, reference: datetime.date) -> datetime.date | None:
    """The date of a month and day, or of a day alone (CNA's `1日電`: this month's, or
    last month's when the day is still to come)."""
    if month is not None:
        return infer_date((None, month, day), reference) if 1 <= month <= 12 else None
    # The latest such day not after tomorrow: this month's, else last month's, else the
    # month's before (`31日` on 12 March is 31 January).
    year, month = reference.year, reference.month
    for _ in range(3):
        candidate = infer_date((year, month, day), reference)
        if candidate and candidate <= reference + datetime.timedelta(days=1):
            return candidate
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return None


# A page's credit line with bars or bullets between its parts, the agency and the place
# in either order: "ANI | New Delhi | Updated: 30-05-2020 21:28 IST", "Kyiv • UNN".
_BARRED = re.compile(
    r"[ \t]*(?P<first>[^|•·\n]{2,40}?)[ \t]+[|•·][ \t]+(?P<second>[^|•·\n]{2,40}?)[ \t]*"
    r"(?:[|•·][ \t]*(?P<rest>[^\n]*))?(?=\n|$)"
)


# … or a slash, the agency and the place alone on their line: Spanish papers' `Efe / Buenos
# Aires`, `EFE / Madrid` (never a caption's `Foto: EFE / Madrid` or a sentence before it;
# a photo credit names the photographer first, `Juan Pérez / EFE`)
_SLASHED_CREDIT = re.compile(
    r"[ \t]*(?P<first>[^\W\d_][^/\n:.!?]{1,38}?)[ \t]+/[ \t]+"
    r"(?P<second>[^\W\d_][^/\n:.!?]{1,38}?)[ \t]*(?P<rest>)(?=\n|$)"
)


def slashed_credit(text: str) -> bool:
    """Whether text is an agency and a place joined by a slash (`Efe / Buenos Aires`): a
    credit only when it opens its line, never after a caption's sentence."""
    return _SLASHED_CREDIT.match(text) is not None and not _BARRED.match(text)


_CITY_DASH_AGENCY = re.compile(
    r"[ \t]*(?P<first>[^\W\d_][^\W\d_ .'-]*(?:[ .'-][^\W\d_]+){0,2})[ \t]*[-–][ \t]*"
    r"(?P<second>[^\W\d_][^\n]{1,38}?)[ \t]*(?P<rest>)(?=\n|$)"
)


# Persian agencies open the lead with who reports from where, not a dateline: "به گزارش
# خبرگزاری تسنیم از زنجان،" ("Tasnim reports from Zanjan"), "به گزارش ایرنا از مشهد،",
# "به گزارش خبرنگار مهر در تبریز،" (Mehr's reporter in Tabriz).
_PERSIAN_REPORT_FROM = re.compile(
    r"به گزارش\s+(?:خبرنگار\s+)?(?:خبرگزاری\s+)?(?P<agency>[^\s،,]+(?:\s[^\s،,]+)?)"
    r"\s+(?:از|در)\s+(?P<place>[^\s،,]+(?:\s[^\s،,]+)?)\s*[،,]\s*"
)


def _persian_report_from(text: str, lookup: PlaceLookup) -> DatelineMatch | None:
    """Read the opening "به گزارش <agency> از <place>،": the agency and the place."""
    found = _PERSIAN_REPORT_FROM.match(text)
    if found is None:
        return None
    agency = found.group("agency")
    known = lookup.agency_name(agency) or lookup.agency_name(f"خبرگزاری {agency}")
    return _credit_match(text, found.end(), agency, known, found.group("place"), lookup)


def _credit_match(
    text: str, end: int, printed: str, known: str | None, place: str, lookup: PlaceLookup
) -> DatelineMatch | None:
    """The dateline of a credit naming a known agency and a city the gazetteer knows,
    ending at `end`; None when either is unknown."""
    if not known or not lookup.find_city(place):
        return None
    match = DatelineMatch(raw=text[:end].strip(), end=end)
    match.agency, match.agency_known, match.agency_printed = known, True, printed
    _resolve_places(match, [place], lookup, lookup.agency_country(known))
    return match


# The place and the agency together in brackets: Arabic papers' `(طهران- د ب أ)`,
# `(بيروت - أ ف ب)`, the place first, then a dash.
_BRACKETED_CREDIT = re.compile(
    r"[(（][ \t]*(?P<place>[^\W\d_][^()（）\n\-–—,،]{1,30}?)[ \t]*[-–—][ \t]*"
    r"(?P<agency>[^\W\d_][^()（）\n]{0,30}?)[ \t]*[)）](?:[ \t]*[-–—:])?"
)


def _bracketed_credit(text: str, lookup: PlaceLookup) -> DatelineMatch | None:
    """Read `(PLACE - AGENCY)`: a known agency and a city the gazetteer knows."""
    found = _BRACKETED_CREDIT.match(text)
    if found is None:
        return None
    agency = found.group("agency")
    known = lookup.agency_name(agency)
    return _credit_match(text, found.end(), agency, known, found.group("place"), lookup)


def _barred_credit_line(text: str, lookup: PlaceLookup) -> DatelineMatch | None:
    """Read a credit line of bar-separated parts: a known agency and a known place; or a
    place in capitals and the agency joined by a dash, alone on their line (`ANKARA-Anadolu
    Agency`)."""
    bars = _BARRED.match(text)
    slashed = None if bars else _SLASHED_CREDIT.match(text)
    barred = bars or slashed
    line = barred or _CITY_DASH_AGENCY.match(text)
    if line is None:
        return None
    first, second = line.group("first"), line.group("second")
    if slashed:
        orders: tuple[tuple[str, str], ...] = ((first, second),)  # the agency, then the place
    elif barred:
        orders = ((first, second), (second, first))
    else:
        orders = ((second, first),)
    if not barred and (not is_caps(first) or lookup.agency_name(first)):
        # "ANKARA-Anadolu Agency": the place in capitals, then the agency; not an agency's
        # masthead, "IRNA - Islamic Republic News Agency" (Irna is also a town)
        return None
    for agency, place in orders:
        known = lookup.agency_name(agency)
        city, _, country = place.rpartition(",")
        # "Tokyo, Japan", "London, Ontario": the city and its country or region; never a
        # headline's "Moscow, Kyiv trade blame …"
        named = (
            [city.strip(), country.strip()]
            if city and _country_or_region(country, lookup)
            else [place]
        )
        if (
            known
            and looks_like_place(named[0])
            and not is_weekday(named[0])
            and lookup.find_city(named[0])
        ):
            rest = line.group("rest") or ""
            stamped = not rest or is_timestamp(rest.split("|")[0])
            # The line's rest is the dateline's when it is a stamp ("Updated: 30-05-2020
            # 21:28 IST | Created: …"); a headline after the bars is the report's.
            end = line.end() if stamped else line.start("rest")
            story = end
            if not stamped and len(rest) > 120 and "|" in rest:
                # "TASS | Moscow | Kremlin | Peskov | The Kremlin …": tags before the story
                story = line.start("rest") + rest.rfind("|") + 1
            match = DatelineMatch(raw=text[:end].strip().rstrip("|•· \t"), end=story)
            match.agency, match.agency_known, match.agency_printed = known, True, agency
            _resolve_places(match, named, lookup, lookup.agency_country(agency))
            dates = dates_in(rest) if stamped else []
            if dates:
                match.date, match.printed_date = dates[0], dates[0].isoformat()
            return match
    return None


def _country_or_region(name: str, lookup: PlaceLookup) -> bool:
    name = name.strip()
    return bool(name and (lookup.country_code(name) or lookup.region_country(name)))


# What follows a dateline's date: the agency in brackets or the dash (`6 set. (ANSA) –`).
_CREDIT_NEXT = re.compile(r"\.?[ \t]*(?:\(|--|[-–—])")

# Words an aside in brackets opens with, which no agency's name does.
_NOT_CREDIT_WORDS = frozenset(
    {"in", "with", "at", "on", "by", "for", "from", "the", "a", "an", "via", "and", "of", "to",
     "see", "photo", "photos", "video", "videos", "update", "updated", "live", "watch", "read",
     "listen"}
)  # fmt: skip

# What may close a dateline after its agency: a stop, a colon, a dash, Mexican copy's
# stop and dash (`(Notimex).-`), the slash of Arabic copy (`دبي، 12 مارس (وام) / أعلنت …`)
# or the Hindi full stop (`(आईएएनएस)।`).
_SLASHED_DATE = re.compile(r"([0-3]?\d)/([0-3]?\d)/(\d{4}|\d\d)(?![\d/])")


def _slashed_date(match: re.Match[str]) -> str:
    """`14/05/2024` as a date read_date reads; `05/14/2024` too (the American order,
    where the first number cannot be the month); "" where neither is a date."""
    first, second, year = (int(part) for part in match.groups())
    year += 2000 if year < 100 else 0
    for day, month in ((first, second), (second, first)):
        try:
            return datetime.date(year, month, day).isoformat()
        except ValueError:
            continue
    return ""


_AFTER_AGENCY = re.compile(r"\s*(?:\.-|\.|:|--|[-–—―/।])?\s*")
_DATE_AFTER_AGENCY = re.compile(r"\s*,\s*(?P<date>[^,()\n–—-]{3,25}?)\s*(?:\.-|--|[-–—])\s")

_CORRESPONDENT = re.compile(
    r"^(?:(?:корр|corr)\.\s*|(?:корр|корреспондент|corr|correspondent|by)\s+)", re.I
)


_DATE_THEN_AGENCY = re.compile(r"([^()\n,]{3,20}?)[ \t]*\(([^()\n]{2,30})\)[ \t]*(?:--|[-–—―])\s*")
LONG_GROUP = 40
_GROUP_PARTS = re.compile(r"/|(?<=[A-Z])-(?=[A-Z]+$)|(?<=[a-z])-(?=[a-z]+$)")  # `efe-epa`


def agency_in_group(group: str, lookup: PlaceLookup) -> str | None:
    """Find the agency in a dateline's agency group that also names a person or partner:
    `/Trend, N. Kirtskhalia/`, `/Корр. РИА "Новости" Герай Дадашев/`, `(BSS/AFP)`,
    `/NIAT “Khovar”/`, `(RHC-PL)`."""
    # "(BSS/AFP)": a partner distributing the agency's copy, which comes last.
    # … but of codes joined by a hyphen the first files ("(spa-ap)", "(ANSA-AFP)"), a
    # partner the registry lacks before them left aside ("(XYZ-PL)")
    parts = _GROUP_PARTS.split(group)
    pieces = reversed(parts) if "/" in group else iter(parts)
    long_group = len(group) > LONG_GROUP
    for part in [p for piece in pieces for p in piece.split(",")]:
        words = _CORRESPONDENT.sub("", part.replace("«", "").replace("»", "")).split()
        words = [w.strip("\"“”'") for w in words if w.strip("\"“”'")]
        # A long group names its agency first: `(RIA Novosti correspondents A and B)`.
        last_start = 0 if long_group else len(words)
        for size in (3, 2, 1):
            for start in range(0, max(0, min(last_start, len(words) - size)) + 1):
                if name := lookup.agency_name(" ".join(words[start : start + size])):
                    return name
    return None


def _resolve_places(
    match: DatelineMatch, places: list[str], lookup: PlaceLookup, home: str | None
) -> None:
    """Split place segments into city and country, resolving the city through the gazetteer."""
    city_texts, region, state_code = [], None, None
    states: list[str] = []  # the countries with a region so called ("WA": US, Australia)
    region_code = getattr(lookup, "region_code", None)
    region_countries = getattr(lookup, "region_countries", None)
    for index, place in enumerate(places):
        code = lookup.country_code(place)
        state = lookup.region_country(place) if index else None  # "CAMBRIDGE, Mass."
        if code and not match.country:
            match.country, region = code, region or state
            if state and region_code:
                state_code = state_code or region_code(place)  # "COLUMBUS, Georgia"
        elif state and not region:
            region, state_code = state, region_code(place) if region_code else None
            states = region_countries(place) if region_countries else [state]
        else:
            city_texts.append(place)
    if not city_texts:
        # "KUWAIT, Feb 2 (KUNA)", "SINGAPORE (Reuters)": a capital named as its country.
        capital = getattr(lookup, "capital_named_as", None)
        city = capital(match.country) if capital and match.country and len(places) == 1 else None
        if city:
            match.city, match.city_id = city.name, city.id
        return
    printed = city_texts[0]
    if state_code and match.country in ("", None, region):  # "PORTLAND, Maine": Maine's
        city = lookup.find_city(printed, region, region=state_code)
        if city is None and not lookup.find_city(printed, region):
            # no town of that name in the whole country: another country's state
            # abbreviation ("COLIMA, Col.", "MORELIA, Mich.": Mexico's)
            city = lookup.find_city(printed, None, prefer=home)
        # else a town of that state the gazetteer lacks ("PARIS, Tenn."): in that country
        match.country = match.country or (city.country if city else region or "")
    elif states and not match.country:
        city = _city_in_region(printed, states, lookup, home)
    else:
        city = lookup.find_city(printed, match.country or region or None, prefer=home)
    if city is None and match.country and region and region != match.country:
        # "ATLANTA, Georgia", "COLUMBUS, Georgia": the state, not the country
        city = lookup.find_city(printed, region, region=state_code)
        match.country = city.country if city else match.country
    if city:
        match.city, match.city_id = city.name, city.id
        match.country = match.country or city.country
    else:
        match.city = printed.title() if is_caps(printed) else printed


def _city_in_region(
    printed: str, countries: list[str], lookup: PlaceLookup, home: str | None
) -> CityRef | None:
    """The city of a dateline's region the countries share ("PERTH, WA" by AAP is
    Australia's, "YELLOWKNIFE, NT" Canada's): the agency's home country first, a city of
    that very name before one that merely lists it; none of them having it, the city
    anywhere ("JOHANNESBURG, SA", "MONTERREY, NL": abbreviations of other countries)."""
    ordered = sorted(countries, key=lambda country: country != home)
    found = [city for country in ordered if (city := lookup.find_city(printed, country))]
    named = [city for city in found if city.name.casefold() == printed.casefold()]
    return next(iter(named or found), None) or lookup.find_city(printed, None, prefer=home)
