"""Template filters of the public pages: names in the visitor's language, romanisations, percentages."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from qualbridge.web.explorer import catalogue
from qualbridge.web.i18n import visitor_lang

register = template.Library()


@register.filter
def pickname(names: Any) -> str:
    """``{"ja": "学士", "en": "Bachelor's degree"}`` -> the name in the visitor's language; a name in
    another language (the data has none in the visitor's) comes marked with its ``lang`` (WCAG 3.1.2),
    so this is for element content (a select's options use :func:`catalogue.name`)."""
    return langname(names)


@register.filter
def othername(names: Any) -> str:
    """The name in the other of Japanese/English (or the original language), when it differs; marked
    with its ``lang`` when that is not the visitor's."""
    if not isinstance(names, dict):
        return ""
    shown = catalogue.name(names)
    keys = ("en", "ja") if visitor_lang() == "ja" else ("ja", "zh", "ko", "de", "fr", "nl")
    key = next((k for k in keys if names.get(k) and names[k] != shown), None)
    if key is None:
        key = next(
            (k for k, v in names.items() if v != shown and not k.endswith("-Latn") and k != "en"), None
        )
    if key is None:
        return ""
    if key == visitor_lang():
        return conditional_escape(names[key])
    return format_html('<span lang="{}">{}</span>', key, names[key])


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
    if not (hasattr(coded, "text") and hasattr(coded, "code")):
        return ""
    lang = visitor_lang()
    params = getattr(coded, "params", None)
    if lang == "en" or not isinstance(params, Mapping):
        return coded.text(lang)  # type: ignore[no-any-return]
    from qualbridge.messages import UnknownMessage, catalogue

    entry = catalogue(lang).get(str(coded.code))
    if entry is None or not entry.text or entry.fuzzy:
        return coded.text(lang)  # type: ignore[no-any-return]
    try:  # the sentence in the visitor's language; a parameter that is English text (a data note) marked
        marked = {
            k: marklang(v) if isinstance(v, str) and _PROSE.search(v) else conditional_escape(v)
            for k, v in params.items()
        }
        return mark_safe(conditional_escape(entry.text).format_map(marked))  # every part is escaped
    except (KeyError, IndexError, ValueError, UnknownMessage):
        return coded.text(lang)  # type: ignore[no-any-return]


def _picked_lang(names: dict[str, str]) -> tuple[str, str]:
    """(language key, text) of the name :func:`catalogue.name` shows."""
    shown = catalogue.name(names)
    key = next((k for k, v in names.items() if v == shown), "")
    return key, shown


@register.filter
def langname(names: Any) -> str:
    """The name in the visitor's language as :func:`pickname`; a name in another language (the data
    has no name in the visitor's) is marked with its ``lang`` (WCAG 3.1.2). For element content only:
    in an attribute or an ``<option>`` use :func:`pickname`."""
    if not isinstance(names, dict) or not names:
        return ""
    key, shown = _picked_lang(names)
    if not key or key == visitor_lang():
        return conditional_escape(shown)
    return format_html('<span lang="{}">{}</span>', key, shown)


_PROSE = re.compile(r"[A-Za-z]{2,}\s+[A-Za-z]{2,}")
_GLOSSED = re.compile(r"^(.*?)\s*\(([^()]+)\)$")


@register.filter
def marklang(text: Any, lang: str = "en") -> str:
    """Free text the data or an evaluator wrote in one language, marked with that language when it is
    not the visitor's: Japanese text (kana or kanji) is ``ja``, other text ``lang`` (default ``en``)."""
    from qualbridge.evaluate.decision import is_japanese

    value = "" if text is None else str(text)
    both = _GLOSSED.match(value)
    if both and is_japanese(both.group(1)) and not is_japanese(both.group(2)) and visitor_lang() == "ja":
        # "外務省 (Ministry of Foreign Affairs of Japan)": the English gloss is marked, the rest is Japanese
        return format_html('{} (<span lang="{}">{}</span>)', both.group(1), lang, both.group(2))
    written = "ja" if is_japanese(value) else lang
    if not value or written == visitor_lang():
        return conditional_escape(value)
    return format_html('<span lang="{}">{}</span>', written, value)


@register.filter
def methodname(method: Any) -> str:
    """A grade conversion method's name in the visitor's language (``grades.method.*`` codes)."""
    from qualbridge.messages import UnknownMessage, text

    try:
        return text(f"grades.method.{method}", visitor_lang())
    except UnknownMessage:
        return str(method)
