"""The passport pages: the staff's interview record (start, edit, sign, issue, revoke) and the passport
itself in Japanese or English (HTML, PDF) and as signed JSON, for the applicant and the office's staff.

Who may see a case is :func:`qualbridge.web.cases.permissions.case_for` (an applicant only their own:
anyone else's is 404); who may change what is :mod:`qualbridge.web.passport.actions`. Every change is a
POST with Django's CSRF token; a refused change comes back as a message on the page, never a 500.
"""

from __future__ import annotations

import json
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from qualbridge.errors import QualbridgeError
from qualbridge.evaluate.passport import VALIDITY_SOURCE, VALIDITY_YEARS, issue_problems
from qualbridge.statements.passport_page import passport_page, passport_verify_url, render_passport_pdf
from qualbridge.web.accounts.models import Role
from qualbridge.web.cases.errors import Forbidden
from qualbridge.web.cases.issuance import public_url
from qualbridge.web.cases.models import Case
from qualbridge.web.cases.pages import form_errors
from qualbridge.web.cases.permissions import case_for, is_staff
from qualbridge.web.i18n import visitor_lang
from qualbridge.web.passport import actions
from qualbridge.web.passport.forms import InterviewForm, RevokeForm, StartInterviewForm
from qualbridge.web.passport.models import Interview, Passport


def _back(case: Case) -> HttpResponse:
    return redirect("passport:case", pk=case.pk)


def _initial(case: Case) -> dict[str, Any]:
    """The record's first values from the case: its first credential and the documents it has."""
    credential = case.credentials.order_by("pk").first()
    kinds = sorted(set(case.documents.values_list("kind", flat=True)))
    initial: dict[str, Any] = {"evidence": "\n".join(kinds)}
    if credential is not None:
        initial.update(
            title=credential.title,
            country=credential.country,
            qualification_type=credential.qualification_type,
            institution=credential.institution,
            awarded=str(credential.awarded_year or ""),
        )
    return initial


@login_required
def case_page(request: HttpRequest, pk: int) -> HttpResponse:
    """The case's interview record and passports (staff of the office; the applicant is sent to theirs)."""
    case = case_for(request.user, pk)
    if not is_staff(request.user):
        return redirect("passport:mine", pk=case.pk)
    interview = (
        Interview.objects.filter(case=case).select_related("first_evaluator", "second_evaluator").first()
    )
    if request.method == "POST":
        return _save(request, case, interview)
    if interview is None:
        form: InterviewForm = StartInterviewForm(initial=_initial(case), actor=request.user)
    else:
        form = InterviewForm(instance=interview)
    problems = (
        [m.text(visitor_lang()) for m in issue_problems(actions.core_record(interview))] if interview else []
    )
    context = {
        "case": case,
        "interview": interview,
        "form": form,
        "refugee_route": actions.refugee_route(case),
        "problems": problems,
        "passports": case.passports.all(),
        "revoke_form": RevokeForm(),
        "can_revoke": request.user.role in (Role.SENIOR, Role.ADMIN),
        "validity_years": VALIDITY_YEARS,
        "validity_source": VALIDITY_SOURCE,
        "me": request.user.username,
    }
    return render(request, "passport/case.html", context)


def _save(request: HttpRequest, case: Case, interview: Interview | None) -> HttpResponse:
    if interview is None:
        form: InterviewForm = StartInterviewForm(request.POST, actor=request.user)
    else:
        form = InterviewForm(request.POST, instance=Interview.objects.get(pk=interview.pk))
    if not form.is_valid():
        form_errors(request, form)
        return _back(case)
    data = {k: v for k, v in form.cleaned_data.items() if k != "second_evaluator"}
    try:
        if interview is None:
            actions.do_start_interview(request.user, case, form.cleaned_data["second_evaluator"], data)
        else:
            actions.do_edit_interview(request.user, interview, data)
    except QualbridgeError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Interview record saved."))
    return _back(case)


