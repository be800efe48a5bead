"""Issue 11's CLI regressions: a huge CSV field, 100,000 nested brackets, a PDF given as a transcript."""

from __future__ import annotations

import io
import json
from pathlib import Path

from qualbridge.grades.transcript import TranscriptSummary, convert_rows, read_csv
from tests.helpers import run_cli as qb

#: a text-only PDF (no NUL byte): it passed as text and converted "0 of 32 courses", exit 0
TEXT_PDF = (
    b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
    + b"".join(b"BT /F1 12 Tf 72 %d Td (Course %d, 2, A) Tj ET\n" % (700 - i * 20, i) for i in range(30))
    + b"trailer\n<< /Root 1 0 R >>\n%%EOF\n"
)


def _convert(path: Path, *extra: str) -> tuple[int, str, str]:
    out = qb("transcript", "convert", str(path), "--from", "jp-s-f", "--to", "de-1-5", *extra)
    return out.returncode, out.stdout, out.stderr


def test_a_csv_field_over_131072_characters_is_a_row_error_and_the_rest_converts(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text(f"name,credits,grade\n数学,2,S\n{'x' * 140_000},2,A\n物理,2,A\n", encoding="utf-8")
    code, out, err = _convert(path, "--json")
    assert code == 0, err
    assert "Traceback" not in err
    summary = json.loads(out)["summary"]
    assert summary["converted"] == 2 and summary["error_count"] == 1
    assert (
        summary["errors"][0]["line"] == 3
        and "longer than 131,072 characters" in summary["errors"][0]["error"]
    )


def test_the_streaming_core_reports_the_long_field_on_its_line() -> None:
    rows, line_of = read_csv(io.StringIO(f"a,2,S\nb,2,{'y' * 200_000}\nc,2,A\n"))
    summary = TranscriptSummary("jp-s-f", "de-1-5", "")
    results = list(
        convert_rows(rows, "jp-s-f", "de-1-5", summary=summary, line_of=line_of, report_csv_errors=True)
    )
    assert [type(r).__name__ for r in results] == ["CourseResult", "RowError", "CourseResult"]
    assert summary.rows == 3 and summary.converted == 2


def test_a_pdf_given_as_a_transcript_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "transcript.pdf"
    path.write_bytes(TEXT_PDF)
    code, out, err = _convert(path)
    assert code == 2
    assert "is a PDF" in err and "CSV" in err and "Traceback" not in err
    assert "courses" not in out


def test_a_file_of_which_no_row_is_a_course_is_refused_not_0_of_n(tmp_path: Path) -> None:
    path = tmp_path / "notes.csv"
    path.write_text("\n".join(f"meeting notes line {i}" for i in range(32)) + "\n", encoding="utf-8")
    code, out, err = _convert(path)
    assert code == 2
    assert "None of the 32 rows" in err and "line 1:" in err
    assert "0 of 32" not in out
    code, out, err = _convert(path, "--json")
    assert code == 2 and json.loads(out)["summary"]["converted"] == 0  # the JSON stays whole


def test_statements_verify_on_100000_nested_brackets_is_a_clear_error(tmp_path: Path) -> None:
    for name, text in (("deep.json", "[" * 100_000), ("deep-object.json", '{"a":' * 900 + "1" + "}" * 900)):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        out = qb("statements", "verify", str(path))
        assert out.returncode == 2, out.stdout + out.stderr
        assert "nests its JSON more than 64 levels" in out.stderr and "Traceback" not in out.stderr
