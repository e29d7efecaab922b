"""Words and their classes, and runs of capitalised words cut where names end."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from ingest import russian
from ingest.candidates.context import WORD, Context, Token
from ingest.candidates.words import (
    ABBREVIATED_TITLES,
    COMMON_SUFFIXES,
    COMMON_WORDS,
    COMPOUND_ENDINGS,
    CONNECTORS,
    FUNCTION_WORDS,
    INSTITUTIONS,
    JOINING_WORDS,
    NAMES_WITH_COMMON_SUFFIXES,
    ORGANIZATION_ENDINGS,
    ORGANIZATION_HEADS,
    PARTICLE_PREFIXES,
    PARTICLES,
    TITLE_ENDINGS,
    TITLES,
    WEB_ENDINGS,
)
from ingest.dates import WEEKDAYS, months

# Possessives that open bodies' names: "People's Justice Party", "Workers' Party".
POSSESSIVE_BODY_WORDS = frozenset({"people", "workers", "women", "citizens", "farmers"})
SENTENCE_MARKS = frozenset('.!?:;|•–—\n([/"“«')
# A case ending after an apostrophe (`'da`, `'ın`, `'ne`), not an English contraction's.
CASE_SUFFIX = re.compile(r"(?<=\w\w)['’](?!(?:t|ll|re|ve|d|m|s)$)[^\W\d_A-Z]{1,6}$")


# -- words and their classes -----------------------------------------------------------


def read_tokens(context: Context) -> list[Token]:
    """Return the capitalised words of the text, and the connectors and particles between."""
    text, tokens = context.text, []
    for match in WORD.finditer(text):
        word, start = match[0], match.start()
        if word[0].islower():  # most are ordinary words: they end runs, as gaps do
            if word in JOINING_WORDS or word.startswith(PARTICLE_PREFIXES):
                cls = _lower_case_class(word, word.lower())
                tokens.append(Token(word, start, match.end(), cls=cls))
            continue
        possessive = word[-2:] in ("'s", "’s") and len(word) > 3
        word = word[:-2] if possessive else word
        if suffix := CASE_SUFFIX.search(word):
            # Turkish declines a name after an apostrophe: `Ankara'da`, `Erdoğan'ın`,
            # `Ekim'de` (in October); the name ends there, as at a possessive
            word, possessive = word[: suffix.start()], True
        token = Token(word, start, start + len(word), possessive)
        token.opener = _opens_sentence(text, start)
        token.cls = word_class(token, context)
        if token.lower in WEB_ENDINGS and _glued(text, start):
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


def word_class(token: Token, context: Context) -> str:
    """name, title, place, city, org (a body's head word), acronym, initial, known (in the
    registry), month, common (an ordinary word), connector or particle."""
    month, cls, common = _word_only_class(token.text)
    if month:
        return "month"
    if context.registered.covering(token.start, token.end):
        return "known"
    if place := context.place_at(token.start, token.end):
        return "place" if place == "country" else "city"
    if cls:
        return cls
    return "common" if _is_common(token, context, common) else "name"


@lru_cache(maxsize=16384)
def _word_only_class(word: str) -> tuple[bool, str, bool | None]:
    """What a capitalised word is wherever it stands: (month, class, common).

    The class is title, org, acronym or initial ('' for none of them), in the order
    `word_class` tries them; `common` says whether the word is an ordinary one (None: it
    depends on where it is printed). Capitalised words recur from report to report.
    """
    lower = word.lower()
    cyrillic = russian.is_cyrillic(word)
    month = lower in months() or lower in WEEKDAYS or (cyrillic and russian.is_month(lower))
    return month, _word_kind(word, lower, cyrillic), _common_word(lower)


def _word_kind(word: str, lower: str, cyrillic: bool) -> str:
    if is_title(word):
        return "title"
    if lower in ORGANIZATION_HEADS or lower in INSTITUTIONS or is_compound_body(lower):
        return "org"
    if cyrillic and (russian.body_head(word) or russian.institution(word)):
        return "org"
    if _is_acronym(word):
        return "acronym"
    return "initial" if len(word) == 1 else ""


def is_compound_body(lower: str) -> bool:
    """A German body's name in one word: 'verteidigungsministerium'."""
    return len(lower) > 12 and lower.endswith(tuple(ORGANIZATION_ENDINGS))


def _lower_case_class(word: str, lower: str) -> str:
    if lower in CONNECTORS:
        return "connector"
    if lower.startswith(PARTICLE_PREFIXES) and word.split("-", 1)[1][:1].isupper():
        return "name"  # 'al-Baghdadi'
    return "particle" if lower in PARTICLES else "common"


