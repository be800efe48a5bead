"""Login protection: per-account cool-downs and per-address locks, counted in a cache every worker shares.

Rules (OWASP's "account lockout" advice, without CAPTCHAs):

- The username is normalised before counting (stripped, NFKC, case-folded): ``rl_user ``, ``RL_User``
  and the full-width ``ｒｌ_user`` are one account, as Django's sign-in form would treat them.
- **Per account**: the first ``ACCOUNT_FREE_FAILURES`` failures cost nothing; each further one starts a
  cool-down that doubles (15 s, 30 s, ... up to 5 minutes) during which the account's password is not
  even checked. A stranger can slow an account down, never lock it: the cool-down is short and capped,
  and the owner's own browser (a signed "known device" cookie from an earlier sign-in) is exempt from it.
- **Per address**: ``ADDRESS_MAX_FAILURES`` failures from one address (an IPv6 /64 counts as one) lock
  that address for ``ADDRESS_LOCK_SECONDS``, whichever accounts it tried.

The counts live in the ``login-limits`` cache (:mod:`qualbridge.web.caching`): Redis when ``REDIS_URL``
is set, else a table of the database; both are shared by every worker and every server.
"""

from __future__ import annotations

import hashlib
import ipaddress
import time
import unicodedata
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.core.cache import caches
from django.http import HttpRequest

from qualbridge.web.caching import LIMITER_CACHE

ACCOUNT_FREE_FAILURES = 5
ACCOUNT_WINDOW_SECONDS = 900
ACCOUNT_DELAY_SECONDS = 15
ACCOUNT_DELAY_CAP_SECONDS = 300
ADDRESS_MAX_FAILURES = 20
ADDRESS_LOCK_SECONDS = 900
DEVICE_COOKIE = "qb_known_device"
DEVICE_MAX_FAILURES = 5
DEVICE_SALT = "qualbridge.accounts.known-device"
DEVICE_MAX_AGE = 365 * 24 * 3600


def normalise(username: str) -> str:
    """The form of a username the limits count: stripped, NFKC-normalised, case-folded.

    >>> normalise(" RL_User "), normalise("ｒｌ_user")
    ('rl_user', 'rl_user')
    """
    return unicodedata.normalize("NFKC", username).strip().casefold()


def client_address(request: HttpRequest) -> str:
    """The client's address: behind ``LOGIN_PROXY_COUNT`` proxies, taken from X-Forwarded-For."""
    address = request.META.get("REMOTE_ADDR", "") or "?"
    proxies = getattr(settings, "LOGIN_PROXY_COUNT", 0)
    if proxies:
        hops = [h.strip() for h in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if h.strip()]
        if len(hops) >= proxies:
            address = hops[-proxies]
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address[:64]
    if ip.version == 6:
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


@dataclass(frozen=True)
class Keys:
    account: str
    cooldown: str
    address: str
    device: str | None


def _keys(request: HttpRequest, username: str) -> Keys:
    account = _digest(normalise(username))
    device = known_device(request, username)
    return Keys(
        account=f"acct:{account}",
        cooldown=f"cool:{account}",
        address=f"addr:{_digest(client_address(request))}",
        device=f"dev:{account}:{device}" if device else None,
    )


def known_device(request: HttpRequest, username: str) -> str | None:
    """The id of this browser's "known device" cookie when it was issued to this account."""
    raw = request.COOKIES.get(DEVICE_COOKIE)
    if not raw:
        return None
    try:
        value = signing.loads(raw, salt=DEVICE_SALT, max_age=DEVICE_MAX_AGE)
    except signing.BadSignature:
        return None
    if not isinstance(value, dict) or value.get("u") != normalise(username):
        return None
    device = value.get("d")
    return device if isinstance(device, str) else None


def device_cookie(username: str, device_id: str) -> str:
    return signing.dumps({"u": normalise(username), "d": device_id}, salt=DEVICE_SALT)


def _count(key: str) -> int:
    return int(caches[LIMITER_CACHE].get(key) or 0)


def blocked(request: HttpRequest, username: str) -> str | None:
    """Why a sign-in must not be tried now (``"address"`` or ``"account"``), or None."""
    keys = _keys(request, username)
    cache = caches[LIMITER_CACHE]
    if _count(keys.address) >= ADDRESS_MAX_FAILURES:
        return "address"
    if keys.device is not None and _count(keys.device) < DEVICE_MAX_FAILURES:
        return None  # the account owner's own browser: a stranger's failures do not slow it
    until = cache.get(keys.cooldown)
    if until is not None and float(until) > time.time():
        return "account"
    return None


def _increment(key: str, timeout: int) -> int:
    cache = caches[LIMITER_CACHE]
    cache.add(key, 0, timeout)
    try:
        value = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout)
        value = 1
    cache.touch(key, timeout)
    return int(value)


def cooldown_seconds(failures: int) -> int:
    """The account's cool-down after its n-th failure in the window (0 for the free ones).

    >>> [cooldown_seconds(n) for n in (4, 5, 6, 7, 12)]
    [0, 15, 30, 60, 300]
    """
    if failures < ACCOUNT_FREE_FAILURES:
        return 0
    return int(
        min(ACCOUNT_DELAY_SECONDS * 2 ** (failures - ACCOUNT_FREE_FAILURES), ACCOUNT_DELAY_CAP_SECONDS)
    )


def record_failure(request: HttpRequest, username: str) -> None:
    keys = _keys(request, username)
    _increment(keys.address, ADDRESS_LOCK_SECONDS)
    if keys.device is not None:
        _increment(keys.device, ACCOUNT_WINDOW_SECONDS)
    failures = _increment(keys.account, ACCOUNT_WINDOW_SECONDS)
    if delay := cooldown_seconds(failures):
        caches[LIMITER_CACHE].set(keys.cooldown, time.time() + delay, delay)


def record_success(request: HttpRequest, username: str) -> None:
    """A correct password: the account's failures are forgotten (the address's are not)."""
    keys = _keys(request, username)
    caches[LIMITER_CACHE].delete_many([k for k in (keys.account, keys.cooldown, keys.device) if k])
