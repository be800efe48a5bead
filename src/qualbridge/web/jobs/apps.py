from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "qualbridge.web.jobs"
    label = "jobs"
    verbose_name = "Background work"

    def ready(self) -> None:
        from qualbridge.web.jobs import celery_app, hooks, tasks  # noqa: F401  (app, receivers, tasks)
