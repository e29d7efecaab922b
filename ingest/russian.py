"""Case forms of Russian place names: "в Армении" and "из Казахстана" match their registry names.

Russian declines nouns: a registry that knows only the nominative would miss
most mentions. This covers the regular patterns of single nouns and of
adjective + noun names ('Российская Федерация' → 'Российской Федерации').
"""

from __future__ import annotations

_VELAR_OR_HUSHING = set("гкхжшчщ")
_INDECLINABLE_ENDINGS = ("о", "е", "и", "у", "ю", "э", "ы")


def noun_forms(word: str) -> list[str]:
    """Return the oblique case forms of a regular Russian noun (nominative excluded)."""
    lower = word.lower()
    if len(word) < 3 or lower.endswith(_INDECLINABLE_ENDINGS):
        return []
    if lower.endswith("ия"):
        stem = word[:-2]
        return [stem + "ии", stem + "ию", stem + "ией"]
    if lower.endswith("я"):
        stem = word[:-1]
        return [stem + "и", stem + "е", stem + "ю", stem + "ей"]
    if lower.endswith("а"):
        stem = word[:-1]
        genitive = "и" if stem[-1:].lower() in _VELAR_OR_HUSHING else "ы"
        return [stem + genitive, stem + "е", stem + "у", stem + "ой"]
    if lower.endswith("ь"):
        stem = word[:-1]
        return [stem + "и", stem + "ью"]
    if lower.endswith("й"):
        stem = word[:-1]
        return [stem + "я", stem + "ю", stem + "е", stem + "ем"]
    if lower[-1:].isalpha():
        return [word + "а", word + "у", word + "е", word + "ом"]
    return []


def adjective_forms(word: str) -> list[str]:
    """Return the oblique forms of a feminine adjective ('Российская' → 'Российской', …)."""
    if word.lower().endswith("ая"):
        stem = word[:-2]
        return [stem + "ой", stem + "ую"]
    return []


def russian_forms(name: str) -> list[str]:
    """Return declined forms of a Cyrillic place name; [] for names it cannot decline."""
    if not any("а" <= c.lower() <= "я" or c in "ёЁ" for c in name):
        return []
    words = name.split()
    if len(words) == 1:
        return noun_forms(name)
    if len(words) == 2 and adjective_forms(words[0]):
        adjectives = adjective_forms(words[0])
        nouns = noun_forms(words[1])
        # genitive/dative/prepositional share -ой; accusative -ую; instrumental -ой
        pairs = [(adjectives[0], n) for n in nouns if not n.endswith(("ю", "у"))]
        pairs += [(adjectives[1], n) for n in nouns if n.endswith(("ю", "у"))]
        return [f"{a} {n}" for a, n in pairs]
    first, rest = words[0], " ".join(words[1:])
    return [f"{form} {rest}" for form in noun_forms(first)]  # 'Республика Казахстан'
