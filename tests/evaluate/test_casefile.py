"""Bad case files exit 2 with a message naming the field; the JSON Schema matches the models."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from qualbridge.evaluate.casefile import json_schema
from tests.evaluate.conftest import CASES, load_raw


def run_cli(
    args: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> tuple[int, str, str]:
    from qualbridge.cli import main

    monkeypatch.setattr(sys, "argv", ["qualbridge", *args])
    with pytest.raises(SystemExit) as exited:
        main.run()
        raise SystemExit(0)
    out, err = capsys.readouterr()
    return int(exited.value.code or 0), out, " ".join(err.split())


def write(tmp_path: Path, raw: Any, name: str = "case.yaml") -> Path:
    path = tmp_path / name
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return path


def test_good_case_exits_0(tmp_path, monkeypatch, capsys):
    code, out, _ = run_cli(
        ["evaluate", str(CASES / "full-jp-gakushi-to-gb.yaml"), "--json"], monkeypatch, capsys
    )
    assert code == 0
    assert json.loads(out)["recommendation"]["outcome"] == "full"


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        (lambda r: r["credentials"][0].update(country="XX"), "credentials[0].country", "'XX'"),
        (
            lambda r: r["credentials"][0].update(country="JP", qualification="Zzyzx Quux"),
            "credentials[0].qualification",
            "Zzyzx Quux",
        ),
        (lambda r: r.pop("purpose"), "purpose", "required"),
        (lambda r: r["credentials"][0].pop("qualification"), "credentials[0].qualification", "required"),
        (lambda r: r.update(credentials=[]), "credentials", "at least 1"),
        (
            lambda r: r["credentials"][0].update(awarded="2031-01-01"),
            "credentials[0].awarded",
            "2031-01-01 is after today",
        ),
        (
            lambda r: r["credentials"][0].update(started="2024-04-01"),
            "credentials[0].awarded",
            "before started",
        ),
        (lambda r: r["credentials"][0].update(awarded="2023-02-30"), "credentials[0].awarded", "date"),
        (lambda r: r["purpose"].update(kind="tourism"), "purpose.kind", "further-study"),
        (lambda r: r.update(policy="xx-nobody"), "policy", "xx-nobody"),
        (
            lambda r: r["credentials"][0]["transcript"]["grades"][1].update(grade="Z"),
            "credentials[0].transcript.grades[1].grade",
            "'Z'",
        ),
        (
            lambda r: r["credentials"][0]["credits"].update(system="parsecs"),
            "credentials[0].credits.system",
            "parsecs",
        ),
        (
            lambda r: r["credentials"][0].update(colour="blue"),
            "credentials[0].colour",
            "not a case-file field",
        ),
        (lambda r: r["purpose"].update(field="7"), "purpose.field", "pattern"),
    ],
)
def test_bad_case_file_exits_2_naming_the_field(change, field, words, tmp_path, monkeypatch, capsys):
    raw = load_raw("full-jp-gakushi-to-gb.yaml")
    change(raw)
    code, _, err = run_cli(["evaluate", str(write(tmp_path, raw))], monkeypatch, capsys)
    assert code == 2
    assert f"{field}:" in err, err
    assert words in err, err
    assert "Traceback" not in err


def test_future_date_message_names_today(tmp_path, monkeypatch, capsys):
    raw = load_raw("full-jp-gakushi-to-gb.yaml")
    raw["credentials"][0]["awarded"] = "2031-01-01"
    _, _, err = run_cli(["evaluate", str(write(tmp_path, raw))], monkeypatch, capsys)
    assert f"credentials[0].awarded: 2031-01-01 is after today ({dt.date.today().isoformat()})" in err


def test_unreadable_and_malformed_files_exit_2(tmp_path, monkeypatch, capsys):
    code, _, err = run_cli(["evaluate", str(tmp_path / "nothing.yaml")], monkeypatch, capsys)
    assert code == 2 and "does not exist" in err
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    code, _, err = run_cli(["evaluate", str(bad)], monkeypatch, capsys)
    assert code == 2 and "bad.json" in err
    listing = tmp_path / "list.yaml"
    listing.write_text("- a\n- b\n", encoding="utf-8")
    code, _, err = run_cli(["evaluate", str(listing)], monkeypatch, capsys)
    assert code == 2 and "mapping" in err


def test_credential_needs_a_key(tmp_path, monkeypatch, capsys):
    code, _, err = run_cli(
        ["evaluate", str(CASES / "full-jp-gakushi-to-gb.yaml"), "--credential", str(tmp_path / "c.json")],
        monkeypatch,
        capsys,
    )
    assert code == 2 and "--key" in err


def test_shipped_schema_is_generated_from_the_models():
    shipped = json.loads((CASES / "case.schema.json").read_text(encoding="utf-8"))
    assert shipped == json.loads(json.dumps(json_schema())), "regenerate examples/cases/case.schema.json"


def test_worked_cases_validate_against_the_schema():
    import jsonschema

    schema = json.loads((CASES / "case.schema.json").read_text(encoding="utf-8"))
    for path in CASES.glob("*.yaml"):
        raw = json.loads(json.dumps(yaml.safe_load(path.read_text(encoding="utf-8")), default=str))
        jsonschema.validate(raw, schema)
    bad = load_raw("full-jp-gakushi-to-gb.yaml")
    bad["purpose"]["kind"] = "tourism"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(json.loads(json.dumps(bad, default=str)), schema)


def test_policies_are_marked_as_configurable_rules():
    from qualbridge.evaluate.policy import get_policy, policy_ids

    assert {"gb-enic", "jp-nic"} <= set(policy_ids())
    jp = get_policy("jp-nic")
    assert (jp.home_framework, jp.credit_system, jp.grading_scale) == ("jp-jeqf", "jp-tani", "jp-s-f")
    for pid in policy_ids():
        policy = get_policy(pid)
        assert policy.configurable and policy.note and "not facts" in policy.note
        assert policy.time_limit_days <= 120  # never more than four months
