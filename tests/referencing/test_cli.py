"""`qualbridge referencing` as a user runs it: exit 2 on bad input, the JSON shapes."""

from __future__ import annotations

import json
from pathlib import Path

from tests.helpers import run_cli as qb


def test_unknown_framework_exits_2() -> None:
    out = qb("referencing", "suggest", "de-dqx", "--to", "eu-eqf")
    assert out.returncode == 2
    assert "de-dqr" in out.stderr and "Traceback" not in out.stderr


def test_framework_without_descriptors_exits_2_naming_it() -> None:
    out = qb("referencing", "suggest", "jp-jeqf", "--to", "eu-eqf")
    assert out.returncode == 2
    assert "jp-jeqf" in out.stderr and "descriptors" in out.stderr


def test_suggest_json_shape(tmp_path: Path) -> None:
    svg = tmp_path / "dqr.svg"
    out = qb("referencing", "suggest", "de-dqr", "--to", "eu-eqf", "--json", "--svg", str(svg))
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["source"] == "de-dqr" and data["reference"] == "eu-eqf" and data["method"] == "lexical"
    assert [lv["notation"] for lv in data["levels"]] == [str(n) for n in range(1, 9)]
    first = data["levels"][0]
    assert {"targets", "best", "similarity", "strength", "strength_text", "phrases", "warnings"} <= set(first)
    assert first["strength_text"]["ja"] and first["phrases"][0]["source"]
    assert svg.read_text().startswith("<svg")


def test_evaluate_json_has_the_figures() -> None:
    out = qb("referencing", "evaluate", "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    for key in ("exact_agreement", "mae", "rows"):
        assert key in data["overall"] and key in data["baseline"]
    assert 0 <= data["overall"]["exact_agreement"] <= 1
    assert data["overall"]["rows"] == sum(len(f["rows"]) for f in data["frameworks"])
    assert any(f["source"] == "de-dqr" for f in data["frameworks"])


def test_outcomes_from_a_file(tmp_path: Path) -> None:
    path = tmp_path / "outcomes.txt"
    path.write_text(
        "Advanced knowledge of chemistry involving a critical understanding of theories and principles\n"
    )
    out = qb("referencing", "outcomes", "eu-eqf:6", "--outcomes", str(path), "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["level"] == "eu-eqf:6"
    assert [s["covered"] for s in data["statements"]].count(True) >= 1
    missing = qb("referencing", "outcomes", "eu-eqf:6", "--outcomes", str(tmp_path / "nope.txt"))
    assert missing.returncode == 2 and "nope.txt" in missing.stderr
