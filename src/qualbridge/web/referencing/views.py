"""The referencing page: GET shows the paste form, POST shows the suggestion with its picture.

Nothing pasted is stored: the suggestion is computed in the request and shown once. The form carries
Django's CSRF token; a bad paste is answered on the same page with the problem named.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from qualbridge.referencing import described, suggest
from qualbridge.referencing.picture import Wording
from qualbridge.referencing.picture import render as render_picture
from qualbridge.registry.loader import get_registry
from qualbridge.registry.models import pick
from qualbridge.web.i18n import visitor_lang
from qualbridge.web.referencing.forms import PasteForm


def _references() -> list[tuple[str, str]]:
    """Frameworks with descriptors for at least half their levels, EQF first."""
    out = []
    for fw in get_registry().frameworks.values():
        have = len(described(fw).levels)
        if have >= 2 and have * 2 >= len(fw.levels):
            out.append((fw.id, f"{fw.abbreviation} — {pick(fw.names, visitor_lang())}"))
    return sorted(out, key=lambda item: (item[0] != "eu-eqf", item[0]))


def index(request: HttpRequest) -> HttpResponse:
    references = _references()
    form = PasteForm(request.POST or None, references=references)
    context: dict[str, object] = {"form": form}
    if request.method == "POST" and form.is_valid():
        lang = visitor_lang()
        ref_fw = get_registry().framework(form.cleaned_data["reference"])
        result = suggest(form.cleaned_data["descriptors"], described(ref_fw))
        wording = Wording(
            title=_("Suggested correspondence of levels"),
            level=_("Level"),
            strength={"strong": _("strong"), "moderate": _("moderate"), "weak": _("weak")},
            similarity=_("similarity"),
        )
        picture = render_picture(result, [lv.notation for lv in ref_fw.levels], wording)
        context.update(
            result=result,
            reference=ref_fw,
            rows=[
                {
                    "level": lv,
                    "strength": lv.strength_text.text(lang),
                    "warnings": [w.text(lang) for w in lv.warnings],
                }
                for lv in result.levels
            ],
            caveats=[c.text(lang) for c in result.caveats],
            picture=mark_safe(picture),  # every text in the picture is escaped in referencing.picture
        )
    status = 400 if request.method == "POST" and not form.is_valid() else 200
    return render(request, "referencing/index.html", context, status=status)
