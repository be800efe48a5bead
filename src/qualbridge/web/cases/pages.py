"""What the applicant's and the staff's case pages share: running an action and reporting back."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from qualbridge.errors import QualbridgeError
from qualbridge.web.cases.models import ASSESSING, Case, State

OPEN_STATES = (State.SUBMITTED, State.AWAITING_DOCUMENTS, *ASSESSING, State.PENDING_APPROVAL)


def back(case: Case) -> HttpResponse:
    return redirect("cases:detail", pk=case.pk)


def run(request: HttpRequest, case: Case, change: Callable[[], Any], done: str) -> HttpResponse:
    """Apply one action; a refusal becomes an error message on the case page."""
    try:
        change()
    except QualbridgeError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, done)
    return back(case)


def is_id(text: str) -> bool:
    """A database id as sent by a form: ASCII digits that fit a 64-bit integer."""
    return text.isascii() and text.isdigit() and len(text) <= 18


def form_errors(request: HttpRequest, form: Any) -> None:
    for field, errors in form.errors.items():
        label = form.fields[field].label if field in form.fields else ""
        for error in errors:
            messages.error(request, f"{label}: {error}" if label else str(error))
