"""The statement as a PDF: the case's decision rendered from a template by WeasyPrint."""

from __future__ import annotations

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.translation import get_language

from qualbridge.web.cases.models import Case, Statement


def statement_pdf_bytes(request: HttpRequest, case: Case, statement: Statement) -> bytes:
    from weasyprint import HTML

    lang = get_language() or "en"
    office_name = case.office.name_ja if lang.startswith("ja") else case.office.name_en
    html = render_to_string(
        "cases/statement.html",
        {"case": case, "statement": statement, "lang": lang, "office_name": office_name},
        request=request,
    )
    return bytes(HTML(string=html).write_pdf())
