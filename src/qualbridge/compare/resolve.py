"""Turn what a user typed into the thing to compare: a qualification type or a framework level.

Accepted: a type id (``jp/gakushi``), a level id (``ie-nfq:8``), or a name in any language, script,
romanisation or abbreviation ("学士（工学）", "BSc Hons", "Meister"), optionally with the country it is
from. Names go through :func:`qualbridge.registry.search.search_qualifications`; when the best hits tie,
the user is told and shown every candidate (:class:`AmbiguousQualification`) — a tie is never broken
silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from qualbridge.errors import (
    AmbiguousQualification,
    NoMatch,
    QualbridgeError,
    UnknownCountry,
    UnknownLevel,
    UnknownQualification,
)
from qualbridge.registry.loader import Registry
from qualbridge.registry.models import pick
from qualbridge.registry.search import check_country, closest_types, search_qualifications

_TYPE_ID = re.compile(r"^[a-z]{2}(-[a-z0-9]+)?/[a-z0-9-]+$")
_LEVEL_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*:\S+$")


@dataclass(frozen=True, slots=True)
class Resolved:
    kind: Literal["qualification", "level"]
    id: str
    matched: str | None = None  # for a name: the name or alias it matched


def _level_ids(registry: Registry) -> dict[str, str]:
    return {level_id.lower(): level_id for level_id in registry.levels}


def _country(registry: Registry, country: str) -> str:
    """The upper-cased country code; an unknown one names the closest valid codes (or all of them)."""
    try:
        return check_country(registry, country)
    except UnknownCountry as exc:
        if exc.suggestions:
            raise
        known = sorted(c.lower() for c in registry.types_by_jurisdiction)
        error = UnknownCountry.__new__(UnknownCountry)
        error.value = country
        QualbridgeError.__init__(error, f"Unknown country {country!r}.", suggestions=known)
        raise error from None


def resolve(registry: Registry, query: str, country: str | None = None) -> Resolved:
    """Resolve ``query``; raise NoMatch, AmbiguousQualification, UnknownLevel, UnknownQualification
    or UnknownCountry with a message that names what would be valid."""
    text = query.strip()
    code = _country(registry, country) if country else None
    if not text:
        raise NoMatch("An empty query matches nothing: give a qualification name, a type id or a level id.")
    lowered = text.lower()
    if lowered in registry.qualifications:
        return Resolved("qualification", lowered)
    levels = registry.derive("compare-level-ids", _level_ids)
    if lowered in levels:
        return Resolved("level", levels[lowered])
    if _LEVEL_ID.match(lowered) and lowered.split(":")[0] in registry.frameworks:
        raise UnknownLevel(text, registry.levels)
    if _TYPE_ID.match(lowered):
        raise UnknownQualification(text, registry.qualifications)
    hits = search_qualifications(registry, text, country=code, limit=10)
    if not hits:
        where = f" in {code}" if code else ""
        near = [
            f"{h.type_id} ({pick(registry.qualifications[h.type_id].names)})"
            for h in closest_types(registry, text, code)
        ]
        # the words serve the CLI and the web alike, so they name no command-line flag
        narrow = "" if code else ", or give the qualification's country to narrow the search"
        raise NoMatch(
            f"No qualification type{where} is called {text!r}. Give a type id (e.g. jp/gakushi) "
            f"or a level id (e.g. ie-nfq:8){narrow}."
            + (" The closest real types are listed." if near else ""),
            suggestions=near,
        )
    top = hits[0].score
    tied = [h for h in hits if h.score == top]
    if len(tied) > 1:
        raise AmbiguousQualification(
            text,
            [
                (h.type_id, f"{pick(registry.qualifications[h.type_id].names)}; matched {h.matched!r}")
                for h in tied
            ],
        )
    return Resolved("qualification", hits[0].type_id, hits[0].matched)
