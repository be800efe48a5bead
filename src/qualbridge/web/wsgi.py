"""WSGI entry point (gunicorn ``qualbridge.web.wsgi:application``).

The app is warmed before it serves (:mod:`qualbridge.web.warmup`): with gunicorn's ``--preload`` in
the master, before the workers fork, so no visitor meets a cold worker.
"""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "qualbridge.web.settings")
application = get_wsgi_application()

from qualbridge.web import warmup  # noqa: E402 - Django is set up by get_wsgi_application

if warmup.enabled():
    warmup.warm(application)
