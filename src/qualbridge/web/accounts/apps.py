from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "qualbridge.web.accounts"
    label = "accounts"
