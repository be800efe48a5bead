"""The holder on the statement: the full name as on the documents, in Latin script, and the date of
birth (a statement names whose qualification it recognises, not the account's username)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("cases", "0004_h11_casework_vocabulary")]

    operations = [
        migrations.AddField(
            model_name="case",
            name="holder_name",
            field=models.CharField(blank=True, max_length=200, verbose_name="Full name, as on your documents"),
        ),
        migrations.AddField(
            model_name="case",
            name="holder_name_latin",
            field=models.CharField(
                blank=True, max_length=200, verbose_name="Full name in Latin script (as in your passport)"
            ),
        ),
        migrations.AddField(
            model_name="case",
            name="holder_birth_date",
            field=models.DateField(blank=True, null=True, verbose_name="Date of birth"),
        ),
    ]
