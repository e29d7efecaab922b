"""Who may do what through the API, how often, and how refusals read.

Reads are open to anyone; a write needs a signed-in integrator (a token, see
`integrations`) whose Django model permissions allow it — the same permissions the
admin checks. Anonymous clients are limited per address, integrators per account.
"""

from __future__ import annotations

from django.conf import settings
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import exceptions, permissions
from rest_framework.filters import OrderingFilter
from rest_framework.throttling import SimpleRateThrottle

from accounts.client_ip import client_ip


class MethodsFirst:
    """A method the endpoint does not take at all is a 405 (with `Allow`) whoever asks:
    checked before the client's token, permissions and rate."""

    def initial(self, request, *args, **kwargs) -> None:
        method = request.method.lower()
        if method not in self.http_method_names or not hasattr(self, method):  # type: ignore[attr-defined]
            raise exceptions.MethodNotAllowed(request.method)
        super().initial(request, *args, **kwargs)  # type: ignore[misc]


class ReadOrModelPermissions(permissions.DjangoModelPermissions):
    """Anyone may read; writes need the user's add/change/delete permission on the model."""

    message = "Writes need an integrator token with the permission for them."

    def has_permission(self, request, view) -> bool:
        if request.method in permissions.SAFE_METHODS:
            return True
        if request.auth is None:  # a browser session reads only (docs/api.md, Tokens)
            return False
        return super().has_permission(request, view)


class HoldsToken(permissions.BasePermission):
    """Only an integrator signed in with its token (not a browser session)."""

    message = "Send your integrator token: Authorization: Bearer <key>."

    def has_permission(self, request, view) -> bool:
        return bool(request.user and request.user.is_authenticated and request.auth is not None)


class SingleValueFilterBackend(DjangoFilterBackend):
    """django-filter's backend, but a filter given twice (`country=az&country=kz`) is a
    400 naming it: each filter takes one value, and keeping one silently misleads."""

    def filter_queryset(self, request, queryset, view):
        filterset_class = self.get_filterset_class(view, queryset)
        names = set(filterset_class.base_filters) if filterset_class else set()
        names |= {"page_size", "cursor", "ordering"}  # paging and order: one value too
        repeated = sorted(n for n in names if len(request.query_params.getlist(n)) > 1)
        if repeated:
            raise exceptions.ValidationError(
                {name: ["Give this filter once: it takes one value."] for name in repeated}
            )
        return super().filter_queryset(request, queryset, view)


class StrictOrderingFilter(OrderingFilter):
    """`?ordering=` from the view's allow-list only; anything else is a 400 naming it."""

    def get_ordering(self, request, queryset, view):
        raw = request.query_params.get(self.ordering_param)
        if raw is None:
            return self.get_default_ordering(view)
        fields = [part.strip() for part in raw.split(",") if part.strip()]
        allowed = self.get_valid_fields(queryset, view, {"request": request})
        names = {name for name, _ in allowed}
        wrong = [field for field in fields if field.lstrip("-") not in names]
        if wrong or not fields:
            choices = ", ".join(sorted(names)) or "none"
            raise exceptions.ValidationError(
                {self.ordering_param: [f"Order by one of: {choices} (prefix - to reverse)."]}
            )
        key = queryset.model._meta.pk.name  # "id", or a country's "code"
        if not any(field.lstrip("-") in (key, "pk") for field in fields):
            fields.append(f"-{key}" if fields[0].startswith("-") else key)  # a stable order
        return fields

    def get_schema_operation_parameters(self, view) -> list[dict]:
        fields = getattr(view, "ordering_fields", None)
        if not fields:
            return super().get_schema_operation_parameters(view)
        return [
            {
                "name": self.ordering_param,
                "required": False,
                "in": "query",
                "description": "The order: a field, or the field prefixed with - to reverse it.",
                "schema": {"type": "string", "enum": [o for f in fields for o in (f, f"-{f}")]},
            }
        ]


class _PerMinute(SimpleRateThrottle):
    setting: str

    def get_rate(self) -> str:
        return f"{getattr(settings, self.setting)}/min"

    def __init__(self) -> None:  # the rate is read per request: settings may change
        pass

    def allow_request(self, request, view) -> bool:
        self.rate = self.get_rate()
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request, view)


class AnonymousThrottle(_PerMinute):
    """Requests a minute per client address, for clients without a token."""

    scope, setting = "anonymous", "API_ANONYMOUS_RATE"

    def get_cache_key(self, request, view) -> str | None:
        if request.user and request.user.is_authenticated:
            return None
        return self.cache_format % {"scope": self.scope, "ident": client_ip(request)}


class IntegratorThrottle(_PerMinute):
    """Requests a minute per signed-in account (an integrator's token, or staff)."""

    scope, setting = "integrator", "API_INTEGRATOR_RATE"

    def get_cache_key(self, request, view) -> str | None:
        if not (request.user and request.user.is_authenticated):
            return None
        return self.cache_format % {"scope": self.scope, "ident": request.user.pk}
