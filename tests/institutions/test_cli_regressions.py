"""Regressions in ``qualbridge institutions`` found with bad input and repeated imports."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from qualbridge.institutions.importers import read_deqar_json
from tests.helpers import run_cli


def run(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    return run_cli(*args, env={"QUALBRIDGE_DATA_DIR": str(home)})


def test_empty_name_is_bad_input(tmp_path: Path) -> None:
    out = run("institutions", "match", " ", home=tmp_path)
    assert out.returncode == 2 and "Give an institution name" in out.stderr


def test_no_match_exits_1_in_json_too(tmp_path: Path) -> None:
    out = run("institutions", "match", "zzqqxxvv", "--json", home=tmp_path)
    assert out.returncode == 1
    assert json.loads(out.stdout)["candidates"] == []


def test_importing_another_file_of_the_same_name_never_loses_the_first(tmp_path: Path) -> None:
    home = tmp_path / "home"
    for folder, name in (("a", "Lincoln University"), ("b", "Massey University")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "list.csv").write_text(
            f"country,name,name_en\nNZ,{name},{name}\n", encoding="utf-8"
        )
    assert run("institutions", "import", str(tmp_path / "a" / "list.csv"), home=home).returncode == 0
    again = run("institutions", "import", str(tmp_path / "a" / "list.csv"), home=home)
    assert again.returncode == 0, again.stderr  # the same file again updates its import
    other = run("institutions", "import", str(tmp_path / "b" / "list.csv"), home=home)
    assert other.returncode == 2 and "--replace" in other.stderr
    found = json.loads(run("institutions", "match", "Lincoln University", "--json", home=home).stdout)
    assert found["best"]["id"] == "nz/lincoln-university"
    replaced = run("institutions", "import", str(tmp_path / "b" / "list.csv"), "--replace", home=home)
    assert replaced.returncode == 0, replaced.stderr


def test_semicolon_separated_csv_imports(tmp_path: Path) -> None:
    path = tmp_path / "semi.csv"
    path.write_text("country;name;name_en\nNZ;Lincoln University;Lincoln University\n", encoding="utf-8")
    out = run("institutions", "import", str(path), "--dry-run", "--json", home=tmp_path)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["imported"] == 1


def test_unknown_format_and_folder_are_named(tmp_path: Path) -> None:
    csv_file = tmp_path / "x.csv"
    csv_file.write_text("country,name\nNZ,Lincoln University\n", encoding="utf-8")
    out = run("institutions", "import", str(csv_file), "--format", "xml", home=tmp_path)
    assert out.returncode == 2 and "Unknown format 'xml'" in out.stderr and "deqar" in out.stderr
    folder = run("institutions", "import", str(tmp_path), home=tmp_path)
    assert folder.returncode == 2 and "is a folder" in folder.stderr


def test_deqar_record_with_text_id_or_bare_country_is_read() -> None:
    text = json.dumps(
        [
            {"id": "abc", "countries": [{"country": "DE"}], "name_primary": "Hochschule Bar"},
            {"id": 7, "countries": "DE", "name_primary": "Universität Foo"},
        ]
    )
    result = read_deqar_json(text)
    assert result.problems == []
    assert [i.country for i in result.institutions] == ["DE", "DE"]
    assert result.institutions[1].identifiers["deqar"] == "DEQARINST0007"


def test_a_corrupt_import_file_is_named_not_a_traceback(tmp_path: Path) -> None:
    folder = tmp_path / "institutions"
    folder.mkdir()
    for content in (b"institutions: [unclosed\n", b"\xff\xfe\x00"):
        (folder / "broken.yaml").write_bytes(content)
        out = run("institutions", "match", "Tokyo", home=tmp_path)
        assert out.returncode == 2, out.stderr
        assert "broken.yaml" in out.stderr and "fix or remove" in out.stderr
        assert "Traceback" not in out.stderr


def test_an_import_leaves_no_partial_file(tmp_path: Path) -> None:
    path = tmp_path / "mine.csv"
    path.write_text("country,name,name_en\nNZ,Lincoln University,Lincoln University\n", encoding="utf-8")
    assert run("institutions", "import", str(path), home=tmp_path).returncode == 0
    assert sorted(p.name for p in (tmp_path / "institutions").iterdir()) == ["mine.yaml"]
