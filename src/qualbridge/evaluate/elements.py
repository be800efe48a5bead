"""The five elements of a qualification (EAR manual ch. 10): one function per element.

Each returns a :class:`Finding`: the element, how far the credential differs from what the purpose
needs (none / minor / substantial), the evidence it rests on, and one sentence of reasoning in English
and in Japanese, from the core message catalogue (``elements.<element>.<code>``). A difference is substantial only when it would most likely prevent success in the
activity sought; where the policy decides the weight of a difference, the finding names the rule.
"""

from __future__ import annotations

from qualbridge.evaluate.casefile import DocumentKind
from qualbridge.evaluate.context import Context, level_in
from qualbridge.evaluate.conversion import credit_system, hours_of, years_of
from qualbridge.evaluate.findings import SEVERITY_NAMES, Element, Finding
from qualbridge.evaluate.policy import Severity
from qualbridge.messages import Param, both, text
from qualbridge.registry.models import QualificationType, pick


def _ja(qt: QualificationType) -> str:
    return qt.names.get("ja") or pick(qt.names)


PROFILE_NAMES = {
    "general": both("profile.name.general"),
    "academic": both("profile.name.academic"),
    "professional": both("profile.name.professional"),
    "vocational": both("profile.name.vocational"),
}
PURPOSE_NAMES_JA = {
    "further-study": text("purpose.name.further-study", "ja"),
    "employment": text("purpose.name.employment", "ja"),
    "professional-practice": text("purpose.name.professional-practice", "ja"),
}


def _finding(
    element: Element,
    severity: Severity,
    code: str,
    evidence: list[str],
    message: str,
    params: dict[str, Param] | None = None,
    *,
    ja: dict[str, Param] | None = None,
    data: dict[str, float] | None = None,
) -> Finding:
    """A finding whose reasoning is the catalogue's ``message``; ``ja`` overrides parameters (names)
    that have their own Japanese form."""
    en_params = params or {}
    return Finding(
        element=element,
        severity=severity,
        code=code,
        evidence=evidence,
        reasoning_en=text(message, "en", **en_params),
        reasoning_ja=text(message, "ja", **{**en_params, **(ja or {})}),
        data=data or {},
    )


# -- level ---------------------------------------------------------------------------------------
def level(ctx: Context) -> Finding:
    cmp, reg, el = ctx.comparison, ctx.registry, Element.LEVEL
    evidence = [
        f"{cmp.source.id} → {', '.join(cmp.target_levels) or 'no level'} ({cmp.outcome.value}, confidence {cmp.confidence:.2f})"
    ]
    best = [r for r in cmp.routes if r.best][:1]
    for route in best:
        evidence += [
            f"{s.from_id} → {s.to_id}: {s.match}, {s.evidence.kind} {s.evidence.decision}"
            for s in route.steps
        ]
    evidence += cmp.caveats
    if not cmp.target_levels:
        return _finding(
            el,
            Severity.SUBSTANTIAL,
            "no-route",
            evidence,
            "elements.level.no-route",
            {"source": cmp.source.id, "framework": cmp.target_framework},
        )
    orders = [reg.level_order[lv] for lv in cmp.target_levels]
    shown = ", ".join(cmp.target_levels)
    if ctx.required_level:
        need = reg.level_order[ctx.required_level]
        evidence.append(f"the purpose requires {ctx.required_level}")
        if max(orders) < need:
            return _finding(
                el,
                Severity.SUBSTANTIAL,
                "below-required-level",
                evidence,
                "elements.level.below-required-level",
                {"shown": shown, "required": ctx.required_level},
            )
        if min(orders) < need:
            return _finding(
                el,
                Severity.MINOR,
                "spans-required-level",
                evidence,
                "elements.level.spans-required-level",
                {"shown": shown, "required": ctx.required_level},
            )
    if cmp.confidence < ctx.policy.thresholds.level_min_confidence:
        return _finding(
            el,
            Severity.MINOR,
            "weak-evidence",
            evidence,
            "elements.level.weak-evidence",
            {
                "shown": shown,
                "confidence": f"{cmp.confidence:.2f}",
                "threshold": f"{ctx.policy.thresholds.level_min_confidence:.2f}",
            },
        )
    return _finding(
        el,
        Severity.NONE,
        "comparable-level",
        evidence,
        "elements.level.comparable-level",
        {"shown": shown},
    )


# -- workload ------------------------------------------------------------------------------------
def _reference_workload(ctx: Context, ref: QualificationType) -> tuple[float | None, float | None, str]:
    """(hours, years, description) of the reference home qualification."""
    policy_ref = ctx.policy.reference_workload.get(ref.id)
    if policy_ref is not None:
        return (
            hours_of(policy_ref.amount, policy_ref.system),
            years_of(policy_ref.amount, policy_ref.system),
            f"{ref.id}: {policy_ref.amount:g} {policy_ref.system} (policy reference)",
        )
    if ref.credits is not None:
        return (
            hours_of(ref.credits.amount, ref.credits.system),
            years_of(ref.credits.amount, ref.credits.system),
            f"{ref.id}: {'at least ' if ref.credits.minimum else ''}{ref.credits.amount:g} {ref.credits.system}",
        )
    if ref.duration is not None:
        return None, ref.duration.min_years, f"{ref.id}: {ref.duration.min_years:g} years"
    return None, None, f"{ref.id}: no workload recorded"


