"""The micro-credentials endpoints: a sample micro-credential and an imported badge evaluate and stack;
bad input is an RFC 9457 problem naming the field."""

import pytest

from qualbridge.interop import ob3
from qualbridge.microcredentials.sample import get

pytestmark = pytest.mark.django_db


def test_evaluate_sample(client):
    r = client.post("/api/v1/micro-credentials/evaluate",
                    {"micro_credential": "nz-mediaworks-sales-capability", "to": "eu-eqf", "credits": "ects"},
                    content_type="application/json")  # fmt: skip
    assert r.status_code == 200, r.content
    body = r.json()
    assert body["level"]["target_levels"] and body["credits"]["to"] == "ects"


def test_stack_with_badge(client):
    badge = ob3.export_micro_credential(get("nz-growsafe-standard"))
    r = client.post("/api/v1/micro-credentials/stack",
                    {"micro_credentials": ["nz-growsafe-basic", badge], "toward": "ie/higher-diploma"},
                    content_type="application/json")  # fmt: skip
    assert r.status_code == 200, r.content
    assert r.json()["credits_missing"] > 0


@pytest.mark.parametrize(
    ("body", "needle"),
    [
        ({"micro_credential": "nope"}, "nope"),
        ({"micro_credential": {"title": "x", "provider": "p", "country": "NZ", "credits": -1}}, "credits"),
        ({"micro_credential": 5}, "micro_credential"),
        (
            {"micro_credential": {"type": ["VerifiableCredential", "OpenBadgeCredential"]}},
            "credentialSubject",
        ),
    ],
)
def test_bad_input_is_problem(client, body, needle):
    r = client.post("/api/v1/micro-credentials/evaluate", body, content_type="application/json")
    assert 400 <= r.status_code < 500
    assert r["Content-Type"].startswith("application/problem+json")
    assert needle in r.json()["detail"]


def test_stack_toward_type_without_credits_is_problem(client):
    r = client.post("/api/v1/micro-credentials/stack",
                    {"micro_credentials": ["nz-growsafe-basic"], "toward": "nz/masters"},
                    content_type="application/json")  # fmt: skip
    assert r.status_code == 400
