"""The public estimate shows admission eligibility beside a comparison into the JEQF (the core's answer)."""

from __future__ import annotations

import pytest
from django.test import Client

from qualbridge.eligibility.answer import eligibility_overview
from qualbridge.registry import get_registry

pytestmark = pytest.mark.django_db


def test_estimate_into_the_jeqf_lists_eligibility_for_each_target(client: Client) -> None:
    page = client.get(
        "/estimate",
        {"qualification": "au/bachelor", "purpose": "study", "destination": "jp-jeqf", "country": ""},
    )
    assert page.status_code == 200
    html = page.content.decode()
    assert 'id="eligibility"' in html
    expected = eligibility_overview(get_registry(), "au/bachelor")
    outcomes = [e.outcome.value for e in expected]
    assert all(f'data-outcome="{o}"' in html for o in outcomes)
    masters = next(e for e in expected if e.target == "jp-masters")
    assert masters.outcome == "eligible"  # the published MEXT answer on Australian bachelor's degrees


def test_estimate_into_another_framework_has_no_eligibility(client: Client) -> None:
    page = client.get(
        "/estimate", {"qualification": "au/bachelor", "purpose": "study", "destination": "eu-eqf"}
    )
    assert page.status_code == 200 and 'id="eligibility"' not in page.content.decode()
