"""The workload element (EAR manual ch. 8 and 10): the credential's credits or duration against the
home reference qualification, weighed by the policy's thresholds for the purpose.

The burden of proof lies with the recognising body, so where credits and years give different
ratios the measure more favourable to the applicant is used.
"""

from __future__ import annotations

from qualbridge.evaluate.context import Context
from qualbridge.evaluate.conversion import credit_system, hours_of, years_of
from qualbridge.evaluate.findings import Element, Finding, finding
from qualbridge.evaluate.policy import Severity
from qualbridge.registry.models import QualificationType, pick


def _ja(qt: QualificationType) -> str:
    return qt.names.get("ja") or pick(qt.names)


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


def _credential_workload(ctx: Context, evidence: list[str]) -> tuple[float | None, float | None]:
    """(hours, years) of the credential, noting what they rest on in ``evidence``."""
    cred = ctx.credential
    hours: float | None = None
    years: float | None = cred.duration_years
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
    return hours, years


def workload(ctx: Context) -> Finding:
    el, cred = Element.WORKLOAD, ctx.credential
    evidence: list[str] = []
    hours, years = _credential_workload(ctx, evidence)
    if not cred.completed:
        evidence.append("studies not completed")
        return finding(
            el,
            Severity.SUBSTANTIAL,
            "incomplete",
            evidence,
            "elements.workload.incomplete",
        )
    if ctx.reference is None or (hours is None and years is None):
        return finding(
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
        return finding(
            el,
            Severity.MINOR,
            "undocumented",
            evidence,
            "elements.workload.other-unit",
        )
    return _weighed(ctx, ctx.reference, ratios, ref_hours, ref_years, evidence)


def _weighed(
    ctx: Context,
    reference: QualificationType,
    ratios: dict[str, float],
    ref_hours: float | None,
    ref_years: float | None,
    evidence: list[str],
) -> Finding:
    """The shortfall against the reference, weighed by the policy's thresholds for the purpose."""
    el, rule = Element.WORKLOAD, ctx.policy.rule(ctx.case.purpose.kind)
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
        return finding(
            el,
            Severity.SUBSTANTIAL,
            "shortfall",
            evidence,
            "elements.workload.substantial-shortfall",
            {
                "shortfall": f"{shortfall:.0%}",
                "reference": reference.id,
                "threshold": f"{th.workload_substantial_shortfall:.0%}",
            },
            ja={"reference": _ja(reference)},
            data={"shortfall": round(shortfall, 3), "gap_credits": round(gap, 1)},
        )
    if shortfall > th.workload_minor_shortfall:
        return finding(
            el,
            Severity.MINOR,
            "shortfall",
            evidence,
            "elements.workload.minor-shortfall",
            {"shortfall": f"{shortfall:.0%}", "reference": reference.id},
            ja={"reference": _ja(reference)},
        )
    return finding(
        el,
        Severity.NONE,
        "within-threshold",
        evidence,
        "elements.workload.within-threshold",
        {"reference": reference.id},
        ja={"reference": _ja(reference)},
    )
