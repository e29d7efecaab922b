"""The one API router: every app's viewsets under /api/v1/."""

from rest_framework.routers import DefaultRouter

from articles.api import ArticleViewSet
from events.api import EventViewSet
from organizations.api import OrganizationViewSet, PersonViewSet
from places.api import CountryViewSet

router = DefaultRouter()
router.register("articles", ArticleViewSet, basename="article")
router.register("events", EventViewSet, basename="event")
router.register("countries", CountryViewSet, basename="country")
router.register("organizations", OrganizationViewSet, basename="organization")
router.register("people", PersonViewSet, basename="person")
