"""Intake checks of a credential against the registry: country, qualification type, institution.

An application names the awarding country (an ISO 3166-1 code), the qualification type (an id of
that country's types in the registry, or none: then the title alone is assessed individually) and
the institution, which is matched against the institution registry and stored with the id it
matched, or marked unmatched. The forms offer the same choices (a searchable list) and the actions
check them again server side, so a crafted request cannot store "ZZ" or an unknown id.
"""

from __future__ import annotations

from dataclasses import dataclass

import pycountry
from django.utils.translation import gettext as _

from qualbridge.errors import QualbridgeError
from qualbridge.registry import get_registry
from qualbridge.registry.models import pick
from qualbridge.web.cases.errors import InvalidTransition
from qualbridge.web.jobs.institutions import shared_institutions


@dataclass(frozen=True)
class Choice:
    value: str
    label: str


def country_choices() -> list[Choice]:
    """Every ISO 3166-1 country, those the registry has qualification types for first."""
    known = set(get_registry().types_by_jurisdiction)
    countries = sorted(pycountry.countries, key=lambda c: (c.alpha_2 not in known, c.name))
    return [Choice(c.alpha_2, f"{c.alpha_2} — {c.name}") for c in countries]


def qualification_choices() -> list[Choice]:
    registry = get_registry()
    return [
        Choice(type_id, f"{type_id} — {pick(registry.qualifications[type_id].names)}")
        for types in registry.types_by_jurisdiction.values()
        for type_id in types
    ]


def check_country(raw: str) -> str:
    code = raw.strip().upper()
    if len(code) != 2 or pycountry.countries.get(alpha_2=code) is None:
        raise InvalidTransition(
            _("%(c)s is not a country: choose one from the list (an ISO 3166-1 code such as JP, GB, US).")
            % {"c": repr(raw[:20])}
        )
    return code


def check_qualification(raw: str, country: str) -> str:
    """A qualification-type id of ``country`` in the registry, or "" (assessed individually)."""
    type_id = raw.strip().lower()
    if not type_id:
        return ""
    types = get_registry().types_by_jurisdiction.get(country, [])
    if type_id not in types:
        shown = ", ".join(types[:8]) + (", ..." if len(types) > 8 else "")
        raise InvalidTransition(
            _(
                "%(q)s is not a qualification type of %(c)s in the registry; choose one from the list "
                "(%(valid)s) or leave it empty to have the title assessed individually."
            )
            % {"q": repr(raw[:80]), "c": country, "valid": shown or _("none recorded yet")}
        )
    return type_id


def match_institution(name: str, country: str) -> str:
    """The institution registry's id for ``name`` in ``country``, or "" (unmatched)."""
    try:
        result = shared_institutions().match(name, country=country)
    except QualbridgeError:
        return ""
    return result.best.id if result.best is not None and not result.ambiguous else ""
