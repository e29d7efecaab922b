import django_filters

from articles.filters import RecordFilter
from organizations.models import Affiliation, Organization, OrganizationKind, Person


def _country_filter() -> RecordFilter:
    return RecordFilter(kind="country", lookup="code", field_name="country", label="Country code")


class OrganizationFilterSet(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(choices=OrganizationKind.choices)
    country = _country_filter()

    class Meta:
        model = Organization
        fields = ["kind", "country"]


class PersonFilterSet(django_filters.FilterSet):
    country = _country_filter()
    organization = RecordFilter(
        kind="organization", method="filter_organization", label="Organization"
    )

    class Meta:
        model = Person
        fields = ["country", "organization"]

    def filter_organization(self, queryset, name: str, organization):
        """Keep people affiliated with the organization."""
        if organization is None:
            return queryset
        affiliated = Affiliation.objects.filter(organization=organization)
        return queryset.filter(pk__in=affiliated.values("person_id"))
