"""The report API: published reports, the sync stream, and (with a token) writes."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    PolymorphicProxySerializer,
    extend_schema,
    extend_schema_view,
)
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import APIException, NotFound, ValidationError
from rest_framework.permissions import IsAuthenticated
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from articles.filters import ArticleFilterSet, wants_sync
from articles.models import DETAIL_FIELDS, Article
from articles.ninjs import EXTRA_FIELDS, VERSIONS, article_to_ninjs
from articles.serializers import (
    ArticleChangeSerializer,
    ArticleDetailSerializer,
    ArticleListSerializer,
    ArticleWriteSerializer,
    WithdrawnArticleSerializer,
    WorkflowStepSerializer,
)
from articles.tag_rows import attach_tag_rows
from articles.workflow import InvalidTransition
from editorial.versioning import StaleVersion, ensure_current
from newsroom.api_views import reads_everything
from newsroom.conditional import PreconditionFailed, article_etag, if_match_version
from newsroom.pagination import KeysetPagination
from newsroom.renderers import BrowsableAPIRenderer, NinjsRenderer

NINJS_DOCUMENT = OpenApiResponse(
    response=OpenApiTypes.OBJECT, description="An IPTC ninjs document (docs/api.md, ninjs)."
)


class Conflict(APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = "The report is not in a state this step can start from."
    default_code = "conflict"


# What the sync stream reads beyond a list's columns: its key, and a withdrawal's notice.
STREAM_FIELDS = ("changed_at", "withdrawn_at", "withdrawal_reason")


@extend_schema_view(
    list=extend_schema(
        responses={
            (200, "application/json"): PolymorphicProxySerializer(
                component_name="ArticleListItem",
                serializers=[ArticleListSerializer, WithdrawnArticleSerializer],
                resource_type_field_name=None,
            ),
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
    mixins.CreateModelMixin, mixins.UpdateModelMixin, viewsets.ReadOnlyModelViewSet
):
    """Published reports, newest first; lists page by cursor (`next`/`previous` links).

    With `updated_since` (or `ordering=updated_at`) the list is the sync stream: every
    report the public may see and every withdrawn one (as a notice), oldest change first.
    """

    filterset_class = ArticleFilterSet  # `ordering` included: the order is the cursor's
    filter_backends = [DjangoFilterBackend]
    pagination_class = KeysetPagination
    lookup_value_regex = r"\d+"

    renderer_classes = [JSONRenderer, NinjsRenderer, BrowsableAPIRenderer]

    def get_queryset(self):
        ninjs = EXTRA_FIELDS if self.wants_ninjs else ()
        if self.action != "list":
            if reads_everything(self.request, Article):  # an integrator's own drafts
                return Article.objects.for_detail(*ninjs)
            return Article.objects.published().for_detail(*ninjs)
        if wants_sync(self.request.query_params):
            # Changes younger than a few seconds wait for the next read: a transaction
            # still committing then cannot slip behind a client's position.
            settle = datetime.timedelta(seconds=settings.API_SYNC_SETTLE_SECONDS)
            stream = Article.objects.changes().filter(changed_at__lte=timezone.now() - settle)
            return stream.for_rows(*STREAM_FIELDS)
        reports = Article.objects.published().current()
        if self.wants_ninjs:
            return reports.for_rows(*DETAIL_FIELDS, *EXTRA_FIELDS)
        return reports.for_rows()  # tags: once the page is cut

    @property
    def wants_ninjs(self) -> bool:
        """Whether the client asked for IPTC ninjs (Accept, `?format=ninjs`, `/ninjs/`)."""
        renderer = getattr(self.request, "accepted_renderer", None)
        return self.action == "ninjs" or getattr(renderer, "format", "") == "ninjs"

    def ninjs_version(self) -> str:
        version = self.request.query_params.get("version", VERSIONS[0])
        if version not in VERSIONS:
            raise ValidationError({"version": [f"Choose one of: {', '.join(VERSIONS)}."]})
        return version

    def list(self, request, *args, **kwargs):
        if not self.wants_ninjs or wants_sync(request.query_params):
            return super().list(request, *args, **kwargs)
        version = self.ninjs_version()
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        base = request.build_absolute_uri("/").rstrip("/")
        items = [article_to_ninjs(a, version=version, base_url=base) for a in page]
        return self.paginator.get_paginated_response(items)

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        attach_tag_rows(page if page is not None else [])
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
            data = WithdrawnArticleSerializer(gone, context=self.get_serializer_context()).data
            return Response(data, status=status.HTTP_410_GONE)
        attach_tag_rows([article])
        if self.wants_ninjs:
            version = self.ninjs_version()
            base = request.build_absolute_uri("/").rstrip("/")
            response = Response(article_to_ninjs(article, version=version, base_url=base))
            response["ETag"] = article_etag(article, f"ninjs{version}")
            return response
        response = Response(self.get_serializer(article).data)
        response["ETag"] = article_etag(article)
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
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        article = serializer.save_with_tags(by=request.user)
        return self._written(article, status.HTTP_201_CREATED)

    def update(self, request, *args, **kwargs):
        """Change a report: If-Match must name the version read (412 when stale)."""
        with transaction.atomic():
            article = self._for_write(request, kwargs["pk"])
            serializer = self.get_serializer(
                article, data=request.data, partial=kwargs.get("partial", False)
            )
            serializer.is_valid(raise_exception=True)
            serializer.save_with_tags(by=request.user)
        return self._written(article)

    def take_step(self, request, pk: str, step: str) -> Response:
        """Take a workflow step with the same checks as the admin's buttons."""
        serializer = WorkflowStepSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        options = serializer.validated_data
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
        response = Response(
            ArticleDetailSerializer(article, context=self.get_serializer_context()).data,
            status=code,
        )
        response["ETag"] = article_etag(article)
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
        permission_classes=[IsAuthenticated],
    )(extend_schema(request=WorkflowStepSerializer, responses=ArticleDetailSerializer)(view))


for _step in STEPS:
    setattr(ArticleViewSet, _step, _step_action(_step))
