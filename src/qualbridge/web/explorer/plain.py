"""The estimate in plain words: the answer as a sentence, how sure it is in words, and the visitor's
qualification side by side with the comparable one.

A person who is not an evaluator reads "Possibly comparable to 学士 (Bachelor's degree), JEQF level 6;
the evidence is weak." and "Not sure: ...", not "partially-comparable · 38%" or level ids. The sentence is
the core's (``compare.summary.*``); the certainty is the core's ``compare.certainty.*`` verdict worded
without its number (``applicant.certainty.*`` in the core's catalogue); the side-by-side rows are read
from the registry's facts about both types (levels, ISCED, length, credits, profile, what they lead
on to). Nothing here judges anything: a row the data leaves empty says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from qualbridge import messages
from qualbridge.compare.model import Comparison
from qualbridge.credits import load_systems
from qualbridge.registry import Registry
from qualbridge.registry.models import QualificationType, pick
from qualbridge.web.explorer.templatetags.explorer_tags import langname
from qualbridge.web.i18n import visitor_lang

ISCED = "isced-2011"
#: the plain verdict of each certainty code of the core (the number is left out on purpose)
CERTAINTY = {
    "compare.certainty.confident-placement": "applicant.certainty.confident",
    "compare.certainty.confident-referencing": "applicant.certainty.confident",
    "compare.certainty.confident-statement": "applicant.certainty.confident",
    "compare.certainty.probable-via": "applicant.certainty.probable-via",
    "compare.certainty.probable-study": "applicant.certainty.probable-study",
    "compare.certainty.probable-unverified": "applicant.certainty.probable-unverified",
    "compare.certainty.weak": "applicant.certainty.weak",
    "compare.certainty.none": "applicant.certainty.none",
}


def answer(result: Comparison) -> str:
    """The answer in one sentence, in the visitor's language."""
    if result.summary is not None:
        return result.summary.text(visitor_lang())
    return messages.text("applicant.answer.none", visitor_lang())


def certainty(result: Comparison) -> tuple[str, str]:
    """(kind, sentence): how sure the estimate is, in words and without a bare number.

    ``kind`` is ``confident``, ``probable``, ``weak`` or ``none`` (for styling and tests).
    """
    code = result.certainty.code if result.certainty is not None else "compare.certainty.none"
    plain = CERTAINTY.get(code, "applicant.certainty.weak")
    kind = plain.rsplit(".", 1)[1].split("-", 1)[0]
    return kind, messages.text(plain, visitor_lang())


@dataclass(frozen=True)
class Row:
    label: str
    yours: str
    theirs: str


def counterpart(result: Comparison, registry: Registry) -> QualificationType | None:
    """The comparable qualification the answer sentence names, else the most similar one."""
    if not result.comparable_qualifications:
        return None
    params = result.summary.params if result.summary is not None else {}
    named = {str(params.get(k)) for k in ("local", "english", "name") if params.get(k)}
    chosen = next(
        (c for c in result.comparable_qualifications if named & set(c.names.values())),
        result.comparable_qualifications[0],
    )
    return registry.qualifications.get(chosen.type_id)


def _country(registry: Registry, qt: QualificationType) -> str:
    code = qt.id.split("/", 1)[0].upper()
    file = registry.qualification_files.get(code)
    return pick(file.names, visitor_lang()) if file is not None and file.names else code


def _level_name(registry: Registry, level_id: str) -> str:
    framework = registry.framework_of_level(level_id)
    _fw, level = registry.levels[level_id]
    label = langname(level.labels) or level.notation  # a label only in English is marked lang="en"
    return format_html(
        _("%(framework)s: %(level)s") % {"framework": "{}", "level": "{}"}, framework.abbreviation, label
    )


def _levels(registry: Registry, qt: QualificationType, own: bool) -> str:
    """The type's levels in frameworks of its own country (``own``) or in ISCED 2011."""
    country = qt.id.split("/", 1)[0].upper()
    shown = []
    for placement in qt.placements:
        if placement.level not in registry.levels:
            continue
        framework = registry.framework_of_level(placement.level)
        if (framework.id == ISCED) == own:  # own: national frameworks only; else ISCED only
            continue
        if own and framework.jurisdiction.split("-")[0] != country:
            continue
        shown.append(_level_name(registry, placement.level))
    return mark_safe("; ".join(shown))  # each part escaped by format_html


def _years(qt: QualificationType) -> str:
    if qt.duration is None:
        return ""
    low, high = qt.duration.min_years, qt.duration.max_years
    if low == high:
        return messages.text("applicant.years.fixed", visitor_lang(), years=f"{low:g}")
    return messages.text("applicant.years.range", visitor_lang(), low=f"{low:g}", high=f"{high:g}")


def _credits(qt: QualificationType) -> str:
    if qt.credits is None:
        return ""
    system = load_systems().get(qt.credits.system)
    unit = pick(system.names, visitor_lang()) if system is not None else qt.credits.system
    amount = f"{qt.credits.amount:g}"
    if qt.credits.max_amount is not None:
        amount = f"{amount}–{qt.credits.max_amount:g}"
    code = "applicant.credits.minimum" if qt.credits.minimum else "applicant.credits.amount"
    return messages.text(code, visitor_lang(), amount=amount, unit=unit)


PROFILES = {
    "general": lambda: _("general education"),
    "academic": lambda: _("academic"),
    "professional": lambda: _("professional"),
    "vocational": lambda: _("vocational"),
}


def _profile(qt: QualificationType) -> str:
    return PROFILES[qt.profile.value]() if qt.profile is not None else ""


def _leads_to(registry: Registry, qt: QualificationType) -> str:
    names = []
    for target in qt.access_to[:4]:
        other = registry.qualifications.get(target)
        names.append(langname(other.names) if other is not None else "")
    return mark_safe(", ".join(n for n in names if n))  # each name escaped by langname


def side_by_side(result: Comparison, registry: Registry) -> dict[str, Any] | None:
    """The visitor's qualification and the comparable one, fact by fact (None without a counterpart)."""
    if result.source.kind != "qualification" or result.source.id not in registry.qualifications:
        return None
    theirs = counterpart(result, registry)
    if theirs is None or theirs.id == result.source.id:
        return None
    yours = registry.qualifications[result.source.id]
    unknown = _("not in the data")
    facts = (
        (_("Country"), lambda q: _country(registry, q)),
        (_("Level in its own country's framework"), lambda q: _levels(registry, q, own=True)),
        (_("Level in ISCED 2011 (UNESCO)"), lambda q: _levels(registry, q, own=False)),
        (_("Usual length of full-time study"), _years),
        (_("Credits"), _credits),
        (_("Profile"), _profile),
        (_("Leads on to"), lambda q: _leads_to(registry, q)),
    )
    rows = [Row(str(label), fact(yours) or unknown, fact(theirs) or unknown) for label, fact in facts]
    return {"yours": yours, "theirs": theirs, "rows": rows}
