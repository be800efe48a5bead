"""``/cases/analytics/`` (staff of an office) and its CSV export."""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Callable

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from qualbridge.analytics.consistency import Decided, outliers, tally
from qualbridge.web.accounts.models import User
from qualbridge.web.cases.errors import Forbidden
from qualbridge.web.cases.models import Case, Decision, Purpose, State
from qualbridge.web.cases.permissions import is_staff

BY: dict[str, Callable[[Decided], str]] = {
    "country": lambda d: d.country,
    "qualification_type": lambda d: d.qualification_type or "—",
    "purpose": lambda d: d.purpose,
    "evaluator": lambda d: d.evaluator,
    "month": lambda d: d.month,
}


def decided_records(user: User) -> list[Decided]:
    """One record per credential of each decided case of the user's office."""
    cases = (
        Case.objects.filter(office_id=user.office_id, state=State.DECIDED)
        .select_related("drafted_by")
        .prefetch_related("credentials")
        .order_by("decided_at", "pk")
    )
    return [
        Decided(
            reference=case.reference,
            qualification_type=credential.qualification_type,
            country=credential.country,
            purpose=case.purpose,
            decision=case.decision,
            evaluator=case.drafted_by.username if case.drafted_by else "—",
            month=case.decided_at.strftime("%Y-%m") if case.decided_at else "—",
        )
        for case in cases
        for credential in case.credentials.all()
    ]


def _staff(request: HttpRequest) -> User:
    user: User = request.user  # type: ignore[assignment]
    if not is_staff(user):
        raise Forbidden(_("Only the staff of an office see its analytics."))
    return user


#: one colour per decision, in the order of :class:`Decision` (safe for the common colour blindnesses)
PALETTE = ("#1b7f3b", "#1f5fbf", "#7a3fb0", "#c26a00", "#b8860b", "#c0392b", "#555555")
BAR_WIDTH = 300


def _colours() -> dict[str, str]:
    return {d: PALETTE[i % len(PALETTE)] for i, d in enumerate(Decision.values)}


def _bars(counts: dict[str, Counter[str]]) -> list[dict[str, object]]:
    """Rows of the stacked bar chart: each value's decisions, scaled to the widest row."""
    widest = max((sum(c.values()) for c in counts.values()), default=1)
    colours = _colours()
    rows = []
    for label, c in counts.items():
        x, parts = 0.0, []
        for decision in Decision.values:
            if c[decision]:
                width = BAR_WIDTH * c[decision] / widest
                parts.append({"decision": decision, "count": c[decision], "x": round(x, 1),
                              "width": round(width, 1), "colour": colours[decision]})  # fmt: skip
                x += width
        rows.append({"label": label, "total": sum(c.values()), "parts": parts})
    return rows


@login_required
def page(request: HttpRequest) -> HttpResponse:
    user = _staff(request)
    records = decided_records(user)
    charts = [(key, _bars(tally(records, by))) for key, by in BY.items()]
    context = {
        "count": len(records),
        "charts": charts,
        "outliers": outliers(records),
        "decision_names": dict(Decision.choices),
        "purpose_names": dict(Purpose.choices),
        "legend": [(value, label, _colours()[value]) for value, label in Decision.choices],
    }
    return render(request, "analytics/page.html", context)


@login_required
def export(request: HttpRequest) -> HttpResponse:
    user = _staff(request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="qualbridge-decisions.csv"'
    records = decided_records(user)
    unusual = {o.case.reference: o for o in outliers(records)}
    writer = csv.writer(response)
    writer.writerow(["reference", "country", "qualification_type", "purpose", "decision", "evaluator", "month",
                     "unlike_precedents", "usual_decision"])  # fmt: skip
    for r in records:
        odd = unusual.get(r.reference)
        writer.writerow([r.reference, r.country, r.qualification_type, r.purpose, r.decision, r.evaluator, r.month,
                         "yes" if odd else "no", " ".join(odd.usual) if odd else ""])  # fmt: skip
    return response
