"""Staleness: `data check --stale DAYS` lists old sources per source; `data check` fails past a year."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from qualbridge.cli.main import app as cli
from qualbridge.registry.check import check
from qualbridge.registry.staleness import YEARLY_LIMIT_DAYS, stale_sources
from tests.registry.conftest import write

TODAY = dt.date.today()  # the fixtures are consulted today


def _consulted(files: dict[str, dict[str, Any]], rel: str, day: dt.date) -> None:
    files[rel]["sources"] = {"s": {**files[rel]["sources"]["s"], "consulted": day.isoformat()}}


def test_old_sources_are_listed_per_source_with_their_facts(
    tmp_path: Path, files: dict[str, dict[str, Any]]
) -> None:
    _consulted(files, "alignments/aa-qf__bb-qf.yaml", TODAY - dt.timedelta(days=100))
    files["alignments/aa-qf__bb-qf.yaml"]["mappings"][0]["source"] = "s"
    data = write(tmp_path, files)
    old = stale_sources(90, data, today=TODAY)
    assert [(a.file, a.key, a.age_days, a.facts, a.is_default) for a in old] == [
        ("alignments/aa-qf__bb-qf.yaml", "s", 100, 2, True)
    ]
    assert stale_sources(100, data, today=TODAY) == []


def test_a_source_past_the_yearly_limit_fails_the_check(
    tmp_path: Path, files: dict[str, dict[str, Any]]
) -> None:
    _consulted(files, "frameworks/aa-qf.yaml", TODAY - dt.timedelta(days=YEARLY_LIMIT_DAYS))
    _consulted(files, "frameworks/bb-qf.yaml", TODAY - dt.timedelta(days=YEARLY_LIMIT_DAYS + 1))
    _, problems = check(write(tmp_path, files), today=TODAY)
    assert [(p.file, p.field) for p in problems] == [("frameworks/bb-qf.yaml", "sources.s.consulted")]
    assert "366 days ago" in problems[0].message and "https://example.org/ref" in problems[0].message


def test_a_consulted_date_in_the_future_fails_the_check(
    tmp_path: Path, files: dict[str, dict[str, Any]]
) -> None:
    _consulted(files, "qualifications/aa.yaml", TODAY + dt.timedelta(days=1))
    _, problems = check(write(tmp_path, files), today=TODAY)
    assert [(p.file, p.field) for p in problems] == [("qualifications/aa.yaml", "sources.s.consulted")]


def test_other_folders_are_dated_too(tmp_path: Path, files: dict[str, dict[str, Any]]) -> None:
    old = (TODAY - dt.timedelta(days=400)).isoformat()
    files["policies/xx.yaml"] = {
        "id": "xx",
        "sources": {"law": {"url": "https://example.org/law", "consulted": old}},
    }
    _, problems = check(write(tmp_path, files), today=TODAY)
    assert [(p.file, p.field) for p in problems] == [("policies/xx.yaml", "sources.law.consulted")]


def test_the_real_data_list_by_cli() -> None:
    result = CliRunner().invoke(cli, ["data", "check", "--json", "--stale", "0", "--as-of", "2027-01-01"])
    body = json.loads(result.output)
    assert body["stale_sources"] and all(s["age_days"] > 0 for s in body["stale_sources"])
    assert {s["file"].split("/")[0] for s in body["stale_sources"]} >= {"frameworks", "alignments", "grading"}


def test_a_bad_date_is_a_usage_error() -> None:
    result = CliRunner().invoke(cli, ["data", "check", "--as-of", "June"])
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.output
