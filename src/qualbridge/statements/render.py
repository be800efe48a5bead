"""The statement a recognising body hands the applicant: bilingual A4 HTML and PDF/A-3.

Japanese and English stand side by side in every section, so a reader of either language sees the
same decision, reasons, findings, next steps and right of appeal. The PDF is PDF/A-3b (WeasyPrint)
with the signed credential (W3C Verifiable Credential JSON) embedded as an associated file, and a QR
code pointing to the verification page. Fonts are the IPAex fonts from Debian's packages
(``fonts-ipaexfont-gothic``, ``fonts-ipaexfont-mincho``), named by family; a machine without them
raises :class:`MissingFonts` rather than printing tofu. :func:`statement_claims` is what the signing
module signs: the assessment's decision in the terms of the qualbridge statement context.
"""

from __future__ import annotations

import base64
import gc
import hashlib
import html
import json
import shutil
import subprocess
import threading
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from string import Template
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from qualbridge.errors import QualbridgeError
from qualbridge.registry.models import pick
from qualbridge.statements.qr import qr_img

if TYPE_CHECKING:
    from qualbridge.evaluate.assess import Assessment, CredentialAssessment

TEMPLATES = Path(__file__).resolve().parent / "templates"
FONT_FAMILIES = ("IPAexGothic", "IPAexMincho")
ATTACHMENT_NAME = "recognition-statement.json"
ASSESSMENT_NAME = "assessment.json"
EVIDENCE_ITEMS = 2
EVIDENCE_CHARS = 110
ELEMENT_NAMES = {
    "level": ("水準", "Level"),
    "workload": ("学修量", "Workload"),
    "quality": ("質（機関・課程の地位）", "Quality"),
    "profile": ("資格の性格", "Profile"),
    "learning-outcomes": ("学習成果", "Learning outcomes"),
}
SEVERITY_NAMES = {
    "none": ("相違なし", "none"),
    "minor": ("軽微な相違", "minor"),
    "substantial": ("実質的な相違", "substantial"),
}
DOCUMENTATION = {
    "complete": ("書類は揃っています。", "The file is complete."),
    "incomplete": ("不足書類があります。", "Documents are missing."),
    "background-paper": (
        "申請者はすべての書類を提出できなかったため、背景説明書と現存する証拠に基づいて評価しました。",
        "The applicant could not supply all documents; the assessment rests on the background paper and the evidence that exists.",
    ),
}


class MissingFonts(QualbridgeError):
    code = "missing-fonts"


class RenderError(QualbridgeError):
    code = "render-error"


@cache
def check_fonts() -> None:
    """Raise :class:`MissingFonts` unless fontconfig knows both IPAex families."""
    if shutil.which("fc-list") is None:
        raise MissingFonts("fontconfig (fc-list) is not installed; install fontconfig and the IPAex fonts.")
    listed = subprocess.run(["fc-list", ":", "family"], capture_output=True, text=True, check=False).stdout
    missing = [f for f in FONT_FAMILIES if f not in listed]
    if missing:
        raise MissingFonts(
            f"Font families {', '.join(missing)} are not installed; statements need them. Install the Debian "
            "packages fonts-ipaexfont-gothic and fonts-ipaexfont-mincho (make system-packages)."
        )


def _e(text: object) -> str:
    return html.escape("" if text is None else str(text))


def _names(names: Mapping[str, str]) -> tuple[str, str]:
    """(Japanese side, English side) of a names table."""
    ja = names.get("ja") or ""
    latn = names.get("ja-Latn")
    en = names.get("en") or pick(dict(names))
    return (f"{ja}（{latn}）" if ja and latn else ja or en), en


def _list(items: Iterable[str]) -> str:
    rows = "".join(f"<li>{_e(i)}</li>" for i in items)
    return f"<ul>{rows}</ul>" if rows else "—"


def _evidence(items: list[str]) -> str:
    """The first evidence items of a finding that shows a difference, shortened; every finding's full
    evidence is in the attached assessment (drawing it all would double the rendering time)."""
    shown = [i if len(i) <= EVIDENCE_CHARS else i[: EVIDENCE_CHARS - 1] + "…" for i in items[:EVIDENCE_ITEMS]]
    more = len(items) - len(shown)
    return "; ".join(_e(i) for i in shown) + (f" (+{more}: {ASSESSMENT_NAME})" if more > 0 else "")


def _pair(ja: str, en: str) -> str:
    return f'<table class="pair"><tr><td class="ja">{ja}</td><td>{en}</td></tr></table>'


