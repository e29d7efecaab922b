"""The report admin's form."""

from __future__ import annotations

from typing import Any, cast

from django import forms

from articles.models import Article
from editorial.versioning import StaleVersion, ensure_current


class ArticleAdminForm(forms.ModelForm):
    """The report form, refusing a save based on a version someone else has since changed."""

    based_on_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Article
        fields = ["headline"]  # the admin supplies the full list from its fieldsets

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["based_on_version"].initial = self.instance.version

    def clean(self) -> dict:
        data = cast(dict[str, Any], super().clean())  # a ModelForm's is cleaned_data
        expected = data.get("based_on_version")
        if self.instance.pk and expected is None:
            raise forms.ValidationError("Not saved: reload the page and make your changes again.")
        if self.instance.pk:
            try:
                ensure_current(Article, self.instance.pk, cast(int, expected))  # not None
            except StaleVersion as stale:
                raise forms.ValidationError(
                    f"Not saved: {stale} Your text is still in the form below — copy what you "
                    "need, then reload the page to see their version and apply your changes again."
                ) from None
        return data
