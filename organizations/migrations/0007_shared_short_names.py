"""Clear the short names two shipped agencies share with better-known bodies.

`AKP` is Turkey's ruling party as often as Agence Kampuchea Presse, `AAP` India's Aam Aadmi
Party as often as Australian Associated Press. A short name is matched anywhere in a text,
so the shipped data (organizations/data/agencies.json) now gives these agencies none and
keeps the letters as signing forms only. `load_registry` keeps what editors set, so records
it loaded before keep the old short name: this clears it where it is still the shipped one
(a record the registry seeded, its short name unchanged).
"""

from django.db import migrations

SHARED = {"agency:akp": "AKP", "agency:aap": "AAP"}


def clear(apps, schema_editor):
    seeds = apps.get_model("organizations", "RegistrySeed").objects.filter(key__in=SHARED)
    for seed in seeds.select_related("organization"):
        record = seed.organization
        if record is not None and record.short_name == SHARED[seed.key]:
            record.short_name = ""
            record.save(update_fields=["short_name"])


def restore(apps, schema_editor):
    seeds = apps.get_model("organizations", "RegistrySeed").objects.filter(key__in=SHARED)
    for seed in seeds.select_related("organization"):
        record = seed.organization
        if record is not None and not record.short_name:
            record.short_name = SHARED[seed.key]
            record.save(update_fields=["short_name"])


class Migration(migrations.Migration):
    dependencies = [("organizations", "0006_always_public")]

    operations = [migrations.RunPython(clear, restore)]
