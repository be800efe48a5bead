"""Request schemas of the public API (v1), and the answers the core does not yet declare itself.

The answers the core declares are its own records, so an API schema and the CLI's ``--json`` cannot
drift apart: the comparison (:class:`~qualbridge.compare.model.Comparison`), the framework and
qualification records (:mod:`qualbridge.registry.summary`) and the grade conversion
(:class:`~qualbridge.grades.convert.Conversion`). Keys named ``from`` (a Python keyword) are declared
through aliases and the operations serialise by alias.
"""

from __future__ import annotations

from typing import Any, Literal

from ninja import Field, Schema

LangText = dict[str, str]

# -- grades and credits -----------------------------------------------------------------------------


class GradeShare(Schema):
    grade: str = Field(..., max_length=50)
    percent: float = Field(..., ge=0, le=100)


class GradeConvertIn(Schema):
    value: str = Field(..., max_length=50, description="The grade: a number or a label of the source scale.")
    from_scale: str = Field(..., alias="from", max_length=50, description="Source scale id, e.g. nl-1-10.")
    to: str = Field(..., max_length=50, description="Target scale id, e.g. de-1-5.")
    method: Literal["linear", "bavarian", "table", "percentile"] | None = None
    from_table: list[GradeShare] | None = Field(None, max_length=200, description="Source grading table.")
    to_table: list[GradeShare] | None = Field(None, max_length=200, description="Target grading table.")


class CreditConvertIn(Schema):
    amount: float = Field(..., ge=0, le=1_000_000, description="Amount of credit in the source system.")
    from_system: str = Field(
        ..., alias="from", max_length=50, description="Source credit system, e.g. jp-tani."
    )
    to: str = Field(..., max_length=50, description="Target credit system, e.g. ects.")
    method: Literal["both", "hours", "year"] = "both"


class CreditMethodOut(Schema):
    method: str
    value: float
    low: float
    high: float
    formula: str
    verified: bool


class CreditConversionOut(Schema):
    amount: float
    from_system: str = Field(..., alias="from")
    to: str
    value: float
    low: float
    high: float
    method: str
    formula: str
    published: CreditMethodOut | None = None  # h13: a rate a body publishes (the value where one exists)
    by_hours: CreditMethodOut | None = None
    by_year: CreditMethodOut
    verified: bool
    notes: list[str]
    sources: list[str]


# -- statements -------------------------------------------------------------------------------------


class VerifyIn(Schema):
    statement: dict[str, Any] = Field(..., description="The signed statement (a VC 2.0 JSON-LD object).")
    status_lists: list[dict[str, Any]] = Field(
        default_factory=list,
        max_length=20,
        description="Bitstring status list credentials of a foreign issuer, used only inside their validity "
        "window; for this site's own statements only the site's current list counts.",
    )


class CheckOut(Schema):
    check: str
    ok: bool
    code: str = Field(..., description="Stable code of the finding, e.g. issuer.untrusted or status.revoked.")
    params: dict[str, Any] = {}
    message: str = Field(..., description="The technical finding in English (choose words by code).")


class VerificationOut(Schema):
    verified: bool
    state: Literal[
        "valid",
        "tampered",
        "untrusted-issuer",
        "revoked",
        "suspended",
        "expired",
        "not-yet-valid",
        "unchecked-status",
        "invalid",
    ]
    summary: str
    kind: Literal["recognition-statement", "qualifications-passport", "credential"] = Field(
        "credential",
        description="What was verified: a recognition statement or a qualifications passport (h18p).",
    )
    statement: dict[str, Any] | None = Field(
        None, description="What the statement says: holder, qualification, decision, issuer (by trust list)."
    )
    checks: list[CheckOut]
