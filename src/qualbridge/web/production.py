"""Production settings, all from the environment (``QUALBRIDGE_ENV=production``).

A production server sits behind a reverse proxy that ends HTTPS. Everything a deployment must choose
is an environment variable, and what it must not forget (the secret key, the host names) is required:
a missing one stops the server with a message naming the variable, rather than running insecurely.

``QUALBRIDGE_SECRET_KEY`` (required, at least 50 characters), ``QUALBRIDGE_ALLOWED_HOSTS`` (required,
comma-separated), ``QUALBRIDGE_PROXY_SSL_HEADER`` (the header the proxy sets to ``https``; default
``X-Forwarded-Proto``; ``none`` when there is no proxy), ``QUALBRIDGE_HSTS_SECONDS`` (default one
year), ``QUALBRIDGE_HSTS_PRELOAD`` and ``QUALBRIDGE_HSTS_SUBDOMAINS`` (``0`` to leave them out),
``QUALBRIDGE_CSRF_TRUSTED_ORIGINS`` (comma-separated, optional).
"""

from __future__ import annotations

import os
from typing import Any

from django.core.exceptions import ImproperlyConfigured

MIN_SECRET_KEY = 50
ONE_YEAR = 31_536_000


def is_production() -> bool:
    return os.environ.get("QUALBRIDGE_ENV", "").strip().lower() == "production"


def _listed(name: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, "").split(",") if item.strip()]


def secret_key() -> str:
    key = os.environ.get("QUALBRIDGE_SECRET_KEY", "")
    if len(key) < MIN_SECRET_KEY or len(set(key)) < 5:
        raise ImproperlyConfigured(
            "QUALBRIDGE_ENV=production needs QUALBRIDGE_SECRET_KEY: a random string of at least "
            f"{MIN_SECRET_KEY} characters, the same on every server (e.g. python -c "
            '"import secrets; print(secrets.token_urlsafe(50))").'
        )
    return key


def allowed_hosts() -> list[str]:
    hosts = _listed("QUALBRIDGE_ALLOWED_HOSTS")
    if not hosts:
        raise ImproperlyConfigured(
            "QUALBRIDGE_ENV=production needs QUALBRIDGE_ALLOWED_HOSTS: the host names this server answers "
            "to, comma-separated (e.g. recognition.example.org)."
        )
    return hosts


def _flag(name: str) -> bool:
    return os.environ.get(name, "1").strip() not in ("0", "false", "no", "")


def _proxy_header() -> tuple[str, str] | None:
    header = os.environ.get("QUALBRIDGE_PROXY_SSL_HEADER", "X-Forwarded-Proto").strip()
    if header.lower() in ("", "none"):
        return None
    return "HTTP_" + header.upper().replace("-", "_"), "https"


def https_settings() -> dict[str, Any]:
    """Secure cookies, HSTS, the HTTPS redirect (health checks exempt) and the proxy's HTTPS header."""
    try:
        hsts = int(os.environ.get("QUALBRIDGE_HSTS_SECONDS", ONE_YEAR))
    except ValueError:
        raise ImproperlyConfigured("QUALBRIDGE_HSTS_SECONDS must be a whole number of seconds.") from None
    return {
        "SESSION_COOKIE_SECURE": True,
        "CSRF_COOKIE_SECURE": True,
        "SECURE_SSL_REDIRECT": True,
        "SECURE_REDIRECT_EXEMPT": [r"^healthz$", r"^readyz$"],
        "SECURE_PROXY_SSL_HEADER": _proxy_header(),
        "SECURE_HSTS_SECONDS": hsts,
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": _flag("QUALBRIDGE_HSTS_SUBDOMAINS"),
        "SECURE_HSTS_PRELOAD": _flag("QUALBRIDGE_HSTS_PRELOAD"),
        "CSRF_TRUSTED_ORIGINS": _listed("QUALBRIDGE_CSRF_TRUSTED_ORIGINS"),
    }
