"""The casework statement is the core's: the decided assessment, bilingual PDF/A-3 and signed JSON.

The office's approved decision (not the engine's recommendation), its reasons and the evaluator's
edited findings are what the downloaded PDF says and what the signed credential carries; the PDF
embeds the very credential the JSON download serves.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from qualbridge.statements.render import ATTACHMENT_NAME
from qualbridge.statements.verify import verify_credential
from qualbridge.web.accounts.models import Office, User
from qualbridge.web.cases import actions
from qualbridge.web.cases.errors import InvalidTransition
from qualbridge.web.cases.issuance import signed_status_list, status_list_url
from qualbridge.web.cases.models import Case, Finding, State
from qualbridge.web.trust.did import site_trust_list
from qualbridge.web.uploads import store

from .conftest import pdf_upload

pytestmark = pytest.mark.django_db
MakeCase = Callable[..., Case]
REASONS = "Registered engineer; the workload difference is not substantial for further study."


def tool(name: str) -> str:
    path = shutil.which(name)
    assert path, f"{name} is missing: install the Debian package poppler-utils (make system-packages)"
    return path


def decide(users: dict[str, User], case: Case, outcome: str, reasons: str = REASONS, basis: str = "") -> Case:
    actions.do_draft_decision(users["evaluator"], case, outcome, reasons, basis)
    actions.do_submit_draft(users["evaluator"], case)
    actions.do_approve(users["senior"], case)
    return Case.objects.get(pk=case.pk)


def download(client: Client, user: User, case: Case, tmp_path: Path) -> tuple[str, dict[str, Any], Path]:
    """(text of the PDF with whitespace collapsed, the signed JSON, the PDF's path)."""
    client.force_login(user)
    response = client.get(f"/cases/{case.pk}/statement.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    path = tmp_path / "statement.pdf"
    path.write_bytes(response.content)
    text = subprocess.run(
        [tool("pdftotext"), str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    signed = client.get(f"/cases/{case.pk}/statement.json").json()
    return " ".join(text.split()), signed, path


def attached_credential(path: Path, tmp_path: Path) -> dict[str, Any]:
    out = tmp_path / "attached"
    out.mkdir()
    subprocess.run([tool("pdfdetach"), "-saveall", "-o", str(out), str(path)], check=True)
    loaded: dict[str, Any] = json.loads((out / ATTACHMENT_NAME).read_text(encoding="utf-8"))
    return loaded


def test_statement_states_the_approved_decision_not_the_engines(
    client: Client, users: dict[str, User], make_case: MakeCase, tmp_path: Path
) -> None:
    case = make_case(State.IN_ASSESSMENT)
    engine_outcome = case.assessment["recommendation"]["outcome"]
    assert engine_outcome == "conditional"  # the fixture's file lacks the transcript
    workload = Finding.objects.get(case=case, element="workload")
    actions.do_edit_finding(
        users["evaluator"],
        workload,
        "Four years and 124 credits as documented.",
        False,
        "Checked the diploma.",
    )
    case = decide(users, case, "full")
    text, signed, path = download(client, users["applicant"], case, tmp_path)

    # the PDF: the approved outcome in both languages, the office's reasons and finding, its names
    assert "完全な承認" in text and "Full recognition" in text
    assert "条件付き承認" not in text and "Conditional recognition" not in text
    assert REASONS in text
    assert "Four years and 124 credits as documented." in text
    assert case.reference in text and "入学審査" in text and "Admissions office" in text
    assert case.appeal_deadline is not None and case.appeal_deadline.isoformat() in text

    # the signed JSON: verifies, and carries the approved outcome with the office's reasons
    lists = {status_list_url(case.office): signed_status_list(case.office)}
    assert verify_credential(signed, trust=site_trust_list(), resolve_status=lists.get).ok
    decision = signed["credentialSubject"]["decision"]
    assert decision["outcome"] == "full" != engine_outcome
    assert decision["names"] == {"en": "Full recognition", "ja": "完全な承認"}
    assert REASONS in decision["reasons"]
    assert signed["credentialSubject"]["caseReference"] == case.reference

    # the PDF embeds the very credential the JSON download serves
    assert attached_credential(path, tmp_path) == signed == case.statements.get().signed


def test_the_pdf_keeps_the_signed_decision_while_an_appeal_is_redrafted(
    client: Client, users: dict[str, User], make_case: MakeCase, tmp_path: Path
) -> None:
    case = make_case(State.APPEALED)  # decided "full", then appealed
    evaluator = case.evaluator
    assert evaluator is not None
    actions.do_draft_decision(evaluator, case, "non-recognition", "Reconsidered on appeal.")
    text, signed, _ = download(client, users["applicant"], case, tmp_path)
    assert signed["credentialSubject"]["decision"]["outcome"] == "full"
    assert "Full recognition" in text and "Non-recognition" not in text
    assert "Reconsidered on appeal." not in text


def test_a_case_the_engine_refused_gets_a_statement_that_says_so(
    client: Client, users: dict[str, User], office: Office, tmp_path: Path
) -> None:
    applicant = users["applicant"]
    case = actions.do_create_case(applicant, office, "employment")
    credential = actions.do_add_credential(
        applicant, case, title="Diploma of nothing", country="FR", institution="Somewhere"
    )
    actions.do_add_document(applicant, case, store(pdf_upload()), "diploma", credential=credential)
    actions.do_add_document(applicant, case, store(pdf_upload("id.pdf")), "identity")
    actions.do_submit(applicant, case)
    actions.do_mark_complete(users["evaluator"], case)
    case.refresh_from_db()
    assert "engine_refused" in case.assessment
    quality = Finding.objects.get(case=case, element="quality")
    actions.do_edit_finding(
        users["evaluator"], quality, "Accredited by the ministry.", False, "Ministry list."
    )
    case = decide(users, case, "partial", "Only the documented years are recognised.", "Years 1 and 2.")
    text, signed, path = download(client, applicant, case, tmp_path)

    assert "部分的な承認" in text and "Partial recognition" in text
    assert "Only the documented years are recognised." in text
    assert "could not be assessed automatically" in text and "自動評価ができなかった" in text
    assert "Accredited by the ministry." in text
    lists = {status_list_url(case.office): signed_status_list(case.office)}
    assert verify_credential(signed, trust=site_trust_list(), resolve_status=lists.get).ok
    assert signed["credentialSubject"]["decision"]["outcome"] == "partial"
    assert attached_credential(path, tmp_path) == signed


def test_an_office_without_a_loadable_policy_cannot_issue_a_statement(
    users: dict[str, User], office: Office, make_case: MakeCase
) -> None:
    case = make_case(State.IN_ASSESSMENT)
    Office.objects.filter(pk=office.pk).update(policy="no-such-policy")
    Case.objects.filter(pk=case.pk).update(assessment={"engine_refused": "unknown policy"})
    case = Case.objects.get(pk=case.pk)
    actions.do_draft_decision(users["evaluator"], case, "full", REASONS)
    actions.do_submit_draft(users["evaluator"], case)
    with pytest.raises(InvalidTransition, match="no-such-policy"):
        actions.do_approve(users["senior"], case)
    case.refresh_from_db()
    assert case.state == State.PENDING_APPROVAL and not case.statements.exists()
