"""PostgreSQL only: concurrent actions keep one unbroken audit chain (row locks serialise appends)."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from django.db import connection, connections

from qualbridge.web.accounts.models import User
from qualbridge.web.audit.chain import verify_chain
from qualbridge.web.cases import actions
from qualbridge.web.cases.models import Case, State

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _only_postgres() -> None:
    if connection.vendor != "postgresql":
        pytest.fail("needs DATABASE_URL pointing at PostgreSQL: run `make pytest-postgres`")


def test_concurrent_actions_on_many_cases_keep_the_chain(
    make_case: Callable[..., Case], users: dict[str, User]
) -> None:
    cases = [make_case(State.IN_ASSESSMENT) for _ in range(6)]
    errors: list[BaseException] = []

    def work(case: Case) -> None:
        try:
            for i in range(5):
                actions.do_draft_decision(users["evaluator"], case, "full", f"Reasons, version {i}.")
        except BaseException as exc:  # collected and re-raised in the test thread
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=work, args=(case,)) for case in cases]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert verify_chain() == []


def test_one_case_approved_twice_at_once_issues_one_statement(
    make_case: Callable[..., Case], users: dict[str, User]
) -> None:
    case = make_case(State.PENDING_APPROVAL)
    outcomes: list[str] = []

    def approve(user: User) -> None:
        try:
            actions.do_approve(user, case)
            outcomes.append("approved")
        except Exception as exc:
            outcomes.append(type(exc).__name__)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=approve, args=(users[u],)) for u in ("senior", "senior2")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["InvalidTransition", "approved"]
    assert case.statements.count() == 1
    assert verify_chain() == []
