"""`qualbridge grades` and `qualbridge transcript` as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

from tests.helpers import run_cli as qb


def test_convert_json_has_the_promised_fields() -> None:
    out = qb("grades", "convert", "8", "--from", "nl-1-10", "--to", "de-1-5", "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["value"] == 2.5 and data["method"] == "bavarian" and data["passed"] is True
    assert "(10 − 8) / (10 − 6)" in data["formula"]


def test_convert_readable_prints_method_and_formula() -> None:
    out = qb("grades", "convert", "14", "--from", "fr-0-20", "--to", "gb-class")
    assert out.returncode == 0, out.stderr
    assert "2:1" in out.stdout and "table" in out.stdout and "published table" in out.stdout


def test_convert_with_grading_tables_on_the_command_line() -> None:
    out = qb(
        "grades",
        "convert",
        "1.0",
        "--from",
        "de-1-5",
        "--to",
        "ehea-ects",
        "--method",
        "percentile",
        "--from-table",
        "1.0=10,2.0=25,3.0=30,3.7=25,4.0=10",
        "--json",
    )
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["label"] == "A"


def test_invalid_grade_exits_2_naming_valid_values() -> None:
    for args in (["11", "--from", "nl-1-10"], ["Z", "--from", "us-4"], ["First", "--from", "nl-1-10"]):
        out = qb("grades", "convert", *args, "--to", "de-1-5")
        assert out.returncode == 2
        assert "accepts" in out.stderr and "Traceback" not in out.stderr


def test_unknown_scale_and_method_exit_2() -> None:
    assert qb("grades", "convert", "8", "--from", "nl-1-11", "--to", "de-1-5").returncode == 2
    assert (
        qb("grades", "convert", "8", "--from", "nl-1-10", "--to", "de-1-5", "--method", "x").returncode == 2
    )
    bad_table = qb("grades", "convert", "8", "--from", "nl-1-10", "--to", "ehea-ects", "--from-table", "8:40")
    assert bad_table.returncode == 2 and "GRADE=PERCENT" in bad_table.stderr


def test_scales_by_country() -> None:
    out = qb("grades", "scales", "--country", "jp", "--json")
    assert out.returncode == 0, out.stderr
    ids = {s["id"] for s in json.loads(out.stdout)["scales"]}
    assert ids == {"jp-s-f", "jp-shu-fuka", "jp-gpa-4"}
    assert qb("grades", "scales", "--country", "QQ").returncode == 2


def test_transcript_json_is_one_object(tmp_path: Path) -> None:
    csv = tmp_path / "t.csv"
    csv.write_text("name,credits,grade\nA,4,S\nB,2,C\nC,x,A\nD,2,不可\n", encoding="utf-8")
    out = qb(
        "transcript",
        "convert",
        str(csv),
        "--from",
        "jp-s-f",
        "--to",
        "us-4",
        "--credits",
        "jp-tani",
        "--json",
    )
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert [c["line"] for c in data["courses"]] == [2, 3]  # 不可 is not a jp-s-f label
    summary = data["summary"]
    assert [e["line"] for e in summary["errors"]] == [4, 5]
    # a computed credit figure is rounded to whole credits since issue 13 (11.61 was false precision)
    assert summary["credits"]["total"]["by_year"]["value"] == round(6 * 60 / 31)


def test_transcript_readable(tmp_path: Path) -> None:
    csv = tmp_path / "t.csv"
    csv.write_text("Analysis,6,8\nThesis,15,9\n", encoding="utf-8")
    out = qb("transcript", "convert", str(csv), "--from", "nl-1-10", "--to", "de-1-5")
    assert out.returncode == 0, out.stderr
    assert "credit-weighted average" in out.stdout and "Nmax" in out.stdout


def test_transcript_missing_file_exits_2(tmp_path: Path) -> None:
    assert (
        qb(
            "transcript", "convert", str(tmp_path / "no.csv"), "--from", "nl-1-10", "--to", "de-1-5"
        ).returncode
        == 2
    )
