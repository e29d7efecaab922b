"""Factories for the domain models. Countries come from the migration, not from here."""

import datetime

import factory
from django.utils import timezone

from articles.models import Article, ArticleStatus
from events.models import Event, EventSeries, EventStatus, Participation, ParticipationRole
from organizations.models import Affiliation, Organization, OrganizationKind, Person
from places.models import City, Country


def utc(*args: int) -> datetime.datetime:
    """Return an aware UTC datetime, e.g. utc(2023, 9, 19, 10)."""
    return datetime.datetime(*args, tzinfo=datetime.UTC)


def country(code: str) -> Country:
    """Return the ISO country loaded by the migration."""
    return Country.objects.get(code=code)


class CityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = City

    name = factory.Sequence(lambda n: f"Testville {n}")
    country = factory.LazyFunction(lambda: country("AZ"))
    population = 100_000


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization

    name = factory.Sequence(lambda n: f"Organization {n}")
    kind = OrganizationKind.GOVERNMENT


class AgencyFactory(OrganizationFactory):
    name = factory.Sequence(lambda n: f"Agency {n}")
    short_name = factory.Sequence(lambda n: f"AG{n}")
    kind = OrganizationKind.NEWS_AGENCY


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    name = factory.Sequence(lambda n: f"Person Number{n}")


class AffiliationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Affiliation

    person = factory.SubFactory(PersonFactory)
    organization = factory.SubFactory(OrganizationFactory)
    title = "Executive director"


class EventSeriesFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EventSeries

    name = factory.Sequence(lambda n: f"Media Forum {n}")


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    name = factory.Sequence(lambda n: f"Summit {n}")
    start_date = datetime.date(2023, 9, 18)
    end_date = factory.LazyAttribute(lambda o: o.start_date + datetime.timedelta(days=1))
    status = EventStatus.HELD


class ParticipationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participation

    event = factory.SubFactory(EventFactory)
    country = factory.LazyFunction(lambda: country("AZ"))
    role = ParticipationRole.DELEGATION


class ArticleFactory(factory.django.DjangoModelFactory):
    """A published report, an hour old, filed by an agency."""

    class Meta:
        model = Article
        skip_postgeneration_save = True

    headline = factory.Sequence(lambda n: f"Ministers meet for talks, round {n}")
    summary = "Delegations met to discuss regional cooperation."
    body = "<p>Delegations met on Tuesday to discuss regional cooperation.</p>"
    dateline_raw = "BAKU, Azerbaijan, Sept. 19."
    agency = factory.SubFactory(AgencyFactory)
    status = ArticleStatus.PUBLISHED
    published_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(hours=1))

    class Params:
        draft = factory.Trait(status=ArticleStatus.DRAFT, published_at=None)
        in_review = factory.Trait(status=ArticleStatus.IN_REVIEW, published_at=None)
        scheduled = factory.Trait(
            published_at=factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=1))
        )
        embargoed = factory.Trait(
            embargo_until=factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=1))
        )
        withdrawn = factory.Trait(
            status=ArticleStatus.WITHDRAWN,
            withdrawn_at=factory.LazyFunction(timezone.now),
            withdrawal_reason="The agency withdrew it.",
        )

    @factory.post_generation
    def tags(self, create: bool, extracted: dict | None, **kwargs) -> None:
        """Set tags given as tags={"events": [...], "countries": [...], ...}."""
        for field, values in (extracted or {}).items():
            getattr(self, field).set(values)
