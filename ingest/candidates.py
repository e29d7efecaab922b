"""Names in a text that look like organizations or people but are not in the registry.

Agency copy introduces a new name with a title or a role ('Foreign Minister Jeyhun
Bayramov', 'пресс-секретарь президента Дмитрий Песков'), names a body by its head word
('Defense Ministry', 'Council of Europe', 'Министерство иностранных дел'), a newspaper in
quotes after the word 'newspaper', a photographer in a credit. The rules below cut the
text into runs of capitalised words, give each word a class (title, place, head of a
body's name, ordinary word, name, …), cut titles and places off people, and keep what an
editor would want to create: a short list, most mentioned first. The tagger passes the
registry's matches in, so places are known and registered names are not offered again.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import pairwise

from ingest import russian
from ingest.dates import MONTHS, WEEKDAYS

LIMIT = 15


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# -- word lists ------------------------------------------------------------------------

TITLES = _words("""
    president president-elect presidents vice-president premier minister ministers prime
    deputy chairman chairwoman chairperson chair co-chair director director-general secretary
    secretary-general undersecretary under-secretary ambassador envoy consul king queen prince
    princess crown emir sheikh sultan shah governor mayor senator congressman congresswoman
    spokesman spokeswoman spokesperson spox head chief leader commander commander-in-chief
    general lieutenant lt colonel col major captain brigadier admiral marshal sergeant sgt gen
    ayatollah hojatoleslam imam patriarch pope cardinal archbishop bishop metropolitan rabbi
    mufti mullah mr mrs ms miss dr prof professor academician sir dame lord lady mp fm pm
    speaker counsellor counselor adviser advisor aide assistant rapporteur commissioner
    ombudsman coordinator chancellor vice-chancellor rector dean ceo cfo coo cto founder
    co-founder executive manager officer judge prosecutor prosecutor-general attorney
    attorney-general coach author writer poet composer artist singer actor actress journalist
    correspondent reporter photographer analyst expert economist historian scientist
    researcher nominee caretaker acting former late incumbent outgoing publisher columnist
    presenter anchor host excellency majesty highness honorable honourable mister comrade
    lawmaker councillor delegate laureate superintendent inspector vice representative
    plenipotentiary madam madame monsieur
""")
# Words before a name that say who wrote or shot it, not what the person is.
BYLINE_MARKERS = _words("""
    by from editing reporting photo photos images image source courtesy автор фото источник
""")
ABBREVIATED_TITLES = _words("mr mrs ms dr prof gen col lt sgt st jr sr")
# Title words that also begin the names of bodies ('General Assembly', 'Executive Office').
BODY_TITLES = _words("general executive chief supreme presidential high vice")
ORGANIZATION_HEADS = {
    **dict.fromkeys(_words("""
        ministry ministries parliament government embassy consulate cabinet administration
        presidency senate duma rada majlis mejlis majlisi kurultai kurultay qurultay kenesh
        congress assembly directorate inspectorate inspection service services committee
        commission court tribunal office police army forces navy guard guards corps customs
        treasury secretariat municipality akimat khokimiyat prosecutor's mission house chamber
        department bureau authority authorities agency agencies board staff
    """), "government"),
    **dict.fromkeys(_words("""
        newspaper magazine journal times post herald gazette daily weekly tribune review
        telegraph chronicle courier observer express tv television radio broadcaster pravda
        izvestia izvestiya gazeta vedomosti vesti novosti
    """), "publication"),
    **dict.fromkeys(_words("""
        company companies corporation corp inc ltd llc plc jsc ojsc cjsc gmbh ag holding
        holdings group bank airlines airways railways concern enterprise enterprises factory
        plant motors technologies systems partners associates consulting exchange energy
        petroleum industries
    """), "company"),
    **dict.fromkeys(_words("""
        foundation fund association society watch initiative alliance league movement
        network federation confederation union coalition
    """), "ngo"),
    **dict.fromkeys(_words("""
        organization organisation council institute institution university academy school
        college lyceum center centre club team party museum theatre theater gallery library
        hospital clinic forum centers centres councils committees institutes universities
    """), "other"),
    "nations": "intergovernmental",
}  # fmt: skip
INTERGOVERNMENTAL_HEADS = _words(
    "organization organisation council union commonwealth community nations assembly"
)
INTERGOVERNMENTAL_SCOPES = _words("""
    cooperation security states nations countries treaty europe economic eurasian european
    united turkic turkic-speaking islamic arab african independent atlantic collective un osce
    cis sco csto eaeu nato eu oic ots
""")
# Single words that name one body ('the Senate', 'the Kremlin', 'Kommersant reports').
INSTITUTIONS = {
    **dict.fromkeys(_words("""
        senate parliament duma majlis mejlis knesset bundestag kremlin akorda pentagon élysée
        elysee"""), "government"),
    **dict.fromkeys(_words("""
        facebook twitter instagram telegram youtube tiktok whatsapp vkontakte linkedin"""),
        "company"),
    **dict.fromkeys(_words("kommersant vedomosti izvestia pravda"), "publication"),
}  # fmt: skip
# Words after which a name is the name of a body ('broadcaster NHK', 'радиостанции РБК').
ORGANIZATION_CONTEXT = {
    **dict.fromkeys(_words("""
        broadcaster channel newspaper daily weekly magazine website portal outlet station
        network broadcasting телеканал радиостанци газет журнал издани сайт портал"""),
        "publication"),
    **dict.fromkeys(_words("""
        company firm bank carrier airline operator компани банк холдинг концерн"""),
        "company"),
    **dict.fromkeys(_words("""
        agency party movement club team group агентств парти движени клуб команд"""), "other"),
    "фонд": "ngo",
}  # fmt: skip
AGENCY_WORDS = _words("agency news press service media tv radio agentliyi")
# Words never part of a name: function words, portfolios, kinds of places, headline verbs.
FUNCTION_WORDS = (
    _words("""
    the a an this that these those it its he she they we i you his her their our my your
    there here in on at by for from to with without after before during under over about
    according as but and or nor so yet if when while where whereas since because although
    though however meanwhile also moreover furthermore besides then thus therefore hence
    still now today yesterday tomorrow earlier later last next first second third one two
