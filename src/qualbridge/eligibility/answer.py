"""One function every interface calls: is the holder of this qualification eligible for this target?

:func:`check_eligibility` resolves the qualification (a type id, a name, or a name on a ministry's
designated list such as "IB Diploma"), gathers what the rules look at (years of schooling with their
source, country, ISCED placements, programme length), applies the policy (:mod:`.rules`) and returns an
:class:`Eligibility` that always names the legal basis, the years counted and the sources. The CLI, the
public API, the public estimate and the casework assessment all show this one answer.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from qualbridge import messages
from qualbridge.compare.resolve import resolve
from qualbridge.eligibility.policy import DEFAULT_POLICY, UnknownEligibilityTarget, load_policy
from qualbridge.eligibility.rules import Subject, Verdict, decide
from qualbridge.errors import NoMatch, QualbridgeError, UnknownCountry, closest
from qualbridge.messages import LANGUAGES
from qualbridge.registry.eligibility import Condition, EligibilityPolicy, ListEntry, Outcome, Rule
from qualbridge.registry.loader import Registry
from qualbridge.registry.models import QualificationType, Source


class InvalidYears(QualbridgeError):
    code = "invalid-years"


@dataclass(frozen=True, slots=True)
class Eligibility:
    query: str
    type_id: str | None
    names: dict[str, str]
    target: str
    target_names: dict[str, str]
    verdict: Verdict
    years: tuple[int, int] | None
    years_source: str  # "qualification-data", "stated" or "unknown"
    years_verified: bool
    policy: EligibilityPolicy
    data_version: str

    @property
    def outcome(self) -> Outcome:
        return self.verdict.outcome

    @property
    def verified(self) -> bool:
        """Whether every fact the answer rests on was confirmed against its source."""
        facts: list[Any] = [f for f in (self.verdict.rule, self.verdict.entry) if f is not None]
        facts += [c for c in self.verdict.conditions if c.source]
        years_ok = self.years_verified or self.years_source != "qualification-data"
        return years_ok and all(f.verified for f in facts)

    def conditions(self) -> list[Condition]:
        return [*self.verdict.conditions, *self.verdict.extra]

    def sources(self) -> list[Source]:
        keys: list[str] = []
        for fact in (self.verdict.rule, self.verdict.entry, *self.verdict.conditions):
            if fact is not None and fact.source and fact.source not in keys:
                keys.append(fact.source)
        return [self.policy.sources[k] for k in keys]

    def summary(self) -> dict[str, str]:
        """One plain sentence in every catalogue language (words in :mod:`qualbridge.messages`)."""
        rule = self.verdict.rule
        out: dict[str, str] = {}
        for lang in LANGUAGES:
            basis = rule.basis.get(lang, "") if rule else messages.text("eligibility.no-rule", lang)
            target = self.target_names.get(lang, self.target)
            sentence = messages.text(
                f"eligibility.summary.{self.outcome.value}", lang, target=target, basis=basis
            )
            if not self.verified:
                sentence += " " if lang == "en" else ""
                sentence += messages.text("eligibility.summary.unverified", lang)
            out[lang] = sentence
        return out

    def as_json(self) -> dict[str, Any]:
        rule = self.verdict.rule
        entry = self.verdict.entry
        return {
            "query": self.query,
            "qualification": {"id": self.type_id, "names": self.names},
            "target": self.target,
            "outcome": self.outcome.value,
            "rule": None if rule is None else _rule_json(rule, entry),
            "years_of_schooling": {
                "min": self.years[0] if self.years else None,
                "max": self.years[1] if self.years else None,
                "source": self.years_source,
                "verified": self.years_verified,
            },
            "conditions": [
                {"code": c.code, "text": c.text, "age_min": c.age_min, "verified": c.verified}
                for c in self.conditions()
            ],
            "sources": [_source_json(s) for s in self.sources()],
            "verified": self.verified,
            "summary": self.summary(),
            "policy": self.policy.id,
            "data_version": self.data_version,
        }


def _rule_json(rule: Rule, entry: ListEntry | None) -> dict[str, Any]:
    """The rule that decided, and the designated-list entry it matched (``None`` for a rule without one)."""
    designation = None
    if entry is not None:
        designation = {
            "id": entry.id,
            "names": entry.names,
            "designated": entry.designated,
            "verified": entry.verified,
        }
    return {
        "id": rule.id,
        "basis": rule.basis,
        "verified": rule.verified,
        "note": rule.note,
        "designation": designation,
    }


def _source_json(source: Source) -> dict[str, Any]:
    data = dataclasses.asdict(source)
    return {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in data.items() if v is not None}


def _designated(policy: EligibilityPolicy, text: str) -> ListEntry | None:
    """A designated foreign entrance qualification named by ``text`` (IB, Abitur, ...), exactly."""
    wanted = text.strip().casefold()
    for entries in policy.lists.values():
        for entry in entries:
            if entry.country:
                continue
            names = [*entry.names.values(), *entry.aliases, entry.id]
            if wanted in (n.casefold() for n in names):
                return entry
    return None


def _country(code: str) -> str:
    import pycountry

    upper = code.strip().upper()
    if pycountry.countries.get(alpha_2=upper) is None:
        raise UnknownCountry(code, [c.alpha_2.lower() for c in pycountry.countries])
    return upper


def _subject(qt: QualificationType | None, country: str | None, entry: ListEntry | None) -> Subject:
    if qt is None:
        return Subject(None, country, None, entry.id if entry else None)
    years = (
        (qt.years_of_schooling.min_years, qt.years_of_schooling.max_years) if qt.years_of_schooling else None
    )
    isced: list[tuple[int, str | None]] = []
    for p in qt.placements:
        if p.level.startswith("isced-2011:") and p.level.split(":")[1].isdigit():
            isced.append((int(p.level.split(":")[1]), p.isced_code))
    duration = (qt.duration.min_years, qt.duration.max_years) if qt.duration else None
    own_country = country or qt.id.split("/")[0].split("-")[0].upper()
    return Subject(qt.id, own_country, years, entry.id if entry else None, tuple(isced), duration)


def check_eligibility(
    registry: Registry,
    query: str,
    target: str,
    *,
    country: str | None = None,
    years: int | None = None,
    policy_id: str = DEFAULT_POLICY,
) -> Eligibility:
    """The eligibility of ``query`` for ``target``; raise a QualbridgeError naming what would be valid."""
    policy = load_policy(policy_id)
    if target not in policy.targets:
        raise UnknownEligibilityTarget(
            f"Unknown eligibility target {target!r}. Valid: {', '.join(policy.targets)}.",
            suggestions=closest(target, policy.targets),
        )
    if years is not None and not 0 <= years <= 30:
        raise InvalidYears(f"Years of schooling must be between 0 and 30, not {years}.")
    code = _country(country) if country else None
    entry = _designated(policy, query)
    qt: QualificationType | None = None
    if entry is not None and entry.type_ids and entry.type_ids[0] in registry.qualifications:
        qt = registry.qualifications[entry.type_ids[0]]
    elif entry is None:
        in_registry = code if code and code in registry.types_by_jurisdiction else None
        found = resolve(registry, query, in_registry)
        if found.kind != "qualification":
            raise NoMatch(
                f"{query!r} is a framework level; eligibility needs a qualification (e.g. jp/gakushi)."
            )
        qt = registry.qualifications[found.id]
    subject = _subject(qt, code, entry)
    source = "unknown"
    verified = False
    if years is not None:
        subject = Subject(
            subject.type_id,
            subject.country,
            (years, years),
            subject.designated,
            subject.isced,
            subject.programme_years,
        )
        source, verified = "stated", True
    elif qt is not None and qt.years_of_schooling is not None:
        source, verified = "qualification-data", qt.verified and qt.years_of_schooling.verified
    verdict = decide(policy, target, subject)
    names = qt.names if qt is not None else (entry.names if entry else {})
    return Eligibility(
        query=query,
        type_id=qt.id if qt else None,
        names=dict(names),
        target=target,
        target_names=dict(policy.targets[target].names),
        verdict=verdict,
        years=subject.years,
        years_source=source,
        years_verified=verified,
        policy=policy,
        data_version=registry.data_version,
    )


def eligibility_overview(
    registry: Registry, type_id: str, *, country: str | None = None, policy_id: str = DEFAULT_POLICY
) -> list[Eligibility]:
    """The answer for every target of the policy, for a qualification type already resolved (the public
    estimate and the casework assessment show these beside the comparison)."""
    policy = load_policy(policy_id)
    return [
        check_eligibility(registry, type_id, t, country=country, policy_id=policy_id) for t in policy.targets
    ]
