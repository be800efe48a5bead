from __future__ import annotations

from django.apps import AppConfig


class DecisionsConfig(AppConfig):
    name = "qualbridge.web.decisions"
    label = "decisions"
