"""Admission eligibility (入学資格) beside the assessment, for an office whose home framework is Japan's.

The same core function as the public estimate and ``qualbridge eligibility``
(:func:`qualbridge.eligibility.answer.eligibility_overview`), so the evaluator sees the answer the
applicant saw; a credential without a registry type, or an office outside Japan, gets none.
"""

from __future__ import annotations

from qualbridge.eligibility.answer import Eligibility, eligibility_overview
from qualbridge.errors import QualbridgeError
from qualbridge.evaluate.policy import get_policy
from qualbridge.registry import get_registry
from qualbridge.web.cases.models import Case

JAPANESE_HOME = "jp-jeqf"


def eligibility_by_credential(case: Case) -> dict[int, list[Eligibility]]:
    try:
        if get_policy(case.office.policy).home_framework != JAPANESE_HOME:
            return {}
    except QualbridgeError:
        return {}
    registry = get_registry()
    found: dict[int, list[Eligibility]] = {}
    for credential in case.credentials.all():
        if credential.qualification_type in registry.qualifications:
            try:
                found[credential.pk] = eligibility_overview(
                    registry, credential.qualification_type, country=credential.country
                )
            except QualbridgeError:
                continue  # shown without eligibility rather than breaking the case page
    return found
