"""Regressions in ``qualbridge grades`` and ``qualbridge transcript`` found with bad or foreign input."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from qualbridge.grades.transcript import convert_rows, read_csv
from tests.helpers import run_cli as qb


def _transcript(path: Path, *extra: str) -> tuple[int, str, str]:
    out = qb("transcript", "convert", str(path), "--from", "jp-s-f", "--to", "de-1-5", *extra)
    return out.returncode, out.stdout, out.stderr


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"\xff\xfe\x00\x01garbage", "UTF-16"),
        ("name,credits,grade\n数学,2,S\n".encode("shift_jis"), "not UTF-8"),
        (b"PK\x03\x04\x00\x00\x08\x00", "not a text file"),
    ],
)
def test_file_that_is_not_utf8_text_is_refused_before_any_output(
    tmp_path: Path, content: bytes, expected: str
) -> None:
    path = tmp_path / "t.csv"
    path.write_bytes(content)
    code, stdout, stderr = _transcript(path, "--json")
    assert code == 2, stderr
    assert expected in stderr and "Traceback" not in stderr
    assert stdout == ""


def test_a_bad_byte_deep_in_the_file_is_one_row_error_and_the_json_stays_valid(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    rows = [f"Course {i},2,S\n".encode() for i in range(6000)]
    rows.insert(5000, b"Bad\xff,2,S\n")  # past the part read up front
    path.write_bytes(b"name,credits,grade\n" + b"".join(rows))
    code, stdout, stderr = _transcript(path, "--json")
    assert code == 0, stderr
    data = json.loads(stdout)
    assert len(data["courses"]) == 6000
    assert data["summary"]["errors"] == [
        {"line": 5002, "error": "not UTF-8 text: save the file as CSV in UTF-8"}
    ]


def test_semicolon_csv_with_bom_and_decimal_commas_converts(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_bytes("\ufeffname;credits;grade\nMath;7,5;S\nPhysik;4;A\n".encode())
    code, stdout, stderr = _transcript(path, "--json")
    assert code == 0, stderr
    summary = json.loads(stdout)["summary"]
    assert summary["converted"] == 2 and summary["error_count"] == 0
    assert summary["total_credits"] == 11.5


def test_thousands_are_not_read_as_decimal_commas() -> None:
    rows, line_of = read_csv(io.StringIO("name;credits;grade\nX;1,000;S\n"))
    (item,) = list(convert_rows(rows, "jp-s-f", "de-1-5", line_of=line_of))
    assert "is not a number" in item.message  # type: ignore[union-attr]


def test_huge_credits_are_a_row_error_not_an_infinite_total(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("name,credits,grade\nA,1e308,S\nB,1e308,S\nC,2,S\n", encoding="utf-8")
    code, stdout, stderr = _transcript(path, "--json", "--credits", "jp-tani")
    assert code == 0, stderr
    summary = json.loads(stdout)["summary"]  # json.loads accepts Infinity: check the value
    assert summary["total_credits"] == 2 and summary["error_count"] == 2
    assert "Infinity" not in stdout


def test_transcript_folder_is_named_as_a_folder(tmp_path: Path) -> None:
    code, _, stderr = _transcript(tmp_path)
    assert code == 2 and "is a folder" in stderr


def test_grading_table_shares_that_overflow_are_refused() -> None:
    out = qb(
        "grades", "convert", "8", "--from", "nl-1-10", "--to", "de-1-5",
        "--from-table", "6=1e308,7=1e308,8=1e308", "--to-table", "1=50,2=50", "--json",
    )  # fmt: skip
    assert out.returncode == 2, out.stdout
    assert "percentages" in out.stderr and out.stdout == ""


def test_full_width_grades_as_typed_in_japan_are_read() -> None:
    from qualbridge.grades import convert

    assert convert("８５", "jp-s-f", "de-1-5").value == convert("85", "jp-s-f", "de-1-5").value
    assert convert("Ａ", "jp-s-f", "de-1-5").label == convert("A", "jp-s-f", "de-1-5").label


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        (("--to", "gb-class", "--method", "bavarian"), "de-1-5 only"),
        (("--to", "de-1-5", "--method", "percentile"), "grading table"),
    ],
)
def test_a_method_that_cannot_apply_fails_once_before_any_json(
    tmp_path: Path, extra: tuple[str, ...], expected: str
) -> None:
    path = tmp_path / "t.csv"
    path.write_text("name,credits,grade\n数学,2,秀\n英語,2,可\n", encoding="utf-8")
    out = qb("transcript", "convert", str(path), "--from", "jp-shu-fuka", *extra, "--json")
    assert out.returncode == 2, out.stdout
    assert expected in out.stderr and out.stdout == ""
