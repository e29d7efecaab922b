"""Where a Vietnamese country name of one syllable ("Nga", "Mỹ", "Pháp") names the country,
and where it is a word or a part of a name ("Thúy Nga", "Mỹ Tho", "Đức Phật").

Vietnamese copy names most countries by one Sino-Vietnamese syllable, and the same
syllables are given names, parts of place names and words. In copy in Vietnamese, such a
name counts unless
* a capitalised word stands right before it: a name's other syllables ("Thúy Nga",
  "Trần Đức Lương"), a place ("Phú Mỹ", "Thủ Đức"), a region ("Nam Mỹ"); but not an
  abbreviation ("CH Séc", "CHDCND Lào") nor a word opening the sentence ("Tại Mỹ",
  "Phía Nga");
* a form of address, a language or a continent does ("bà Nga", "tiếng Pháp", "châu Mỹ");
* a capitalised Vietnamese syllable follows ("Mỹ Tho", "Lào Cai", "Đức Phật", "Pháp
  Luật"); a foreign name does not stop it ("Nga Vladimir Putin", "Mỹ Donald Trump");
* it makes a word with the next one ("Mỹ thuật", "Pháp luật", "Đức tính");
* it opens a sentence ("Đức cho rằng …") in a text that calls someone so ("anh Đức",
  "Lê Văn Đức"): the person's name as much as the country's.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ingest.language import detect_language

_MARKS = "\u0300-\u036f"  # a name in decomposed text: "Thu" and its accent, then "y"
_WORD_BEFORE = re.compile(f"([\\w{_MARKS}]+)[ \u00a0]$")
_WORD_AFTER = re.compile(f"[ \u00a0]([\\w{_MARKS}]+)")
_SENTENCE_END = '.!?:;\n"“”«»()[]|–—-'
# Words that open a sentence before a country: prepositions, conjunctions, "the side of",
# "the country of", "people", "troops", "the team of", "the delegation of" …
_OPENERS = frozenset({
    "tại", "ở", "từ", "với", "theo", "cả", "và", "sang", "đến", "tới", "giữa", "như", "khi",
    "nếu", "cùng", "sau", "trước", "cho", "của", "về", "còn", "nhưng", "phía", "nước",
    "người", "quân", "tuyển", "phái", "đoàn", "bên", "hãng", "báo", "tàu", "hàng", "dân",
})  # fmt: skip
# Forms of address and kin: a person ("bà Nga", "ông Đức"); not "bạn", the partner
# country ("giúp đỡ bạn Lào").
_ADDRESS = (
    "ông", "bà", "anh", "chị", "em", "cô", "chú", "bác", "cụ", "cháu", "thầy", "cậu", "dì",
    "mợ", "thím", "bé", "chàng", "nàng", "con", "vợ", "chồng", "cha", "mẹ", "bố", "tên",
)  # fmt: skip
# … and "language", "script", "accent" (not the country: "tiếng Pháp"), "continent"
# ("châu Mỹ", "châu Úc"), the hot wind "gió Lào".
_NOT_BEFORE = frozenset({*_ADDRESS, "tiếng", "chữ", "giọng", "châu", "gió"})
# The words each name makes with the next syllable: fine arts, cosmetics, handicraft, a
# beauty; law, legal, forensic, ordinance, a Buddhist name; faith, virtue, and the titles
# of the Pope, the Buddha, bishops; Mount Emei; rustling; vile, adversity.
_COMPOUNDS = {
    "mỹ": {"thuật", "phẩm", "nghệ", "nữ", "mãn", "lệ", "miều"},
    "pháp": {"luật", "lý", "chế", "sư", "môn", "y", "quyền", "trị", "điển", "lệnh", "danh",
             "đình", "thuật", "hoa", "luân"},
    "đức": {"tin", "tính", "độ", "hạnh", "dục", "cha", "giáo", "thánh", "mẹ", "chúa", "phật",
            "ông", "bà", "ngài", "vua", "tổng", "hồng", "thượng", "kitô"},
    "nga": {"mi"},
    "lào": {"xào"},
    "bỉ": {"ổi", "cực"},
}  # fmt: skip
_NAMES_AFTER = frozenset({"latinh"})  # "Mỹ Latinh": Latin America
# One Vietnamese syllable, its marks taken off: "Tho", "Cai", "Phat", "Giao", "Luat".
_SYLLABLE = re.compile(
    "(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ng|nh|ch|[cmnpt])?"
)


def names_country(text: str, start: int, end: int) -> bool:
    """Whether the one-syllable country name at text[start:end] names the country: in
    copy in Vietnamese, not a person, a place, a language or a word."""
    if text[end : end + 1] and unicodedata.combining(text[end]):
        return False  # "Nga" + grave accent, decomposed, is "Ngà" (ivory)
    if _language_of(text) != "vi":
        return False  # "Ms. Nga said" in English copy
    name = text[start:end].lower()
    before = _WORD_BEFORE.search(text, max(0, start - 30), start)
    if before and not _may_precede(text, before):
        return False
    if (not before or before.group(1)[0].isupper()) and _a_persons_name(text, text[start:end]):
        return False  # "Đức cho rằng …" where the text speaks of "anh Đức"
    after = _WORD_AFTER.match(text, end)
    if after is None:
        return True
    word = after.group(1)
    if _lower(word) in _COMPOUNDS.get(name, ()):
        return False
    capitalised = word[0].isupper() and not word.isupper()
    return not (capitalised and (_lower(word) in _NAMES_AFTER or _one_syllable(word)))


_language_of = lru_cache(maxsize=4)(detect_language)  # asked once a text, if at all


def _may_precede(text: str, before: re.Match[str]) -> bool:
    word = before.group(1)
    if _lower(word) in _NOT_BEFORE:
        return False
    if not word[0].isupper() or (len(word) > 1 and word.isupper()):
        return True  # a lower-case word; an abbreviation ("CH Séc")
    head = text[max(0, before.start() - 8) : before.start()].rstrip(" \t\u00a0")
    return (not head or head[-1] in _SENTENCE_END) and _lower(word) in _OPENERS


@lru_cache(maxsize=16)
def _a_persons_name(text: str, name: str) -> bool:
    """Whether the text calls someone so ("chị Nga", "Nguyễn Thị Nga", "Lê Văn Đức"):
    then the name opening a sentence is that person's as much as the country's."""
    before = f"(?:(?i:\\b(?:{'|'.join(_ADDRESS)}))|\\bThị|\\bVăn)[ \u00a0]"
    return re.search(f"{before}{re.escape(name)}(?!\\w)", text) is not None


def _lower(word: str) -> str:
    return unicodedata.normalize("NFC", word.lower())


def _one_syllable(word: str) -> bool:
    decomposed = unicodedata.normalize("NFD", word.lower().replace("đ", "d"))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SYLLABLE.fullmatch(bare) is not None
