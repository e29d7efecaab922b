"""Create the newsroom's roles as groups: Reporters, Editors, Registry editors."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

REGISTRY = [
    ("events", "event"),
    ("events", "eventseries"),
    ("events", "participation"),
    ("organizations", "organization"),
    ("organizations", "person"),
    ("organizations", "affiliation"),
    ("places", "city"),
    ("places", "country"),
]
VIEW_REGISTRY = [f"{app}.view_{model}" for app, model in REGISTRY]
GROUPS = {
    "Reporters": [
        "articles.add_article",
        "articles.change_article",
        "articles.view_article",
        "ingest.view_incomingversion",
        *VIEW_REGISTRY,
    ],
    "Editors": [
        "articles.add_article",
        "articles.change_article",
        "articles.delete_article",
        "articles.view_article",
        "articles.publish_article",
        "articles.withdraw_article",
        "articles.lift_embargo",
        "ingest.view_incomingversion",
        "ingest.change_incomingversion",
        "editorial.view_editorialaction",
        "organizations.add_organization",
        "organizations.add_person",
        *VIEW_REGISTRY,
    ],
    "Registry editors": [
        *(
            f"{app}.{verb}_{model}"
            for app, model in REGISTRY
            for verb in ("add", "change", "delete", "view")
            if not (model == "country" and verb in ("add", "delete"))
        ),
        "editorial.view_editorialaction",
    ],
}


def create_groups(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GROUPS.items():
        group, _ = Group.objects.get_or_create(name=name)
        for dotted in codenames:
            app_label, codename = dotted.split(".")
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("editorial", "0001_initial"),
        ("articles", "0003_alter_article_options_article_correction_note_and_more"),
        ("events", "0002_historicalevent_historicalevent_organizers_and_more"),
        ("organizations", "0002_historicalaffiliation_historicalorganization_and_more"),
        ("places", "0003_add_russian_country_names"),
        ("ingest", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
