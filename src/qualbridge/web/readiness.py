"""``/readyz``: may this app server take traffic? The database, the cache, the broker and the storage.

``/healthz`` says the process is alive; ``/readyz`` says it can do its work, so a load balancer
sends requests only to servers that answer 200 here. Each check reports ``ok`` or what failed; any
failure makes the answer 503. The broker is checked only when tasks go to workers (without a broker
they run in the request and the check says so).
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable

from django.conf import settings
from django.core.cache import caches
from django.core.files.base import ContentFile
from django.db import connection
from django.http import HttpRequest, JsonResponse

from qualbridge import __version__


def check_database() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return "ok"


def check_cache() -> str:
    cache = caches["default"]
    key, value = f"qualbridge:readyz:{secrets.token_hex(4)}", secrets.token_hex(4)
    cache.set(key, value, 10)
    if cache.get(key) != value:
        raise RuntimeError("a value written to the cache could not be read back")
    cache.delete(key)
    return "ok"


def check_broker() -> str:
    if getattr(settings, "CELERY_TASK_ALWAYS_EAGER", True):
        return "ok (no broker: tasks run in the request)"
    from qualbridge.web.jobs.celery_app import app

    with app.connection_for_write() as conn:
        conn.ensure_connection(max_retries=1, timeout=2)
    return "ok"


def check_storage() -> str:
    from qualbridge.web.storage import upload_storage

    storage = upload_storage()
    name = storage.save(f"readyz/{secrets.token_hex(8)}.txt", ContentFile(b"ready"))
    try:
        with storage.open(name, "rb") as handle:
            if handle.read() != b"ready":
                raise RuntimeError("a file written to the storage read back differently")
    finally:
        storage.delete(name)
    return "ok"


CHECKS: dict[str, Callable[[], str]] = {
    "database": check_database,
    "cache": check_cache,
    "broker": check_broker,
    "storage": check_storage,
}


def readyz(request: HttpRequest) -> JsonResponse:
    results: dict[str, dict[str, object]] = {}
    ready = True
    for name in getattr(settings, "READYZ_CHECKS", tuple(CHECKS)):
        started = time.perf_counter()
        try:
            status, ok = CHECKS[name](), True
        except Exception as exc:  # a failing service is the answer, not an error of this page
            status, ok = f"failed: {type(exc).__name__}: {exc}", False
        ready = ready and ok
        results[name] = {"ok": ok, "status": status, "ms": round((time.perf_counter() - started) * 1000, 1)}
    return JsonResponse(
        {"status": "ready" if ready else "not ready", "version": __version__, "checks": results},
        status=200 if ready else 503,
    )
