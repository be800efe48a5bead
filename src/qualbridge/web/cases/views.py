"""Casework pages shared by applicants and staff: the case list, a case, documents and statements.

Views only read; every change goes through :mod:`qualbridge.web.cases.actions`. A refused change
(wrong state, bad upload) comes back to the case page with a message; a forbidden one is a 403; a
case the user may not see is a 404.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import transaction
from django.http import FileResponse, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from qualbridge.errors import QualbridgeError
from qualbridge.web.accounts.models import Office, Role
from qualbridge.web.cases import actions, forms, intake, permissions
from qualbridge.web.cases.errors import Forbidden
from qualbridge.web.cases.issuance import signed_status_list
from qualbridge.web.cases.models import WITHDRAWABLE, Case, Document, DocumentRequest, State, Statement
from qualbridge.web.cases.pages import OPEN_STATES, back, form_errors, is_id, run
from qualbridge.web.cases.staff_views import staff_detail
from qualbridge.web.cases.timeline import NEXT, applicant_timeline
from qualbridge.web.uploads import StoredUpload, discard, notes_upload_paths, open_stored, refuse_paths, store

PAGE_SIZE = 50


def with_upload(upload: Any, attach: Callable[[StoredUpload], Any]) -> Any:
    """Store an upload, then attach it; if attaching fails the stored file is removed."""
    stored = store(upload)
    try:
        return attach(stored)
    except BaseException:
        discard(stored)
        raise


@login_required
@require_GET
def case_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    if permissions.is_staff(user):
        return queue(request)
    cases = permissions.visible_cases(user).order_by("-created_at")
    return render(request, "cases/my_cases.html", {"cases": cases, "can_apply": user.role == Role.APPLICANT})


def queue(request: HttpRequest) -> HttpResponse:
    cases = permissions.visible_cases(request.user)
    state = request.GET.get("state", "")
    if state in State.values:
        cases = cases.filter(state=state)
    else:
        state = ""
        cases = cases.filter(state__in=OPEN_STATES)
    if request.GET.get("mine"):
        cases = cases.filter(evaluator=request.user)
    cases = cases.select_related("applicant", "evaluator").order_by("deadline", "submitted_at", "pk")
    page = Paginator(cases, PAGE_SIZE).get_page(request.GET.get("page"))
    today = timezone.localdate()
    rows = [(c, c.days_left(today)) for c in page.object_list]
    return render(
        request,
        "cases/queue.html",
        {
            "page": page,
            "rows": rows,
            "state": state,
            "states": State.choices,
            "mine": bool(request.GET.get("mine")),
        },
    )


@notes_upload_paths
@login_required
def case_new(request: HttpRequest) -> HttpResponse:
    if request.user.role != Role.APPLICANT:
        raise Forbidden(_("Only applicants open cases."))
    form = forms.NewCaseForm(
        request.POST or None, request.FILES or None, initial=forms.NewCaseForm.initial_from(request.GET)
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            refuse_paths(request)
            stored = store(data["file"])
        except QualbridgeError as exc:
            form.add_error("file", str(exc))
        else:
            try:
                with transaction.atomic():
                    case = actions.do_create_case(
                        request.user,
                        data["office"],
                        data["purpose"],
                        holder={k: data.get(k) for k in forms.HOLDER_FIELDS},
                    )
                    fields = {
                        k: data[k]
                        for k in ("title", "qualification_type", "country", "institution", "awarded_year")
                    }
                    credential = actions.do_add_credential(request.user, case, **fields)
                    actions.do_add_document(request.user, case, stored, data["kind"], credential=credential)
            except BaseException:
                discard(stored)
                raise
            messages.success(
                request,
                _("Your application %(ref)s is saved. Add anything missing, then submit it.")
                % {"ref": case.reference},
            )
            return back(case)
    return render(request, "cases/new.html", {"form": form, **choice_lists()})


@login_required
@require_GET
def case_detail(request: HttpRequest, pk: int) -> HttpResponse:
    case = permissions.case_for(request.user, pk)
    if permissions.is_staff(request.user):
        return staff_detail(request, case)
    today = timezone.localdate()
    context = {
        "case": case,
        "credentials": case.credentials.all(),
        "documents": case.documents.all(),
        "requests": case.requests.order_by("requested_at"),
        "delays": case.delays.order_by("at"),
        "statement": case.statements.filter(revoked_at=None).first(),
        "appeals": case.appeals.all(),
        "days_left": case.days_left(today),
        "can_edit": case.state in (State.DRAFT, State.SUBMITTED, State.AWAITING_DOCUMENTS),
        "can_appeal": case.state == State.DECIDED
        and case.appeal_deadline is not None
        and today <= case.appeal_deadline,
        "credential_form": forms.CredentialForm(),
        "document_form": forms.DocumentForm(),
        "answer_form": forms.AnswerForm(),
        "appeal_form": forms.AppealForm(),
        **(choice_lists() if case.state == State.DRAFT else {}),
        "timeline": applicant_timeline(case),
        "next_step": NEXT.get(case.state, ""),
        "can_withdraw": case.state in WITHDRAWABLE,
        "can_remove": case.state == State.DRAFT,
        "revoked": case.statements.exclude(revoked_at=None).order_by("-revoked_at").first(),
    }
    return render(request, "cases/applicant_case.html", context)


def choice_lists() -> dict[str, Any]:
    """The searchable lists of the credential fields (country, qualification type)."""
    return {"countries": intake.country_choices(), "qualification_types": intake.qualification_choices()}


@login_required
@require_POST
def add_credential(request: HttpRequest, pk: int) -> HttpResponse:
    case = permissions.case_for(request.user, pk)
    form = forms.CredentialForm(request.POST)
    if not form.is_valid():
        form_errors(request, form)
        return back(case)
    return run(
        request,
        case,
        lambda: actions.do_add_credential(request.user, case, **form.cleaned_data),
        _("Credential added."),
    )


@notes_upload_paths
@login_required
@require_POST
def upload_document(request: HttpRequest, pk: int) -> HttpResponse:
    case = permissions.case_for(request.user, pk)
    form = forms.DocumentForm(request.POST, request.FILES)
    if not form.is_valid():
        form_errors(request, form)
        return back(case)
    credential = None
    raw = str(request.POST.get("credential") or "").strip()
    if raw:
        credential = case.credentials.filter(pk=int(raw)).first() if is_id(raw) else None
        if credential is None:
            valid = ", ".join(str(pk) for pk in case.credentials.values_list("pk", flat=True)) or "-"
            messages.error(
                request,
                _("No credential %(id)s in this case; choose one of its credentials (%(valid)s) or none.")
                % {"id": repr(raw[:40]), "valid": valid},
            )
            return back(case)

    def attach() -> Any:
        permissions.require_owner(request.user, case)
        refuse_paths(request)
        return with_upload(
            form.cleaned_data["file"],
            lambda s: actions.do_add_document(
                request.user, case, s, form.cleaned_data["kind"], credential=credential
            ),
        )

    return run(request, case, attach, _("Document uploaded."))


@login_required
@require_POST
def submit(request: HttpRequest, pk: int) -> HttpResponse:
    case = permissions.case_for(request.user, pk)
    return run(request, case, lambda: actions.do_submit(request.user, case), _("Application submitted."))


@notes_upload_paths
@login_required
@require_POST
def answer_request(request: HttpRequest, pk: int, rid: int) -> HttpResponse:
    case = permissions.case_for(request.user, pk)
    doc_request = get_object_or_404(DocumentRequest, pk=rid, case=case)
    form = forms.AnswerForm(request.POST, request.FILES)
    if not form.is_valid():
        form_errors(request, form)
        return back(case)

    def answer() -> None:
        permissions.require_owner(request.user, case)
        refuse_paths(request)
        with transaction.atomic():
            if form.cleaned_data.get("file"):
                with_upload(
                    form.cleaned_data["file"],
                    lambda s: actions.do_add_document(request.user, case, s, "other", request=doc_request),
                )
            actions.do_answer_request(request.user, doc_request, form.cleaned_data["answer"])

    return run(request, case, answer, _("Thank you: your answer was sent."))


@notes_upload_paths
@login_required
@require_POST
def appeal(request: HttpRequest, pk: int) -> HttpResponse:
    case = permissions.case_for(request.user, pk)
    form = forms.AppealForm(request.POST, request.FILES)
    if not form.is_valid():
        form_errors(request, form)
        return back(case)

    def lodge() -> None:
        permissions.require_owner(request.user, case)
        refuse_paths(request)
        with transaction.atomic():
            appeal = actions.do_appeal(request.user, case, form.cleaned_data["reasons"])
            if form.cleaned_data.get("file"):
                with_upload(
                    form.cleaned_data["file"],
                    lambda s: actions.do_add_document(request.user, appeal.case, s, "other", appeal=appeal),
                )

    return run(request, case, lodge, _("Your appeal was lodged; another evaluator will review the case."))


@login_required
@require_GET
def download_document(request: HttpRequest, pk: int, did: int) -> HttpResponse:
    case = permissions.case_for(request.user, pk)
    document = get_object_or_404(Document, pk=did, case=case)
    return FileResponse(
        open_stored(document.stored_name),
        as_attachment=True,
        filename=download_name(document.original_name, document.stored_name),
        content_type=document.content_type,
    )


def download_name(original: str, stored_name: str) -> str:
    """The name to save a download under: the original, ending in the extension of the checked content.

    The content was checked (PDF, JPEG, PNG); the name was not. A PDF named ``report.html`` or
    ``setup.exe`` is saved as ``report.html.pdf`` so that no program other than a viewer opens it.

    >>> download_name("学位記.PDF", "ab.pdf"), download_name("x.html", "ab.pdf"), download_name("a.jpeg", "c.jpg")
    ('学位記.PDF', 'x.html.pdf', 'a.jpeg')
    """
    extension = stored_name.rsplit(".", 1)[-1]
    allowed = {"jpg": (".jpg", ".jpeg")}.get(extension, (f".{extension}",))
    name = original or "document"
    return name if name.lower().endswith(allowed) else f"{name}.{extension}"


def _statement(request: HttpRequest, pk: int) -> tuple[Case, Statement]:
    case = permissions.case_for(request.user, pk)
    return case, get_object_or_404(Statement, case=case, revoked_at=None)


@login_required
@require_GET
def statement_json(request: HttpRequest, pk: int) -> HttpResponse:
    case, statement = _statement(request, pk)
    response = HttpResponse(
        json.dumps(statement.signed, ensure_ascii=False, indent=2), content_type="application/vc+ld+json"
    )
    response["Content-Disposition"] = f'attachment; filename="{case.reference}.json"'
    return response


@login_required
@require_GET
def statement_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    from qualbridge.web.cases.pdf import statement_pdf_bytes
    from qualbridge.web.jobs.rendered import rendered_pdf

    case, statement = _statement(request, pk)
    try:  # rendered by a worker after the approval; rendered here if it has not been yet
        pdf = rendered_pdf(statement) or statement_pdf_bytes(statement)
    except QualbridgeError as exc:  # e.g. the server lacks the statement's fonts: say so, keep the JSON
        return HttpResponse(str(exc), status=503, content_type="text/plain; charset=utf-8")
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{case.reference}.pdf"'
    return response


@require_GET
def status_list(request: HttpRequest, office: str) -> JsonResponse:
    """The office's signed revocation status list (public: verifiers fetch it)."""
    found = get_object_or_404(Office, slug=office)
    response = JsonResponse(signed_status_list(found), json_dumps_params={"ensure_ascii": False})
    response["Cache-Control"] = "max-age=60"
    return response
