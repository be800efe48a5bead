"""`qualbridge training list|show` as a user runs them (h18)."""

from __future__ import annotations

import json

from qualbridge.training.catalogue import training_cases
from tests.helpers import run_cli as qb


def test_training_list_json_names_country_and_sources_of_every_case() -> None:
    out = qb("training", "list", "--json")
    assert out.returncode == 0, out.stderr
    rows = json.loads(out.stdout)
    assert [r["id"] for r in rows] == [c.id for c in training_cases()]
    assert len(rows) >= 30 and len({r["country"] for r in rows}) >= 15
    for row in rows:
        assert row["sources"] and all(s["url"].startswith("http") for s in row["sources"])
        assert set(row["title"]) == {"en", "ja"}


def test_training_list_table_in_japanese() -> None:
    out = qb("training", "list", "--lang", "ja")
    assert out.returncode == 0, out.stderr
    assert "training cases" in out.stdout and "修士課程" in out.stdout


def test_training_show_gives_the_reference_element_by_element() -> None:
    out = qb("training", "show", "au-bachelor-mext", "--json")
    assert out.returncode == 0, out.stderr
    case = json.loads(out.stdout)
    assert case["reference"]["elements"]["level"]["basis"] == "published"
    assert "mext-au" in case["sources"]
    text = qb("training", "show", "au-bachelor-mext", "--lang", "ja")
    assert text.returncode == 0 and "模範" not in text.stderr and "learning-outcomes" in text.stdout


def test_unknown_training_case_exits_2_naming_the_valid_ones() -> None:
    out = qb("training", "show", "au-bachelor-mxt")
    assert out.returncode == 2
    assert "au-bachelor-mext" in out.stderr and "Traceback" not in out.stderr


def test_bad_language_exits_2() -> None:
    out = qb("training", "list", "--lang", "fr")
    assert out.returncode == 2 and "en, ja" in out.stderr
