"""What some languages write against a name, with no space, that leaves it a name.

Azerbaijani joins its case endings to a place's name (`Qazaxıstana`, "to Kazakhstan";
`Astanada`, "in Astana"; `Rusiyanın`, "Russia's"), so do Georgian (`საქართველოს`,
"Georgia's") and Armenian (`Հայաստանի`, `Հայաստանում`), and Chinese writes no space at all, so
a country's name stands between the characters of the words beside it (`访问越南`, "visit
Vietnam"; `美国等国`, "the US and other countries").
"""

from __future__ import annotations

import re

# A letter only Azerbaijani writes among the languages the desk reads: a text with it
# is read with Azerbaijani's endings.
AZERBAIJANI_LETTER = "ə"
_AZERBAIJANI_ENDING = re.compile(
    r"(?:y?[aə]|d[aə]n?|n?[ıiuü]n|y?l[aə]|n?[ıiuü])(?![^\W\d_])"
)  # dative, locative and ablative, genitive, "with", accusative
# Georgian: genitive, "in", "from", "for", "on", "with", instrumental, adverbial, ergative
_GEORGIAN_ENDING = re.compile("(?:სთვის|იდან|დან|ში|ზე|თან|ით|ად|ის|ს|მა)(?![\u10d0-\u10ff])")
# Armenian: "in", "from", "with", dative and genitive, the article
_ARMENIAN_ENDING = re.compile("(?:ում|ից|ով|ին|ի|ը|ն)(?![\u0531-\u0587])")
_GEORGIAN_LETTER = re.compile("[\u10d0-\u10ff]")
_ARMENIAN_LETTER = re.compile("[\u0531-\u0587]")
_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff]")
# Characters of Chinese grammar that sit against a name and are no part of it: "and",
# "with", "in", "to", "from", "for", "visit", "have", "is" before it …
_BEFORE_CHINESE_NAME = frozenset("和与同及或在对向从到赴访问于为被把将给跟有是由自至往")
# … and "and", "etc.", "of" (的), "is", "in", "to" after it.
_AFTER_CHINESE_NAME = frozenset("和与同及或等的是在于为对")


def azerbaijani_ending_at(text: str, end: int) -> bool:
    """Whether an Azerbaijani case ending, and nothing more, follows a name ending at `end`."""
    return _AZERBAIJANI_ENDING.match(text, end) is not None


def case_ending_at(text: str, end: int, *, azerbaijani: bool) -> bool:
    """Whether a case ending of the name's language, and nothing more, follows the name
    ending at `end`: Georgian and Armenian by their script, Azerbaijani in a text that
    writes it (`azerbaijani`)."""
    if _GEORGIAN_LETTER.match(text, end - 1):
        return _GEORGIAN_ENDING.match(text, end) is not None
    if _ARMENIAN_LETTER.match(text, end - 1):
        return _ARMENIAN_ENDING.match(text, end) is not None
    return azerbaijani and azerbaijani_ending_at(text, end)


def chinese_name_between(text: str, start: int, end: int) -> bool:
    """Whether Han characters beside a Han name are grammar words, not the rest of a
    longer word (`和美国`, `越南、` but not `欧美国家`, `发展中国家`)."""
    if not _HAN.match(text, start) or not _HAN.match(text, end - 1):
        return False
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    return _fits(before, _BEFORE_CHINESE_NAME) and _fits(after, _AFTER_CHINESE_NAME)


def _fits(char: str, grammar: frozenset[str]) -> bool:
    return not char or not _HAN.match(char) or char in grammar
