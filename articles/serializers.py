from rest_framework import serializers

from articles.models import Article
from events.serializers import EventTagSerializer
from newsroom.serializers import PublicURLField
from organizations.serializers import OrganizationTagSerializer, PersonTagSerializer
from places.serializers import CityTagSerializer, CountryTagSerializer


class DatelineSerializer(serializers.ModelSerializer):
    raw = serializers.CharField(source="dateline_raw")
    city = CityTagSerializer(source="dateline_city")
    country = CountryTagSerializer(source="dateline_country")
    date = serializers.DateField(source="dateline_date")

    class Meta:
        model = Article
        fields = ["raw", "city", "country", "date"]


class ArticleListSerializer(serializers.ModelSerializer):
    dateline = DatelineSerializer(source="*", read_only=True)
    agency = OrganizationTagSerializer(read_only=True)
    events = EventTagSerializer(many=True, read_only=True)
    countries = CountryTagSerializer(many=True, read_only=True)
    organizations = OrganizationTagSerializer(many=True, read_only=True)
    people = PersonTagSerializer(many=True, read_only=True)
    url = PublicURLField()

    class Meta:
        model = Article
        fields = [
            "id",
            "slug",
            "headline",
            "summary",
            "dateline",
            "agency",
            "language",
            "published_at",
            "events",
            "countries",
            "organizations",
            "people",
            "url",
        ]


class ArticleDetailSerializer(ArticleListSerializer):
    class Meta(ArticleListSerializer.Meta):
        fields = [
            *ArticleListSerializer.Meta.fields,
            "body",
            "byline",
            "agency_item_id",
            "source_url",
            "version",
        ]
