"""Guess a report's language offline."""

from functools import cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

# The model also knows pidgins, dialects, dead and constructed languages, which a
# wire report is never written in and which names it does not know can look like:
# Vietnamese names in English copy read as Nigerian Pidgin. Reports are classified
# among the living languages with a two-letter ISO 639-1 code.
NOT_NEWS_LANGUAGES = frozenset({"eo", "la", "sa", "vo"})


@cache
def _identifier() -> LanguageIdentifier:
    identifier = LanguageIdentifier.from_model_file(MODEL_FILE)
    languages = {c for c in identifier.nb_classes if len(c) == 2} - NOT_NEWS_LANGUAGES
    identifier.set_languages(languages)
    return identifier


def detect_language(text: str) -> str:
    """Return the ISO 639-1 code of the text's language ('' if there is too little text)."""
    sample = " ".join(text[:800].split())[:400]  # enough to tell; the classifier is linear
    if sum(map(str.isalpha, sample)) < 60:
        return ""
    code, _score = _identifier().classify(sample)
    return str(code)
