"""Convert an amount of credit between systems the way the bodies that define them say to.

**The value follows a published convention**, in this order:

1. a rate a body publishes between the two systems (QAA: 2 UK credits = 1 ECTS credit; NZQA: 120 NZ
   credits, one year, = 60 ECTS credits), read either way, or chained through one system both publish a
   rate to (UK -> ECTS <- NZ);
2. else the workload each system defines (MEXT: 45 hours of study per 単位; the ECTS Users' Guide: 25-30
   hours per credit), when both define it and both figures are confirmed;
3. else the share of a full-time year.

The other computations are shown beside the value as **checks**, with a note when they disagree by more
than a tenth; the value is never the middle of two methods. A figure known as a range stays a range
(``low``-``high``); ``value`` is then its lower bound, the amount the evidence certainly supports.

**Rounding.** A published rate gives an exact product (to 0.1). A figure computed from hours or years
is an estimate, so it is rounded to whole credits (half credits below 10): no 221.45 ECTS.

>>> c = convert(120, "gb-credit", "ects")
>>> c.method, c.value, (c.by_hours.low, c.by_hours.high)
('published-rate', 60.0, (40.0, 48.0))
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from qualbridge.credits.systems import get_system, load_systems, source_url
from qualbridge.errors import InvalidCredits, QualbridgeError
from qualbridge.registry.credits import CreditSystem, PublishedRate, Range

METHODS = ("both", "hours", "year")


class UnknownCreditMethod(QualbridgeError):
    code = "unknown-method"

    def __init__(self, method: str) -> None:
        super().__init__(f"Unknown credit conversion method {method!r}; valid methods: {', '.join(METHODS)}.")


@dataclass(frozen=True)
class MethodResult:
    method: str  # "published-rate" | "hours" | "year"
    value: float  # the lower bound when the result is a range
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
    published: MethodResult | None = None

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
            "published": self.published.as_json() if self.published else None,
            "by_hours": self.by_hours.as_json() if self.by_hours else None,
            "by_year": self.by_year.as_json(),
            "verified": self.verified,
            "notes": list(self.notes),
            "sources": list(self.sources),
        }


def estimate(x: float) -> float:
    """Round a computed (not published) credit figure: whole credits, half credits below 10.

    >>> estimate(221.45), estimate(7.3), estimate(0.2)
    (221.0, 7.5, 0.0)
    """
    return float(round(x)) if x >= 10 else round(x * 2) / 2


def exact(x: float) -> float:
    """A published rate's product, to 0.1 (15 UK credits are 7.5 ECTS credits)."""
    return round(x, 1)


def _n(x: float) -> str:
    return f"{x:g}"


def _rng(r: Range) -> str:
    return _n(r.low) if r.low == r.high else f"{_n(r.low)}–{_n(r.high)}"


def _span(low: float, high: float) -> str:
    return _n(low) if low == high else f"{_n(low)}–{_n(high)}"


def by_hours(amount: float, src: CreditSystem, tgt: CreditSystem) -> MethodResult | None:
    """Workload hours of the amount, divided by the target's hours per credit."""
    hs, ht = src.hours_per_credit, tgt.hours_per_credit
    if hs is None or ht is None:
        return None
    low, high = estimate(amount * hs.low / ht.high), estimate(amount * hs.high / ht.low)
    formula = f"{_n(amount)} × {_rng(hs)} h ÷ {_rng(ht)} h per credit = {_span(low, high)}"
    return MethodResult("hours", low, low, high, formula, hs.verified and ht.verified)


def by_year(amount: float, src: CreditSystem, tgt: CreditSystem) -> MethodResult:
    """The amount as a share of the source's full-time year, times the target's year."""
    ys, yt = src.credits_per_year, tgt.credits_per_year
    low, high = estimate(amount * yt.low / ys.high), estimate(amount * yt.high / ys.low)
    formula = f"{_n(amount)} ÷ {_rng(ys)} a year × {_rng(yt)} a year = {_span(low, high)}"
    return MethodResult("year", low, low, high, formula, ys.verified and yt.verified)


def _rates(system: CreditSystem) -> dict[str, tuple[float, PublishedRate]]:
    """Every rate out of ``system`` (its own, and others' read backwards): target id -> (factor, rate)."""
    out = {r.to: (r.factor, r) for r in system.published_rates}
    for other in load_systems().values():
        for r in other.published_rates:
            if r.to == system.id and other.id not in out:
                out[other.id] = (1 / r.factor, r)
    return out


def _rate_text(rate: PublishedRate, owner: str) -> str:
    return f"{_n(rate.credits)} {owner} = {_n(rate.equals)} {rate.to} ({rate.body})"


