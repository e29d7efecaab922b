"""One wire item is one report: re-sends without a registered agency, hand-written reports,
imports racing each other, and the draft slug that follows its headline."""

import copy
import threading

import pytest
from django.db import connection

from articles.models import Article
from ingest import importer
from ingest.importer import CREATED, DUPLICATE, HELD, RACED, UPDATED, import_report
from ingest.models import IncomingVersion, WireItem
from ingest.reading import read_reports
from tests.factories import AgencyFactory, ArticleFactory
from tests.helpers import run_in_threads

pytestmark = pytest.mark.django_db

FEED_URL = "https://obscure-wire.test/rss"
RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>Obscure Wire Service</title>
<item><title>{headline}</title><guid>{guid}</guid>
<description>BAKU, Azerbaijan, Sept. 19. {text}</description></item>
</channel></rss>"""

G2 = "http://iptc.org/std/nar/2006-10-01/"
NEWSML = f"""<newsItem xmlns="{G2}" guid="urn:newsml:obscure.test:42" version="{{version}}"
    standard="NewsML-G2" standardversion="2.35" xml:lang="en">
  <itemMeta><itemClass qcode="ninat:text"/>
    <provider literal="Obscure Wire Service"/></itemMeta>
  <contentMeta><headline>{{headline}}</headline></contentMeta>
  <contentSet><inlineData>BAKU, Sept. 19. {{text}}</inlineData></contentSet>
</newsItem>"""


def feed_item(headline: str, text: str = "Delegates arrived.", guid: str = "1"):
    [report] = read_reports(RSS.format(headline=headline, text=text, guid=guid).encode())
    return report


def newsml_item(version: int, headline: str, text: str):
    xml = NEWSML.format(version=version, headline=headline, text=text)
    [report] = read_reports(xml.encode(), filename="item.xml")
    return report


def test_a_resend_from_a_feed_with_no_registered_agency_updates_the_one_draft(registry):
    first = import_report(feed_item("Forum opens"), origin=FEED_URL)
    second = import_report(
        feed_item("Forum opens in Baku", "Delegates arrived on Monday."), origin=FEED_URL
    )
    assert first.article.agency is None
    assert (first.action, second.action) == (CREATED, UPDATED)
    assert Article.objects.get().headline == "Forum opens in Baku"


def test_the_same_item_id_from_two_feeds_is_two_reports(registry):
    import_report(feed_item("Grain exports rise", "Exports rose by a fifth."), origin=FEED_URL)
    other = import_report(
        feed_item("Rail link opens", "A new line to Aktau opened."),
        origin="https://another-wire.test/feed",
    )
    assert other.action == CREATED
    assert Article.objects.count() == 2


def test_a_resend_of_an_edited_report_from_an_unknown_agency_is_held(registry):
    article = import_report(feed_item("Forum opens"), origin=FEED_URL).article
    article.headline = "Forum opens: an editor's headline"
    article.save()
    outcome = import_report(feed_item("Forum opens in Baku"), origin=FEED_URL)
    assert outcome.action == HELD
    article.refresh_from_db()
    assert article.headline == "Forum opens: an editor's headline"
    assert Article.objects.count() == 1


def test_a_newsml_item_of_an_unregistered_provider_uploaded_twice_is_one_report(registry):
    first = import_report(newsml_item(1, "Forum opens", "Delegates arrived."))
    second = import_report(newsml_item(2, "Forum opens in Baku", "They arrived on Monday."))
    assert (first.action, second.action) == (CREATED, UPDATED)
    assert Article.objects.get().headline == "Forum opens in Baku"


def test_a_feed_item_seen_before_its_agency_was_registered_is_still_recognised(registry):
    import_report(feed_item("Forum opens"), origin=FEED_URL)
    agency = AgencyFactory(name="Obscure Wire Service")
    outcome = import_report(feed_item("Forum opens in Baku"), origin=FEED_URL, agency=agency)
    assert outcome.action == UPDATED
    assert Article.objects.count() == 1


def test_a_hand_written_report_with_an_agency_item_id_is_held_not_overwritten(registry):
    trend = AgencyFactory(name="Trend News Agency", short_name="Trend")
    written = ArticleFactory(
        draft=True,
        agency=trend,
        agency_item_id="1",
        headline="Our own report on the forum",
        body="<p>Written in this newsroom.</p>",
    )
    outcome = import_report(feed_item("Forum opens"), origin=FEED_URL, agency=trend)
    assert outcome.action == HELD
    assert "written here" in outcome.messages[0]
    written.refresh_from_db()
    assert (written.headline, written.body) == (
        "Our own report on the forum",
        "<p>Written in this newsroom.</p>",
    )
    assert IncomingVersion.objects.pending().get(article=written).headline == "Forum opens"
    again = import_report(feed_item("Forum opens"), origin=FEED_URL, agency=trend)
    assert again.action == DUPLICATE  # the same version is not held a second time
    assert IncomingVersion.objects.count() == 1 and Article.objects.count() == 1


def test_an_import_that_loses_a_race_gets_the_one_report_and_a_message(registry, monkeypatch):
    """The other import commits between this one's look-up and its insert."""
    real_existing = importer._existing
    raced: list[bool] = []

    def other_import_commits_first(*args):
        if not raced:
            raced.append(True)
            import_report(feed_item("Forum opens"), origin=FEED_URL)
            return None
        return real_existing(*args)

    monkeypatch.setattr(importer, "_existing", other_import_commits_first)
    outcome = import_report(feed_item("Forum opens"), origin=FEED_URL)
    assert outcome.action == DUPLICATE
    assert outcome.messages[0] == RACED
    assert Article.objects.count() == 1
    assert WireItem.objects.get().article == Article.objects.get()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_imports_of_one_item_at_the_same_moment_give_one_report(monkeypatch):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite writes one transaction at a time: no two imports can overlap there")
    report = feed_item("Forum opens")
    both_looked = threading.Barrier(2, timeout=10)
    waited = threading.local()
    real_existing = importer._existing

    def look_then_wait(*args):
        found = real_existing(*args)
        if not getattr(waited, "done", False):  # both look before either writes
            waited.done = True
            both_looked.wait()
        return found

    monkeypatch.setattr(importer, "_existing", look_then_wait)
    outcomes, errors = [], []

    def run() -> None:
        try:
            outcomes.append(import_report(copy.deepcopy(report), origin=FEED_URL))
        except Exception as error:
            errors.append(error)
        finally:
            connection.close()

    run_in_threads(run, 2)
    assert errors == []
    assert sorted(o.action for o in outcomes) == [CREATED, DUPLICATE]
    loser = next(o for o in outcomes if o.action == DUPLICATE)
    assert loser.messages[0] == RACED
    assert Article.objects.count() == 1


