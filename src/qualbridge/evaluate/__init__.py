"""The credential-evaluation method: case files, policies, the five elements and the recommended outcome.

from qualbridge.evaluate import evaluate, load_case

assessment = evaluate(load_case(Path("examples/cases/full-jp-gakushi-to-gb.yaml")))
assessment.recommendation.outcome      # Outcome.FULL
assessment.as_json()                   # findings, conversions, data_version ...
"""

from qualbridge.evaluate.assess import Assessment, CredentialAssessment, evaluate
from qualbridge.evaluate.casefile import Case, load_case, parse_case
from qualbridge.evaluate.findings import Element, Finding
from qualbridge.evaluate.policy import Outcome, Policy, Severity, get_policy

__all__ = [
    "Assessment",
    "Case",
    "CredentialAssessment",
    "Element",
    "Finding",
    "Outcome",
    "Policy",
    "Severity",
    "evaluate",
    "get_policy",
    "load_case",
    "parse_case",
]