""")
    | russian.STOP_WORDS
)
COMMON_WORDS = FUNCTION_WORDS | _words("""
    three four five six seven eight nine ten all both each every some many most more several
    other others another such no not only even just what which who whom whose why how
    despite amid among between against along within through throughout toward towards upon
    via per unlike like please read see update updated breaking exclusive analysis opinion
    comment interview news report reports latest live world business politics economy
    society sport sports culture region home search menu share tags related published posted
    editorial staff press release statement video tuesday wednesday thursday friday saturday
    sunday monday affairs defense defence finance health healthcare education energy justice
    agriculture emergency emergencies situations labor labour trade industry transport ecology
    environment tourism youth digital interior internal foreign security intelligence science
    information communications media resources natural social protection population diaspora
    religious family women children veterans construction housing urban rural roads water
    property taxes tax revenue budget investment investments export exports import imports
    innovation innovations technology technological high economic economics development
    cooperation integration reintegration relations policy planning reform reforms regional
    national international public human rights civil military nuclear oil gas chemical
    mining fisheries state states republic republic's federal central supreme grand united
    new old great upper lower north south east west northern southern eastern western sea
    lake river mountain mountains island islands valley gulf bay ocean strait peninsula oblast
    province district city town village street avenue square park airport station port
    bridge palace palacio hall tower stadium arena highway road corridor pipeline field basin
    desert coast border canal dam shrine mosque church cathedral temple monastery mausoleum
    monument memorial tournament championship cup cups games arts martial judo wrestling
    football olympic olympics meeting session memory victory defenders fatherland safety food
    anniversary holiday ceremony summit conference forum's agreement treaty declaration law
    code constitution act day week week's month year years century war peace crisis
    operation project programme program plan strategy prize award medal order festival
    exhibition expo photo source getty images reuters ap afp copyright rights reserved modern
    ancient holy saint english arabic persian farsi latin hebrew hindi urdu spanish german
    italian french portuguese dutch eurasian european asian african american islamic muslim
    christian orthodox catholic soviet global says say said tells told wants wins win calls
    urges meets meet holds hold visits visit signs vows warns denies slams hails receives
    congratulates discusses discuss eyes plans seeks backs rejects condemns denounces
    announces arrives leaves expects asks agrees launches opens have has will be is are was
    were set sets named appointed tapped steps down up out off back elected reelected resigns
    quits dies died kills killed crash attack blast fire flood quake earthquake storm vote
    poll polls talks deal ban trip tour
""")
COMMON_SUFFIXES = (
    "tion", "tions", "sion", "sions", "ment", "ments", "ness", "ity", "ities", "ance", "ence",
    "ship", "ism", "ics", "ogy", "ies", "ical", "ative", "itive", "ous", "ful", "less", "able",
    "ible", "ized", "ised", "ional", "ary", "ory",
)  # fmt: skip
NAMES_WITH_COMMON_SUFFIXES = _words("""
    lawrence florence terence clarence laurence constance clement prudence hillary zachary
    rosemary gregory valery
""")
COMPOUND_ENDINGS = _words("""
    based born led backed owned style made funded run controlled held bound related friendly
    era type like language speaking wide level old linked affiliated oriented
""")
CONNECTORS = _words("of the for and on to in at &")
PARTICLES = _words("""
    de du des del della di da dos das von van der den al el bin ibn bint ben y la le uulu
    kyzy ogly oglu zu ter ten st
""")
JOINING_WORDS = CONNECTORS | PARTICLES
PARTICLE_PREFIXES = ("al-", "el-", "ad-", "ar-", "as-", "ash-", "at-", "az-", "ud-", "ul-", "ur-")
# Capitals that are not bodies: countries, currencies, units, page furniture.
NOT_ORGANIZATIONS = _words("""
    US USA UK UAE USSR RF DPRK PRC FRG ROK KSA GDP VAT CEO CFO PM AM GMT UTC IST MSK EST CET TV
    PR IT AI HIV AIDS COVID SARS LNG LPG CNG II III IV VI VII VIII IX XI XII XX XXI OK NB PS
    KM MW GW KWH BCM TCM SMS VIP FAQ ID PDF URL HTML RSS MP FM AZN USD EUR RUB KZT UZS KGS TJS
    TMT GEL AMD IRR TRY CNY JPY GBP CHF INR BC AD AG PHOTO UPD ICT QR TTS IPO POOL LEAD VIDEO
    TEXT MARKET EXPO NEWS UPDATE BREAKING LIVE TITLE SOURCE DATE NK HPP NPP SSR TAPI РФ США
    СССР КНР ФРГ ОАЭ КНДР РУз РК КР ВВП НДС СВО АЭС ГЭС
