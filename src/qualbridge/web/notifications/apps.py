from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "qualbridge.web.notifications"
    label = "notifications"
    verbose_name = "Notifications"

    def ready(self) -> None:
        from qualbridge.web.notifications import events, tasks  # noqa: F401  (signal receivers, the task)
