"""Intake checks of a credential against the registry: country, qualification type, institution.

An application names the awarding country (by name in English or Japanese, or its ISO 3166-1 code; the
code is stored), the qualification type (by name, or an id of that country's types in the registry, or
none: then the title alone is assessed individually; the id is stored) and
the institution, which is matched against the institution registry and stored with the id it
matched, or marked unmatched. The forms offer the same choices (a searchable list) and the actions
check them again server side, so a crafted request cannot store "ZZ" or an unknown id.
"""

from __future__ import annotations

import gettext
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import Any

import pycountry
from django.utils.translation import gettext as _

from qualbridge.errors import QualbridgeError
from qualbridge.registry import get_registry
from qualbridge.registry.models import pick
from qualbridge.registry.search import search_qualifications
from qualbridge.web.cases.errors import InvalidTransition
from qualbridge.web.i18n import visitor_lang
from qualbridge.web.jobs.institutions import shared_institutions

#: a search score this high is the name itself (spacing, dots or a bracketed field aside)
CLEAR_MATCH = 98.0


@dataclass(frozen=True)
class Choice:
    value: str
    label: str


def _japanese_country_names() -> Any:
    try:
        return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ja"]).gettext
    except OSError:  # pycountry without its translations: English names only
        return lambda name: name


@cache
def _country_names() -> dict[str, str]:
    """Every way a person may name a country (code, English, Japanese, the registry's names) -> code."""
    ja = _japanese_country_names()
    names: dict[str, str] = {}
    for country in pycountry.countries:
        code = country.alpha_2
        for name in (
            code,
            country.name,
            getattr(country, "common_name", ""),
            getattr(country, "official_name", ""),
        ):
            if name:
                names[_key(name)] = code
                names[_key(ja(name))] = code
    for code, file in get_registry().qualification_files.items():
        if len(code) == 2:
            for name in file.names.values():
                names.setdefault(_key(name), code)
    return names


def _key(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def country_name(code: str, lang: str | None = None) -> str:
    """The country's name in the visitor's language (Japanese from pycountry's ISO 3166 translations)."""
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return code
    name = getattr(country, "common_name", "") or country.name
    return str(_japanese_country_names()(name)) if (lang or visitor_lang()) == "ja" else name


def country_choices() -> list[Choice]:
    """Every ISO 3166-1 country by name, those the registry has qualification types for first."""
    known = set(get_registry().types_by_jurisdiction)
    countries = sorted(pycountry.countries, key=lambda c: (c.alpha_2 not in known, country_name(c.alpha_2)))
    return [Choice(country_name(c.alpha_2), c.alpha_2) for c in countries]


def qualification_name(type_id: str) -> str:
    """A type's name as the form shows it (the visitor's language); the id when the registry lacks it."""
    qt = get_registry().qualifications.get(type_id)
    return pick(qt.names, visitor_lang()) if qt is not None else type_id


def qualification_choices() -> list[Choice]:
    """Every type by name, with its other name and its country beside it."""
    registry = get_registry()
    lang = visitor_lang()
    out = []
    for code, types in registry.types_by_jurisdiction.items():
        where = country_name(code) if len(code) == 2 else code
        for type_id in types:
            names = registry.qualifications[type_id].names
            shown = pick(names, lang)
            other = next((v for k, v in names.items() if v != shown and not k.endswith("-Latn")), "")
            out.append(Choice(shown, f"{other} · {where}" if other else where))
    return out


def check_country(raw: str) -> str:
    """The ISO 3166-1 code of a country given by code or by name (English, Japanese, the registry's)."""
    code = _country_names().get(_key(raw)) if raw.strip() else None
    if code is None:
        raise InvalidTransition(
            _("%(c)s is not a country: choose it from the list by name (for example Japan, 日本 or JP).")
            % {"c": repr(raw[:40])}
        )
    return code


def _names_of(type_id: str) -> set[str]:
    qt = get_registry().qualifications[type_id]
    return {_key(n) for n in (type_id, *qt.names.values(), *qt.abbreviations, *qt.aliases)}


def check_qualification(raw: str, country: str) -> str:
    """A qualification type of ``country`` named by id or by name, or "" (assessed individually)."""
    text = raw.strip()
    if not text:
        return ""
    registry = get_registry()
    types = registry.types_by_jurisdiction.get(country, [])
    wanted = _key(text)
    exact = [t for t in types if wanted in _names_of(t)]
    if len(exact) == 1:
        return exact[0]
    if not exact and types:
        try:
            hits = search_qualifications(registry, text, country=country, limit=5)
        except QualbridgeError:
            hits = []
        if hits and hits[0].score >= CLEAR_MATCH and (len(hits) == 1 or hits[1].score < hits[0].score):
            return hits[0].type_id
        exact = [h.type_id for h in hits]
    shown = ", ".join(qualification_name(t) for t in (exact or types)[:8])
    if len(exact or types) > 8:
        shown += ", ..."
    raise InvalidTransition(
        _(
            "%(q)s is not a qualification type of %(c)s in the registry; choose one from the list "
            "(%(valid)s) or leave it empty to have the title assessed individually."
        )
        % {"q": repr(raw[:80]), "c": country, "valid": shown or _("none recorded yet")}
    )


def match_institution(name: str, country: str) -> str:
    """The institution registry's id for ``name`` in ``country``, or "" (unmatched)."""
    try:
        result = shared_institutions().match(name, country=country)
    except QualbridgeError:
        return ""
    return result.best.id if result.best is not None and not result.ambiguous else ""
