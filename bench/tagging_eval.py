"""Measure the wire parser and tagger against the labelled set in bench/eval/.

    python bench/tagging_eval.py [-v] [--set eval|eval-holdout]

`eval` is the set the parser and tagger were developed against; `eval-holdout`
was written separately, by someone who did not see the code, and is never
tuned on. Prints accuracy for dateline city, country and date and for the agency, and
precision, recall and F1 per tag type (micro-averaged over all reports).
"""

from __future__ import annotations

import argparse
import datetime
import json
from collections import Counter, defaultdict
from pathlib import Path

from _setup import django_with_scratch_database

BENCH = Path(__file__).resolve().parent
TAG_TYPES = ("countries", "organizations", "people", "events")
TARGETS = {"dateline city": 0.97, "dateline country": 0.97, "dateline date": 0.97, "agency": 0.97}
F1_TARGETS = {"countries": 0.95, "organizations": 0.90, "people": 0.90, "events": 0.90}


def load_registry(path: Path) -> None:
    """Create the evaluation set's organizations, people, series and events."""
    from events.models import Event, EventSeries
    from organizations.models import Organization, Person
    from places.models import City

    data = json.loads(path.read_text())
    for org in data["organizations"]:
        Organization.objects.create(
            name=org["name"],
            short_name=org.get("short_name", ""),
            kind=org.get("kind", "other"),
            country_id=org.get("country"),
            aliases=org.get("aliases", []),
        )
    for person in data["people"]:
        Person.objects.create(
            name=person["name"], aliases=person.get("aliases", []), country_id=person.get("country")
        )
    series = {
        s["name"]: EventSeries.objects.create(name=s["name"], aliases=s.get("aliases", []))
        for s in data.get("series", [])
    }
    for event in data["events"]:
        city = None
        if event.get("city"):
            city = (
                City.objects.filter(name=event["city"], country_id=event.get("country"))
                .order_by("-population")
                .first()
            )
        Event.objects.create(
            name=event["name"],
            series=series.get(event.get("series") or ""),
            edition=event.get("edition"),
            start_date=event["start_date"],
            end_date=event.get("end_date") or event["start_date"],
            city=city,
            country_id=event.get("country"),
            aliases=event.get("aliases", []),
        )


def same_city(found: str, expected: str | None) -> bool:
    return (found or "").casefold() == (expected or "").casefold()


def evaluate(eval_dir: Path, verbose: bool) -> dict:
    """Run every case; return the scores."""
    from ingest.importer import tag_report
    from ingest.reading import read_reports
    from ingest.types import WireError

    cases = json.loads((eval_dir / "expected.json").read_text())["cases"]
    hits: Counter[str] = Counter()
    counts: dict[str, Counter] = {t: Counter() for t in TAG_TYPES}
    misses: dict[str, list[str]] = defaultdict(list)
    for case in cases:
        path = eval_dir / "cases" / case["file"]
        import_date = datetime.date.fromisoformat(case["import_date"])
        try:
            [report] = read_reports(path.read_bytes(), filename=path.name, import_date=import_date)
        except WireError as error:
            misses["unreadable"].append(f"{case['file']}: {error}")
            continue
        expected = case["dateline"]
        got = report.dateline
        checks = {
            "dateline city": same_city(got.city, expected.get("city")),
            "dateline country": (got.country or None) == expected.get("country"),
            "dateline date": (got.date.isoformat() if got.date else None) == expected.get("date"),
            "agency": (report.agency or None) == case.get("agency"),
        }
        for field, ok in checks.items():
            hits[field] += ok
            if not ok:
                found = {
                    "dateline city": got.city,
                    "dateline country": got.country,
                    "dateline date": got.date,
                    "agency": report.agency,
                }[field]
                wanted = (
                    case.get("agency") if field == "agency" else expected.get(field.split()[-1])
                )
                misses[field].append(
                    f"{case['file']} [{case.get('style')}]: got {found!r}, want {wanted!r}"
                )
        tags = tag_report(report)
        found_tags = {
            "countries": set(tags.keys("countries")),
            "organizations": {s.name for s in tags.organizations},
            "people": {s.name for s in tags.people},
            "events": {s.name for s in tags.events},
        }
        for kind in TAG_TYPES:
            want, have = set(case["tags"].get(kind, [])), found_tags[kind]
            counts[kind]["tp"] += len(want & have)
            counts[kind]["fp"] += len(have - want)
            counts[kind]["fn"] += len(want - have)
            if want != have:
                misses[kind].append(
                    f"{case['file']}: missing {sorted(want - have)}, extra {sorted(have - want)}"
                )
    return {
        "cases": len(cases),
        "hits": hits,
        "counts": counts,
        "misses": misses,
        "verbose": verbose,
    }


def report(results: dict) -> bool:
    """Print the scores; return whether every target is met."""
    total, ok = results["cases"], True
    print(f"\n{total} labelled reports\n")
    print(f"{'field':<20}{'accuracy':>10}{'target':>9}")
    for field, target in TARGETS.items():
        accuracy = results["hits"][field] / total
        ok &= accuracy >= target
        print(f"{field:<20}{accuracy:>10.1%}{target:>9.0%}")
    print(f"\n{'tags':<16}{'precision':>10}{'recall':>8}{'F1':>7}{'target':>8}")
    for kind in TAG_TYPES:
        precision, recall, f1 = scores(results["counts"][kind])
        ok &= f1 >= F1_TARGETS[kind]
        print(f"{kind:<16}{precision:>10.3f}{recall:>8.3f}{f1:>7.3f}{F1_TARGETS[kind]:>8.2f}")
    if results["verbose"] or results["misses"].get("unreadable"):
        print_misses(results["misses"])
    print("\nall targets met" if ok else "\nsome targets missed")
    return ok


def scores(counts: Counter) -> tuple[float, float, float]:
    """Return precision, recall and F1 of true/false positive and false negative counts."""
    tp, fp, fn = counts["tp"], counts["fp"], counts["fn"]
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def print_misses(misses: dict[str, list[str]]) -> None:
    for field, lines in misses.items():
        print(f"\n{field}:")
        for line in lines:
            print(f"  {line}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    parser.add_argument("--set", default="eval", choices=["eval", "eval-holdout"])
    args = parser.parse_args()
    eval_dir = BENCH / args.set
    django_with_scratch_database(args.set)
    load_registry(eval_dir / "registry.json")
    report(evaluate(eval_dir, args.verbose))


if __name__ == "__main__":
    main()
