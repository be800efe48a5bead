"""Transcripts: per-course conversion, credit-weighted average, unreadable rows by line number, streaming."""

from __future__ import annotations

import io
import itertools
from collections.abc import Iterator

import pytest

from qualbridge.grades import convert
from qualbridge.grades.transcript import (
    CourseResult,
    RowError,
    TranscriptSummary,
    convert_rows,
    read_csv,
    summarise,
)

CSV = """name,credits,grade
Analysis,6,8
Algebra,4,6.5
Broken,abc,7
Missing grade,5
Out of range,3,11
Thesis,15,9.5
Failed,5,4
"""


def _run(
    text: str, src: str = "nl-1-10", tgt: str = "de-1-5"
) -> tuple[list[CourseResult | RowError], TranscriptSummary]:
    summary = TranscriptSummary(src, tgt, "")
    rows, line_of = read_csv(io.StringIO(text))
    return list(convert_rows(rows, src, tgt, summary=summary, line_of=line_of)), summary


def test_courses_convert_and_bad_rows_are_reported_by_line() -> None:
    results, summary = _run(CSV)
    errors = {r.line: r.message for r in results if isinstance(r, RowError)}
    assert sorted(errors) == [4, 5, 6]
    assert "abc" in errors[4] and "3 columns" in errors[5] and "nl-1-10" in errors[6]
    courses = [r for r in results if isinstance(r, CourseResult)]
    assert [c.line for c in courses] == [2, 3, 7, 8]
    for c in courses:  # each course agrees with a single conversion
        assert c.value == convert(c.grade, "nl-1-10", "de-1-5").value
    assert summary.converted == 4 and summary.error_count == 3 and summary.failed_courses == 1
    assert summary.total_credits == 30 and summary.earned_credits == 25


def test_weighted_average_is_weighted_by_credits() -> None:
    _, summary = _run("A,1,10\nB,3,6\n", tgt="fr-0-20")
    expected = (
        1 * convert("10", "nl-1-10", "fr-0-20").exact + 3 * convert("6", "nl-1-10", "fr-0-20").exact
    ) / 4
    assert summary.average == pytest.approx(expected, abs=1e-3)
    assert summary.source_average == pytest.approx(7.0)


def test_header_is_optional_and_columns_can_be_reordered() -> None:
    _, plain = _run("A,6,8\n")
    _, reordered = _run("grade,credits,course\n8,6,A\n")
    assert plain.average == reordered.average == 2.5


def test_summary_matches_the_streamed_rows() -> None:
    _, streamed = _run(CSV)
    rows, line_of = read_csv(io.StringIO(CSV))
    fast = summarise(rows, "nl-1-10", "de-1-5", line_of=line_of)
    assert fast.average == streamed.average and fast.error_count == streamed.error_count


def test_conversion_streams() -> None:
    def endless() -> Iterator[list[str]]:
        for i in itertools.count():
            yield [f"course {i}", "5", "7"]

    first = list(itertools.islice(convert_rows(endless(), "nl-1-10", "de-1-5"), 5))
    assert len(first) == 5  # an endless input still yields: nothing is read ahead


def test_empty_transcript_has_no_average() -> None:
    _, summary = _run("name,credits,grade\n")
    assert summary.average is None and summary.converted == 0
