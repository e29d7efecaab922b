"""Tell the code page of text that declares none and is not UTF-8.

charset_normalizer alone misreads short or mostly-English copy (a few Cyrillic words read
as Big5, Turkish or Spanish as Central European), so every code page agencies file in
is decoded and the reading with the fewest misfits wins: words mixing scripts, Latin words
no one language spells, letters out of case, stray symbols. charset_normalizer's language
model (coherence, then chaos) only breaks ties.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

import charset_normalizer

# Python codec → the charset name a sender would declare. Western pages first, Windows-1251
# next: on a tie the earlier page wins.
LABELS = {
    "cp1252": "windows-1252", "cp1250": "windows-1250", "cp1254": "windows-1254",
    "cp1251": "windows-1251", "koi8_r": "KOI8-R", "koi8_u": "KOI8-U", "cp866": "IBM866",
    "mac_cyrillic": "x-mac-cyrillic", "iso8859_5": "ISO-8859-5", "cp1253": "windows-1253",
    "cp1255": "windows-1255", "cp1256": "windows-1256", "gb18030": "GB18030", "big5": "Big5",
    "cp932": "Shift_JIS", "euc_jis_2004": "EUC-JP", "cp949": "EUC-KR",
}  # fmt: skip
LATIN_PAGES = ("cp1252", "cp1250", "cp1254")
EAST_ASIAN_PAGES = ("gb18030", "big5", "cp932", "euc_jis_2004", "cp949")
SAMPLE_BYTES = 8192  # enough words to tell; charset_normalizer is slow on more
LATIN_WORDS = 3  # accented words that tell Windows-1250, 1252 and 1254 apart surely
MISFIT_SHARE = 0.05  # more misfits than this among the words and symbols: a guess

# The accented letters of each Latin-script language agencies file in (Icelandic is left
# out: its ð, þ are what Turkish ğ, ş become in Windows-1252).
_ALPHABETS = tuple(
    frozenset(letters)
    for letters in (
        "àâæçéèêëîïôœùûüÿ",  # French
        "áéíñóúü",  # Spanish
        "áâãàçéêíóôõú",  # Portuguese
        "àèéìíîòóùú",  # Italian
        "àçèéíïòóúü",  # Catalan
        "äöüß",  # German
        "éèëïöü",  # Dutch
        "æøåéäö",  # Danish, Norwegian, Swedish, Finnish
        "ąćęłńóśźż",  # Polish
        "áčďéěíňóřšťúůýž",  # Czech
        "áäčďéíĺľňóôŕšťúýž",  # Slovak
        "áéíóöőúüű",  # Hungarian
        "čćđšž",  # Croatian, Serbian, Bosnian, Slovenian
        "ăâîșțşţ",  # Romanian
        "çğıiöşü",  # Turkish (İ lowers to i)
        "çë",  # Albanian
    )
)
# The first word of a character's Unicode name → its script; East Asian ones are one.
_SCRIPTS = dict.fromkeys(
    ("CJK", "HIRAGANA", "KATAKANA", "KATAKANA-HIRAGANA", "HANGUL", "IDEOGRAPHIC", "FULLWIDTH",
     "HALFWIDTH"),
    "CJK",
)  # fmt: skip
_SYMBOLS = frozenset("€£¢$°©®×÷№™§¶•")
_WORD = re.compile(r"[^\W\d_]+")
_FLATTEN = bytes(range(128)) + b"\x80" * 128  # every non-ASCII byte as 0x80
_RUN = re.compile(rb"\x80+")
_REACH = 40  # bytes to look for the space before or after a word
_ORDER = {page: i for i, page in enumerate(LABELS)}


@dataclass(frozen=True)
class Guess:
    """A code page, and whether its reading is sure enough to need no warning."""

    encoding: str
    confident: bool

    @property
    def label(self) -> str:
        return LABELS.get(self.encoding, self.encoding)


def guess_code_page(raw: bytes) -> Guess:
    """Return the code page `raw` (not UTF-8, no charset declared) most likely is."""
    sample = _sample(raw)
    matches = charset_normalizer.from_bytes(sample, cp_isolation=list(LABELS))
    model = {match.encoding: (-match.coherence, match.chaos) for match in matches}
    decoded = {page: _decode(sample, page) for page in LABELS}  # each page's reading, once
    readings = {page: _misfits(text) for page, text in decoded.items()}

    def rank(page: str) -> tuple:
        return readings[page][0], _family(page), model.get(page, (0.0, 1.0)), _ORDER[page]

    best = min(LABELS, key=rank)
    misfits, looked_at = readings[best]
    clean = misfits <= max(1, MISFIT_SHARE * looked_at)
    first = matches.best()
    agreed = (
        first is not None
        and (decoded.get(first.encoding) or _decode(sample, first.encoding)) == decoded[best]
    )
    # One word is too little to go on, unless charset_normalizer reads it the same way;
    # and where the Latin pages read the sample differently (`Vučić`, `Vuèiæ`), two words
    # can be read either way: it takes three.
    latin = {decoded[page] for page in LATIN_PAGES}
    enough = LATIN_WORDS if best in LATIN_PAGES and len(latin) > 1 else 2
    return Guess(best, confident=clean and bool(model) and (looked_at >= enough or agreed))


def _sample(raw: bytes) -> bytes:
    """The first stretches of non-ASCII bytes, each with the rest of its words: those tell
    the code page."""
    spans: list[list[int]] = []
    size = 0
    for high in _high_stretches(raw):
        start, end = _word_edges(raw, *high)
        if spans and start <= spans[-1][1] + _REACH:  # the same stretch of text goes on
            size += max(end - spans[-1][1], 0)
            spans[-1][1] = max(end, spans[-1][1])
        else:
            size += end - start
            spans.append([start, end])
        if size >= SAMPLE_BYTES:
            break
    sample = b" ".join(raw[start:end] for start, end in spans)
    return sample if len(sample) <= SAMPLE_BYTES else _clean_cut(sample[:SAMPLE_BYTES])


def _high_stretches(raw: bytes) -> Iterator[tuple[int, int]]:
    """Where the runs of non-ASCII bytes start and end (found with `bytes.find`, which
    skips ASCII far faster than a regular expression)."""
    flat = raw.translate(_FLATTEN)
    at = flat.find(0x80)
    while at >= 0:
        run = _RUN.match(flat, at)
        end = run.end() if run else at + 1
        yield at, end
        at = flat.find(0x80, end)


def _clean_cut(sample: bytes) -> bytes:
    """End the sample at a byte below 0x30, which no page uses inside a character."""
    ends = [i for i in range(len(sample) - 1, max(len(sample) - 64, 0), -1) if sample[i] < 0x30]
    return sample[: ends[0] + 1] if ends else sample


def _word_edges(raw: bytes, start: int, end: int) -> tuple[int, int]:
    """Widen a stretch to the spaces around it, or the ends of the text, when they are near."""
    low, high = max(0, start - _REACH), end + _REACH
    before = raw[low:start].replace(b"\n", b" ").rfind(b" ")
    after = raw[end:high].replace(b"\n", b" ").find(b" ")
    if before >= 0 or low == 0:
        start = low + before + 1
    if after >= 0 or high >= len(raw):
        end = end + after if after >= 0 else len(raw)
    return start, end


def _decode(sample: bytes, page: str) -> str:
    return sample.decode(page, errors="replace").rstrip("\ufffd")  # a character cut short


def _family(page: str) -> int:
    """Latin pages before the other alphabets, and those before East Asian multi-byte
    pages, which read a few stray bytes as plausible ideographs."""
    return 0 if page in LATIN_PAGES else 2 if page in EAST_ASIAN_PAGES else 1


def _misfits(text: str) -> tuple[int, int]:
    """Count what reads wrong in decoded text, and the words and symbols looked at."""
    symbols = [c for c in _WORD.sub(" ", text) if not c.isascii()]
    odd = sum(not _plain_symbol(c) for c in symbols)
    # A mark of another script on a Latin letter: Windows-1252's ñ read in Windows-1256
    # is an Arabic vowel sign ("Peٌa"), which the words above never see.
    odd += sum(
        a.isascii() and a.isalpha() and unicodedata.category(b) == "Mn" for a, b in pairwise(text)
    )
    words = [w for w in _WORD.findall(text) if not w.isascii()]
    spoken: Counter[str] = Counter()
    for word in words:
        spoken.update(_languages(word) if _well_formed(word) else ())
    common = spoken.most_common(1)[0][1] if spoken else 0
    return odd + len(words) - common, len(symbols) + len(words)


def _plain_symbol(char: str) -> bool:
    """Punctuation, spaces, digits, marks and the usual signs: not a misread letter."""
    category = unicodedata.category(char)
    return category[0] in "PZM" or category == "Nd" or char in _SYMBOLS


@lru_cache(maxsize=8192)
def _well_formed(word: str) -> bool:
    """One script (ASCII Latin may join East Asian), no lower-case letter before a capital,
    and, in Latin script, not mostly accented letters (`Áàêó` is `Баку` misread)."""
    scripts = {_script(c) for c in word}
    if len(scripts) > 1 and not (scripts == {"LATIN", "CJK"} and not _inside_latin(word)):
        return False
    if any(a.islower() and b.isupper() for a, b in pairwise(word)):
        return False
    accented = sum(not c.isascii() for c in word)
    mostly = accented == len(word) > 1 or (accented > 2 and accented * 2 > len(word))
    return scripts != {"LATIN"} or not mostly


def _inside_latin(word: str) -> bool:
    """Whether East Asian characters sit between Latin letters (`pr鬳ident`) or close a
    word in lower case (`Bego馻`): a Latin word's accented letter read as a double-byte
    character (`G20峰会`, `APEC会议` join capitals and digits)."""
    if _script(word[0]) == _script(word[-1]) == "LATIN":
        return True
    return any(
        (a.isascii() and a.islower() and _script(b) == "CJK")
        or (_script(a) == "CJK" and b.isascii() and b.islower())
        for a, b in pairwise(word)
    )


@lru_cache(maxsize=8192)
def _languages(word: str) -> frozenset[str]:
    """The languages that could spell a word: its script, or the Latin alphabets holding
    all its accented letters."""
    scripts = frozenset(_script(c) for c in word) - {"LATIN"}
    if scripts:
        return scripts
    accented = {c.lower()[0] for c in word if not c.isascii()}
    return frozenset(str(i) for i, alphabet in enumerate(_ALPHABETS) if accented <= alphabet)


@lru_cache(maxsize=4096)
def _script(char: str) -> str:
    if char.isascii():
        return "LATIN"
    first = unicodedata.name(char, "UNKNOWN").split(" ")[0]
    return _SCRIPTS.get(first, first)