""")
TWO_LETTER_BODIES = _words("EU UN AP AA EC ЕС")
WEB_ENDINGS = _words("az ru kz kg uz tj tm ge am ir by ua com")

WORD = re.compile(r"[^\W\d_]\w*(?:[-'’]\w+)*")
SENTENCE_MARKS = frozenset('.!?:;|•–—\n([/"“«')
QUOTED = re.compile(r"[\"“«„]([^\"“”«»„\n]{2,60})[\"”»“]")
PUBLICATION_CONTEXT = re.compile(
    r"\b(?:newspapers?|magazines?|journals?|publications?|periodicals?|weekl(?:y|ies)|"
    r"dail(?:y|ies)|газет\w*|журнал\w*|издани\w*)\b",
    re.IGNORECASE,
)
DOMAIN = re.compile(
    r"(?<![\w./])[A-Z][A-Za-z0-9-]+\.(?:az|Az|AZ|kz|Kz|kg|uz|tj|tm|ru|Ru|ge|am|ir|by|ua|com)\b"
    r"(?![./]\w)"
)
NAMED_BEFORE = re.compile(
    r"(?:,\s(?:the|a)\s)?\s?(news agency|newspaper|website|daily|magazine|weekly|TV|"
    r"broadcaster|news portal|agency|faction|party|bloc)\b"
)
NAMED_BEFORE_KINDS = {"news agency": "news_agency", "agency": "other", "faction": "other",
                      "party": "other", "bloc": "other"}  # fmt: skip
CREDIT = re.compile(
    r"(?:\b(?:[Pp]hotos?|Images)\s*(?::|\||by)|©|\bФото:?|\((?=[A-Z][\w-]*/[A-Z]))"
    r"[ \t]*([^\n()|:]{2,80})"
)
DISTRIBUTOR = re.compile(r"\(([A-Z][A-Za-z.]{2,20})-\s")
LOWER_CASE_BODY = re.compile(r" ((?:[a-z]+ ){0,2})(?:ministry|embassy|consulate|foreign office)\b")
PREVIOUS_WORD = re.compile(r"(?<![\w'’-])([^\W\d_][\w-]*) $")
BYLINE_BEFORE = re.compile(r"(?:\b[Bb]y|©|[Ff]rom:|Автор:|Фото:)\s*$")
ARTICLE_OR_PLACE_BEFORE = re.compile(r"\b(?:[Tt]he|in|near|across|throughout|outside|inside)\s+$")

NAME_CLASSES = ("name", "particle", "initial", "city")
TITLING = ("title", "place", "org", "acronym", "common", "known")  # may stand before a name


@dataclass
class Candidate:
    text: str
    kind: str  # organization or person
    count: int
    start: int  # first mention
    end: int
    organization_kind: str = ""  # an OrganizationKind value for organizations: publication, …


@dataclass(slots=True)
class _Token:
    text: str  # without a possessive ending
    start: int
    end: int
    possessive: bool = False
    opener: bool = False  # the first word of a sentence
    cls: str = "name"  # see _word_class
    lower: str = ""

    def __post_init__(self) -> None:
        self.lower = self.text.lower()


@dataclass
class _Found:
    text: str
    kind: str
    start: int
    end: int
    organization_kind: str = ""


@dataclass
class _Spans:
    """Labelled spans of the text, looked up by position."""

    spans: list[tuple[int, int, str]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.spans.sort()
        self.starts = [s for s, _, _ in self.spans]
        self.longest = max((e - s for s, e, _ in self.spans), default=0)

    def covering(self, start: int, end: int) -> str:
        """Return the label of a span covering [start, end), else ''."""
        if not self.starts:
            return ""
        index = bisect_right(self.starts, start)
        for span_start, span_end, label in reversed(self.spans[max(0, index - 4) : index]):
            if span_start <= start and end <= span_end:
                return label
        return ""

    def overlaps(self, start: int, end: int) -> int:
        """Return the longest overlap of [start, end) with any span."""
        low = bisect_right(self.starts, start - self.longest - 1)
        nearby = self.spans[low : bisect_right(self.starts, end)]
        return max((min(e, end) - max(s, start) for s, e, _ in nearby), default=0)


@dataclass
class _Context:
    """What the rules need to know about the whole text."""

    text: str
    places: _Spans  # registry places, labelled 'country' (and demonyms) or 'city'
    registered: _Spans  # registered organizations, people and events
    lower_words: set[str] = field(default_factory=set)  # words printed in lower case
    positions: dict[str, list[int]] = field(default_factory=dict)  # Word → where it is printed
    headlines: _Spans = field(default_factory=_Spans)  # Lines In Headline Case
    capitals: _Spans = field(default_factory=_Spans)  # LINES IN CAPITALS
    quoted: _Spans = field(default_factory=_Spans)

    def place_at(self, start: int, end: int) -> str:
        """Return 'country' or 'city' for a place word; 'Armenian-Russian' is one too."""
        word = self.text[start:end]
        if "-" in word and word[0].isupper():
            kinds, position = set(), start
            for piece in word.split("-"):
                kinds.add(self.places.covering(position, position + len(piece)))
                position += len(piece) + 1
            if "country" in kinds or "" not in kinds:
                return "country" if "country" in kinds else "city"
        return self.places.covering(start, end)

    def in_headline(self, position: int) -> bool:
        return bool(self.headlines.covering(position, position))

    def outside_headlines(self, word: str) -> bool:
        """Whether word is printed somewhere in running text (not only in headlines)."""
        return any(not self.in_headline(p) for p in self.positions.get(word, []))

    def mentions_after(self, word: str, position: int) -> int:
        """How often word is printed (as a whole word) after position."""
        places = self.positions.get(word, [])
        return len(places) - bisect_right(places, position)


def find_candidates(
    text: str,
    mentions: Iterable[tuple[int, int, str]] = (),
    *,
    byline: str = "",
    limit: int = LIMIT,
) -> list[Candidate]:
    """Return unregistered organization- and person-like names, most mentioned first.

    `mentions` are the registry's matches in text as (start, end, kind): kind 'country'
    (names and demonyms) and 'city' mark places; any other kind is a registered name.
    `byline` is the writer's line the parser took out of the text ('Aynur Ekiz').
    """
    context = _context(text, mentions)
    found = [f for f in _find_all(context) if not _registered(f, context)]
    found += _byline_people(byline, len(text))
    return _rank(_merge(_drop_inside_longer(found), context), limit)


def _context(text: str, mentions: Iterable[tuple[int, int, str]]) -> _Context:
    places, registered = [], []
    for start, end, kind in mentions:
        (places if kind in ("country", "city") else registered).append((start, end, kind))
    context = _Context(text, _Spans(places), _Spans(registered))
    for match in WORD.finditer(text):
        word = match.group(0)
        if word[0].islower():
            context.lower_words.add(word)
            continue
        word = word[:-2] if word[-2:] in ("'s", "’s") else word  # "Lavrov's" is Lavrov
        context.positions.setdefault(word, []).append(match.start())
    lines = list(_lines(text))
    context.headlines = _Spans([(s, e, "h") for s, e, line in lines if _headline_case(line)])
    context.capitals = _Spans([(s, e, "c") for s, e, line in lines if _in_capitals(line)])
    context.quoted = _Spans([(*m.span(1), "q") for m in QUOTED.finditer(text)])
    _unwrap_headlines(context, lines)
    return context


def _lines(text: str) -> Iterator[tuple[int, int, str]]:
    position = 0
    for line in text.split("\n"):
        yield position, position + len(line), line
        position += len(line) + 1


def _headline_case(line: str) -> bool:
    """A Line Written In Headline Case, or a list of tags: capitals that say nothing."""
    words = WORD.findall(line)
    long_words = [w for w in words if len(w) >= 4]
    capitals = sum(w[0].isupper() for w in long_words)
    if len(long_words) < 3:
        return False
    short_line = len(words) <= 14 and line[-1:] != "."
    return capitals == len(long_words) or (capitals >= 0.8 * len(long_words) and short_line)


def _unwrap_headlines(context: _Context, lines: list[tuple[int, int, str]]) -> None:
    """A line of hard-wrapped prose is no headline, however capitalised ('…, Vladimir Putin')."""
    number = {start: index for index, (start, _, _) in enumerate(lines)}
    kept = []
    for span in context.headlines.spans:
        index = number[span[0]]
        following = lines[index + 1][2].lstrip()[:1] if index + 1 < len(lines) else ""
        previous = lines[index - 1][2].rstrip() if index else ""
        if not (following.islower() or previous.endswith(",")):
            kept.append(span)
    context.headlines = _Spans(kept)


def _in_capitals(line: str) -> bool:
    return len(WORD.findall(line)) >= 3 and not any(c.islower() for c in line)


def _find_all(context: _Context) -> Iterator[_Found]:
    tokens = _tokens(context)
    for run in _runs(tokens, context.text):
        if not context.capitals.covering(run[0].start, run[0].start):
            yield from _from_run(run, context)
    yield from _quoted_names(context)
    yield from _credits(context)
    yield from _lower_case_ministries(tokens, context)
    yield from _named_by_context(tokens, context)
    yield from _single_word_bodies(tokens, context)
    for match in DOMAIN.finditer(context.text):
        yield _Found(match.group(0), "organization", *match.span(), "publication")


# -- words and their classes -----------------------------------------------------------


def _tokens(context: _Context) -> list[_Token]:
    text, tokens = context.text, []
    for match in WORD.finditer(text):
        word, start = match.group(0), match.start()
        if word[0].islower():  # most are ordinary words: they end runs, as gaps do
            if word in JOINING_WORDS or word.startswith(PARTICLE_PREFIXES):
                cls = _lower_case_class(word, word.lower())
                tokens.append(_Token(word, start, match.end(), cls=cls))
            continue
        possessive = word[-2:] in ("'s", "’s") and len(word) > 3
        word = word[:-2] if possessive else word
        token = _Token(word, start, start + len(word), possessive)
        token.opener = _opens_sentence(text, start)
        token.cls = _word_class(token, context)
        if _glued(text, start) and token.lower in WEB_ENDINGS:
            token.cls = "common"  # 'Today.Az': the end of a web address
        tokens.append(token)
    return tokens


def _opens_sentence(text: str, start: int) -> bool:
    """Whether the word at start begins a sentence, a line, a quotation or a bracket."""
    index = start - 1
    while index >= 0 and index >= start - 4 and text[index] in " \t\u00a0":
        index -= 1
    if index < 0:
        return True
    mark = text[index]
    return mark in SENTENCE_MARKS or (mark == "-" and index > 0 and text[index - 1] == " ")


def _glued(text: str, start: int) -> bool:
    return start >= 2 and text[start - 1] == "." and text[start - 2].isalnum()


def _word_class(token: _Token, context: _Context) -> str:
    """name, title, place, city, org (a body's head word), acronym, initial, known (in the
    registry), month, common (an ordinary word), connector or particle."""
    word, lower = token.text, token.lower
    cyrillic = russian.is_cyrillic(word)
    if lower in MONTHS or lower in WEEKDAYS or (cyrillic and russian.is_month(lower)):
        return "month"
    if context.registered.covering(token.start, token.end):
        return "known"
    if place := context.place_at(token.start, token.end):
        return "place" if place == "country" else "city"
    if _is_title(word):
        return "title"
    if lower in ORGANIZATION_HEADS or lower in INSTITUTIONS:
        return "org"
    if cyrillic and (russian.body_head(word) or russian.institution(word)):
        return "org"
    if _is_acronym(word):
        return "acronym"
    if len(word) == 1:
        return "initial"
    return "common" if _is_common(token, context) else "name"


def _lower_case_class(word: str, lower: str) -> str:
    if lower in CONNECTORS:
        return "connector"
    if lower.startswith(PARTICLE_PREFIXES) and word.split("-", 1)[1][:1].isupper():
        return "name"  # 'al-Baghdadi'
    return "particle" if lower in PARTICLES else "common"


def _is_title(word: str) -> bool:
    lower = word.lower()
    if lower in TITLES or ("-" in lower and lower.split("-")[0] in TITLES):
        return True
    if lower.endswith("s") and len(lower) > 3 and lower[:-1].split("-")[-1] in TITLES:
        return True  # 'Co-chairs', 'FMs'
    return russian.is_title(word)


def _is_acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return 2 <= len(letters) <= 6 and len(word) <= 7 and all(c.isupper() for c in letters)


def _is_common(token: _Token, context: _Context) -> bool:
    lower = token.lower
    if lower in COMMON_WORDS:
        return True
    if "-" in lower and lower.rsplit("-", 1)[1] in COMPOUND_ENDINGS:
        return True  # 'Baku-based', 'Russia-led'
    if len(lower) >= 6 and lower.endswith(COMMON_SUFFIXES):
        return lower not in NAMES_WITH_COMMON_SUFFIXES
    if lower in context.lower_words and (token.opener or context.in_headline(token.start)):
        return True
    return token.opener and _ordinary_opener(lower)


def _ordinary_opener(lower: str) -> bool:
    """Sentence openers that are plainly not names: 'Welcoming', 'Finally', 'По'."""
    return (len(lower) >= 6 and lower.endswith(("ing", "ly"))) or lower in russian.STOP_WORDS


# -- runs of capitalised words -----------------------------------------------------------


def _runs(tokens: list[_Token], text: str) -> Iterator[list[_Token]]:
    """Yield runs of capitalised words joined by single spaces (and connectors, particles)."""
    run: list[_Token] = []
    for token in tokens:
        if run and _joins(run[-1], token, text):
            run.append(token)
            continue
        if run:
            yield run
        run = [token] if token.text[0].isupper() else []
    if run:
        yield run


def _joins(previous: _Token, token: _Token, text: str) -> bool:
    capital = token.text[0].isupper()
    if previous.possessive:  # "Azerbaijan's Defense Ministry"; but "People's Party"
        return capital and previous.cls in ("name", "common") and token.cls == "org"
    gap = text[previous.end : token.start]
    spaced = gap in (" ", "\u00a0") or (gap == "\n" and _wrapped(text, previous.end))
    dotted = gap == ". " and (previous.cls == "initial" or previous.lower in ABBREVIATED_TITLES)
    return (spaced or dotted) and (capital or token.cls in ("connector", "particle", "name"))


def _wrapped(text: str, line_end: int) -> bool:
    """Whether a line break falls inside a paragraph of hard-wrapped text."""
    line_start = text.rfind("\n", 0, line_end) + 1
    return line_end - line_start >= 55 and text[line_end + 1 : line_end + 2] != "\n"


def _from_run(run: list[_Token], context: _Context) -> Iterator[_Found]:
    run = _trim(run)
    while (
        run and run[0].opener and (run[0].lower in FUNCTION_WORDS or _ordinary_opener(run[0].lower))
    ):
        run = _trim(run[1:])
    for part in _split_and(run) if run else []:
        body = part
        if not context.quoted.covering(part[0].start, part[-1].end):
            for start, end in _name_sequences(part):
                person = _person_at(part, start, end, context)
                if person is not None:
                    yield person
                    body = part[:start] if end == len(part) else body
        if body:
            yield from _organizations(body, context)


def _trim(run: list[_Token]) -> list[_Token]:
    while run and run[0].cls in ("connector", "particle"):
        run = run[1:]
    while run and run[-1].cls in ("connector", "particle"):
        run = run[:-1]
    return run


def _split_and(run: list[_Token]) -> list[list[_Token]]:
    """'Roza Bayramli and Maryam Ismayilova' is two names; 'Ministry of Culture and Tourism' one."""
    for index, token in enumerate(run):
        if token.lower not in ("and", "&", "и") or token.text[0].isupper():
            continue
        left, right = _trim(run[:index]), _trim(run[index + 1 :])
        if not (left and right and _stands_alone(left) and _stands_alone(right)):
            continue
        body_ends = all(t.cls != "org" for t in left) or left[-1].cls in ("org", "acronym")
        if body_ends or run[index + 1].lower == "the":
            return [left, *_split_and(right)]
    return [run]


def _stands_alone(part: list[_Token]) -> bool:
    """Whether a piece of a run is a name of its own (a person, or a body with its head)."""
    if any(t.cls == "org" for t in part):
        return part[0].lower not in FUNCTION_WORDS
    core = sum(t.cls in ("name", "city") for t in part)
    return part[0].cls in ("name", "title", "place") and core >= 2


# -- people ------------------------------------------------------------------------------


def _name_sequences(part: list[_Token]) -> Iterator[tuple[int, int]]:
    """Yield [start, end) of each stretch of name-like words in a run, particles inside only."""
    index = 0
    while index < len(part):
        if part[index].cls not in NAME_CLASSES or part[index].cls == "particle":
            index += 1
            continue
        end = index
        while end < len(part) and (part[end].cls in NAME_CLASSES or _capitals_surname(part, end)):
            end += 1
        while part[end - 1].cls == "particle":
            end -= 1
        yield index, end
        index = max(end, index + 1)


def _capitals_surname(part: list[_Token], index: int) -> bool:
    """'Anastasia MOKRENKO': a byline's surname in capitals after a first name."""
    last = index + 1 == len(part) or part[index + 1].cls not in NAME_CLASSES
    return _upper_name(part[index]) and index > 0 and part[index - 1].cls == "name" and last