def _run(request: HttpRequest, case: Case, change: Any, done: str) -> HttpResponse:
    try:
        change()
    except (QualbridgeError, Forbidden) as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, done)
    return _back(case)


def _staff_interview(request: HttpRequest, pk: int) -> tuple[Case, Interview]:
    case = case_for(request.user, pk)
    if not is_staff(request.user):
        raise Forbidden(_("Only an evaluator of this case's office may conduct or record its interview."))
    return case, get_object_or_404(Interview, case=case)


@login_required
@require_POST
def sign(request: HttpRequest, pk: int) -> HttpResponse:
    case, interview = _staff_interview(request, pk)
    return _run(
        request, case, lambda: actions.do_sign(request.user, interview), _("You signed the interview record.")
    )


@login_required
@require_POST
def issue(request: HttpRequest, pk: int) -> HttpResponse:
    case, interview = _staff_interview(request, pk)
    return _run(
        request,
        case,
        lambda: actions.do_issue(request.user, interview),
        _("The qualifications passport is issued."),
    )


@login_required
@require_POST
def revoke(request: HttpRequest, pk: int, passport_id: int) -> HttpResponse:
    case, _interview = _staff_interview(request, pk)
    passport = get_object_or_404(Passport, pk=passport_id, case=case)
    form = RevokeForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    return _run(
        request, case, lambda: actions.do_revoke(request.user, passport, reason), _("Passport revoked.")
    )


def _passport(request: HttpRequest, pk: int) -> tuple[Case, Passport]:
    """The case's passport in force, for its applicant or the office's staff (else 404)."""
    case = case_for(request.user, pk)
    found = case.passports.filter(revoked_at=None).first()
    if found is None:
        raise Http404(_("This case has no qualifications passport in force."))
    return case, found


def _lang(request: HttpRequest) -> str:
    lang = request.GET.get("lang", "") or visitor_lang()
    if lang not in ("ja", "en"):
        raise Http404(_("A passport is shown in ja or en."))
    return lang


def _render_args(case: Case, passport: Passport, lang: str) -> dict[str, Any]:
    name = case.office.name_ja if lang == "ja" else case.office.name_en
    return {"verify_url": passport_verify_url(passport.signed, public_url("")), "issuer_name": name}


@login_required
@require_GET
def mine(request: HttpRequest, pk: int) -> HttpResponse:
    """The applicant's (or staff's) view of the passport in force, with its downloads."""
    case = case_for(request.user, pk)
    passport = case.passports.filter(revoked_at=None).first()
    revoked = case.passports.exclude(revoked_at=None).first() if passport is None else None
    return render(request, "passport/mine.html", {"case": case, "passport": passport, "revoked": revoked})


@login_required
@require_GET
def passport_html(request: HttpRequest, pk: int) -> HttpResponse:
    case, passport = _passport(request, pk)
    lang = _lang(request)
    return HttpResponse(passport_page(passport.signed, lang, **_render_args(case, passport, lang)))


@login_required
@require_GET
def passport_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    case, passport = _passport(request, pk)
    lang = _lang(request)
    try:
        pdf = render_passport_pdf(passport.signed, lang, **_render_args(case, passport, lang))
    except QualbridgeError as exc:  # e.g. the server lacks the fonts: say so, the JSON still works
        return HttpResponse(str(exc), status=503, content_type="text/plain; charset=utf-8")
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{case.reference}-passport-{lang}.pdf"'
    return response


@login_required
@require_GET
def passport_json(request: HttpRequest, pk: int) -> HttpResponse:
    case, passport = _passport(request, pk)
    response = HttpResponse(
        json.dumps(passport.signed, ensure_ascii=False, indent=2), content_type="application/vc+ld+json"
    )
    response["Content-Disposition"] = f'attachment; filename="{case.reference}-passport.json"'
    return response
