"""The public decision database (search and one record) and the staff's publish / withdraw buttons."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import F, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from qualbridge.errors import QualbridgeError
from qualbridge.registry import get_registry
from qualbridge.web.cases.models import Decision, Element, Purpose, State
from qualbridge.web.cases.permissions import case_for
from qualbridge.web.decisions import actions
from qualbridge.web.decisions.models import PublishedDecision

PAGE_SIZE = 25


def _current() -> QuerySet[PublishedDecision]:
    """Published records that still say what the case says: not revoked, not under or changed by appeal."""
    return (
        PublishedDecision.objects.filter(case__state=State.DECIDED, decision=F("case__decision"))
        .exclude(case__statements__revoked_at__isnull=False)
        .distinct()
    )


def _filters(request: HttpRequest) -> tuple[dict[str, str], list[str]]:
    """The search fields as given, and a readable problem for each value that is not a valid choice."""
    wanted = {k: request.GET.get(k, "").strip() for k in ("country", "type", "purpose", "outcome")}
    problems = []
    if wanted["country"] and not (len(wanted["country"]) == 2 and wanted["country"].isalpha()):
        problems.append(_("Country must be a two-letter ISO code, such as JP or KR."))
    if wanted["type"] and wanted["type"].lower() not in get_registry().qualifications:
        problems.append(
            _("Unknown qualification type %(t)s: choose one from the list.") % {"t": wanted["type"]}
        )
    if wanted["purpose"] and wanted["purpose"] not in Purpose.values:
        problems.append(_("Unknown purpose: choose one from the list."))
    if wanted["outcome"] and wanted["outcome"] not in Decision.values:
        problems.append(_("Unknown outcome: choose one from the list."))
    return wanted, problems


def index(request: HttpRequest) -> HttpResponse:
    wanted, problems = _filters(request)
    found = _current()
    if not problems:
        if wanted["country"]:
            found = found.filter(countries__contains=f" {wanted['country'].upper()} ")
        if wanted["type"]:
            found = found.filter(types__contains=f" {wanted['type'].lower()} ")
        if wanted["purpose"]:
            found = found.filter(purpose=wanted["purpose"])
        if wanted["outcome"]:
            found = found.filter(decision=wanted["outcome"])
    else:
        found = found.none()
    page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "wanted": wanted,
        "problems": problems,
        "purposes": Purpose.choices,
        "outcomes": Decision.choices,
        "outcome_names": dict(Decision.choices),
    }
    return render(request, "decisions/index.html", context, status=400 if problems else 200)


def detail(request: HttpRequest, slug: str) -> HttpResponse:
    published = _current().filter(slug=slug).first()
    if published is None:
        raise Http404(_("No published decision with this address."))
    return render(
        request,
        "decisions/detail.html",
        {"record": published.record, "published": published, "purposes": dict(Purpose.choices),
         "outcomes": dict(Decision.choices), "elements": dict(Element.choices)},
    )  # fmt: skip


@login_required
@require_POST
def publish(request: HttpRequest, pk: int) -> HttpResponse:
    case = case_for(request.user, pk)  # type: ignore[arg-type]
    try:
        if request.POST.get("publish") == "1":
            actions.do_publish_decision(request.user, case)  # type: ignore[arg-type]
            messages.success(request, _("The decision is published, without personal data."))
        else:
            actions.do_unpublish_decision(request.user, case)  # type: ignore[arg-type]
            messages.success(request, _("The decision is no longer published."))
    except QualbridgeError as exc:
        messages.error(request, str(exc))
    return redirect("cases:detail", pk=case.pk)
