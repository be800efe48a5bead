"""Apply a target's rules, in the order the policy gives them, to what is known about one qualification.

The first rule that applies decides. Years of schooling known only as a range (11–12) are never folded
into one figure: the rules are applied at both ends, and when the ends disagree the answer is
``conditional`` and says which end gives what. Years that are not known at all make no years rule apply;
the answer then says that the years decide and how to establish them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from qualbridge.eligibility.policy import (
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
    """The condition a range of years puts on an answer whose two ends disagree."""
    lo, hi = years
    high_basis = high.rule.basis if high.rule else {}
    low_basis = low.rule.basis if low.rule else {}
    return Condition(
        code="years-range",
        source=None,
        text={
            "en": (
                f"This qualification represents {lo} to {hi} years of schooling, depending on the route. With {hi} "
                f"years: {high.outcome.value} ({high_basis.get('en', 'no rule')}); with {lo} years: "
                f"{low.outcome.value} ({low_basis.get('en', 'no rule')}). The holder's own transcript decides."
            ),
            "ja": (
                f"この資格は経路により{lo}〜{hi}年の学校教育に相当する。{hi}年の場合：{high.outcome.value}"
                f"（{high_basis.get('ja', '該当規定なし')}）、{lo}年の場合：{low.outcome.value}"
                f"（{low_basis.get('ja', '該当規定なし')}）。本人の成績証明書により判断する。"
            ),
        },
    )


YEARS_UNKNOWN = Condition(
    code="years-unknown",
    source=None,
    text={
        "en": (
            "The years of schooling this qualification completes are not recorded. Japanese law counts years: "
            "state them (--years) from the transcript, or ask the country's embassy which school year the "
            "certificate completes."
        ),
        "ja": (
            "この資格が修了する学校教育の年数は記録されていない。日本の入学資格は年数で判断されるため、成績証明書により"
            "年数を示すか（--years）、当該国の大使館に何年目の課程の修了かを確認すること。"
        ),
    },
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
            (*verdict.extra, YEARS_UNKNOWN),
        )
    return verdict
