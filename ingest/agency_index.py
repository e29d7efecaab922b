"""Find the news agencies a text names, by a word index rather than one giant regex.

Hundreds of agency names and signing forms in one alternation cost a millisecond per
kilobyte of text; looking words up in a dictionary costs a few microseconds. A name
matches as a whole run of words separated by single spaces, never inside a longer word
(`Trend` is not in `Trend-setting`), longest first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# `MAP-13/11/2014`: MAP, then a date; `TASS-a`, `APA-ya`: the name, then an Azerbaijani
# or Turkish case ending.
_AFTER_NAME_HYPHEN = re.compile(r"\d|[a-zçğıöşüə]{1,3}\b")
_WORD = re.compile(rf"\w+(?:[.'’]\w+|-(?!{_AFTER_NAME_HYPHEN.pattern})\w+)*")
# French and Italian articles elided before a name: `l'AFP`, `d'AFP`, `all'ANSA`.
_ELIDED = re.compile(r"(?:[ldLD]|[aA]ll|[dD][ae]ll|[nN]ell|[sS]ull)['’](?=\w)")
_CAMEL = re.compile(r"(?<=\w)(?=[A-ZА-ЯЁ][a-zа-яё])")
_CAPITALS_BEFORE_BAR = re.compile(r"(?<=[a-z0-9])([A-Z]{2,8})(?=\s*\|)")
# Where _CAMEL finds a place, written capital first: the search skips most characters.
_GLUED_CAPITAL = re.compile(r"[A-ZА-ЯЁ](?<=\w[A-ZА-ЯЁ])(?=[a-zа-яё])")


def fold(text: str) -> str:
    return text.casefold()


_NAME_GAPS = frozenset({" ", " «", ' "', " “"})
_CLOSING_QUOTES = frozenset({"»", '"', "”"})
_QUOTE_MARKS = re.compile(r"[«\"“]")


class AgencyIndex:
    """Agency names (exact case, or any case where they cannot be an ordinary word) and
    signing forms that are ordinary words (`Turan`, `Enditem`), looked up word by word."""

    def __init__(self, exact: Iterable[str], any_case: Iterable[str], signs: Iterable[str]) -> None:
        self.exact = set(exact)
        self.any_case = {fold(name) for name in any_case}
        self.signs = set(signs)
        self.sizes: dict[str, set[int]] = {}  # first word (folded) → word counts of names
        for name in [*self.exact, *self.any_case, *self.signs]:
            words = _WORD.findall(name)
            if words:
                self.sizes.setdefault(fold(words[0]), set()).add(len(words))

    def find(self, text: str, *, signs: bool = False) -> list[tuple[int, int, str]]:
        """Return (start, end, form) of every agency name in text, in order."""
        words = list(_WORD.finditer(text))
        found, index = [], 0
        while index < len(words):
            # Most words begin no name: look them up here, not in a call each.
            match = fold(words[index][0]) in self.sizes and self._longest_at(
                text, words, index, signs
            )
            if not match and (elided := _ELIDED.match(text, words[index].start())):
                # "à l'AFP", "all'ANSA": the name after an elided article
                rest = _WORD.match(text, elided.end())
                if rest and rest.start() < words[index].end() and fold(rest[0]) in self.sizes:
                    match = self._longest_at(
                        text, [*words[:index], rest, *words[index + 1 :]], index, signs
                    )
            if match:
                found.append(match[:3])
                index += match[3]
            else:
                index += 1
        return found

    def _longest_at(self, text: str, words: list[re.Match], index: int, signs: bool):
        sizes = self.sizes.get(fold(words[index].group(0)))
        if not sizes:
            return None
        for size in sorted(sizes, reverse=True):
            if index + size > len(words):
                continue
            last = words[index + size - 1]
            spaced = [
                text[words[k].end() : words[k + 1].start()] for k in range(index, index + size - 1)
            ]
            if any(gap not in _NAME_GAPS for gap in spaced):
                continue
            start, end = words[index].start(), last.end()
            if (text[start - 1 : start] == "-" and text[start - 2 : start - 1].isalnum()) or (
                text[end : end + 1] == "-" and not _AFTER_NAME_HYPHEN.match(text, end + 1)
            ):
                # part of a longer hyphenated word, not a date (`(MAP-13/11/2014)`) nor a
                # case ending (`TASS-a`); a dash before it is a sign-off's (`… Bangladesh. -UNB`)
                continue
            form = text[start:end]
            if any(gap != " " for gap in spaced):  # 'РИА «Новости»': the name's last words quoted
                if text[end : end + 1] not in _CLOSING_QUOTES:
                    continue
                form, end = _QUOTE_MARKS.sub("", form), end + 1
            if form in self.exact or fold(form) in self.any_case or (signs and form in self.signs):
                return start, end, form, size
        return None

    def is_name(self, text: str) -> bool:
        return text in self.exact or fold(text) in self.any_case

    def unglue(self, text: str) -> str:
        """Put back the space a page lost around an agency's name: `AzerTAcFamous …`,
        `… April 5-6PTI | New Delhi`."""
        if "|" in text:
            text = _CAPITALS_BEFORE_BAR.sub(
                lambda m: f" {m.group(1)}" if m.group(1) in self.exact else m.group(0), text
            )
        if not _GLUED_CAPITAL.search(text):  # no capital inside a word: nothing glued (most)
            return text
        return _WORD.sub(self._split_glued, text)

    def _split_glued(self, match: re.Match) -> str:
        word = match.group(0)
        if len(word) < 6 or self.is_name(word):
            return word
        for split in _CAMEL.finditer(word):
            head = word[: split.start()]
            if len(head) >= 3 and head[:1].isupper() and fold(head) in self._folded_names():
                return f"{head} {word[split.start() :]}"
        return word

    def _folded_names(self) -> set[str]:
        if not hasattr(self, "_folded"):
            self._folded = {fold(n) for n in self.exact} | self.any_case
        return self._folded
