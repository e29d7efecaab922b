"""An agency's notice that an item must not be used (canceled or withheld): read from
every structured format, never taken for "nothing changed", held on the report's page,
and acted on there (the report withdrawn) by an editor."""

import pytest
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from articles.models import Article, ArticleStatus
from ingest.batch import import_reports
from ingest.importer import CREATED, DUPLICATE, HELD, import_report
from ingest.models import IncomingVersion, Notice
from ingest.reading import read_reports
from ingest.types import CANCELED, WITHHELD, WireError, publication_status

pytestmark = pytest.mark.django_db

NINJS = """{"uri": "urn:caspianwire:2024-0510-12", "version": "%s", "type": "text",
 "headline": "Ferry service resumes", "provider": {"name": "Trend"}, %s
 "body_text": "BAKU, May 10. The ferry between Baku and Aktau sailed again on Friday."}"""

G2 = """<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:newsml:caspianwire:20240510:12"
  version="2" standard="NewsML-G2" standardversion="2.29">
 <itemMeta><itemClass qcode="ninat:text"/><provider literal="Trend"/>
  <versionCreated>2024-05-10T12:00:00Z</versionCreated>%s</itemMeta>
 <contentMeta><headline>Ferry service resumes</headline></contentMeta>
 <contentSet><inlineXML contenttype="application/xhtml+xml">
  <html xmlns="http://www.w3.org/1999/xhtml"><body><p>BAKU, May 10. The ferry sailed again.</p></body></html>
 </inlineXML></contentSet>
</newsItem>"""

NITF = """<?xml version="1.0"?><nitf><head><title>Ferry service resumes</title>
 <docdata management-status="%s"><doc-id id-string="CW-12"/></docdata></head>
 <body><body.head><hedline><hl1>Ferry service resumes</hl1></hedline></body.head>
 <body.content><p>BAKU, May 10. The ferry sailed again.</p></body.content></body></nitf>"""

NEWSML1 = """<?xml version="1.0"?><NewsML><NewsItem>
 <Identification><NewsIdentifier><ProviderId>caspianwire.example</ProviderId>
  <DateId>20240510</DateId><NewsItemId>12</NewsItemId><RevisionId>2</RevisionId>
 </NewsIdentifier></Identification>
 <NewsManagement><Status FormalName="%s"/></NewsManagement>
 <NewsComponent><NewsLines><HeadLine>Ferry service resumes</HeadLine></NewsLines>
  <ContentItem><MediaType FormalName="Text"/><DataContent><p>BAKU, May 10. The ferry sailed.</p>
  </DataContent></ContentItem></NewsComponent></NewsItem></NewsML>"""


def ninjs(version: int, status: str | None = None):
    extra = f'"pubStatus": "{status}",' if status else ""
    [report] = read_reports((NINJS % (version, extra)).encode(), filename="item.json")
    return report


@pytest.mark.parametrize(
    ("value", "status"),
    [("canceled", CANCELED), ("stat:canceled", CANCELED), ("Cancelled", CANCELED),
     ("withheld", WITHHELD), ("stat:withheld", WITHHELD), ("usable", ""), ("stat:usable", ""),
     ("", "")],
)  # fmt: skip
def test_publication_statuses_as_the_formats_write_them(value, status):
    assert publication_status(value) == status


@pytest.mark.parametrize(
    ("document", "written"),
    [(NINJS.replace("%s", "2", 1), '"pubStatus": "%s",'), (G2, '<pubStatus qcode="stat:%s"/>'),
     (NITF, "%s"), (NEWSML1, "%s")],
    ids=["ninjs", "newsml-g2", "nitf", "newsml1"],
)  # fmt: skip
@pytest.mark.parametrize("word", ["canceled", "withheld", "usable"])
def test_every_structured_format_says_whether_an_item_may_be_used(
    registry, document, written, word
):
    text = document % (written % word)
    [report] = read_reports(text.encode())
    assert report.pub_status == publication_status(word)
    assert report.headline == "Ferry service resumes"