def workload(ctx: Context) -> Finding:
    el, cred, rule = Element.WORKLOAD, ctx.credential, ctx.policy.rule(ctx.case.purpose.kind)
    hours: float | None = None
    years: float | None = cred.duration_years
    evidence: list[str] = []
    if cred.credits is not None:
        hours = hours_of(cred.credits.amount, cred.credits.system)
        years = years if years is not None else years_of(cred.credits.amount, cred.credits.system)
        evidence.append(
            f"credential: {cred.credits.amount:g} {cred.credits.system}"
            + (f" = {hours:g} h" if hours else "")
        )
    elif years is not None:
        evidence.append(f"credential: {years:g} years full-time")
    else:
        evidence.append("credential: no credits or duration given")
    if not cred.completed:
        evidence.append("studies not completed")
        return _finding(
            el,
            Severity.SUBSTANTIAL,
            "incomplete",
            evidence,
            "elements.workload.incomplete",
        )
    if ctx.reference is None or (hours is None and years is None):
        return _finding(
            el,
            Severity.MINOR,
            "undocumented",
            evidence,
            "elements.workload.undocumented",
        )
    ref_hours, ref_years, described = _reference_workload(ctx, ctx.reference)
    evidence.append(f"reference {described}")
    ratios: dict[str, float] = {}
    if hours is not None and ref_hours is not None:
        ratios["hours"] = hours / ref_hours
    if years is not None and ref_years is not None:
        ratios["years"] = years / ref_years
    if not ratios:
        return _finding(
            el,
            Severity.MINOR,
            "undocumented",
            evidence,
            "elements.workload.other-unit",
        )
    # the burden of proof lies with the body: the measure more favourable to the applicant is used
    unit = max(ratios, key=lambda k: ratios[k])
    ratio = ratios[unit]
    evidence += [f"by {k}: {v:.0%} of the reference" for k, v in ratios.items()]
    shortfall = max(0.0, 1 - ratio)
    th = ctx.policy.thresholds
    home = credit_system(ctx.policy.credit_system)
    if unit == "hours" and ref_hours is not None and home.hours_per_credit:
        gap = shortfall * ref_hours / home.hours_per_credit.mid
    else:
        gap = shortfall * (ref_years or 0.0) * home.credits_per_year.mid
    evidence.append(
        f"used: by {unit} (policy: minor above {th.workload_minor_shortfall:.0%} short, substantial above {th.workload_substantial_shortfall:.0%})"
    )
    if shortfall > th.workload_substantial_shortfall and rule.workload_counts:
        return _finding(
            el,
            Severity.SUBSTANTIAL,
            "shortfall",
            evidence,
            "elements.workload.substantial-shortfall",
            {
                "shortfall": f"{shortfall:.0%}",
                "reference": ctx.reference.id,
                "threshold": f"{th.workload_substantial_shortfall:.0%}",
            },
            ja={"reference": _ja(ctx.reference)},
            data={"shortfall": round(shortfall, 3), "gap_credits": round(gap, 1)},
        )
    if shortfall > th.workload_minor_shortfall:
        return _finding(
            el,
            Severity.MINOR,
            "shortfall",
            evidence,
            "elements.workload.minor-shortfall",
            {"shortfall": f"{shortfall:.0%}", "reference": ctx.reference.id},
            ja={"reference": _ja(ctx.reference)},
        )
    return _finding(
        el,
        Severity.NONE,
        "within-threshold",
        evidence,
        "elements.workload.within-threshold",
        {"reference": ctx.reference.id},
        ja={"reference": _ja(ctx.reference)},
    )


# -- quality -------------------------------------------------------------------------------------
def quality(ctx: Context) -> Finding:
    el, inst = Element.QUALITY, ctx.institution
    name = (inst.names or {}).get("en") or (inst.names or {}).get("ja") or inst.given or "?"
    evidence = [f"institution given: {inst.given}" if inst.given else "no institution given"]
    if inst.id:
        evidence.append(
            f"registry: {inst.id}, status {inst.status}" + (f" ({inst.body})" if inst.body else "")
        )
    if inst.source_url:
        evidence.append(f"source: {inst.source_url}")
    if inst.is_mill:
        return _finding(
            el,
            Severity.SUBSTANTIAL,
            "mill",
            evidence,
            "elements.quality.mill",
            {"name": name},
        )
    if inst.status == "not-recognised":
        return _finding(
            el,
            Severity.SUBSTANTIAL,
            "not-recognised",
            evidence,
            "elements.quality.not-recognised",
            {"name": name},
        )
    if inst.status == "recognised":
        return _finding(
            el,
            Severity.NONE,
            "recognised",
            evidence,
            "elements.quality.recognised",
            {"name": name},
        )
    if inst.candidates:
        evidence.append("candidates: " + ", ".join(inst.candidates))
    return _finding(
        el,
        Severity.MINOR,
        f"institution-{inst.status}",
        evidence,
        "elements.quality.unconfirmed",
    )


