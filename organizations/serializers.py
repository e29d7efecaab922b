from rest_framework import serializers

from newsroom.serializers import AliasesField, CountryCodeField, PublicURLField
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
    country = serializers.CharField(source="country_id", read_only=True, allow_null=True)
    parent = OrganizationTagSerializer(source="shown_parent", read_only=True, allow_null=True)
    url = PublicURLField()

    class Meta:
        model = Organization
        fields = [
            "id",
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
    country = serializers.CharField(source="country_id", read_only=True, allow_null=True)
    affiliations = AffiliationSerializer(many=True, read_only=True)
    url = PublicURLField()

    class Meta:
        model = Person
        fields = ["id", "slug", "name", "aliases", "country", "description", "affiliations", "url"]


def _country_field() -> serializers.SlugRelatedField:
    return CountryCodeField(required=False, allow_null=True)


class OrganizationWriteSerializer(serializers.ModelSerializer):
    """What an integrator may set on an organization: country by ISO code, parent by slug."""

    aliases = AliasesField()
    country = _country_field()
    parent = serializers.SlugRelatedField(  # type: ignore[assignment]
        slug_field="slug", queryset=Organization.objects.all(), required=False, allow_null=True
    )

    class Meta:
        model = Organization
        fields = [
            "name", "short_name", "kind", "country", "aliases", "description", "website",
            "founded_year", "closed_year", "parent", "always_public",
        ]  # fmt: skip


class PersonWriteSerializer(serializers.ModelSerializer):
    """What an integrator may set on a person: country by ISO code."""

    aliases = AliasesField()
    country = _country_field()

    class Meta:
        model = Person
        fields = [
            "name", "aliases", "country", "description", "born_year", "died_year",
            "always_public",
        ]  # fmt: skip
