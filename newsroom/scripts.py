"""The writing systems without capital letters that copy and the gazetteer share.

A name in these scripts cannot be told from a word by its capital, so the wire desk
reads such names in datelines only (`ingest.registry`), and the gazetteer keeps them
from GeoNames (`places.gazetteer.uncased_names`, `persian_names`).
"""

import re
import unicodedata

# Hebrew letters; the Indian subcontinent's scripts (Devanagari, Bengali, Gurmukhi,
# Gujarati, Oriya, Tamil, Telugu, Kannada, Malayalam, Sinhala), whose vowel signs are
# marks inside their blocks; and Thai. Character-class ranges, for `[…]`.
UNCASED_LETTERS = "\u05d0-\u05ea\u05f0-\u05f2\u0900-\u0dff\u0e01-\u0e4e"
UNCASED_LETTER = re.compile(f"[{UNCASED_LETTERS}]")

# The letters Persian and Urdu add to the Arabic alphabet (`پ چ ژ گ`, Urdu's `ٹ ڈ ڑ ں`,
# and their own kaf, yeh and heh: `ک ی ہ ھ ے`), which Arabic copy never prints.
PERSIAN_LETTERS = (
    "\u0679\u067e\u0686\u0688\u0691\u0698\u06a9\u06af\u06ba\u06be\u06c0\u06c1\u06c2"
    "\u06c3\u06cc\u06d2\u06d3"
)

# Devanagari, whose Hindi spellings vary (`नयी`, `नई`; `सितम्बर`, `सितंबर`): the month and
# place lookups fold them (`ingest.dates.month_key`, `ingest.registry.place_key`).
DEVANAGARI_LETTER = re.compile("[\u0900-\u097f]")

# Hindi writes a nasal consonant with its virama before a consonant or the
# dot above (`म्ब`, `ंब`), the nasal with a dot or a moon (`ं`, `ँ`), a vowel after `य` or
# alone (`नयी`, `नई`), and borrowed sounds with or without a dot below (`फ़`, `फ`), which
# is typed as its own mark or within the letter (U+095E `फ़`, Marathi's `ऱ`).
_NUKTA = "\u093c"
_UNDOTTED = {
    c: unicodedata.normalize("NFD", chr(c))[0]
    for c in range(0x0900, 0x0980)
    if unicodedata.normalize("NFD", chr(c)).endswith(_NUKTA) and chr(c) != _NUKTA
}
_HINDI_SPELLINGS = {"यी": "ई", "ये": "ए", "\u0901": "\u0902", _NUKTA: ""}
_HINDI_VARIANTS = re.compile("[ङञणनम]\u094d(?=[क-ह])|" + "|".join(_HINDI_SPELLINGS))


def hindi_key(text: str) -> str:
    """Return text with Hindi's spelling variants folded to one spelling (any text
    without Devanagari as it is)."""
    if not DEVANAGARI_LETTER.search(text):
        return text
    return _HINDI_VARIANTS.sub(_one_spelling, text.translate(_UNDOTTED))


def _one_spelling(match: re.Match[str]) -> str:
    return _HINDI_SPELLINGS.get(match.group(0), "\u0902")
