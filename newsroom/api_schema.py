"""What the OpenAPI schema (drf-spectacular) says beyond what it finds by itself: the
token scheme and who may call what, the errors and headers every operation may answer
with, and nullable links a strict OpenAPI 3.0 validator accepts."""

from __future__ import annotations

from typing import Any

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.openapi import AutoSchema as SpectacularAutoSchema
from rest_framework.permissions import SAFE_METHODS

from newsroom.api_access import ReadOrModelPermissions

ERROR = {
    "type": "object",
    "description": "Every error: a message, and for bad input the fields at fault.",
    "required": ["detail"],
    "properties": {
        "detail": {"type": "string"},
        "errors": {
            "type": "object",
            "additionalProperties": {"type": "array", "items": {"type": "string"}},
        },
    },
}

# Status → when an operation answers it; which operations may is decided below.
ERRORS = {
    "400": "A parameter or field is malformed or names nothing that exists (named in `errors`).",
    "401": "The token is unknown, revoked or malformed.",
    "403": "The token's account may not do this.",
    "404": "No such record (or not one the public may see yet).",
    "406": "None of the accepted media types can be produced.",
    "409": "The report is not in a state this workflow step starts from.",
    "410": "The report was withdrawn.",
    "412": "If-Match names an older version: read the record again.",
    "415": "The body's content type is not one this endpoint reads.",
    "428": "A write needs If-Match with the ETag of the version it is based on.",
    "429": "Too many requests: wait the seconds `Retry-After` gives.",
}
READ_ERRORS = ("400", "401", "404", "406", "429")
WRITE_ERRORS = ("400", "401", "403", "404", "409", "412", "415", "428", "429")


class TokenScheme(OpenApiAuthenticationExtension):
    target_class = "integrations.authentication.TokenAuthentication"
    name = "integratorToken"

    def get_security_definition(self, auto_schema) -> dict[str, Any]:
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "An integrator's token, created in the admin: "
            "`Authorization: Bearer <key>`.",
        }


class AutoSchema(SpectacularAutoSchema):
    """Operations the public may call without a token (`ReadOrModelPermissions` reads)
    say so with an empty security requirement beside the token."""

    def get_auth(self) -> list[dict[str, Any]]:
        auths = super().get_auth()
        public = any(isinstance(p, ReadOrModelPermissions) for p in self.view.get_permissions())
        if public and self.method in SAFE_METHODS and {} not in auths:
            auths.append({})
        return auths

    def _get_request_for_media_type(self, serializer, direction="request"):
        if self.method != "PUT":
            return super()._get_request_for_media_type(serializer, direction)
        # PUT changes the fields it names, as PATCH does: the same (partial) body.
        self.method = "PATCH"
        try:
            return super()._get_request_for_media_type(serializer, direction)
        finally:
            self.method = "PUT"


# What a nullable link becomes: OpenAPI 3.0 reads `nullable` only beside a `type` in the
# same schema, so `{"allOf": [ref], "nullable": true}` refuses null to a strict validator.
NULL = {"type": "object", "nullable": True, "enum": [None]}


def valid_alternatives(result: dict, generator, request, public) -> dict:
    """Postprocessing hook: make nullable links `oneOf: [ref, null]`, and make strings
    that may be empty (`""` or a URL) `anyOf`, as `""` would match both of a `oneOf`."""
    _fix(result)
    return result


def _fix(node: Any) -> None:
    if isinstance(node, list):
        for item in node:
            _fix(item)
    if not isinstance(node, dict):
        return
    for value in node.values():
        _fix(value)
    choices = node.get("allOf") or node.get("oneOf")
    if node.get("nullable") is True and "type" not in node and choices:
        del node["nullable"]
        if len(node.pop("allOf", [])) > 1:  # all of them at once, or null
            choices = [{"allOf": choices}]
        node["oneOf"] = [*choices, NULL]
    elif node.get("oneOf") and all(c.get("type") == "string" for c in node["oneOf"]):
        node["anyOf"] = node.pop("oneOf")


def add_errors_and_headers(result: dict, generator, request, public) -> dict:
    """Postprocessing hook: document error answers and the ETag / Retry-After headers."""
    components = result.setdefault("components", {})
    components.setdefault("schemas", {})["Error"] = ERROR
    error_ref = {"$ref": "#/components/schemas/Error"}
    for path, operations in result.get("paths", {}).items():
        for method, operation in operations.items():
            statuses = READ_ERRORS if method in ("get", "head") else WRITE_ERRORS
            responses = operation.setdefault("responses", {})
            for status in statuses:
                responses.setdefault(
                    status,
                    {
                        "description": ERRORS[status],
                        "content": {"application/json": {"schema": error_ref}},
                    },
                )
            responses["429"].setdefault("headers", {})["Retry-After"] = {
                "schema": {"type": "integer"},
                "description": "Seconds to wait before the next request.",
            }
            if method == "get":
                responses.setdefault("304", {"description": "Not modified (If-None-Match)."})
            for status, response in responses.items():
                if status.startswith("2") and method != "delete":
                    response.setdefault("headers", {})["ETag"] = {
                        "schema": {"type": "string"},
                        "description": "The version of what was answered; send it back in "
                        "If-None-Match (reads) or If-Match (writes).",
                    }
            if method in ("put", "patch") or path.endswith(
                ("/publish/", "/withdraw/", "/submit/", "/return-to-draft/", "/lift-embargo/")
            ):
                operation.setdefault("parameters", []).append(
                    {
                        "name": "If-Match",
                        "in": "header",
                        "required": True,
                        "description": "The ETag of the version this write is based on.",
                        "schema": {"type": "string"},
                    }
                )
    return result
