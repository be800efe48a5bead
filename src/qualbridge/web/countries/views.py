"""The country pages: the list, one profile with its education-system picture, and the PDF brief."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from qualbridge.errors import UnknownCountry
from qualbridge.profiles.country import CountryProfile, country_profile, summaries
from qualbridge.profiles.ladder import LadderWording, render_ladder
from qualbridge.registry.models import pick
from qualbridge.web.i18n import visitor_lang


def index(request: HttpRequest) -> HttpResponse:
    lang = visitor_lang()
    rows = sorted(summaries(), key=lambda s: pick(s.names, lang))
    return render(request, "countries/index.html", {"rows": rows})


def _ladder(profile: CountryProfile) -> str:
    wording = LadderWording(
        lang=visitor_lang(),
        title=_("Education system of {country}: qualifications by years of schooling"),
        axis=_("years of schooling"),
        unverified=_("years of schooling not confirmed by a source"),
        leads_to=_("gives access to"),
        profiles=(
            ("general", _("general")),
            ("vocational", _("vocational")),
            ("academic", _("academic")),
            ("professional", _("professional")),
            ("", _("other")),
        ),
    )
    return render_ladder(profile, wording)


def _context(code: str) -> dict[str, object]:
    profile = country_profile(code)
    compared = {c.type_id: c for c in profile.comparisons}
    stages = [{"stage": s, "jeqf": compared.get(s.id)} for s in profile.stages]
    return {
        "profile": profile,
        "name": pick(profile.names, visitor_lang()),
        "stages": stages,
        "unplaced": [s for s in profile.stages if s.years_of_schooling is None],
        "ladder": mark_safe(_ladder(profile)),  # every part escaped in profiles.ladder
    }


def detail(request: HttpRequest, code: str) -> HttpResponse:
    try:
        context = _context(code)
    except UnknownCountry as exc:
        return render(request, "countries/unknown.html", {"message": str(exc)}, status=404)
    return render(request, "countries/detail.html", context)


def brief(request: HttpRequest, code: str) -> HttpResponse:
    """The country brief as a PDF (the same content as the page, laid out for print)."""
    try:
        context = _context(code)
    except UnknownCountry as exc:
        return render(request, "countries/unknown.html", {"message": str(exc)}, status=404)
    from weasyprint import HTML  # only the PDF needs the renderer

    html = render_to_string("countries/brief.html", context, request=request)
    pdf = HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()
    response = HttpResponse(pdf, content_type="application/pdf")
    cc = context["profile"].country.lower()  # type: ignore[attr-defined]
    response["Content-Disposition"] = f'inline; filename="qualbridge-country-brief-{cc}.pdf"'
    return response
