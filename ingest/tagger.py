"""Suggest tags for a text from the entity registry, each with its spans and reasons.

One pass of the registry's Aho–Corasick automaton finds every name, alias,
short name and demonym (linear in the text's length); the rules below then
keep what an editor would tag and explain each suggestion.
"""

from __future__ import annotations

import datetime
import re
from bisect import bisect_left, bisect_right
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, field
from typing import cast

from ingest import vietnamese
from ingest.candidates import Candidate, find_candidates
from ingest.candidates.words import COMMON_WORDS, TITLES
from ingest.name_neighbours import AZERBAIJANI_LETTER, case_ending_at, chinese_name_between
from ingest.registry import OWN_NAME_CITY_POPULATION, Snapshot, Target, fold, get_registry
from ingest.russian import is_cyrillic
from ingest.spans import SpanIndex

SENTENCE_START = re.compile(r"[.!?:;\n]['\"“”’)]*\s*$")
WORD = re.compile(r"\w[\w-]*")
NAME_CONTINUES = re.compile(r" (?:(?:of|de|del|for)(?: the)? )?[A-ZА-ЯЁ]")
FUNCTION_WORDS = {
    "the", "in", "at", "on", "from", "to", "for", "and", "of", "by", "with", "near",
    "в", "во", "из", "на", "с", "со", "к", "ко", "по", "от", "до", "под", "над", "для",
    "у", "о", "об", "при", "через", "между", "около", "и",
}  # fmt: skip
MAJOR_CITY = 1_000_000
QUOTED_NAME = 60  # characters a name in quotes may run on either side of a match
QUOTES = (("«", "»"), ("“", "”"), ('"', '"'))
# A report's few names are looked for one by one (str.find is fast); past this many
# characters times names, the text's words are read in one pass instead, so that
# tagging time grows in step with the text however long it is.
FIND_LIMIT = 50_000
# Where a place is named: 'in Mary', 'from Reading', 'в Москве', 'the city of Hamilton'.
PLACE_BEFORE = re.compile(
    r"(?:\b(?:in|at|from|near|to|of|into|outside|via|across|around|towards?|between)|"
    r"\b(?:city|town|capital|port|village|region|province)\s+of|"
    r"(?<![\w-])(?:в|во|из|под|до|около|у|на|над|через))\s+(?:the\s+)?$",
    re.IGNORECASE,
)
STRONG_PLACE_BEFORE = re.compile(
    r"(?:\b(?:in|at|from|near|into|outside|via)|\b(?:city|town|port)\s+of)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
COUNTRY_AFTER = re.compile(r",\s*([^\W\d_][\w .-]{2,40}?)(?=[,.;:)\n]|$)")
LIST_GAP = re.compile(r"(?:,\s*|\s+(?:and|or|и)\s+)")
WORD_BEFORE = re.compile(r"([^\W\d_]+)\s$")
# … and, for a city's name that is no person's, what is done to or at a place: 'the embargo
# on Gaza', 'strikes on Kharkiv', 'visited Khorog'.
ACTION_ON_PLACE_BEFORE = re.compile(r"\b(?:on|visit(?:ed|ing|s)?)\s+$", re.IGNORECASE)
# An Arabic family name's article after a given name: 'Fatima Al-Salem' is no Salem.
ARABIC_SURNAME_BEFORE = re.compile(r"\b[A-Z][a-z]+\s+(?:Al|El|al|el)-$")
# The word after a demonym, for a people of another nationality: 'Greek Cypriot'.
NEXT_WORD = re.compile(r" ([^\W\d_]+)")
PLACE_AFTER = re.compile(r"\s+(?:city|town|region|province|oblast|district|airport)\b")
# A city's name used as the name of a framework of talks ('the Minsk agreements', 'the
# Astana format', 'the Shanghai spirit'): no sign of its country. Not a single document
# signed there ('the Kazan declaration', 'Moscow agreement on gas'), nor one with a
# party ('the Ankara agreements with Baghdad').
ACCORD_AFTER = re.compile(
    r"[ -](?:spirit|format|formula|process|agreements|accords|protocols|consensus|"
    r"principles)\b(?! (?:with|between)\b)"
)
# City names that are ordinary words, or people's names, far more often than places.
ORDINARY_WORDS = {
    "reading", "nice", "of", "bar", "split", "batman", "mobile", "independence", "commonwealth",
    "union", "victory", "hope", "liberty", "progress", "paradise", "mission", "orange", "bath",
    "deal", "march", "may", "buffalo", "phoenix", "eagle", "concord", "aurora", "sale", "island",
    "temple", "republic", "unity", "peace", "providence", "enterprise", "industry",
}  # fmt: skip
# Country aliases that are also short English words ('US'): in a line printed all in
# capitals ('LET US KNOW') they are the word.
SHORT_WORDS = {
    "us", "it", "is", "as", "am", "me", "no", "so", "be", "we", "he", "do", "go", "or", "an",
    "if", "my", "up", "in", "on", "at", "to", "of", "by",
}  # fmt: skip
# 'WHO' asking a question in a line of capitals ('WHO WILL LEAD THE PARTY?'), not the WHO
# ('WHO DECLARES MPOX AN EMERGENCY', 'THE WHO SAID').
WHO_ASKING = re.compile(
    r"WHO (?:IS|ARE|WAS|WERE|WILL|WOULD|CAN|COULD|SHOULD|MIGHT|MUST|DO|DOES|DID|KNEW|KNOWS|"
    r"CARES|GETS|WINS|WON|KILLED|OWNS|PAYS|RUNS|LEADS)\b|WHO\b[^\n]*\?"
)
NAME_LIKE = {
    "mary", "hamilton", "florence", "victoria", "lincoln", "jackson", "madison", "charlotte",
    "elizabeth", "regina", "adelaide", "marion", "eugene", "beverly", "lawrence", "troy",
    "chester", "norman", "nelson", "clinton", "franklin", "warren", "jefferson", "douglas",
    "milton", "preston", "murray", "gordon", "sherman", "carson", "irving", "ali", "ray",
}  # fmt: skip
# Where a name only one language's copy prints ('Nga', Russia in Vietnamese) is one.
NAMES_IN_LANGUAGE = {"vi": vietnamese.names_country}
TAG_KINDS = ("countries", "organizations", "people", "events")
_KIND_SETS: dict[tuple[str, ...], frozenset[str]] = {}
FIELD_FOR_KIND = dict(zip(("country", "organization", "person", "event"), TAG_KINDS, strict=True))


@dataclass
class Suggestion:
    kind: str  # country, organization, person, event
    key: int | str
    name: str
    spans: list[tuple[int, int]] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    _seen: set = field(default_factory=set, repr=False, compare=False)

    def add(self, span: tuple[int, int] | None, reason: str) -> None:
        """Record one more mention and why it counts (each once)."""
        if span and span not in self._seen:
            self._seen.add(span)
            self.spans.append(span)
        if reason not in self._seen:
            self._seen.add(reason)
            self.reasons.append(reason)


@dataclass
class TagResult:
    countries: list[Suggestion] = field(default_factory=list)
    organizations: list[Suggestion] = field(default_factory=list)
    people: list[Suggestion] = field(default_factory=list)
    events: list[Suggestion] = field(default_factory=list)
    candidates: list[Candidate] = field(default_factory=list)

    def keys(self, kind: str) -> list[int | str]:
        """Return the suggested primary keys of one kind (countries, people, …)."""
        return [s.key for s in getattr(self, kind)]

    def all(self) -> list[Suggestion]:
        """Return every suggestion, countries first."""
        return [s for kind in TAG_KINDS for s in getattr(self, kind)]


@dataclass
class _Match:
    start: int
    end: int
    targets: tuple[Target, ...]
    parents: list[_Match] = field(default_factory=list)  # longer matches containing this one
    kinds: frozenset[str] = field(init=False)  # of its targets

    def __post_init__(self) -> None:
        kinds = tuple(t.kind for t in self.targets)
        found = _KIND_SETS.get(kinds)
        if found is None:  # a few dozen combinations at most: one set each, shared
            found = _KIND_SETS[kinds] = frozenset(kinds)
        self.kinds = found

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)

    def inside(self, other: _Match) -> bool:
        return other.start <= self.start and self.end <= other.end and other.span != self.span