def _upper_name(token: _Token) -> bool:
    text = token.text
    latin = not russian.is_cyrillic(text)
    return text.isupper() and len(text) >= 4 and latin and token.cls in ("name", "acronym")


def _core(tokens: list[_Token]) -> int:
    return sum(t.cls in ("name", "city") or _upper_name(t) for t in tokens)


def _person_at(part: list[_Token], start: int, end: int, context: _Context) -> _Found | None:
    """The person named by part[start:end], if the words around say it is one."""
    tokens = part[start:end]
    following = part[end] if end < len(part) else None
    if following is not None and (
        following.cls == "org" or (end - start == 1 and following.cls != "connector")
    ):
        return None  # 'Heydar Aliyev Foundation', 'Shah Cheragh Shrine'
    before = part[start - 1] if start else _title_before(part[0], context)
    if before is not None and before.cls == "connector" and _body_before(part, start):
        return None  # 'Organization of Turkic States': the rest of a body's name
    printed_before = context.text[max(0, tokens[0].start - 14) : tokens[0].start]
    credited = bool(BYLINE_BEFORE.search(printed_before)) and before is None
    titled = credited or (before is not None and before.cls in TITLING)
    if not titled and ARTICLE_OR_PLACE_BEFORE.search(printed_before) and start == 0:
        return None  # 'the Nagorno Karabakh conflict', 'in South Ossetia'
    credited = credited or (before is not None and before.lower in BYLINE_MARKERS)
    if not credited and _unconfirmed_headline_name(tokens, context):
        return None
    return _person(tokens, titled, before, context)


