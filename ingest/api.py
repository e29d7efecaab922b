"""`POST /api/v1/ingest/`: a wire report (plain text, HTML, NewsML-G2, ninjs or a feed)
through the wire desk's import, as the import screen would take it."""

from __future__ import annotations

import re
from typing import Any

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.parsers import BaseParser
from rest_framework.response import Response
from rest_framework.views import APIView

from articles.models import Article
from articles.serializers import ArticleDetailSerializer
from articles.tag_rows import attach_tag_rows
from ingest.batch import import_reports
from ingest.importer import CREATED, HELD, ImportOutcome, import_report
from ingest.models import IncomingVersion
from ingest.reading import read_reports
from ingest.types import NotYours, ParsedReport, WireError
from newsroom.api_access import MethodsFirst
from newsroom.conditional import article_etag

FAILED = "failed"  # a feed item that could not be imported: its entry says why

# Content type → the wire desk's format ("xml" lets it tell NewsML, NITF and feeds apart,
# "plain" pasted text from wire copy in ANPA-1312, IPTC 7901 or ZCZC).
FORMATS = {
    "text/plain": "plain",
    "text/html": "html",
    "application/json": "ninjs",
    "application/ninjs+json": "ninjs",
    "application/xml": "xml",
    "text/xml": "xml",
    "application/vnd.iptc.g2.newsitem+xml": "newsml",
    "application/vnd.iptc.g2.newsmessage+xml": "newsml",
    "text/vnd.iptc.newsml": "newsml1",
    "text/vnd.iptc.nitf": "nitf",
    "application/rss+xml": "feed",
    "application/atom+xml": "feed",
}


class WireBodyParser(BaseParser):
    """Hand the body over untouched: the wire desk reads and decodes it itself."""

    media_type = "*/*"

    def parse(self, stream, media_type=None, parser_context=None) -> bytes:  # type: ignore[override]
        return stream.read() if stream is not None else b""


class IngestView(MethodsFirst, APIView):
    """Import wire copy as the import screen does: a new report becomes a draft, a new
    version of one already here updates it, or is held for review if an editor changed it.

    Needs the permission to add reports. One report answers 201 (created), 200 (updated)
    or 202 (held); a feed answers 200 with one entry per item.
    """

    parser_classes = [WireBodyParser]
    queryset = Article.objects.none()  # the model whose add permission this needs

    @extend_schema(
        request={media: {"type": "string"} for media in FORMATS},
        responses={
            200: OpenApiResponse(description="Updated (or several items imported)."),
            201: OpenApiResponse(description="Created as a draft."),
            202: OpenApiResponse(description="Held for review: an editor changed the report."),
        },
    )
    def post(self, request) -> Response:
        media = request.content_type.split(";")[0].strip().lower()
        if media not in FORMATS:
            known = ", ".join(FORMATS)
            return Response(
                {"detail": f"Send the report as one of: {known}."},
                status=status.HTTP_415_UNSUPPORTED_MEDIA_TYPE,
            )
        coding = request.META.get("HTTP_CONTENT_ENCODING", "").strip().lower()
        if coding not in ("", "identity"):
            return Response(
                {"detail": f"Send the body as it is: the {coding!r} content coding is not read."},
                status=status.HTTP_415_UNSUPPORTED_MEDIA_TYPE,
            )
        body = request.data if isinstance(request.data, bytes) else b""  # no body: {}
        body = _as_utf8(body, request.content_type)
        try:
            reports = read_reports(body, format=FORMATS[media], filename="API")
        except WireError as error:
            raise ValidationError({"body": [str(error)]}) from None
        if len(reports) > settings.WIRE_INLINE_ITEMS:
            raise ValidationError(
                {"body": [f"More than {settings.WIRE_INLINE_ITEMS} items: add a wire source."]}
            )
        if not reports:
            raise ValidationError({"body": ["The feed holds no item to import."]})
        may_change = request.user.has_perm("articles.change_article")
        if len(reports) > 1 or reports[0].format == "feed":  # a feed: a list, whatever its size
            return Response({"results": self._import_feed(reports, may_change)})
        try:
            with transaction.atomic():
                outcome = import_report(
                    reports[0], by=request.user, source="API", may_change=may_change
                )
        except NotYours as error:
            raise PermissionDenied(str(error)) from None
        except WireError as error:
            raise ValidationError({"body": [str(error)]}) from None
        entries = [self._entry(outcome)]
        code = {CREATED: 201, HELD: 202}.get(outcome.action, 200)
        response = Response(entries[0], status=code)
        if code == 201:  # the new report's address (RFC 9110 §15.3.2), as a create gives
            response["Location"] = request.build_absolute_uri(
                reverse("article-detail", args=[outcome.article.pk])
            )
        if "version" in entries[0]["article"]:
            response["ETag"] = article_etag(outcome.article, body=entries[0]["article"])
        return response

    def _import_feed(self, reports: list[ParsedReport], may_change: bool) -> list[dict]:
        """Import a feed's items each by itself, as the `ingest` command does: an item
        that cannot be imported (a headline-only flash, a kill for an item never sent)
        gets its reason in its entry, and the others go on."""
        imported = import_reports(
            reports, by=self.request.user, source="API", may_change=may_change
        )
        return [
            {"action": FAILED, "item": number, "errors": [result.error]}
            if result.error or result.outcome is None
            else self._entry(result.outcome)
            for number, result in enumerate(imported, start=1)
        ]

    def _entry(self, outcome: ImportOutcome) -> dict:
        if outcome.action != CREATED and not self.request.user.has_perm("articles.view_article"):
            # The report already here may be a draft or under embargo: an account that may
            # only add reports learns what happened to its copy, not the report.
            return {"action": outcome.action, "messages": outcome.messages,
                    "article": {"id": outcome.article.pk}}  # fmt: skip
        article = Article.objects.for_detail().get(pk=outcome.article.pk)
        attach_tag_rows([article])
        context = {"request": self.request}
        entry: dict[str, Any] = {
            "action": outcome.action,
            "messages": outcome.messages,
            "article": ArticleDetailSerializer(article, context=context).data,
        }
        if outcome.action == HELD:  # the wire's version, waiting beside the editor's
            held = article.incoming_versions.pending().order_by("-received_at", "-pk").first()
            entry["held_version"] = HeldVersionSerializer(held).data if held else None
        return entry


class HeldVersionSerializer(serializers.ModelSerializer):
    class Meta:
        model = IncomingVersion
        fields = ["id", "received_at", "notice", "agency_version", "headline", "summary",
                  "body", "dateline_raw", "source"]  # fmt: skip


_CHARSET = re.compile(r";\s*charset\s*=\s*\"?([\w.:-]+)", re.IGNORECASE)


def _as_utf8(body: bytes, content_type: str) -> bytes:
    """Text in the charset its `Content-Type` declares (`text/plain; charset=windows-1251`),
    as UTF-8; a body with no declared charset is left to the desk to tell."""
    declared = _CHARSET.search(content_type)
    media = content_type.split(";")[0].strip().lower()
    if not declared or media not in ("text/plain", "text/html"):  # XML declares its own
        return body
    charset = declared.group(1)
    try:
        return body.decode(charset).encode("utf-8")
    except LookupError:
        raise ValidationError({"body": [f"Unknown charset {charset!r}."]}) from None
    except UnicodeDecodeError:
        raise ValidationError({"body": [f"The body is not {charset} text."]}) from None
