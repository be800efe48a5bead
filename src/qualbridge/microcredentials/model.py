"""The micro-credential record and the listing rules checked when one is read.

The fields follow the standard elements of the EU Council Recommendation of 16 June 2022 (Annex I:
title, country of the issuer, awarding body, learning outcomes, notional workload, level, type of
assessment, form of participation, type of quality assurance; stackability as an optional element)
and the NZQCF listing details (Qualification and Micro-credential Listing and Operational Rules 2022,
rule 6.1: title, credit value and level, outcome statement, developer, review period). A record that
breaks a rule is refused with :class:`InvalidMicroCredential`, which names the field's path.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from qualbridge.errors import QualbridgeError

#: NZQCF micro-credentials are "up to 40 credits" (NZQA, 2022 rules; the 2018 rule said 5-40)
NZQCF_MAX_CREDITS = 40.0
#: words rule 6.2(a) keeps out of a micro-credential's title
NZQCF_FORBIDDEN_TITLE_WORDS = (
    "new zealand", "national", "diploma", "degree", "bachelor", "master", "doctor",
    "under-graduate", "post-graduate",
)  # fmt: skip
PARTICIPATION = ("online", "onsite", "blended")
RULE_SETS = ("nzqcf", "eu-2022")


class InvalidMicroCredential(QualbridgeError):
    """A micro-credential that is incomplete or breaks a listing rule; ``path`` names the field."""

    code = "invalid-micro-credential"

    def __init__(self, path: str, message: str) -> None:
        self.path = path
        super().__init__(f"{path}: {message}")


@dataclass(frozen=True)
class MicroCredential:
    id: str
    title: str
    provider: str
    country: str  # ISO 3166-1 alpha-2 of the issuer
    credits: float | None
    credit_system: str | None
    level: str | None  # a framework level id, e.g. nz-nzqcf:5
    outcomes: tuple[str, ...] = ()
    assessment: str | None = None
    participation: str | None = None  # online | onsite | blended
    quality_assurance: str | None = None
    review_date: dt.date | None = None
    stacks_toward: tuple[str, ...] = ()  # qualification-type ids it counts toward
    listing: str = "listed"  # listed | equivalency-statement | unlisted
    verified: bool = True
    source_url: str | None = None
    consulted: dt.date | None = None

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "provider": self.provider,
            "country": self.country,
            "credits": self.credits,
            "credit_system": self.credit_system,
            "level": self.level,
            "outcomes": list(self.outcomes),
            "assessment": self.assessment,
            "participation": self.participation,
            "quality_assurance": self.quality_assurance,
            "review_date": self.review_date.isoformat() if self.review_date else None,
            "stacks_toward": list(self.stacks_toward),
            "listing": self.listing,
            "verified": self.verified,
            "source_url": self.source_url,
            "consulted": self.consulted.isoformat() if self.consulted else None,
        }


def _text(raw: Mapping[str, Any], key: str, *, required: bool) -> str | None:
    value = raw.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise InvalidMicroCredential(key, "is required and missing.")
        return None
    if not isinstance(value, str):
        raise InvalidMicroCredential(key, f"must be text, not {type(value).__name__}.")
    return value.strip()


def _date(raw: Mapping[str, Any], key: str) -> dt.date | None:
    value = raw.get(key)
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise InvalidMicroCredential(key, f"{value!r} is not a date (YYYY-MM-DD).") from None


def from_mapping(raw: Mapping[str, Any]) -> MicroCredential:
    """Read one record (a data-file entry, a JSON body, an imported badge); the shape only."""
    if not isinstance(raw, Mapping):
        raise InvalidMicroCredential("$", "a micro-credential must be an object.")
    credits = raw.get("credits")
    if credits is not None and (
        isinstance(credits, bool)
        or not isinstance(credits, int | float)
        or credits <= 0
        or not math.isfinite(credits)
    ):
        raise InvalidMicroCredential("credits", f"{credits!r} is not a positive number of credits.")
    outcomes = raw.get("outcomes") or []
    if not isinstance(outcomes, list) or not all(isinstance(o, str) for o in outcomes):
        raise InvalidMicroCredential("outcomes", "must be a list of learning-outcome statements.")
    stacks = raw.get("stacks_toward") or []
    if not isinstance(stacks, list) or not all(isinstance(s, str) for s in stacks):
        raise InvalidMicroCredential("stacks_toward", "must be a list of qualification-type ids.")
    participation = _text(raw, "participation", required=False)
    if participation is not None and participation not in PARTICIPATION:
        raise InvalidMicroCredential(
            "participation",
            f"{participation!r} is not a form of participation; valid: {', '.join(PARTICIPATION)}.",
        )
    title = _text(raw, "title", required=True) or ""
    return MicroCredential(
        id=_text(raw, "id", required=False) or title.lower().replace(" ", "-"),
        title=title,
        provider=_text(raw, "provider", required=True) or "",
        country=(_text(raw, "country", required=True) or "").upper(),
        credits=float(credits) if credits is not None else None,
        credit_system=_text(raw, "credit_system", required=credits is not None),
        level=_text(raw, "level", required=False),
        outcomes=tuple(o.strip() for o in outcomes if o.strip()),
        assessment=_text(raw, "assessment", required=False),
        participation=participation,
        quality_assurance=_text(raw, "quality_assurance", required=False),
        review_date=_date(raw, "review_date"),
        stacks_toward=tuple(stacks),
        listing=_text(raw, "listing", required=False) or "listed",
        verified=bool(raw.get("verified", True)),
        source_url=_text(raw, "source_url", required=False),
        consulted=_date(raw, "consulted"),
    )


@dataclass(frozen=True)
class RuleFinding:
    rule: str  # nzqcf | eu-2022
    path: str
    code: str


@dataclass(frozen=True)
class RuleCheck:
    findings: tuple[RuleFinding, ...] = field(default=())

    @property
    def ok(self) -> bool:
        return not self.findings


def nzqcf_findings(mc: MicroCredential, today: dt.date | None = None) -> list[RuleFinding]:
    """The NZQCF listing rules (rule 6.1-6.2 of the 2022 Listing and Operational Rules)."""
    out: list[RuleFinding] = []

    def bad(path: str, code: str) -> None:
        out.append(RuleFinding("nzqcf", path, code))

    if mc.credits is None:
        bad("credits", "mc-nzqcf-credits-missing")
    elif mc.credit_system != "nz-credit":
        bad("credit_system", "mc-nzqcf-credit-system")
    elif mc.credits > NZQCF_MAX_CREDITS:
        bad("credits", "mc-nzqcf-credits-too-many")
    if not mc.level or not mc.level.startswith("nz-nzqcf:"):
        bad("level", "mc-nzqcf-level-missing")
    if not mc.outcomes:
        bad("outcomes", "mc-nzqcf-outcomes-missing")
    if mc.review_date is None:
        bad("review_date", "mc-nzqcf-review-missing")
    elif today is not None and mc.review_date < today:
        bad("review_date", "mc-nzqcf-review-overdue")
    lowered = mc.title.lower()
    if any(word in lowered for word in NZQCF_FORBIDDEN_TITLE_WORDS):
        bad("title", "mc-nzqcf-title-word")
    return out


def eu_findings(mc: MicroCredential) -> list[RuleFinding]:
    """The mandatory standard elements of Annex I of the EU 2022 Council Recommendation that describe
    the credential itself (learner identification and date of issue belong to an awarded badge)."""
    required = {
        "learning outcomes": ("outcomes", bool(mc.outcomes)),
        "notional workload": ("credits", mc.credits is not None),
        "type of assessment": ("assessment", bool(mc.assessment)),
        "form of participation": ("participation", bool(mc.participation)),
        "type of quality assurance": ("quality_assurance", bool(mc.quality_assurance)),
    }
    return [
        RuleFinding("eu-2022", path, f"mc-eu-missing-{path}")
        for path, present in required.values()
        if not present
    ]


def check_rules(mc: MicroCredential, rules: str, today: dt.date | None = None) -> RuleCheck:
    """Check ``mc`` against a rule set (``nzqcf`` or ``eu-2022``)."""
    if rules == "nzqcf":
        return RuleCheck(tuple(nzqcf_findings(mc, today)))
    if rules == "eu-2022":
        return RuleCheck(tuple(eu_findings(mc)))
    raise QualbridgeError(f"Unknown rule set {rules!r}; valid: {', '.join(RULE_SETS)}.")