def _title_before(token: _Token, context: _Context) -> _Token | None:
    """The lower-case title just before a run ('director-general Aslan Aslanov'), if any."""
    match = re.search(
        r"([^\W\d_][\w-]*)[ \u00a0]$", context.text[max(0, token.start - 40) : token.start]
    )
    if not match or match.group(1)[0].isupper() or not _is_title(match.group(1)):
        return None
    start = token.start - len(match.group(0))
    return _Token(match.group(1), start, start + len(match.group(1)), cls="title")


def _body_before(part: list[_Token], start: int) -> bool:
    """Whether a body's head word comes before this point of the run, joined by connectors."""
    index = start - 1
    while index >= 0 and part[index].cls in ("connector", "name", "common", "place", "city"):
        index -= 1
    return index >= 0 and part[index].cls == "org"


def _unconfirmed_headline_name(tokens: list[_Token], context: _Context) -> bool:
    """'Kuchava Steps Down': in a headline, only names the running text prints too."""
    if not context.in_headline(tokens[0].start):
        return False
    return not any(len(t.text) >= 4 and context.outside_headlines(t.text) for t in tokens)


def _person(
    tokens: list[_Token], titled: bool, before: _Token | None, context: _Context
) -> _Found | None:
    """Keep a name of two or three words, or one word right after a title ('President Raisi')."""
    core = _core(tokens)
    if all(t.cls in ("city", "place") for t in tokens):
        return None
    cyrillic = all(russian.is_cyrillic(t.text) for t in tokens if t.cls != "particle")
    if len(tokens) == 1:
        return _one_word_person(tokens[0], before, cyrillic, context)
    initials = any(t.cls == "initial" for t in tokens)
    if core == 1 and initials and titled and tokens[-1].cls == "name":
        return _found_person(tokens)  # 'S Jaishankar', 'A. Papazian'
    if core < 2 or (core > 3 and not cyrillic):
        return None
    return _russian_person(tokens, titled, context) if cyrillic else _found_person(tokens)


def _one_word_person(
    token: _Token, before: _Token | None, cyrillic: bool, context: _Context
) -> _Found | None:
    if before is None or before.cls != "title" or before.lower in BYLINE_MARKERS:
        return None
    if len(token.text) < 3 or token.cls != "name" or token.text.isupper():
        return None
    return _russian_surname(token, context) if cyrillic else _found_person([token])


def _found_person(tokens: list[_Token]) -> _Found:
    text = " ".join(_name_case(t.text) for t in tokens)
    return _Found(text, "person", tokens[0].start, tokens[-1].end)


def _name_case(word: str) -> str:
    """'MOKRENKO' → 'Mokrenko', 'CAMERON-MOORE' → 'Cameron-Moore' (bylines print surnames so)."""
    if word.isupper() and len(word) > 2:
        return "-".join(part.capitalize() for part in word.split("-"))
    return word


