"""Characters no stored text keeps, whichever way it came in (wire desk, admin, API).

Control characters (but tab and line ends), bidirectional overrides, lone surrogates
and the noncharacters U+FFFE and U+FFFF: XML 1.0 cannot carry most of them (a feed or
sitemap listing one would break), and the overrides can make a headline read otherwise
than it is written. A vertical tab or form feed (Word's Shift+Enter) separates words, so
it becomes a space.
"""

from __future__ import annotations

import re

_UNSAFE_RANGES = ((0x00, 0x08), (0x0E, 0x1F), (0x7F, 0x7F), (0x202A, 0x202E), (0x2066, 0x2069),
                  (0xD800, 0xDFFF), (0xFFFE, 0xFFFF))  # fmt: skip
_TABLE: dict[int, str | None] = {
    code: None for low, high in _UNSAFE_RANGES for code in range(low, high + 1)
} | {0x0B: " ", 0x0C: " "}
_UNSAFE = re.compile(
    "[" + "".join(f"\\U{low:08x}-\\U{high:08x}" for low, high in _UNSAFE_RANGES) + "\\x0b\\x0c]"
)


def safe_text(text: str) -> str:
    """Return text without the characters no stored text keeps."""
    # Searching is many times faster than translating text that is not ASCII (most is clean).
    return text.translate(_TABLE) if _UNSAFE.search(text) else text
