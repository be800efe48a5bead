"""``POST /api/v1/micro-credentials/evaluate`` and ``/stack``: the micro-credentials core in the public API.

A micro-credential is a sample id (``nz-growsafe-basic``), a record (the fields of
:class:`~qualbridge.microcredentials.model.MicroCredential`) or an Open Badges 3.0 OpenBadgeCredential.
The answers are the objects ``qualbridge microcredentials evaluate|stack --json`` prints; bad input is a
400 problem document naming the field (for a badge, its JSON path).
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Field, Router, Schema

from qualbridge.errors import QualbridgeError
from qualbridge.interop import ob3
from qualbridge.microcredentials.evaluate import evaluate, stack
from qualbridge.microcredentials.model import MicroCredential, from_mapping
from qualbridge.microcredentials.sample import get
from qualbridge.web.api.problems import Problem
from qualbridge.web.api.public import problem_types

router = Router(tags=["public"])
BAD = {400: Problem, 422: Problem}


def resolve(value: Any, where: str) -> MicroCredential:
    if isinstance(value, str):
        return get(value)
    if isinstance(value, dict):
        return ob3.import_document(value) if ob3.detects(value) else from_mapping(value)
    raise QualbridgeError(f"{where}: give a sample id, a micro-credential record or an OpenBadgeCredential.")


class EvaluateIn(Schema):
    micro_credential: Any = Field(..., description="A sample id, a record or an OpenBadgeCredential.")
    to: str = Field("jp-jeqf", min_length=1, max_length=40, description="Home framework id.")
    credits: str | None = Field(None, max_length=40, description="Home credit system id, e.g. jp-tani.")


class StackIn(Schema):
    micro_credentials: list[Any] = Field(..., min_length=1, max_length=50)
    toward: str = Field(..., min_length=1, max_length=80, description="Qualification type id.")


@router.post(
    "/micro-credentials/evaluate",
    response={200: dict[str, Any], **BAD},
    operation_id="evaluate_micro_credential",
    openapi_extra=problem_types(400, 422),
)
def evaluate_endpoint(request: HttpRequest, payload: EvaluateIn) -> dict[str, Any]:
    """Level placement through the comparability engine and credit conversion of one micro-credential."""
    return evaluate(
        resolve(payload.micro_credential, "micro_credential"), payload.to, payload.credits
    ).as_json()


@router.post(
    "/micro-credentials/stack",
    response={200: dict[str, Any], **BAD},
    operation_id="stack_micro_credentials",
    openapi_extra=problem_types(400, 422),
)
def stack_endpoint(request: HttpRequest, payload: StackIn) -> dict[str, Any]:
    """Several micro-credentials stacked toward a qualification's credit total, with what is missing."""
    mcs = [resolve(v, f"micro_credentials[{i}]") for i, v in enumerate(payload.micro_credentials)]
    return stack(mcs, payload.toward).as_json()
