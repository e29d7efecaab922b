"""Read API for published reports."""

from rest_framework import viewsets

from articles.filters import ArticleFilterSet
from articles.models import Article
from articles.serializers import ArticleDetailSerializer, ArticleListSerializer


class ArticleViewSet(viewsets.ReadOnlyModelViewSet):
    filterset_class = ArticleFilterSet
    ordering_fields = ["published_at"]

    def get_queryset(self):
        return Article.objects.published().for_detail().newest_first()

    def get_serializer_class(self):
        return ArticleDetailSerializer if self.action == "retrieve" else ArticleListSerializer
