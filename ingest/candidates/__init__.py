"""Names in a text that look like organizations or people but are not in the registry.

Agency copy introduces a new name with a title or a role ('Foreign Minister Jeyhun
Bayramov', 'пресс-секретарь президента Дмитрий Песков'), names a body by its head word
('Defense Ministry', 'Council of Europe', 'Министерство иностранных дел'), a newspaper in
quotes after the word 'newspaper', a photographer in a credit. The rules cut the
text into runs of capitalised words, give each word a class (title, place, head of a
body's name, ordinary word, name, …), cut titles and places off people, and keep what an
editor would want to create: a short list, most mentioned first. The tagger passes the
registry's matches in, so places are known and registered names are not offered again.

The modules: `words` (the word lists), `context` (the text the rules read), `runs`
(word classes and runs of capitalised words), `people`, `bodies` (organizations named by
a head word, acronyms, brands), `surroundings` (names known by the words around them)
and `merge` (one candidate per name).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace

from ingest.candidates.arabic import arabic_script_names
from ingest.candidates.bodies import (
    lower_case_ministries,
    names_un_body,
    organizations_in,
    single_word_bodies,
)
from ingest.candidates.cjk import cjk_bodies, cjk_people
from ingest.candidates.context import Candidate, Context, Found, Token, build_context
from ingest.candidates.merge import drop_inside_longer, is_registered, merge_mentions, rank
from ingest.candidates.people import byline_people, name_sequences, names_landmark, person_at
from ingest.candidates.runs import capitalised_runs, ordinary_opener, read_tokens, split_and, trim
from ingest.candidates.surroundings import (
    affiliations,
    credited_names,
    named_by_context,
    quoted_names,
    staff_credits,
    web_addresses,
)
from ingest.candidates.words import CONNECTORS, FOREIGN_OPENERS, FUNCTION_WORDS

__all__ = ["LIMIT", "Candidate", "find_candidates"]

LIMIT = 15
# Words after a person's name that end a body's name before it ('… Kuchava at the …').
PLACE_PREPOSITIONS = frozenset({"at", "in", "on", "to"})
# A run without one of these words names no one and no body (see `_from_run`): most runs
# of agency copy are registered names and places only.
NAMING = frozenset({"name", "initial", "city", "org", "acronym"})


def find_candidates(
    text: str,
    mentions: Iterable[tuple[int, int, str]] = (),
    *,
    byline: str = "",
    byline_mentions: Iterable[tuple[int, int, str]] = (),
    limit: int = LIMIT,
) -> list[Candidate]:
    """Return unregistered organization- and person-like names, most mentioned first.

    `mentions` are the registry's matches in text as (start, end, kind): kind 'country'
    (names and demonyms) and 'city' mark places; any other kind is a registered name.
    `byline` is the writer's line the parser took out of the text ('Aynur Ekiz'), and
    `byline_mentions` the registry's matches in it (places, agencies: no writers).
    """
    context = build_context(text, mentions)
    found = _spelled_out([f for f in _find_all(context) if not is_registered(f, context)], text)
    found += [f for f in affiliations(found, context) if not is_registered(f, context)]
    found += byline_people(byline, len(text), byline_mentions)
    return rank(merge_mentions(drop_inside_longer(found), context), limit)


BRACKETED_ACRONYM = re.compile(r" \(([A-Z][A-Z0-9&-]{1,9})\)")
INITIAL_WORD = re.compile(r"[^\W\d_]+")


def _spelled_out(found: list[Found], text: str) -> list[Found]:
    """An acronym a body's name spells out, in brackets after it or by its initials, is that
    body's wherever the text prints it: 'Anti-Corruption Agency (ACA) … the ACA', 'Liberal
    Democratic Party … the LDP' make one candidate each."""
    bodies = [f for f in found if f.kind == "organization" and " " in f.text]
    named: dict[str, Found] = {}
    for body in bodies:  # a definition in brackets first: 'Nigerian Ports Authority (NPA)'
        if bracketed := BRACKETED_ACRONYM.match(text, body.end):
            named.setdefault(bracketed.group(1), body)
    for body in bodies:
        words = [w for w in INITIAL_WORD.findall(body.text) if w.lower() not in CONNECTORS]
        if len(words) >= 2:
            named.setdefault("".join(w[0] for w in words).upper(), body)
    return [
        replace(f, text=named[f.text].text, organization_kind=named[f.text].organization_kind)
        if f.kind == "organization" and f.text in named and f.text.isupper()
        else f
        for f in found
    ]


def _find_all(context: Context) -> Iterator[Found]:
    tokens = read_tokens(context)
    for run in capitalised_runs(tokens, context.text):
        naming = any(token.cls in NAMING for token in run) or names_un_body(run)
        if naming and not context.capitals.covering(run[0].start, run[0].start):
            yield from _from_run(run, context)
    yield from quoted_names(context)
    yield from credited_names(context)
    yield from staff_credits(context)
    yield from cjk_people(context)
    yield from cjk_bodies(context)
    yield from arabic_script_names(context)
    yield from lower_case_ministries(tokens, context)
    yield from named_by_context(tokens, context)
    yield from single_word_bodies(tokens, context)
    yield from web_addresses(context)


def _opener_word(token: Token) -> bool:
    """A function word opening the sentence: English ones, and other languages' unless
    printed in capitals ('Nach Angaben …', but 'UN Security Council', 'AU Commission')."""
    if token.lower in FUNCTION_WORDS:
        return True
    return token.lower in FOREIGN_OPENERS and not token.text.isupper()


def _from_run(run: list[Token], context: Context) -> Iterator[Found]:
    """The people and the body a run of capitalised words names."""
    run = trim(run)
    while run and run[0].opener and (_opener_word(run[0]) or ordinary_opener(run[0].lower)):
        run = trim(run[1:])
    for part in split_and(run) if run else []:
        bodies = [part]
        if not context.quoted.covering(part[0].start, part[-1].end):
            for start, end in name_sequences(part):
                if names_landmark(part, start, end):
                    bodies = [part[:start]]  # 'Orman Bölge Müdürlüğü' before a mosque's name
                    continue
                person = person_at(part, start, end, context)
                if person is not None:
                    yield person
                    if end == len(part):
                        bodies = [[t for t in part if t.end <= person.start]]
                    elif part[end].lower in PLACE_PREPOSITIONS:
                        # 'Speaker Kakha Kuchava at the Fifth Conference of …': two phrases
                        bodies = [part[:start], part[end + 1 :]]
        for body in bodies:
            if body:
                yield from organizations_in(body, context)