# -- claims and verification ------------------------------------------------------------------------
def statement_claims(assessment: Assessment) -> dict[str, Any]:
    """The credentialSubject of the signed statement (terms of the qualbridge statement context)."""
    c = assessment.principal
    rec = c.recommendation
    qualification: dict[str, Any] = {
        "type": "Qualification",
        "qualificationType": c.qualification.id,
        "names": {k: v for k, v in c.qualification.names.items() if k in ("ja", "en", "ja-Latn")},
        "country": c.qualification.country,
        "level": ", ".join(c.comparison.target_levels) or None,
        "institution": c.institution.id or c.institution.given,
        "programme": c.qualification.programme,
        "awarded": c.qualification.awarded.isoformat() if c.qualification.awarded else None,
    }
    if c.credits is not None:
        qualification["credits"] = c.credits.amount
        qualification["creditSystem"] = c.credits.system
    decision: dict[str, Any] = {
        "type": "RecognitionDecision",
        "outcome": rec.outcome.value,
        "names": dict(rec.names),
        "purpose": assessment.purpose,
        "targetFramework": assessment.home_framework,
        "comparableType": [rec.comparable_type] if rec.comparable_type else [],
        "comparableLevel": [rec.comparable_level] if rec.comparable_level else [],
        "reasons": [*rec.reasons_en, *rec.reasons_ja],
        "notes": " ".join([*rec.conditions_en, *rec.conditions_ja]) or None,
        "workload": f"{c.credits.converted:g} {c.credits.target_system}" if c.credits else None,
        "decidedOn": assessment.assessed_on.isoformat(),
        "decidingBody": assessment.policy,
        "appeal": assessment.appeal.get("en"),
        "dataVersion": assessment.data_version,
    }
    claims: dict[str, Any] = {
        "caseReference": assessment.case_reference,
        "recognisingBody": assessment.policy,
        "qualification": {k: v for k, v in qualification.items() if v is not None},
        "decision": {k: v for k, v in decision.items() if v not in (None, [])},
    }
    for key, term in (
        ("given_name", "givenName"),
        ("family_name", "familyName"),
        ("birth_date", "birthDate"),
    ):
        if key in assessment.applicant:
            claims[term] = assessment.applicant[key]
    return claims


