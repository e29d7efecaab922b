"""The time zone of a country, for the times an agency sends without one."""

from __future__ import annotations

import datetime
import functools
import zoneinfo
from importlib import resources
from pathlib import Path

# A timestamp sent without an offset (`20190129T124550`): read as UTC until the agency's
# home zone is known (`finish` then reads it there); an offset of its own tells it apart.
NO_ZONE = datetime.timezone(datetime.timedelta(0), "no time zone")


def _zone_table() -> str:
    for root in zoneinfo.TZPATH:
        path = Path(root) / "zone.tab"
        if path.is_file():
            return path.read_text(encoding="utf-8")
    try:  # the tzdata package, where the system has no zone database
        return resources.files("tzdata").joinpath("zoneinfo/zone.tab").read_text("utf-8")
    except (ModuleNotFoundError, FileNotFoundError):
        return ""


@functools.cache
def _zones() -> dict[str, list[str]]:
    zones: dict[str, list[str]] = {}
    for line in _zone_table().splitlines():
        fields = line.split("\t")
        if len(fields) >= 3 and not line.startswith("#"):
            zones.setdefault(fields[0], []).append(fields[2])
    return zones


def country_zone(code: str) -> zoneinfo.ZoneInfo | None:
    """The time zone of a country that has one (`BE` → Europe/Brussels); None for a
    country of several zones (`RU`, `US`) or an unknown code."""
    names = _zones().get(code.upper(), [])
    return zoneinfo.ZoneInfo(names[0]) if len(names) == 1 else None
