"""Data versions: every folder a decision depends on is hashed; a recorded version leads back to its
git revision; `qualbridge data diff` says what changed between two versions."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from qualbridge.cli.main import app as cli
from qualbridge.registry.loader import VERSIONED_FOLDERS, data_version, load_registry
from qualbridge.registry.versions import (
    UnknownDataVersion,
    diff_folders,
    find_revisions,
    materialise,
    resolve,
    version_at,
)
from tests.registry.conftest import write


@pytest.fixture(autouse=True)
def _cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUALBRIDGE_CACHE_DIR", str(tmp_path / "cache"))


@pytest.mark.parametrize(
    "folder",
    [
        "grading",
        "credit",
        "institutions",
        "policies",
        "recognition",
        "fields",
        "microcredentials",
        "training",
    ],
)
def test_every_folder_a_decision_depends_on_changes_the_version(
    tmp_path: Path, files: dict[str, dict[str, Any]], folder: str
) -> None:
    data = write(tmp_path / "data", files)
    before = load_registry(data).data_version
    (data / folder).mkdir(exist_ok=True)
    (data / folder / "xx.yaml").write_text("id: xx\n", encoding="utf-8")
    assert folder in VERSIONED_FOLDERS
    assert load_registry(data).data_version != before == data_version(write(tmp_path / "again", files))


def test_the_version_depends_only_on_the_files(tmp_path: Path, files: dict[str, dict[str, Any]]) -> None:
    a = write(tmp_path / "a", files)
    b = write(tmp_path / "elsewhere" / "b", files)
    (b / "schema").mkdir()
    (b / "schema" / "ignored.json").write_text("{}", encoding="utf-8")  # generated, not a decision input
    assert data_version(a) == data_version(b)


def test_diff_names_levels_rows_and_types(tmp_path: Path, files: dict[str, dict[str, Any]]) -> None:
    old = write(tmp_path / "old", files)
    files["frameworks/bb-qf.yaml"]["levels"].append({"notation": "5"})
    files["alignments/aa-qf__bb-qf.yaml"]["mappings"][0]["to"] = ["2"]
    files["qualifications/aa.yaml"]["types"].pop()
    files["qualifications/aa.yaml"]["types"][0]["access_to"] = []
    new = write(tmp_path / "new", files)
    d = diff_folders(old, new)
    assert not d.empty and d.old_version == data_version(old) and d.new_version == data_version(new)
    assert d.changed["frameworks"] == {"bb-qf": ["level 5 added"]}
    assert d.changed["alignments"]["aa-qf__bb-qf"] == ["row 1: to: ['1'] -> ['2']"]
    assert d.removed["qualifications"] == ["aa/degree"]
    assert list(d.changed["qualifications"]) == ["aa/diploma"]
    assert d.files["changed"] == sorted(
        ["alignments/aa-qf__bb-qf.yaml", "frameworks/bb-qf.yaml", "qualifications/aa.yaml"]
    )
    assert diff_folders(old, old).empty


def _git(repo: Path, *args: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}  # fmt: skip
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path: Path, files: dict[str, dict[str, Any]]) -> tuple[Path, list[str]]:
    """A git repository whose data folder changed in two commits; returns it and each commit's version."""
    repo = tmp_path / "repo"
    data = write(repo / "pkg" / "data", files)
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "first")
    first = data_version(data)
    (data / "policies").mkdir()
    (data / "policies" / "office.yaml").write_text("id: office\n", encoding="utf-8")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "a policy")
    return data, [first, data_version(data)]


def test_a_revision_has_the_version_its_files_had(repo: tuple[Path, list[str]]) -> None:
    data, (first, second) = repo
    assert first != second
    assert version_at("HEAD~1", data) == first and version_at("HEAD", data) == second
    assert len(find_revisions(first, data)) == 1 and find_revisions("0" * 16, data) == []


def test_a_recorded_version_is_written_out_again(tmp_path: Path, repo: tuple[Path, list[str]]) -> None:
    data, (first, _) = repo
    folder, label = resolve(first, tmp_path / "replay", data)
    assert data_version(folder) == first and first in label
    assert not (folder / "policies").exists()
    assert data_version(materialise("HEAD", tmp_path / "head", data)) == data_version(data)
    with pytest.raises(UnknownDataVersion, match="no such folder or git revision"):
        resolve("no-such-rev", tmp_path / "x", data)


def test_cli_diff_between_folders(tmp_path: Path, files: dict[str, dict[str, Any]]) -> None:
    old = write(tmp_path / "old", files)
    new = tmp_path / "new"
    shutil.copytree(old, new)
    (new / "frameworks" / "aa-qf.yaml").unlink()
    result = CliRunner().invoke(cli, ["data", "diff", str(old), str(new), "--json"])
    assert result.exit_code == 0, result.output
    body = json.loads(result.output)
    assert body["removed"]["frameworks"] == ["aa-qf"] and body["files"]["removed"] == [
        "frameworks/aa-qf.yaml"
    ]


def test_cli_diff_of_the_installed_data_against_head_and_a_bad_version() -> None:
    same = CliRunner().invoke(cli, ["data", "version", "--json"])
    assert same.exit_code == 0 and len(json.loads(same.output)["data_version"]) == 16
    bad = subprocess.run(
        [str(Path(sys.executable).with_name("qualbridge")), "data", "diff", "not-a-version"],
        capture_output=True,
        text=True,
    )
    assert bad.returncode == 2 and "git revision" in bad.stderr and "Traceback" not in bad.stderr


def test_stats_count_unverified_facts_per_kind(tmp_path: Path, files: dict[str, dict[str, Any]]) -> None:
    from qualbridge.registry.coverage import frameworks_by_region, unverified_shares

    files["alignments/aa-qf__bb-qf.yaml"]["mappings"][1]["verified"] = False
    files["frameworks/bb-qf.yaml"]["verified"] = False  # a whole framework unverified: all its levels
    reg = load_registry(write(tmp_path / "data", files))
    shares = unverified_shares(reg)
    assert (shares["alignment rows"].unverified, shares["alignment rows"].total) == (1, 3)
    assert (shares["framework levels"].unverified, shares["framework levels"].total) == (4, 7)
    assert shares["placements"].unverified == 0
    regions = frameworks_by_region(reg)
    assert regions["regional"] == ["aa-qf"] and regions["americas"] == [
        "bb-qf"
    ]  # AA is no country; BB is Barbados