def credential_digest(credential: Mapping[str, Any]) -> str:
    """First 128 bits of the SHA-256 of the credential's canonical JSON, base64url: short enough for a QR code."""
    canonical = json.dumps(credential, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return base64.urlsafe_b64encode(hashlib.sha256(canonical.encode()).digest()[:16]).decode().rstrip("=")


def verification_url(
    assessment: Assessment, credential: Mapping[str, Any] | None, base: str | None = None
) -> str:
    """``<base>/verify?ref=...&id=...&digest=...``: the digest lets the page check the file it is shown."""
    root = (base or assessment.verify_base_url).rstrip("/")
    query = {"ref": assessment.case_reference}
    if credential is not None:
        query["id"] = str(credential.get("id", "")).removeprefix("urn:uuid:")
        query["digest"] = credential_digest(credential)
    return f"{root}/verify?{urlencode(query)}"


# -- HTML -------------------------------------------------------------------------------------------
def _credential_block(c: CredentialAssessment) -> str:
    q, inst, rec = c.qualification, c.institution, c.recommendation
    q_ja, q_en = _names(q.names)
    i_ja, i_en = _names(inst.names) if inst.names else (inst.given or "—", inst.given or "—")
    rows = [
        ("資格 Qualification", f"{_e(q_ja)} · {_e(q_en)} <span class='small'>({_e(q.id)})</span>"),
        ("記載名 Title", _e(q.title) if q.title else "—"),
        ("国 Country", _e(q.country)),
        ("機関 Institution", f"{_e(i_ja)} · {_e(i_en)} <span class='small'>({_e(inst.status)})</span>"),
        (
            "課程 Programme",
            f"{_e(q.programme or '—')}"
            + (f" <span class='small'>(ISCED-F {_e(q.field)})</span>" if q.field else ""),
        ),
        (
            "授与日 Awarded",
            _e(q.awarded.isoformat()) if q.awarded else ("未修了 not completed" if not q.completed else "—"),
        ),
        (
            "比較 Comparison",
            f"{_e(', '.join(c.comparison.target_levels) or '—')} · {_e(c.comparison.outcome)} · "
            f"信頼度 confidence {c.comparison.confidence:.2f}",
        ),
    ]
    table = "".join(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in rows)
    cmp_ja, cmp_en = _names(rec.comparable_names) if rec.comparable_names else ("—", "—")
    level = f" · {_e(rec.comparable_level)}" if rec.comparable_level else ""
    decision = _pair(
        f'<div class="name">{_e(rec.names["ja"])}</div>比較可能な国内資格：{_e(cmp_ja)}{level}',
        f'<div class="name">{_e(rec.names["en"])}</div>Comparable home qualification: {_e(cmp_en)}{level}',
    )
    parts = [
        f"<h2>資格 Qualification {c.index + 1}{' (主たる資格 principal)' if c.principal else ''}</h2>",
        f"<table>{table}</table>",
        f'<div class="decision">{decision}</div>',
        "<h2>理由 Reasons</h2>",
        _pair(_list(rec.reasons_ja), _list(rec.reasons_en)),
    ]
    if rec.conditions_en:
        parts += ["<h2>条件 Conditions</h2>", _pair(_list(rec.conditions_ja), _list(rec.conditions_en))]
    rows_el = []
    for f in c.findings:
        names = ELEMENT_NAMES[f.element.value]
        sev = SEVERITY_NAMES[f.severity.value]
        rows_el.append(
            f"<tr><td>{names[0]}<br>{names[1]}</td><td class='sev-{f.severity.value}'>{sev[0]}<br>{sev[1]}</td>"
            f"<td>{_e(f.reasoning_ja)}</td><td>{_e(f.reasoning_en)}"
            + (f"<div class='evidence'>{_evidence(f.evidence)}</div>" if f.severity.value != "none" else "")
            + "</td></tr>"
        )
    parts += [
        "<h2>五つの要素 The five elements</h2>",
        "<table class='elements'><col class='el'><col class='sev'><col class='txt'><col class='txt'>"
        "<tr><th>要素 Element</th><th>相違 Difference</th><th>理由</th>"
        f"<th>Reasoning <span class='evidence'>(evidence: {ASSESSMENT_NAME})</span></th></tr>"
        + "".join(rows_el)
        + "</table>",
    ]
    conv = []
    if c.grade is not None:
        g = c.grade
        conv.append(
            f"<tr><th>成績平均 Grade average</th><td>{g.average:g} ({_e(g.average_label or '')}) {_e(g.source_scale)} → "
            f"<b>{g.converted:g} ({_e(g.label or '')})</b> {_e(g.target_scale)}"
            f"<div class='evidence'>{_e(g.method)}: {_e(g.formula)}</div></td></tr>"
        )
    if c.credits is not None:
        cr = c.credits
        conv.append(
            f"<tr><th>単位 Credits</th><td>{cr.amount:g} {_e(cr.system)} → <b>{cr.converted:g} {_e(cr.target_system)}</b>"
            f"<div class='evidence'>{_e(cr.method)}: {_e(cr.formula)}</div></td></tr>"
        )
    if conv:
        parts += ["<h2>成績と単位 Grades and credits</h2>", "<table>" + "".join(conv) + "</table>"]
    missing = ", ".join(c.missing_documents) or "—"
    parts += [
        f"<p class='small'>不足書類 Missing documents: {_e(missing)}</p>",
        "<h2>次の手順 Next steps</h2>",
        _pair(_e(rec.next_steps.get("ja", "")), _e(rec.next_steps.get("en", ""))),
    ]
    return "\n".join(parts)


_GC_LOCK = threading.Lock()
_GC_PAUSES = [0, False]  # renders in progress, whether the collector was enabled before the first


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while WeasyPrint lays out and writes a statement.

    A render allocates many thousands of objects; with the registry loaded (~400,000 tracked objects) that
    triggers a full collection every few statements, ~120 ms each (25 ms a statement on average).
    The render's own cyclic garbage (~12,000 objects) is collected in one young-generation pass
    afterwards (~7 ms). Re-entrant and thread-safe: the last render to finish restores the collector.
    (``gc.freeze()`` of the registry would be simpler, but makes the interpreter crash at exit once
    WeasyPrint's Pango objects are alive.)
    """
    with _GC_LOCK:
        if _GC_PAUSES[0] == 0:
            _GC_PAUSES[1] = gc.isenabled()
            gc.disable()
        _GC_PAUSES[0] += 1
    try:
        yield
    finally:
        with _GC_LOCK:
            _GC_PAUSES[0] -= 1
            restore = _GC_PAUSES[0] == 0 and _GC_PAUSES[1]
            if restore:
                gc.enable()
        if restore:
            gc.collect(0)


_WEASY = threading.local()


def _weasy() -> tuple[Any, Any]:
    """WeasyPrint's font configuration and the parsed stylesheet, made once per thread (Pango's font
    map is not shared between threads). Making them for every statement costs ~30 ms: fontconfig
    setup, Pango's font and shaping caches starting cold, and the CSS parse."""
    made: tuple[Any, Any] | None = getattr(_WEASY, "made", None)
    if made is None:
        try:
            from weasyprint import CSS
            from weasyprint.text.fonts import FontConfiguration
        except ImportError as exc:  # pragma: no cover - a dependency of the package
            raise RenderError(f"WeasyPrint cannot be imported: {exc}") from None
        fonts = FontConfiguration()
        made = _WEASY.made = (fonts, CSS(string=_template()[1], font_config=fonts))
    return made


@cache
def _template() -> tuple[Template, str]:
    return (
        Template((TEMPLATES / "statement.html").read_text(encoding="utf-8")),
        (TEMPLATES / "statement.css").read_text(encoding="utf-8"),
    )


def render_html(
    assessment: Assessment, credential: Mapping[str, Any] | None = None, *, verify_base_url: str | None = None
) -> str:
    """The statement as one self-contained HTML page (CSS inline, QR code as inline SVG)."""
    return _page(assessment, credential, verify_base_url, _template()[1])


def _page(
    assessment: Assessment, credential: Mapping[str, Any] | None, verify_base_url: str | None, css: str
) -> str:
    template = _template()[0]
    rec = assessment.recommendation
    url = verification_url(assessment, credential, verify_base_url)
    applicant = (
        " ".join(assessment.applicant.get(k, "") for k in ("family_name", "given_name")).strip() or "—"
    )
    detail = [x for x in (assessment.requested, assessment.required_level) if x]
    doc_ja, doc_en = DOCUMENTATION[assessment.documentation]
    credentials = sorted(assessment.credentials, key=lambda c: not c.principal)
    blocks = "\n".join(_credential_block(c) for c in credentials)
    if assessment.background_paper:
        bp = assessment.background_paper
        blocks += "<h2>背景説明書 Background paper</h2>" + _pair(
            _e(doc_ja),
            _e(doc_en)
            + f"<div class='evidence'>{_e(bp.get('summary', ''))}</div>"
            + _list(bp.get("evidence", [])),
        )
    return template.substitute(
        css=css,
        reference=_e(assessment.case_reference),
        assessed_on=_e(assessment.assessed_on.isoformat()),
        body_ja=_e(assessment.body.get("ja", "")),
        body_en=_e(assessment.body.get("en", "")),
        outcome=_e(rec.outcome.value),
        outcome_en=_e(rec.names["en"]),
        outcome_ja=_e(rec.names["ja"]),
        draft="" if credential is not None else "<div class='draft'>未署名の草案 Unsigned draft</div>",
        qr_img=qr_img(url),
        applicant=_e(applicant),
        purpose_ja=_e(assessment.purpose_names["ja"]),
        purpose_en=_e(assessment.purpose_names["en"]),
        purpose_detail=f" <span class='small'>({_e(', '.join(detail))})</span>" if detail else "",
        credentials=blocks,
        appeal_ja=_e(assessment.appeal.get("ja", "")),
        appeal_en=_e(assessment.appeal.get("en", "")),
        time_limit=assessment.time_limit_days,
        data_version=_e(assessment.data_version),
        policy=_e(assessment.policy),
        attachment_note=(
            f"署名済みの電子証明を添付 Signed credential attached: {ATTACHMENT_NAME}"
            if credential is not None
            else "署名なし Not signed"
        ),
        verify_url=_e(url),
    )


def render_pdf(
    assessment: Assessment, credential: Mapping[str, Any] | None = None, *, verify_base_url: str | None = None
) -> bytes:
    """PDF/A-3b of the statement; the signed credential (if given) and the full assessment are embedded
    as associated files."""
    check_fonts()
    fonts, stylesheet = _weasy()
    from weasyprint import HTML, Attachment

    page = _page(assessment, credential, verify_base_url, "")
    attachments = [
        Attachment(
            string=json.dumps(assessment.as_json(), ensure_ascii=False, indent=1),
            name=ASSESSMENT_NAME,
            description="The full assessment: findings with all their evidence, conversions, data version",
            relationship="Supplement",
        )
    ]
    if credential is not None:
        attachments.append(
            Attachment(
                string=json.dumps(credential, ensure_ascii=False, indent=2),
                name=ATTACHMENT_NAME,
                description="Signed recognition statement (W3C Verifiable Credential 2.0, eddsa-rdfc-2022)",
                relationship="Data",
            )
        )
    with _collector_paused():
        pdf: bytes = HTML(string=page).write_pdf(
            pdf_variant="pdf/a-3b", attachments=attachments, stylesheets=[stylesheet], font_config=fonts
        )
    return pdf
