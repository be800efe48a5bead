"""`qualbridge microcredentials`: evaluate and stack from the shipped sample, exit 2 on bad input."""

import json

from typer.testing import CliRunner

from qualbridge.cli.main import app
from qualbridge.interop import ob3
from qualbridge.microcredentials.sample import get

runner = CliRunner()


def test_evaluate_json_places_level_and_credits():
    out = runner.invoke(app, ["microcredentials", "evaluate", "nz-mediaworks-sales-capability", "--to", "eu-eqf",
                              "--credits", "ects", "--json"])  # fmt: skip
    assert out.exit_code == 0, out.output
    data = json.loads(out.stdout)
    assert data["level"]["target_levels"]
    assert data["credits"]["to"] == "ects"


def test_stack_json_says_what_is_missing():
    out = runner.invoke(app, ["microcredentials", "stack", "nz-growsafe-basic", "nz-growsafe-standard", "--toward",
                              "ie/higher-diploma", "--json"])  # fmt: skip
    assert out.exit_code == 0, out.output
    data = json.loads(out.stdout)
    assert data["credits_missing"] > 0 and "mc-stack-credits" in data["missing"]


def test_imported_badge_file_evaluates(tmp_path):
    path = tmp_path / "badge.json"
    path.write_text(json.dumps(ob3.export_micro_credential(get("nz-growsafe-standard"))))
    out = runner.invoke(app, ["microcredentials", "evaluate", str(path), "--to", "eu-eqf", "--json"])
    assert out.exit_code == 0, out.output
    assert json.loads(out.stdout)["micro_credential"]["level"] == "nz-nzqcf:3"


def test_check_names_rules_in_japanese():
    out = runner.invoke(app, ["microcredentials", "check", "nz-growsafe-basic", "--lang", "ja"])
    assert out.exit_code == 1
    assert "学習成果" in out.output
