"""Fixtures for the casework tests: an office with one user per role, uploads and cases in each state."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from qualbridge.web.accounts.models import Office, Role, User
from qualbridge.web.cases import actions
from qualbridge.web.cases.models import Case, State
from qualbridge.web.trust.keystore import create_office_key
from qualbridge.web.uploads import store

PASSWORD = "correct horse battery"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def pdf_upload(name: str = "diploma.pdf", content: bytes = PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


@pytest.fixture
def office(db: None) -> Office:
    made = Office.objects.create(slug="nic", name_en="Admissions office", name_ja="入学審査", policy="jp-nic")
    create_office_key(made)  # keys are provisioned, never created on first use
    return made


@pytest.fixture
def other_office(db: None) -> Office:
    made = Office.objects.create(slug="enic", name_en="Other office", name_ja="別の機関", policy="gb-enic")
    create_office_key(made)
    return made


def _user(username: str, role: str, office: Office | None) -> User:
    return User.objects.create_user(username, password=PASSWORD, role=role, office=office)


@pytest.fixture
def users(office: Office) -> dict[str, User]:
    return {
        "applicant": _user("ana", Role.APPLICANT, office),
        "other_applicant": _user("bob", Role.APPLICANT, office),
        "evaluator": _user("eve", Role.EVALUATOR, office),
        "evaluator2": _user("evan", Role.EVALUATOR, office),
        "senior": _user("sam", Role.SENIOR, office),
        "senior2": _user("sue", Role.SENIOR, office),
        "admin": _user("ada", Role.ADMIN, office),
    }


#: the path of actions that brings a new case to each state
STEPS = [
    State.DRAFT,
    State.SUBMITTED,
    State.IN_ASSESSMENT,
    State.PENDING_APPROVAL,
    State.DECIDED,
    State.APPEALED,
]


@pytest.fixture
def make_case(users: dict[str, User], office: Office) -> Callable[..., Case]:
    def build(state: str = State.DRAFT, applicant: User | None = None) -> Case:
        applicant = applicant or users["applicant"]
        case = actions.do_create_case(applicant, office, "further-study")
        credential = actions.do_add_credential(
            applicant,
            case,
            title="学士（工学）",
            qualification_type="jp/gakushi",
            country="JP",
            institution="Tokyo University",
            awarded_year=2020,
        )
        actions.do_add_document(applicant, case, store(pdf_upload()), "diploma", credential=credential)
        if state == State.DRAFT:
            return case
        # the policy needs the identity document before the assessment can start (issue 11)
        actions.do_add_document(applicant, case, store(pdf_upload("passport.pdf")), "identity")
        if state == State.AWAITING_DOCUMENTS:
            actions.do_submit(applicant, case)
            actions.do_request_documents(users["evaluator"], case, "Please send your transcript.")
            return Case.objects.get(pk=case.pk)
        actions.do_submit(applicant, case)
        if state == State.SUBMITTED:
            return Case.objects.get(pk=case.pk)
        actions.do_mark_complete(users["evaluator"], case)
        if state == State.IN_ASSESSMENT:
            return Case.objects.get(pk=case.pk)
        actions.do_draft_decision(users["evaluator"], case, "full", "No substantial difference.")
        actions.do_submit_draft(users["evaluator"], case)
        if state == State.PENDING_APPROVAL:
            return Case.objects.get(pk=case.pk)
        actions.do_approve(users["senior"], case)
        if state == State.DECIDED:
            return Case.objects.get(pk=case.pk)
        actions.do_appeal(applicant, case, "The transcript shows more credits.")
        return Case.objects.get(pk=case.pk)

    return build


@pytest.fixture(autouse=True)
def _fast_hasher(settings: object) -> None:
    """Argon2 is tested in tests/web/test_site.py; here many users are made, so hash cheaply."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # type: ignore[attr-defined]
