"""Warm a worker before its first visitor: the data, the engine, the catalogues, the URLs, the templates.

A worker that loads all of this on its first request answers that request in 0.7-0.85 s; everyone
after waits 3-100 ms. :func:`warm` does the loading at start instead, in the gunicorn master when the
app is preloaded (``--preload``, as ``qualbridge serve`` and ``deploy/systemd`` run it), so every
worker forks with the data already in memory (shared copy-on-write), or in the worker itself
otherwise. It opens no database connection (a connection made before the fork would be shared by
every worker) and touches no network service. ``QUALBRIDGE_WARMUP=0`` turns it off (the benchmark
``bench/warmup.py`` measures the first hit with and without it).
"""

from __future__ import annotations

import io
import logging
import os
import sys
import time
from collections.abc import Callable, Iterable

log = logging.getLogger(__name__)

#: the templates most first visitors meet (compiled once into the cached template loader)
TEMPLATES = ("base.html", "home.html", "explorer/framework_list.html", "explorer/estimate.html")
#: public pages served once in each language at start (no session, no sign-in): the rest of the first
#: request's cost is in the engine's answer caches, the pages' own imports and the translations
PAGES = (
    "/",
    "/frameworks/jp-jeqf",
    "/estimate?country=gb&qualification=gb/bachelor-honours&destination=jp-jeqf&purpose=study",
    "/api/v1/compare?q=jp/gakushi&to=gb-rqf",
)


def enabled() -> bool:
    """Whether to warm at start: inside an app server (gunicorn), unless ``QUALBRIDGE_WARMUP=0``. A test
    or a script that imports the WSGI app is not warmed (its requests would run in the importer's
    database transaction)."""
    if os.environ.get("QUALBRIDGE_WARMUP", "1").strip().lower() in ("0", "false", "no"):
        return False
    return "gunicorn" in sys.modules or os.environ.get("QUALBRIDGE_WARMUP", "") == "force"


def warm(application: Callable[..., Iterable[bytes]] | None = None) -> float:
    """Load what the first request would, and serve :data:`PAGES` through ``application`` (the WSGI
    app) when given; returns the seconds it took (logged). Never raises: a part that cannot be warmed
    is loaded by the first request that needs it, as without warm-up."""
    started = time.perf_counter()
    steps: list[Callable[[], None]] = [_data, _catalogues, _urls, _templates]
    if application is not None:
        steps.append(lambda: _pages(application))
    for step in steps:
        try:
            step()
        except Exception:  # warm-up is an optimisation; the request path reports errors
            log.warning("a warm-up step failed; the first request will load it", exc_info=True)
    from django.db import connections

    connections.close_all()  # in case a step opened one: a connection must not cross the fork
    seconds = time.perf_counter() - started
    log.info("warmed up in %.2f s", seconds)
    return seconds


def _data() -> None:
    from qualbridge.compare.engine import get_engine
    from qualbridge.institutions.loader import get_institutions
    from qualbridge.registry import get_registry

    get_engine(get_registry())
    get_institutions()


def _catalogues() -> None:
    from django.conf import settings
    from django.utils import translation

    from qualbridge.messages import LANGUAGES, catalogue

    for lang in LANGUAGES:
        catalogue(lang)
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            translation.gettext("Frameworks")


def _urls() -> None:
    from django.urls import get_resolver, reverse

    get_resolver().url_patterns  # noqa: B018 - imports every app's views and urls
    reverse("set_language")


def _templates() -> None:
    from django.template.loader import get_template

    for name in TEMPLATES:
        get_template(name)


def _pages(application: Callable[..., Iterable[bytes]]) -> None:
    from django.conf import settings

    host = next((h.lstrip(".") for h in settings.ALLOWED_HOSTS if h and h != "*"), "localhost")
    for lang in ("ja", "en"):
        for page in PAGES:
            path, _, query = page.partition("?")
            environ = {
                "REQUEST_METHOD": "GET",
                "PATH_INFO": path,
                "QUERY_STRING": query,
                "SERVER_NAME": host,
                "SERVER_PORT": "443",
                "HTTP_HOST": host,
                "HTTP_ACCEPT_LANGUAGE": lang,
                "HTTP_X_FORWARDED_PROTO": "https",
                "REMOTE_ADDR": "127.0.0.1",
                "wsgi.url_scheme": "https",
                "wsgi.input": io.BytesIO(b""),
                "wsgi.errors": sys.stderr,
                "wsgi.version": (1, 0),
                "wsgi.multithread": False,
                "wsgi.multiprocess": True,
                "wsgi.run_once": False,
            }
            body = application(environ, lambda status, headers, exc_info=None: None)
            for _chunk in body:
                pass
            close = getattr(body, "close", None)
            if close is not None:
                close()
