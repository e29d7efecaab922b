"""Language tags as reports carry them: BCP 47, a known ISO 639 language first."""

from __future__ import annotations

import re
from functools import lru_cache

import pycountry
from django.core.exceptions import ValidationError

_TAG = re.compile(r"([A-Za-z]{2,3})(?:-[A-Za-z0-9]{1,8})*")


@lru_cache(maxsize=1)
def _known_languages() -> frozenset[str]:
    codes: set[str] = set()
    for language in pycountry.languages:
        codes.update(code for code in (getattr(language, "alpha_2", ""), language.alpha_3) if code)
    return frozenset(codes)


def is_language_tag(value: str) -> bool:
    """Whether value is a BCP 47 tag whose language ISO 639 knows: `en`, `en-GB`,
    `sr-Latn`, `ast`; not `english` or `xx`."""
    tag = _TAG.fullmatch(value.strip())
    return tag is not None and tag.group(1).lower() in _known_languages()


def validate_language_tag(value: str) -> None:
    if not is_language_tag(value):
        raise ValidationError(
            "Enter a language code such as en, ru or en-GB.", code="invalid_language"
        )


def normalized_language_tag(value: str) -> str:
    """Return value as a BCP 47 tag is written (`EN_us` → `en-US`, `sr_latn` → `sr-Latn`),
    or "" when no language tag can be made of it."""
    parts = value.strip().replace("_", "-").split("-")
    if not parts[0]:
        return ""
    subtags = [parts[0].lower()]
    for part in parts[1:]:
        if len(part) == 2 and part.isalpha():
            subtags.append(part.upper())  # a region
        elif len(part) == 4 and part.isalpha():
            subtags.append(part.title())  # a script
        else:
            subtags.append(part.lower())
    tag = "-".join(subtags)
    return tag if is_language_tag(tag) else ""


_TRADITIONAL_CHINESE = {"hant", "tw", "hk", "mo"}


def news_sitemap_language(tag: str) -> str:
    """Return the code Google's news sitemap takes for a report's language: the ISO 639
    code alone (`en-GB` → `en`, `sr-Latn` → `sr`), but `zh-cn` or `zh-tw` for Chinese by
    its script or region (`zh-Hant` → `zh-tw`)."""
    language, *rest = tag.strip().lower().replace("_", "-").split("-")
    if language == "zh":
        return "zh-tw" if _TRADITIONAL_CHINESE & set(rest) else "zh-cn"
    return language


# Languages whose usual script runs right to left, and the scripts that do (ISO 15924).
RTL_LANGUAGES = frozenset({"ar", "fa", "ur", "he", "iw", "ps", "ckb", "dv", "yi", "sd", "ug"})
RTL_SCRIPTS = frozenset({"arab", "hebr", "thaa", "syrc", "nkoo", "adlm", "rohg", "mand", "samr"})


def text_direction(tag: str) -> str:
    """Return "rtl" or "ltr": which way text in a BCP 47 language runs. A script subtag
    decides when there is one (`az-Arab` runs right to left, `sd-Deva` left to right)."""
    primary, *rest = (tag or "").strip().lower().replace("_", "-").split("-")
    script = next((part for part in rest if len(part) == 4 and part.isalpha()), None)
    if script is not None:
        return "rtl" if script in RTL_SCRIPTS else "ltr"
    return "rtl" if primary in RTL_LANGUAGES else "ltr"
