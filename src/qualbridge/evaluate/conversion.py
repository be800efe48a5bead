"""Grade averages and credits converted to the recognising body's scale and credit system.

A thin adapter over :mod:`qualbridge.grades` (scales and conversion methods) and the credit-system
data files: the evaluation needs one credit-weighted grade average and one credit figure with the
method shown, nothing more. Credits are converted by workload hours where both systems define hours
per credit, and by share of a full-time year, because the two can disagree (124 tani is the classic
case); both figures are kept, and the lower is the one recognised.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict

from qualbridge.errors import CaseFieldError, InvalidGrade, UnknownCreditSystem, UnknownScale
from qualbridge.evaluate.casefile import GivenCredits, Transcript
from qualbridge.grades import methods
from qualbridge.grades.scales import get_scale
from qualbridge.registry.credits import CreditSystem

CREDIT_DIR = Path(__file__).resolve().parent.parent / "data" / "credit"


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class GradeConversion(Frozen):
    source_scale: str
    average: float  # credit-weighted mean on the source scale's axis
    average_label: str | None = None
    courses: int
    target_scale: str
    converted: float
    label: str | None = None
    method: str
    formula: str
    verified: bool = True


class CreditConversion(Frozen):
    amount: float
    system: str
    target_system: str
    hours: float | None = None
    by_hours: float | None = None
    converted: float  # the lower of the two figures: a credit is never counted twice over

    by_year_share: float
    method: str
    formula: str


@cache
def credit_systems() -> dict[str, CreditSystem]:
    systems: dict[str, CreditSystem] = {}
    for path in sorted(CREDIT_DIR.glob("*.yaml")):
        model = CreditSystem.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
        systems[model.id] = model
    return systems


def credit_system(system_id: str) -> CreditSystem:
    systems = credit_systems()
    try:
        return systems[system_id.strip().lower()]
    except KeyError:
        raise UnknownCreditSystem(system_id, systems) from None


def hours_of(amount: float, system_id: str) -> float | None:
    """Notional workload hours of ``amount`` credits (middle of the system's range), if defined."""
    system = credit_system(system_id)
    return amount * system.hours_per_credit.mid if system.hours_per_credit else None


def years_of(amount: float, system_id: str) -> float:
    """Full-time years that ``amount`` credits stand for."""
    return amount / credit_system(system_id).credits_per_year.mid


def convert_credits(given: GivenCredits, target_id: str) -> CreditConversion:
    src, tgt = credit_system(given.system), credit_system(target_id)
    by_year = given.amount / src.credits_per_year.mid * tgt.credits_per_year.mid
    year_formula = (
        f"{given.amount:g} ÷ {src.credits_per_year.mid:g} per year × {tgt.credits_per_year.mid:g} per year "
        f"= {by_year:.1f}"
    )
    if src.hours_per_credit and tgt.hours_per_credit:
        hours = given.amount * src.hours_per_credit.mid
        by_hours = hours / tgt.hours_per_credit.mid
        converted = min(by_hours, by_year)
        formula = (
            f"by workload: {given.amount:g} {src.id} × {src.hours_per_credit.mid:g} h = {hours:g} h ÷ "
            f"{tgt.hours_per_credit.mid:g} h = {by_hours:.1f}; by share of a year: {year_formula}; "
            f"the lower figure, {converted:.1f} {tgt.id}, is recognised"
        )
        return CreditConversion(
            amount=given.amount,
            system=src.id,
            target_system=tgt.id,
            hours=hours,
            by_hours=round(by_hours, 1),
            converted=round(converted, 1),
            by_year_share=round(by_year, 1),
            method="lower of workload hours and share of a full-time year",
            formula=formula,
        )
    return CreditConversion(
        amount=given.amount,
        system=src.id,
        target_system=tgt.id,
        converted=round(by_year, 1),
        by_year_share=round(by_year, 1),
        method="share of a full-time year",
        formula=f"{year_formula} (no hours per credit defined for both systems)",
    )


def grade_average(transcript: Transcript, target_scale: str, field: str) -> GradeConversion:
    """Credit-weighted average of the transcript on its own scale, converted to ``target_scale``.

    ``field`` names the transcript in error messages (``credentials[0].transcript``).
    """
    try:
        src = get_scale(transcript.scale)
    except UnknownScale as exc:
        raise CaseFieldError(f"{field}.scale", str(exc)) from None
    tgt = get_scale(target_scale)
    values: list[tuple[float, float]] = []
    for i, entry in enumerate(transcript.grades):
        try:
            value, _ = src.parse(entry.grade)
        except InvalidGrade as exc:
            raise CaseFieldError(f"{field}.grades[{i}].grade", str(exc)) from None
        values.append((value, entry.credits or 1.0))
    if values:
        total = sum(w for _, w in values)
        average = sum(v * w for v, w in values) / total
    else:
        assert transcript.average is not None
        try:
            average, _ = src.parse(transcript.average)
        except InvalidGrade as exc:
            raise CaseFieldError(f"{field}.average", str(exc)) from None
    passed = src.passes(average)
    if src.id == tgt.id:
        step = methods.Step(average, f"same scale {src.id}: no conversion", tgt.label_for(average, passed))
        method = "none"
    elif tgt.model.labels:
        step = methods.table(src, tgt, average, passed)
        method = methods.METHOD_NAMES["table"]
    else:
        step = methods.linear(src, tgt, average, passed)
        method = methods.METHOD_NAMES["linear"]
    return GradeConversion(
        source_scale=src.id,
        average=round(average, 2),
        average_label=src.label_for(average, passed),
        courses=len(values),
        target_scale=tgt.id,
        converted=round(step.value, 2),
        label=step.label or tgt.label_for(step.value, passed),
        method=method,
        formula=step.formula,
        verified=step.verified and src.verified and tgt.verified,
    )
