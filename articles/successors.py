"""The public update or correction that replaces a report, for the API and ninjs."""

from __future__ import annotations

from collections.abc import Iterable

from articles.models import Article

# What a link to a successor shows: its id, kind, version and addresses.
SUCCESSOR_FIELDS = ("id", "slug", "headline", "published_at", "created_at", "visible_from",
                    "version", "update_of", "correction_of", "changed_at")  # fmt: skip


def attach_successors(reports: Iterable[Article], *, every_page: bool = False) -> None:
    """Set each report's `successor`: its newest public update or correction, else None
    (the one its page names). One query, and none while no report is replaced yet,
    unless `every_page`: the sync stream asks on every page, so that a page costs the
    same queries whatever it holds."""
    reports = list(reports)
    for report in reports:
        report.successor = None
    replaced = {report.pk: report for report in reports if report.is_superseded}
    asked = {report.pk for report in reports} if every_page else set(replaced)
    if not asked:
        return
    followers = Article.objects.published().following(asked).only(*SUCCESSOR_FIELDS)
    for follower in followers.order_by("visible_from", "pk"):  # the newest is set last
        for link in (follower.correction_of_id, follower.update_of_id):
            if link in replaced:
                replaced[link].successor = follower


def public_successor(report: Article) -> Article | None:
    """Return the report's newest public update or correction (attached, or looked up)."""
    if not hasattr(report, "successor"):
        attach_successors([report])
    return report.successor


def successor_kind(report: Article, successor: Article) -> str:
    """Return "correction" or "update": how `successor` replaces `report`."""
    return "correction" if successor.correction_of_id == report.pk else "update"
