"""Guess a report's language offline."""

import py3langid


def detect_language(text: str) -> str:
    """Return the ISO 639-1 code of the text's language ('' if there is too little text)."""
    sample = " ".join(text[:800].split())[:400]  # enough to tell; the classifier is linear
    if sum(map(str.isalpha, sample)) < 60:
        return ""
    code, _score = py3langid.classify(sample)
    return code