def suggest_tags(
    text: str,
    *,
    report_date: datetime.date | None = None,
    dateline_country: str = "",
    exclude_organizations: Iterable[int] = (),
    registry: Snapshot | None = None,
    byline: str = "",
    credits: Iterable[str] = (),
    captions: Iterable[str] = (),
    candidates: bool = True,
) -> TagResult:
    """Return tag suggestions (and unregistered candidates) for text.

    `byline` is the writer's name the parser took out of the text; it is offered as a
    candidate when the registry does not know it. `credits` are the other sources the
    report's head names (a distributor, a partner agency): offered as organizations.
    `captions` are photo captions the parser kept out of the text: the names they print
    (and the photographers they credit) are offered as candidates, never as tags.
    With `candidates` false, no candidates are looked for (the tags are the same): what
    saving a report needs, as candidates are offered on screens that look for them again.
    """
    registry = registry or get_registry()
    excluded = set(exclude_organizations)
    matches = _outside_filers_name(_filter_nested(_scan(text, registry)), excluded)
    result = _Collector(text, registry, report_date)
    for match in matches:
        result.add(match)
    result.add_surname_mentions(matches)
    if dateline_country:
        result.country(dateline_country, None, "dateline")
    result.found["organization"] = {
        k: v for k, v in result.found["organization"].items() if k not in excluded
    }
    tags = result.finish()
    if candidates:
        in_byline = _mentions_in(byline, registry) if byline else []
        found = find_candidates(text, _mentions(matches), byline=byline, byline_mentions=in_byline)
        tags.candidates = _not_registered_surnames(found, tags, registry)
        tags.candidates += _credited(credits, tags, registry)
        tags.candidates += _captioned(list(captions), tags, registry)
    return tags


