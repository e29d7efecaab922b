"""Helpers shared by tests that drive admin forms."""

from django.urls import reverse


def admin_form_data(client, article) -> dict:
    """Open a report's change page and return its form data as the browser would post it."""
    page = client.get(reverse("admin:articles_article_change", args=[article.pk]))
    form = page.context["adminform"].form
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value is not None:
            data[name] = [str(v) for v in value] if isinstance(value, list) else value
    return data


def edit_in_admin(client, article, **changes):
    """Save a report through its admin form, as an editor would."""
    data = {**admin_form_data(client, article), **changes}
    return client.post(reverse("admin:articles_article_change", args=[article.pk]), data)
