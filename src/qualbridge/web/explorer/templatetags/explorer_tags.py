"""Template filters of the public pages: names in the visitor's language, romanisations, percentages."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from qualbridge.web.explorer import catalogue
from qualbridge.web.i18n import visitor_lang

register = template.Library()


@register.filter
def pickname(names: Any) -> str:
    """``{"ja": "学士", "en": "Bachelor's degree"}`` -> the name in the visitor's language."""
    return catalogue.name(names) if isinstance(names, dict) and names else ""


@register.filter
def othername(names: Any) -> str:
    """The name in the other of Japanese/English (or the original language), when it differs."""
    if not isinstance(names, dict):
        return ""
    shown = catalogue.name(names)
    for key in ("en", "ja") if visitor_lang() == "ja" else ("ja", "zh", "ko", "de", "fr", "nl"):
        if names.get(key) and names[key] != shown:
            return names[key]
    return next((v for k, v in names.items() if v != shown and not k.endswith("-Latn") and k != "en"), "")


@register.filter
def romaji(names: Any) -> str:
    return catalogue.romanised(names) if isinstance(names, dict) else ""


@register.filter
def pct(value: Any) -> str:
    """0.86 -> "86%"."""
    try:
        return f"{float(value) * 100:.0f}%"
    except (TypeError, ValueError):
        return ""


@register.filter
def get(mapping: Any, key: Any) -> Any:
    return mapping.get(key) if isinstance(mapping, dict) else None


@register.filter
def matchname(match: Any) -> str:
    """A SKOS match type in the visitor's language (``exactMatch`` -> "exact match")."""
    from qualbridge.web.explorer.picture import match_label

    return match_label(str(match))


TIERS = {
    "direct": gettext_lazy("direct"),
    "isced": gettext_lazy("through ISCED 2011"),
    "one intermediate framework": gettext_lazy("one intermediate framework"),
}
EVIDENCE = {
    "identity": gettext_lazy("same framework"),
    "placement": gettext_lazy("placement"),
    "referencing": gettext_lazy("referencing decision"),
    "self-certification": gettext_lazy("self-certification"),
    "comparability-study": gettext_lazy("comparability study"),
    "isced-placement": gettext_lazy("ISCED placement"),
}


@register.filter
def tiername(tier: Any) -> str:
    text = str(tier)
    if text in TIERS:
        return str(TIERS[text])
    count = text.split(" ", 1)[0]
    if count.isdigit():
        return _("%(n)s intermediate frameworks") % {"n": count}
    return text


@register.filter
def evidencekind(kind: Any) -> str:
    return str(EVIDENCE.get(str(kind), kind))


@register.filter
def words(coded: Any) -> str:
    """A coded core sentence (a caveat, a confidence factor) in the visitor's language."""
    return coded.text(visitor_lang()) if hasattr(coded, "text") and hasattr(coded, "code") else ""
