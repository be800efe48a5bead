"""Login protection (issue 11): one count per account however its name is typed, a lock per address,
and no stranger can lock an account's owner out."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test import Client

from qualbridge.web.accounts import ratelimit
from qualbridge.web.accounts.models import User
from qualbridge.web.caching import LIMITER_TABLE

pytestmark = pytest.mark.django_db
PASSWORD = "correct horse battery"
LOCKED = "Too many failed sign-in attempts"


@pytest.fixture(autouse=True)
def _fast_hasher(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def rl_user(db: None) -> User:
    return User.objects.create_user("rl_user", password=PASSWORD)


class Clock:
    """Stands in for ``time`` in the limiter, so cool-downs can run out without waiting."""

    def __init__(self) -> None:
        import time

        self.now = time.time()

    def time(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    fake = Clock()
    monkeypatch.setattr(ratelimit, "time", fake)
    return fake


def sign_in(client: Client, username: str, password: str, address: str = "203.0.113.5") -> str:
    response = client.post(
        "/accounts/login/", {"username": username, "password": password}, REMOTE_ADDR=address
    )
    if response.status_code == 302:
        return "signed-in"
    return "locked" if LOCKED in response.content.decode() else "refused"


def fail(client: Client, username: str, times: int, address: str = "203.0.113.5") -> None:
    for _ in range(times):
        assert sign_in(client, username, "wrong password", address) in ("refused", "locked")


@pytest.mark.parametrize("spelling", ["rl_user ", " rl_user", "ｒｌ_user", "RL_USER", "rl_user\u3000"])
def test_another_spelling_of_a_cooling_account_is_the_same_account(rl_user: User, spelling: str) -> None:
    client = Client()
    fail(client, "rl_user", ratelimit.ACCOUNT_FREE_FAILURES)
    assert sign_in(Client(), spelling, PASSWORD, address="198.51.100.7") == "locked"


@pytest.mark.parametrize("spelling", ["rl_user ", "ｒｌ_user"])
def test_failures_under_other_spellings_count_for_the_account(rl_user: User, spelling: str) -> None:
    client = Client()
    fail(client, spelling, ratelimit.ACCOUNT_FREE_FAILURES)
    assert sign_in(Client(), "rl_user", PASSWORD, address="198.51.100.7") == "locked"


def test_the_counts_are_in_the_shared_table_not_in_the_process(rl_user: User) -> None:
    fail(Client(), "rl_user", 2)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM {LIMITER_TABLE}")
        assert cursor.fetchone()[0] >= 2  # the account's count and the address's


def test_an_address_is_locked_whichever_accounts_it_tries(rl_user: User) -> None:
    attacker = Client()
    for i in range(ratelimit.ADDRESS_MAX_FAILURES):
        sign_in(attacker, f"someone{i}", "guess", address="192.0.2.66")
    # from that address even a correct password is not checked; the owner elsewhere signs in
    assert sign_in(Client(), "rl_user", PASSWORD, address="192.0.2.66") == "locked"
    assert sign_in(Client(), "rl_user", PASSWORD, address="198.51.100.7") == "signed-in"


def test_an_ipv6_attacker_cannot_rotate_through_its_own_64(rl_user: User) -> None:
    for i in range(ratelimit.ADDRESS_MAX_FAILURES):
        sign_in(Client(), f"someone{i}", "guess", address=f"2001:db8:1:2::{i + 1:x}")
    assert sign_in(Client(), "rl_user", PASSWORD, address="2001:db8:1:2::ffff") == "locked"


def test_a_stranger_cannot_lock_the_owner_out(rl_user: User, clock: Clock) -> None:
    owner = Client()
    assert sign_in(owner, "rl_user", PASSWORD, address="198.51.100.7") == "signed-in"
    owner.post("/accounts/logout/")
    fail(Client(), "rl_user", 12, address="192.0.2.66")
    # the owner's browser (known from the earlier sign-in) is not slowed down by the stranger
    assert sign_in(owner, "rl_user", PASSWORD, address="198.51.100.7") == "signed-in"
    # a new browser waits out a short cool-down (capped at five minutes), never a lock
    fail(Client(), "rl_user", 12, address="192.0.2.67")
    fresh = Client()
    assert sign_in(fresh, "rl_user", PASSWORD, address="198.51.100.8") == "locked"
    clock.now += ratelimit.ACCOUNT_DELAY_CAP_SECONDS + 1
    assert sign_in(fresh, "rl_user", PASSWORD, address="198.51.100.8") == "signed-in"


def test_a_known_device_cookie_of_another_account_does_not_help(rl_user: User) -> None:
    User.objects.create_user("other", password=PASSWORD)
    browser = Client()
    assert sign_in(browser, "other", PASSWORD) == "signed-in"
    browser.post("/accounts/logout/")
    fail(Client(), "rl_user", ratelimit.ACCOUNT_FREE_FAILURES, address="192.0.2.66")
    assert sign_in(browser, "rl_user", PASSWORD, address="198.51.100.7") == "locked"


def test_guessing_from_a_known_device_ends_its_exemption(rl_user: User) -> None:
    browser = Client()
    assert sign_in(browser, "rl_user", PASSWORD) == "signed-in"
    browser.post("/accounts/logout/")
    fail(browser, "rl_user", ratelimit.DEVICE_MAX_FAILURES)
    assert sign_in(browser, "rl_user", PASSWORD) == "locked"


def test_behind_a_proxy_the_client_address_is_counted_not_the_proxys(rl_user: User, settings: Any) -> None:
    settings.LOGIN_PROXY_COUNT = 1
    for i in range(ratelimit.ADDRESS_MAX_FAILURES):
        Client().post(
            "/accounts/login/",
            {"username": f"someone{i}", "password": "guess"},
            REMOTE_ADDR="10.0.0.1",
            # a forged left-hand entry does not change the address the proxy saw
            HTTP_X_FORWARDED_FOR=f"1.2.3.{i}, 192.0.2.66",
        )
    owner = Client().post(
        "/accounts/login/",
        {"username": "rl_user", "password": PASSWORD},
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_FORWARDED_FOR="198.51.100.7",
    )
    assert owner.status_code == 302
    attacker = Client().post(
        "/accounts/login/",
        {"username": "rl_user", "password": PASSWORD},
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_FORWARDED_FOR="192.0.2.66",
    )
    assert LOCKED in attacker.content.decode()
