"""Write the reports' languages as BCP 47 tags (`en_us` → `en-US`, `EN` → `en`): the wire
desk stored what feeds declared before 0017 checked tags. A value no tag can be made of
(`english`) stays for an editor to correct: the form names it."""

from django.db import migrations


def normalize(apps, schema_editor):
    from newsroom.languages import normalized_language_tag

    article = apps.get_model("articles", "Article")
    for stored in article.objects.values_list("language", flat=True).distinct():
        tag = normalized_language_tag(stored)
        if tag and tag != stored:
            article.objects.filter(language=stored).update(language=tag)


class Migration(migrations.Migration):
    dependencies = [("articles", "0017_language_tag_validator")]

    # Going back leaves the tags as they are: each still names its language.
    operations = [migrations.RunPython(normalize, migrations.RunPython.noop)]
