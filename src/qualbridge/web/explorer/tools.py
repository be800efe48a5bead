"""The public tools: the free estimate, statement verification and the grade, credit and transcript converters.

Each view reads a form, calls the same core function as the CLI and the API, and renders the answer
with everything that explains it. A core :class:`~qualbridge.errors.QualbridgeError` is shown beside
the form in words that name the bad value (never a 500); an ambiguous qualification name lists every
candidate to choose from.
"""

from __future__ import annotations

import csv
import io
from typing import Any
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from qualbridge import credits, grades
from qualbridge.compare import compare
from qualbridge.eligibility.answer import eligibility_overview
from qualbridge.errors import AmbiguousQualification, QualbridgeError
from qualbridge.grades.transcript import CourseResult, TranscriptSummary, convert_rows, read_csv
from qualbridge.registry import get_registry
from qualbridge.web.explorer import catalogue, evidence, plain, status, verification
from qualbridge.web.explorer.forms import CreditForm, EstimateForm, GradeForm, TranscriptForm, VerifyForm

SHOWN_COURSES = 200
OUTCOMES = {
    "comparable": lambda: _("Comparable"),
    "partially-comparable": lambda: _("Partially comparable"),
    "individual-assessment": lambda: _("Needs an individual assessment"),
}


# -- estimate ----------------------------------------------------------------------------------------


#: the estimate's fields; a link or form naming any of them is answered (an empty name is asked for,
#: never a reason to drop the other choices)
ESTIMATE_FIELDS = ("qualification", "type", "country", "purpose", "destination")


def estimate(request: HttpRequest) -> HttpResponse:
    asked = any(key in request.GET for key in ESTIMATE_FIELDS)
    data = request.GET.copy() if asked else None
    if data is not None:  # links from other pages name only the qualification
        if not data.get("qualification") and data.get("type"):
            data["qualification"] = data["type"]
        for key, default in (("purpose", "study"), ("destination", "eu-eqf")):
            if not data.get(key):
                data[key] = default
    form = EstimateForm(data)
    context: dict[str, Any] = {"form": form}
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        query = request.GET.get("type") or data["qualification"]
        try:
            result = compare(query, data["destination"], data["country"] or None)
        except AmbiguousQualification as exc:
            context["candidates"] = _candidates(exc)
        except QualbridgeError as exc:
            context["error"] = str(exc)
        else:
            registry = get_registry()
            kind, sure = plain.certainty(result)
            context.update(
                result=result,
                outcome=OUTCOMES[result.outcome.value](),
                answer=plain.answer(result),
                certainty_kind=kind,
                certainty=sure,
                side=plain.side_by_side(result, registry),
                target=registry.frameworks[result.target_framework],
                routes=sorted(result.routes, key=lambda r: (not r.best, -r.confidence))[:8],
                route_count=len(result.routes),
                suggestions=evidence.suggestions(result, data["purpose"]),
                purpose=evidence.PURPOSES[data["purpose"]],
                alignments=registry.alignments,
                apply_query=_apply_query(result, data),
            )
            if result.source.kind == "qualification" and result.target_framework == "jp-jeqf":
                # h13: admission eligibility under Japanese law beside the comparison (one core function)
                context["eligibility"] = eligibility_overview(registry, result.source.id)
    return render(request, "explorer/estimate.html", context)


def _apply_query(result: Any, data: dict[str, Any]) -> str:
    """The estimate's choices carried to the application form (``cases.forms.NewCaseForm.initial_from``)."""
    if result.source.kind != "qualification":
        return ""
    country = data["country"] or result.source.id.split("/", 1)[0]
    return urlencode(
        {
            "type": result.source.id,
            "country": country.upper(),
            "purpose": data["purpose"],
            "qualification": data["qualification"] if data["qualification"] != result.source.id else "",
        }
    )


def _candidates(exc: AmbiguousQualification) -> list[dict[str, Any]]:
    registry = get_registry()
    out = []
    for type_id, _text in exc.candidates:
        qt = registry.qualifications.get(type_id)
        if qt is not None:
            out.append({"id": type_id, "names": qt.names, "levels": [p.level for p in qt.placements]})
    return out


def estimate_search(request: HttpRequest) -> HttpResponse:
    """The suggestions under the qualification field (fetched as the visitor types)."""
    text = request.GET.get("qualification", "").strip()[:200]
    country = request.GET.get("country") or None
    rows: list[dict[str, Any]] = []
    error = None
    if len(text) >= 2:
        try:
            rows = catalogue.find_qualifications(text, country, limit=8)
        except QualbridgeError as exc:
            error = str(exc)
    return render(request, "explorer/_suggestions.html", {"rows": rows, "error": error, "text": text})


