"""The table the login limiter counts in when there is no Redis (Django's database cache table)."""

from django.core.management.commands.createcachetable import Command as CreateCacheTable
from django.db import migrations

from qualbridge.web.caching import LIMITER_TABLE


def create_table(apps, schema_editor):
    command = CreateCacheTable()
    command.verbosity = 0
    command.create_table(schema_editor.connection.alias, LIMITER_TABLE, dry_run=False)


def drop_table(apps, schema_editor):
    schema_editor.execute(f"DROP TABLE IF EXISTS {schema_editor.quote_name(LIMITER_TABLE)}")


class Migration(migrations.Migration):
    dependencies = [("accounts", "0001_initial")]
    operations = [migrations.RunPython(create_table, drop_table)]
