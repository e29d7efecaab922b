from rest_framework import serializers

from events.models import Event, EventSeries, Participation
from newsroom.serializers import PublicURLField
from organizations.serializers import OrganizationTagSerializer
from places.serializers import CityTagSerializer, CountryTagSerializer


class EventTagSerializer(serializers.ModelSerializer):
    class Meta:
        model = Event
        fields = ["slug", "name"]


class ParticipationSerializer(serializers.ModelSerializer):
    country = CountryTagSerializer(read_only=True)
    organization = OrganizationTagSerializer(read_only=True)

    class Meta:
        model = Participation
        fields = ["role", "country", "organization", "note"]


class EventSerializer(serializers.ModelSerializer):
    series: "serializers.SlugRelatedField[EventSeries]" = serializers.SlugRelatedField(
        slug_field="slug", read_only=True
    )
    city = CityTagSerializer(read_only=True)
    country = CountryTagSerializer(read_only=True)
    organizers = OrganizationTagSerializer(many=True, read_only=True)
    participants = ParticipationSerializer(source="participations", many=True, read_only=True)
    article_count = serializers.IntegerField(read_only=True)
    url = PublicURLField()

    class Meta:
        model = Event
        fields = [
            "slug",
            "name",
            "series",
            "edition",
            "start_date",
            "end_date",
            "status",
            "city",
            "country",
            "venue",
            "theme",
            "description",
            "organizers",
            "participants",
            "aliases",
            "website",
            "article_count",
            "url",
        ]
