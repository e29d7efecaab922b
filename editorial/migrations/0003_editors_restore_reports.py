"""Editors may restore earlier revisions of reports; reporters may not."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

PERMISSION = ("articles", "restore_article")


def grant(apps, schema_editor):
    articles = apps.get_app_config("articles")
    articles.models_module = True
    create_permissions(articles, verbosity=0)
    articles.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    app_label, codename = PERMISSION
    permission = Permission.objects.get(content_type__app_label=app_label, codename=codename)
    for group in Group.objects.filter(name="Editors"):
        group.permissions.add(permission)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    app_label, codename = PERMISSION
    for group in Group.objects.filter(name="Editors"):
        group.permissions.remove(
            *group.permissions.filter(content_type__app_label=app_label, codename=codename)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0002_editorial_groups"),
        ("articles", "0010_alter_article_options"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