def is_title(word: str) -> bool:
    lower = word.lower()
    if lower in TITLES or ("-" in lower and lower.split("-")[0] in TITLES):
        return True
    if lower.endswith("s") and len(lower) > 3 and lower[:-1].split("-")[-1] in TITLES:
        return True  # 'Co-chairs', 'FMs'
    if len(lower) > 10 and lower.endswith(TITLE_ENDINGS):
        return True  # 'Außenministerin', 'Regierungssprecher'
    return russian.is_title(word)


def _is_acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return 2 <= len(letters) <= 6 and len(word) <= 7 and all(c.isupper() for c in letters)


def _common_word(lower: str) -> bool | None:
    """Whether a word is an ordinary one by itself; None when its place in the text decides."""
    if lower in COMMON_WORDS:
        return True
    if "-" in lower and lower.rsplit("-", 1)[1] in COMPOUND_ENDINGS:
        return True  # 'Baku-based', 'Russia-led'
    if len(lower) >= 6 and lower.endswith(COMMON_SUFFIXES):
        return lower not in NAMES_WITH_COMMON_SUFFIXES
    return None


def _is_common(token: Token, context: Context, common: bool | None) -> bool:
    if common is not None:
        return common
    lower = token.lower
    if lower in context.lower_words and (token.opener or context.in_headline(token.start)):
        return True
    return token.opener and ordinary_opener(lower)


def ordinary_opener(lower: str) -> bool:
    """Sentence openers that are plainly not names: 'Welcoming', 'Finally', 'По'."""
    return (len(lower) >= 6 and lower.endswith(("ing", "ly"))) or lower in russian.STOP_WORDS


# -- runs of capitalised words -----------------------------------------------------------


def capitalised_runs(tokens: list[Token], text: str) -> Iterator[list[Token]]:
    """Yield runs of capitalised words joined by single spaces (and connectors, particles)."""
    run: list[Token] = []
    for token in tokens:
        if run and _joins(run[-1], token, text):
            run.append(token)
            continue
        if run:
            yield run
        run = [token] if token.text[0].isupper() else []
    if run:
        yield run


def _joins(previous: Token, token: Token, text: str) -> bool:
    capital = token.text[0].isupper()
    if previous.possessive:  # "Azerbaijan's Defense Ministry"; but "People's Party"
        if previous.lower in POSSESSIVE_BODY_WORDS:
            return capital  # "People's Justice Party", "People's Liberation Army"
        return capital and previous.cls in ("name", "common") and token.cls == "org"
    gap = text[previous.end : token.start]
    spaced = gap in (" ", "\u00a0") or (gap == "\n" and _wrapped(text, previous.end))
    dotted = gap == ". " and (previous.cls == "initial" or previous.lower in ABBREVIATED_TITLES)
    return (spaced or dotted) and (capital or token.cls in ("connector", "particle", "name"))


def _wrapped(text: str, line_end: int) -> bool:
    """Whether a line break falls inside a paragraph of hard-wrapped text."""
    line_start = text.rfind("\n", 0, line_end) + 1
    return line_end - line_start >= 55 and text[line_end + 1 : line_end + 2] != "\n"


def trim(run: list[Token]) -> list[Token]:
    while run and run[0].cls in ("connector", "particle"):
        run = run[1:]
    while run and run[-1].cls in ("connector", "particle"):
        run = run[:-1]
    return run


def split_and(run: list[Token]) -> list[list[Token]]:
    """'Roza Bayramli and Maryam Ismayilova' is two names; 'Ministry of Culture and Tourism' one."""
    for index, token in enumerate(run):
        if token.lower not in ("and", "&", "и") or token.text[0].isupper():
            continue
        left, right = trim(run[:index]), trim(run[index + 1 :])
        if not (left and right and _stands_alone(left) and _stands_alone(right)):
            continue
        body_ends = all(t.cls != "org" for t in left) or left[-1].cls in ("org", "acronym")
        if body_ends or run[index + 1].lower == "the":
            return [left, *split_and(right)]
    return [run]


def _stands_alone(part: list[Token]) -> bool:
    """Whether a piece of a run is a name of its own (a person, or a body with its head)."""
    if any(t.cls == "org" for t in part):
        return part[0].lower not in FUNCTION_WORDS
    core = sum(t.cls in ("name", "city") for t in part)
    return part[0].cls in ("name", "title", "place") and core >= 2
