from __future__ import annotations

from django.apps import AppConfig


class ReferencingConfig(AppConfig):
    name = "qualbridge.web.referencing"
    label = "referencing"
