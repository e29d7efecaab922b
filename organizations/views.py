"""Public pages for organizations and people."""

from __future__ import annotations

from typing import Any

from django.views.generic import DetailView

from articles.models import Article
from articles.views import ReportPageMixin
from events.models import Event
from organizations.models import Affiliation, Organization, Person


class OrganizationDetailView(ReportPageMixin, DetailView):
    context_object_name = "organization"

    def get_queryset(self):
        return Organization.objects.for_detail()

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        org = self.object
        reports = Article.objects.published().about_organization(org)
        return super().get_context_data(
            page_obj=self.paginate_reports(reports),
            affiliations=Affiliation.objects.filter(organization=org).select_related("person"),
            events=Event.objects.involving_organization(org).for_listing(),
            **kwargs,
        )


class PersonDetailView(ReportPageMixin, DetailView):
    context_object_name = "person"

    def get_queryset(self):
        return Person.objects.for_detail()

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        reports = Article.objects.published().filter(people=self.object)
        return super().get_context_data(page_obj=self.paginate_reports(reports), **kwargs)
