"""Organization and person pages' meta: schema.org Organization (or a kind of it) and Person."""

from __future__ import annotations

from collections.abc import Iterable

from django.http import HttpRequest
from django.utils.translation import gettext as _

from articles.models import Article
from newsroom.structured_data import (
    JsonLd,
    SocialMeta,
    page_meta,
    ref,
    reports_about,
    summary,
)
from organizations.models import Organization, OrganizationKind, Person

# schema.org's nearest type per kind; other kinds are plain Organizations.
ORGANIZATION_TYPES = {
    OrganizationKind.NEWS_AGENCY: "NewsMediaOrganization",
    OrganizationKind.PUBLICATION: "NewsMediaOrganization",
    OrganizationKind.GOVERNMENT: "GovernmentOrganization",
    OrganizationKind.COMPANY: "Corporation",
    OrganizationKind.NGO: "NGO",
}


def organization_page(
    org: Organization, reports: Iterable[Article], request: HttpRequest
) -> SocialMeta:
    """Return an organization page's meta (an organization `for_detail`)."""
    data: JsonLd = {
        "@type": ORGANIZATION_TYPES.get(OrganizationKind(org.kind), "Organization"),
        "name": org.name,
        "alternateName": [n for n in org.all_names if n != org.name],
        "sameAs": [site for site in [org.website, *org.other_sites] if site],
        "subjectOf": reports_about(reports, request),
    }
    if org.description:
        data["description"] = summary(org.description)
    if org.founded_year:
        data["foundingDate"] = str(org.founded_year)
    if org.closed_year:
        data["dissolutionDate"] = str(org.closed_year)
    if org.country:
        data["location"] = ref("Country", org.country, request)
    if org.shown_parent:
        data["parentOrganization"] = ref("Organization", org.shown_parent, request)
    description = data.get("description") or _("Wire reports about %(name)s.") % {"name": org.name}
    path = org.get_absolute_url()
    return page_meta(request, path, title=org.name, description=description, data=data)


def person_page(person: Person, reports: Iterable[Article], request: HttpRequest) -> SocialMeta:
    """Return a person page's meta (a person `for_detail`: affiliations with public bodies)."""
    affiliations = list(person.affiliations.all())
    current = [a for a in affiliations if a.is_current]
    data: JsonLd = {
        "@type": "Person",
        "name": person.name,
        "alternateName": [n for n in person.all_names if n != person.name],
        "affiliation": [ref("Organization", a.organization, request) for a in affiliations],
        "worksFor": [ref("Organization", a.organization, request) for a in current],
        "jobTitle": [a.title for a in current if a.title],
        "subjectOf": reports_about(reports, request),
    }
    if person.description:
        data["description"] = summary(person.description)
    if person.country:
        data["nationality"] = ref("Country", person.country, request)
    if person.born_year:
        data["birthDate"] = str(person.born_year)
    if person.died_year:
        data["deathDate"] = str(person.died_year)
    description = data.get("description") or _("Wire reports about %(name)s.") % {
        "name": person.name
    }
    path = person.get_absolute_url()
    return page_meta(request, path, title=person.name, description=description, data=data)
