"""The estimate page's advice on evidence, worded in the visitor's language.

The advice itself is the core's (:func:`qualbridge.compare.hints.evidence_hints`: coded hints read off
the comparison's codes); this shell only names the purposes of recognition for the form and asks the
core's message catalogue for the words.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy

from qualbridge.compare.hints import evidence_hints
from qualbridge.compare.model import Comparison
from qualbridge.web.i18n import visitor_lang

PURPOSES = {
    "study": gettext_lazy("Further study"),
    "employment": gettext_lazy("Employment"),
    "profession": gettext_lazy("Professional practice (regulated profession)"),
}


def suggestions(result: Comparison, purpose: str | None = None) -> list[str]:
    """Plain sentences: what a visitor could provide or ask for, most telling first."""
    return [hint.text(visitor_lang()) for hint in evidence_hints(result, purpose)]
