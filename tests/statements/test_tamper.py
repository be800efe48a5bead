"""Any change to any field of a signed statement fails verification."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qualbridge.statements.issue import issue_credential
from qualbridge.statements.multikey import KeyPair
from qualbridge.statements.verify import verify_credential

from .helpers import RDFC, delete_at, get_at, key_paths, leaf_paths, load, set_at

VECTOR = load(RDFC / "signedDataInt.json")
VECTOR_TRUST = {VECTOR["issuer"]: [VECTOR["proof"]["verificationMethod"]]}

KEY = KeyPair.generate()
STATEMENT = issue_credential(
    {
        "id": "did:example:holder",
        "type": "Qualification",
        "names": {"ja": "学士（工学）", "ja-Latn": "gakushi (kōgaku)", "en": "Bachelor of Engineering"},
        "qualificationType": "jp/gakushi",
        "comparableLevel": ["eu-eqf:6", "isced-2011:6"],
        "confidence": 0.9,
        "route": [
            {"type": "RouteStep", "fromLevel": "jp-jeqf:6", "toLevel": "eu-eqf:6", "matchType": "exactMatch"}
        ],
    },
    KEY,
    KEY.did,
    valid_from="2026-01-01T00:00:00Z",
)


def mutated(value: Any) -> Any:
    if isinstance(value, bool):
        return not value
    if isinstance(value, (int, float)):
        return value + 1
    if isinstance(value, str):
        return value + "x" if value else "x"
    return "x"


STATEMENT_TRUST = {STATEMENT["issuer"]: [STATEMENT["proof"]["verificationMethod"]]}
CASES = [("vector", VECTOR, VECTOR_TRUST), ("qualbridge", STATEMENT, STATEMENT_TRUST)]


@pytest.mark.parametrize(("name", "doc", "trust"), CASES, ids=[c[0] for c in CASES])
def test_untouched_statement_verifies(name: str, doc: dict[str, Any], trust: dict[str, list[str]]) -> None:
    assert verify_credential(doc, trusted_keys=trust).ok


@pytest.mark.parametrize(("name", "doc", "trust"), CASES, ids=[c[0] for c in CASES])
def test_changing_any_leaf_fails(name: str, doc: dict[str, Any], trust: dict[str, list[str]]) -> None:
    paths = leaf_paths(doc)
    assert len(paths) > 15
    for path in paths:
        changed = copy.deepcopy(doc)
        set_at(changed, path, mutated(get_at(doc, path)))
        assert not verify_credential(changed, trusted_keys=trust).ok, f"change at {path} went unnoticed"


@pytest.mark.parametrize(("name", "doc", "trust"), CASES, ids=[c[0] for c in CASES])
def test_removing_any_member_fails(name: str, doc: dict[str, Any], trust: dict[str, list[str]]) -> None:
    for path in key_paths(doc):
        changed = copy.deepcopy(doc)
        delete_at(changed, path)
        assert not verify_credential(changed, trusted_keys=trust).ok, f"removing {path} went unnoticed"


@pytest.mark.parametrize(("name", "doc", "trust"), CASES, ids=[c[0] for c in CASES])
def test_adding_a_member_anywhere_fails(name: str, doc: dict[str, Any], trust: dict[str, list[str]]) -> None:
    objects = [()] + [p for p in key_paths(doc) if isinstance(get_at(doc, p), dict)]
    for path in objects:
        changed = copy.deepcopy(doc)
        get_at(changed, path)["grade"] = "A"
        assert not verify_credential(changed, trusted_keys=trust).ok, f"adding at {path} went unnoticed"


def test_an_unsigned_term_added_after_signing_is_caught_by_the_context_check() -> None:
    # `grade` is not defined by the contexts: expansion drops it, so the signature still matches,
    # and only the context check stands between the reader and an unsigned claim.
    changed = copy.deepcopy(STATEMENT)
    changed["credentialSubject"]["grade"] = "A"
    result = verify_credential(changed)
    by_check = {f.check: f for f in result.findings}
    assert by_check["signature"].ok
    assert not by_check["contexts"].ok and "grade" in by_check["contexts"].message
    assert not result.ok


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_any_new_value_at_any_leaf_fails(data: st.DataObject) -> None:
    doc = STATEMENT
    path = data.draw(st.sampled_from(leaf_paths(doc)))
    old = get_at(doc, path)
    new = data.draw(
        st.one_of(st.text(max_size=30), st.integers(), st.floats(allow_nan=False), st.booleans(), st.none())
    )
    if new == old and type(new) is type(old):
        return
    changed = copy.deepcopy(doc)
    set_at(changed, path, new)
    assert not verify_credential(changed).ok
