"""``qualbridge keys generate`` and ``qualbridge statements sign/verify`` through the real entry point."""

from __future__ import annotations

import json
import stat
import sys
from pathlib import Path

import pytest

from qualbridge.cli.main import run
from qualbridge.statements.dataintegrity import sign
from qualbridge.statements.multikey import KeyPair
from qualbridge.statements.statuslist import StatusList, status_list_credential

from .helpers import RDFC


def qb(monkeypatch: pytest.MonkeyPatch, *args: str) -> int:
    """Run the ``qualbridge`` command with ``args``; its exit status."""
    monkeypatch.setattr(sys, "argv", ["qualbridge", *args])
    try:
        run()
    except SystemExit as exc:
        return int(exc.code or 0)
    return 0


@pytest.fixture
def keyfile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "issuer-key.json"
    assert qb(monkeypatch, "keys", "generate", "--out", str(path)) == 0
    return path


def test_generate_writes_a_private_multikey_file_and_never_overwrites(
    keyfile: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert stat.S_IMODE(keyfile.stat().st_mode) == 0o600
    doc = json.loads(keyfile.read_text())
    assert doc["type"] == "Multikey" and doc["secretKeyMultibase"].startswith("z3u2")
    before = keyfile.read_bytes()
    capsys.readouterr()
    assert qb(monkeypatch, "keys", "generate", "--out", str(keyfile)) == 2
    assert "already exists" in capsys.readouterr().err
    assert keyfile.read_bytes() == before


def test_sign_then_verify_round_trip(
    keyfile: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    claims = tmp_path / "claims.json"
    claims.write_text(json.dumps({"id": "did:example:h", "qualificationType": "jp/gakushi"}))
    signed = tmp_path / "statement.json"
    assert (
        qb(monkeypatch, "statements", "sign", str(claims), "--key", str(keyfile), "--out", str(signed)) == 0
    )
    capsys.readouterr()
    # signed by a key nobody listed: the signature holds but the issuer is not trusted, so exit 1
    assert qb(monkeypatch, "statements", "verify", str(signed), "--json") == 1
    untrusted = json.loads(capsys.readouterr().out)
    assert [c["code"] for c in untrusted["checks"] if not c["ok"]] == ["issuer.untrusted"]
    key = KeyPair.from_document(json.loads(keyfile.read_text()))
    trust = ["--trust", f"{key.did}={key.verification_method}"]
    assert qb(monkeypatch, "statements", "verify", str(signed), "--json", *trust) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["verified"] is True
    assert [c["check"] for c in report["checks"]] == [
        "structure",
        "contexts",
        "signature",
        "issuer-key",
        "status",
        "validity-period",
    ]
    assert qb(monkeypatch, "statements", "verify", str(signed), *trust) == 0
    assert "6 of 6 checks pass" in capsys.readouterr().out

    doc = json.loads(signed.read_text())
    doc["credentialSubject"]["qualificationType"] = "jp/shushi"
    signed.write_text(json.dumps(doc))
    assert qb(monkeypatch, "statements", "verify", str(signed), "--json", *trust) == 1
    report = json.loads(capsys.readouterr().out)
    assert [c["check"] for c in report["checks"] if not c["ok"]] == ["signature"]


def test_revoked_statement_exits_1_with_its_status_list(
    keyfile: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    url = "https://recognition.example/status/1"
    claims = tmp_path / "claims.json"
    claims.write_text(json.dumps({"qualificationType": "jp/gakushi"}))
    signed = tmp_path / "statement.json"
    args = ["--status-list-url", url, "--status-index", "5", "--out", str(signed)]
    assert qb(monkeypatch, "statements", "sign", str(claims), "--key", str(keyfile), *args) == 0
    key = KeyPair.from_document(json.loads(keyfile.read_text()))
    bits = StatusList()
    lists = tmp_path / "list.json"
    for revoked, status in ((False, 0), (True, 1)):
        bits.set(5, revoked)
        unsigned = status_list_credential(
            bits,
            list_id=url,
            issuer=key.did,
            valid_from="2026-01-01T00:00:00Z",
            valid_until="2099-01-01T00:00:00Z",
        )
        lists.write_text(json.dumps(sign(unsigned, key)))
        trust = ["--trust", f"{key.did}={key.verification_method}"]
        assert (
            qb(monkeypatch, "statements", "verify", str(signed), "--status-list", str(lists), *trust)
            == status
        )
    assert "revoked" in capsys.readouterr().out


def test_w3c_vector_verifies_when_its_key_is_trusted(monkeypatch: pytest.MonkeyPatch) -> None:
    vector = RDFC / "signedDataInt.json"
    assert qb(monkeypatch, "statements", "verify", str(vector)) == 1  # https issuer, key not known
    vm = json.loads(vector.read_text())["proof"]["verificationMethod"]
    trust = f"https://vc.example/issuers/5678={vm}"
    assert qb(monkeypatch, "statements", "verify", str(vector), "--trust", trust) == 0


def test_unreadable_input_exits_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert qb(monkeypatch, "statements", "verify", str(tmp_path / "missing.json")) == 2
    broken = tmp_path / "broken.json"
    broken.write_text("{not json")
    assert qb(monkeypatch, "statements", "verify", str(broken)) == 2


def test_a_trust_list_file_decides_and_a_forged_statement_is_not_authentic(
    keyfile: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    claims = tmp_path / "claims.json"
    claims.write_text(json.dumps({"qualificationType": "jp/gakushi"}))
    signed = tmp_path / "statement.json"
    assert (
        qb(monkeypatch, "statements", "sign", str(claims), "--key", str(keyfile), "--out", str(signed)) == 0
    )
    key = KeyPair.from_document(json.loads(keyfile.read_text()))
    listed = tmp_path / "trust.json"
    entry = {"id": key.did, "name": {"en": "Test office", "ja": "テスト機関"}, "country": "JP"}
    listed.write_text(json.dumps({"issuers": [entry]}))
    assert qb(monkeypatch, "statements", "verify", str(signed), "--trust-list", str(listed)) == 0
    capsys.readouterr()
    forger = tmp_path / "forger.json"
    assert qb(monkeypatch, "keys", "generate", "--out", str(forger)) == 0
    forged = tmp_path / "forged.json"
    assert qb(monkeypatch, "statements", "sign", str(claims), "--key", str(forger), "--out", str(forged)) == 0
    capsys.readouterr()
    assert qb(monkeypatch, "statements", "verify", str(forged), "--trust-list", str(listed)) == 1
    assert "issuer not on the trust list" in capsys.readouterr().out
    listed.write_text(json.dumps({"issuers": [{"name": "no id"}]}))
    assert qb(monkeypatch, "statements", "verify", str(signed), "--trust-list", str(listed)) == 2
