"""The one API router: every app's viewsets under /api/v1/."""

from rest_framework.routers import DefaultRouter

import newsroom.api_schema  # noqa: F401  (registers the token scheme with the schema)
from articles.api import ArticleViewSet
from events.api import EventSeriesViewSet, EventViewSet
from integrations.api import WebhookViewSet
from organizations.api import OrganizationViewSet, PersonViewSet
from places.api import CityViewSet, CountryViewSet

router = DefaultRouter()
router.register("articles", ArticleViewSet, basename="article")
router.register("events", EventViewSet, basename="event")
router.register("event-series", EventSeriesViewSet, basename="event-series")
router.register("countries", CountryViewSet, basename="country")
router.register("cities", CityViewSet, basename="city")
router.register("organizations", OrganizationViewSet, basename="organization")
router.register("people", PersonViewSet, basename="person")
router.register("webhooks", WebhookViewSet, basename="webhook")
