"""The ``qualbridge institutions`` commands, run as a user runs them."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from tests.helpers import run_cli


def run(*args: str, env_home: Path) -> subprocess.CompletedProcess[str]:
    return run_cli(*args, env={"QUALBRIDGE_DATA_DIR": str(env_home)})


def test_match_json(tmp_path):
    out = run("institutions", "match", "東京大学", "--json", env_home=tmp_path)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["best"]["official_name"] == "東京大学"


def test_unknown_country_exits_2(tmp_path):
    out = run("institutions", "match", "Tokyo", "--country", "XX", env_home=tmp_path)
    assert out.returncode == 2
    assert "XX" in out.stderr


def test_import_then_match_finds_the_imported_institution(tmp_path):
    csv_file = tmp_path / "mine.csv"
    csv_file.write_text("country,name,name_en\nNZ,Lincoln University,Lincoln University\n", encoding="utf-8")
    out = run("institutions", "import", str(csv_file), env_home=tmp_path)
    assert out.returncode == 0, out.stderr
    found = json.loads(run("institutions", "match", "Lincoln Univ", "--json", env_home=tmp_path).stdout)
    assert found["best"]["id"] == "nz/lincoln-university"


def test_import_with_bad_rows_exits_2_and_names_the_lines(tmp_path):
    csv_file = tmp_path / "bad.csv"
    csv_file.write_text("country,name\nJP,京都大学\nXX,Nowhere\n", encoding="utf-8")
    out = run("institutions", "import", str(csv_file), env_home=tmp_path)
    assert out.returncode == 2
    assert "line 3" in out.stderr
    assert not (tmp_path / "institutions").exists(), "nothing is saved from a refused file"
    kept = run("institutions", "import", str(csv_file), "--skip-bad", "--json", env_home=tmp_path)
    assert kept.returncode == 0 and json.loads(kept.stdout)["imported"] == 1
