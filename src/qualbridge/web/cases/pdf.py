"""The statement as a PDF: the core's bilingual statement of the decided assessment.

``qualbridge.statements.render.render_pdf`` draws it (A4, Japanese and English side by side,
PDF/A-3b with the signed credential attached, a QR code to this site's ``/verify`` page); the
assessment is the one the statement was issued from, so the PDF says what the signature covers.
"""

from __future__ import annotations

from qualbridge.statements.render import render_pdf
from qualbridge.web.cases.issuance import public_url, statement_assessment
from qualbridge.web.cases.models import Statement


def statement_pdf_bytes(statement: Statement) -> bytes:
    return render_pdf(statement_assessment(statement), statement.signed, verify_base_url=public_url(""))
