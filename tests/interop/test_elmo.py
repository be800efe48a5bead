"""ELMO (EMREX): the published example report imports into the transcript converter, converts like the
same courses as CSV, round-trips, and a bad or foreign document is refused with the XML path."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from qualbridge.grades.transcript import CourseResult, TranscriptSummary, convert_rows, read_csv
from qualbridge.interop import detect, elmo, import_any
from qualbridge.interop.base import InteropError

EXAMPLE = (Path(__file__).parent / "fixtures" / "elmo-example.xml").read_bytes()
NS = elmo.NS


def _report(courses: str) -> bytes:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<elmo xmlns="{NS}"><report><issuer><country>DE</country><title xml:lang="en">A university</title></issuer>
{courses}</report></elmo>""".encode()


def _course(title: str, grade: str, credits: str, kind: str = "Course") -> str:
    return (
        f"<learningOpportunitySpecification><title xml:lang='en'>{title}</title><type>{kind}</type><specifies>"
        f"<learningOpportunityInstance><resultLabel>{grade}</resultLabel><credit><scheme>ects</scheme>"
        f"<value>{credits}</value></credit></learningOpportunityInstance></specifies></learningOpportunitySpecification>"
    )


def test_the_published_example_imports_its_courses_and_not_its_degree_programme() -> None:
    name, report = import_any(EXAMPLE)
    assert name == "elmo"
    titles = {c.name(): c for c in report.courses}
    assert "Master of Science in Biology" not in titles  # a Degree Programme: a container, not a course
    compiler = titles["Compiler construction"]
    assert (compiler.credits, compiler.credit_scheme, compiler.result, compiler.eqf_level) == (
        6,
        "ects",
        "45.1",
        "eu-eqf:5",
    )
    assert (
        titles["Identifying ectomycorrhizal fungi (University of Copenhagen)"].credits == 15
    )  # a part of the degree
    assert report.without_credit == ("/elmo/report[1]/learningOpportunitySpecification[3]",)
    assert report.issuer["en"] == "University of Warsaw"


def test_an_elmo_transcript_converts_like_the_same_courses_as_csv() -> None:
    report = elmo.import_document(
        _report(
            _course("Analysis", "1,7", "6")
            + _course("Algebra", "2.3", "4")
            + _course("Thesis", "1.0", "15")
            + _course("Failed", "5.0", "5")
        )
    )
    csv_text = 'name,credits,grade\nAnalysis,6,"1,7"\nAlgebra,4,2.3\nThesis,15,1.0\nFailed,5,5.0\n'
    from_elmo = TranscriptSummary("de-1-5", "nl-1-10", "")
    courses_elmo = list(convert_rows(report.rows(), "de-1-5", "nl-1-10", summary=from_elmo))
    from_csv = TranscriptSummary("de-1-5", "nl-1-10", "")
    rows, line_of = read_csv(io.StringIO(csv_text))
    courses_csv = list(convert_rows(rows, "de-1-5", "nl-1-10", summary=from_csv, line_of=line_of))
    assert all(isinstance(c, CourseResult) for c in courses_elmo + courses_csv)
    # name, credits, grade, converted value, label, passed: all but the CSV's line number
    assert [c[1:] for c in courses_elmo] == [c[1:] for c in courses_csv]
    assert (from_elmo.average, from_elmo.total_credits, from_elmo.failed_courses) == (
        from_csv.average,
        from_csv.total_credits,
        from_csv.failed_courses,
    )
    assert from_elmo.converted == 4


def test_a_report_round_trips_through_export() -> None:
    report = elmo.import_document(EXAMPLE)
    again = elmo.import_document(elmo.export_report(report))

    def strip(r: elmo.ElmoReport) -> list[tuple[object, ...]]:
        return [(c.title, c.credits, c.credit_scheme, c.result, c.status, c.eqf_level) for c in r.courses]

    assert strip(again) == strip(report)
    assert (again.issuer, again.issuer_country) == (report.issuer, report.issuer_country)


@pytest.mark.parametrize(
    ("document", "path"),
    [
        (
            _report(_course("A", "2", "five")),
            "/elmo/report[1]/learningOpportunitySpecification[1]/specifies[1]/learningOpportunityInstance[1]/credit[1]/value",
        ),
        (
            _report(_course("A", "2", "5", kind="Lecture")),
            "/elmo/report[1]/learningOpportunitySpecification[1]/type",
        ),
        (
            _report(_course("A", "2", "5").replace("<resultLabel>2</resultLabel>", "")),
            "/elmo/report[1]/learningOpportunitySpecification[1]/specifies[1]/learningOpportunityInstance[1]/resultLabel",
        ),
        (_report(""), "/elmo/report"),
        (f'<elmo xmlns="{NS}"><learner/></elmo>'.encode(), "/elmo/report"),
        (b"<transcript><course/></transcript>", "/transcript"),
    ],
)
def test_a_bad_document_is_refused_with_its_xml_path(document: bytes, path: str) -> None:
    with pytest.raises(InteropError) as caught:
        elmo.import_document(document)
    assert caught.value.path == path


def test_entities_are_not_expanded_and_a_broken_file_is_refused() -> None:
    hostile = (
        f'<?xml version="1.0"?><!DOCTYPE elmo [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        f'<elmo xmlns="{NS}"><report><issuer><title>&x;</title></issuer>{_course("A", "2", "5")}</report></elmo>'
    ).encode()
    report = elmo.import_document(hostile)
    assert "root:" not in str(report.issuer)
    with pytest.raises(InteropError) as caught:
        elmo.import_document(b"<elmo><report>")
    assert caught.value.path.startswith("/ (line")


def test_a_foreign_xml_file_is_not_taken_for_elmo() -> None:
    with pytest.raises(InteropError) as caught:
        import_any(b"<?xml version='1.0'?><svg xmlns='http://www.w3.org/2000/svg'/>")
    assert caught.value.path == "$"
    assert detect(EXAMPLE) is elmo
