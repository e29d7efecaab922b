"""Read API for published reports."""

from rest_framework import status, viewsets
from rest_framework.response import Response

from articles.filters import ArticleFilterSet
from articles.models import Article
from articles.serializers import (
    ArticleDetailSerializer,
    ArticleListSerializer,
    WithdrawnArticleSerializer,
)
from articles.tag_rows import attach_tag_rows
from newsroom.pagination import KeysetPagination


class ArticleViewSet(viewsets.ReadOnlyModelViewSet):
    """Published reports, newest first; lists page by cursor (`next`/`previous` links)."""

    filterset_class = ArticleFilterSet
    pagination_class = KeysetPagination
    ordering_fields: list[str] = []  # one order, the one the cursor follows
    lookup_value_regex = r"\d+"

    def get_queryset(self):
        reports = Article.objects.published()
        if self.action == "list":  # a page's tags are read as rows once it is cut
            return reports.current().for_rows()
        return reports.for_detail()

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        attach_tag_rows(page if page is not None else [])
        return page

    def get_object(self):
        article = super().get_object()
        attach_tag_rows([article])
        return article

    def get_serializer_class(self):
        return ArticleDetailSerializer if self.action == "retrieve" else ArticleListSerializer

    def retrieve(self, request, *args, **kwargs):
        """Return a published report; a withdrawn one answers 410 with the notice."""
        gone = Article.objects.withdrawn().filter(pk=kwargs.get("pk")).first()
        if gone is not None:
            data = WithdrawnArticleSerializer(gone, context=self.get_serializer_context()).data
            return Response(data, status=status.HTTP_410_GONE)
        return super().retrieve(request, *args, **kwargs)
