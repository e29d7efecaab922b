"""The shipped registry: news agencies, international bodies and people, from data files.

The facts live in `organizations/data/*.json` (their sources are in the README there).
`load_registry()` adds them without undoing an editor's work:

* each entry is looked up by slug, then by name or alias; a record is created only when
  neither finds one;
* fields are written only when the loader creates a record, or fills blanks the first time
  it adopts one; a name, description, country or website an editor changed stays;
* aliases and signing forms the data files gain later are appended; each is given once, so
  one an editor deleted is not given back;
* a record an editor deleted stays deleted: its `RegistrySeed` row remembers it.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, cast

from django.db import transaction

from newsroom.fields import clean_names
from organizations.models import Organization, OrganizationKind, Person, RegistrySeed

DATA = Path(__file__).resolve().parent / "data"
SECTIONS = {
    "agency": "News agencies",
    "distributor": "Distributors",
    "body": "International bodies",
    "person": "People",
}
KINDS = {
    "agency": OrganizationKind.NEWS_AGENCY,
    "distributor": OrganizationKind.COMPANY,
    "body": OrganizationKind.INTERGOVERNMENTAL,
}
# Fields the loader fills on a record it adopts, where the editor left them blank.
BLANKS = {
    Organization: ("short_name", "country_id", "website", "description", "languages", "signs",
                   "other_sites", "founded_year", "closed_year"),
    Person: ("country_id", "description", "born_year", "died_year"),
}  # fmt: skip
LISTS = ("aliases", "signs")  # appended on reruns, each item given once


def bare_sign(sign: str) -> str:
    """Return a signing form without its wrapping: '(Reuters)' → 'Reuters', '/TASS/' → 'TASS'."""
    text = " ".join(sign.split())
    for opening, closing in (("(", ")"), ("/", "/")):
        if len(text) > 2 and text.startswith(opening) and text.endswith(closing):
            text = text[1:-1].strip()
    return text


@dataclass(frozen=True)
class OrganizationFact:
    """One agency, distributor or international body as the data files describe it."""

    slug: str
    name: str
    short_name: str
    country: str  # ISO 3166-1 alpha-2; empty for bodies that belong to no country
    aliases: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()  # BCP 47
    website: str = ""
    signs: tuple[str, ...] = ()  # exactly as printed in copy: '/TASS/', '(AA)', 'REPORT.AZ'
    description: str = ""
    founded_year: int | None = None
    closed_year: int | None = None
    parent: str = ""  # slug of the parent entry in the same section
    other_sites: tuple[str, ...] = ()
    # Signing forms that are also ordinary words or names ('Turan', 'Fars'): an agency only
    # in a sign-off or attribution, so they are not registered as aliases to find anywhere.
    context_only: tuple[str, ...] = ()
    latin_in_russian: bool = False  # its Russian copy signs with the Latin brand (Kun.uz)
    kind: str = OrganizationKind.NEWS_AGENCY

    @property
    def registry_aliases(self) -> list[str]:
        """Return the record's aliases: bare signing forms, then other names.

        Case matters to the agency finder ('ARMENPRESS' beside 'Armenpress'), so a form is
        left out only when it is exactly the name or short name.
        """
        own = {self.name, self.short_name, *self.context_only}
        forms = [*(bare_sign(s) for s in self.signs), *self.aliases]
        return [f for f in clean_names(forms) if f not in own]

    def record_fields(self) -> dict[str, Any]:
        """Return the fields of a new record made from this entry."""
        return {
            "name": self.name,
            "short_name": self.short_name,
            "kind": self.kind,
            "country_id": self.country or None,
            "aliases": self.registry_aliases,
            "signs": list(self.signs),
            "languages": list(self.languages),
            "website": self.website,
            "other_sites": list(self.other_sites),
            "description": self.description,
            "founded_year": self.founded_year,
            "closed_year": self.closed_year,
        }


@dataclass(frozen=True)
class PersonFact:
    """One person as the people file describes them."""

    slug: str
    name: str
    country: str
    description: str
    aliases: tuple[str, ...] = ()
    born_year: int | None = None
    died_year: int | None = None

    @property
    def registry_aliases(self) -> list[str]:
        """Return the aliases without the name itself."""
        return [a for a in clean_names(self.aliases) if a.casefold() != self.name.casefold()]

    def record_fields(self) -> dict[str, Any]:
        """Return the fields of a new record made from this entry."""
        return {
            "name": self.name,
            "country_id": self.country or None,
            "description": self.description,
            "aliases": self.registry_aliases,
            "born_year": self.born_year,
            "died_year": self.died_year,
        }


Fact = OrganizationFact | PersonFact
Record = Organization | Person


def _read(filename: str) -> dict[str, Any]:
    return json.loads((DATA / filename).read_text(encoding="utf-8"))


def read_organizations(filename: str, section: str, kind: str) -> tuple[OrganizationFact, ...]:
    """Return the entries of one section of an organizations data file."""
    tuples = ("aliases", "languages", "signs", "other_sites", "context_only")
    facts = []
    for entry in _read(filename)[section]:
        lists = {name: tuple(entry.get(name, ())) for name in tuples}
        facts.append(OrganizationFact(**{"country": "", **entry, **lists, "kind": kind}))
    return tuple(facts)


def read_people() -> tuple[PersonFact, ...]:
    """Return the entries of the people data file."""
    return tuple(
        PersonFact(**{**entry, "aliases": tuple(entry.get("aliases", ()))})
        for entry in _read("people.json")["people"]
    )


AGENCIES = read_organizations("agencies.json", "agencies", OrganizationKind.NEWS_AGENCY)
DISTRIBUTORS = read_organizations("agencies.json", "distributors", OrganizationKind.COMPANY)
BODIES = read_organizations(
    "international_bodies.json", "bodies", OrganizationKind.INTERGOVERNMENTAL
)
PEOPLE = read_people()


@dataclass
class LoadResult:
    """What one run did, counted per section ('agency', 'body', 'person', …)."""

    created: Counter[str] = field(default_factory=Counter)
    adopted: Counter[str] = field(default_factory=Counter)  # existing records taken on
    extended: Counter[str] = field(default_factory=Counter)  # given new aliases or signs
    kept_deleted: Counter[str] = field(default_factory=Counter)

    def summary(self) -> str:
        """Describe the run in one line per section."""
        return "\n".join(
            f"{label}: {self.created[section]} added, {self.adopted[section]} matched to "
            f"existing records, {self.extended[section]} given new names, "
            f"{self.kept_deleted[section]} left deleted by editors"
            for section, label in SECTIONS.items()
        )


@transaction.atomic
def load_registry() -> LoadResult:
    """Add the shipped agencies, distributors, international bodies and people."""
    result = LoadResult()
    _Loader("agency", Organization, result).load(AGENCIES)
    _Loader("distributor", Organization, result).load(DISTRIBUTORS)
    _Loader("body", Organization, result).load(BODIES)
    _Loader("person", Person, result).load(PEOPLE)
    return result


@transaction.atomic
def load_agencies() -> tuple[int, int]:
    """Add the shipped news agencies only; return (added, existing ones given names)."""
    result = LoadResult()
    _Loader("agency", Organization, result).load(AGENCIES)
    return result.created["agency"], result.adopted["agency"] + result.extended["agency"]


class _Loader:
    """Load the entries of one section, remembering each in a `RegistrySeed` row."""

    def __init__(self, section: str, model: type[Record], result: LoadResult) -> None:
        self.section, self.model, self.result = section, model, result
        self.target = "organization" if model is Organization else "person"
        seeds = RegistrySeed.objects.filter(key__startswith=f"{section}:")
        self.seeds = {seed.key: seed for seed in seeds.select_related(self.target)}
        linked = RegistrySeed.objects.filter(**{f"{self.target}__isnull": False})
        self.claimed = set(linked.values_list(f"{self.target}_id", flat=True))
        self.new_seeds: list[RegistrySeed] = []  # saved together at the end
        self.fresh: set[str] = set()  # keys first loaded in this run

    def load(self, facts: tuple[Fact, ...]) -> None:
        for fact in facts:
            key = f"{self.section}:{fact.slug}"
            seed = self.seeds.get(key)
            if seed is None:
                self.seeds[key] = self.first_load(key, fact)
            elif getattr(seed, self.target) is None:
                self.result.kept_deleted[self.section] += 1
            else:
                self.reload(fact, seed)
        RegistrySeed.objects.bulk_create(self.new_seeds)
        if self.model is Organization:
            self.link_parents(facts)

    def first_load(self, key: str, fact: Fact) -> RegistrySeed:
        record = self.find(fact)
        if record is None:
            slug = "" if fact.slug in self.by_slug else fact.slug  # "": made from the name
            record = self.model.objects.create(slug=slug, **fact.record_fields())
            self.by_slug[record.slug] = record
            self.result.created[self.section] += 1
        else:
            record = self.model.objects.get(pk=record.pk)
            self.adopt(record, fact)
        self.claimed.add(record.pk)
        self.fresh.add(key)
        given = {name: _given(fact, name) for name in LISTS}
        seed = RegistrySeed(key=key, given=given, **{self.target: record})
        self.new_seeds.append(seed)
        return seed

    def adopt(self, record: Record, fact: Fact) -> None:
        """Take on a record that was there before: fill its blanks, add missing names."""
        new = fact.record_fields()
        for name in BLANKS[self.model]:
            if not getattr(record, name) and new.get(name):
                setattr(record, name, new[name])
        for name in LISTS:
            if hasattr(record, name):
                setattr(record, name, _appended(record, name, _given(fact, name)))
        record.save()
        self.result.adopted[self.section] += 1

    def reload(self, fact: Fact, seed: RegistrySeed) -> None:
        """Append only the aliases and signing forms the data files gained since last time."""
        record, gained, changed = getattr(seed, self.target), False, []
        for name in LISTS:
            given = seed.given.get(name, [])
            new = [item for item in _given(fact, name) if item not in given]
            if not new:
                continue
            gained, seed.given[name] = True, [*given, *new]
            items = _appended(record, name, new)
            if items != getattr(record, name):
                setattr(record, name, items)
                changed.append(name)
        if changed:
            record.save(update_fields=[*changed, "updated_at"])
            self.result.extended[self.section] += 1
        if gained:
            seed.save(update_fields=["given", "loaded_at"])

    def find(self, fact: Fact) -> Record | None:
        """Return the unclaimed record with the entry's slug, else with its name or alias."""
        record = self.by_slug.get(fact.slug)
        if record is not None and record.pk not in self.claimed:
            return record
        for name in _matching_names(fact):
            for candidate in self.by_name.get(name.casefold(), []):
                if candidate.pk not in self.claimed and _same_country(candidate, fact):
                    return candidate
        return None

    @cached_property
    def by_slug(self) -> dict[str, Record]:
        """Index every record of the model by slug (the fields `find` needs only)."""
        fields = ["id", "slug", "name", "aliases", "country_id"]
        if self.model is Organization:
            fields.append("kind")
        return {row.slug: row for row in self.model.objects.only(*fields)}

    @cached_property
    def by_name(self) -> dict[str, list[Record]]:
        """Index the records that could be this section's by their names and aliases."""
        index: dict[str, list[Record]] = {}
        for row in self.by_slug.values():
            if self.model is Organization and cast(Organization, row).kind != KINDS[self.section]:
                continue
            for name in [row.name, *row.aliases]:
                index.setdefault(name.casefold(), []).append(row)
        return index

    def link_parents(self, facts: tuple[Fact, ...]) -> None:
        """Point the records first loaded in this run at their parent entry's record."""
        for fact in facts:
            seed = self.seeds[f"{self.section}:{fact.slug}"]
            parent = self.seeds.get(f"{self.section}:{getattr(fact, 'parent', '')}")
            record = seed.organization
            if seed.key not in self.fresh or record is None or record.parent_id:
                continue
            if parent is not None and parent.organization is not None:
                record.parent = parent.organization
                record.save(update_fields=["parent", "updated_at"])


def _given(fact: Fact, name: str) -> list[str]:
    """Return what the entry gives a list field: its aliases, or its signing forms."""
    return fact.registry_aliases if name == "aliases" else list(getattr(fact, name, ()))


def _matching_names(fact: Fact) -> list[str]:
    """Names specific enough to recognise a record by: not acronyms, not bare surnames."""
    names = [fact.name, *fact.aliases]
    return [n for n in names if len(n) > 4 and (isinstance(fact, OrganizationFact) or " " in n)]


def _same_country(record: Record, fact: Fact) -> bool:
    return not record.country_id or not fact.country or record.country_id == fact.country


def _appended(record: Record, name: str, items: list[str]) -> list[str]:
    """Return the record's list field with the new items appended, leaving out its names."""
    current = getattr(record, name)
    if name == "signs":  # exactly as printed: case variants are different forms
        return list(dict.fromkeys([*current, *items]))
    merged = clean_names([*current, *items])
    if isinstance(record, Person):
        return [a for a in merged if a.casefold() != record.name.casefold()]
    return [a for a in merged if a not in (record.name, record.short_name)]