def _captioned(captions: list[str], tags: TagResult, registry: Snapshot) -> list[Candidate]:
    """The unregistered names photo captions print, unless already suggested."""
    if not captions:
        return []
    text = "\n\n".join(captions)
    found = find_candidates(text, _mentions_in(text, registry))
    known = [s.name.casefold() for s in tags.all()] + [c.text.casefold() for c in tags.candidates]
    return [
        c
        for c in _not_registered_surnames(found, tags, registry)
        if not any(c.text.casefold() in name for name in known)  # 'Ministry of …' in 'China's …'
    ]


def _credited(credits: Iterable[str], tags: TagResult, registry: Snapshot) -> list[Candidate]:
    """Sources the head credits (`MENAFN`, `BSS`, a caption's `EPA-EFE`), for the editor to
    tag or ignore, unless already suggested (by any of its names: `Xinhua` beside a tag of
    Xinhua News Agency). Registering one the registry knows finds that record."""
    known = {s.name.casefold() for s in tags.organizations}
    known |= {c.text.casefold() for c in tags.candidates}
    tagged = set(tags.keys("organizations"))
    return [
        Candidate(name, "organization", 1, -1, -1, organization_kind="company")
        for name in dict.fromkeys(credits)
        if name.casefold() not in known
        and not tagged & registered_as(name, "organization", registry)
    ]


def registered_as(name: str, kind: str, registry: Snapshot | None = None) -> set[int | str]:
    """The keys of the registered records of a kind (organization, person) called exactly
    `name` by any of their names, short names or aliases (`AP`, `Xinhua`, `ТАСС`)."""
    registry = registry or get_registry()
    found: set[int | str] = set()
    if kind == "organization" and (agency := registry.agency_id(name)) is not None:
        found.add(agency)
    for match in _scan(name, registry):
        if (match.start, match.end) == (0, len(name)):
            found.update(t.key for t in match.targets if t.kind == kind)
    return found


def _not_registered_surnames(
    candidates: list[Candidate], tags: TagResult, registry: Snapshot
) -> list[Candidate]:
    """Drop 'президент Жапаров' when the registry's Sadyr Japarov is suggested already."""
    surnames = {s for p in tags.people for s in registry.person_surnames.get(cast(int, p.key), [])}
    return [c for c in candidates if c.kind != "person" or c.text not in surnames]


def _mentions_in(text: str, registry: Snapshot) -> list[tuple[int, int, str]]:
    """The registry's matches in a text read beside the report's (a byline, captions)."""
    return _mentions(_filter_nested(_scan(text, registry)))


def _mentions(matches: list[_Match]) -> list[tuple[int, int, str]]:
    """Registry matches as (start, end, kind), places marked 'country' or 'city'."""
    found = []
    for match in matches:
        kinds = match.kinds
        kind = "country" if "country" in kinds else "city" if "city" in kinds else min(kinds)
        found.append((match.start, match.end, kind))
    return found


