"""The transcript report page and PDF: courses, average, method; bad input is a 400 with a message."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from qualbridge.grades.scales import get_scale
from qualbridge.grades.transcript import summarise
from qualbridge.web.explorer.igpa import written

pytestmark = pytest.mark.django_db

CSV = b"name,credits,grade\nAlgebra,6,8\nHistory,4,7\nChemistry,5,6.5\n"


def post(client: Client, csv: bytes | None = CSV, lang: str = "en", **fields: str):  # type: ignore[no-untyped-def]
    data: dict[str, object] = {
        "t-from_scale": "nl-1-10",
        "t-to_scale": "de-1-5",
        "t-credit_system": "",
        "t-to_credits": "ects",
        **fields,
    }
    if csv is not None:
        data["t-transcript"] = SimpleUploadedFile("t.csv", csv, content_type="text/csv")
    return client.post("/convert/report", data, HTTP_ACCEPT_LANGUAGE=lang)


def expected_average() -> str:
    rows = [line.split(",") for line in CSV.decode().splitlines()]
    summary = summarise(rows, "nl-1-10", "de-1-5")
    assert summary.average is not None
    return written(get_scale("de-1-5"), summary.average)


def test_report_shows_courses_average_and_method(client: Client) -> None:
    response = post(client)
    body = response.content.decode()
    assert response.status_code == 200
    for course in ("Algebra", "History", "Chemistry"):
        assert course in body
    assert f'id="igpa-average">{expected_average()}' in body
    assert "Method" in body and "Bavarian" in body and "Σ (credits × converted grade)" in body


def test_average_is_never_more_precise_than_the_target_scale(client: Client) -> None:
    average = expected_average()
    assert len(average.split(".")[1]) == 1  # German grades are written with one decimal (1.3, 2.7)


def test_pdf_contains_average_and_method(client: Client, tmp_path: Path) -> None:
    response = post(client, format="pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    path = tmp_path / "report.pdf"
    path.write_bytes(response.content)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert expected_average() in text and "Bavarian" in text and "Algebra" in text


@pytest.mark.parametrize(
    ("csv", "fields", "words"),
    [
        (None, {}, "This field is required"),
        (b"name,credits,grade\nAlgebra,x,8\n", {}, "No course in the transcript could be converted"),
        (CSV, {"t-to_scale": "xx-unknown"}, "Select a valid choice"),
        (b"\xff\xfe\x00bad", {}, "not a UTF-8 text file"),
    ],
)
def test_bad_input_is_a_400_with_a_message(
    client: Client, csv: bytes | None, fields: dict[str, str], words: str
) -> None:
    response = post(client, csv, **fields)
    assert response.status_code == 400 and words in response.content.decode()


def test_form_needs_csrf() -> None:
    strict = Client(enforce_csrf_checks=True)
    response = post(strict)
    assert response.status_code == 403


def test_japanese_report_has_japanese_labels(client: Client) -> None:
    body = post(client, lang="ja").content.decode()
    assert "成績証明書レポート" in body and "単位数で加重した平均" in body and "換算後の成績" in body


def test_a_computed_grade_shows_its_value_and_a_band_only_where_the_method_answers_one() -> None:
    from qualbridge.grades.transcript import CourseResult
    from qualbridge.web.explorer.igpa import shown_grade

    scale = get_scale("de-1-5")
    banded = next(lab for lab in scale.model.labels if lab.min is not None and lab.max is not None)
    inside = (banded.min + banded.max) / 2
    course = CourseResult(2, "Algebra", 6.0, "8", inside, banded.label, True)
    computed = shown_grade(scale, course, "bavarian")
    assert computed["value"] == written(scale, inside) and "range" not in computed
    band = shown_grade(scale, course, "table")
    assert "value" not in band and band["range"] == tuple(
        written(scale, x) for x in sorted((banded.min, banded.max))
    )
