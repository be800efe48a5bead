"""The statement a recognising body hands the applicant: its signed claims, bilingual HTML and PDF/A-3.

Kept as the one import for callers; the work is split by concern: :mod:`qualbridge.statements.claims`
(what is signed and the verification address), :mod:`qualbridge.statements.page` (the bilingual HTML)
and :mod:`qualbridge.statements.pdf` (PDF/A-3b with the credential embedded).
"""

from __future__ import annotations

from qualbridge.statements.claims import credential_digest, statement_claims, verification_url
from qualbridge.statements.page import ASSESSMENT_NAME, ATTACHMENT_NAME, TEMPLATES, render_html
from qualbridge.statements.pdf import FONT_FAMILIES, MissingFonts, RenderError, check_fonts, render_pdf

__all__ = [
    "ASSESSMENT_NAME",
    "ATTACHMENT_NAME",
    "FONT_FAMILIES",
    "TEMPLATES",
    "MissingFonts",
    "RenderError",
    "check_fonts",
    "credential_digest",
    "render_html",
    "render_pdf",
    "statement_claims",
    "verification_url",
]