def by_published_rate(amount: float, src: CreditSystem, tgt: CreditSystem) -> MethodResult | None:
    """The amount at a published rate, directly or chained through one system both link to."""
    mine = _rates(src)
    owner = {r.id: r for r in load_systems().values()}

    def text(rate: PublishedRate) -> str:
        holder = next((s.id for s in owner.values() if rate in s.published_rates), src.id)
        return _rate_text(rate, holder)

    if tgt.id in mine:
        factor, rate = mine[tgt.id]
        value = exact(amount * factor)
        return MethodResult(
            "published-rate",
            value,
            value,
            value,
            f"{_n(amount)} at {text(rate)} = {_n(value)}",
            rate.verified,
        )
    theirs = _rates(tgt)
    for pivot in sorted(set(mine) & set(theirs)):
        (f1, r1), (f2, r2) = mine[pivot], theirs[pivot]
        value = exact(amount * f1 / f2)
        formula = (
            f"{_n(amount)} at {text(r1)}, then at {text(r2)} = {_n(value)} (two published rates via {pivot})"
        )
        return MethodResult("published-rate", value, value, value, formula, r1.verified and r2.verified)
    return None


#: a sanity bound, not a fact about any system: far above any real record (a lifetime of study is a few
#: thousand credits in every system) and low enough that every conversion stays a finite number
MAX_AMOUNT = 1_000_000_000.0

_METHOD_NAMES = {
    "published-rate": "published rate",
    "hours": "workload hours",
    "year": "share of a full-time year",
}


def _identity(number: float, src: CreditSystem, tgt: CreditSystem, method: str) -> CreditConversion:
    same = MethodResult(
        "year", number, number, number, f"{_n(number)} {src.id} = {_n(number)} {tgt.id}", True
    )
    return CreditConversion(
        number, src.id, tgt.id, number, number, number, method, same.formula, None, same, src.verified, (), ()
    )


def _choose(
    method: str,
    published: MethodResult | None,
    hours: MethodResult | None,
    year: MethodResult,
    lacking: list[str],
) -> MethodResult:
    if method == "hours":
        if hours is None:
            raise InvalidCredits(
                f"{', '.join(lacking)} define no workload hours per credit; use --method year or both."
            )
        return hours
    if method == "year":
        return year
    if published is not None:
        return published
    if hours is not None and hours.verified:
        return hours
    return year


def convert(amount: float | str, from_system: str, to_system: str, method: str = "both") -> CreditConversion:
    """Convert ``amount`` credits of ``from_system`` into ``to_system`` (see the module docstring).

    ``method`` "both" follows the published convention; "hours" or "year" forces one computation.
    Raises :class:`~qualbridge.errors.InvalidCredits` for an amount that is not a finite number
    of at least 0, :class:`~qualbridge.errors.UnknownCreditSystem` for an unknown id.
    """
    number = _amount(amount)
    src, tgt = get_system(from_system), get_system(to_system)
    if method not in METHODS:
        raise UnknownCreditMethod(method)
    if src.id == tgt.id:  # the same system: nothing to convert, and no spurious range
        return _identity(number, src, tgt, method)
    published = by_published_rate(number, src, tgt)
    hours = by_hours(number, src, tgt)
    year = by_year(number, src, tgt)
    lacking = [s.id for s in (src, tgt) if s.hours_per_credit is None]
    chosen = _choose(method, published, hours, year, lacking)
    checks = [r for r in (published, hours, year) if r is not None and r is not chosen]
    notes: list[str] = []
    if hours is None:
        notes.append(
            f"No workload hours are defined for {', '.join(lacking)} (only class hours): the workload cannot be "
            "computed."
        )
    for check in checks:
        if check.high < chosen.low * 0.9 or check.low > chosen.high * 1.1:
            notes.append(
                f"The check by {_METHOD_NAMES[check.method]} gives {_span(check.low, check.high)}, more than a tenth "
                f"away from the {_METHOD_NAMES[chosen.method]}: say so when the figure is used."
            )
    formula = f"by {_METHOD_NAMES[chosen.method]}: {chosen.formula}"
    if checks:
        formula += "; checks: " + "; ".join(f"by {_METHOD_NAMES[c.method]}: {c.formula}" for c in checks)
    if chosen.low != chosen.high:
        formula += f"; a range, so the value is its lower bound, {_n(chosen.low)}"
    verified = chosen.verified and src.verified and tgt.verified
    if not verified:
        notes.append("Some credit facts used here are not confirmed against a source (verified: false).")
    urls = [u for u in (source_url(src, None), source_url(tgt, None)) if u]
    return CreditConversion(
        number,
        src.id,
        tgt.id,
        chosen.value,
        chosen.low,
        chosen.high,
        chosen.method if method == "both" else method,
        formula,
        hours,
        year,
        verified,
        tuple(notes),
        tuple(dict.fromkeys(urls)),
        published,
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
