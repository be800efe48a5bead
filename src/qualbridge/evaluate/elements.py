"""The five elements of a qualification (EAR manual ch. 10): one function per element.

Each returns a :class:`Finding`: the element, how far the credential differs from what the purpose
needs (none / minor / substantial), the evidence it rests on, and one sentence of reasoning in English
and in Japanese. A difference is substantial only when it would most likely prevent success in the
activity sought; where the policy decides the weight of a difference, the finding names the rule.
"""

from __future__ import annotations

from qualbridge.evaluate.casefile import DocumentKind
from qualbridge.evaluate.context import Context, level_in
from qualbridge.evaluate.conversion import credit_system, hours_of, years_of
from qualbridge.evaluate.findings import SEVERITY_NAMES, Element, Finding
from qualbridge.evaluate.policy import Severity
from qualbridge.registry.models import QualificationType, pick


def _ja(qt: QualificationType) -> str:
    return qt.names.get("ja") or pick(qt.names)


PROFILE_NAMES = {
    "general": {"en": "general", "ja": "普通教育"},
    "academic": {"en": "academic", "ja": "学術的"},
    "professional": {"en": "professional", "ja": "職業専門的"},
    "vocational": {"en": "vocational", "ja": "職業的"},
}


def _finding(
    element: Element,
    severity: Severity,
    code: str,
    evidence: list[str],
    en: str,
    ja: str,
    data: dict[str, float] | None = None,
) -> Finding:
    return Finding(
        element=element,
        severity=severity,
        code=code,
        evidence=evidence,
        reasoning_en=en,
        reasoning_ja=ja,
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
    evidence += [c.text() for c in cmp.caveats]
    if not cmp.target_levels:
        return _finding(
            el,
            Severity.SUBSTANTIAL,
            "no-route",
            evidence,
            f"No referencing decision or placement links {cmp.source.id} to {cmp.target_framework}, so the level cannot be shown from the data.",
            f"{cmp.source.id} と {cmp.target_framework} を結ぶ参照決定や位置付けがなく、データから水準を示すことができません。",
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
                f"The qualification is comparable to {shown}, below the level {ctx.required_level} that the purpose requires.",
                f"本資格は {shown} に相当し、目的が求める水準 {ctx.required_level} に達していません。",
            )
        if min(orders) < need:
            return _finding(
                el,
                Severity.MINOR,
                "spans-required-level",
                evidence,
                f"The comparison spans {shown}, partly below the required {ctx.required_level}; the evaluator should confirm the level.",
                f"比較結果は {shown} にまたがり、一部が必要な水準 {ctx.required_level} を下回るため、評価者による確認が必要です。",
            )
    if cmp.confidence < ctx.policy.thresholds.level_min_confidence:
        return _finding(
            el,
            Severity.MINOR,
            "weak-evidence",
            evidence,
            f"The qualification is comparable to {shown}, but the comparison's confidence {cmp.confidence:.2f} is below the policy's {ctx.policy.thresholds.level_min_confidence:.2f}.",
            f"本資格は {shown} に相当しますが、比較の信頼度 {cmp.confidence:.2f} が方針の基準 {ctx.policy.thresholds.level_min_confidence:.2f} を下回ります。",
        )
    return _finding(
        el,
        Severity.NONE,
        "comparable-level",
        evidence,
        f"The qualification is comparable to {shown} of the home framework.",
        f"本資格は国内の資格枠組みの {shown} に相当します。",
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
            "The studies were not completed, so only the workload achieved can be recognised.",
            "学修が修了していないため、修得済みの学修量のみを承認の対象とすることができます。",
        )
    if ctx.reference is None or (hours is None and years is None):
        return _finding(
            el,
            Severity.MINOR,
            "undocumented",
            evidence,
            "The workload cannot be compared: the credits or duration, or a home reference, are missing.",
            "単位数・修業年限または国内の比較対象が不足しているため、学修量を比較できません。",
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
            "The workload cannot be compared in the same unit as the home reference.",
            "国内の比較対象と同じ単位で学修量を比較できません。",
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
            f"The workload is {shortfall:.0%} below that of {ctx.reference.id}, more than the policy's {th.workload_substantial_shortfall:.0%}.",
            f"学修量は {_ja(ctx.reference)} より {shortfall:.0%} 少なく、方針の基準 {th.workload_substantial_shortfall:.0%} を超えています。",
            {"shortfall": round(shortfall, 3), "gap_credits": round(gap, 1)},
        )
    if shortfall > th.workload_minor_shortfall:
        return _finding(
            el,
            Severity.MINOR,
            "shortfall",
            evidence,
            f"The workload is {shortfall:.0%} below that of {ctx.reference.id}; for this purpose that is not a substantial difference.",
            f"学修量は {_ja(ctx.reference)} より {shortfall:.0%} 少ないものの、この目的にとって実質的な相違ではありません。",
        )
    return _finding(
        el,
        Severity.NONE,
        "within-threshold",
        evidence,
        f"The workload is comparable to that of {ctx.reference.id}.",
        f"学修量は {_ja(ctx.reference)} と同等です。",
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
            f"{name} is a documented degree mill; its awards are not qualifications of a recognised system.",
            f"{name} は学位商法（ディグリーミル）として記録されており、その学位は認可された教育制度の資格ではありません。",
        )
    if inst.status == "not-recognised":
        return _finding(
            el,
            Severity.SUBSTANTIAL,
            "not-recognised",
            evidence,
            f"{name} is not recognised by the competent authority of its country.",
            f"{name} は所在国の所轄当局により認可されていません。",
        )
    if inst.status == "recognised":
        return _finding(
            el,
            Severity.NONE,
            "recognised",
            evidence,
            f"{name} is recognised in its home system.",
            f"{name} は所在国の制度において認可された機関です。",
        )
    if inst.candidates:
        evidence.append("candidates: " + ", ".join(inst.candidates))
    return _finding(
        el,
        Severity.MINOR,
        f"institution-{inst.status}",
        evidence,
        "The institution's status could not be confirmed from the registry; the evaluator must check the home country's official list.",
        "機関の地位を登録簿で確認できなかったため、評価者が所在国の公式リストで確認する必要があります。",
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
            "The profile is not recorded for both qualifications, so no difference of profile is shown.",
            "双方の資格の性格が記録されていないため、性格の相違は示されていません。",
        )
    if own == other:
        return _finding(
            el,
            Severity.NONE,
            "same-profile",
            evidence,
            f"Both qualifications are {own} in profile.",
            f"双方の資格はいずれも{PROFILE_NAMES[own]['ja']}な性格を持ちます。",
        )
    evidence.append(
        f"policy for {ctx.case.purpose.kind.value}: a different profile is {rule.profile_mismatch.value}"
    )
    return _finding(
        el,
        rule.profile_mismatch,
        "different-profile",
        evidence,
        f"The qualification is {own} where {ref.id if ref else 'the reference'} is {other}; for {ctx.case.purpose.kind.value} the policy weighs this as {rule.profile_mismatch.value}.",
        f"本資格は{PROFILE_NAMES[own]['ja']}、比較対象は{PROFILE_NAMES[other]['ja']}な性格であり、方針はこの目的についてこれを「{SEVERITY_NAMES[rule.profile_mismatch]['ja']}」とします。",
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
            "The purpose names no field, so the learning outcomes are compared at the level of the qualification as a whole.",
            "目的が分野を指定していないため、学習成果は資格全体の水準で比較しました。",
        )
    if own is None:
        return _finding(
            el,
            Severity.MINOR,
            "field-undocumented",
            evidence,
            "The programme's field is not documented, so its learning outcomes cannot be compared with the field sought.",
            "課程の分野が記録されていないため、求められる分野と学習成果を比較できません。",
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
            f"The programme (ISCED-F {own}) is in the field sought ({purpose.field}).",
            f"課程（ISCED-F {own}）は求められる分野（{purpose.field}）に属します。",
        )
    evidence.append(f"policy for {purpose.kind.value}: {code} is {severity.value}")
    return _finding(
        el,
        severity,
        code,
        evidence,
        f"The programme (ISCED-F {own}) is in another field than the one sought ({purpose.field}); the policy weighs this as {severity.value}.",
        f"課程（ISCED-F {own}）は求められる分野（{purpose.field}）と異なり、方針はこれを「{SEVERITY_NAMES[severity]['ja']}」とします。",
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
