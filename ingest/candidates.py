"""Names in a text that look like organizations or people but are not in the registry."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ingest.dates import MONTHS, WEEKDAYS

ORGANIZATION_WORDS = {
    "agency", "ministry", "council", "committee", "commission", "union", "association",
    "bank", "company", "corporation", "corp", "institute", "university", "academy",
    "organization", "organisation", "party", "parliament", "office", "service", "fund",
    "group", "society", "federation", "foundation", "authority", "department", "centre",
    "center", "network", "bureau", "board", "court", "assembly", "administration",
    "government", "chamber", "trust", "holding", "airlines", "airways", "railways", "club",
    "inc", "ltd", "llc", "plc", "ag", "gmbh", "school", "college", "museum", "newspaper",
    "press", "television", "radio", "media", "forces", "army", "navy", "police",
}  # fmt: skip
TITLES = {
    "president", "minister", "prime", "deputy", "foreign", "mr", "mrs", "ms", "dr", "prof",
    "professor", "chairman", "chairwoman", "chair", "director", "executive", "secretary",
    "general", "ambassador", "king", "queen", "prince", "princess", "sheikh", "governor",
    "mayor", "senator", "spokesman", "spokeswoman", "spokesperson", "head", "chief", "editor",
    "vice", "first", "lady", "sir", "colonel", "major", "captain", "said", "says", "according",
}  # fmt: skip
ABBREVIATIONS = {"st", "mr", "mrs", "ms", "dr", "jr", "sr", "prof", "gen", "col", "lt", "sgt"}
CONNECTORS = {"of", "the", "for", "and", "de", "du", "des", "al", "on", "in", "und", "la"}
LEADING_NOISE = {"the", "a", "an", "in", "at", "on", "from", "to", "for", "and", "but", "as", "by"}

_WORD = re.compile(r"[^\W\d_][\w'’.-]*", re.UNICODE)


@dataclass
class Candidate:
    text: str
    kind: str  # organization or person
    count: int
    start: int  # first mention
    end: int


def _is_capitalized(word: str) -> bool:
    return word[0].isupper() and (
        len(word) == 1 or any(c.islower() for c in word[1:]) or len(word) <= 5
    )


def _ends_sentence(word: str) -> bool:
    """A word ending in a full stop ends the run, unless it is an initial or a title."""
    if not word.endswith("."):
        return False
    stem = word.rstrip(".")
    return len(stem) > 1 and stem.lower() not in ABBREVIATIONS


def _sequences(text: str):
    """Yield (start, end, words) for runs of capitalised words joined by connectors."""
    run: list[re.Match] = []
    for match in _WORD.finditer(text):
        word = match.group(0).rstrip(".'’")
        gap = text[run[-1].end() : match.start()] if run else ""
        joined = not run or (gap == " " and not _ends_sentence(run[-1].group(0)))
        if joined and (_is_capitalized(word) or (run and word.lower() in CONNECTORS)):
            run.append(match)
            continue
        yield from _trim(run)
        run = [match] if _is_capitalized(word) else []
    yield from _trim(run)


def _trim(run: list[re.Match]):
    while run and (run[-1].group(0).lower() in CONNECTORS):
        run = run[:-1]
    while run and run[0].group(0).lower() in LEADING_NOISE | CONNECTORS:
        run = run[1:]
    if len(run) >= 2:
        yield run[0].start(), run[-1].end(), [m.group(0).rstrip(".'’") for m in run]


def classify(words: list[str]) -> tuple[str, list[str]] | None:
    """Return ('organization'|'person', words) for a name-like run, or None."""
    lowered = [w.lower() for w in words]
    if any(w in MONTHS or w in WEEKDAYS for w in lowered):
        return None
    if any(w in ORGANIZATION_WORDS for w in lowered):
        return "organization", words
    while words and words[0].lower() in TITLES:
        words = words[1:]
    plain = all(w.isalpha() and not w.isupper() and w.lower() not in CONNECTORS for w in words)
    if 2 <= len(words) <= 3 and plain:
        return "person", words
    return None


def find_candidates(text: str, known_spans, *, limit: int = 20) -> list[Candidate]:
    """Return unregistered organization- and person-like names, most mentioned first."""
    found: dict[str, Candidate] = {}
    counts: Counter[str] = Counter()
    for start, end, words in _sequences(text):
        for result in _split(words):
            _add(text, start, end, result, known_spans, found, counts)
    for name, candidate in found.items():
        candidate.count = counts[name]
    return sorted(found.values(), key=lambda c: (-c.count, c.start))[:limit]


def _split(words: list[str]) -> list[tuple[str, list[str]]]:
    """Classify a run; 'John Whitfield of the Caspian Press Club' gives a person and an org."""
    for index, word in enumerate(words):
        if word.lower() != "of" or index < 2:
            continue
        left, right = classify(words[:index]), classify(_strip_leading(words[index + 1 :]))
        if left and right and left[0] == "person" and right[0] == "organization":
            return [left, right]
    result = classify(words)
    return [result] if result else []


def _strip_leading(words: list[str]) -> list[str]:
    while words and words[0].lower() in LEADING_NOISE | CONNECTORS:
        words = words[1:]
    return words


def _add(text, start, end, result, known_spans, found, counts) -> None:
    kind, name_words = result
    if len(name_words) < 2 and kind == "person":
        return
    name = " ".join(name_words)
    name_start = text.find(name_words[0], start)
    name_end = name_start + len(name) if name_start >= 0 else end
    if known_spans.covers((name_start, name_end)):
        return  # already a registry match
    counts[name] += 1
    found.setdefault(name, Candidate(name, kind, 0, name_start, name_end))
