"""Registering a candidate the wire desk offered: a new organization or person."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied

from organizations.models import Organization, OrganizationKind, Person

CANDIDATE_MODELS: dict[str, type[Organization | Person]] = {
    "organization": Organization,
    "person": Person,
}


def register_candidate(
    kind: str, name: str, *, by, organization_kind: str = ""
) -> tuple[Organization | Person, bool]:
    """Create the named organization or person, or find the one already registered.

    Return (record, created). A new organization gets the kind the candidate suggests
    (publication, government, …). Raise ValueError for an unknown kind or an empty
    name, PermissionDenied when `by` may not add such records.
    """
    model = CANDIDATE_MODELS.get(kind)
    name = " ".join(name.split())[:255]
    if model is None or not name:
        raise ValueError("Choose an organization or person name to create.")
    if not by.has_perm(f"{model._meta.app_label}.add_{model._meta.model_name}"):
        raise PermissionDenied
    existing = model.objects.filter(name=name).order_by("pk").first() or _known_as(kind, name)
    if existing is not None:
        return existing, False
    fields: dict[str, object] = {"name": name, "created_by": by, "updated_by": by}
    if model is Organization and organization_kind in OrganizationKind.values:
        fields["kind"] = organization_kind
    return model.objects.create(**fields), True


def _known_as(kind: str, name: str) -> Organization | Person | None:
    """The record the registry knows by this short name or alias (`AP` is the Associated
    Press): a candidate so named tags it rather than making its double."""
    from ingest.tagger import registered_as  # the tagger reads candidates: import late

    keys = registered_as(name, kind)
    return CANDIDATE_MODELS[kind].objects.filter(pk__in=keys).order_by("pk").first()
