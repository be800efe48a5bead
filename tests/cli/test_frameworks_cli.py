"""The `qualbridge frameworks`, `qualifications` and `data` commands as a user runs them."""

from __future__ import annotations

import json

from tests.helpers import run_cli as qb


def test_frameworks_list_json() -> None:
    out = qb("frameworks", "list", "--json")
    assert out.returncode == 0, out.stderr
    ids = {f["id"] for f in json.loads(out.stdout)}
    assert {"jp-jeqf", "eu-eqf", "isced-2011"} <= ids


def test_frameworks_show_in_japanese() -> None:
    out = qb("frameworks", "show", "jp-jeqf", "--lang", "ja")
    assert out.returncode == 0, out.stderr
    assert "学士" in out.stdout


def test_frameworks_show_json_lists_types_per_level() -> None:
    detail = json.loads(qb("frameworks", "show", "jp-jeqf", "--json").stdout)
    level6 = next(lv for lv in detail["levels"] if lv["notation"] == "6")
    assert "jp/gakushi" in [t["id"] for t in level6["qualification_types"]]


def test_unknown_framework_exits_2_with_suggestions() -> None:
    out = qb("frameworks", "show", "jp-jqef")
    assert out.returncode == 2
    assert "jp-jeqf" in out.stderr and "Traceback" not in out.stderr


def test_bad_language_exits_2() -> None:
    out = qb("frameworks", "show", "jp-jeqf", "--lang", "xx")
    assert out.returncode == 2 and "en, ja" in out.stderr


def test_search_finds_gakushi_by_any_name() -> None:
    for query in ("学士", "gakushi"):
        hits = json.loads(qb("qualifications", "search", query, "--country", "JP", "--json").stdout)
        assert hits[0]["id"] == "jp/gakushi"
        assert any(p["level"] == "jp-jeqf:6" for p in hits[0]["placements"])


def test_search_unknown_country_exits_2() -> None:
    out = qb("qualifications", "search", "Bachelor", "--country", "XX")
    assert out.returncode == 2 and "country" in out.stderr


def test_data_check_passes() -> None:
    out = qb("data", "check")
    assert out.returncode == 0, out.stdout