# A continent's part before a demonym: "Latin American", "Pan-American" (a longer
# demonym, "South African", is matched whole before this is asked).
_OF_A_REGION = re.compile(r"\b(?:Latin|South|Central|Pan|Ibero|Inter|Meso)[\s-]$")
REGION_WORD = 9  # "Central " and a space or a line end
_LINE_BREAK = re.compile(r"(?<![\n.!?])\n(?!\n)")


def _scan(text: str, registry: Snapshot) -> list[_Match]:
    """Find every registry pattern in text on word boundaries with plausible capitalisation."""
    if not registry.automaton or not len(registry.automaton):
        return []
    found = []
    # A name hard-wrapped over two lines ("Papua\nNew Guinea") is still the one name; a
    # blank line between paragraphs joins nothing (same length: spans stay put).
    joined = _LINE_BREAK.sub(" ", text) if "\n" in text else text
    azerbaijani = AZERBAIJANI_LETTER in text
    for end_index, (length, targets) in registry.automaton.iter(fold(joined)):
        start, end = end_index - length + 1, end_index + 1
        if not _on_word_boundaries(text, start, end):
            targets = _places_with_ending(text, start, end, targets, azerbaijani)
            if not targets:
                continue
        printed = text[start:end]
        kept = [
            t
            for t in targets
            if _case_fits(printed, t)
            and (not t.language or NAMES_IN_LANGUAGE[t.language](text, start, end))
        ]
        if kept:  # most patterns have one target, which fits: no new tuple for them
            found.append(_Match(start, end, targets if len(kept) == len(targets) else tuple(kept)))
    return found


def _places_with_ending(
    text: str, start: int, end: int, targets: tuple[Target, ...], azerbaijani: bool
) -> tuple[Target, ...]:
    """The place targets of a name a case ending follows (`Qazaxıstana`, `საქართველოს`)."""
    if start > 0 and _word_char(text[start - 1]):
        return ()
    if not case_ending_at(text, end, azerbaijani=azerbaijani):
        return ()
    return tuple(t for t in targets if t.kind in ("country", "city"))


def _whole_words(text: str, word: str) -> Iterator[tuple[int, int]]:
    """Yield the spans where `word` is one of the words WORD reads in text, in order.

    WORD reads a run of letters, digits, `_` and `-` from its first letter or digit on;
    finding the few surnames of a text is much faster than reading all its words.
    """
    if not WORD.fullmatch(word):
        return  # not a word WORD reads: 'O'Brien', '-ov'
    start = text.find(word)
    while start >= 0:
        end, before = start + len(word), start
        while before > 0 and text[before - 1] == "-":
            before -= 1  # '-Aliyev' reads as 'Aliyev', 'Ali-Aliyev' as one word
        ends = end == len(text) or not (_word_char(text[end]) or text[end] == "-")
        if ends and (before == 0 or not _word_char(text[before - 1])):
            yield start, end
        start = text.find(word, start + 1)


def _word_char(char: str) -> bool:
    """What `\\w` matches."""
    return char.isalnum() or char == "_"


def _on_word_boundaries(text: str, start: int, end: int) -> bool:
    if _IDEOGRAPHIC.match(text, start) or _IDEOGRAPHIC.match(text, end - 1):
        # Japanese writes no space between words, but it changes script between them:
        # a name in Han characters or katakana is one when the characters next to it are
        # of another script (`米国のバイデン`, `日本と台湾`), never a piece of a longer run
        # of its own (`欧美国家`, `上海地铁`, `ネクタイ`, `中国地方`)
        if _KATAKANA.match(text, start) and text[start - 1 : start] in _DIRECTIONS:
            return False  # `南アメリカ`, `北アイルランド`: a region, not the country
        if not _same_script(text, start - 1, start) and not _same_script(text, end, end - 1):
            return True
        return chinese_name_between(text, start, end)
    if _HANGUL.match(text, start):  # Korean joins its particles to a name (`미국과`, `중국의`)
        return (start == 0 or not _word_char(text[start - 1])) and (
            end == len(text) or not _word_char(text[end]) or _particle_at(text, end)
        )
    return (start == 0 or not _word_char(text[start - 1])) and (
        end == len(text) or not _word_char(text[end])
    )


