"""Public pages for organizations and people."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils.functional import SimpleLazyObject
from django.views.generic import DetailView

from articles.models import Article
from articles.views import ReportPageMixin
from events.models import Event
from newsroom.models import public_at
from organizations.models import Affiliation, Organization, Person
from organizations.structured_data import organization_page, person_page


class OrganizationDetailView(ReportPageMixin, DetailView):
    context_object_name = "organization"
    people_shown = 30

    def get_queryset(self):
        return Organization.objects.public().for_detail()

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        org = self.object
        reports = Article.objects.published().about(organization=org)
        page = self.paginate_reports(reports, agency_id=org.pk)
        return super().get_context_data(
            page_obj=page,
            social=organization_page(org, page.object_list, self.request),
            # Built and read only when their fragment is not kept (the `fragment` tag).
            affiliations=SimpleLazyObject(lambda: self.people_of(org)),
            events=SimpleLazyObject(lambda: self.events_of(org)),
            **kwargs,
        )

    def people_of(self, org: Organization) -> QuerySet[Affiliation]:
        people = Affiliation.objects.filter(
            public_at("person", prefix="person__"), organization=org
        ).select_related("person")
        return people.order_by("until", "-since", "person__name")[: self.people_shown]

    def events_of(self, org: Organization) -> QuerySet[Event]:
        events = Event.objects.public().involving_organization(org).for_listing()
        return events.order_by("-start_date")[: self.side_list_size]


class PersonDetailView(ReportPageMixin, DetailView):
    context_object_name = "person"

    def get_queryset(self):
        return Person.objects.public().for_detail()

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        reports = Article.objects.published().about(person=self.object)
        page = self.paginate_reports(reports)
        social = person_page(self.object, page.object_list, self.request)
        return super().get_context_data(page_obj=page, social=social, **kwargs)
