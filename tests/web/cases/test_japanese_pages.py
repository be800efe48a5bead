"""Every kind of page, fetched in Japanese, holds no English sentence left untranslated.

The pages a visitor, an applicant or a member of staff meets: home, the frameworks list, a framework,
two side by side, the JEQF guide, an estimate with its answer, the converter with a result, verify with
a result, the country list and a country, the decisions, sign-in, the staff queue, a staff case page
and the analytics. Each is read by :func:`tests.web.english_left.english_left`: visible text outside
elements marked with another language (or code), in runs of three or more English words.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator

import pytest
from django.test import Client

from qualbridge.web.accounts.models import User
from qualbridge.web.cases.models import Case, State
from qualbridge.web.explorer import status
from tests.web.cases.conftest import PASSWORD
from tests.web.english_left import english_left
from tests.web.explorer.statements import documents, provider, trust

pytestmark = pytest.mark.django_db

PUBLIC = (
    "/",
    "/frameworks/",
    "/frameworks/eu-eqf",
    "/frameworks/jp-jeqf/vs/gb-rqf",
    "/jeqf",
    "/estimate?country=gb&qualification=gb/bachelor-honours&destination=jp-jeqf&purpose=study",
    "/convert?tool=grade&g-value=8&g-from_scale=nl-1-10&g-to_scale=de-1-5&g-method=",
    "/convert?tool=credit&c-amount=124&c-from_system=jp-tani&c-to_system=ects",
    "/countries/",
    "/countries/kr",
    "/decisions/",
    "/accounts/login/",
)


def test_the_detector_finds_english_and_spares_what_is_marked() -> None:
    page = (
        '<p>この資格は<span lang="en">Bachelor of Science with Honours</span>と比較できます。</p>'
        "<p>EQF レベル 6 (jp-jeqf:6, isced-2011:6)</p><code>add the country flag</code>"
        "<p>信頼度 · Partially comparable to the level</p>"
    )
    assert english_left(page) == ["Partially comparable to the level"]


def _check(client: Client, path: str) -> list[str]:
    response = client.get(path, HTTP_ACCEPT_LANGUAGE="ja")
    assert response.status_code == 200, path
    body = response.content.decode()
    assert '<html lang="ja">' in body, path
    return [f"{path}: {run}" for run in english_left(body)]


@pytest.fixture
def _published_lists() -> Iterator[None]:
    status.set_status_list_provider(provider)
    status.set_trust_list_provider(trust)
    yield
    status.set_status_list_provider(None)
    status.set_statement_provider(None)
    status.set_trust_list_provider(None)


@pytest.mark.usefixtures("_published_lists")
def test_public_pages_in_japanese_have_no_english_sentence(client: Client) -> None:
    left = [run for path in PUBLIC for run in _check(client, path)]
    verified = client.post(
        "/verify", {"statement": json.dumps(documents()["valid"])}, HTTP_ACCEPT_LANGUAGE="ja"
    )
    left += [f"/verify (a result): {run}" for run in english_left(verified.content.decode())]
    assert not left, "English left on Japanese pages:\n" + "\n".join(left)


def test_staff_pages_in_japanese_have_no_english_sentence(
    client: Client, users: dict[str, User], make_case: Callable[..., Case]
) -> None:
    case = make_case(State.PENDING_APPROVAL)
    client.login(username=users["evaluator"].username, password=PASSWORD)
    left = []
    for path in ("/cases/", f"/cases/{case.pk}/", "/cases/analytics/"):
        left += _check(client, path)
    assert not left, "English left on Japanese pages:\n" + "\n".join(left)


def test_drop_downs_name_frameworks_in_japanese_or_mark_the_original(client: Client) -> None:
    from qualbridge.registry import get_registry

    body = client.get("/frameworks/jp-jeqf/vs/gb-rqf", HTTP_ACCEPT_LANGUAGE="ja").content.decode()
    for fw in get_registry().frameworks.values():
        option = re.search(rf'<option value="{re.escape(fw.id)}"[^>]*>', body)
        assert option, fw.id
        if fw.names.get("ja"):
            assert "lang=" not in option.group(0) and f"{fw.abbreviation} — {fw.names['ja']}" in body
        else:
            assert 'lang="' in option.group(0), option.group(0)
