"""`qualbridge data check` rejects each kind of fault with a message naming the file and field."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from qualbridge.registry.check import check
from tests.registry.conftest import write


def problems_for(tmp_path: Path, files: dict[str, dict[str, Any]]) -> list[str]:
    _, problems = check(write(tmp_path, files))
    return [str(p) for p in problems]


def test_valid_data_has_no_problems(tmp_path: Path, files: dict[str, dict[str, Any]]) -> None:
    assert problems_for(tmp_path, files) == []


def _unknown_key(f: dict[str, Any]) -> None:
    f["frameworks/aa-qf.yaml"]["levelz"] = []


def _bad_match_type(f: dict[str, Any]) -> None:
    f["alignments/aa-qf__bb-qf.yaml"]["mappings"][0]["match"] = "sameAs"


def _unknown_level_in_alignment(f: dict[str, Any]) -> None:
    f["alignments/aa-qf__bb-qf.yaml"]["mappings"][0]["to"] = ["9"]


def _unknown_framework(f: dict[str, Any]) -> None:
    f["alignments/aa-qf__bb-qf.yaml"]["target_framework"] = "cc-qf"


def _uncovered_level(f: dict[str, Any]) -> None:
    f["alignments/aa-qf__bb-qf.yaml"]["mappings"].pop()


def _not_monotone(f: dict[str, Any]) -> None:
    rows = f["alignments/aa-qf__bb-qf.yaml"]["mappings"]
    rows[0]["to"] = ["4"]


def _no_source(f: dict[str, Any]) -> None:
    del f["qualifications/aa.yaml"]["source"]


def _undefined_source(f: dict[str, Any]) -> None:
    f["frameworks/bb-qf.yaml"]["source"] = "missing"


def _level_out_of_order(f: dict[str, Any]) -> None:
    f["frameworks/aa-qf.yaml"]["levels"].reverse()


def _duplicate_level(f: dict[str, Any]) -> None:
    f["frameworks/aa-qf.yaml"]["levels"].append({"notation": "3"})


def _duplicate_type_id(f: dict[str, Any]) -> None:
    f["qualifications/aa.yaml"]["types"][1]["id"] = "aa/diploma"


def _colliding_alias(f: dict[str, Any]) -> None:
    f["qualifications/aa.yaml"]["types"][1]["aliases"] = ["DIP."]


def _unknown_placement(f: dict[str, Any]) -> None:
    f["qualifications/aa.yaml"]["types"][0]["placements"] = [{"level": "aa-qf:7"}]


def _unknown_access(f: dict[str, Any]) -> None:
    f["qualifications/aa.yaml"]["types"][0]["access_to"] = ["aa/doctorate"]


def _no_match_with_target(f: dict[str, Any]) -> None:
    f["alignments/aa-qf__bb-qf.yaml"]["mappings"][2]["to"] = ["4"]


def _bad_type_id(f: dict[str, Any]) -> None:
    f["qualifications/aa.yaml"]["types"][1]["id"] = "aa/Degree Two"


def _bad_isced_code(f: dict[str, Any]) -> None:
    f["qualifications/aa.yaml"]["types"][1]["placements"][0]["isced_code"] = "6a"


def _no_levels(f: dict[str, Any]) -> None:
    f["frameworks/bb-qf.yaml"]["levels"] = []
    f["alignments/aa-qf__bb-qf.yaml"]["mappings"] = [
        {"from": n, "to": [], "match": "noMatch"} for n in ("1", "2", "3")
    ]


FAULTS = [
    (_unknown_key, "frameworks/aa-qf.yaml", "levelz"),
    (_bad_match_type, "alignments/aa-qf__bb-qf.yaml", "mappings.0.match"),
    (_unknown_level_in_alignment, "alignments/aa-qf__bb-qf.yaml", "has no level '9'"),
    (_unknown_framework, "alignments/aa-qf__bb-qf.yaml", "unknown framework 'cc-qf'"),
    (_uncovered_level, "alignments/aa-qf__bb-qf.yaml", "level '3' of aa-qf is not covered"),
    (_not_monotone, "alignments/aa-qf__bb-qf.yaml", "not monotone"),
    (_no_source, "qualifications/aa.yaml", "no source"),
    (_undefined_source, "frameworks/bb-qf.yaml", "unknown source 'missing'"),
    (_level_out_of_order, "frameworks/aa-qf.yaml", "out of order"),
    (_duplicate_level, "frameworks/aa-qf.yaml", "duplicate level '3'"),
    (_duplicate_type_id, "qualifications/aa.yaml", "duplicate qualification type id 'aa/diploma'"),
    (_colliding_alias, "qualifications/aa.yaml", "collides with aa/diploma"),
    (_unknown_placement, "qualifications/aa.yaml", "unknown level 'aa-qf:7'"),
    (_unknown_access, "qualifications/aa.yaml", "unknown qualification type or level 'aa/doctorate'"),
    (_no_match_with_target, "alignments/aa-qf__bb-qf.yaml", "noMatch row lists no target"),
    (_bad_type_id, "qualifications/aa.yaml", "'aa/Degree Two' is not a valid qualification id"),
    (_bad_isced_code, "qualifications/aa.yaml", "'6a' is not a valid isced_code id"),
    (_no_levels, "frameworks/bb-qf.yaml", "a framework needs at least one level"),
]


@pytest.mark.parametrize(("fault", "file", "message"), FAULTS, ids=[f[0].__name__.strip("_") for f in FAULTS])
def test_fault_is_reported_with_file_and_field(
    tmp_path: Path, files: dict[str, dict[str, Any]], fault: Any, file: str, message: str
) -> None:
    fault(files)
    found = problems_for(tmp_path, files)
    assert any(p.startswith(file) and message in p for p in found), found


def test_invalid_yaml_is_reported(tmp_path: Path, files: dict[str, dict[str, Any]]) -> None:
    write(tmp_path, files)
    (tmp_path / "frameworks/aa-qf.yaml").write_text("levels: [unclosed", encoding="utf-8")
    found = problems_for(tmp_path, {})
    assert any("frameworks/aa-qf.yaml" in p and "not valid YAML" in p for p in found)


def test_every_problem_is_reported_at_once(tmp_path: Path, files: dict[str, dict[str, Any]]) -> None:
    _uncovered_level(files)
    _no_source(files)
    _unknown_placement(files)
    assert len(problems_for(tmp_path, files)) >= 3