def _russian_person(tokens: list[_Token], titled: bool, context: _Context) -> _Found | None:
    """'Сергея Лаврова' → 'Сергей Лавров'; 'Дмитрий Песков Павел Зарубин' (tags) → nothing."""
    words = [t.text for t in tokens]
    if len(words) == 4:
        return None
    if len(words) == 3 and not russian.is_patronymic(words[1]):
        words, tokens = words[1:], tokens[1:]  # 'России Сергей Лавров'
        if not (russian.first_name(words[0]) or russian.is_patronymic(words[0])):
            return None
    known = russian.first_name(words[0]) is not None
    if not (known or titled or russian.looks_like_mans_surname(words[-1])):
        return None  # 'Жители Наманганской (области)': a plural noun and an adjective
    case = _title_case_before(tokens[0], context)
    name = " ".join(russian.person_nominative(words, case))
    return _Found(name, "person", tokens[0].start, tokens[-1].end)


def _russian_surname(token: _Token, context: _Context) -> _Found | None:
    """'президент Путин', 'патриарха Кирилла': one name after a title, in the nominative."""
    known = russian.first_name(token.text)
    if known:
        name = known[0]
    elif russian.looks_like_surname(token.text):
        name = russian.person_nominative([token.text], _title_case_before(token, context))[0]
    else:
        return None  # 'президента России'
    return _Found(name, "person", token.start, token.end)


def _title_case_before(token: _Token, context: _Context) -> str | None:
    """The case of the first title in the chain before a name ('пресс-секретарь президента РФ')."""
    words = re.findall(r"[^\W\d_][\w-]*", context.text[max(0, token.start - 60) : token.start])
    case = None
    for word in reversed(words[-5:]):
        if found := (russian.title_case(word) if russian.is_cyrillic(word) else None):
            case = found
        elif word[0].islower() and word.lower() not in ("по", "и"):
            break
    return case


# -- bodies ------------------------------------------------------------------------------


def _organizations(part: list[_Token], context: _Context) -> Iterator[_Found]:
    heads = [i for i, t in enumerate(part) if t.cls == "org"]
    if heads:
        found = _organization_phrase(part, heads, context)
        if found:
            yield found
    else:
        yield from _acronym_with_place(part)


def _organization_phrase(part: list[_Token], heads: list[int], context: _Context) -> _Found | None:
    """From the words before the first head word to the end of its complement."""
    start = heads[0]
    while start > 0 and _extends_body(part, start - 1, context):
        start -= 1
    while start < heads[0] and (
        part[start].lower in FUNCTION_WORDS or part[start].cls == "connector"
    ):
        start += 1
    end = heads[-1] + 1
    while end < len(part) and _continues_body(part, end):
        end += 1
    tokens = _trim(part[start:end])
    if not tokens or (start and part[start - 1].cls == "known"):
        return None  # 'Kazinform News Agency': the rest of a registered name
    if russian.body_head(tokens[0].text):
        return _russian_body(tokens, context)
    if len(tokens) == 1 and tokens[0].lower not in INSTITUTIONS:
        return None  # 'Ministry' alone
    text = context.text[tokens[0].start : tokens[-1].end]
    text = text[4:] if text.lower().startswith("the ") else text
    return _Found(text, "organization", tokens[0].start, tokens[-1].end, _kind(tokens))


def _extends_body(part: list[_Token], index: int, context: _Context) -> bool:
    """Whether the word before a body's name belongs to it ('Small and Medium Business …')."""
    token = part[index]
    in_lower_case = token.lower in context.lower_words and token.lower not in COMMON_WORDS
    if in_lower_case and context.in_headline(token.start):
        return False  # 'Discuss Eurasian Economic Union' in a headline
    if token.cls in ("name", "place", "city", "common", "acronym", "org"):
        return token.lower not in FUNCTION_WORDS
    if token.cls == "known":  # 'UN General Assembly'; not 'Kazinform News Agency'
        return not any(t.lower in AGENCY_WORDS for t in part[index + 1 :])
    if token.cls == "title":
        return token.lower in BODY_TITLES
    if token.lower in ("and", "&") and index > 0:
        return part[index - 1].cls in ("name", "common", "place", "city", "org")
    return False


def _continues_body(part: list[_Token], index: int) -> bool:
    """Whether a word after a body's head is still its name ('… of Foreign Ministers')."""
    token = part[index]
    following = part[index + 1] if index + 1 < len(part) else None
    if token.cls == "title":
        return token.lower.endswith("s") and part[index - 1].cls != "title"
    if token.cls == "acronym" and part[index - 1].cls != "connector":
        return False  # 'St. Petersburg Times DATE'
    if token.cls == "month" or token.lower in ("in", "at", "to"):
        return False  # 'Verkhovna Rada on Thursday'
    return not (token.cls == "connector" and following is not None and following.cls == "month")


def _kind(tokens: list[_Token]) -> str:
    words = {t.lower for t in tokens}
    if words & INTERGOVERNMENTAL_HEADS and words & INTERGOVERNMENTAL_SCOPES:
        return "intergovernmental"
    for token in reversed(tokens):
        kind = ORGANIZATION_HEADS.get(token.lower) or INSTITUTIONS.get(token.lower)
        if kind:
            return kind
    return "other"


def _russian_body(tokens: list[_Token], context: _Context) -> _Found:
    """'Центре исламской цивилизации в Ташкенте' → 'Центр исламской цивилизации'."""
    name, kind = russian.body_head(tokens[0].text) or (tokens[0].text, "other")
    words = [name] + [t.text for t in tokens[1:]]
    end = tokens[-1].end
    while len(tokens) == 1 and len(words) < 5:
        match = re.match(r"[ \u00a0]([а-яё]+)", context.text[end : end + 40])
        if (
            not match
            or match.group(1) in russian.STOP_WORDS
            or russian.is_verb_like(match.group(1))
        ):
            break
        words.append(match.group(1))
        end += match.end()
    return _Found(" ".join(words), "organization", tokens[0].start, end, kind)


def _acronym_with_place(part: list[_Token]) -> Iterator[_Found]:
    """'МИД России', 'МИД РФ': a Russian body's acronym and the country it belongs to."""
    for token, following in pairwise(part):
        if (
            token.cls == "acronym"
            and russian.is_cyrillic(token.text)
            and token.text not in NOT_ORGANIZATIONS
            and following.cls in ("place", "name", "acronym")
            and russian.is_cyrillic(following.text)
            and not russian.first_name(following.text)
        ):
            text = f"{token.text} {following.text}"
            yield _Found(text, "organization", token.start, following.end, "government")


