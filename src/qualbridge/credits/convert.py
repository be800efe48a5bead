"""Convert an amount of credit between systems by workload hours and by share of a full-time year.

The two methods can disagree - 124 Japanese tani are 186-223 ECTS credits by hours (45 h a tani,
25-30 h an ECTS credit) but 240 by share of a year (124 tani are four years at 31 a year) - so both
are shown with the range between them, and ``value`` is the middle of that range unless one method
is asked for.

>>> c = convert(120, "gb-credit", "ects")
>>> c.by_year.value, c.by_hours.value, c.low, c.high
(60.0, 43.64, 40.0, 60.0)
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from qualbridge.credits.systems import get_system, source_url
from qualbridge.errors import InvalidCredits, QualbridgeError
from qualbridge.registry.credits import CreditSystem, Range

METHODS = ("both", "hours", "year")


class UnknownCreditMethod(QualbridgeError):
    code = "unknown-method"

    def __init__(self, method: str) -> None:
        super().__init__(f"Unknown credit conversion method {method!r}; valid methods: {', '.join(METHODS)}.")


@dataclass(frozen=True)
class MethodResult:
    method: str  # "hours" | "year"
    value: float
    low: float
    high: float
    formula: str
    verified: bool

    def as_json(self) -> dict[str, Any]:
        return {
            "method": self.method,
            "value": self.value,
            "low": self.low,
            "high": self.high,
            "formula": self.formula,
            "verified": self.verified,
        }


@dataclass(frozen=True)
class CreditConversion:
    amount: float
    from_system: str
    to_system: str
    value: float
    low: float
    high: float
    method: str
    formula: str
    by_hours: MethodResult | None
    by_year: MethodResult
    verified: bool
    notes: tuple[str, ...]
    sources: tuple[str, ...]

    def as_json(self) -> dict[str, Any]:
        return {
            "amount": self.amount,
            "from": self.from_system,
            "to": self.to_system,
            "value": self.value,
            "low": self.low,
            "high": self.high,
            "method": self.method,
            "formula": self.formula,
            "by_hours": self.by_hours.as_json() if self.by_hours else None,
            "by_year": self.by_year.as_json(),
            "verified": self.verified,
            "notes": list(self.notes),
            "sources": list(self.sources),
        }


def _r(x: float) -> float:
    return round(x, 2)


def _n(x: float) -> str:
    return f"{round(x, 2):g}"


def _rng(r: Range) -> str:
    return _n(r.low) if r.low == r.high else f"{_n(r.low)}–{_n(r.high)}"


def by_hours(amount: float, src: CreditSystem, tgt: CreditSystem) -> MethodResult | None:
    hs, ht = src.hours_per_credit, tgt.hours_per_credit
    if hs is None or ht is None:
        return None
    value = amount * hs.mid / ht.mid
    low, high = amount * hs.low / ht.high, amount * hs.high / ht.low
    formula = (
        f"{_n(amount)} × {_rng(hs)} h ÷ {_rng(ht)} h per credit = {_n(low)}"
        + ("" if low == high else f"–{_n(high)}")
        + f" (middle {_n(value)})"
    )
    return MethodResult("hours", _r(value), _r(low), _r(high), formula, hs.verified and ht.verified)


def by_year(amount: float, src: CreditSystem, tgt: CreditSystem) -> MethodResult:
    ys, yt = src.credits_per_year, tgt.credits_per_year
    value = amount * yt.mid / ys.mid
    low, high = amount * yt.low / ys.high, amount * yt.high / ys.low
    formula = (
        f"{_n(amount)} ÷ {_rng(ys)} a year × {_rng(yt)} a year = {_n(low)}"
        + ("" if low == high else f"–{_n(high)}")
        + f" (middle {_n(value)})"
    )
    return MethodResult("year", _r(value), _r(low), _r(high), formula, ys.verified and yt.verified)


#: a sanity bound, not a fact about any system: far above any real record (a lifetime of study is a few
#: thousand credits in every system) and low enough that every conversion stays a finite number
MAX_AMOUNT = 1_000_000_000.0


def convert(amount: float | str, from_system: str, to_system: str, method: str = "both") -> CreditConversion:
    """Convert ``amount`` credits of ``from_system`` into ``to_system``.

    Raises :class:`~qualbridge.errors.InvalidCredits` for an amount that is not a finite number
    of at least 0, :class:`~qualbridge.errors.UnknownCreditSystem` for an unknown id.
    """
    number = _amount(amount)
    src, tgt = get_system(from_system), get_system(to_system)
    if method not in METHODS:
        raise UnknownCreditMethod(method)
    if src.id == tgt.id:  # the same system: nothing to convert, and no spurious range
        same = MethodResult(
            "year", number, number, number, f"{_n(number)} {src.id} = {_n(number)} {tgt.id}", True
        )
        return CreditConversion(
            number,
            src.id,
            tgt.id,
            number,
            number,
            number,
            method,
            same.formula,
            None,
            same,
            src.verified,
            (),
            (),
        )
    hours = by_hours(number, src, tgt)
    year = by_year(number, src, tgt)
    notes: list[str] = []
    if hours is None:
        lacking = [s.id for s in (src, tgt) if s.hours_per_credit is None]
        notes.append(
            f"No workload hours are defined for {', '.join(lacking)} (only class hours): "
            "converted by share of a full-time year only."
        )
        if method == "hours":
            raise InvalidCredits(
                f"{', '.join(lacking)} define no workload hours per credit; use --method year or both."
            )
    if method == "hours" and hours is not None:
        chosen = [hours]
    elif method == "year" or hours is None:
        chosen = [year]
    else:
        chosen = [hours, year]
    low, high = min(r.low for r in chosen), max(r.high for r in chosen)
    if len(chosen) == 2:
        value = _r((hours.value + year.value) / 2) if hours else year.value
        formula = (
            f"by workload hours: {hours.formula if hours else ''}; by share of a full-time year: "
            f"{year.formula}; value = middle of the two = {_n(value)}, range {_n(low)}–{_n(high)}"
        )
        if hours and abs(hours.value - year.value) > 0.1 * max(hours.value, year.value):
            notes.append("The two methods differ by more than 10 %: report the range, not only the value.")
    else:
        value = chosen[0].value
        formula = (
            "by workload hours: " if chosen[0].method == "hours" else "by share of a full-time year: "
        ) + chosen[0].formula
    verified = all(r.verified for r in chosen) and src.verified and tgt.verified
    if not verified:
        notes.append("Some credit facts used here are not confirmed against a source (verified: false).")
    urls = [u for u in (source_url(src, None), source_url(tgt, None)) if u]
    return CreditConversion(
        number,
        src.id,
        tgt.id,
        value,
        low,
        high,
        method,
        formula,
        hours,
        year,
        verified,
        tuple(notes),
        tuple(dict.fromkeys(urls)),
    )


def _amount(amount: float | str) -> float:
    try:
        number = float(str(amount).strip().replace(",", ".")) if isinstance(amount, str) else float(amount)
    except ValueError:
        raise InvalidCredits(f"{amount!r} is not an amount of credit: give a number of at least 0.") from None
    if not math.isfinite(number) or number < 0:
        raise InvalidCredits(f"{amount!r} is not an amount of credit: give a finite number of at least 0.")
    if number > MAX_AMOUNT:
        raise InvalidCredits(
            f"{amount!r} is too large an amount of credit: give a number from 0 to {MAX_AMOUNT:,.0f}."
        )
    return number
