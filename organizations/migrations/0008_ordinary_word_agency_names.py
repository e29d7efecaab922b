"""Stop matching four agencies' names that are ordinary words or given names anywhere.

`Report` (Report.az) is the word in "a UN Report", `Mehr` (Mehr News Agency) the German
"mehr" opening a sentence, `Panorama` (Panorama.am) a television programme's name, `Hina`
(HINA, Croatia) a given name. The shipped data (organizations/data/agencies.json) now
keeps them as signing forms read only where the text says who filed the report
(`context_only`): Report.az and Mehr lose the short name, Panorama.am and HINA the alias.
`load_registry` keeps what records already hold, so this clears them where the registry
set them and an editor did not change them since.
"""

from django.db import migrations

SHORT_NAMES = {"agency:report-az": "Report", "agency:mehr": "Mehr"}
ALIASES = {"agency:panorama-am": "Panorama", "agency:hina": "Hina"}


def _seeded(apps, keys):
    seeds = apps.get_model("organizations", "RegistrySeed").objects.filter(key__in=keys)
    for seed in seeds.select_related("organization"):
        if seed.organization is not None:
            yield seed.key, seed.organization


def clear(apps, schema_editor):
    for key, record in _seeded(apps, SHORT_NAMES):
        if record.short_name == SHORT_NAMES[key]:
            record.short_name = ""
            record.save(update_fields=["short_name"])
    for key, record in _seeded(apps, ALIASES):
        if ALIASES[key] in record.aliases:
            record.aliases = [a for a in record.aliases if a != ALIASES[key]]
            record.save(update_fields=["aliases"])


def restore(apps, schema_editor):
    for key, record in _seeded(apps, SHORT_NAMES):
        if not record.short_name:
            record.short_name = SHORT_NAMES[key]
            record.save(update_fields=["short_name"])
    for key, record in _seeded(apps, ALIASES):
        if ALIASES[key] not in record.aliases:
            record.aliases = [*record.aliases, ALIASES[key]]
            record.save(update_fields=["aliases"])


class Migration(migrations.Migration):
    dependencies = [("organizations", "0007_shared_short_names")]

    operations = [migrations.RunPython(clear, restore)]
