from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "qualbridge.web.audit"
    label = "audit"
