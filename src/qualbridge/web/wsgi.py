"""WSGI entry point (gunicorn ``qualbridge.web.wsgi:application``)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "qualbridge.web.settings")
application = get_wsgi_application()
