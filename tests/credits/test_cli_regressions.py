"""Regressions in ``qualbridge credits`` found with extreme input."""

from __future__ import annotations

import pytest

from qualbridge.credits import convert
from qualbridge.errors import InvalidCredits, UnknownCreditSystem
from tests.helpers import run_cli as qb


def test_an_amount_too_large_to_convert_is_bad_input_not_infinity_in_json() -> None:
    out = qb("credits", "convert", "1e308", "--from", "jp-tani", "--to", "ects", "--json")
    assert out.returncode == 2, out.stdout
    assert "too large" in out.stderr and out.stdout == ""


def test_large_but_finite_amounts_still_convert() -> None:
    c = convert(1_000_000, "jp-tani", "ects")
    assert c.low <= c.value <= c.high and c.high < float("inf")


def test_unknown_system_with_nothing_close_lists_every_system() -> None:
    with pytest.raises(UnknownCreditSystem) as err:
        convert(1, "zzz", "ects")
    assert "ects" in str(err.value) and "jp-tani" in str(err.value)
    with pytest.raises(InvalidCredits):
        convert(2e9, "ects", "jp-tani")
