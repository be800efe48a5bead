"""Regressions in ``qualbridge keys`` and ``qualbridge statements sign`` found with bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import run_cli as qb

CLAIMS = {"id": "did:example:123", "givenName": "太郎", "familyName": "山田", "qualification": "学士"}


@pytest.fixture(scope="module")
def setup(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("sign")
    key = folder / "key.json"
    assert qb("keys", "generate", "--out", str(key)).returncode == 0
    claims = folder / "claims.json"
    claims.write_text(json.dumps(CLAIMS, ensure_ascii=False), encoding="utf-8")
    return key, claims


def test_sign_never_overwrites_a_statement_without_force(setup: tuple[Path, Path], tmp_path: Path) -> None:
    key, claims = setup
    out = tmp_path / "s.json"
    assert qb("statements", "sign", str(claims), "--key", str(key), "--out", str(out)).returncode == 0
    first = out.read_text(encoding="utf-8")
    again = qb("statements", "sign", str(claims), "--key", str(key), "--out", str(out))
    assert again.returncode == 2 and "--force" in again.stderr
    assert out.read_text(encoding="utf-8") == first
    forced = qb("statements", "sign", str(claims), "--key", str(key), "--out", str(out), "--force")
    assert forced.returncode == 0 and out.read_text(encoding="utf-8") != first


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("--valid-until", "1900-01-01T00:00:00Z"), "before validFrom"),
        (("--issuer", ""), "issuer must be a URL"),
        (("--status-list-url", "", "--status-index", "0"), "not an absolute URL"),
        (("--out", "no-such-folder/s.json"), "does not exist"),
    ],
)
def test_bad_sign_options_are_named(setup: tuple[Path, Path], args: tuple[str, ...], expected: str) -> None:
    key, claims = setup
    out = qb("statements", "sign", str(claims), "--key", str(key), *args)
    assert out.returncode == 2, out.stdout
    assert expected in out.stderr and out.stdout == ""


def test_undefined_claim_lists_the_terms_that_would_work(setup: tuple[Path, Path], tmp_path: Path) -> None:
    key, _ = setup
    claims = tmp_path / "c.json"
    claims.write_text('{"id": "did:example:1", "recognisedAs": "x"}', encoding="utf-8")
    out = qb("statements", "sign", str(claims), "--key", str(key))
    assert out.returncode == 2
    assert "recognisedAs" in out.stderr and "qualification" in out.stderr and "givenName" in out.stderr


def test_key_file_errors_say_what_is_wrong(tmp_path: Path) -> None:
    folder = qb("keys", "generate", "--out", str(tmp_path))
    assert folder.returncode == 2 and "is a folder" in folder.stderr
    missing = qb("keys", "show", str(tmp_path / "nope.json"))
    assert missing.returncode == 2 and "No such file" in missing.stderr and "[Errno" not in missing.stderr
    binary = tmp_path / "bin.json"
    binary.write_bytes(b"\xff\xfe\x00")
    bad = qb("keys", "show", str(binary))
    assert bad.returncode == 2 and "is not JSON" in bad.stderr and "keys generate" in bad.stderr
