"""Country codes structured formats give for places (`FRA`, `iso-cc="TM"`)."""

from __future__ import annotations

import re

import pycountry

_ISO_CODE = re.compile(r"[A-Z]{2,3}")


def country_named_by_code(code: str) -> str:
    """Return the ISO name of the country an ISO 3166-1 alpha-2 or alpha-3 code stands for
    (`FRA` → France), else the text as given: what the place lookup reads."""
    code = code.strip()
    if not _ISO_CODE.fullmatch(code):
        return code
    if len(code) == 2:
        found = pycountry.countries.get(alpha_2=code)
    else:
        found = pycountry.countries.get(alpha_3=code)
    return found.name if found else code
