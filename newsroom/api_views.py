"""What every registry endpoint of the API shares: look-up by id or slug, ETags, and
writes that check If-Match and leave a revision by the integrator."""

from __future__ import annotations

from typing import cast

from django.db import transaction
from django.db.models import Model, Q, QuerySet
from django.shortcuts import get_object_or_404
from rest_framework import mixins, viewsets
from rest_framework.response import Response
from rest_framework.serializers import BaseSerializer

from editorial.revisions import one_revision
from newsroom.api_access import MethodsFirst
from newsroom.conditional import record_etag, require_record_match
from newsroom.pagination import is_number


def reads_everything(request, model: type[Model]) -> bool:
    """Whether the client reads every record of `model`, not only what the public sees:
    an integrator's token whose user has the model's view permission (to read back its
    own drafts and new records). A staff session reads the API as the public does: the
    browsable API is a public surface."""
    opts = model._meta
    return request.auth is not None and request.user.has_perm(
        f"{opts.app_label}.view_{opts.model_name}"
    )


def visible_to(request, queryset: QuerySet) -> QuerySet:
    """Keep the records of `queryset` the client may read (see `reads_everything`)."""
    if reads_everything(request, queryset.model):
        return queryset
    return queryset.public()  # type: ignore[attr-defined]


class RecordViewSet(
    MethodsFirst, mixins.CreateModelMixin, mixins.UpdateModelMixin, viewsets.ReadOnlyModelViewSet
):
    """A registry endpoint: list, detail by slug (or code) or id; create and update with
    the model permissions; every detail carries an ETag, every update needs If-Match."""

    lookup_field = "slug"
    lookup_value_regex = "[-a-zA-Z0-9_]+"
    write_serializer_class: type | None = None

    def get_object(self):
        queryset = self.filter_queryset(self.get_queryset())
        value = self.kwargs[self.lookup_field]
        match = Q(**{self.lookup_field: self.normalize(value)})
        if is_number(value):
            match |= Q(pk=int(value))
        record = get_object_or_404(queryset.filter(match).order_by("pk")[:1])
        self.check_object_permissions(self.request, record)
        return record

    def normalize(self, value: str) -> str:
        return value

    def get_serializer_class(self):
        if self.request.method not in ("GET", "HEAD", "OPTIONS") and self.write_serializer_class:
            return self.write_serializer_class
        return super().get_serializer_class()

    def retrieve(self, request, *args, **kwargs) -> Response:
        return self._shown(self.get_object())

    def create(self, request, *args, **kwargs) -> Response:
        """Create a record; the answer is the record as read, with its id and ETag."""
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        # The revision is by the integrator: DRF hands its user to the request the
        # history middleware reads.
        record = serializer.save(created_by=request.user, updated_by=request.user)
        return self._shown(record, status=201)

    def _shown(self, record, status: int = 200) -> Response:
        """Answer with the record as reads show it (refetched: counts, tags), and its ETag."""
        if self.request.method not in ("GET", "HEAD"):
            record = self.get_queryset().get(pk=record.pk)
        shown = cast(type[BaseSerializer], self.serializer_class)  # the read representation
        data = shown(record, context=self.get_serializer_context()).data
        response = Response(data, status=status)
        response["ETag"] = record_etag(record, body=data)
        return response

    def update(self, request, *args, **kwargs) -> Response:
        """Change a record: If-Match must carry the ETag it had when read (else 412). PUT
        changes the fields it names, as PATCH does."""
        with transaction.atomic():
            found = self.get_object()
            # Locked until the change commits: two writes based on one version cannot both pass.
            record = type(found)._default_manager.select_for_update(of=("self",)).get(pk=found.pk)
            require_record_match(request, record)
            serializer = self.get_serializer(record, data=request.data, partial=True)
            serializer.is_valid(raise_exception=True)
            with one_revision(record, by=request.user):
                record = serializer.save(updated_by=request.user)
        return self._shown(record)
