"""Staff API for cases (``/api/staff/``): the queue, a case, its history, and the decision actions.

Session authentication (with Django's CSRF check on writes); only staff of the case's office see a
case. Every change goes through :mod:`qualbridge.web.cases.actions`. Every error is an RFC 9457
problem document and each status an operation can answer is declared in the schema.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any

from django.http import Http404, HttpRequest
from django.utils import timezone
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError
from ninja.security import django_auth
from pydantic import AfterValidator

from qualbridge.errors import QualbridgeError
from qualbridge.web.accounts.models import User
from qualbridge.web.api.problems import Problem
from qualbridge.web.audit.models import AuditEvent
from qualbridge.web.cases import actions, permissions
from qualbridge.web.cases.errors import Forbidden
from qualbridge.web.cases.models import Case, Decision, State
from qualbridge.web.cases.pages import OPEN_STATES

router = Router(tags=["cases"], auth=django_auth)
READ_ERRORS: dict[int, Any] = {401: Problem, 403: Problem, 404: Problem, 422: Problem}
WRITE_ERRORS: dict[int, Any] = {**READ_ERRORS, 409: Problem}


class CaseSummary(Schema):
    id: int
    reference: str
    state: str
    purpose: str
    deadline: date | None
    days_left: int | None
    evaluator: str | None


class CasePage(Schema):
    count: int
    page: int
    items: list[CaseSummary]


class FindingOut(Schema):
    id: int
    credential: int
    element: str
    engine_text: str
    text: str
    substantial_difference: bool | None
    reasoning: str


class CredentialOut(Schema):
    id: int
    title: str
    qualification_type: str
    country: str
    institution: str
    awarded_year: int | None


class CaseDetail(CaseSummary):
    office: str
    applicant: str
    decision: str
    decision_reasons: str
    drafted_by: str | None
    credentials: list[CredentialOut]
    findings: list[FindingOut]
    data_version: str


class EventOut(Schema):
    seq: int
    at: datetime
    actor: str
    action: str
    old: dict[str, Any]
    new: dict[str, Any]


def _no_nul(text: str) -> str:
    """Free text without NUL characters (PostgreSQL cannot store them; the pages' forms refuse them too)."""
    if "\x00" in text:
        raise ValueError("must not contain NUL (\\x00) characters")
    return text


Text = Annotated[str, AfterValidator(_no_nul)]


class DraftIn(Schema):
    decision: Decision
    reasons: Text = Field(min_length=1, max_length=20000)
    #: what a partial, alternative or conditional recognition rests on
    basis: Text = Field(default="", max_length=20000)


class NoteIn(Schema):
    note: Text = Field(min_length=1, max_length=5000)


class QueueQuery(Schema):
    state: State | None = None
    page: int = Field(1, ge=1, le=100000)


PAGE_SIZE = 50


def _staff(request: HttpRequest) -> User:
    user: User = request.auth  # type: ignore[attr-defined]
    if not permissions.is_staff(user):
        raise HttpError(403, "Only staff of an office use the staff API.")
    return user


def _case(request: HttpRequest, case_id: int) -> Case:
    user = _staff(request)
    try:
        return permissions.case_for(user, case_id)
    except Http404:
        raise HttpError(404, f"No case {case_id} in your office.") from None


def _summary(case: Case, today: date) -> dict[str, Any]:
    return {
        "id": case.pk,
        "reference": case.reference,
        "state": case.state,
        "purpose": case.purpose,
        "deadline": case.deadline,
        "days_left": case.days_left(today),
        "evaluator": case.evaluator.username if case.evaluator else None,
    }


@router.get("/cases", response={200: CasePage, **READ_ERRORS}, summary="The queue, by deadline")
def queue(request: HttpRequest, query: Query[QueueQuery]) -> Any:
    user = _staff(request)
    cases = permissions.visible_cases(user)
    cases = cases.filter(state=query.state) if query.state else cases.filter(state__in=OPEN_STATES)
    count = cases.count()
    start = (query.page - 1) * PAGE_SIZE
    rows = cases.select_related("evaluator").order_by("deadline", "submitted_at", "pk")[
        start : start + PAGE_SIZE
    ]
    today = timezone.localdate()
    return {"count": count, "page": query.page, "items": [_summary(c, today) for c in rows]}


@router.get(
    "/cases/{case_id}", response={200: CaseDetail, **READ_ERRORS}, summary="One case with its findings"
)
def case_detail(request: HttpRequest, case_id: int) -> Any:
    case = _case(request, case_id)
    return {
        **_summary(case, timezone.localdate()),
        "office": case.office.slug,
        "applicant": case.applicant.username,
        "decision": case.decision,
        "decision_reasons": case.decision_reasons,
        "drafted_by": case.drafted_by.username if case.drafted_by else None,
        "data_version": case.data_version,
        "credentials": list(case.credentials.all()),
        "findings": [
            {
                **{
                    f: getattr(x, f)
                    for f in ("id", "element", "engine_text", "text", "substantial_difference", "reasoning")
                },
                "credential": x.credential_id,
            }
            for x in case.findings.all()
        ],
    }


@router.get(
    "/cases/{case_id}/history",
    response={200: list[EventOut], **READ_ERRORS},
    summary="The case's audit events",
)
def history(request: HttpRequest, case_id: int) -> Any:
    case = _case(request, case_id)
    return [
        {"seq": e.seq, "at": e.at, "actor": e.actor_name, "action": e.action, "old": e.old, "new": e.new}
        for e in AuditEvent.objects.filter(case_id=case.pk).order_by("seq")
    ]


def _act(request: HttpRequest, case_id: int, change: Any) -> Any:
    case = _case(request, case_id)
    try:
        change(request.auth, case)  # type: ignore[attr-defined]
    except Forbidden as exc:
        raise HttpError(403, str(exc)) from None
    except QualbridgeError as exc:
        raise HttpError(409, str(exc)) from None
    return case_detail(request, case_id)


@router.post(
    "/cases/{case_id}/draft", response={200: CaseDetail, **WRITE_ERRORS}, summary="Save the draft decision"
)
def draft(request: HttpRequest, case_id: int, body: DraftIn) -> Any:
    return _act(
        request,
        case_id,
        lambda u, c: actions.do_draft_decision(u, c, body.decision.value, body.reasons, body.basis),
    )


@router.post(
    "/cases/{case_id}/submit-draft",
    response={200: CaseDetail, **WRITE_ERRORS},
    summary="Send the draft for approval",
)
def submit_draft(request: HttpRequest, case_id: int) -> Any:
    return _act(request, case_id, actions.do_submit_draft)


@router.post(
    "/cases/{case_id}/approve",
    response={200: CaseDetail, **WRITE_ERRORS},
    summary="Approve (senior; never one's own draft)",
)
def approve(request: HttpRequest, case_id: int) -> Any:
    return _act(request, case_id, actions.do_approve)


@router.post(
    "/cases/{case_id}/return", response={200: CaseDetail, **WRITE_ERRORS}, summary="Return the draft (senior)"
)
def return_draft(request: HttpRequest, case_id: int, body: NoteIn) -> Any:
    return _act(request, case_id, lambda u, c: actions.do_return_draft(u, c, body.note))
