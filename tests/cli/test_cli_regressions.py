"""Regressions found by using the command line as a demanding user would (exit codes, bad input)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.helpers import run_cli as qb


def test_a_command_that_exits_1_really_exits_1(tmp_path: Path) -> None:
    # `typer.Exit(1)` was swallowed by the entry point (click returns it without standalone mode)
    out = qb("institutions", "match", "zzqqxxvv", env={"QUALBRIDGE_DATA_DIR": str(tmp_path)})
    assert out.returncode == 1, out.stdout + out.stderr
    assert "No institution matches" in out.stdout


def test_unknown_id_with_nothing_close_lists_the_valid_values() -> None:
    out = qb("qualifications", "search", "gakushi", "--country", "xx")
    assert out.returncode == 2
    assert "Unknown country 'xx'" in out.stderr and "jp" in out.stderr and "gb" in out.stderr


def test_empty_search_is_bad_input() -> None:
    out = qb("qualifications", "search", "   ")
    assert out.returncode == 2
    assert "Give a name" in out.stderr and "Traceback" not in out.stderr


def test_ids_with_stray_spaces_are_found() -> None:
    out = qb("frameworks", "show", " jp-jeqf ", "--json")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["id"] == "jp-jeqf"


def test_show_drops_domains_no_level_describes() -> None:
    # SCQF lists five domains but the data hold no descriptors: five empty columns squeezed the table
    data = json.loads(qb("frameworks", "show", "gb-scqf", "--json").stdout)
    described = {d for lv in data["levels"] for d, text in lv["descriptors"].items() if text}
    out = qb("frameworks", "show", "gb-scqf", env={"COLUMNS": "200"})
    assert out.returncode == 0, out.stderr
    header = out.stdout.splitlines()[1:8]
    for domain in data["domains"]:
        name = domain["names"]["en"].split()[0]
        shown = any(name in line for line in header)
        assert shown == (domain["id"] in described), domain["id"]


def test_an_empty_country_is_a_mistake_not_every_country() -> None:
    for args in (
        ("grades", "scales", "--country", ""),
        ("qualifications", "search", "学士", "--country", " "),
    ):
        out = qb(*args)
        assert out.returncode == 2, args
        assert "Valid:" in out.stderr and "Did you mean" not in out.stderr


def test_country_with_stray_spaces_finds_its_scales() -> None:
    out = qb("grades", "scales", "--country", " jp", "--json")
    assert out.returncode == 0, out.stderr
    assert {s["jurisdiction"] for s in json.loads(out.stdout)["scales"]} == {"JP"}
