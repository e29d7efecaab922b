import django_filters

from organizations.models import Affiliation, Organization, OrganizationKind, Person


class OrganizationFilterSet(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(choices=OrganizationKind.choices)
    country = django_filters.CharFilter(field_name="country_id", method="filter_country")

    class Meta:
        model = Organization
        fields = ["kind", "country"]

    def filter_country(self, queryset, name: str, value: str):
        """Keep organizations based in the country with this ISO code."""
        return queryset.filter(country_id=value.strip().upper())


class PersonFilterSet(django_filters.FilterSet):
    country = django_filters.CharFilter(method="filter_country")
    organization = django_filters.CharFilter(method="filter_organization")

    class Meta:
        model = Person
        fields = ["country", "organization"]

    def filter_country(self, queryset, name: str, value: str):
        """Keep people from the country with this ISO code."""
        return queryset.filter(country_id=value.strip().upper())

    def filter_organization(self, queryset, name: str, value: str):
        """Keep people affiliated with the organization with this slug."""
        affiliated = Affiliation.objects.filter(organization__slug=value.strip())
        return queryset.filter(pk__in=affiliated.values("person_id"))
