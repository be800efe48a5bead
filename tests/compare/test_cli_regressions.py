"""Regressions in ``qualbridge compare`` found by using it with bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import run_cli as qb


@pytest.mark.parametrize("where", ["missing-folder/m.svg", "."])
def test_svg_path_that_cannot_be_written_is_a_clear_error(tmp_path: Path, where: str) -> None:
    target = tmp_path / where
    out = qb("compare", "--matrix", "nz-nzqcf", "eu-eqf", "--svg", str(target))
    assert out.returncode == 2, out.stderr
    assert "Traceback" not in out.stderr
    assert "does not exist" in out.stderr or "is a folder" in out.stderr


def test_svg_and_json_together_are_refused(tmp_path: Path) -> None:
    svg = tmp_path / "m.svg"
    out = qb("compare", "--matrix", "nz-nzqcf", "eu-eqf", "--svg", str(svg), "--json")
    assert out.returncode == 2 and "--svg" in out.stderr and "--json" in out.stderr
    assert out.stdout == "" and not svg.exists()


def test_matrix_with_a_query_is_refused_not_silently_ignored() -> None:
    out = qb("compare", "jp/gakushi", "--to", "eu-eqf", "--matrix", "nz-nzqcf", "eu-eqf")
    assert out.returncode == 2
    assert "QUERY" in out.stderr and "--to" in out.stderr and out.stdout == ""


def test_target_and_country_with_stray_spaces_work() -> None:
    out = qb("compare", "学士", "--to", " eu-eqf", "--country", " jp", "--json")
    assert out.returncode == 0, out.stderr
