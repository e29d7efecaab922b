"""The wire desk's import form."""

from __future__ import annotations

import base64
from typing import Any, cast

from django import forms
from django.conf import settings

from ingest.reading import FORMATS, read_reports
from ingest.types import ParsedReport, WireError


class WireImportForm(forms.Form):
    """Paste a report or upload a file; validation parses it."""

    text = forms.CharField(
        label="Paste a wire report",
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 16, "cols": 100, "spellcheck": "false"}),
    )
    file = forms.FileField(
        label="…or upload a file",
        required=False,
        help_text=(
            "Plain text (.txt), NewsML-G2, NITF or NewsML 1 (.xml), ninjs (.json), an "
            "RSS/Atom feed, or wire copy in ANPA-1312, IPTC 7901 or ZCZC (.txt, .tst)."
        ),
    )
    format = forms.ChoiceField(
        choices=[("", "Detect automatically"), *[(f, f) for f in FORMATS]], required=False
    )
    filename = forms.CharField(required=False, widget=forms.HiddenInput)
    # The previewed input, byte for byte (base64), so "create" reads exactly what was shown.
    payload = forms.CharField(required=False, widget=forms.HiddenInput)

    def clean(self) -> dict:
        data = cast(dict[str, Any], super().clean())  # a Form's is its cleaned_data
        upload = data.get("file")
        if upload and upload.size > settings.WIRE_MAX_BYTES:
            raise forms.ValidationError(
                f"The file is {upload.size / 1e6:.1f} MB; "
                f"the limit is {settings.WIRE_MAX_BYTES / 1e6:.0f} MB."
            )
        if upload and data.get("text", "").strip():
            raise forms.ValidationError("Paste a report or upload a file, not both.")
        if upload:
            payload, filename = upload.read(), upload.name
        elif data.get("payload"):
            try:
                payload = base64.b64decode(data["payload"], validate=True)
            except ValueError:
                raise forms.ValidationError(
                    "The preview was damaged; paste or upload again."
                ) from None
            filename = data.get("filename", "")
        else:
            payload, filename = data.get("text", "").encode(), data.get("filename", "")
        try:
            data["reports"] = read_reports(
                payload, filename=filename, format=data.get("format", "")
            )
        except WireError as error:
            raise forms.ValidationError(str(error)) from None
        data["payload"] = base64.b64encode(payload).decode("ascii")
        data["filename"] = filename
        return data

    @property
    def reports(self) -> list[ParsedReport]:
        return self.cleaned_data["reports"]
