"""With ``REDIS_URL`` (issue 15) the cache, the sessions and the login limiter live on the real Redis at
127.0.0.1:6379, database 1, so every worker and every server shares them; each test uses its own key
prefix and removes its keys afterwards."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client

from qualbridge.web.accounts import ratelimit
from qualbridge.web.accounts.models import User
from qualbridge.web.caching import cache_settings, session_engine

REDIS_URL = os.environ.get("QUALBRIDGE_TEST_REDIS_URL", "redis://127.0.0.1:6379/1")
PASSWORD = "correct horse battery"
pytestmark = [pytest.mark.redis, pytest.mark.django_db]


@pytest.fixture
def redis_client() -> Any:
    import redis

    client = redis.Redis.from_url(REDIS_URL)
    try:
        client.ping()
    except redis.RedisError as exc:
        pytest.fail(f"these tests need Redis at {REDIS_URL} (`redis-server --daemonize yes`): {exc}")
    return client


@pytest.fixture
def on_redis(settings: Any, redis_client: Any) -> Iterator[str]:
    prefix = f"qbtest-{uuid.uuid4().hex[:12]}"
    settings.CACHES = cache_settings(REDIS_URL, prefix)
    settings.SESSION_ENGINE = session_engine(REDIS_URL)
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    yield prefix
    keys = list(redis_client.scan_iter(f"{prefix}*"))
    if keys:
        redis_client.delete(*keys)


def _keys(redis_client: Any, prefix: str) -> list[str]:
    return [k.decode() for k in redis_client.scan_iter(f"{prefix}*")]


def test_the_cache_is_on_redis(on_redis: str, redis_client: Any) -> None:
    cache.set("probe", "shared", 30)
    assert any(k.endswith(":probe") for k in _keys(redis_client, on_redis))


def test_sessions_are_on_redis(on_redis: str, redis_client: Any) -> None:
    User.objects.create_user("ada", password=PASSWORD)
    client = Client()
    assert client.post("/accounts/login/", {"username": "ada", "password": PASSWORD}).status_code == 302
    session_key = client.cookies["sessionid"].value
    assert any(session_key in k for k in _keys(redis_client, on_redis))
    assert client.get("/cases/").status_code == 200  # the session read back from Redis signs in


def test_login_counts_on_redis_hold_in_another_process(
    on_redis: str, redis_client: Any, tmp_path: Path
) -> None:
    """Failures counted by this process lock the account in a second process (another server)."""
    User.objects.create_user("rl_user", password=PASSWORD)
    for _ in range(ratelimit.ACCOUNT_FREE_FAILURES):
        Client().post("/accounts/login/", {"username": "rl_user", "password": "wrong"})
    assert any(k.startswith(f"{on_redis}-login") for k in _keys(redis_client, on_redis))
    probe = (
        "import django; django.setup()\n"
        "from django.test import RequestFactory\n"
        "from qualbridge.web.accounts.ratelimit import blocked\n"
        "print(blocked(RequestFactory().post('/', REMOTE_ADDR='198.51.100.9'), 'ｒｌ_user '))\n"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "qualbridge.web.settings",
        "REDIS_URL": REDIS_URL,
        "QUALBRIDGE_CACHE_PREFIX": on_redis,
        "QUALBRIDGE_DATA_DIR": str(tmp_path),
    }
    env.pop("DATABASE_URL", None)
    out = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "account"
