"""One candidate per name, most mentioned first."""

from __future__ import annotations

from ingest import russian
from ingest.candidates.context import Candidate, Context, Found, Spans


def is_registered(found: Found, context: Context) -> bool:
    """Whether the registry knows this name: a person it names, or most of a body's name."""
    overlap = context.registered.overlaps(found.start, found.end)
    return overlap > 0 and (found.kind == "person" or overlap * 2 >= found.end - found.start)


def drop_inside_longer(found: list[Found]) -> list[Found]:
    """'AIR' inside 'AIR Center', 'Parliament' inside 'Iranian Parliament': keep the longer."""
    bodies = Spans(
        [(f.start, f.end, "b") for f in found if f.kind == "organization" and " " in f.text]
    )
    return [
        f
        for f in found
        if f.kind != "organization" or " " in f.text or not bodies.covering(f.start, f.end)
    ]


def merge_mentions(found: list[Found], context: Context) -> list[Candidate]:
    """One candidate per name; a later surname or title mention counts for the full name."""
    candidates: dict[tuple[str, str], Candidate] = {}
    seen: set[tuple[int, int, str]] = set()
    for item in sorted(found, key=lambda f: (f.start, -(f.end - f.start))):
        text = " ".join(item.text.split())
        if (item.start, item.end, item.kind) in seen:
            continue
        seen.add((item.start, item.end, item.kind))
        key = (item.kind, text.casefold())
        if key in candidates:
            candidates[key].count += 1
        else:
            candidates[key] = Candidate(
                text, item.kind, 1, item.start, item.end, item.organization_kind
            )
    by_surname: dict[str, Candidate] = {}
    for person in candidates.values():
        if person.kind == "person" and " " in person.text:
            by_surname.setdefault(person.text.split()[-1], person)
    for key, short in list(candidates.items()):
        if short.kind == "person" and short.text in by_surname:
            by_surname[short.text].count += short.count
            del candidates[key]
    for person in [c for c in candidates.values() if c.kind == "person" and " " in c.text]:
        person.count += _surname_mentions(person, context)
    return _drop_nested(list(candidates.values()))


def _surname_mentions(person: Candidate, context: Context) -> int:
    surname = person.text.split()[-1]
    if len(surname) < 4 or russian.is_cyrillic(surname):
        return 0
    return context.mentions_after(surname, person.end - 1)


def _drop_nested(candidates: list[Candidate]) -> list[Candidate]:
    """Keep 'Seyed Ali Khamenei', not also 'Ali Khamenei' (but 'Vali Aliyev' and 'Ali Aliyev')."""
    inside: set[str] = set()
    for candidate in candidates:
        words = candidate.text.casefold().split()
        if candidate.kind == "person":
            inside |= {
                " ".join(words[i:j])
                for i in range(len(words))
                for j in range(i + 1, len(words) + 1)
                if j - i < len(words)
            }
    return [c for c in candidates if c.kind != "person" or c.text.casefold() not in inside]


def rank(candidates: list[Candidate], limit: int) -> list[Candidate]:
    """Keep the limit most mentioned, the first printed first among equals."""
    return sorted(candidates, key=lambda c: (-c.count, c.start))[:limit]
