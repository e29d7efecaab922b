from rest_framework import serializers

from events.models import Event, EventSeries, Participation
from newsroom.serializers import AliasesField, CountryCodeField, PublicURLField, RecordSlugsField
from organizations.models import Organization
from organizations.serializers import OrganizationTagSerializer
from places.models import City
from places.serializers import CityTagSerializer, CountryTagSerializer


class EventTagSerializer(serializers.ModelSerializer):
    class Meta:
        model = Event
        fields = ["slug", "name"]


class ParticipationSerializer(serializers.ModelSerializer):
    country = CountryTagSerializer(read_only=True, allow_null=True)
    organization = OrganizationTagSerializer(read_only=True, allow_null=True)

    class Meta:
        model = Participation
        fields = ["role", "country", "organization", "note"]


class EventSerializer(serializers.ModelSerializer):
    series: "serializers.SlugRelatedField[EventSeries]" = serializers.SlugRelatedField(
        slug_field="slug", read_only=True, allow_null=True
    )
    city = CityTagSerializer(read_only=True, allow_null=True)
    country = CountryTagSerializer(read_only=True, allow_null=True)
    organizers = OrganizationTagSerializer(many=True, read_only=True)
    participants = ParticipationSerializer(source="participations", many=True, read_only=True)
    article_count = serializers.IntegerField(read_only=True)
    url = PublicURLField()

    class Meta:
        model = Event
        fields = [
            "id",
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


class EventSeriesSerializer(serializers.ModelSerializer):
    organizers = OrganizationTagSerializer(many=True, read_only=True)

    class Meta:
        model = EventSeries
        fields = ["id", "slug", "name", "aliases", "description", "website", "organizers"]


class EventSeriesWriteSerializer(serializers.ModelSerializer):
    """What an integrator may set on a series: organizers by slug."""

    aliases = AliasesField()
    organizers = RecordSlugsField(Organization.objects.all(), required=False)

    class Meta:
        model = EventSeries
        fields = ["name", "aliases", "description", "website", "organizers"]


class EventWriteSerializer(serializers.ModelSerializer):
    """What an integrator may set on an event: series and organizers by slug, the host
    country by ISO code, the city by id."""

    aliases = AliasesField()
    series = serializers.SlugRelatedField(
        slug_field="slug", queryset=EventSeries.objects.all(), required=False, allow_null=True
    )
    country = CountryCodeField(required=False, allow_null=True)
    city = serializers.PrimaryKeyRelatedField(
        queryset=City.objects.all(), required=False, allow_null=True
    )
    organizers = RecordSlugsField(Organization.objects.all(), required=False)

    class Meta:
        model = Event
        fields = [
            "name", "series", "edition", "start_date", "end_date", "status", "city",
            "country", "venue", "theme", "description", "organizers", "aliases", "website",
            "always_public",
        ]  # fmt: skip
        validators: list = []  # series and edition may be left out; the database checks the pair

    def validate(self, attrs: dict) -> dict:
        start = attrs.get("start_date", getattr(self.instance, "start_date", None))
        end = attrs.get("end_date", getattr(self.instance, "end_date", None))
        if start and end and end < start:
            raise serializers.ValidationError(
                {"end_date": ["An event cannot end before it starts."]}
            )
        return attrs