# -- names known by their surroundings ---------------------------------------------------


def _quoted_names(context: _Context) -> Iterator[_Found]:
    """'newspapers "Hummat", "Burhani-Hagigat"', 'телеканала «Россия 1»': publications, bodies."""
    text = context.text
    previous_kind, previous_end = "", -1
    for match in QUOTED.finditer(text):
        inner = match.group(1).strip()
        if not _title_like(inner):
            continue
        before = text[max(0, match.start() - 160) : match.start()]
        sentence = re.split(r"[.!?]\s", before)[-1]
        after = text[match.end() : match.end() + 12].strip()
        listed = re.fullmatch(r"[\s,()\d–—-]*(?:and|и)?\s*", text[previous_end : match.start()])
        if PUBLICATION_CONTEXT.search(sentence[-120:]) or PUBLICATION_CONTEXT.match(after):
            kind = "publication"
        else:
            kind = previous_kind if previous_kind and listed else _context_kind(before[-30:])
        if kind:
            previous_kind, previous_end = kind, match.end()
            yield _Found(inner, "organization", match.start(1), match.end(1), kind)


def _title_like(inner: str) -> bool:
    words = inner.split()
    if not 1 <= len(words) <= 4 or not inner[0].isupper():
        return False
    joining = PARTICLES | CONNECTORS
    return all(w[0].isupper() or w[0].isdigit() or w.lower() in joining for w in words)


def _context_kind(before: str) -> str:
    """The kind of body the last words before a name announce ('the broadcaster', 'газеты')."""
    for word in reversed(re.findall(r"[^\W\d_]+", before.lower())[-2:]):
        for stem, kind in ORGANIZATION_CONTEXT.items():
            if word.startswith(stem) and len(word) - len(stem) <= 3:
                return kind
    return ""


def _named_by_context(tokens: list[_Token], context: _Context) -> Iterator[_Found]:
    """'broadcaster TRT Haber', 'радиостанции РБК', 'Nasim news agency', 'Vergiler, the daily'."""
    text = context.text
    for index, token in enumerate(tokens):
        if not token.text[0].isupper() or token.cls in ("city", "title", "month", "known"):
            continue
        if context.in_headline(token.start):
            continue
        previous = PREVIOUS_WORD.search(text, max(0, token.start - 30), token.start)
        kind = ""
        if previous and token.cls != "place" and previous.group(1)[0].islower():
            kind = _context_kind(previous.group(1))
        if kind and (token.cls in ("acronym", "name") or _camel(token.text, context)):
            name = _name_from(tokens, index, text)
            yield _Found(_span(text, name), "organization", name[0].start, name[-1].end, kind)
            continue
        match = NAMED_BEFORE.match(text[token.end : token.end + 30])
        if match and token.cls in ("name", "acronym", "place"):
            name = _name_before(tokens, index, text)
            if any(t.cls != "place" for t in name):
                kind = NAMED_BEFORE_KINDS.get(match.group(1), "publication")
                yield _Found(_span(text, name), "organization", name[0].start, token.end, kind)


def _name_before(tokens: list[_Token], index: int, text: str) -> list[_Token]:
    """The capitalised words up to tokens[index], at most three ('Prosperous Armenia')."""
    name = [tokens[index]]
    for token in reversed(tokens[max(0, index - 2) : index]):
        if text[token.end : name[0].start] != " " or not token.text[0].isupper():
            break
        if token.cls in ("title", "month", "known") or token.lower in FUNCTION_WORDS:
            break
        name.insert(0, token)
    return name


def _name_from(tokens: list[_Token], index: int, text: str) -> list[_Token]:
    """The capitalised words from tokens[index] on, at most four ('Neutral Turkmenistan')."""
    name = [tokens[index]]
    for token in tokens[index + 1 : index + 4]:
        if text[name[-1].end : token.start] != " " or not token.text[0].isupper():
            break
        if token.cls in ("title", "month", "known") or name[-1].possessive:
            break
        name.append(token)
    return name


def _span(text: str, tokens: list[_Token]) -> str:
    return text[tokens[0].start : tokens[-1].end]


def _credits(context: _Context) -> Iterator[_Found]:
    """'Photo: EPA-EFE/NEIL HALL', '© Сергей Бобылев/ POOL/ ТАСС', '(MENAFN- Trend)'."""
    for match in CREDIT.finditer(context.text):
        position = match.start(1)
        for piece in match.group(1).split("/"):
            start = position + len(piece) - len(piece.lstrip())
            position += len(piece) + 1
            name = piece.strip()
            if not name or any(w[0].islower() for w in name.split()):
                break  # '… / пресс-служба президента РФ': the credit has ended
            if found := _credited(name, start):
                yield found
    for match in DISTRIBUTOR.finditer(context.text):
        yield _Found(match.group(1), "organization", *match.span(1), "publication")


def _credited(name: str, start: int) -> _Found | None:
    words = name.split()
    end = start + len(name)
    if any(w.lower() in ORGANIZATION_HEADS for w in words):
        return _Found(name, "organization", start, end, "other")
    if len(words) == 1 and (name.isupper() or "-" in name) and name not in NOT_ORGANIZATIONS:
        return _Found(name, "organization", start, end, "news_agency")
    if 2 <= len(words) <= 3 and all(w[0].isupper() and w.isalpha() for w in words):
        return _Found(" ".join(_name_case(w) for w in words), "person", start, end)
    return None


def _byline_people(byline: str, position: int) -> list[_Found]:
    """'Aynur Ekiz', 'Junko Fujita and Kentaro Sugiyama', 'Anastasia MOKRENKO': the writers."""
    people = []
    for piece in re.split(r",|;|\band\b|&|/", byline):
        words = piece.split()
        lowered = {w.lower().rstrip(".") for w in words}
        named = 2 <= len(words) <= 4 and all(w[0].isupper() for w in words)
        if named and not lowered & (TITLES | ORGANIZATION_HEADS.keys()):
            name = " ".join(_name_case(w) for w in words)
            people.append(_Found(name, "person", position, position))
    return people


def _lower_case_ministries(tokens: list[_Token], context: _Context) -> Iterator[_Found]:
    """ "Japan's foreign ministry", 'the Italian culture ministry' (bodies named in lower case)."""
    text = context.text
    for token in tokens:
        if token.cls != "place":
            continue
        match = LOWER_CASE_BODY.match(text, token.end + (2 if token.possessive else 0))
        if match and all(w in COMMON_WORDS for w in match.group(1).split()):
            yield _Found(text[token.start : match.end()], "organization", token.start,
                         match.end(), "government")  # fmt: skip


