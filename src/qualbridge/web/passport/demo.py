"""The demo's refugee case: a background paper instead of documents, an interview by two evaluators, a passport.

Illustrative, like the rest of the demo data (:mod:`qualbridge.web.demo`): no real applicant or decision.
Brought to its state through the actions, so its audit trail is what real use writes.
"""

from __future__ import annotations

import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from qualbridge.web.accounts.models import Office, User
from qualbridge.web.cases import actions as case_actions
from qualbridge.web.passport import actions
from qualbridge.web.uploads import store

RECORD = {
    "language": "Arabic",
    "title": "Bachelor of Civil Engineering (illustrative)",
    "country": "SY",
    "institution": "Damascus University",
    "field": "Civil engineering (ISCED-F 0732)",
    "awarded": "2014",
    "level": "Bachelor's level: four years of full-time study, as described in the interview",
    "work_experience": "Site engineer, 2015-2019",
    "language_proficiency": "Arabic (first language)\nEnglish (used in the interview)",
    "evidence": "Background paper\nPhotograph of the student card\nStructured interview",
    "certainty": "probable",
}


def seed_refugee_case(office: Office, applicant: User, first: User, second: User, pdf: bytes) -> str:
    """Create the refugee case and issue its passport; returns a line for the demo's summary."""
    case = case_actions.do_create_case(applicant, office, "further-study")
    case_actions.do_add_credential(
        applicant,
        case,
        title=RECORD["title"],
        qualification_type="",
        country="SY",
        institution=RECORD["institution"],
        awarded_year=2014,
    )
    paper = store(SimpleUploadedFile("background-paper.pdf", pdf))
    case_actions.do_add_document(applicant, case, paper, "background-paper")
    case_actions.do_submit(applicant, case)
    interview = actions.do_start_interview(
        first, case, second, {**RECORD, "conducted_on": timezone.localdate() - dt.timedelta(days=3)}
    )
    actions.do_sign(first, interview)
    actions.do_sign(second, interview)
    actions.do_issue(first, interview)
    return f"  a refugee case with a qualifications passport: {case.reference} (/cases/{case.pk}/passport/)"
