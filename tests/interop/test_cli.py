"""``qualbridge interop``: export to a file, import it back (format detected), exit 2 with the path of
the offending field for a bad document."""

from __future__ import annotations

import json
from pathlib import Path

from tests.helpers import run_cli

FIXTURES = Path(__file__).parent / "fixtures"


def test_ctdl_export_then_import(tmp_path: Path) -> None:
    out = tmp_path / "ctdl.json"
    done = run_cli("interop", "export", "--format", "ctdl", "--output", str(out))
    assert done.returncode == 0, done.stderr
    imported = run_cli("interop", "import", str(out), "--json")
    assert imported.returncode == 0, imported.stderr
    body = json.loads(imported.stdout)
    assert body["format"] == "ctdl"
    decisions = [n for n in json.loads(out.read_text())["@graph"] if n["@type"] == "qb:ReferencingDecision"]
    assert len(body["decisions"]) == len(decisions) > 0


def test_elm_export_of_a_jurisdiction_to_standard_output() -> None:
    done = run_cli("interop", "export", "--format", "elm", "--jurisdiction", "IE")
    assert done.returncode == 0, done.stderr
    graph = json.loads(done.stdout)["@graph"]
    assert graph and all(n["type"] == "Qualification" for n in graph)


def test_elmo_import_converts_results(tmp_path: Path) -> None:
    report = (FIXTURES / "elmo-example.xml").read_text(encoding="utf-8")
    done = run_cli("interop", "import", str(FIXTURES / "elmo-example.xml"), "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["issuer"]["en"] == "University of Warsaw"
    assert report  # the fixture is the published example


def test_a_bad_document_exits_2_with_the_path(tmp_path: Path) -> None:
    document = json.loads((FIXTURES / "elm-mc-annex1-achievement.json").read_text(encoding="utf-8"))
    document["credentialSubject"]["hasClaim"][0]["specifiedBy"]["eqfLevel"]["id"] = "level six"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(document), encoding="utf-8")
    done = run_cli("interop", "import", str(bad))
    assert done.returncode == 2
    assert "$.credentialSubject.hasClaim[0].specifiedBy.eqfLevel.id" in done.stderr
    assert "Traceback" not in done.stderr
    foreign = tmp_path / "foreign.json"
    foreign.write_text('{"name": "not a credential"}', encoding="utf-8")
    assert run_cli("interop", "import", str(foreign)).returncode == 2
    assert run_cli("interop", "export", "--format", "xlsx").returncode == 2


def test_an_elmo_transcript_converts_like_the_csv_one_from_the_cli(tmp_path: Path) -> None:
    ns = "https://github.com/emrex-eu/elmo-schemas/tree/v1"
    courses = "".join(
        f"<learningOpportunitySpecification><title xml:lang='en'>{name}</title><type>Course</type><specifies>"
        f"<learningOpportunityInstance><resultLabel>{grade}</resultLabel><credit><scheme>ects</scheme>"
        f"<value>{credits}</value></credit></learningOpportunityInstance></specifies>"
        "</learningOpportunitySpecification>"
        for name, credits, grade in (("Analysis", 6, "1.7"), ("Algebra", 4, "2.3"), ("Failed", 5, "5.0"))
    )
    report = tmp_path / "elmo.xml"
    report.write_text(
        f'<elmo xmlns="{ns}"><report><issuer><title>U</title></issuer>{courses}</report></elmo>'
    )
    csv = tmp_path / "courses.csv"
    csv.write_text("name,credits,grade\nAnalysis,6,1.7\nAlgebra,4,2.3\nFailed,5,5.0\n")
    elmo = run_cli("interop", "import", str(report), "--from", "de-1-5", "--to", "nl-1-10", "--json")
    plain = run_cli("transcript", "convert", str(csv), "--from", "de-1-5", "--to", "nl-1-10", "--json")
    assert elmo.returncode == 0 and plain.returncode == 0, elmo.stderr + plain.stderr
    got, want = json.loads(elmo.stdout)["conversion"], json.loads(plain.stdout)
    assert [{k: v for k, v in c.items() if k != "line"} for c in got["courses"]] == [
        {k: v for k, v in c.items() if k != "line"} for c in want["courses"]
    ]
    for key in ("average", "total_credits", "earned_credits", "failed_courses", "converted"):
        assert got["summary"][key] == want["summary"][key]
