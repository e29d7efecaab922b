"""Organizations: a run around a body's head word, single-word bodies (acronyms, brands)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise

from ingest import russian
from ingest.candidates.context import WORD, Context, Found, Token
from ingest.candidates.runs import is_compound_body, trim
from ingest.candidates.words import (
    AGENCY_WORDS,
    ARTICLE_OPENERS,
    BODY_TITLES,
    COMMON_WORDS,
    FUNCTION_WORDS,
    INSTITUTIONS,
    INTERGOVERNMENTAL_HEADS,
    INTERGOVERNMENTAL_SCOPES,
    NOT_ORGANIZATIONS,
    ORGANIZATION_ENDINGS,
    ORGANIZATION_HEADS,
    TWO_LETTER_BODIES,
)

MEMBERS = frozenset({"member", "members"})
BRAND = re.compile(r"[A-Z][a-z]+([A-Z][a-z]{1,5})")
PAIRED_ACRONYM = re.compile(r"/([A-Z]{2,6})\b(?! [A-Z])")
NAME_BEFORE_BRACKET = re.compile(r"[^\W\d_][\w'’]*\s\($")
RUSSIAN_WORD_AFTER = re.compile(r"[ \u00a0]([а-яё]+)")
LOWER_CASE_BODY = re.compile(r" ((?:[a-z]+ ){0,2})(?:ministry|embassy|consulate|foreign office)\b")


# -- bodies in runs of capitalised words -----------------------------------------------


def organizations_in(part: list[Token], context: Context) -> Iterator[Found]:
    """Yield the body a piece of a run names, by its head word or as 'МИД России'."""
    heads = [i for i, t in enumerate(part) if t.cls == "org" and not _union_title(part, i)]
    if heads:
        found = _organization_phrase(part, heads, context)
        if found:
            yield found
    else:
        yield from _acronym_with_place(part)
        yield from _united_nations_body(part, context)


def _union_title(part: list[Token], index: int) -> bool:
    """India's 'Union Home Minister', 'Union Minister of State', 'Union Cabinet': 'Union'
    opening a minister's title, not a body's name ('Union Pacific Chief Executive',
    'Union of Journalists Chairman')."""
    if part[index].lower != "union":
        return False
    if index and part[index - 1].lower not in FUNCTION_WORDS and part[index - 1].cls != "connector":
        return False  # 'Students Union President': the union is named
    for token in part[index + 1 : index + 5]:
        if token.lower in UNION_TITLES:
            return True
        if token.cls not in ("name", "common") and token.lower not in ("and", "&"):
            return False
    return False


UNION_TITLES = frozenset({"minister", "ministers", "ministry", "cabinet", "secretary"})


def _organization_phrase(part: list[Token], heads: list[int], context: Context) -> Found | None:
    """From the words before the first head word to the end of its complement."""
    start = heads[0]
    while start > 0 and _extends_body(part, start - 1, context):
        start -= 1
    while start < heads[0] and (
        part[start].lower in FUNCTION_WORDS
        or part[start].cls == "connector"
        or (part[start].opener and part[start].lower in ARTICLE_OPENERS)
    ):
        start += 1
    end = heads[-1] + 1
    while end < len(part) and _continues_body(part, end):
        end += 1
    tokens = trim(part[start:end])
    if not tokens or (start and part[start - 1].cls == "known"):
        return None  # 'Kazinform News Agency': the rest of a registered name
    if start >= 2 and part[start - 1].lower == "of" and part[start - 2].lower in MEMBERS:
        return None  # 'Member of Parliament for Gua Musang': a title
    following = part[end] if end < len(part) else None
    if tokens[0].cls == "title" and following is not None and following.cls == "title":
        return None  # 'Chief Cabinet Secretary Hiromu Nonaka': one title
    if russian.body_head(tokens[0].text):
        return _russian_body(tokens, context)
    if len(tokens) == 1 and not (
        tokens[0].lower in INSTITUTIONS or is_compound_body(tokens[0].lower)
    ):
        return None  # 'Ministry' alone; not 'Verteidigungsministerium'
    text = context.text[tokens[0].start : tokens[-1].end]
    text = text[4:] if text.lower().startswith("the ") else text
    return Found(text, "organization", tokens[0].start, tokens[-1].end, _kind(tokens))


def _extends_body(part: list[Token], index: int, context: Context) -> bool:
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


def _continues_body(part: list[Token], index: int) -> bool:
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


def _kind(tokens: list[Token]) -> str:
    words = {t.lower for t in tokens}
    if words & INTERGOVERNMENTAL_HEADS and words & INTERGOVERNMENTAL_SCOPES:
        return "intergovernmental"
    for token in reversed(tokens):
        kind = ORGANIZATION_HEADS.get(token.lower) or INSTITUTIONS.get(token.lower)
        if kind:
            return kind
        if is_compound_body(token.lower):
            return next(k for e, k in ORGANIZATION_ENDINGS.items() if token.lower.endswith(e))
    return "other"


def _russian_body(tokens: list[Token], context: Context) -> Found:
    """'Центре исламской цивилизации в Ташкенте' → 'Центр исламской цивилизации'."""
    name, kind = russian.body_head(tokens[0].text) or (tokens[0].text, "other")
    words = [name] + [t.text for t in tokens[1:]]
    end = tokens[-1].end
    while len(tokens) == 1 and len(words) < 5:
        match = RUSSIAN_WORD_AFTER.match(context.text[end : end + 40])
        if (
            not match
            or match.group(1) in russian.STOP_WORDS
            or russian.is_verb_like(match.group(1))
        ):
            break
        words.append(match.group(1))
        end += match.end()
    return Found(" ".join(words), "organization", tokens[0].start, end, kind)


UNITED_NATIONS = frozenset({"UN", "U.N."})


def names_un_body(run: list[Token]) -> bool:
    """Whether a run of ordinary words names a UN body all the same ('UN Women')."""
    return len(run) == 2 and run[0].text in UNITED_NATIONS


# Words after 'UN' that name no body of its own: titles' first words, documents, days.
NOT_UN_BODIES = frozenset(
    {"special", "high", "deputy", "chief", "charter", "resolution", "resolutions", "day",
     "member", "members", "peacekeepers", "peacekeeping", "troops", "staff", "officials",
     "official", "report", "says", "said", "data", "figures", "vote", "votes", "summit"}
)  # fmt: skip


def _united_nations_body(part: list[Token], context: Context) -> Iterator[Found]:
    """'UN Women', 'UN Habitat': a body of the UN's named by one word after its short name,
    the run's last (not 'UN Special Envoy …', 'UN Charter', a headline's 'UN Says As')."""
    if len(part) != 2 or part[0].text not in UNITED_NATIONS or context.in_headline(part[0].start):
        return
    body = part[1]
    if body.cls in ("name", "common") and body.lower not in NOT_UN_BODIES:
        yield Found(f"{part[0].text} {body.text}", "organization", part[0].start, body.end,
                    "intergovernmental")  # fmt: skip


def _acronym_with_place(part: list[Token]) -> Iterator[Found]:
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
            yield Found(text, "organization", token.start, following.end, "government")


# -- bodies named in lower case or in one word ------------------------------------------


def lower_case_ministries(tokens: list[Token], context: Context) -> Iterator[Found]:
    """ "Japan's foreign ministry", 'the Italian culture ministry' (bodies named in lower case)."""
    text = context.text
    for token in tokens:
        if token.cls != "place":
            continue
        match = LOWER_CASE_BODY.match(text, token.end + (2 if token.possessive else 0))
        if match and all(w in COMMON_WORDS for w in match.group(1).split()):
            found = text[token.start : match.end()]
            yield Found(found, "organization", token.start, match.end(), "government")


def looks_like_brand(word: str, context: Context) -> bool:
    """'KazakhExport', 'AzerTac': a capital inside a word names a brand, not a person.

    Words run together by a lost space ('KhalilovBaku', 'TrendThe') are not brands: their
    second half is a word of its own elsewhere in the text.
    """
    match = BRAND.fullmatch(word)
    if not match or word.startswith(("Mc", "Mac", "De", "Di", "La", "Le", "Van", "Von")):
        return False
    second = match.group(1)
    if second.lower() in COMMON_WORDS or len(second) <= 2:
        return second.lower() in ("news", "info", "press", "export", "gas", "oil", "tv")
    return second not in context.positions


def single_word_bodies(tokens: list[Token], context: Context) -> Iterator[Found]:
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


def _single_word_body(token: Token, context: Context) -> Found | None:
    text, start, end = token.text, token.start, token.end
    if name := russian.institution(text):
        return Found(name, "organization", start, end, "government")
    if token.lower in INSTITUTIONS:
        return Found(text, "organization", start, end, INSTITUTIONS[token.lower])
    if token.cls == "acronym" and _acronym_body(token, context):
        pair = PAIRED_ACRONYM.match(context.text[end : end + 10])
        end += pair.end() if pair else 0  # 'RFE/RL', not 'EPA-EFE/NEIL HALL'
        return Found(context.text[start:end], "organization", start, end, "other")
    if looks_like_brand(text, context):
        return Found(text, "organization", start, end, "other")
    return None


def _acronyms_in_compound(token: Token, context: Context) -> Iterator[Found]:
    """'EU-brokered', 'Ukraine-EU-NATO': the bodies inside a hyphenated word."""
    position = token.start
    for piece in token.text.split("-"):
        start, position = position, position + len(piece) + 1
        body = piece.isupper() and 2 <= len(piece) <= 6 and piece not in NOT_ORGANIZATIONS
        if body and not context.place_at(start, start + len(piece)):
            yield Found(piece, "organization", start, start + len(piece), "other")


def _acronym_body(token: Token, context: Context) -> bool:
    text = token.text
    if text in NOT_ORGANIZATIONS or (len(text) < 3 and text not in TWO_LETTER_BODIES):
        return False
    if token.lower in COMMON_WORDS or token.lower in context.lower_words:
        return False  # 'VIDEO', 'MARKET': a word in capitals
    before = context.text[max(0, token.start - 30) : token.start]
    if NAME_BEFORE_BRACKET.search(before):
        return False  # 'Shanghai Cooperation Organization (SCO)': the name is offered already
    around = before + context.text[token.end : token.end + 30]
    return sum(1 for w in WORD.findall(around) if w[0].islower()) >= 2  # running text
