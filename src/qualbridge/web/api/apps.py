from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "qualbridge.web.api"
    label = "api"
