"""The five elements of a qualification (EAR manual ch. 10): one function per element.

Each returns a :class:`Finding`: the element, how far the credential differs from what the purpose
needs (none / minor / substantial), the evidence it rests on, and one sentence of reasoning in English
and in Japanese, from the core message catalogue (``elements.<element>.<code>``). A difference is substantial only when it would most likely prevent success in the
activity sought; where the policy decides the weight of a difference, the finding names the rule.
"""

from __future__ import annotations

from qualbridge.evaluate.casefile import DocumentKind
from qualbridge.evaluate.context import Context, level_in
from qualbridge.evaluate.findings import SEVERITY_NAMES, Element, Finding, finding
from qualbridge.evaluate.policy import Severity
from qualbridge.evaluate.workload import workload
from qualbridge.messages import both, text

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
    evidence += [c.text() for c in cmp.caveats]
    if not cmp.target_levels:
        return finding(
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
            return finding(
                el,
                Severity.SUBSTANTIAL,
                "below-required-level",
                evidence,
                "elements.level.below-required-level",
                {"shown": shown, "required": ctx.required_level},
            )
        if min(orders) < need:
            return finding(
                el,
                Severity.MINOR,
                "spans-required-level",
                evidence,
                "elements.level.spans-required-level",
                {"shown": shown, "required": ctx.required_level},
            )
    if cmp.confidence < ctx.policy.thresholds.level_min_confidence:
        return finding(
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
    return finding(
        el,
        Severity.NONE,
        "comparable-level",
        evidence,
        "elements.level.comparable-level",
        {"shown": shown},
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
        return finding(
            el,
            Severity.SUBSTANTIAL,
            "mill",
            evidence,
            "elements.quality.mill",
            {"name": name},
        )
    if inst.status == "not-recognised":
        return finding(
            el,
            Severity.SUBSTANTIAL,
            "not-recognised",
            evidence,
            "elements.quality.not-recognised",
            {"name": name},
        )
    if inst.status == "recognised":
        return finding(
            el,
            Severity.NONE,
            "recognised",
            evidence,
            "elements.quality.recognised",
            {"name": name},
        )
    if inst.candidates:
        evidence.append("candidates: " + ", ".join(inst.candidates))
    return finding(
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
        return finding(
            el,
            Severity.NONE,
            "not-recorded",
            evidence,
            "elements.profile.not-recorded",
        )
    if own == other:
        return finding(
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
    return finding(
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
        evidence.extend(outcome_evidence(ctx))  # h19: stated outcomes against the home level's descriptors
    if cred.has(DocumentKind.DIPLOMA_SUPPLEMENT) or cred.has(DocumentKind.PROGRAMME_DESCRIPTION):
        evidence.append("diploma supplement or programme description present")
    if purpose.field is None:
        return finding(
            el,
            Severity.NONE,
            "no-field-required",
            evidence,
            "elements.learning-outcomes.no-field-required",
        )
    if own is None:
        return finding(
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
        return finding(
            el,
            Severity.NONE,
            "same-field",
            evidence,
            "elements.learning-outcomes.same-field",
            {"own": own, "field": purpose.field},
        )
    evidence.append(f"policy for {purpose.kind.value}: {code} is {severity.value}")
    return finding(
        el,
        severity,
        code,
        evidence,
        "elements.learning-outcomes.different-field",
        {"own": own, "field": purpose.field, "weight": severity.value},
        ja={"weight": SEVERITY_NAMES[severity]["ja"]},
    )


def outcome_evidence(ctx: Context) -> list[str]:
    """Which descriptor statements of the home level the stated learning outcomes cover (evidence only:
    wording can show coverage, not decide a substantial difference)."""
    from qualbridge.referencing.outcomes import coverage

    level_id = ctx.required_level or next(iter(ctx.comparison.target_levels), None)
    entry = ctx.registry.levels.get(level_id) if level_id else None
    if entry is None or not any(d.get("en") for d in entry[1].descriptors.values()):
        return [
            f"learning outcomes not compared: {level_id or 'no home level'} has no descriptors in the data"
        ]
    result = coverage(ctx.registry, level_id, ctx.credential.learning_outcomes)  # type: ignore[arg-type]
    missing = [s.text for s in result.statements if not s.covered]
    return [result.summary.text("en")] + [f"not covered: {m}" for m in missing]


ELEMENTS = (level, workload, quality, profile, learning_outcomes)  # workload: its own module


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
