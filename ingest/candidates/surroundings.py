"""Names known by their surroundings: in quotes, after 'broadcaster', in a photo credit."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from ingest.candidates.bodies import looks_like_brand
from ingest.candidates.context import QUOTED, Context, Found, Token
from ingest.candidates.people import name_case
from ingest.candidates.words import (
    AGENCY_WORDS,
    CONNECTORS,
    FUNCTION_WORDS,
    NOT_ORGANIZATIONS,
    ORGANIZATION_CONTEXT,
    ORGANIZATION_HEADS,
    PARTICLES,
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
    r"(?:,\s(?:the|a)\s)?\s?(news agency|newspaper|website|daily|magazine|weekly|TV|"
    r"broadcaster|news portal|agency|faction|party|bloc)\b"
)
NAMED_BEFORE_KINDS = {"news agency": "news_agency", "agency": "other", "faction": "other",
                      "party": "other", "bloc": "other"}  # fmt: skip
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
        if kind and (token.cls in ("acronym", "name") or looks_like_brand(token.text, context)):
            name = _name_from(tokens, index, text)
            yield Found(_span(text, name), "organization", name[0].start, name[-1].end, kind)
            continue
        match = NAMED_BEFORE.match(text[token.end : token.end + 30])
        if match and token.cls in ("name", "acronym", "place"):
            name = _name_before(tokens, index, text)
            if any(t.cls != "place" for t in name):
                kind = NAMED_BEFORE_KINDS.get(match.group(1), "publication")
                yield Found(_span(text, name), "organization", name[0].start, token.end, kind)


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
    if len(words) == 1 and (name.isupper() or "-" in name) and name not in NOT_ORGANIZATIONS:
        return Found(name, "organization", start, end, "news_agency")
    if 2 <= len(words) <= 3 and all(w[0].isupper() and w.isalpha() for w in words):
        return Found(" ".join(name_case(w) for w in words), "person", start, end)
    return None


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
