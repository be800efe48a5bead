from django.apps import AppConfig


class ExplorerConfig(AppConfig):
    name = "qualbridge.web.explorer"
    label = "explorer"
