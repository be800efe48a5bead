"""The applicant's self-service pages (h16a): requirements before applying, withdrawing, removing a document.

The requirements pages are public (a person reads them before having an account); withdrawing and
removing a document are POSTs (CSRF-checked) by the case's applicant only, through the actions, and come
back to the case page with a message saying what happened or why not.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from qualbridge.errors import QualbridgeError
from qualbridge.web.cases import actions, permissions, requirements
from qualbridge.web.cases.models import Document
from qualbridge.web.cases.pages import run


@require_GET
def requirements_index(request: HttpRequest) -> HttpResponse:
    return render(request, "cases/requirements_index.html", {"policies": requirements.every_policy()})


@require_GET
def requirements_page(request: HttpRequest, policy_id: str) -> HttpResponse:
    try:
        context = requirements.policy_page(policy_id)
    except QualbridgeError:
        known = ", ".join(p["id"] for p in requirements.every_policy())
        message = _("No recognising body's rules are called %(id)s; the rules here are: %(known)s.") % {
            "id": policy_id[:80],
            "known": known,
        }
        return render(
            request,
            "cases/requirements_index.html",
            {"policies": requirements.every_policy(), "error": message},
            status=404,
        )
    return render(request, "cases/requirements.html", context)


@login_required
@require_POST
def withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    case = permissions.case_for(request.user, pk)
    reason = str(request.POST.get("reason", ""))
    return run(
        request,
        case,
        lambda: actions.do_withdraw(request.user, case, reason),
        _("Your application %(ref)s is withdrawn. It will not be assessed.") % {"ref": case.reference},
    )


@login_required
@require_POST
def remove_document(request: HttpRequest, pk: int, did: int) -> HttpResponse:
    case = permissions.case_for(request.user, pk)
    document = get_object_or_404(Document, pk=did, case=case)
    name = document.original_name
    return run(
        request,
        case,
        lambda: actions.do_remove_document(request.user, case, document),
        _("The document %(name)s was removed.") % {"name": name},
    )
