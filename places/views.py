"""Public country pages: the index with report counts, and one country's page."""

from __future__ import annotations

from typing import Any

from django.http import HttpResponsePermanentRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.views.generic import DetailView, ListView

from articles.coverage import Timeline, add_months, coverage_timeline
from articles.models import Article
from articles.views import ReportPageMixin
from events.models import Event, EventQuerySet
from places.models import Country
from places.structured_data import country_list_page, country_page


class CountryListView(ListView):
    context_object_name = "countries"

    def get_queryset(self):
        counted = Country.objects.with_published_article_count().order_by("name")
        return counted.only("code", "name", "slug")  # what a row shows

    ranked_size = 20

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        counted = [c for c in self.object_list if c.article_count]  # the page's own rows
        ranked = sorted(counted, key=lambda c: -c.article_count)[: self.ranked_size]
        return super().get_context_data(
            social=country_list_page(self.request),
            ranked=[(c.name, c.get_absolute_url(), c.article_count) for c in ranked],
            **kwargs,
        )


class CountryDetailView(ReportPageMixin, DetailView):
    context_object_name = "country"

    def get(self, request, *args, **kwargs):
        if kwargs["slug"] != kwargs["slug"].lower():
            url = reverse("places:country_detail", args=[kwargs["slug"].lower()])
            query = request.META.get("QUERY_STRING")
            return HttpResponsePermanentRedirect(f"{url}?{query}" if query else url)
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return Country.objects.all()

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        country = self.object
        reports = Article.objects.published().about(country=country)
        page = self.paginate_reports(reports)

        def events() -> EventQuerySet:
            listed = Event.objects.public().involving_country(country).for_listing()
            return listed.with_role_of(country)

        return super().get_context_data(
            page_obj=page,
            social=country_page(country, page.object_list, self.request),
            # Built and read only when their fragments are not kept (the `fragment` tag).
            timeline=SimpleLazyObject(lambda: coverage_by_month(country)),
            upcoming_events=SimpleLazyObject(lambda: events().upcoming()[: self.side_list_size]),
            events=SimpleLazyObject(lambda: events().past()[: self.side_list_size]),
            **kwargs,
        )


MONTHS_SHOWN = 24


def coverage_by_month(country: Country) -> Timeline:
    """Return the country's reports per month over the last two years, this month included."""
    today = timezone.localdate()
    return coverage_timeline("country", country.pk, add_months(today, 1 - MONTHS_SHOWN), today)
