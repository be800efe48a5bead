"""Convert one grade between two scales and explain how: the API the CLI, the evaluation method and the
web app call.

>>> c = convert("8", "nl-1-10", "de-1-5")
>>> c.method, c.value, c.passed
('bavarian', 2.5, True)
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from qualbridge.errors import QualbridgeError
from qualbridge.grades import methods
from qualbridge.grades.methods import METHOD_NAMES, GradeTable, Step
from qualbridge.grades.scales import Scale, get_scale
from qualbridge.registry.grading import ScaleKind

DIGITS = 3  # decimals kept in a reported value


class UnknownMethod(QualbridgeError):
    code = "unknown-method"

    def __init__(self, method: str) -> None:
        super().__init__(f"Unknown conversion method {method!r}; valid methods: {', '.join(METHOD_NAMES)}.")


class Conversion(BaseModel):
    """One converted grade with everything a reader needs to check it.

    The one shape of a grade conversion: the CLI's JSON, the API's answer (its OpenAPI schema is generated
    from this model) and the evaluation method. Keys ``from`` and ``to`` are aliases (``from`` is a Python
    keyword).
    """

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    input: str
    from_scale: str = Field(alias="from")
    to_scale: str = Field(alias="to")
    source_value: float
    source_label: str | None
    value: float
    label: str | None
    method: str
    method_name: str
    formula: str
    passed: bool
    exact: float
    verified: bool
    notes: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()

    def as_json(self) -> dict[str, Any]:
        return self.model_dump(mode="json", by_alias=True)


def default_method(src: Scale, tgt: Scale, *, tables_given: bool = False) -> str:
    """The method an evaluator would reach for first with these two scales."""
    if tables_given or (src.model.distribution is not None and tgt.model.distribution is not None):
        return "percentile"
    if any(eq.target == tgt.id for eq in src.model.equivalences):
        return "table"
    if tgt.id == methods.GERMAN_SCALE:
        return "bavarian"
    if tgt.model.kind is not ScaleKind.NUMERIC:
        return "table"
    return "linear"


def settle(tgt: Scale, y: float, passed: bool) -> float:
    """Round for reporting without ever crossing the pass line or leaving the scale."""
    lo, hi = sorted((tgt.best, tgt.worst))
    r = min(max(round(y, DIGITS), lo), hi)
    if tgt.passes(r) != passed:
        step = 10**-DIGITS
        if passed:
            r = tgt.lowest_pass
        else:
            r = tgt.lowest_pass - step if tgt.higher_is_better else tgt.lowest_pass + step
    return r


def convert(
    value: str | float,
    from_scale: str | Scale,
    to_scale: str | Scale,
    method: str | None = None,
    *,
    from_table: GradeTable | None = None,
    to_table: GradeTable | None = None,
) -> Conversion:
    """Convert ``value`` (a number or a label of ``from_scale``) to ``to_scale``.

    Raises :class:`~qualbridge.errors.UnknownScale`, :class:`~qualbridge.errors.InvalidGrade`,
    :class:`UnknownMethod` or :class:`~qualbridge.grades.methods.MethodNotApplicable`.
    """
    src = from_scale if isinstance(from_scale, Scale) else get_scale(from_scale)
    tgt = to_scale if isinstance(to_scale, Scale) else get_scale(to_scale)
    x, src_label = src.parse(value)
    passed = src.passes(x)
    tables = from_table is not None or to_table is not None
    chosen = (method or default_method(src, tgt, tables_given=tables)).strip().lower()
    step: Step
    if chosen == "linear":
        step = methods.linear(src, tgt, x, passed)
    elif chosen == "bavarian":
        step = methods.bavarian(src, tgt, x, passed)
    elif chosen == "table":
        step = methods.table(src, tgt, x, passed)
    elif chosen == "percentile":
        step = methods.percentile(src, tgt, x, passed, from_table, to_table)
    else:
        raise UnknownMethod(chosen)
    reported = step.value if chosen == "bavarian" else settle(tgt, step.value, passed)
    label = step.label if step.label is not None else tgt.label_for(reported, passed)
    verified = step.verified and src.verified and tgt.verified
    notes = list(step.notes)
    if not (src.verified and tgt.verified):
        unverified = [s.id for s in (src, tgt) if not s.verified]
        notes.append(f"Scale facts not confirmed against a source: {', '.join(unverified)}.")
    urls = [u for u in (src.source_url(), tgt.source_url(), *step.sources) if u]
    return Conversion(
        input=str(value),
        from_scale=src.id,
        to_scale=tgt.id,
        source_value=x,
        source_label=src_label,
        value=reported,
        label=label,
        method=step.method or chosen,  # h13: "band" when a table lookup found no published table
        method_name=METHOD_NAMES[step.method or chosen],
        formula=step.formula,
        passed=passed,
        exact=step.extra.get("exact", step.value),
        verified=verified,
        notes=tuple(notes),
        sources=tuple(dict.fromkeys(urls)),
    )
