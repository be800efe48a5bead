"""Apply a target's rules, in the order the policy gives them, to what is known about one qualification.

The first rule that applies decides. Years of schooling known only as a range (11–12) are never folded
into one figure: the rules are applied at both ends, and when the ends disagree the answer is
``conditional`` and says which end gives what. Years that are not known at all make no years rule apply;
the answer then says that the years decide and how to establish them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from qualbridge import messages
from qualbridge.messages import LANGUAGES
from qualbridge.registry.eligibility import (
    Condition,
    EligibilityPolicy,
    ListEntry,
    Outcome,
    Rule,
    RuleKind,
    Target,
)


@dataclass(frozen=True, slots=True)
class Subject:
    """What the rules look at: the type, its country, its years of schooling, its ISCED placements."""

    type_id: str | None
    country: str | None
    years: tuple[int, int] | None  # (min, max) cumulative years of schooling
    designated: str | None = None  # id of a designated-list entry the name matched
    isced: tuple[tuple[int, str | None], ...] = ()  # (ISCED level, 3-digit programme code)
    programme_years: tuple[float, float] | None = None  # the programme's own full-time duration


@dataclass(frozen=True, slots=True)
class Verdict:
    outcome: Outcome
    rule: Rule | None
    entry: ListEntry | None = None  # the designated-list entry the rule matched
    conditions: tuple[Condition, ...] = ()
    years_unknown: bool = False  # a years rule could not be judged
    extra: tuple[Condition, ...] = field(default=())


def _entries(policy: EligibilityPolicy, rule: Rule) -> list[ListEntry]:
    return policy.lists.get(rule.designations or "", [])


def _matched_entry(
    policy: EligibilityPolicy, rule: Rule, subject: Subject, target_id: str
) -> ListEntry | None:
    for entry in _entries(policy, rule):
        if rule.kind == RuleKind.DESIGNATED_COURSE:
            if subject.country and entry.country == subject.country:
                return entry
            continue
        if rule.kind == RuleKind.PUBLISHED_ANSWER and target_id not in entry.targets:
            continue
        if subject.designated == entry.id or (subject.type_id and subject.type_id in entry.type_ids):
            return entry
    return None


def _degree_applies(rule: Rule, subject: Subject, end: int) -> bool:
    levels = [
        lv
        for lv, code in subject.isced
        if lv in rule.isced_levels and (code or "") not in rule.exclude_isced_codes
    ]
    if not levels:
        return False
    if rule.min_programme_years is None:
        return True
    if subject.programme_years is None:
        return False
    return subject.programme_years[end] >= rule.min_programme_years


def _screening(target: Target) -> tuple[Condition, ...]:
    return tuple(c for r in target.rules if r.kind == RuleKind.INDIVIDUAL_ASSESSMENT for c in r.conditions)


def _at_end(policy: EligibilityPolicy, target_id: str, target: Target, subject: Subject, end: int) -> Verdict:
    """The verdict when the subject's ranges are read at one end (0 = low, 1 = high)."""
    years = subject.years[end] if subject.years else None
    skipped_years: Rule | None = None
    for rule in target.rules:
        kind = rule.kind
        if kind in (RuleKind.DESIGNATED_QUALIFICATION, RuleKind.PUBLISHED_ANSWER):
            entry = _matched_entry(policy, rule, subject, target_id)
            if entry is not None:
                outcome = entry.outcome or rule.outcome
                # refused by a published answer: the institution's own screening stays open
                alternative = _screening(target) if outcome == Outcome.NOT_ELIGIBLE else ()
                return Verdict(outcome, rule, entry, tuple(rule.conditions), extra=alternative)
        elif kind in (RuleKind.YEARS, RuleKind.DESIGNATED_COURSE):
            if years is None:
                skipped_years = skipped_years or rule
                continue
            assert rule.min_years is not None  # the model checks it
            if years < rule.min_years:
                continue
            if kind == RuleKind.YEARS:
                return Verdict(rule.outcome, rule, None, tuple(rule.conditions))
            entry = _matched_entry(policy, rule, subject, target_id)
            if entry is not None:
                return Verdict(rule.outcome, rule, entry, tuple(rule.conditions))
        elif kind == RuleKind.DEGREE:
            if _degree_applies(rule, subject, end):
                return Verdict(rule.outcome, rule, None, tuple(rule.conditions))
        elif kind == RuleKind.INDIVIDUAL_ASSESSMENT:
            return Verdict(rule.outcome, rule, None, tuple(rule.conditions), skipped_years is not None)
    if skipped_years is not None:
        return Verdict(Outcome.CONDITIONAL, skipped_years, None, tuple(skipped_years.conditions), True)
    return Verdict(Outcome.NOT_ELIGIBLE, None)


def range_condition(low: Verdict, high: Verdict, years: tuple[int, int]) -> Condition:
    """The condition a range of years puts on an answer whose two ends disagree (worded by the catalogue)."""
    text: dict[str, str] = {}
    for lang in LANGUAGES:
        none = messages.text("eligibility.no-rule", lang)
        text[lang] = messages.text(
            "eligibility.condition.years-range",
            lang,
            low=years[0],
            high=years[1],
            high_outcome=high.outcome.value,
            high_basis=high.rule.basis.get(lang, none) if high.rule else none,
            low_outcome=low.outcome.value,
            low_basis=low.rule.basis.get(lang, none) if low.rule else none,
        )
    return Condition(code="years-range", source=None, text=text)


def years_unknown() -> Condition:
    return Condition(
        code="years-unknown", source=None, text=messages.both("eligibility.condition.years-unknown")
    )


def decide(policy: EligibilityPolicy, target_id: str, subject: Subject) -> Verdict:
    """The verdict for ``subject`` under ``policy.targets[target_id]`` (the target is known to exist)."""
    target = policy.targets[target_id]
    low = _at_end(policy, target_id, target, subject, 0)
    high = _at_end(policy, target_id, target, subject, 1)
    if low.outcome == high.outcome and (low.outcome != Outcome.CONDITIONAL or low.rule == high.rule):
        verdict = low  # the low end's route holds at every point of the range
    else:
        assert subject.years is not None or subject.programme_years is not None
        span = subject.years or (0, 0)
        verdict = Verdict(
            Outcome.CONDITIONAL,
            high.rule,
            high.entry,
            (*high.conditions, *low.conditions),
            extra=(range_condition(low, high, span),) if subject.years and span[0] != span[1] else (),
        )
    if verdict.years_unknown:
        verdict = Verdict(
            verdict.outcome,
            verdict.rule,
            verdict.entry,
            verdict.conditions,
            True,
            (*verdict.extra, years_unknown()),
        )
    return verdict