# The slug of a draft follows its headline until it is published.


def test_a_drafts_slug_follows_its_new_headline(registry):
    article = ArticleFactory(draft=True, headline="Forum opens")
    article.headline = "Forum opens in Astrakhan"
    article.save()
    assert article.slug == "forum-opens-in-astrakhan"
    article.refresh_from_db()
    assert article.slug == "forum-opens-in-astrakhan"


def test_a_resent_headline_renames_the_untouched_draft(registry):
    article = import_report(feed_item("Forum opens"), origin=FEED_URL).article
    assert article.slug == "forum-opens"
    import_report(feed_item("Forum closes"), origin=FEED_URL)
    article.refresh_from_db()
    assert article.slug == "forum-closes"


def test_a_published_reports_slug_stays_when_its_headline_changes(registry, editor):
    article = ArticleFactory(draft=True, headline="Forum opens")
    article.publish(by=editor)
    article.headline = "Forum opens in Astrakhan"
    article.save()
    article.refresh_from_db()
    assert article.slug == "forum-opens"


def test_a_slug_chosen_by_hand_is_kept(registry):
    article = ArticleFactory(draft=True, headline="Forum opens", slug="caspian-forum")
    article.headline = "Forum opens in Astrakhan"
    article.save()
    assert article.slug == "caspian-forum"


def test_a_renamed_draft_never_takes_another_reports_slug(registry):
    ArticleFactory(headline="Forum closes")
    article = ArticleFactory(draft=True, headline="Forum opens")
    article.headline = "Forum closes"
    article.save()
    assert article.slug == "forum-closes-2"
