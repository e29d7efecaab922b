"""Names known by their surroundings: in quotes, after 'broadcaster', in a photo credit."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache

from ingest.candidates.bodies import looks_like_brand
from ingest.candidates.context import QUOTED, Context, Found, Token
from ingest.candidates.people import name_case
from ingest.candidates.runs import is_title
from ingest.candidates.words import (
    AGENCY_WORDS,
    CONNECTORS,
    FUNCTION_WORDS,
    INSTITUTIONS,
    NOT_ORGANIZATIONS,
    ORGANIZATION_CONTEXT,
    ORGANIZATION_HEADS,
    PARTICLES,
    word_set,
)

PUBLICATION_CONTEXT = re.compile(
    r"\b(?:newspapers?|magazines?|journals?|publications?|periodicals?|weekl(?:y|ies)|"
    r"dail(?:y|ies)|газет\w*|журнал\w*|издани\w*)\b",
    re.IGNORECASE,
)
DOMAIN_ENDING = re.compile(r"\.(?:az|Az|AZ|kz|Kz|kg|uz|tj|tm|ru|Ru|ge|am|ir|by|ua|com)")
DOMAIN = re.compile(
    r"(?<![\w./])[A-Z][A-Za-z0-9-]+\.(?:az|Az|AZ|kz|Kz|kg|uz|tj|tm|ru|Ru|ge|am|ir|by|ua|com)\b"
    r"(?![./]\w)"
)
NAMED_BEFORE = re.compile(
    # its short form may come between: 'the Daesh Khorasan (Daesh-K) terrorist group'
    r"(?P<short>\s\([^()\n]{1,20}\))?(?:,\s(?:the|a)\s)?\s?"
    r"(?P<adjective>(?:terrorist|terror|militant|armed|rebel|extremist|jihadist|separatist|"
    r"insurgent|paramilitary|mercenary)\s(?=group|movement|militia|organi[sz]ation))?"
    r"(?P<kind>news agency|newspaper|website|daily|magazine|weekly|TV|broadcaster|news portal|"
    r"agency|faction|party|bloc|group|movement|militia|organi[sz]ation)\b"
)
NAMED_BEFORE_KINDS = {"news agency": "news_agency", "agency": "other", "faction": "other",
                      "party": "other", "bloc": "other", "group": "other", "movement": "other",
                      "militia": "other", "organization": "other",
                      "organisation": "other"}  # fmt: skip
GROUP_WORDS = frozenset({"group", "movement", "militia", "organization", "organisation"})
THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
# Words announcing a party only by its short name: 'the opposition PP', 'the ruling AKP'.
PARTY_SIDES = frozenset({"opposition", "ruling"})
# Between the names of a list that words before it announce: 'terror groups PKK, FETO
# and Daesh'.
LIST_GAP = re.compile(r"(?:,\s|,?\s(?:and|or|и)\s)")
LIST_JOINERS = frozenset({"and", "or", "и"})
CREDIT = re.compile(
    r"(?:\b(?:[Pp]hotos?|Images)\s*(?::|\||by)|©|\bФото:?|\((?=[A-Z][\w-]*/[A-Z]))"
    r"[ \t]*([^\n()|:]{2,80})"
)
# Every credit above prints one of these, or a bracket and a slash: a text without any has
# none, and telling so is much faster than the search.
CREDIT_MARKS = ("hoto", "Images", "©", "Фото")
DISTRIBUTOR = re.compile(r"\(([A-Z][A-Za-z.]{2,20})-\s")
SENTENCE_BREAK = re.compile(r"[.!?]\s")
LISTED = re.compile(r"[\s,()\d–—-]*(?:and|и)?\s*")
LETTERS = re.compile(r"[^\W\d_]+")
PREVIOUS_WORD = re.compile(r"(?<![\w'’-])([^\W\d_][\w-]*) $")


def quoted_names(context: Context) -> Iterator[Found]:
    """'newspapers "Hummat", "Burhani-Hagigat"', 'телеканала «Россия 1»': publications, bodies."""
    text = context.text
    previous_kind, previous_end = "", -1
    for match in QUOTED.finditer(text):
        inner = match.group(1).strip()
        if not _title_like(inner):
            continue
        before = text[max(0, match.start() - 160) : match.start()]
        sentence = SENTENCE_BREAK.split(before)[-1]
        after = text[match.end() : match.end() + 12].strip()
        listed = LISTED.fullmatch(text[previous_end : match.start()])
        if PUBLICATION_CONTEXT.search(sentence[-120:]) or PUBLICATION_CONTEXT.match(after):
            kind = "publication"
        else:
            kind = previous_kind if previous_kind and listed else _context_kind(before[-30:])
        if kind:
            previous_kind, previous_end = kind, match.end()
            yield Found(inner, "organization", match.start(1), match.end(1), kind)


def _title_like(inner: str) -> bool:
    words = inner.split()
    if not 1 <= len(words) <= 4 or not inner[0].isupper():
        return False
    joining = PARTICLES | CONNECTORS
    return all(w[0].isupper() or w[0].isdigit() or w.lower() in joining for w in words)


def _context_kind(before: str) -> str:
    """The kind of body the last words before a name announce ('the broadcaster', 'газеты').

    A word announces one when it is a stem of ORGANIZATION_CONTEXT and at most three more
    letters (no stem begins another, so one word has one kind).
    """
    for word in reversed(LETTERS.findall(before.lower())[-2:]):
        for size in range(max(1, len(word) - 3), len(word) + 1):
            if kind := ORGANIZATION_CONTEXT.get(word[:size], ""):
                return kind
    return ""


def named_by_context(tokens: list[Token], context: Context) -> Iterator[Found]:
    """'broadcaster TRT Haber', 'радиостанции РБК', 'Nasim news agency', 'Vergiler, the daily'."""
    text = context.text
    for index, token in enumerate(tokens):
        if not token.text[0].isupper() or token.cls in ("city", "title", "month", "known"):
            continue
        if context.in_headline(token.start):
            continue
        kind = ""
        if token.cls != "place":
            previous = PREVIOUS_WORD.search(text, max(0, token.start - 30), token.start)
            if previous and previous.group(1)[0].islower():
                kind = _context_kind(previous.group(1))
                if previous.group(1) in PARTY_SIDES and token.cls != "acronym":
                    kind = ""  # 'the opposition PP'; not 'Russian opposition Alexei Navalny'
        if kind and (token.cls in ("acronym", "name") or looks_like_brand(token.text, context)):
            name = _name_from(tokens, index, text)
            yield Found(_span(text, name), "organization", name[0].start, name[-1].end, kind)
            if token.cls == "acronym":
                yield from _listed_after(tokens, tokens.index(name[-1]) + 1, text, kind)
            continue
        match = NAMED_BEFORE.match(text[token.end : token.end + 40])
        if match and token.cls in ("name", "acronym", "place"):
            name = _name_before(tokens, index, text)
            if match.group("kind") in GROUP_WORDS:
                name = _group_name(name, match, text)
            if name and any(t.cls != "place" for t in name):
                kind = NAMED_BEFORE_KINDS.get(match.group("kind"), "publication")
                yield Found(_span(text, name), "organization", name[0].start, token.end, kind)


def _listed_after(tokens: list[Token], index: int, text: str, kind: str) -> Iterator[Found]:
    """The names listed after the first one a word announced ('groups PKK, FETO, Daesh'):
    one word each, none opening a longer name ('…, Ismail Haniyeh said' ends the list)."""
    end = tokens[index - 1].end
    while index < len(tokens):
        token = tokens[index]
        if token.lower in LIST_JOINERS:
            index += 1  # 'and' is a token of its own; the gap below reads it
            continue
        gap = LIST_GAP.fullmatch(text, end, token.start)
        if not gap or token.cls not in ("acronym", "name") or not token.text[0].isupper():
            return
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        joined = following is not None and text[token.end : following.start] == " "
        if joined and following and following.lower not in LIST_JOINERS:
            return  # 'Ismail Haniyeh', 'None of the Above': a longer name, not the list's
        yield Found(token.text, "organization", token.start, token.end, kind)
        end, index = token.end, index + 1


def _group_name(name: list[Token], match: re.Match[str], text: str) -> list[Token]:
    """The name before 'group', 'movement', 'militia' or 'organization', when it is one:
    after 'the' and right before the word ('the Wagner group'), or before its kind
    ('… terrorist group') when an acronym or two words of a name ('the Daesh Khorasan
    (Daesh-K) terrorist group'). Not a people's or a faith's adjective ('A Kurdish armed
    group'), nor a person ('Friedrich Merz group leader')."""
    while name and name[0].cls in ("common", "place", "city"):
        name = name[1:]  # 'Iran-backed Houthi'
    if not name or not THE_BEFORE.search(text, max(0, name[0].start - 5), name[0].start):
        return []
    if match.group("adjective") or match.group("short"):
        strong = len(name) >= 2 or name[0].cls == "acronym"
        return name if strong else []
    return name


# A party's letters in capitals (German's 'AfD' too), 'CDU/CSU'; not '(Left)', '(Berlin)'.
AFFILIATION = re.compile(r" \(((?:[A-Z]{2,6}|AfD)(?:/[A-Z]{2,6})?)\)")
# Letters after a name that are no party: honours, degrees, seats, a body one serves.
HONOURS = word_set("""
    OBE MBE CBE KBE DBE GBE KC QC CH OM VC GC PC MP MEP MSP MLA MPP MNA MHA PHD MD JP RN FRS
    KCB GCB CB KCMG GCMG CMG KCVO GCVO CVO LVO DSO MC QPM RET JR SR EC UN EU
""")


def affiliations(people: list[Found], context: Context) -> Iterator[Found]:
    """A party's short name in brackets after a person's: 'Angela Merkel (CDU)', the
    person found by the rules or registered. Not an honour ('(OBE)'), nor a results
    list's country codes ('Novak Djokovic (SRB)')."""
    text = context.text
    ends = {f.end for f in people if f.kind == "person" and _titled(f.start, text)}
    ends |= {end for _, end, label in context.registered.spans if label == "person"}
    for end in sorted(ends):
        match = AFFILIATION.match(text, end)
        if match is None:
            continue
        code = match.group(1)
        if code in NOT_ORGANIZATIONS or code.upper() in HONOURS:
            continue
        if code in _alpha3_codes() and _country_codes_after_names(text):
            continue
        yield Found(code, "organization", match.start(1), match.end(1), "other")


def _titled(start: int, text: str) -> bool:
    """Whether a title comes right before a name ('Chancellor Angela Merkel')."""
    previous = PREVIOUS_WORD.search(text, max(0, start - 40), start)
    return previous is not None and is_title(previous.group(1))


CODE_AFTER_NAME = re.compile(r"[^\W\d_][\w'’-]* \(([A-Z]{3})\)")


def _country_codes_after_names(text: str) -> bool:
    """A results list's country codes after the athletes' names ('Novak Djokovic (SRB)'):
    two of them ISO 3166-1 alpha-3 codes make such codes countries, not parties (Mexico's
    PAN alone stays a party, though Panama's code)."""
    codes = {code for code in CODE_AFTER_NAME.findall(text) if code in _alpha3_codes()}
    return len(codes) >= 2


@lru_cache(maxsize=1)
def _alpha3_codes() -> frozenset[str]:
    import pycountry

    return frozenset(country.alpha_3 for country in pycountry.countries)


def _name_before(tokens: list[Token], index: int, text: str) -> list[Token]:
    """The capitalised words up to tokens[index], at most three ('Prosperous Armenia')."""
    name = [tokens[index]]
    for token in reversed(tokens[max(0, index - 2) : index]):
        if text[token.end : name[0].start] != " " or not token.text[0].isupper():
            break
        if token.cls in ("title", "month", "known") or token.lower in FUNCTION_WORDS:
            break
        name.insert(0, token)
    return name


def _name_from(tokens: list[Token], index: int, text: str) -> list[Token]:
    """The capitalised words from tokens[index] on, at most four ('Neutral Turkmenistan')."""
    name = [tokens[index]]
    for token in tokens[index + 1 : index + 4]:
        if text[name[-1].end : token.start] != " " or not token.text[0].isupper():
            break
        if token.cls in ("title", "month", "known") or name[-1].possessive:
            break
        name.append(token)
    return name


def _span(text: str, tokens: list[Token]) -> str:
    return text[tokens[0].start : tokens[-1].end]


def credited_names(context: Context) -> Iterator[Found]:
    """'Photo: EPA-EFE/NEIL HALL', '© Сергей Бобылев/ POOL/ ТАСС', '(MENAFN- Trend)'."""
    text = context.text
    credits = any(mark in text for mark in CREDIT_MARKS) or ("(" in text and "/" in text)
    for match in CREDIT.finditer(text) if credits else ():
        position = match.start(1)
        if _editors_initials(match.group(1)):
            continue  # MINA's '(L/RE1/RI-1)': who edited it, no credit
        for piece in match.group(1).split("/"):
            start = position + len(piece) - len(piece.lstrip())
            position += len(piece) + 1
            name = piece.strip()
            if not name or any(w[0].islower() for w in name.split()):
                break  # '… / пресс-служба президента РФ': the credit has ended
            if found := _credited(name, start):
                yield found
    for match in DISTRIBUTOR.finditer(context.text):
        yield Found(match.group(1), "organization", *match.span(1), "publication")


def _credited(name: str, start: int) -> Found | None:
    words = name.split()
    end = start + len(name)
    if any(w.lower() in ORGANIZATION_HEADS for w in words):
        return Found(name, "organization", start, end, "other")
    code = sum(c.isalpha() for c in name) >= 2 and (name.isupper() or "-" in name)
    if len(words) == 1 and code and name not in NOT_ORGANIZATIONS and not _credit_word(name):
        return Found(name, "organization", start, end, "news_agency")
    if 2 <= len(words) <= 3 and all(w[0].isupper() and w.isalpha() for w in words):
        return Found(" ".join(name_case(w) for w in words), "person", start, end)
    return None


# Where a photo caption credits its source: after a label ("Photo: EPA-EFE/NEIL HALL",
# "Photo credit: Press Information Bureau", "Fotoğraf: AA", "Sursa foto Facebook /
# Ambasada SUA", "(Photo | AP)"), in a bracket closing it ("(China's Ministry of Foreign
# Affairs/Handout via Xinhua)"), or a code before the word ("AA photo", "(EPA PHOTO)").
CAPTION_LABEL = re.compile(
    r"(?:\b(?:photos?|foto|fotoğraf|fotó|images?|фото)(?:[ \t]+(?:credit|source|sursa))?"
    r"[ \t]*(?:[:|]|\bby\b|\bpar\b)|\b(?:sursa|sursă)[ \t]+foto\b|\bcredit[ \t]*:|©)"
    r"[ \t]*([^\n()|:]{2,80})",
    re.IGNORECASE,
)
CLOSING_CREDIT = re.compile(r"\(([^()\n/]{2,80}(?:/[^()\n/]{0,80})+)\)[\s.]*$")
CODE_BEFORE_PHOTO = re.compile(r"(?<![\w-])([A-Z][A-Z-]{1,10})[ \t]+(?i:photo)\b")
CREDIT_PIECE = re.compile(r"/|\s+via\s+")
POSSESSOR = re.compile(r"^[^\W\d_]+['’]s\s+")  # "China's Ministry …" → "Ministry …"
# What a credit prints beside its source, and is none: "HANDOUT/AFP", "STR/AFP", "REUTERS/
# FILE PHOTO", "© Jane Roe / POOL".
CREDIT_WORDS = word_set("""
    handout pool file archive archives courtesy screenshot screengrab illustration str staff
    photo photos image images foto stringer
""")


def _credit_word(name: str) -> bool:
    return name.lower() in CREDIT_WORDS


def _editors_initials(credit: str) -> bool:
    pieces = [piece.rpartition(":")[2].strip() for piece in credit.split("/")]
    return len(pieces) > 1 and any(len(piece) == 1 for piece in pieces)


def caption_credits(line: str, known: Callable[[str], bool] = lambda name: False) -> list[str]:
    """The bodies a photo caption credits: agencies, press services, sites; not the
    photographers (`Photo: EPA-EFE/NEIL HALL` → `EPA-EFE`), nor a credit's own words
    (`HANDOUT/AFP` → `AFP`). A name is a body when it looks like one or is `known`
    (`Reuters`, `Xinhua`, `YONHAP News`; not `Smith`, `Ankara`)."""
    found = []
    credits = [m.group(1) for m in CAPTION_LABEL.finditer(line)]
    credits += [m.group(1) for m in CLOSING_CREDIT.finditer(line)]
    for credit in credits:
        if _editors_initials(credit):
            continue
        for piece in CREDIT_PIECE.split(credit):
            name = POSSESSOR.sub("", piece.strip(" \t.,;–—-"))
            if not name:
                continue  # "Photo: /AP"
            if _credit_word(name) or name.lower() == "file photo":
                continue
            if " " not in name and name.islower() and 2 <= len(name) <= 4:
                found.append(name)  # an agency's code in lower case: "Foto: dpa/Kay Nietfeld"
                continue
            if any(w[0].islower() and w not in CONNECTORS for w in name.split()):
                break  # the credit has ended: "… / пресс-служба президента РФ"
            credited = _credited(name, 0)
            # an agency by more words only with its kind ('YONHAP News'; not 'Hina Khan',
            # 'Trend Micro', whom the agencies' looser forms would take)
            agency_like = " " not in name or name.split()[-1].lower() in AGENCY_WORDS
            single = (" " not in name and name.lower() in INSTITUTIONS) or (
                agency_like and known(name)
            )
            if (credited and credited.kind == "organization") or single:
                found.append(name)  # 'EPA-EFE', 'Ministry of Defence'; 'Kemlu', 'Facebook'
    found += [
        m.group(1)
        for m in CODE_BEFORE_PHOTO.finditer(line)
        if m.group(1) not in NOT_ORGANIZATIONS and not _credit_word(m.group(1))
    ]
    return list(dict.fromkeys(found))


# The staff an agency credits under its story: Reuters' `(Reporting by A, B and C in
# Kyiv; Additional reporting by D; Editing by E)`, AP's `Associated Press writers A in
# Moscow and B contributed to this report.` Lines printing only names in capitals read as
# headlines, whose names need confirming in the text: these are the writers, named once.
_CREDITED_WORK = (
    r"\b(?:(?:[Aa]dditional\s+)?[Rr]eporting|[Ww]riting|[Ee]diting|[Cc]ompiled|[Ee]dited|"
    r"[Ww]ritten|[Pp]roduced|[Tt]ranslated|[Ff]act-?checked|[Gg]raphics?)\s+by[ \t]+"
)
# A credit opens a line or follows a bracket, a semicolon, a comma or a slash; never prose
# ('a letter written by President Joe Biden', 'data compiled by LSEG Lipper').
_CREDIT_OPENS = r"(?:^|(?<=[(\n;,/]))[ \t]*"
STAFF_CREDIT = re.compile(
    _CREDIT_OPENS + _CREDITED_WORK + rf"(?P<names>(?:(?!{_CREDITED_WORK})[^;()\n]){{3,240}})"
    r"|"
    + _CREDIT_OPENS
    + r"(?:(?:The\s+)?Associated\s+Press|AP)\s+(?:[a-z-]+\s+)?(?:writers?|reporters?|"
    r"correspondents?|journalists?|photographers?|videojournalists?)\s+"
    r"(?P<contributors>[^;()\n]{3,240}?)\s+contributed\b",
    re.MULTILINE,
)
STAFF_MARKS = (" by", "contributed")
# Where a credited name ends: "in Kyiv", "at the United Nations", a sentence's full stop.
# (not an initial's dot: 'Michael S. Derby').
NAME_TAIL = re.compile(
    r"\s+(?:in|at|from|and|with)\s+.*$|(?<! [A-Z])(?<!^[A-Z])\.(?:\s.*)?$", re.DOTALL
)
LIST_SEPARATOR = re.compile(r",|\s+and\s+|\s+&\s+")
NAME_WORD = re.compile(r"(?:[^\W\d_]\.){1,2}|[^\W\d_][\w'’.-]*")


def staff_credits(context: Context) -> Iterator[Found]:
    """The writers and editors a sign-off credits ('Reporting by Junko Fujita, Yoshifumi
    Takemoto and Kentaro Sugiyama; Editing by Himani Sarkar')."""
    text = context.text
    if not any(mark in text for mark in STAFF_MARKS):
        return
    for match in STAFF_CREDIT.finditer(text):
        group = "names" if match.group("names") else "contributors"
        position = match.start(group)
        listed = match.group(group)
        for piece in _pieces(listed):
            start = position + listed.find(piece)
            name = NAME_TAIL.sub("", piece)
            if context.places.covering(start, start + len(name)) or _is_subdivision(name):
                continue  # 'in Columbia, South Carolina': the place a writer is in
            if found := _credited_person(name, start):
                yield found


def _is_subdivision(name: str) -> bool:
    """Whether a name is a state's, a province's or a region's (ISO 3166-2, pycountry)."""
    return name.casefold() in _subdivision_names()


@lru_cache(maxsize=1)
def _subdivision_names() -> frozenset[str]:
    import pycountry

    return frozenset(s.name.casefold() for s in pycountry.subdivisions if s.parent_code is None)


def _pieces(listed: str) -> list[str]:
    """'A, B and C in Kyiv' → ['A', 'B', 'C in Kyiv'] (names with no comma of their own)."""
    return [piece.strip() for piece in LIST_SEPARATOR.split(listed) if piece.strip()]


def _credited_person(name: str, start: int) -> Found | None:
    words = name.split()
    if not 2 <= len(words) <= 4 or not all(NAME_WORD.fullmatch(w) for w in words):
        return None
    if not all(w[0].isupper() or w.lower() in PARTICLES for w in words):
        return None  # 'the Moscow bureau', 'staff'
    if any(w.lower() in AGENCY_WORDS or w.lower() in ORGANIZATION_HEADS for w in words):
        return None  # 'Reuters TV', 'Moscow Newsroom'
    text = " ".join(name_case(w) for w in words)
    return Found(text, "person", start, start + len(name))


def web_addresses(context: Context) -> Iterator[Found]:
    """'Report.az', 'Kun.uz': a site named by its address is a publication."""
    if not DOMAIN_ENDING.search(context.text):
        return  # no address ending, no address: the search below costs ten times as much
    for match in DOMAIN.finditer(context.text):
        yield Found(match.group(0), "organization", *match.span(), "publication")
