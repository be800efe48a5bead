"""``qualbridge evaluate FOLDER``: every case, a progress bar, PDFs and signed credentials per case."""

from __future__ import annotations

import json
import shutil
import sys

import pytest

from tests.evaluate.conftest import CASES


def run(args, monkeypatch, capsys):
    from qualbridge.cli import main

    monkeypatch.setattr(sys, "argv", ["qualbridge", *args])
    code = 0
    try:
        main.run()
    except SystemExit as exc:
        code = int(exc.code or 0)
    return code, *capsys.readouterr()


def test_folder_writes_a_statement_and_credential_per_case(tmp_path, monkeypatch, capsys):
    cases = tmp_path / "cases"
    cases.mkdir()
    for name in ("full-jp-gakushi-to-gb.yaml", "non-recognition-mill.yaml"):
        shutil.copy(CASES / name, cases / name)
    code, _, _ = run(["keys", "generate", "--out", str(tmp_path / "k.key")], monkeypatch, capsys)
    assert code == 0
    code, out, _ = run(
        [
            "evaluate",
            str(cases),
            "--pdf",
            str(tmp_path / "pdf"),
            "--credential",
            str(tmp_path / "vc"),
            "--key",
            str(tmp_path / "k.key"),
        ],
        monkeypatch,
        capsys,
    )
    assert code == 0, out
    assert "evaluating" in out  # the progress bar
    assert "full" in out and "non-recognition" in out
    assert sorted(p.name for p in (tmp_path / "pdf").iterdir()) == [
        "full-jp-gakushi-to-gb.pdf",
        "non-recognition-mill.pdf",
    ]
    vc = json.loads((tmp_path / "vc" / "non-recognition-mill.json").read_text(encoding="utf-8"))
    assert vc["credentialSubject"]["decision"]["outcome"] == "non-recognition"


def test_folder_with_a_bad_file_reports_it_and_exits_2(tmp_path, monkeypatch, capsys):
    shutil.copy(CASES / "full-jp-gakushi-to-gb.yaml", tmp_path / "a.yaml")
    (tmp_path / "b.yaml").write_text("reference: X\npolicy: gb-enic\n", encoding="utf-8")
    code, out, _ = run(["evaluate", str(tmp_path), "--json"], monkeypatch, capsys)
    assert code == 2
    rows = json.loads(out)
    assert [r["file"] for r in rows] == ["a.yaml", "b.yaml"]
    assert rows[0]["assessment"]["recommendation"]["outcome"] == "full"
    assert rows[1]["error"].startswith("purpose:")


@pytest.mark.parametrize("name", sorted(p.name for p in CASES.glob("*.yaml")))
def test_every_worked_case_runs_from_the_command_line(name, monkeypatch, capsys):
    code, out, err = run(["evaluate", str(CASES / name)], monkeypatch, capsys)
    assert code == 0, err
    assert "/" in out and "next:" in out
