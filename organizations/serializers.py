from rest_framework import serializers

from newsroom.serializers import PublicURLField
from organizations.models import Affiliation, Organization, Person


class OrganizationTagSerializer(serializers.ModelSerializer):
    class Meta:
        model = Organization
        fields = ["slug", "name"]


class PersonTagSerializer(serializers.ModelSerializer):
    class Meta:
        model = Person
        fields = ["slug", "name"]


class OrganizationSerializer(serializers.ModelSerializer):
    country = serializers.CharField(source="country_id", read_only=True)
    parent = OrganizationTagSerializer(read_only=True)
    url = PublicURLField()

    class Meta:
        model = Organization
        fields = [
            "slug",
            "name",
            "short_name",
            "kind",
            "country",
            "aliases",
            "description",
            "website",
            "founded_year",
            "closed_year",
            "parent",
            "url",
        ]


class AffiliationSerializer(serializers.ModelSerializer):
    organization = OrganizationTagSerializer(read_only=True)

    class Meta:
        model = Affiliation
        fields = ["organization", "title", "since", "until"]


class PersonSerializer(serializers.ModelSerializer):
    country = serializers.CharField(source="country_id", read_only=True)
    affiliations = AffiliationSerializer(many=True, read_only=True)
    url = PublicURLField()

    class Meta:
        model = Person
        fields = ["slug", "name", "aliases", "country", "description", "affiliations", "url"]
