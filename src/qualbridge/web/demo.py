"""Demo data for ``qualbridge serve --demo``: an office, one user per role, a dozen cases in different states.

Runs only on an empty database (no office yet), only when asked for, and never in production
(``QUALBRIDGE_ENV=production``). Users get random passwords, printed once; every case
is brought to its state through the actions layer, so the audit chain is the same as in real use.
The institutions and names are illustrative, not records of real applicants or real decisions.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from pathlib import Path

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from qualbridge.errors import QualbridgeError
from qualbridge.web.accounts.models import Office, Role, User
from qualbridge.web.cases import actions
from qualbridge.web.cases.models import Case, State
from qualbridge.web.production import is_production
from qualbridge.web.trust.keystore import create_office_key
from qualbridge.web.uploads import store


class DemoRefused(QualbridgeError):
    """Demo accounts (with printed passwords) asked for where they must never be."""


#: a one-page blank PDF, as the demo's uploaded diploma
DEMO_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)

#: (qualification type, country, title as on the diploma, institution, purpose, target state)
DEMO_CASES = [
    (
        "gb/bachelor-honours",
        "GB",
        "BSc (Hons) Computer Science",
        "University of Leeds",
        "further-study",
        State.DRAFT,
    ),
    (
        "us/bachelor",
        "US",
        "Bachelor of Arts in Economics",
        "Ohio State University",
        "employment",
        State.SUBMITTED,
    ),
    ("kr/haksa", "KR", "학사 (공학)", "Seoul National University", "further-study", State.AWAITING_DOCUMENTS),
    ("gb/master", "GB", "MSc Data Science", "University of Edinburgh", "further-study", State.IN_ASSESSMENT),
    ("us/master", "US", "Master of Science", "University of Michigan", "employment", State.IN_ASSESSMENT),
    ("cn/xueshi", "CN", "学士 (工学)", "Tsinghua University", "further-study", State.PENDING_APPROVAL),
    ("gb/bachelor-honours", "GB", "BA (Hons) History", "University of Leeds", "further-study", State.DECIDED),
    ("gb/bachelor-honours", "GB", "BSc (Hons) Physics", "University of Leeds", "employment", State.DECIDED),
    ("us/associate", "US", "Associate of Arts", "Miami Dade College", "further-study", State.DECIDED),
    ("kr/seoksa", "KR", "석사 (경영학)", "Korea University", "employment", State.APPEALED),
    ("cn/shuoshi", "CN", "硕士 (理学)", "Fudan University", "further-study", State.SUBMITTED),
    ("gb/hnd", "GB", "HND Engineering", "Leeds College of Building", "employment", State.IN_ASSESSMENT),
]
DECISIONS = {
    "us/associate": (
        "partial",
        "Two years of study: recognised as partial studies towards a bachelor's degree.",
        "The two years of study documented in the transcript.",
    )
}


def _password() -> str:
    return secrets.token_urlsafe(12)


def _advance(case: Case, target: str, staff: dict[str, User], qualification: str) -> None:
    applicant = case.applicant
    if target == State.DRAFT:
        return
    actions.do_submit(applicant, case)
    if target == State.SUBMITTED:
        return
    if target == State.AWAITING_DOCUMENTS:
        actions.do_request_documents(staff["evaluator"], case, "Please upload your transcript of records.")
        return
    actions.do_mark_complete(staff["evaluator"], case)
    if target == State.IN_ASSESSMENT:
        return
    decision, reasons, basis = DECISIONS.get(
        qualification, ("full", "No substantial difference in level, workload or profile.", "")
    )
    actions.do_draft_decision(staff["evaluator"], case, decision, reasons, basis)
    actions.do_submit_draft(staff["evaluator"], case)
    if target == State.PENDING_APPROVAL:
        return
    actions.do_approve(staff["senior"], case)
    if target == State.APPEALED:
        actions.do_appeal(applicant, case, "My transcript shows 240 credits; please reconsider the workload.")


@transaction.atomic
def seed() -> Iterator[str]:
    office = Office.objects.create(
        slug="demo-office",
        name_en="Demo admissions office (model policy)",
        name_ja="デモ入学審査担当部署（モデル方針）",
        policy="jp-nic",
    )
    create_office_key(office)  # the demo office's signing key (provisioned here, never on first use)
    accounts = {}
    lines = ["Demo data: one user per role (passwords shown once):"]
    for username, role in (
        ("applicant", Role.APPLICANT),
        ("evaluator", Role.EVALUATOR),
        ("evaluator2", Role.EVALUATOR),
        ("senior", Role.SENIOR),
        ("senior2", Role.SENIOR),
        ("admin", Role.ADMIN),
    ):
        password = _password()
        accounts[username] = User.objects.create_user(
            username, password=password, role=role, office=office, first_name=username.capitalize()
        )
        lines.append(f"  {role.label:<18} {username:<11} {password}")
    others = [
        User.objects.create_user(f"applicant{i}", password=_password(), role=Role.APPLICANT, office=office)
        for i in (2, 3)
    ]
    owners = [accounts["applicant"], *others]
    for i, (qualification, country, title, institution, purpose, target) in enumerate(DEMO_CASES):
        applicant = owners[i % len(owners)]
        case = actions.do_create_case(applicant, office, purpose)
        credential = actions.do_add_credential(
            applicant,
            case,
            title=title,
            qualification_type=qualification,
            country=country,
            institution=institution,
            awarded_year=2018 + i % 6,
        )
        stored = store(SimpleUploadedFile("diploma.pdf", DEMO_PDF))
        actions.do_add_document(applicant, case, stored, "diploma", credential=credential)
        identity = store(SimpleUploadedFile("passport.pdf", DEMO_PDF))  # needed to start the assessment
        actions.do_add_document(applicant, case, identity, "identity")
        _advance(case, target, accounts, qualification)
    lines.append(
        f"  {len(DEMO_CASES)} cases in {len({c[-1] for c in DEMO_CASES})} states; sign in at /accounts/login/"
    )
    from qualbridge.web.passport.demo import seed_refugee_case  # h18p

    lines.append(
        seed_refugee_case(
            office, accounts["applicant"], accounts["evaluator"], accounts["evaluator2"], DEMO_PDF
        )
    )
    from qualbridge.web.training.demo import seed_training  # h18: the training mode

    lines += seed_training(_password)
    _keep(lines)
    return iter(lines)


def _passwords_file() -> Path:
    return Path(settings.DATA_DIR) / "demo-users.txt"


def _keep(lines: list[str]) -> None:
    """Keep the demo accounts in the data folder (mode 0600), to show them again on the next start."""
    path = _passwords_file()
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")


def seed_if_empty() -> Iterator[str]:
    """Seed the demo data when there is no office yet; yields the lines to print."""
    if is_production():
        raise DemoRefused("demo data are never loaded when QUALBRIDGE_ENV=production")
    if Office.objects.exists():
        path = _passwords_file()
        if Office.objects.filter(slug="demo-office").exists() and path.exists():
            return iter(path.read_text(encoding="utf-8").splitlines())
        return iter(())
    return seed()