_IDEOGRAPHIC = re.compile("[\u30a0-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")  # katakana, Han
_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff]")
_DIRECTIONS = frozenset("南北東西")
_KATAKANA = re.compile("[\u30a0-\u30ff]")  # with ー and ・


def _same_script(text: str, at: int, inside: int) -> bool:
    """Whether the character at `at` (next to a match) is of the script of the match's
    character at `inside`: Han beside Han, katakana beside katakana."""
    if at < 0 or at >= len(text):
        return False
    for script in (_HAN, _KATAKANA):
        if script.match(text, inside):
            return script.match(text, at) is not None
    return _word_char(text[at])


_HANGUL = re.compile("[\uac00-\ud7af]")
# Korean particles a name takes: topic, subject, object, of, and/with, in/at/to, from, also.
_PARTICLE = re.compile(
    "(?:과의|와의|에서|에게|으로|부터|까지|과|와|은|는|이|가|을|를|의|에|로|도|만|측)"
    "(?![\uac00-\ud7af])"
)


def _particle_at(text: str, end: int) -> bool:
    return _PARTICLE.match(text, end) is not None


def _case_fits(printed: str, target: Target) -> bool:
    if target.exact:
        return printed == target.exact
    first = printed[0]
    return target.any_case or not first.isalpha() or first.isupper()


def _filter_nested(matches: list[_Match]) -> list[_Match]:
    """Drop a match inside a longer one of the same kind, and anything inside a person's name.

    One sweep in text order: only matches still open at a position can contain the next
    one, so the work stays proportional to the text, however long.
    """
    matches.sort(key=lambda m: (m.start, -(m.end - m.start)))
    open_matches: list[_Match]
    kept, open_matches = [], []
    for match in matches:
        open_matches = [o for o in open_matches if o.end > match.start]
        match.parents = [o for o in open_matches if match.inside(o)]
        open_matches.append(match)
        swallowing = {"person"} | match.kinds | _event_kinds(match.kinds)
        if not any(parent.kinds & swallowing for parent in match.parents):
            kept.append(match)
    return kept


def _outside_filers_name(matches: list[_Match], filers: set[int]) -> list[_Match]:
    """Drop the places inside the name of the agency that filed the report: `told Agence
    France Presse` in AFP's copy names its source, not France. Another agency's name
    still counts (`The Saudi Press Agency said …` is about Saudi Arabia)."""
    if not filers:
        return matches

    def filer(match: _Match) -> bool:
        return any(t.kind == "organization" and t.key in filers for t in match.targets)

    return [
        m
        for m in matches
        if not (m.kinds & {"country", "city"} and any(filer(parent) for parent in m.parents))
    ]


def _event_kinds(kinds: frozenset[str]) -> set[str]:
    return {"event", "event_name", "series"} if kinds & {"event", "event_name", "series"} else set()


