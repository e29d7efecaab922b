"""The report API: published reports, the sync stream, and (with a token) writes."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, transaction
from django.db.models import Prefetch
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.http import http_date
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import (
    APIException,
    NotAcceptable,
    NotFound,
    PermissionDenied,
    ValidationError,
)
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from articles.filters import ArticleFilterSet, wants_sync
from articles.models import DETAIL_FIELDS, Article, ArticleQuerySet
from articles.ninjs import EXTRA_FIELDS, VERSIONS, article_to_ninjs
from articles.serializers import (
    ArticleChangeSerializer,
    ArticleDetailSerializer,
    ArticleListItemSerializer,
    ArticleListSerializer,
    ArticleWriteSerializer,
    WithdrawnArticleSerializer,
    WorkflowStepSerializer,
)
from articles.successors import attach_successors
from articles.tag_rows import attach_tag_rows
from articles.workflow import ArticleStatus, InvalidTransition, locked_fields, may_edit
from editorial.versioning import StaleVersion, ensure_current
from newsroom.api_access import HoldsToken, MethodsFirst, SingleValueFilterBackend
from newsroom.api_views import reads_everything
from newsroom.conditional import PreconditionFailed, article_etag, if_match_version
from newsroom.pagination import KeysetPagination
from newsroom.renderers import BrowsableAPIRenderer, NinjsRenderer, media_parameter

NINJS_DOCUMENT = OpenApiResponse(
    response=OpenApiTypes.OBJECT, description="An IPTC ninjs document (docs/api.md, ninjs)."
)


class Conflict(APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = "The report is not in a state this step can start from."
    default_code = "conflict"


# What a ninjs document needs of the report a correction or update follows.
PREDECESSOR_FIELDS = ("id", "slug", "headline", "status", "published_at", "embargo_until",
                      "version", "created_at")  # fmt: skip

LINKS = ("update_of", "correction_of")

# What the sync stream reads beyond a list's columns: its key, and a withdrawal's notice.
STREAM_FIELDS = ("changed_at", "withdrawn_at", "withdrawal_reason")


@extend_schema_view(
    list=extend_schema(
        responses={
            (200, "application/json"): ArticleListItemSerializer,
            (200, "application/ninjs+json"): NINJS_DOCUMENT,  # paged as any list
        }
    ),
    retrieve=extend_schema(
        responses={
            (200, "application/json"): ArticleDetailSerializer,
            (200, "application/ninjs+json"): NINJS_DOCUMENT,
            410: WithdrawnArticleSerializer,
        }
    ),
)
class ArticleViewSet(
    MethodsFirst, mixins.CreateModelMixin, mixins.UpdateModelMixin, viewsets.ReadOnlyModelViewSet
):
    """Published reports, newest first; lists page by cursor (`next`/`previous` links).

    With `updated_since` (or `ordering=updated_at`) the list is the sync stream: every
    report the public may see and every withdrawn one (as a notice), oldest change first.
    """

    filterset_class = ArticleFilterSet  # `ordering` included: the order is the cursor's
    filter_backends = [SingleValueFilterBackend]
    pagination_class = KeysetPagination
    lookup_value_regex = r"\d{1,18}"

    renderer_classes = [JSONRenderer, NinjsRenderer, BrowsableAPIRenderer]

    def get_queryset(self):
        ninjs = EXTRA_FIELDS if self.wants_ninjs else ()
        if self.action != "list":
            reports = Article.objects.all()
            if not reads_everything(self.request, Article):  # else an integrator's own drafts
                reports = reports.published()
            return reports.for_detail(*ninjs, *LAST_MODIFIED_FIELDS)
        if wants_sync(self.request.query_params):
            # Changes younger than a few seconds wait for the next read: a transaction
            # still committing then cannot slip behind a client's position.
            settle = datetime.timedelta(seconds=settings.API_SYNC_SETTLE_SECONDS)
            # Read from the primary: a replica's lag would let a position pass a change.
            stream = Article.objects.using(DEFAULT_DB_ALIAS).changes()
            stream = stream.filter(changed_at__lte=timezone.now() - settle)
            # Whole reports, as the detail shows them: a mirror stores what it reads. Their
            # predecessors are joined (a page walks the stream's index in any case), which
            # keeps one query a page whatever the page holds.
            linked = [f"{link}__{f}" for link in LINKS for f in PREDECESSOR_FIELDS]
            rows = stream.for_rows(*STREAM_FIELDS, *DETAIL_FIELDS, *LINKS, *linked)
            return rows.select_related(*LINKS)
        reports = Article.objects.published().current()
        if self.wants_ninjs:
            return _with_predecessors(reports.for_rows(*DETAIL_FIELDS, *EXTRA_FIELDS))
        return reports.for_rows()  # tags: once the page is cut

    @property
    def wants_ninjs(self) -> bool:
        """Whether the client asked for IPTC ninjs (Accept, `?format=ninjs`, `/ninjs/`)."""
        renderer = getattr(self.request, "accepted_renderer", None)
        return self.action == "ninjs" or getattr(renderer, "format", "") == "ninjs"

    def ninjs_version(self) -> str:
        """The ninjs version asked for: `?version=`, else `Accept`'s `version` parameter."""
        asked = media_parameter(getattr(self.request, "accepted_media_type", ""), "version")
        version = self.request.query_params.get("version") or asked or VERSIONS[0]
        if version not in VERSIONS:
            raise ValidationError({"version": [f"Choose one of: {', '.join(VERSIONS)}."]})
        return version

    def _ninjs(self, article: Article, version: str) -> dict:
        """The report as a ninjs document, its links on the address the client used."""
        base = self.request.build_absolute_uri("/").rstrip("/")
        return article_to_ninjs(article, version=version, base_url=base)

    def list(self, request, *args, **kwargs):
        if self.wants_ninjs and wants_sync(request.query_params):
            reason = "The sync stream is JSON: it carries withdrawal notices too."
            if "format" not in request.query_params:
                raise NotAcceptable(reason)  # asked by the Accept header
            raise ValidationError({"format": [reason]})
        if not self.wants_ninjs:
            response = super().list(request, *args, **kwargs)
            if wants_sync(request.query_params):
                # A page read inside the settle window leaves its last changes for the next
                # read: no cache (this site's or a CDN's) may keep it much longer than that.
                patch_cache_control(
                    response, public=True, max_age=max(1, settings.API_SYNC_SETTLE_SECONDS)
                )
            return response
        version = self.ninjs_version()
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        items = [self._ninjs(a, version) for a in page]
        return self.paginator.get_paginated_response(items)

    def handle_exception(self, exc):
        response = super().handle_exception(exc)
        if response.status_code == status.HTTP_404_NOT_FOUND:
            # The report may be scheduled or under embargo: no cache may keep saying it is
            # not there once its time comes (a withdrawn one's 410 is for good).
            patch_cache_control(response, no_cache=True)
        return response

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        attach_tag_rows(page if page is not None else [])
        # Lists hold current reports only (no query); the stream holds replaced ones too.
        stream = queryset.is_change_stream()
        attach_successors(page if page is not None else [], every_page=stream)
        return page

    def get_serializer_class(self):
        if self.action in ("create", "update", "partial_update"):
            return ArticleWriteSerializer
        if self.action in STEPS:
            return WorkflowStepSerializer
        if self.action == "retrieve":
            return ArticleDetailSerializer
        if self.action == "list" and wants_sync(self.request.query_params):
            return ArticleChangeSerializer
        return ArticleListSerializer

    def retrieve(self, request, *args, **kwargs):
        """Return a published report (ETag: its version); a withdrawn one answers 410."""
        article = self.get_queryset().filter(pk=kwargs["pk"]).first()
        if article is None:
            gone = Article.objects.withdrawn().filter(pk=kwargs["pk"]).first()
            if gone is None:
                raise NotFound("No such report.")
            if self.wants_ninjs:  # a ninjs consumer gets ninjs: pubStatus canceled, no text
                attach_tag_rows([gone])
                document = self._ninjs(gone, self.ninjs_version())
                return Response(document, status=status.HTTP_410_GONE)
            data = WithdrawnArticleSerializer(gone, context=self.get_serializer_context()).data
            return Response(data, status=status.HTTP_410_GONE)
        attach_tag_rows([article])
        if self.wants_ninjs:
            version = self.ninjs_version()
            document = self._ninjs(article, version)
            response = Response(document)
            response["ETag"] = article_etag(article, f"ninjs{version}", document)
        else:
            data = self.get_serializer(article).data
            response = Response(data)
            response["ETag"] = article_etag(article, body=data)
        changed = last_modified(article)
        if changed is not None:  # If-Modified-Since is answered by ConditionalGetMiddleware
            response["Last-Modified"] = http_date(changed.timestamp())
        return response

    @extend_schema(
        parameters=[OpenApiParameter("version", str, enum=[*VERSIONS], default=VERSIONS[0])],
        responses={(200, "application/ninjs+json"): OpenApiTypes.OBJECT},
    )
    @action(detail=True, methods=["get"], renderer_classes=[NinjsRenderer, JSONRenderer])
    def ninjs(self, request, pk=None):
        """The report as an IPTC ninjs document (3.1 by default, or `?version=2.2`)."""
        return self.retrieve(request, pk=pk)

    def create(self, request, *args, **kwargs):
        """Create a draft (a draft is a draft: publishing is a step of its own)."""
        locked = [f for f in locked_fields(request.user, None) if f in request.data]
        if locked:
            raise PermissionDenied(f"You may not set {', '.join(locked)}.")
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        article = serializer.save_with_tags(by=request.user)
        return self._written(article, status.HTTP_201_CREATED)

    def update(self, request, *args, **kwargs):
        """Change a report: If-Match must name the version read (412 when stale). The
        admin's rules hold: a published report needs an editor, a withdrawn one stays as
        it was withdrawn, the publish time and a running embargo need their permissions."""
        with transaction.atomic():
            article = self._for_write(request, kwargs["pk"])
            if article.status == ArticleStatus.WITHDRAWN:
                raise PermissionDenied("A withdrawn report stays as it was withdrawn.")
            if not may_edit(request.user, article):
                raise PermissionDenied("Only an editor may change a published report.")
            locked = [f for f in locked_fields(request.user, article) if f in request.data]
            if locked:
                raise PermissionDenied(
                    f"You may not set {', '.join(locked)}: publishing and lifting an "
                    "embargo are steps of their own (publish/, lift-embargo/)."
                )
            # PUT changes the fields it names, as PATCH does (docs/api.md, Writing).
            serializer = self.get_serializer(article, data=request.data, partial=True)
            serializer.is_valid(raise_exception=True)
            refused = article.refused_time_changes(serializer.validated_data)
            if refused:
                raise ValidationError({field: [why] for field, why in refused.items()})
            serializer.save_with_tags(by=request.user)
        return self._written(article)

    def take_step(self, request, pk: str, step: str) -> Response:
        """Take a workflow step with the same checks as the admin's buttons."""
        serializer = WorkflowStepSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        options = serializer.validated_data
        if step == "withdraw" and not options.get("reason", "").strip():
            raise ValidationError({"reason": ["Say why the report is withdrawn: readers see it."]})
        with transaction.atomic():
            article = self._for_write(request, pk)
            try:
                if step == "publish":
                    article.publish(by=request.user, at=options.get("at"))
                elif step == "withdraw":
                    article.withdraw(by=request.user, reason=options.get("reason", ""))
                else:
                    getattr(article, step)(by=request.user)
            except InvalidTransition as refused:
                raise Conflict(str(refused)) from None
        return self._written(article)

    def _for_write(self, request, pk) -> Article:
        """The report to change, locked, if If-Match names its current version."""
        expected = if_match_version(request, int(pk))
        article = Article.objects.filter(pk=pk).first()
        if article is None:
            raise NotFound("No such report.")
        try:
            ensure_current(Article, article.pk, expected)
        except StaleVersion as stale:
            raise PreconditionFailed(str(stale)) from None
        return article

    def _written(self, article: Article, code: int = status.HTTP_200_OK) -> Response:
        article = Article.objects.for_detail().get(pk=article.pk)
        attach_tag_rows([article])
        data = ArticleDetailSerializer(article, context=self.get_serializer_context()).data
        response = Response(data, status=code)
        response["ETag"] = article_etag(article, body=data)
        if code == status.HTTP_201_CREATED:
            response["Location"] = self.request.build_absolute_uri(
                reverse("article-detail", args=[article.pk])
            )
        return response


