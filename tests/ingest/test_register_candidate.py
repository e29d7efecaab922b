"""Registering a wire-desk candidate and tagging a report with it, outside the admin."""

import pytest
from django.core.exceptions import PermissionDenied

from ingest.candidates.register import register_candidate
from organizations.models import Organization
from tests.factories import ArticleFactory, OrganizationFactory

pytestmark = pytest.mark.django_db


def test_a_candidate_becomes_a_record_once(editor):
    first, created = register_candidate(
        "organization", "  Caspian   Shipping Company ", by=editor, organization_kind="company"
    )
    assert created and first.name == "Caspian Shipping Company" and first.kind == "company"
    assert first.created_by == editor
    again, created_again = register_candidate("organization", "Caspian Shipping Company", by=editor)
    assert (again, created_again) == (first, False)
    assert Organization.objects.filter(name="Caspian Shipping Company").count() == 1


@pytest.mark.parametrize(("kind", "name"), [("building", "Maiden Tower"), ("person", "   ")])
def test_an_unknown_kind_or_an_empty_name_is_refused(editor, kind, name):
    with pytest.raises(ValueError, match="Choose an organization or person name"):
        register_candidate(kind, name, by=editor)


def test_only_those_who_may_add_records_register_them(reporter):
    with pytest.raises(PermissionDenied):
        register_candidate("person", "Leyla Aliyeva", by=reporter)


def test_adding_a_tag_is_one_revision_that_moves_the_version_on(editor):
    article = ArticleFactory(draft=True)
    version, revisions = article.version, article.history.count()
    org = OrganizationFactory()
    article.add_tag("organizations", org, by=editor)
    article.refresh_from_db()
    assert list(article.organizations.all()) == [org]
    assert article.version == version + 1
    assert article.history.count() == revisions + 1
    assert article.history.first().history_user == editor
