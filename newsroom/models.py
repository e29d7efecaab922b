"""Abstract models shared by the apps."""

from django.conf import settings
from django.db import models
from django.utils.text import slugify


class Tracked(models.Model):
    """Who created and last changed a record, and when."""

    created_at = models.DateTimeField(auto_now_add=True, editable=False)
    updated_at = models.DateTimeField(auto_now=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        abstract = True


def unique_slug(instance: models.Model, text: str, *, max_length: int = 80) -> str:
    """Return a slug for text that no other row of instance's model uses."""
    base = slugify(text, allow_unicode=False)[:max_length].strip("-") or "item"
    model = type(instance)
    others = (
        model._default_manager.exclude(pk=instance.pk)
        if instance.pk
        else model._default_manager.all()
    )
    slug, n = base, 2
    while others.filter(slug=slug).exists():
        suffix = f"-{n}"
        slug = f"{base[: max_length - len(suffix)]}{suffix}"
        n += 1
    return slug
