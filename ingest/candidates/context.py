"""The text the rules read (its words, lines, places, registered names) and their records."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

WORD = re.compile(r"[^\W\d_]\w*(?:[-'’]\w+)*")
QUOTED = re.compile(r"[\"“«„]([^\"“”«»„\n]{2,60})[\"”»“]")


@dataclass
class Candidate:
    """A name to offer the editor: what it is, how often and where it is first printed."""

    text: str
    kind: str  # organization or person
    count: int
    start: int  # first mention
    end: int
    organization_kind: str = ""  # an OrganizationKind value for organizations: publication, …


@dataclass(slots=True)
class Token:
    """A word of the text and its class."""

    text: str  # without a possessive ending
    start: int
    end: int
    possessive: bool = False
    opener: bool = False  # the first word of a sentence
    cls: str = "name"  # see runs.word_class
    lower: str = ""

    def __post_init__(self) -> None:
        self.lower = self.text.lower()


@dataclass
class Found:
    """One mention of a name a rule found."""

    text: str
    kind: str
    start: int
    end: int
    organization_kind: str = ""


@dataclass
class Spans:
    """Labelled spans of the text, looked up by position."""

    spans: list[tuple[int, int, str]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.spans.sort()
        self.starts = [s for s, _, _ in self.spans]
        self.longest = max((e - s for s, e, _ in self.spans), default=0)

    def covering(self, start: int, end: int) -> str:
        """Return the label of a span covering [start, end), else ''."""
        if not self.starts:
            return ""
        index = bisect_right(self.starts, start)
        for span_start, span_end, label in reversed(self.spans[max(0, index - 4) : index]):
            if span_start <= start and end <= span_end:
                return label
        return ""

    def overlaps(self, start: int, end: int) -> int:
        """Return the longest overlap of [start, end) with any span."""
        low = bisect_right(self.starts, start - self.longest - 1)
        nearby = self.spans[low : bisect_right(self.starts, end)]
        return max((min(e, end) - max(s, start) for s, e, _ in nearby), default=0)


@dataclass
class Context:
    """What the rules need to know about the whole text."""

    text: str
    places: Spans  # registry places, labelled 'country' (and demonyms) or 'city'
    registered: Spans  # registered organizations, people and events
    lower_words: set[str] = field(default_factory=set)  # words printed in lower case
    positions: dict[str, list[int]] = field(default_factory=dict)  # Word → where it is printed
    headlines: Spans = field(default_factory=Spans)  # Lines In Headline Case
    capitals: Spans = field(default_factory=Spans)  # LINES IN CAPITALS
    quoted: Spans = field(default_factory=Spans)

    def place_at(self, start: int, end: int) -> str:
        """Return 'country' or 'city' for a place word; 'Armenian-Russian' is one too."""
        word = self.text[start:end]
        if "-" in word and word[0].isupper():
            kinds, position = set(), start
            for piece in word.split("-"):
                kinds.add(self.places.covering(position, position + len(piece)))
                position += len(piece) + 1
            if "country" in kinds or "" not in kinds:
                return "country" if "country" in kinds else "city"
        return self.places.covering(start, end)

    def in_headline(self, position: int) -> bool:
        return bool(self.headlines.covering(position, position))

    def outside_headlines(self, word: str) -> bool:
        """Whether word is printed somewhere in running text (not only in headlines)."""
        return any(not self.in_headline(p) for p in self.positions.get(word, []))

    def mentions_after(self, word: str, position: int) -> int:
        """How often word is printed (as a whole word) after position."""
        places = self.positions.get(word, [])
        return len(places) - bisect_right(places, position)


def build_context(text: str, mentions: Iterable[tuple[int, int, str]]) -> Context:
    """Read text's words and lines, and split the registry's mentions into places and names."""
    places: list[tuple[int, int, str]]
    registered: list[tuple[int, int, str]]
    places, registered = [], []
    for start, end, kind in mentions:
        (places if kind in ("country", "city") else registered).append((start, end, kind))
    context = Context(text, Spans(places), Spans(registered))
    lines = list(_lines(text))
    by_line = list(zip(lines, _read_words(context, lines), strict=True))
    context.headlines = Spans([(s, e, "h") for (s, e, t), n in by_line if _headline_case(t, n)])
    context.capitals = Spans([(s, e, "c") for (s, e, t), n in by_line if _in_capitals(t, n)])
    context.quoted = Spans([(*m.span(1), "q") for m in QUOTED.finditer(text)])
    _unwrap_headlines(context, lines)
    return context


def _read_words(context: Context, lines: list[tuple[int, int, str]]) -> list[WordCounts]:
    """Note where capitalised words are printed and which are printed in lower case;
    return how many words each line has (no word runs over a line end)."""
    lower_words, positions = context.lower_words, context.positions
    counts = [WordCounts() for _ in lines]
    index, line_end, line = 0, lines[0][1], counts[0]
    for match in WORD.finditer(context.text):
        word, start = match[0], match.start()
        while start > line_end:
            index += 1
            line_end, line = lines[index][1], counts[index]
        line.words += 1
        if len(word) >= 4:
            line.long += 1
            line.capitalised += word[0].isupper()
        if word[0].islower():
            lower_words.add(word)
            continue
        word = word[:-2] if word[-2:] in ("'s", "’s") else word  # "Lavrov's" is Lavrov
        positions.setdefault(word, []).append(start)
    return counts


@dataclass(slots=True)
class WordCounts:
    """How many words a line has, of four letters or more, and of those capitalised."""

    words: int = 0
    long: int = 0
    capitalised: int = 0


def _lines(text: str) -> Iterator[tuple[int, int, str]]:
    position = 0
    for line in text.split("\n"):
        yield position, position + len(line), line
        position += len(line) + 1


def _headline_case(line: str, counts: WordCounts) -> bool:
    """A Line Written In Headline Case, or a list of tags: capitals that say nothing."""
    if counts.long < 3:
        return False
    short_line = counts.words <= 14 and line[-1:] != "."
    return counts.capitalised == counts.long or (
        counts.capitalised >= 0.8 * counts.long and short_line
    )


def _unwrap_headlines(context: Context, lines: list[tuple[int, int, str]]) -> None:
    """A line of hard-wrapped prose is no headline, however capitalised ('…, Vladimir Putin')."""
    number = {start: index for index, (start, _, _) in enumerate(lines)}
    kept = []
    for span in context.headlines.spans:
        index = number[span[0]]
        following = lines[index + 1][2].lstrip()[:1] if index + 1 < len(lines) else ""
        previous = lines[index - 1][2].rstrip() if index else ""
        if not (following.islower() or previous.endswith(",") or _runs_on(previous)):
            kept.append(span)
    context.headlines = Spans(kept)


def _runs_on(line: str) -> bool:
    """A line of prose cut mid-sentence ('… to the press together with'): four words or
    more, the last in lower case with no stop after it."""
    words = line.split()
    return len(words) >= 4 and words[-1].isalpha() and words[-1].islower()


def _in_capitals(line: str, counts: WordCounts) -> bool:
    return counts.words >= 3 and not any(map(str.islower, line))
