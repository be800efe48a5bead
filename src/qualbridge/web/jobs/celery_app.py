"""The Celery application: ``celery -A qualbridge.web.jobs.celery_app worker`` (and ``beat``).

Configuration comes from Django's settings (``CELERY_*``, see :mod:`qualbridge.web.settings_services`);
with no broker configured every task runs eagerly, in the process that enqueued it.
"""

from __future__ import annotations

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "qualbridge.web.settings")

app = Celery("qualbridge")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks(["qualbridge.web.jobs", "qualbridge.web.notifications"])