# -- profile -------------------------------------------------------------------------------------
def profile(ctx: Context) -> Finding:
    el, qt, ref = Element.PROFILE, ctx.qualification, ctx.reference
    rule = ctx.policy.rule(ctx.case.purpose.kind)
    own = qt.profile.value if qt.profile else None
    other = ref.profile.value if ref and ref.profile else None
    evidence = [f"{qt.id}: {own or 'profile not recorded'}"]
    if ref is not None:
        evidence.append(f"{ref.id}: {other or 'profile not recorded'}")
    if own is None or other is None:
        return _finding(
            el,
            Severity.NONE,
            "not-recorded",
            evidence,
            "elements.profile.not-recorded",
        )
    if own == other:
        return _finding(
            el,
            Severity.NONE,
            "same-profile",
            evidence,
            "elements.profile.same-profile",
            {"profile": own},
            ja={"profile": PROFILE_NAMES[own]["ja"]},
        )
    evidence.append(
        f"policy for {ctx.case.purpose.kind.value}: a different profile is {rule.profile_mismatch.value}"
    )
    return _finding(
        el,
        rule.profile_mismatch,
        "different-profile",
        evidence,
        "elements.profile.different-profile",
        {
            "own": own,
            "reference": ref.id if ref else "the reference",
            "other": other,
            "purpose": ctx.case.purpose.kind.value,
            "weight": rule.profile_mismatch.value,
        },
        ja={
            "own": PROFILE_NAMES[own]["ja"],
            "reference": ref.id if ref else "比較対象",
            "other": PROFILE_NAMES[other]["ja"],
            "purpose": PURPOSE_NAMES_JA[ctx.case.purpose.kind.value],
            "weight": SEVERITY_NAMES[rule.profile_mismatch]["ja"],
        },
    )


# -- learning outcomes ---------------------------------------------------------------------------
def learning_outcomes(ctx: Context) -> Finding:
    el, cred, purpose = Element.LEARNING_OUTCOMES, ctx.credential, ctx.case.purpose
    rule = ctx.policy.rule(purpose.kind)
    own = cred.programme.field if cred.programme else None
    evidence = [
        f"programme field (ISCED-F): {own or 'not given'}",
        f"purpose field: {purpose.field or 'not given'}",
    ]
    if cred.learning_outcomes:
        evidence.append(f"{len(cred.learning_outcomes)} learning outcomes documented")
    if cred.has(DocumentKind.DIPLOMA_SUPPLEMENT) or cred.has(DocumentKind.PROGRAMME_DESCRIPTION):
        evidence.append("diploma supplement or programme description present")
    if purpose.field is None:
        return _finding(
            el,
            Severity.NONE,
            "no-field-required",
            evidence,
            "elements.learning-outcomes.no-field-required",
        )
    if own is None:
        return _finding(
            el,
            Severity.MINOR,
            "field-undocumented",
            evidence,
            "elements.learning-outcomes.field-undocumented",
        )
    if own[:2] != purpose.field[:2]:
        severity, code = rule.field_mismatch, "different-broad-field"
    elif len(own) >= 3 and len(purpose.field) >= 3 and own[:3] != purpose.field[:3]:
        severity, code = rule.narrow_field_mismatch, "different-narrow-field"
    else:
        return _finding(
            el,
            Severity.NONE,
            "same-field",
            evidence,
            "elements.learning-outcomes.same-field",
            {"own": own, "field": purpose.field},
        )
    evidence.append(f"policy for {purpose.kind.value}: {code} is {severity.value}")
    return _finding(
        el,
        severity,
        code,
        evidence,
        "elements.learning-outcomes.different-field",
        {"own": own, "field": purpose.field, "weight": severity.value},
        ja={"weight": SEVERITY_NAMES[severity]["ja"]},
    )


ELEMENTS = (level, workload, quality, profile, learning_outcomes)


def assess_elements(ctx: Context) -> list[Finding]:
    return [element(ctx) for element in ELEMENTS]


def comparable_level(ctx: Context) -> str | None:
    """The home level the credential is comparable to (the highest the comparison found)."""
    levels = ctx.comparison.target_levels
    if not levels:
        return None
    if ctx.reference is not None:
        ref_level = level_in(ctx.reference, ctx.policy.home_framework)
        if ref_level in levels:
            return ref_level
    return max(levels, key=lambda lv: ctx.registry.level_order[lv])
