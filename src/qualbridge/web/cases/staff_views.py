"""The staff case page (assessment, checklist, precedents, draft decision, history) and its actions.

Every POST goes through :mod:`qualbridge.web.cases.actions`, which enforces roles and the four-eyes
rule; the page only leaves out buttons the user could not use anyway.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from qualbridge.web.accounts.models import Role, User
from qualbridge.web.audit.models import AuditEvent
from qualbridge.web.cases import actions, forms, permissions
from qualbridge.web.cases.eligibility import eligibility_by_credential
from qualbridge.web.cases.errors import Forbidden
from qualbridge.web.cases.models import (
    ASSESSING,
    Case,
    Credential,
    Decision,
    DocumentKind,
    Finding,
    State,
    Statement,
)
from qualbridge.web.cases.pages import back, form_errors, is_id, run
from qualbridge.web.cases.prefill import engine_words, required_documents

PRECEDENTS_SHOWN = 10


def precedents(case: Case) -> list[dict[str, Any]]:
    """For each credential: earlier decisions of the office on the same qualification type and institution."""
    panels = []
    for credential in case.credentials.all():
        same = Credential.objects.filter(
            case__office_id=case.office_id,
            case__state=State.DECIDED,
            institution=credential.institution,
        ).exclude(case_id=case.pk)
        if credential.qualification_type:
            same = same.filter(qualification_type=credential.qualification_type)
        else:
            same = same.filter(title=credential.title)
        rows = list(
            same.select_related("case")
            .order_by("-case__decided_at")
            .values_list("case__reference", "case__decision", "case__decided_at")[:200]
        )
        counts = Counter(decision for _ref, decision, _at in rows)
        usual = counts.most_common(1)[0][0] if counts else ""
        panels.append(
            {
                "credential": credential,
                "rows": [(ref, Decision(d).label if d else "", at) for ref, d, at in rows[:PRECEDENTS_SHOWN]],
                "total": len(rows),
                "counts": [(Decision(d).label, n) for d, n in counts.most_common()],
                "departs": bool(case.decision and usual and case.decision != usual),
                "usual": Decision(usual).label if usual else "",
            }
        )
    return panels


def checklist(case: Case) -> list[tuple[str, bool]]:
    present = set(case.documents.values_list("kind", flat=True))
    return [
        (str(DocumentKind(k).label) if k in DocumentKind.values else k, k in present)
        for k in required_documents(case)
    ]


def staff_detail(request: HttpRequest, case: Case) -> HttpResponse:
    user = request.user
    findings = Finding.objects.filter(case=case).select_related("credential").order_by("credential_id", "id")
    grouped: dict[int, list[tuple[Finding, forms.FindingForm]]] = {}
    words = engine_words(case)
    for finding in findings:
        finding.engine_words = words.get((finding.credential_id, finding.element), {})  # type: ignore[attr-defined]
        initial = {
            "text": finding.text,
            "substantial_difference": finding.substantial_difference,
            "reasoning": finding.reasoning,
        }
        grouped.setdefault(finding.credential_id, []).append(
            (finding, forms.FindingForm(initial=initial, prefix=f"f{finding.pk}"))
        )
    assessing = case.state in ASSESSING
    eligible = eligibility_by_credential(case)
    role = user.role
    mine = case.evaluator_id == user.pk or role == Role.SENIOR
    context = {
        "case": case,
        "days_left": case.days_left(timezone.localdate()),
        "credentials": [(c, grouped.get(c.pk, []), eligible.get(c.pk, [])) for c in case.credentials.all()],
        "documents": case.documents.all(),
        "checklist": checklist(case),
        "precedents": precedents(case),
        "requests": case.requests.order_by("requested_at"),
        "delays": case.delays.order_by("at"),
        "appeals": case.appeals.all(),
        "statements": case.statements.all(),
        "history": AuditEvent.objects.filter(case_id=case.pk).order_by("seq"),
        "can_assess": assessing and role in permissions.ASSESSORS and mine,
        "can_complete": case.state == State.SUBMITTED and role in permissions.ASSESSORS,
        "can_request": case.state in (State.SUBMITTED, State.AWAITING_DOCUMENTS, *ASSESSING)
        and role in permissions.ASSESSORS,
        "can_delay": case.state in (*ASSESSING, State.PENDING_APPROVAL) and role in permissions.ASSESSORS,
        "can_approve": case.state == State.PENDING_APPROVAL
        and role == Role.SENIOR
        and case.drafted_by_id != user.pk,
        "own_draft": case.state == State.PENDING_APPROVAL and case.drafted_by_id == user.pk,
        "can_assign": role in (Role.SENIOR, Role.ADMIN)
        and case.state in (State.SUBMITTED, State.AWAITING_DOCUMENTS, *ASSESSING, State.PENDING_APPROVAL),
        "can_revoke": role in (Role.SENIOR, Role.ADMIN),
        "evaluators": User.objects.filter(office_id=case.office_id, role__in=permissions.ASSESSORS).exclude(
            pk=case.first_evaluator_id if case.state == State.APPEALED else None
        ),
        "draft_form": forms.DraftForm(
            initial={
                "decision": case.decision,
                "reasons": case.decision_reasons,
                "basis": case.decision_basis,
            }
        ),
        "delay_form": forms.DelayForm(),
        "request_form": forms.RequestForm(),
        "note_form": forms.NoteForm(),
    }
    return render(request, "cases/staff_case.html", context)


def _staff_case(request: HttpRequest, pk: int) -> Case:
    case = permissions.case_for(request.user, pk)
    if not permissions.is_staff(request.user):
        raise Forbidden(_("Staff only."))
    return case


def _text(request: HttpRequest, name: str) -> str:
    """A free-text field; NUL characters are dropped (PostgreSQL cannot store them)."""
    return str(request.POST.get(name, "")).replace("\x00", "")


@login_required
@require_POST
def act(request: HttpRequest, pk: int, name: str) -> HttpResponse:
    """One staff action on a case, by name."""
    case = _staff_case(request, pk)
    user: User = request.user
    if name == "complete":
        return run(
            request,
            case,
            lambda: actions.do_mark_complete(user, case),
            _("The file is complete: the clock has started."),
        )
    if name == "request":
        return run(
            request,
            case,
            lambda: actions.do_request_documents(user, case, _text(request, "text")),
            _("Documents requested."),
        )
    if name == "draft":
        form = forms.DraftForm(request.POST)
        if not form.is_valid():
            form_errors(request, form)
            return back(case)
        data = form.cleaned_data
        return run(
            request,
            case,
            lambda: actions.do_draft_decision(user, case, data["decision"], data["reasons"], data["basis"]),
            _("Draft decision saved."),
        )
    if name == "submit-draft":
        return run(request, case, lambda: actions.do_submit_draft(user, case), _("Draft sent for approval."))
    if name == "approve":
        return run(
            request,
            case,
            lambda: actions.do_approve(user, case),
            _("Decision approved; the statement is issued."),
        )
    if name == "return":
        return run(
            request,
            case,
            lambda: actions.do_return_draft(user, case, _text(request, "note")),
            _("Draft returned to the evaluator."),
        )
    if name == "delay":
        form = forms.DelayForm(request.POST)
        if not form.is_valid():
            form_errors(request, form)
            return back(case)
        data = form.cleaned_data
        return run(
            request,
            case,
            lambda: actions.do_record_delay(user, case, data["new_deadline"], data["reason"]),
            _("Deadline extended."),
        )
    if name == "assign":
        raw = str(request.POST.get("evaluator") or "").strip()
        evaluator = User.objects.filter(pk=int(raw), office_id=case.office_id).first() if is_id(raw) else None
        if evaluator is None:
            messages.error(
                request,
                _("No evaluator %(id)s in this office; choose one from the list.") % {"id": repr(raw[:40])},
            )
            return back(case)
        return run(request, case, lambda: actions.do_assign(user, case, evaluator), _("Evaluator assigned."))
    raise Http404(_("No such action."))


@login_required
@require_POST
def edit_finding(request: HttpRequest, pk: int, fid: int) -> HttpResponse:
    case = _staff_case(request, pk)
    finding = get_object_or_404(Finding, pk=fid, case=case)
    form = forms.FindingForm(request.POST, prefix=f"f{finding.pk}")
    if not form.is_valid():
        form_errors(request, form)
        return back(case)
    data = form.cleaned_data
    return run(
        request,
        case,
        lambda: actions.do_edit_finding(
            request.user, finding, data["text"], data["substantial_difference"], data["reasoning"]
        ),
        _("Finding saved."),
    )


@login_required
@require_POST
def revoke(request: HttpRequest, pk: int, sid: int) -> HttpResponse:
    case = _staff_case(request, pk)
    statement = get_object_or_404(Statement, pk=sid, case=case)
    return run(
        request,
        case,
        lambda: actions.do_revoke_statement(request.user, statement, _text(request, "note")),
        _("Statement revoked."),
    )