# -- verify ------------------------------------------------------------------------------------------


def _read(form: VerifyForm, text_field: str, file_field: str) -> str | bytes:
    upload = form.cleaned_data.get(file_field)
    if upload is not None:
        return upload.read()
    return str(form.cleaned_data.get(text_field) or "")


def verify(request: HttpRequest) -> HttpResponse:
    context: dict[str, Any] = {}
    if request.method == "POST":
        form = VerifyForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                doc = verification.parse_statement(_read(form, "statement", "statement_file"))
                lists_text = _read(form, "status_list", "status_list_file")
                lists = [verification.parse_statement(lists_text)] if lists_text.strip() else []
            except ValueError as exc:
                form.add_error(None, str(exc))
            else:
                context["result"] = verification.verify(doc, lists)
    else:
        form = VerifyForm()
        ref = request.GET.get("id", "").strip()
        if ref:
            doc = status.published_statement(ref[:500])
            if doc is None:
                context["error"] = _("No statement with this reference is published here: %(ref)s") % {
                    "ref": ref[:500]
                }
            else:
                context["result"] = verification.verify(doc)
    context["form"] = form
    if "result" in context:
        state = context["result"].state
        context["good"] = verification.STATES[state][1]
    return render(request, "explorer/verify.html", context)


# -- convert -----------------------------------------------------------------------------------------


def convert(request: HttpRequest) -> HttpResponse:
    tool = request.GET.get("tool") or request.POST.get("tool") or ""
    grade_form = GradeForm(request.GET if tool == "grade" else None, prefix="g")
    credit_form = CreditForm(request.GET if tool == "credit" else None, prefix="c")
    transcript_form = TranscriptForm(
        request.POST if tool == "transcript" and request.method == "POST" else None,
        request.FILES if tool == "transcript" and request.method == "POST" else None,
        prefix="t",
    )
    context: dict[str, Any] = {
        "grade_form": grade_form,
        "credit_form": credit_form,
        "transcript_form": transcript_form,
    }
    try:
        if grade_form.is_bound and grade_form.is_valid():
            d = grade_form.cleaned_data
            context["grade"] = grades.convert(d["value"], d["from_scale"], d["to_scale"], d["method"] or None)
        if credit_form.is_bound and credit_form.is_valid():
            d = credit_form.cleaned_data
            context["credit"] = credits.convert(float(d["amount"]), d["from_system"], d["to_system"])
        if transcript_form.is_bound and transcript_form.is_valid():
            context.update(_transcript(transcript_form.cleaned_data))
    except QualbridgeError as exc:
        context["error"] = str(exc)
        context["error_tool"] = tool
    context["tool"] = tool
    return render(request, "explorer/convert.html", context)


def _transcript(data: dict[str, Any]) -> dict[str, Any]:
    raw = data["transcript"].read()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise QualbridgeError(_("The transcript is not a UTF-8 text file (CSV).")) from None
    if data["credit_system"]:
        credits.convert(0, data["credit_system"], data["to_credits"])  # unknown systems fail first
    summary = TranscriptSummary(data["from_scale"], data["to_scale"], "")
    courses: list[CourseResult] = []
    try:
        rows, line_of = read_csv(io.StringIO(text, newline=""))
        for item in convert_rows(
            rows, data["from_scale"], data["to_scale"], summary=summary, line_of=line_of
        ):
            if isinstance(item, CourseResult) and len(courses) < SHOWN_COURSES:
                courses.append(item)
    except csv.Error as exc:  # e.g. a field longer than the csv module's limit
        raise QualbridgeError(
            _(
                "The transcript is not a readable CSV file: %(error)s. Give one course per line: name, credits, grade."
            )
            % {"error": exc}
        ) from None
    credit = None
    if data["credit_system"]:
        credit = {
            "total": credits.convert(summary.total_credits, data["credit_system"], data["to_credits"]),
            "earned": credits.convert(summary.earned_credits, data["credit_system"], data["to_credits"]),
        }
    example = None
    if courses:
        example = grades.convert(courses[0].grade, summary.from_scale, summary.to_scale, summary.method)
    return {"summary": summary, "courses": courses, "transcript_credits": credit, "example": example}
