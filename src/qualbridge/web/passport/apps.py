from __future__ import annotations

from django.apps import AppConfig


class PassportConfig(AppConfig):
    name = "qualbridge.web.passport"
    label = "passport"
    verbose_name = "Qualifications passports"