def _camel(word: str, context: _Context) -> bool:
    """'KazakhExport', 'AzerTac': a capital inside a word names a brand, not a person.

    Words run together by a lost space ('KhalilovBaku', 'TrendThe') are not brands: their
    second half is a word of its own elsewhere in the text.
    """
    match = re.fullmatch(r"[A-Z][a-z]+([A-Z][a-z]{1,5})", word)
    if not match or word.startswith(("Mc", "Mac", "De", "Di", "La", "Le", "Van", "Von")):
        return False
    second = match.group(1)
    if second.lower() in COMMON_WORDS or len(second) <= 2:
        return second.lower() in ("news", "info", "press", "export", "gas", "oil", "tv")
    return second not in context.positions


def _single_word_bodies(tokens: list[_Token], context: _Context) -> Iterator[_Found]:
    """Acronyms in running text ('PKK, FETO'), institutions ('the Kremlin'), brands."""
    for token in tokens:
        if not token.text[0].isupper() or context.in_headline(token.start):
            continue
        if "-" in token.text:
            yield from _acronyms_in_compound(token, context)
        if token.cls in ("place", "city"):
            continue
        if context.capitals.covering(token.start, token.start):
            continue
        if found := _single_word_body(token, context):
            yield found


def _single_word_body(token: _Token, context: _Context) -> _Found | None:
    text, start, end = token.text, token.start, token.end
    if name := russian.institution(text):
        return _Found(name, "organization", start, end, "government")
    if token.lower in INSTITUTIONS:
        return _Found(text, "organization", start, end, INSTITUTIONS[token.lower])
    if token.cls == "acronym" and _acronym_body(token, context):
        pair = re.match(r"/([A-Z]{2,6})\b(?! [A-Z])", context.text[end : end + 10])
        end += pair.end() if pair else 0  # 'RFE/RL', not 'EPA-EFE/NEIL HALL'
        return _Found(context.text[start:end], "organization", start, end, "other")
    if _camel(text, context):
        return _Found(text, "organization", start, end, "other")
    return None


def _acronyms_in_compound(token: _Token, context: _Context) -> Iterator[_Found]:
    """'EU-brokered', 'Ukraine-EU-NATO': the bodies inside a hyphenated word."""
    position = token.start
    for piece in token.text.split("-"):
        start, position = position, position + len(piece) + 1
        body = piece.isupper() and 2 <= len(piece) <= 6 and piece not in NOT_ORGANIZATIONS
        if body and not context.place_at(start, start + len(piece)):
            yield _Found(piece, "organization", start, start + len(piece), "other")


def _acronym_body(token: _Token, context: _Context) -> bool:
    text = token.text
    if text in NOT_ORGANIZATIONS or (len(text) < 3 and text not in TWO_LETTER_BODIES):
        return False
    if token.lower in COMMON_WORDS or token.lower in context.lower_words:
        return False  # 'VIDEO', 'MARKET': a word in capitals
    before = context.text[max(0, token.start - 30) : token.start]
    if re.search(r"[^\W\d_][\w'’]*\s\($", before):
        return False  # 'Shanghai Cooperation Organization (SCO)': the name is offered already
    around = before + context.text[token.end : token.end + 30]
    return sum(1 for w in WORD.findall(around) if w[0].islower()) >= 2  # running text


# -- one candidate per name ----------------------------------------------------------------


def _registered(found: _Found, context: _Context) -> bool:
    """Whether the registry knows this name: a person it names, or most of a body's name."""
    overlap = context.registered.overlaps(found.start, found.end)
    return overlap > 0 and (found.kind == "person" or overlap * 2 >= found.end - found.start)


def _drop_inside_longer(found: list[_Found]) -> list[_Found]:
    """'AIR' inside 'AIR Center', 'Parliament' inside 'Iranian Parliament': keep the longer."""
    bodies = _Spans(
        [(f.start, f.end, "b") for f in found if f.kind == "organization" and " " in f.text]
    )
    return [
        f
        for f in found
        if f.kind != "organization" or " " in f.text or not bodies.covering(f.start, f.end)
    ]


def _merge(found: list[_Found], context: _Context) -> list[Candidate]:
    """One candidate per name; a later surname or title mention counts for the full name."""
    candidates: dict[tuple[str, str], Candidate] = {}
    seen: set[tuple[int, int, str]] = set()
    for item in sorted(found, key=lambda f: (f.start, -(f.end - f.start))):
        text = " ".join(item.text.split())
        if (item.start, item.end, item.kind) in seen:
            continue
        seen.add((item.start, item.end, item.kind))
        key = (item.kind, text.casefold())
        if key in candidates:
            candidates[key].count += 1
        else:
            candidates[key] = Candidate(
                text, item.kind, 1, item.start, item.end, item.organization_kind
            )
    by_surname: dict[str, Candidate] = {}
    for person in candidates.values():
        if person.kind == "person" and " " in person.text:
            by_surname.setdefault(person.text.split()[-1], person)
    for key, short in list(candidates.items()):
        if short.kind == "person" and short.text in by_surname:
            by_surname[short.text].count += short.count
            del candidates[key]
    for person in [c for c in candidates.values() if c.kind == "person" and " " in c.text]:
        person.count += _surname_mentions(person, context)
    return _drop_nested(list(candidates.values()))


def _surname_mentions(person: Candidate, context: _Context) -> int:
    surname = person.text.split()[-1]
    if len(surname) < 4 or russian.is_cyrillic(surname):
        return 0
    return context.mentions_after(surname, person.end - 1)


def _drop_nested(candidates: list[Candidate]) -> list[Candidate]:
    """Keep 'Seyed Ali Khamenei', not also 'Ali Khamenei' (but 'Vali Aliyev' and 'Ali Aliyev')."""
    inside: set[str] = set()
    for candidate in candidates:
        words = candidate.text.casefold().split()
        if candidate.kind == "person":
            inside |= {
                " ".join(words[i:j])
                for i in range(len(words))
                for j in range(i + 1, len(words) + 1)
                if j - i < len(words)
            }
    return [c for c in candidates if c.kind != "person" or c.text.casefold() not in inside]


def _rank(candidates: list[Candidate], limit: int) -> list[Candidate]:
    return sorted(candidates, key=lambda c: (-c.count, c.start))[:limit]