STEPS = ("submit", "return_to_draft", "publish", "withdraw", "lift_embargo")


def _step_action(step: str):
    def view(self, request, pk=None):
        return self.take_step(request, pk, step)

    view.__name__ = step
    view.__doc__ = f"Workflow step `{step}` (If-Match required; the step's permission applies)."
    return action(
        detail=True,
        methods=["post"],
        url_path=step.replace("_", "-"),
        permission_classes=[HoldsToken],
    )(extend_schema(request=WorkflowStepSerializer, responses=ArticleDetailSerializer)(view))


for _step in STEPS:
    setattr(ArticleViewSet, _step, _step_action(_step))


# What dates a report's answer besides its own change: the dateline city's name.
LAST_MODIFIED_FIELDS = ("changed_at", "dateline_city__updated_at")


def last_modified(article: Article) -> datetime.datetime | None:
    """When the report's answer last changed: its own last public change (renamed or
    deleted tags included), its dateline city's, and those of the reports it links to
    (a successor, a predecessor that went public or was withdrawn). None when a linked
    report was not read (no header rather than a wrong one)."""
    now = timezone.now()
    times = [article.updated_at, article.changed_at]
    if article.dateline_city is not None:
        times.append(article.dateline_city.updated_at)
    for link in LINKS:
        if getattr(article, f"{link}_id") is None:
            continue
        if not getattr(Article, link).is_cached(article):  # the answer read it, or no header
            return None
        times.append(getattr(article, link).changed_at)
    if not hasattr(article, "successor") and article.superseded_at is not None:
        return None
    successor = getattr(article, "successor", None)
    if successor is not None:
        times.append(successor.changed_at)
    # A scheduled change (a report going public later) counts once its time has come.
    return max(t for t in times if t is not None and t <= now)


def _with_predecessors(reports: ArticleQuerySet) -> ArticleQuerySet:
    """Fetch the reports each one updates or corrects (ninjs links the public ones): one
    query a page for all."""
    linked = Article.objects.only(*PREDECESSOR_FIELDS)
    return reports.prefetch_related(*(Prefetch(link, queryset=linked) for link in LINKS))
