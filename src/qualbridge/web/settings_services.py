"""Settings for running on more than one machine: storage, background work, mail, logs.

Imported at the end of :mod:`qualbridge.web.settings` (which has the secret key, the HTTPS settings of
``QUALBRIDGE_ENV=production``, and the cache and sessions on Redis with ``REDIS_URL``). Every shared service is chosen by an
environment variable, and without any of them qualbridge runs on one machine with nothing but
Python and SQLite (``make run``): uploads on the local disk, background tasks run in the request
(Celery's eager mode), mail printed to the console log.

======================================  =========================================================
variable                                effect
======================================  =========================================================
``QUALBRIDGE_S3_BUCKET``                uploads in this S3 bucket (django-storages); with
                                        ``QUALBRIDGE_S3_ENDPOINT_URL`` for an S3-compatible server,
                                        ``AWS_ACCESS_KEY_ID`` / ``AWS_SECRET_ACCESS_KEY`` as usual
``CELERY_BROKER_URL`` (or ``REDIS_URL``) tasks go to Celery workers through this broker
``QUALBRIDGE_EMAIL_URL``                ``smtp://user:password@host:port`` (``smtp+tls://`` for
                                        STARTTLS); ``QUALBRIDGE_EMAIL_FROM`` the sender
``QUALBRIDGE_LOG_FORMAT=json``          one JSON object per log line, with the request id
======================================  =========================================================
"""

from __future__ import annotations

import os
from urllib.parse import unquote, urlsplit

from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured

from qualbridge.paths import data_dir

_DATA_DIR = data_dir()


# --- uploads: the local disk by default, S3-compatible object storage when configured -------------
_S3_BUCKET = os.environ.get("QUALBRIDGE_S3_BUCKET", "")
if _S3_BUCKET:
    _UPLOADS: dict[str, object] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": _S3_BUCKET,
            "endpoint_url": os.environ.get("QUALBRIDGE_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("QUALBRIDGE_S3_REGION") or None,
            "location": os.environ.get("QUALBRIDGE_S3_PREFIX", "uploads"),
            "default_acl": None,
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
else:
    _UPLOADS = {"BACKEND": "qualbridge.web.storage.UploadFolderStorage"}

STORAGES = {
    "default": _UPLOADS,
    "uploads": _UPLOADS,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# --- background work: Celery on Redis, or in the request ------------------------------------------
_BROKER = os.environ.get("CELERY_BROKER_URL") or os.environ.get("REDIS_URL") or ""
#: without a broker every task runs at once, in the process that enqueued it
CELERY_TASK_ALWAYS_EAGER = not _BROKER
CELERY_BROKER_URL = _BROKER or "memory://"
CELERY_TASK_EAGER_PROPAGATES = False
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_DEFAULT_QUEUE = os.environ.get("QUALBRIDGE_QUEUE", "qualbridge")
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 3600}
#: task state is kept in the database (qualbridge.web.jobs), not in a result backend
CELERY_TASK_IGNORE_RESULT = True
CELERY_TIMEZONE = "UTC"
#: the scheduler (``celery beat``): the nightly audit-chain checkpoint, and a sweep that sends again the
#: jobs whose message never reached the broker
CELERY_BEAT_SCHEDULE = {
    "audit-checkpoint-nightly": {
        "task": "qualbridge.nightly_audit_checkpoint",
        "schedule": crontab(hour=2, minute=30),
        "options": {"expires": 6 * 3600},
    },
    "send-unsent-jobs": {"task": "qualbridge.send_unsent_jobs", "schedule": 60.0, "options": {"expires": 55}},
}

# --- mail -----------------------------------------------------------------------------------------
DEFAULT_FROM_EMAIL = os.environ.get("QUALBRIDGE_EMAIL_FROM", "qualbridge <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
_EMAIL_URL = os.environ.get("QUALBRIDGE_EMAIL_URL", "")
if _EMAIL_URL:
    _mail = urlsplit(_EMAIL_URL)
    if _mail.scheme not in ("smtp", "smtp+tls", "smtps"):
        raise ImproperlyConfigured(
            f"QUALBRIDGE_EMAIL_URL {_EMAIL_URL!r} must start with smtp://, smtp+tls:// or smtps://."
        )
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = _mail.hostname or "localhost"
    EMAIL_PORT = _mail.port or (465 if _mail.scheme == "smtps" else 25)
    EMAIL_HOST_USER = unquote(_mail.username or "")
    EMAIL_HOST_PASSWORD = unquote(_mail.password or "")
    EMAIL_USE_TLS = _mail.scheme == "smtp+tls"
    EMAIL_USE_SSL = _mail.scheme == "smtps"
    EMAIL_TIMEOUT = 20
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

# --- logs: plain text by default, one JSON object per line in production ---------------------------
_JSON_LOGS = os.environ.get("QUALBRIDGE_LOG_FORMAT") == "json"
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "request_id": {"()": "qualbridge.web.logs.RequestIdFilter"},
        "client_errors_in_one_line": {"()": "qualbridge.web.logfilters.ClientErrorsInOneLine"},
    },
    "formatters": {
        "json": {"()": "qualbridge.web.logs.JsonFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id", "client_errors_in_one_line"],
            "formatter": "json" if _JSON_LOGS else "text",
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("QUALBRIDGE_LOG_LEVEL", "WARNING")},
    "loggers": {
        "qualbridge": {"level": os.environ.get("QUALBRIDGE_LOG_LEVEL", "INFO"), "propagate": True},
    },
}

#: the services /readyz checks besides the database (each can be turned off where it is not used)
READYZ_CHECKS = ("database", "cache", "broker", "storage")

#: fixtures that keep times to the microsecond (backups of the hash-chained audit log)
SERIALIZATION_MODULES = {"qualbridge-json": "qualbridge.web.lossless_json"}

#: added to INSTALLED_APPS and MIDDLEWARE by qualbridge.web.settings
SERVICE_APPS = ["qualbridge.web.jobs", "qualbridge.web.notifications"]
SERVICE_MIDDLEWARE_FIRST = ["qualbridge.web.logs.RequestIdMiddleware"]
