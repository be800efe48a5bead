"""Grade averages and credits converted to the recognising body's scale and credit system.

A thin adapter over :mod:`qualbridge.grades` and :mod:`qualbridge.credits`: the evaluation needs
one credit-weighted grade average and one credit figure with the method shown, nothing more. Credits are converted by workload hours where both systems define hours
per credit, and by share of a full-time year, because the two can disagree (124 tani is the classic
case); both figures are kept, and the lower is the one recognised.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from qualbridge import credits
from qualbridge.errors import CaseFieldError, InvalidGrade, UnknownScale
from qualbridge.evaluate.casefile import GivenCredits, Transcript
from qualbridge.grades import methods
from qualbridge.grades.scales import get_scale
from qualbridge.registry.credits import CreditSystem


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


def credit_system(system_id: str) -> CreditSystem:
    return credits.get_system(system_id)


def hours_of(amount: float, system_id: str) -> float | None:
    """Notional workload hours of ``amount`` credits (middle of the system's range), if defined."""
    system = credit_system(system_id)
    return amount * system.hours_per_credit.mid if system.hours_per_credit else None


def years_of(amount: float, system_id: str) -> float:
    """Full-time years that ``amount`` credits stand for."""
    return amount / credit_system(system_id).credits_per_year.mid


def convert_credits(given: GivenCredits, target_id: str) -> CreditConversion:
    """The credits in the body's system: the lower of the two methods of :func:`credits.convert`."""
    result = credits.convert(given.amount, given.system, target_id)
    by_year = result.by_year
    if result.by_hours is None:
        return CreditConversion(
            amount=given.amount,
            system=result.from_system,
            target_system=result.to_system,
            converted=by_year.value,
            by_year_share=by_year.value,
            method="share of a full-time year",
            formula=f"by share of a year: {by_year.formula} (no hours per credit defined for both systems)",
        )
    by_hours = result.by_hours
    converted = round(min(by_hours.value, by_year.value), 1)
    return CreditConversion(
        amount=given.amount,
        system=result.from_system,
        target_system=result.to_system,
        hours=hours_of(given.amount, given.system),
        by_hours=by_hours.value,
        converted=converted,
        by_year_share=by_year.value,
        method="lower of workload hours and share of a full-time year",
        formula=f"by workload: {by_hours.formula}; by share of a year: {by_year.formula}; "
        f"the lower figure, {converted:g} {result.to_system}, is recognised",
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
