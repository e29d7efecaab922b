"""Rebuild the tagging registry whenever a registry record changes."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from events.models import Event, EventSeries
from ingest.registry import bump_version
from organizations.models import Organization, Person
from places.models import City, Country
from places.signals import cities_loaded

REGISTRY_MODELS = (Country, City, Organization, Person, Event, EventSeries)


@receiver(post_save)
@receiver(post_delete)
def registry_changed(sender, **kwargs) -> None:
    """Bump the registry version when a country, city, organization, person or event changes."""
    if sender in REGISTRY_MODELS and not kwargs.get("raw"):
        bump_version()


@receiver(cities_loaded)
def gazetteer_loaded(sender, **kwargs) -> None:
    """Bulk loads send no save signals; the gazetteer says so itself."""
    bump_version()
