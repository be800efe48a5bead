"""The qualifications passport as a page in Japanese or in English, and as PDF/A-3b.

The page is drawn from the signed credential itself (:func:`~qualbridge.statements.passport.passport_facts`),
so it can say nothing the signature does not cover. Every label and sentence comes from the core's
catalogue (``passport.po``) in the page's language; the words the evaluators wrote (titles, work
experience, evidence) are theirs and are shown as written. The parts follow the UQP: the assessment,
the explanatory part (what the document is and is not) and the way ahead; the header carries the
validity period and a QR code to the verification page. The PDF uses the statement's stylesheet and
fonts (:mod:`qualbridge.statements.pdf`) and embeds the signed credential.
"""

from __future__ import annotations

import html
import json
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlencode

from qualbridge.messages import text
from qualbridge.statements.claims import credential_digest
from qualbridge.statements.page import template_files
from qualbridge.statements.passport import passport_facts
from qualbridge.statements.pdf import _collector_paused, _weasy, check_fonts
from qualbridge.statements.qr import qr_img

LANGS = ("ja", "en")
PASSPORT_ATTACHMENT = "qualifications-passport.json"


def _e(value: object) -> str:
    return html.escape("" if value is None else str(value))


def passport_verify_url(credential: Mapping[str, Any], base: str) -> str:
    """``<base>/verify?id=...&digest=...``: the verification page with this passport loaded."""
    query = {
        "id": str(credential.get("id", "")).removeprefix("urn:uuid:"),
        "digest": credential_digest(credential),
    }
    return f"{base.rstrip('/')}/verify?{urlencode(query)}"


def _check_lang(lang: str) -> str:
    if lang not in LANGS:
        raise ValueError(f"A passport is rendered in ja or en, not {lang!r}.")
    return lang


def _qualification_rows(facts: Mapping[str, Any], lang: str) -> str:
    blocks = []
    for q in facts["qualifications"]:
        names = q["names"]
        name = names.get(lang) or names.get("en") or q["title"]
        rows = [
            (
                text("passport.label.qualification", lang),
                f"{_e(name)}"
                + (
                    f" <span class='small' lang='und'>({_e(q['title'])})</span>"
                    if q["title"] and q["title"] != name
                    else ""
                )
                + (f" <code>{_e(q['type'])}</code>" if q["type"] else "")
                + f" ({_e(q['country'])})",
            ),
            (text("passport.label.field", lang), _e(q["field"])),
            (text("passport.label.institution", lang), _e(q["institution"])),
            (text("passport.label.awarded", lang), _e(q["awarded"])),
            (text("passport.label.level", lang), _e(q["level"])),
        ]
        blocks.append(
            "<table>" + "".join(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in rows if v) + "</table>"
        )
    return "\n".join(blocks)


def _list(items: list[str]) -> str:
    return "<ul>" + "".join(f"<li>{_e(i)}</li>" for i in items) + "</ul>" if items else "<p>—</p>"


def passport_page(
    credential: Mapping[str, Any],
    lang: str,
    *,
    verify_url: str,
    issuer_name: str = "",
    css: str | None = None,
) -> str:
    """The passport as one self-contained HTML page in ``lang`` (``ja`` or ``en``)."""
    lang = _check_lang(lang)
    facts = passport_facts(credential)
    if facts is None:
        raise ValueError("This credential is not a qualifications passport.")
    subject = credential.get("credentialSubject")
    subject = subject if isinstance(subject, Mapping) else {}
    holder = " ".join(str(subject.get(k, "")) for k in ("familyName", "givenName")).strip() or "—"
    interview = facts["interview"]
    signed = "proof" in credential
    title = text("passport.label.title", lang)
    valid = text(
        "passport.valid", lang, valid_from=facts["valid_from"][:10], valid_until=facts["valid_until"][:10]
    )
    summary = text(
        "passport.interview.summary",
        lang,
        date=interview["conducted_on"] or "—",
        language=interview["language"] or "—",
        count=interview["interviewers"],
    )
    parts = [
        f"<header><div><h1>{_e(title)}</h1>",
        f"<div class='meta'>{_e(text('passport.label.issuer', lang))}: {_e(issuer_name or credential.get('issuer'))}</div>",
        f"<div class='meta'>{_e(text('passport.label.reference', lang))} <span class='reference'>{_e(facts['reference'])}</span></div>",
        f"<div class='meta' id='validity'>{_e(text('passport.label.validity', lang))}: {_e(valid)}</div>",
        "" if signed else f"<div class='draft'>{_e(text('passport.label.draft', lang))}</div>",
        f"</div><div class='qr'>{qr_img(verify_url)}<div>{_e(text('passport.label.verify', lang))}</div></div></header>",
        f"<table><tr><th>{_e(text('passport.label.holder', lang))}</th><td>{_e(holder)}</td></tr></table>",
        f"<h2>{_e(text('passport.label.assessment', lang))}</h2>",
        _qualification_rows(facts, lang),
        f"<h3>{_e(text('passport.label.work', lang))}</h3>{_list(facts['work_experience'])}",
        f"<h3>{_e(text('passport.label.languages', lang))}</h3>{_list(facts['language_proficiency'])}",
        f"<h2>{_e(text('passport.label.evidence', lang))}</h2>{_list(facts['evidence'])}",
        f"<h3>{_e(text('passport.label.interview', lang))}</h3><p>{_e(summary)}</p>",
        f"<h2>{_e(text('passport.label.certainty', lang))}</h2>",
        f"<p id='certainty' data-certainty='{_e(facts['certainty'])}'>{_e(facts['certainty_statement'].get(lang, ''))}</p>",
        f"<h2>{_e(text('passport.label.status', lang))}</h2><p>{_e(facts['document_status'].get(lang, ''))}</p>",
        f"<h2>{_e(text('passport.label.way-ahead', lang))}</h2><p>{_e(facts['way_ahead'].get(lang, ''))}</p>",
        f"<footer>{_e(verify_url)}</footer>",
    ]
    style = template_files()[1] if css is None else css
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8"><title>{_e(title)} {_e(facts["reference"])}</title>'
        f"<style>{style}</style></head><body class='passport'>\n" + "\n".join(parts) + "\n</body></html>\n"
    )


def render_passport_pdf(
    credential: Mapping[str, Any], lang: str, *, verify_url: str, issuer_name: str = ""
) -> bytes:
    """PDF/A-3b of the passport in ``lang`` with the signed credential embedded as an associated file."""
    check_fonts()
    fonts, stylesheet = _weasy()
    from weasyprint import HTML, Attachment

    page = passport_page(credential, lang, verify_url=verify_url, issuer_name=issuer_name, css="")
    attachment = Attachment(
        string=json.dumps(credential, ensure_ascii=False, indent=2),
        name=PASSPORT_ATTACHMENT,
        description="Signed qualifications passport (W3C Verifiable Credential 2.0, eddsa-rdfc-2022)",
        relationship="Data",
    )
    with _collector_paused():
        pdf: bytes = HTML(string=page).write_pdf(
            pdf_variant="pdf/a-3b", attachments=[attachment], stylesheets=[stylesheet], font_config=fonts
        )
    return pdf
