"""Login rate limiting: a few failed attempts per username and per address, then a pause.

Counts live in Django's cache (local memory by default, per process); the window is short so that a
locked-out user can try again soon, and a brute-force attempt is slowed to a crawl.
"""

from __future__ import annotations

from django.core.cache import cache
from django.http import HttpRequest

MAX_FAILURES = 5
WINDOW_SECONDS = 300


def _keys(request: HttpRequest, username: str) -> list[str]:
    address = request.META.get("REMOTE_ADDR", "?")
    return [f"login-fail:user:{username.lower()}", f"login-fail:addr:{address}"]


def is_locked(request: HttpRequest, username: str) -> bool:
    return any((cache.get(k) or 0) >= MAX_FAILURES for k in _keys(request, username))


def record_failure(request: HttpRequest, username: str) -> None:
    for key in _keys(request, username):
        cache.add(key, 0, WINDOW_SECONDS)
        cache.incr(key)


def reset(request: HttpRequest, username: str) -> None:
    cache.delete_many(_keys(request, username))
