from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "qualbridge.web.cases"
    label = "cases"
