from __future__ import annotations

from django.apps import AppConfig


class CountriesConfig(AppConfig):
    name = "qualbridge.web.countries"
    label = "countries"
