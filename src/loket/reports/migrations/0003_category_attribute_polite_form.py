# Written by hand: citizens are addressed with "u". Databases made by 0001 keep the extra question's
# old text (the demo loader updates it, a production database never runs the demo), so it is
# changed here; a text staff edited since is left as it is.

from django.db import migrations

CODE = "verlichting.defect"
ATTRIBUTE = "paalnummer"
OLD = "Het nummer op de lantaarnpaal (als je het ziet)"
NEW = "Het nummer op de lantaarnpaal (als u het ziet)"


def _replace(apps, old, new):
    category = apps.get_model("reports", "Category").objects.filter(code=CODE).first()
    if category is None:
        return
    changed = False
    for attribute in category.attributes:
        if attribute.get("code") == ATTRIBUTE and attribute.get("description") == old:
            attribute["description"] = new
            changed = True
    if changed:
        category.save(update_fields=["attributes"])


def forwards(apps, schema_editor):
    _replace(apps, OLD, NEW)


def backwards(apps, schema_editor):
    _replace(apps, NEW, OLD)


class Migration(migrations.Migration):

    dependencies = [
        ("reports", "0002_follower_confirmation"),
    ]

    operations = [
        migrations.RunPython(forwards, backwards),
    ]
