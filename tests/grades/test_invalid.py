"""Invalid inputs of every kind: a typed error naming the bad value and what would be valid."""

from __future__ import annotations

import pytest

from qualbridge.errors import InvalidGrade, QualbridgeError, UnknownScale
from qualbridge.grades import UnknownMethod, convert


@pytest.mark.parametrize(
    ("value", "scale", "fragment"),
    [
        ("11", "nl-1-10", "out of range"),  # above the best
        ("0", "nl-1-10", "out of range"),  # below the worst
        ("-1", "fr-0-20", "out of range"),
        ("0.5", "de-1-5", "out of range"),  # better than the best on a reversed scale
        ("Z", "us-4", "not a grade"),  # unknown label
        ("2:1", "nl-1-10", "not a grade"),  # a label of another scale
        ("", "jp-s-f", "not a grade"),
        ("nan", "cn-0-100", "not a grade"),
        ("inf", "cn-0-100", "not a grade"),
        ("1e400", "cn-0-100", "out of range"),
        (float("nan"), "cn-0-100", "out of range"),
    ],
)
def test_invalid_grade_names_the_valid_values(value: str | float, scale: str, fragment: str) -> None:
    with pytest.raises(InvalidGrade) as err:
        convert(value, scale, "de-1-5" if scale != "de-1-5" else "us-4")
    message = str(err.value)
    assert fragment in message and scale in message and "accepts" in message


def test_unknown_scales_and_methods() -> None:
    with pytest.raises(UnknownScale):
        convert("8", "nl-1-11", "de-1-5")
    with pytest.raises(UnknownScale):
        convert("8", "nl-1-10", "xx-nope")
    with pytest.raises(UnknownMethod, match="bavarian"):
        convert("8", "nl-1-10", "de-1-5", "magic")


def test_bad_grading_tables() -> None:
    with pytest.raises(InvalidGrade, match="source grading table"):
        convert("8", "nl-1-10", "ehea-ects", "percentile", from_table=[("12", 50)])
    with pytest.raises(InvalidGrade, match="no passing grade"):
        convert("8", "nl-1-10", "ehea-ects", "percentile", from_table=[("4", 50)])
    with pytest.raises(QualbridgeError, match="share"):
        convert("8", "nl-1-10", "ehea-ects", "percentile", from_table=[("8", -1)])
