"""Guess a report's language offline."""

import py3langid


def detect_language(text: str) -> str:
    """Return the ISO 639-1 code of the text's language ('' if there is too little text)."""
    sample = " ".join(text[:2000].split())[:1000]  # enough to tell; the classifier is linear
    if sum(c.isalpha() for c in sample) < 60:
        return ""
    code, _score = py3langid.classify(sample)
    return code
