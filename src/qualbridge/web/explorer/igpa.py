"""The transcript report: a whole transcript on a common scale with its method, as a page and a PDF.

Admissions offices file a one-page summary of a foreign transcript (WES calls theirs an iGPA
report). The conversion is the core's (:func:`qualbridge.grades.transcript.convert_rows`, through the
converter page's own reader), so the report, the converter page, the CLI and the API never disagree.
This module only decides how the answer is *shown*: a course that converts to a band keeps the band
(never its midpoint), and the average is written no more finely than the target scale writes its
grades, cut towards the worse end so the report never flatters the applicant.
"""

from __future__ import annotations

import math
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from qualbridge.errors import QualbridgeError
from qualbridge.grades.scales import Scale, get_scale
from qualbridge.grades.transcript import CourseResult
from qualbridge.web.explorer.forms import TranscriptForm
from qualbridge.web.explorer.tools import _transcript


def decimals(scale: Scale) -> int:
    """How many decimals the scale's own numbers are written with (anchors and grade labels)."""
    numbers = [scale.best, scale.lowest_pass, scale.worst]
    for lab in scale.model.labels:
        numbers += [x for x in (lab.value, lab.min, lab.max) if x is not None]
    places = 0
    for x in numbers:
        text = f"{x:.6f}".rstrip("0")
        places = max(places, len(text.split(".")[1]) if "." in text else 0)
    return places


def written(scale: Scale, value: float) -> str:
    """``value`` with the scale's decimals, cut towards the worse grade (a pass stays a pass: the lowest
    pass is itself written with these decimals, so cutting never goes below it)."""
    places = decimals(scale)
    factor = 10**places
    scaled = round(value * factor, 6)
    cut = math.floor(scaled) if scale.higher_is_better else math.ceil(scaled)
    return f"{cut / factor:.{places}f}"


#: the methods whose answer is a band of the target scale, not a point on it
BAND_METHODS = frozenset({"table", "band", "percentile"})


def shown_grade(scale: Scale, course: CourseResult, method: str) -> dict[str, Any]:
    """The converted grade as the report writes it: a method that answers with a band keeps the band
    (min–max, never its midpoint); a method that computes a value shows the value in the scale's
    decimals, with its label."""
    label = scale.label(course.label) if course.label else None
    if method in BAND_METHODS and label is not None and label.min is not None and label.max is not None:
        low, high = sorted((label.min, label.max))
        return {"label": course.label, "range": (written(scale, low), written(scale, high))}
    return {"label": course.label, "value": written(scale, course.value)}


def igpa_report(request: HttpRequest) -> HttpResponse:
    """The form (GET) and the report (POST); ``format=pdf`` returns the same report as a PDF.

    Every bad input (no file, an unreadable CSV, an unknown scale) is answered on the page with status
    400, so a script or a person sees at once that nothing was converted."""
    posted = request.method == "POST"
    form = TranscriptForm(request.POST if posted else None, request.FILES if posted else None, prefix="t")
    context: dict[str, Any] = {"form": form}
    if not posted:
        return render(request, "explorer/igpa.html", context)
    if not form.is_valid():
        return render(request, "explorer/igpa.html", context, status=400)
    try:
        context.update(_transcript(form.cleaned_data))
    except QualbridgeError as exc:
        context["error"] = str(exc)
        return render(request, "explorer/igpa.html", context, status=400)
    summary = context["summary"]
    if not summary.converted:
        context["error"] = _(
            "No course in the transcript could be converted; see the rows below and fix them."
        )
        return render(request, "explorer/igpa.html", context, status=400)
    target = get_scale(summary.to_scale)
    context["rows"] = [(c, shown_grade(target, c, summary.method)) for c in context["courses"]]
    context["average"] = written(target, summary.average) if summary.average is not None else None
    context["decimals"] = decimals(target)
    if request.POST.get("format") != "pdf":
        return render(request, "explorer/igpa.html", context)
    from weasyprint import HTML  # only the PDF needs the renderer

    html = render_to_string("explorer/igpa_pdf.html", context, request=request)
    pdf = HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = 'inline; filename="qualbridge-transcript-report.pdf"'
    return response
