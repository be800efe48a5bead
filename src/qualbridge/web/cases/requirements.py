"""What an applicant needs before applying to a body, read from its policy file and nothing else (h16a).

For each purpose: the documents the policy requires and those without which the assessment cannot
start; the time limit from a complete file and the appeal window; the offices that apply the policy.
The policy files say nothing about fees or translations, so the page says that the data does not give
them and names who to ask; it never fills the gap with a figure.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from qualbridge.errors import QualbridgeError
from qualbridge.evaluate.policy import Policy, get_policy, policy_ids
from qualbridge.registry.models import pick
from qualbridge.web.accounts.models import Office
from qualbridge.web.cases.models import DocumentKind, Purpose
from qualbridge.web.i18n import visitor_lang


@dataclass(frozen=True)
class PurposeNeeds:
    purpose: str
    label: Any
    #: (label, needed before the assessment can start)
    documents: list[tuple[Any, bool]]


def needs(policy: Policy) -> list[PurposeNeeds]:
    """The documents of each purpose the policy covers, in the order of the purposes."""
    out = []
    for purpose in Purpose.values:
        rule = next((r for p, r in policy.purposes.items() if p.value == purpose), None)
        if rule is None:
            continue
        out.append(
            PurposeNeeds(
                purpose=purpose,
                label=Purpose(purpose).label,
                documents=[
                    (DocumentKind(k.value).label, k in rule.required_to_start)
                    for k in dict.fromkeys([*rule.required_to_start, *rule.required_documents])
                ],
            )
        )
    return out


def policy_page(policy_id: str) -> dict[str, Any]:
    """The requirements page's facts (raises a QualbridgeError for an unknown policy)."""
    policy = get_policy(policy_id)
    lang = visitor_lang()
    return {
        "policy": policy,
        "name": pick(policy.names, lang),
        "body": pick(policy.body, lang),
        "needs": needs(policy),
        "time_limit_months": policy.casework.time_limit_months,
        "appeal_days": policy.casework.appeal_days,
        "appeal_time_limit_days": policy.casework.appeal_time_limit_days,
        "offices": list(Office.objects.filter(policy=policy.id).order_by("slug")),
        "sources": [{"key": k, "url": s.url, "title": s.title} for k, s in sorted(policy.sources.items())],
    }


def every_policy() -> list[dict[str, Any]]:
    """Every shipped casework policy with its offices (a policy that cannot be read is left out)."""
    out = []
    for pid in policy_ids():
        try:
            policy = get_policy(pid)
        except QualbridgeError:
            continue
        out.append(
            {
                "id": policy.id,
                "name": pick(policy.names, visitor_lang()),
                "offices": list(Office.objects.filter(policy=policy.id).order_by("slug")),
            }
        )
    return out