def test_a_kill_for_a_published_report_is_held_on_its_page_not_taken_as_nothing_new(
    registry, admin_client
):
    article = import_report(ninjs(1)).article
    Article.objects.filter(pk=article.pk).update(
        status=ArticleStatus.PUBLISHED, published_at=timezone.now()
    )
    kill = import_report(ninjs(1, "canceled"))  # the very text, marked canceled
    assert kill.action == HELD and kill.article.pk == article.pk
    assert "must not be used" in kill.messages[0] and "Withdraw" in kill.messages[0]
    notice = IncomingVersion.objects.get(notice=Notice.CANCELED)
    assert import_report(ninjs(2, "canceled")).action == DUPLICATE  # sent again: held once
    page = admin_client.get(reverse("admin:articles_article_change", args=[article.pk]))
    assert "Canceled by the agency" in page.content.decode()
    apply = reverse("admin:articles_article_incoming", args=[notice.pk, "apply"])
    article.refresh_from_db()
    admin_client.post(apply, {"version": article.version})
    article.refresh_from_db()
    assert article.status == ArticleStatus.WITHDRAWN
    assert article.withdrawal_reason == "The agency canceled this report."


def test_a_kill_for_a_draft_tells_the_editor_not_to_publish_it(registry):
    import_report(ninjs(1))
    kill = import_report(ninjs(2, "canceled"))
    assert kill.action == HELD and "Do not publish" in kill.messages[0]
    assert Article.objects.get().status == ArticleStatus.DRAFT  # the editor decides


def test_a_kill_for_an_item_never_imported_imports_nothing(registry):
    with pytest.raises(WireError, match="canceled"):
        import_report(ninjs(1, "canceled"))
    [result] = import_reports([ninjs(1, "canceled")])  # the batch path: the same rule
    assert "canceled" in result.error and Article.objects.count() == 0


def test_a_withheld_item_becomes_a_draft_marked_not_to_publish(registry):
    created = import_report(ninjs(1, "withheld"))
    assert created.action == CREATED
    assert any("withholds" in message for message in created.messages)


def test_the_ingest_api_answers_a_kill_with_202_and_the_notice(registry, editor):
    client = APIClient()
    client.force_authenticate(user=editor, token="integrator-token")

    def send(status: str | None) -> dict:
        document = NINJS % (1, f'"pubStatus": "{status}",' if status else "")
        response = client.generic(
            "POST", "/api/v1/ingest/", document, content_type="application/ninjs+json"
        )
        return {"status": response.status_code, **response.json()}

    assert send(None)["status"] == 201
    kill = send("canceled")
    assert kill["status"] == 202 and kill["held_version"]["notice"] == "canceled"


@pytest.mark.parametrize("root", ["conceptItem", "knowledgeItem", "packageItem", "planningItem"])
def test_newsml_g2_items_that_are_not_news_are_refused_however_they_are_sent(root):
    # The concept names a web page (`<a href>`): it was once read as one, a junk draft.
    xml = (
        f'<?xml version="1.0"?><{root} xmlns="http://iptc.org/std/nar/2006-10-01/" '
        f'guid="urn:example:1" version="1" standard="NewsML-G2" standardversion="2.29">'
        '<itemMeta><itemClass qcode="cinat:event"/></itemMeta><concept><definition>'
        '<a href="https://iptc.org/">IPTC</a> meets in London.</definition></concept>'
        f"</{root}>"
    )
    with pytest.raises(WireError, match=f"is a {root}, not a news item"):
        read_reports(xml.encode())


def test_a_kill_sent_again_after_the_editor_decided_raises_no_new_notice(registry, editor):
    article = import_report(ninjs(1)).article
    import_report(ninjs(2, "canceled"))
    IncomingVersion.objects.get().dismiss(by=editor)  # the editor checked: it stays
    assert import_report(ninjs(2, "canceled")).action == DUPLICATE
    assert IncomingVersion.objects.pending().count() == 0
    Article.objects.filter(pk=article.pk).update(status=ArticleStatus.WITHDRAWN)
    IncomingVersion.objects.all().delete()
    assert import_report(ninjs(3, "canceled")).action == DUPLICATE  # withdrawn already


def test_a_usable_version_sets_a_withheld_notice_aside(registry):
    import_report(ninjs(1))
    assert import_report(ninjs(2, "withheld")).action == HELD
    released = import_report(ninjs(3, "usable"))  # the very text, released
    assert released.action == DUPLICATE and "released" in released.messages[0]
    assert not IncomingVersion.objects.pending().exists()
    assert import_report(ninjs(4, "withheld")).action == HELD  # withheld again: a new notice


@pytest.mark.parametrize("way", ["one by one", "batch"])
def test_a_withheld_new_item_shows_its_notice_on_the_draft(registry, way):
    if way == "batch":
        [result] = import_reports([ninjs(1, "withheld")])
        article = result.outcome.article
    else:
        article = import_report(ninjs(1, "withheld")).article
    assert article.incoming_versions.pending().get().notice == Notice.WITHHELD
