"""`/api/v1/webhooks/`: an integrator registers, lists, changes and removes its own
webhooks with its token, and sees how their deliveries went."""

from __future__ import annotations

from django.db.models import OuterRef, Subquery
from rest_framework import serializers, viewsets
from rest_framework.exceptions import ValidationError

from events.models import Event
from integrations.models import Delivery, PushEvent, Webhook
from newsroom.api_access import HoldsToken, MethodsFirst
from newsroom.serializers import CountryCodeField

MAX_WEBHOOKS = 20  # per integrator: each one is work for every report pushed


class WebhookSerializer(serializers.ModelSerializer):
    """A webhook as its owner sees it: the secret to check signatures with included."""

    events = serializers.ListField(
        child=serializers.ChoiceField(choices=PushEvent.choices),
        allow_empty=False,
        required=False,
        max_length=len(PushEvent.choices),
    )
    country = CountryCodeField(required=False, allow_null=True)
    event = serializers.SlugRelatedField(
        slug_field="slug",
        queryset=Event.objects.public(),
        required=False,
        allow_null=True,
        help_text="Slug of a public event.",
    )
    last_delivery_status = serializers.CharField(read_only=True, allow_null=True)

    class Meta:
        model = Webhook
        fields = [
            "id", "url", "events", "country", "event", "active", "secret", "created_at",
            "last_delivery_status",
        ]  # fmt: skip
        read_only_fields = ["secret", "created_at"]

    def validate_events(self, value: list[str]) -> list[str]:
        return list(dict.fromkeys(value))

    def validate(self, attrs: dict) -> dict:
        webhook = Webhook(**{**self._current(), **attrs, "owner": self.context["request"].user})
        try:
            webhook.full_clean(exclude=["owner", "secret"])
        except Exception as error:  # a Django ValidationError: the model's own checks
            raise ValidationError(getattr(error, "message_dict", {"url": [str(error)]})) from None
        return attrs

    def _current(self) -> dict:
        if self.instance is None:
            return {}
        names = ("url", "events", "country", "event", "active")
        return {name: getattr(self.instance, name) for name in names}


class WebhookViewSet(MethodsFirst, viewsets.ModelViewSet):
    """The integrator's own webhooks (at most 20). Deliveries are signed with `secret`."""

    serializer_class = WebhookSerializer
    permission_classes = [HoldsToken]
    ordering = ("-created_at", "-id")
    ordering_fields = ["created_at"]
    lookup_value_regex = r"\d{1,18}"

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # the schema generator, signed in as no one
            return Webhook.objects.none()
        newest = Delivery.objects.filter(webhook=OuterRef("pk")).order_by("-created_at", "-pk")
        return (
            Webhook.objects.filter(owner=self.request.user)
            .select_related("country", "event")
            .annotate(last_delivery_status=Subquery(newest.values("status")[:1]))
        )

    def update(self, request, *args, **kwargs):
        """Change a webhook: PUT changes the fields it names, as PATCH does."""
        return super().update(request, *args, **{**kwargs, "partial": True})

    def perform_create(self, serializer) -> None:
        owned = Webhook.objects.filter(owner=self.request.user.pk).count()
        if owned >= MAX_WEBHOOKS:
            raise ValidationError({"url": [f"At most {MAX_WEBHOOKS} webhooks an integrator."]})
        serializer.save(owner=self.request.user)
