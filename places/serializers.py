from rest_framework import serializers

from newsroom.serializers import PublicURLField
from places.models import City, Country


class CountryTagSerializer(serializers.ModelSerializer):
    class Meta:
        model = Country
        fields = ["code", "name"]


class CountrySerializer(serializers.ModelSerializer):
    url = PublicURLField()
    article_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Country
        fields = [
            "code",
            "alpha3",
            "name",
            "official_name",
            "demonyms",
            "aliases",
            "article_count",
            "url",
        ]


class CityTagSerializer(serializers.ModelSerializer):
    country = serializers.CharField(source="country_id", read_only=True)

    class Meta:
        model = City
        fields = ["id", "name", "country"]


class CitySerializer(serializers.ModelSerializer):
    country = CountryTagSerializer(read_only=True)

    class Meta:
        model = City
        fields = [
            "id", "name", "country", "population", "latitude", "longitude", "timezone",
            "geonames_id", "aliases",
        ]  # fmt: skip