class _Collector:
    """Turn matches into suggestions, resolving cities and event editions."""

    def __init__(self, text: str, registry: Snapshot, report_date: datetime.date | None) -> None:
        self.text, self.registry, self.report_date = text, registry, report_date
        self.found: dict[str, dict] = {
            k: {} for k in ("country", "organization", "person", "event")
        }
        self.city_matches: list[tuple[_Match, list[int]]] = []
        self.matches: list[_Match] = []  # in text order
        self.lower_case_words: set[str] | None = None
        self.printed_in_lower_case: dict[str, bool] = {}
        self.match_starts: list[int] = []

    def suggestion(self, kind: str, key: int | str) -> Suggestion:
        bucket = self.found[kind]
        if key not in bucket:
            name = self.registry.names.get((kind, key))
            bucket[key] = Suggestion(kind, key, str(key) if name is None else name)
        return bucket[key]

    def country(self, code: str, span: tuple[int, int] | None, reason: str) -> None:
        self.suggestion("country", code).add(span, reason)

    def add(self, match: _Match) -> None:
        self.matches.append(match)
        printed = self.text[match.start : match.end]
        cities = [cast(int, t.key) for t in match.targets if t.kind == "city"]
        if "country" in match.kinds:
            cities = []  # 'Armenia' the country, not the Colombian city
        if cities:
            self.city_matches.append((match, cities))
        for target in match.targets:
            if target.kind == "country":
                if target.reason == "alias" and not self.credible_ordinary(match):
                    continue  # 'Kunashiri Island' is not Iceland ('Island')
                if target.reason == "demonym" and self.a_surname(match, printed):
                    continue  # 'Михаил Турецкий' is a man, not Turkey
                if target.reason == "demonym" and self.of_a_region(match):
                    continue  # 'Latin American' is not the United States
                if target.reason == "demonym" and self.qualifies_a_people(match, target.key):
                    continue  # 'Greek Cypriot' is a Cypriot, no sign of Greece
                self.country(cast(str, target.key), match.span, f'{target.reason} "{printed}"')
            elif target.kind in ("organization", "person", "event"):
                if target.kind == "organization" and self.inside_a_quoted_name(match):
                    continue  # 'предприятие «Нури Ховар»' is not the agency Khovar
                if printed == "WHO" and WHO_ASKING.match(self.text, match.start):
                    continue  # 'WHO WILL LEAD THE PARTY?' is no word of the WHO
                if target.kind == "person" and self.a_namesake(match, printed, target):
                    continue  # 'Stepan Kocharyan' is not Robert Kocharyan ('Kocharyan')
                self.suggestion(target.kind, target.key).add(
                    match.span, f'{target.reason} "{printed}"'
                )
            elif target.kind in ("event_name", "series"):
                self.add_edition(target, match, printed)

    def add_edition(self, target: Target, match: _Match, printed: str) -> None:
        event_id = self.nearest_edition(self.registry.event_groups.get(cast(str, target.key), []))
        if event_id is not None:
            year = self.registry.event_dates[event_id].year
            reason = f'{target.reason} "{printed}", the {year} edition'
            self.suggestion("event", event_id).add(match.span, reason)

    def nearest_edition(self, event_ids: list[int]) -> int | None:
        """Pick the edition in the report's year, else the one nearest in time."""
        if not event_ids:
            return None
        dates = self.registry.event_dates
        day = self.report_date or datetime.date.today()
        return min(event_ids, key=lambda e: (dates[e].year != day.year, abs((dates[e] - day).days)))

    def add_surname_mentions(self, matches: list[_Match]) -> None:
        """Count a later surname-only mention ('Ismayilov said') as the person named before."""
        taken = SpanIndex(m.span for m in matches)
        owners: dict[str, list[tuple[Suggestion, int]]] = {}
        for person_id, suggestion in self.found["person"].items():
            first_end = min(end for _, end in suggestion.spans)
            for surname in self.registry.person_surnames.get(person_id, []):
                owners.setdefault(surname, []).append((suggestion, first_end))
        for start, end in self.words_among(owners):
            if taken.covers((start, end)):
                continue
            word = self.text[start:end]
            for suggestion, first_end in owners[word]:
                if start >= first_end:
                    suggestion.add((start, end), f'surname "{word}" after the full name')

    def finish(self) -> TagResult:
        self.resolve_cities()
        result = TagResult()
        for kind, attribute in FIELD_FOR_KIND.items():
            suggestions = sorted(
                self.found[kind].values(), key=lambda s: s.spans[0] if s.spans else (0, 0)
            )
            setattr(result, attribute, suggestions)
        return result

    def resolve_cities(self) -> None:
        """Tag the country of each credible city mention, preferring countries already named."""
        named = set(self.found["country"])
        info = self.registry.city_info
        for match, city_ids in self.city_matches:
            if not self.credible_city(match, city_ids):
                continue
            printed = fold(self.text[match.start : match.end])
            city_id = max(city_ids, key=lambda c: self.city_rank(c, printed, named))
            name, code, _population = info[city_id]
            country_name = self.registry.country_names.get(code, code)
            self.country(code, match.span, f'city "{name}" is in {country_name}')

    def city_rank(self, city_id: int, printed: str, named: set[str]) -> tuple[bool, bool, int]:
        """Rank the cities a name may mean: in a country the text names; a large city of
        this very name before another's old name (Islamabad, not Chittagong); larger."""
        name, code, population = self.registry.city_info[city_id]
        own = population >= OWN_NAME_CITY_POPULATION and fold(name) == printed
        return code in named, own, population

    def credible_city(self, match: _Match, city_ids: list[int]) -> bool:
        """A city name is trusted unless it starts a sentence or is part of a longer name."""
        info = self.registry.city_info
        population = max(info[c][2] for c in city_ids)
        homes = {info[c][1] for c in city_ids}
        for other in match.parents:
            if other.kinds - {"city", "country"}:
                # Inside a registered name: 'Shusha Global Media Forum' (held in Azerbaijan)
                # speaks for Azerbaijan; 'Commonwealth of Independent States' not for the
                # Philippine city of Commonwealth.
                return any(
                    homes & self.registry.homes.get((t.kind, t.key), set()) for t in other.targets
                )
        before = self.text[max(0, match.start - 12) : match.start]
        at_start = match.start <= 12 and not self.text[: match.start].strip()
        if (at_start or SENTENCE_START.search(before)) and population < MAJOR_CITY:
            return False
        if self.next_to_capitalized(match) or self.names_an_accord(match):
            return False
        if ARABIC_SURNAME_BEFORE.search(self.text, max(0, match.start - 30), match.start):
            return False
        return self.looks_like_a_place(match, population)

    def names_an_accord(self, match: _Match) -> bool:
        """'the Minsk agreements', 'the Shanghai spirit' (not 'in Tehran agreements were
        signed': there the city is where)."""
        if not ACCORD_AFTER.match(self.text, match.end):
            return False
        before = self.text[max(0, match.start - 24) : match.start]
        return not STRONG_PLACE_BEFORE.search(before)

    def looks_like_a_place(self, match: _Match, population: int) -> bool:
        """A city name that is also a word or a name counts only where a place is meant.

        An ordinary word ('Reading', 'Nice', 'Independence', or any word the text also
        prints in lower case) needs 'in', 'at', 'from' or a country after it; a name people
        bear ('Mary', 'Hamilton') or a smaller city needs at least a preposition.
        """
        printed = self.text[match.start : match.end]
        word = printed.lower()
        before = self.text[max(0, match.start - 24) : match.start]
        named_country = self.country_follows(match.end)
        if self.ordinary(word):
            return named_country or bool(STRONG_PLACE_BEFORE.search(before))
        if word in NAME_LIKE or population < MAJOR_CITY // 2:
            return (
                named_country
                or bool(PLACE_BEFORE.search(before) or PLACE_AFTER.match(self.text, match.end))
                or (word not in NAME_LIKE and bool(ACTION_ON_PLACE_BEFORE.search(before)))
                or self.listed_with_places(match)
            )
        return True

    def words_among(self, wanted: Collection[str]) -> list[tuple[int, int]]:
        """Return the spans of the text's words (as WORD reads them) that are `wanted`."""
        if len(wanted) * len(self.text) <= FIND_LIMIT:
            return sorted(span for word in wanted for span in _whole_words(self.text, word))
        return [hit.span() for hit in WORD.finditer(self.text) if hit.group(0) in wanted]

    def ordinary(self, word: str) -> bool:
        """Whether a name is an ordinary word here: listed, or printed in lower case too."""
        if word in ORDINARY_WORDS:
            return True
        if len(self.text) > FIND_LIMIT:  # a long paste: its words are read once
            if self.lower_case_words is None:
                self.lower_case_words = {w for w in WORD.findall(self.text) if w[0].islower()}
            return word in self.lower_case_words
        if word not in self.printed_in_lower_case:
            found = word[:1].islower() and bool(self.words_among([word]))
            self.printed_in_lower_case[word] = found
        return self.printed_in_lower_case[word]

    def credible_ordinary(self, match: _Match) -> bool:
        """A country alias that is an ordinary word counts unless it ends a longer name;
        one that is a short word ('US') counts unless its line is all capitals."""
        word = self.text[match.start : match.end].lower()
        if word in SHORT_WORDS:
            return not self.in_a_capitals_line(match)
        ordinary = len(word) >= 4 and self.ordinary(word)  # not 'US' for 'us'
        return not (ordinary and self.next_to_capitalized(match))

    def in_a_capitals_line(self, match: _Match) -> bool:
        """Whether the match's line is printed all in capitals."""
        line_start = self.text.rfind("\n", 0, match.start) + 1
        line_end = self.text.find("\n", match.end)
        line = self.text[line_start : line_end if line_end >= 0 else len(self.text)]
        return line == line.upper()

    def inside_a_quoted_name(self, match: _Match) -> bool:
        """Whether the match is part of a longer name in quotes ('«Нури Ховар»', '"Нури
        Ховар"': a company), not the whole of it ('агентство «Ховар»') nor a word of a
        quoted statement (more than five words)."""
        before = self.text[max(0, match.start - QUOTED_NAME) : match.start]
        after = self.text[match.end : match.end + QUOTED_NAME]
        for opening, closing in QUOTES:
            head, tail = before.rpartition(opening)[2], after.partition(closing)
            if opening not in before or not tail[1] or closing in head or "\n" in head:
                continue
            name = f"{head}{self.text[match.start : match.end]}{tail[0]}"
            return name.strip() != self.text[match.start : match.end] and len(name.split()) <= 5
        return False

    def a_namesake(self, match: _Match, printed: str, target: Target) -> bool:
        """A surname the registry knows alone, after another first name inside a sentence
        (`editor: Stepan Kocharyan`): a namesake. A title (`President Kocharyan`), a word
        opening the sentence (`Yesterday Kocharyan said`) or the person's own first name
        however spelt (`Mohammadjavad Zarif`) does not make one."""
        if " " in printed:
            return False
        before = self.text[max(0, match.start - 40) : match.start]
        previous = WORD_BEFORE.search(before)
        word = previous.group(1) if previous else ""
        if not word or not word[0].isupper() or word[1:2].isupper():
            return False
        opening = before[: previous.start()].rstrip() if previous else ""
        if not opening or opening[-1] in '.!?"“«\n':
            return False
        lower = word.lower()
        if lower in TITLES or lower in FUNCTION_WORDS or lower in COMMON_WORDS:
            return False
        name = self.registry.names.get(("person", target.key), "")
        given = [fold(part)[:4] for part in name.split()[:-1]]
        return fold(word)[:4] not in given

    def of_a_region(self, match: _Match) -> bool:
        """'Latin American', 'Pan-American', also wrapped over two lines (a few characters
        before the match are read, never the whole text before it)."""
        start = max(0, match.start - REGION_WORD)
        return _OF_A_REGION.search(self.text, start, match.start) is not None

    def qualifies_a_people(self, match: _Match, code: int | str) -> bool:
        """A demonym before another country's, a space between: 'Greek Cypriot', 'Turkish
        Cypriots' (a hyphen joins two countries instead: 'Russian-Ukrainian talks')."""
        word = NEXT_WORD.match(self.text, match.end)
        automaton = self.registry.automaton
        if word is None or automaton is None:
            return False
        found = automaton.get(fold(word.group(1)), None)
        return found is not None and any(
            t.kind == "country" and t.reason == "demonym" and t.key != code for t in found[1]
        )

    def a_surname(self, match: _Match, printed: str) -> bool:
        """A Russian adjective capitalised after a capitalised word is a surname."""
        return printed[0].isupper() and is_cyrillic(printed) and self.next_to_capitalized(match)

    def country_follows(self, end: int) -> bool:
        """'Mary, Turkmenistan', 'Hamilton, Canada'."""
        after = COUNTRY_AFTER.match(self.text[end : end + 44])
        return bool(after and self.registry.country_code(after.group(1)))

    def listed_with_places(self, match: _Match) -> bool:
        """'Samarkand and Bukhara', 'Baku, Ganja and Shusha': a list that other places share."""
        if len(self.match_starts) != len(self.matches):
            self.match_starts = [m.start for m in self.matches]
        low = bisect_left(self.match_starts, match.start - 40)
        high = bisect_right(self.match_starts, match.end + 40)
        for other in self.matches[low:high]:
            if other is match or not other.kinds & {"city", "country"}:
                continue
            first, second = sorted([(match.start, match.end), (other.start, other.end)])
            if LIST_GAP.fullmatch(self.text[first[1] : second[0]]):
                return True
        return False

    def next_to_capitalized(self, match: _Match) -> bool:
        """Whether a capitalised word joins the mention ('Mary Whitcombe', 'Commonwealth of
        Independent States'): then it is part of a longer name, not the city."""
        after = NAME_CONTINUES.match(self.text, match.end)
        if after:
            return True
        previous = WORD_BEFORE.search(self.text[max(0, match.start - 30) : match.start])
        word = previous.group(1) if previous else ""
        return bool(word) and word[0].isupper() and word.lower() not in FUNCTION_WORDS
