import datetime

import pytest

from articles.models import Article
from ingest.importer import CREATED, DUPLICATE, HELD, UPDATED, import_report
from ingest.models import IncomingVersion
from ingest.reading import read_reports
from ingest.types import WireError
from tests.ingest.conftest import CASPIAN_REPORT

pytestmark = pytest.mark.django_db

NINJS = """{"uri": "urn:trend:2023-0919-77", "version": "%s", "type": "text",
 "headline": "%s", "provider": {"name": "Trend"},
 "body_text": "BAKU, Azerbaijan, Sept. 19. %s The Media Development Agency said so.",
 "versioncreated": "2023-09-19T10:00:00Z"}"""


def ninjs(version: int, headline: str, text: str):
    [report] = read_reports((NINJS % (version, headline, text)).encode(), filename="item.json")
    return report


def test_import_creates_a_tagged_draft(registry):
    [report] = read_reports(CASPIAN_REPORT, import_date=datetime.date(2023, 9, 20))
    outcome = import_report(report)
    article = outcome.article
    assert outcome.action == CREATED
    assert article.status == "draft"
    assert article.agency.slug == "trend"
    assert (article.dateline_raw, article.dateline_city.name, article.dateline_country_id) == (
        "RUSSIA, Astrakhan, September 19.",
        "Astrakhan",
        "RU",
    )
    assert article.dateline_date == datetime.date(2023, 9, 19)
    assert sorted(article.countries.values_list("code", flat=True)) == ["AZ", "RU"]
    assert article.people.count() == 2 and article.events.count() == 2
    assert article.body.startswith("<p>The Azerbaijani delegation")


def test_only_accepted_tags_are_applied(registry):
    [report] = read_reports(CASPIAN_REPORT, import_date=datetime.date(2023, 9, 20))
    article = import_report(report, accepted={"countries": ["RU"]}).article
    assert list(article.countries.values_list("code", flat=True)) == ["RU"]
    assert article.people.count() == 0


def test_the_same_agency_id_updates_the_report_instead_of_duplicating_it(registry):
    first = import_report(ninjs(1, "Forum opens", "Delegates arrived."))
    second = import_report(ninjs(2, "Forum opens in Baku", "Delegates arrived on Monday."))
    assert (first.action, second.action) == (CREATED, UPDATED)
    assert Article.objects.count() == 1
    article = Article.objects.get()
    assert article.headline == "Forum opens in Baku"
    assert article.agency_item_id == "urn:trend:2023-0919-77"


def test_the_same_version_again_is_a_duplicate(registry):
    import_report(ninjs(1, "Forum opens", "Delegates arrived."))
    assert import_report(ninjs(1, "Forum opens", "Delegates arrived.")).action == DUPLICATE
    assert Article.objects.get().version == 1


def test_a_locally_edited_report_is_never_overwritten_by_the_wire(registry, admin_user):
    article = import_report(ninjs(1, "Forum opens", "Delegates arrived.")).article
    article.headline = "Editor's better headline"
    article.save()
    outcome = import_report(ninjs(2, "Forum opens in Baku", "Delegates arrived on Monday."))
    assert outcome.action == HELD
    assert "kept for review" in outcome.messages[0]
    article.refresh_from_db()
    assert article.headline == "Editor's better headline"
    incoming = IncomingVersion.objects.pending().get(article=article)
    assert incoming.headline == "Forum opens in Baku"
    incoming.apply(by=admin_user)
    article.refresh_from_db()
    assert article.headline == "Forum opens in Baku"
    assert not article.is_locally_edited


def test_a_refiled_story_with_a_new_id_is_flagged_as_a_near_duplicate(registry):
    text = (
        "Ministers from five Caspian states met on Tuesday to discuss shipping rules, port fees "
        "and the protection of sturgeon stocks, and agreed to meet again next spring in Baku."
    )
    original = import_report(ninjs(1, "Caspian ministers meet", text)).article
    refiled = ninjs(1, "Caspian ministers meet on shipping", text.replace("Tuesday", "Wednesday"))
    refiled.agency_item_id = "urn:trend:2023-0919-78"
    outcome = import_report(refiled)
    assert outcome.action == CREATED
    assert outcome.article.near_duplicate_of == original
    assert outcome.article.similarity > 0.7
    assert "re-file" in outcome.messages[0]


def test_an_unrelated_report_is_not_flagged(registry):
    import_report(ninjs(1, "Caspian ministers meet", "Ministers met to discuss shipping rules."))
    other = ninjs(1, "Grain harvest up", "Farmers in the north reported a record wheat harvest.")
    other.agency_item_id = "other-id"
    assert import_report(other).article.near_duplicate_of is None


def test_an_unknown_agency_is_reported_not_invented(registry):
    [report] = read_reports(
        "Grain harvest up\n\nKOKSHETAU (Steppe Wire) - Farmers reported a record harvest of wheat this year."
    )
    outcome = import_report(report)
    assert outcome.article.agency is None
    assert any("Steppe Wire" in m and "not in the registry" in m for m in outcome.messages)


def test_a_report_without_text_is_refused_and_nothing_is_saved(registry):
    [report] = read_reports(
        "Just a headline line\n\n(AP) -", import_date=datetime.date(2023, 9, 20)
    )
    report.body = "   "
    with pytest.raises(WireError):
        import_report(report)
    assert Article.objects.count() == 0


@pytest.mark.parametrize("status", ["published", "withdrawn"])
def test_a_resend_never_rewrites_a_published_or_withdrawn_report(registry, status):
    article = import_report(ninjs(1, "Forum opens", "Delegates arrived.")).article
    Article.objects.filter(pk=article.pk).update(
        status=status, published_at=article.created_at, withdrawn_at=article.created_at
    )
    outcome = import_report(ninjs(2, "Forum cancelled", "Nobody came."))
    assert outcome.action == HELD
    assert "already" in outcome.messages[0]
    assert Article.objects.get(pk=article.pk).headline == "Forum opens"
    assert IncomingVersion.objects.pending().get().headline == "Forum cancelled"


def test_reimporting_an_unedited_html_body_is_a_duplicate_not_a_local_edit(registry):
    item = b'{"uri": "x-1", "headline": "Port opens", "body_html": "<div>The port opened.</div>", "provider": {"name": "Trend"}}'
    [report] = read_reports(item)
    import_report(report)
    [again] = read_reports(item)
    assert import_report(again).action == DUPLICATE


def test_an_editors_change_outside_the_text_also_holds_a_resend(registry):
    article = import_report(ninjs(1, "Forum opens", "Delegates arrived.")).article
    article.byline = "Jane Doe (edited)"
    article.save()
    outcome = import_report(ninjs(2, "Forum opens", "Delegates arrived on Monday."))
    assert outcome.action == HELD
    assert Article.objects.get(pk=article.pk).byline == "Jane Doe (edited)"


def test_an_untouched_draft_takes_resend_after_resend(registry):
    import_report(ninjs(1, "Forum opens", "Delegates arrived."))
    assert import_report(ninjs(2, "Forum opens", "Delegates arrived on Monday.")).action == UPDATED
    assert (
        import_report(ninjs(3, "Forum opens", "Delegates arrived on Monday at noon.")).action
        == UPDATED
    )
