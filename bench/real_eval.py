"""Measure the wire desk on real agency layouts (bench/eval-real/), apart from bench/eval.

    python bench/real_eval.py [-v] [--only 1,3] [--fresh]

Each case keeps a real report's opening character for character (see
bench/eval-real/README.md). Prints accuracy for dateline city, country and date and for
the filing agency (compared by the agency's web address, so `TASS` signing `tass.com` or
`tass.ru` is one agency), country-tag precision, recall and F1, and how many of the
people and organizations the text names are found, as a registry tag or as a candidate.
The shipped registries (`load_registry`) are the only ones loaded: no case-specific
entries.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import re
import sys
import time
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
from tagging_eval import print_misses, scores  # noqa: E402

ROOT = BENCH.parent
SET = BENCH / "eval-real"
TARGETS = {"dateline city": 0.95, "dateline country": 0.95, "dateline date": 0.95, "agency": 0.95}
COUNTRY_F1_TARGET = 0.95
NAMES_TARGET = 0.90


def setup(fresh: bool) -> None:
    """Use (or build) a scratch SQLite database with the gazetteer and the registries."""
    sys.path.insert(0, str(ROOT))
    database = ROOT / ".bench" / "real-eval.sqlite3"
    database.parent.mkdir(exist_ok=True)
    if fresh and database.exists():
        database.unlink()
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{database}")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    import django

    django.setup()
    from django.core.management import call_command, get_commands

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    from places.models import City

    if not City.objects.exists():
        call_command("load_gazetteer", verbosity=0)
    call_command("load_registry" if "load_registry" in get_commands() else "load_agencies")
    print(f"set-up in {time.perf_counter() - started:.1f} s")


def load_cases(only: set[str]) -> list[dict]:
    cases = []
    for path in sorted(SET.glob("expected-*.json")):
        part = path.stem.removeprefix("expected-")
        if only and part not in only:
            continue
        cases += json.loads(path.read_text())["cases"]
    return cases


def domain(url: str) -> str:
    host = re.sub(r"^[a-z]+://", "", (url or "").strip().lower()).split("/")[0]
    return host.removeprefix("www.")


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w\s]", " ", text).split())


def agency_domains() -> dict[str, set[str]]:
    """Registry agency name → the web addresses it publishes under."""
    from organizations.models import Organization, OrganizationKind

    found: dict[str, set[str]] = {}
    for org in Organization.objects.filter(kind=OrganizationKind.NEWS_AGENCY):
        sites = {domain(org.website)} if org.website else set()
        sites |= {domain(s) for s in getattr(org, "other_sites", None) or []}
        found[org.name] = {s for s in sites if s}
    return found


def same_agency(found: str | None, label: str | None, domains: dict[str, set[str]]) -> bool:
    if not found or not label:
        return not found and not label
    # One agency, several sites: en.trend.az / trend.az, tass.com / tass.ru.
    return brand(domain(label)) in {brand(site) for site in domains.get(found, set())}


def brand(host: str) -> str:
    """The name part of a web address: `en.trend.az` → trend, `yna.co.kr` → yna."""
    labels = host.split(".")
    second_level = len(labels) >= 3 and labels[-2] in {"co", "com", "gov", "org", "net", "ac"}
    return labels[-3] if second_level else labels[-2] if len(labels) >= 2 else host


def names_found(expected: list[str], offered: list[str]) -> tuple[list[str], list[str]]:
    """Split expected names into found (as a tag or a candidate) and missed."""
    have = [fold(n) for n in offered if n]
    hits, misses = [], []
    for name in expected:
        want = fold(name)
        ok = any(
            want == h
            or (len(h.split()) >= 2 and (h in want or want in h))
            or (len(want.split()) == 1 and want in h.split())
            for h in have
        )
        (hits if ok else misses).append(name)
    return hits, misses


def evaluate(cases: list[dict], verbose: bool) -> bool:
    from ingest.importer import tag_report
    from ingest.reading import read_reports
    from ingest.types import WireError
    from organizations.models import Organization, Person

    domains = agency_domains()
    hits: Counter[str] = Counter()
    country = Counter()
    names = {"people": Counter(), "organizations": Counter()}
    misses: dict[str, list[str]] = defaultdict(list)
    started = time.perf_counter()
    for case in cases:
        path = SET / "cases" / case["file"]
        import_date = datetime.date.fromisoformat(case["import_date"])
        try:
            [report] = read_reports(path.read_bytes(), filename=path.name, import_date=import_date)
        except WireError as error:
            misses["unreadable"].append(f"{case['file']}: {error}")
            continue
        want, got = case["dateline"], report.dateline
        checks = {
            "dateline city": (got.city or "").casefold() == (want.get("city") or "").casefold(),
            "dateline country": (got.country or None) == want.get("country"),
            "dateline date": (got.date.isoformat() if got.date else None) == want.get("date"),
            "agency": same_agency(report.agency or None, case.get("agency"), domains),
        }
        shown = {
            "dateline city": got.city,
            "dateline country": got.country,
            "dateline date": got.date,
            "agency": report.agency,
        }
        for field, ok in checks.items():
            hits[field] += ok
            if not ok:
                wanted = case.get("agency") if field == "agency" else want.get(field.split()[-1])
                misses[field].append(
                    f"{case['file']}: got {shown[field]!r}, want {wanted!r}  [{got.raw!r}]"
                )
        tags = tag_report(report)
        want_countries, have = set(case["tags"].get("countries", [])), set(tags.keys("countries"))
        country["tp"] += len(want_countries & have)
        country["fp"] += len(have - want_countries)
        country["fn"] += len(want_countries - have)
        if want_countries != have:
            misses["countries"].append(
                f"{case['file']}: missing {sorted(want_countries - have)}, "
                f"extra {sorted(have - want_countries)}"
            )
        people = Person.objects.filter(pk__in=[s.key for s in tags.people])
        orgs = Organization.objects.filter(pk__in=[s.key for s in tags.organizations])
        offered = [c.text for c in tags.candidates]
        offered += [n for p in people for n in [p.name, *p.aliases]]
        offered += [n for o in orgs for n in [o.name, o.short_name, *o.aliases]]
        offered += [report.agency or ""]
        for kind in ("people", "organizations"):
            found, missed = names_found(case.get("names", {}).get(kind, []), offered)
            names[kind]["found"] += len(found)
            names[kind]["missed"] += len(missed)
            if missed:
                misses[f"names: {kind}"].append(f"{case['file']}: {missed}")
    elapsed = time.perf_counter() - started
    total = len(cases)
    print(f"\n{total} real reports ({elapsed:.1f} s)\n")
    ok = True
    print(f"{'field':<20}{'accuracy':>10}{'target':>9}")
    for field, target in TARGETS.items():
        accuracy = hits[field] / total if total else 0
        ok &= accuracy >= target
        print(f"{field:<20}{accuracy:>10.1%}{target:>9.0%}")
    precision, recall, f1 = scores(country)
    ok &= f1 >= COUNTRY_F1_TARGET
    print(f"\ncountry tags: precision {precision:.3f}, recall {recall:.3f}, F1 {f1:.3f} "
          f"(target {COUNTRY_F1_TARGET})")  # fmt: skip
    for kind, counter in names.items():
        seen = counter["found"] + counter["missed"]
        share = counter["found"] / seen if seen else 1.0
        ok &= share >= NAMES_TARGET
        print(f"{kind} named, found as tag or candidate: {counter['found']}/{seen} = {share:.1%} "
              f"(target {NAMES_TARGET:.0%})")  # fmt: skip
    if verbose or misses.get("unreadable"):
        print_misses(misses)
    print("\nall targets met" if ok else "\nsome targets missed")
    return ok


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    parser.add_argument("--only", default="", help="parts: caucasus,centralasia,world,languages")
    parser.add_argument("--fresh", action="store_true", help="rebuild the scratch database")
    args = parser.parse_args()
    setup(args.fresh)
    cases = load_cases({p for p in args.only.split(",") if p})
    evaluate(cases, args.verbose)


if __name__ == "__main__":
    main()
