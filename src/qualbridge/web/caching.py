"""Where the cache, the sessions and the login limiter keep their state.

With ``REDIS_URL`` set (several workers or servers), all three live on Redis through Django's built-in
Redis cache backend, so every worker sees the same counts and sessions. Without it (the embedded
default: ``make run`` needs nothing but Python and SQLite) the cache is local memory, sessions are in
the database, and the login limiter counts in a table of the database, which every worker and server
of the same database shares too.
"""

from __future__ import annotations

from typing import Any

#: the cache alias the login limiter counts in
LIMITER_CACHE = "login-limits"
#: the database table of the limiter's counts when there is no Redis (made by ``createcachetable``)
LIMITER_TABLE = "qualbridge_login_limits"


def cache_settings(redis_url: str | None, prefix: str = "qualbridge") -> dict[str, dict[str, Any]]:
    """Django's ``CACHES`` for a Redis address, or the embedded default when there is none."""
    if redis_url:
        redis = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": redis_url}
        return {
            "default": {**redis, "KEY_PREFIX": prefix},
            LIMITER_CACHE: {**redis, "KEY_PREFIX": f"{prefix}-login"},
        }
    return {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": prefix},
        LIMITER_CACHE: {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": LIMITER_TABLE,
            "OPTIONS": {"MAX_ENTRIES": 100_000},
        },
    }


def session_engine(redis_url: str | None) -> str:
    """Sessions read from Redis (and kept in the database, so a Redis restart signs nobody out)."""
    if redis_url:
        return "django.contrib.sessions.backends.cached_db"
    return "django.contrib.sessions.backends.db"
