"""Pictures drawn on the server as SVG: coverage timelines, ranked bars, locator maps.

No chart library, no script, no tiles: each function returns markup, escaped, that the
site's Content-Security-Policy allows (colours come from classes in pictures.css, never
inline styles). Every chart is an `<svg role="img">` named by its `<title>` and `<desc>`
and followed by the same numbers as a table. Drawn at 360 units wide, so its text keeps
its size on a 360 px phone; the stylesheet caps how far it grows.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from html import escape  # Django's, for plain strings, without its lazy-string wrapper
from typing import Any, NamedTuple

from django.utils.dates import MONTHS, MONTHS_3
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

WIDTH = 360
AXIS_LABELS = {"day": 6, "month": 5}  # at most, under a timeline: "18 Sep", "Sep 2023"


class Bar(NamedTuple):
    """One ranked bar: what it counts (linked from the table) and how many."""

    label: str
    href: str
    value: int


@dataclass(frozen=True)
class Caption:
    """The words of a picture: ids start with `ident`, unique on its page."""

    ident: str
    title: str
    description: str
    table_caption: str


def reports(n: int) -> str:
    """Return '1 report', '2,048 reports'."""
    return ngettext("%(n)s report", "%(n)s reports", n) % {"n": f"{n:,}"}


def timeline_summary(points: Sequence[tuple[datetime.date, int]], period: str) -> str:
    """Say what a timeline shows in a sentence: how many in all, and when the most."""
    total = sum(n for _day, n in points)
    if not total:
        return _("No reports in this period.")
    start, most = max(points, key=lambda point: point[1])
    when = period_label(start, period)
    text = _("%(total)s in all; the most, %(most)s, in %(when)s.")
    if period == "day":
        text = _("%(total)s in all; the most, %(most)s, on %(when)s.")
    return text % {"total": reports(total), "most": f"{most:,}", "when": when}


def ranked_summary(bars: Sequence[Bar]) -> str:
    """Say what a ranking shows in a sentence: who leads, and who follows."""
    if not bars:
        return _("No reports in this period.")
    text = _("%(first)s has the most, %(reports)s.") % {
        "first": bars[0].label, "reports": reports(bars[0].value),
    }  # fmt: skip
    if len(bars) > 1:
        text += " " + _("Then %(second)s, %(n)s.") % {
            "second": bars[1].label, "n": f"{bars[1].value:,}",
        }  # fmt: skip
    return text


def nice_ceiling(n: int) -> int:
    """Return the round number a value axis ends at: 1, 2, 3, 4, 5, 6, 8, 10, 15, 20, … ≥ n."""
    if n <= 1:
        return 1
    magnitude = 10 ** math.floor(math.log10(n))
    steps = (1, 1.5, 2, 3, 4, 5, 6, 8, 10)
    return next(c for c in (math.ceil(s * magnitude) for s in steps) if n <= c)


def _svg(caption: Caption, height: int, body: SafeString) -> SafeString:
    return format_html(
        '<svg class="picture-svg" viewBox="0 0 {} {}" width="100%" role="img" '
        'aria-labelledby="{}-title {}-desc" focusable="false">'
        '<title id="{}-title">{}</title><desc id="{}-desc">{}</desc>{}</svg>',
        WIDTH, height, caption.ident, caption.ident,
        caption.ident, caption.title, caption.ident, caption.description, body,
    )  # fmt: skip


def _table(caption: Caption, heading: str, rows: SafeString) -> SafeString:
    return format_html(
        '<details class="picture-table"><summary>{}</summary><table><caption>{}</caption>'
        '<thead><tr><th scope="col">{}</th><th scope="col">{}</th></tr></thead>'
        "<tbody>{}</tbody></table></details>",
        _("Show as a table"), caption.table_caption, heading, _("Reports"), rows,
    )  # fmt: skip


def _figure(kind: str, svg: SafeString, table: SafeString) -> SafeString:
    return format_html('<figure class="picture picture-{}">{}{}</figure>', kind, svg, table)


# Timelines: reports per day or per month.

PLOT_LEFT, PLOT_TOP, PLOT_HEIGHT = 30, 20, 110
BASELINE = PLOT_TOP + PLOT_HEIGHT


def period_label(day: datetime.date, period: str, *, short: bool = False) -> str:
    """Return how a day or a month is named, in full (table: "18 September 2023") or
    short (axis: "18 Sep")."""
    return period_labeller(period)(day, short)


def period_labeller(period: str) -> Callable[[datetime.date, bool], str]:
    """Return a function naming days or months as date_format's "j F Y", "j M", "F Y" and
    "M Y" would, at a fraction of its cost: a timeline names each period three times."""
    full, abbreviated = _month_names(get_language())

    def label(day: datetime.date, short: bool = False) -> str:
        month = (abbreviated if short else full)[day.month]
        if period == "month":
            return f"{month} {day.year}"
        return f"{day.day} {month}" if short else f"{day.day} {month} {day.year}"

    return label


@lru_cache(maxsize=16)
def _month_names(language: str | None) -> tuple[dict[int, str], dict[int, str]]:
    return (
        {n: str(name) for n, name in MONTHS.items()},
        {n: str(name).title() for n, name in MONTHS_3.items()},
    )


def timeline(
    points: Sequence[tuple[datetime.date, int]],
    *,
    period: str,
    caption: Caption,
    marked: tuple[datetime.date, datetime.date] | None = None,
    marked_label: str = "",
) -> SafeString:
    """Draw reports per day or month as columns, the `marked` days (an event's) set apart
    by colour and by a band under them, named in a legend (`marked_label`).

    `points` are consecutive periods, oldest first, each named by its first day. Drawn
    once per process for the same numbers and words (a kept timeline is drawn again and
    again); built as plain strings, every text escaped (format_html per element costs
    ten times more).
    """
    return _timeline(tuple(points), period, caption, marked, marked_label, get_language())


@lru_cache(maxsize=256)
def _timeline(
    points: tuple[tuple[datetime.date, int], ...],
    period: str,
    caption: Caption,
    marked: tuple[datetime.date, datetime.date] | None,
    marked_label: str,
    language: str | None,  # a key of the kept drawings: month names are in it
) -> SafeString:
    top = nice_ceiling(max((n for _day, n in points), default=0))
    step = (WIDTH - PLOT_LEFT) / max(len(points), 1)
    every = max(1, math.ceil(len(points) / AXIS_LABELS[period]))
    said = {n: escape(reports(n)) for n in {n for _day, n in points}}
    label = period_labeller(period)
    columns, labels, band = [], [], []
    for i, (day, n) in enumerate(points):
        x, height = PLOT_LEFT + i * step, PLOT_HEIGHT * n / top
        is_marked = marked is not None and _within(day, period, marked)
        columns.append(
            f'<rect class="picture-bar{" picture-bar-marked" if is_marked else ""}" '
            f'x="{x + step * 0.1:.1f}" y="{BASELINE - height:.1f}" width="{step * 0.8:.1f}" '
            f'height="{height:.1f}"><title>{escape(label(day, False))}: {said[n]}</title>'
            "</rect>"
        )
        if is_marked:
            band.append((f"{x:.1f}", BASELINE + 3, f"{step:.1f}"))
        if i % every == 0:
            labels.append(_axis_label(x + step / 2, label(day, True)))
    body = format_html(
        "{}<g>{}</g>{}{}",
        _value_axis(top),
        mark_safe("".join(columns)),  # built above, every text escaped
        _band(band, marked_label),
        format_html_join("", '<text x="{}" y="{}" text-anchor="{}">{}</text>', labels),
    )
    told = replace(caption, description=f"{caption.description} {timeline_summary(points, period)}")
    svg = _svg(told, BASELINE + 26, format_html('<g class="picture-axis">{}</g>', body))
    return _figure("timeline", svg, _timeline_table(points, period, caption))


def _within(day: datetime.date, period: str, marked: tuple[datetime.date, datetime.date]) -> bool:
    """Whether a day, or any day of a month, is among the marked days."""
    if period == "month":
        return (marked[0].year, marked[0].month) <= (day.year, day.month) <= (
            marked[1].year, marked[1].month,
        )  # fmt: skip
    return marked[0] <= day <= marked[1]


def _value_axis(top: int) -> SafeString:
    """Draw the zero line and the top line, each with its number."""
    return format_html(
        '<g class="picture-grid"><line x1="{}" y1="{}" x2="{}" y2="{}"></line>'
        '<line x1="{}" y1="{}" x2="{}" y2="{}"></line></g>'
        '<text x="{}" y="{}" text-anchor="end">{}</text>'
        '<text x="{}" y="{}" text-anchor="end">0</text>',
        PLOT_LEFT, PLOT_TOP, WIDTH, PLOT_TOP, PLOT_LEFT, BASELINE, WIDTH, BASELINE,
        PLOT_LEFT - 4, PLOT_TOP + 4, f"{top:,}", PLOT_LEFT - 4, BASELINE + 4,
    )  # fmt: skip


def _axis_label(x: float, text: str) -> tuple[str, int, str, str]:
    """Place a label under a column, kept inside the frame at the right edge."""
    if x > WIDTH - 24:
        return str(WIDTH), BASELINE + 20, "end", text
    return f"{x:.1f}", BASELINE + 20, "middle", text


def _band(band: list[tuple[str, int, str]], label: str) -> SafeString:
    """Underline the marked columns and name them in a legend: more than colour tells."""
    if not band:
        return SafeString("")
    legend = format_html(
        '<rect x="{}" y="2" width="10" height="10"></rect><text x="{}" y="11" text-anchor="end">'
        "{}</text>",
        WIDTH - 10, WIDTH - 14, label,
    ) if label else ""  # fmt: skip
    return format_html(
        '<g class="picture-band">{}{}</g>',
        format_html_join("", '<rect x="{}" y="{}" width="{}" height="4"></rect>', band),
        legend,
    )


def _timeline_table(
    points: Sequence[tuple[datetime.date, int]], period: str, caption: Caption
) -> SafeString:
    width, label = 7 if period == "month" else 10, period_labeller(period)  # 2023-09(-18)
    rows = "".join(
        f'<tr><th scope="row"><time datetime="{day.isoformat()[:width]}">'
        f"{escape(label(day, False))}</time></th><td>{n:,}</td></tr>"
        for day, n in points
    )
    heading = _("Month") if period == "month" else _("Day")
    return _table(caption, heading, mark_safe(rows))  # every text escaped


# Ranked bars: most reports first.

ROW_HEIGHT = 30
VALUE_ROOM = 52  # right of the longest bar, for its number


def ranked_bars(bars: Sequence[Bar], *, caption: Caption, heading: str) -> SafeString:
    """Draw one labelled bar per item, longest first, each with its number (drawn once
    per process for the same numbers and words, like `timeline`)."""
    return _ranked_bars(tuple(bars), caption, heading, get_language())


@lru_cache(maxsize=256)
def _ranked_bars(
    bars: tuple[Bar, ...], caption: Caption, heading: str, language: str | None
) -> SafeString:  # `language` is a key of the kept drawings: the words are in it
    ranked = sorted(bars, key=lambda bar: -bar.value)
    top = max((bar.value for bar in ranked), default=0) or 1
    rows, table = [], []
    for i, bar in enumerate(ranked):
        y, label = 4 + i * ROW_HEIGHT, escape(bar.label)
        length = max((WIDTH - VALUE_ROOM) * bar.value / top, 1)
        rows.append(
            f'<text class="picture-label" x="0" y="{y + 12}">{label}</text>'
            f'<rect class="picture-bar" x="0" y="{y + 16}" width="{length:.1f}" height="10">'
            f"<title>{label}: {escape(reports(bar.value))}</title></rect>"
            f'<text class="picture-value" x="{length + 4:.1f}" y="{y + 25}">{bar.value:,}</text>'
        )
        table.append(f'<tr><th scope="row">{_linked(bar)}</th><td>{bar.value:,}</td></tr>')
    told = replace(caption, description=f"{caption.description} {ranked_summary(ranked)}")
    # Built above, every text escaped:
    svg = _svg(told, 8 + len(bars) * ROW_HEIGHT, mark_safe("".join(rows)))
    return _figure("ranked", svg, _table(caption, heading, mark_safe("".join(table))))


def _linked(bar: Bar) -> SafeString:
    if not bar.href:
        return format_html("{}", bar.label)
    return format_html('<a href="{}">{}</a>', bar.href, bar.label)


# Flags, with nothing to download: the two regional-indicator letters of a country code.


def flag(code: str) -> str:
    """Return a country's flag emoji ('AZ' → 🇦🇿); '' for anything but two letters."""
    code = (code or "").upper()
    if len(code) != 2 or not code.isascii() or not code.isalpha():
        return ""
    return "".join(chr(0x1F1E6 + ord(letter) - ord("A")) for letter in code)


# Locator maps: a country's outline (countryinfo's GeoJSON) with a dot at a city.

MAP_WIDTH, MAP_HEIGHT, MAP_MARGIN = 160, 120, 8
NEAR_DEGREES = 5  # islands and exclaves this close to the drawn land are drawn too

Ring = list[tuple[float, float]]  # (longitude, latitude)
Projection = Callable[[tuple[float, float]], tuple[float, float]]


def locator_map(
    code: str, latitude: float, longitude: float, *, ident: str, title: str, description: str
) -> SafeString:
    """Draw a country's outline with a dot at a place in it (an empty frame if the
    country has no outline: a dot in the middle still says "here")."""
    land, (x, y) = _located(code.upper(), round(latitude, 2), round(longitude, 2))
    body = format_html(
        '<rect class="locator-sea" x="0" y="0" width="{}" height="{}"></rect>'
        '<path class="locator-land" d="{}"></path>'
        '<circle class="locator-halo" cx="{}" cy="{}" r="6"></circle>'
        '<circle class="locator-dot" cx="{}" cy="{}" r="3.5"></circle>',
        MAP_WIDTH, MAP_HEIGHT, land, x, y, x, y,
    )  # fmt: skip
    return format_html(
        '<svg class="locator-svg" viewBox="0 0 {} {}" width="100%" role="img" '
        'aria-labelledby="{}-title {}-desc" focusable="false">'
        '<title id="{}-title">{}</title><desc id="{}-desc">{}</desc>{}</svg>',
        MAP_WIDTH, MAP_HEIGHT, ident, ident, ident, title, ident, description, body,
    )  # fmt: skip


@lru_cache(maxsize=4096)
def _located(code: str, latitude: float, longitude: float) -> tuple[str, tuple[str, str]]:
    """Return the outline's path data and the dot's position (kept: cities repeat)."""
    rings: Sequence[Ring] = country_rings(code)
    if rings and _span(rings) > 180:  # across the antimeridian (Russia, Fiji)
        rings = [[(lon + 360 if lon < 0 else lon, lat) for lon, lat in ring] for ring in rings]
        longitude = longitude + 360 if longitude < 0 else longitude
    drawn = land_around(rings, (longitude, latitude))
    project = _projection([*(p for ring in drawn for p in ring), (longitude, latitude)])
    x, y = project((longitude, latitude))
    return _path(drawn, project), (f"{x:.1f}", f"{y:.1f}")


@lru_cache(maxsize=300)
def country_rings(code: str) -> tuple[Ring, ...]:
    """Return the outer rings of a country's polygons ((lon, lat) points), if it has any."""
    from countryinfo import CountryInfo
    from countryinfo.exceptions import CountryNotFoundError

    try:
        geo: dict[str, Any] = CountryInfo(code).geo_json()
    except CountryNotFoundError:
        return ()
    rings: list[Ring] = []
    for feature in geo.get("features") or []:
        geometry = feature.get("geometry") or {}
        polygons = geometry.get("coordinates") or []
        if geometry.get("type") == "Polygon":
            polygons = [polygons]
        rings += [[(float(point[0]), float(point[1])) for point in p[0]] for p in polygons if p]
    return tuple(rings)


def _span(rings: Sequence[Ring]) -> float:
    longitudes = [point[0] for ring in rings for point in ring]
    return max(longitudes) - min(longitudes)


def land_around(rings: Sequence[Ring], point: tuple[float, float]) -> list[Ring]:
    """Keep the polygon holding the point (or the nearest) and the land near it.

    Land chained to it by gaps under `NEAR_DEGREES` stays (Corsica, Kaliningrad); far
    territories go (French Guiana beside Paris, Alaska beside New York), so the country
    the reader knows fills the frame.
    """
    if not rings:
        return []
    boxes = [_box(ring) for ring in rings]
    holder = next((i for i, ring in enumerate(rings) if _inside(point, ring)), None)
    if holder is None:
        holder = min(range(len(rings)), key=lambda i: _gap(boxes[i], (*point, *point)))
    kept, frontier = {holder}, [holder]
    while frontier:
        i = frontier.pop()
        near = [
            j
            for j in range(len(rings))
            if j not in kept and _gap(boxes[i], boxes[j]) < NEAR_DEGREES
        ]
        kept.update(near)
        frontier += near
    return [rings[i] for i in sorted(kept)]


def _box(ring: Ring) -> tuple[float, float, float, float]:
    longitudes, latitudes = [p[0] for p in ring], [p[1] for p in ring]
    return min(longitudes), min(latitudes), max(longitudes), max(latitudes)


def _gap(a: tuple[float, ...], b: tuple[float, ...]) -> float:
    """Return how far apart two boxes are, in degrees along the wider gap (0: they meet)."""
    return max(0.0, b[0] - a[2], a[0] - b[2], b[1] - a[3], a[1] - b[3])


def _inside(point: tuple[float, float], ring: Ring) -> bool:
    """Return whether a point is inside a ring (ray casting)."""
    x, y = point
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, [*ring[1:], ring[0]], strict=True):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def _projection(points: Sequence[tuple[float, float]]) -> Projection:
    """Return an equirectangular projection fitting the points into the map's frame.

    A degree of longitude is shortened by the cosine of the middle latitude, so shapes
    keep their look at the country's own latitude. A lone point is framed ±2°.
    """
    west, south, east, north = _box(list(points))
    if east - west < 4 and north - south < 4:
        west, south, east, north = west - 2, south - 2, east + 2, north + 2
    squeeze = max(math.cos(math.radians((south + north) / 2)), 0.2)
    width, height = (east - west) * squeeze, north - south
    scale = min(
        (MAP_WIDTH - 2 * MAP_MARGIN) / max(width, 1e-6),
        (MAP_HEIGHT - 2 * MAP_MARGIN) / max(height, 1e-6),
    )
    left = (MAP_WIDTH - width * scale) / 2
    top = (MAP_HEIGHT - height * scale) / 2

    def project(point: tuple[float, float]) -> tuple[float, float]:
        return left + (point[0] - west) * squeeze * scale, top + (north - point[1]) * scale

    return project


def _path(rings: Sequence[Ring], project: Projection) -> str:
    """Return SVG path data for the rings, dropping points under a unit from the last."""
    parts = []
    for ring in rings:
        points: list[tuple[float, float]] = []
        for x, y in map(project, ring):
            if not points or abs(x - points[-1][0]) + abs(y - points[-1][1]) >= 1:
                points.append((x, y))
        if len(points) >= 3:
            parts.append("M" + "L".join(f"{x:.1f} {y:.1f}" for x, y in points) + "Z")
    return "".join(parts)
