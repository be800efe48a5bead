"""The statement as a bilingual A4 HTML page: Japanese and English side by side in every section.

A reader of either language sees the same decision, reasons, findings, next steps and right of appeal.
The names of the five elements, the difference severities and the documentation notes come from the
core's message catalogue (:mod:`qualbridge.messages`, codes ``statement.*``); the page carries a QR
code and the printed link to the verification page (:func:`~qualbridge.statements.claims.verification_url`).
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from pathlib import Path
from string import Template
from typing import TYPE_CHECKING, Any

from qualbridge.messages import both
from qualbridge.registry.models import pick
from qualbridge.statements.claims import verification_url
from qualbridge.statements.qr import qr_img
from qualbridge.statements.wording import (
    awarded,
    comparison_sentence,
    holder_rows,
    institution_line,
    marked,
    shown_evidence,
)

if TYPE_CHECKING:
    from qualbridge.evaluate.assess import Assessment, CredentialAssessment

TEMPLATES = Path(__file__).resolve().parent / "templates"
ATTACHMENT_NAME = "recognition-statement.json"
ASSESSMENT_NAME = "assessment.json"
EVIDENCE_ITEMS = 2
EVIDENCE_CHARS = 110


def pair_of(code: str) -> tuple[str, str]:
    """(Japanese, English) words of a catalogue code."""
    words = both(code)
    return words["ja"], words["en"]


def _e(text: object) -> str:
    return html.escape("" if text is None else str(text))


def _names(names: Mapping[str, str]) -> tuple[str, str]:
    """(Japanese side, English side) of a names table."""
    ja = names.get("ja") or ""
    latn = names.get("ja-Latn")
    en = names.get("en") or pick(dict(names))
    if not ja:  # a foreign qualification: its name in its own language stands on the Japanese side
        ja = next((v for k, v in names.items() if k != "en" and "-Latn" not in k), "")
        latn = next((v for k, v in names.items() if k.endswith("-Latn")), None)
    return (f"{ja}（{latn}）" if ja and latn else ja or en), en


def _list(items: Iterable[str]) -> str:
    rows = "".join(f"<li>{_e(i)}</li>" for i in items)
    return f"<ul>{rows}</ul>" if rows else "—"


def _evidence(items: list[str]) -> str:
    """The first evidence items of a finding that shows a difference, shortened; every finding's full
    evidence is in the attached assessment (drawing it all would double the rendering time)."""
    items = shown_evidence(items)
    shown = [i if len(i) <= EVIDENCE_CHARS else i[: EVIDENCE_CHARS - 1] + "…" for i in items[:EVIDENCE_ITEMS]]
    more = len(items) - len(shown)
    return "; ".join(_e(i) for i in shown) + (f" (+{more}: {ASSESSMENT_NAME})" if more > 0 else "")


def _pair(ja: str, en: str) -> str:
    return f'<table class="pair"><tr><td class="ja">{ja}</td><td>{en}</td></tr></table>'


def _elements_table(c: CredentialAssessment) -> list[str]:
    """The five elements: each with its difference and the reasoning in both languages."""
    rows_el = []
    for f in c.findings:
        names = pair_of(f"statement.element.{f.element.value}")
        sev = pair_of(f"statement.severity.{f.severity.value}")
        rows_el.append(
            f"<tr><td>{names[0]}<br>{names[1]}</td><td class='sev-{f.severity.value}'>{sev[0]}<br>{sev[1]}</td>"
            f"<td>{_e(f.reasoning_ja)}</td><td>{_e(f.reasoning_en)}"
            + (f"<div class='evidence'>{_evidence(f.evidence)}</div>" if f.severity.value != "none" else "")
            + "</td></tr>"
        )
    return [
        "<h2>五つの要素 The five elements</h2>",
        "<table class='elements'><col class='el'><col class='sev'><col class='txt'><col class='txt'>"
        "<tr><th>要素 Element</th><th>相違 Difference</th><th>理由</th>"
        f"<th>Reasoning <span class='evidence'>(evidence: {ASSESSMENT_NAME})</span></th></tr>"
        + "".join(rows_el)
        + "</table>",
    ]


def _credential_block(c: CredentialAssessment) -> str:
    q, inst, rec = c.qualification, c.institution, c.recommendation
    q_ja, q_en = _names(q.names)
    i_ja, i_en = institution_line(
        inst, _names(inst.names) if inst.names else (inst.given or "—", inst.given or "—")
    )
    cmp_sentence_ja, cmp_sentence_en = comparison_sentence(c.comparison)
    rows = [
        ("資格 Qualification", f"{marked(q_ja)} · {marked(q_en)} <span class='small'>({_e(q.id)})</span>"),
        ("記載名 Title", marked(q.title) if q.title else "—"),
        ("国 Country", _e(q.country)),
        ("機関 Institution", f"{i_ja}<br>{i_en}"),
        (
            "課程 Programme",
            f"{_e(q.programme or '—')}"
            + (f" <span class='small'>(ISCED-F {_e(q.field)})</span>" if q.field else ""),
        ),
        ("授与 Awarded", awarded(q)),
        ("水準の比較 Level comparison", f"{_e(cmp_sentence_ja)}<br>{_e(cmp_sentence_en)}"),
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
    parts += _elements_table(c)
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


def template_files() -> tuple[Template, str]:
    return (
        Template((TEMPLATES / "statement.html").read_text(encoding="utf-8")),
        (TEMPLATES / "statement.css").read_text(encoding="utf-8"),
    )


def render_html(
    assessment: Assessment, credential: Mapping[str, Any] | None = None, *, verify_base_url: str | None = None
) -> str:
    """The statement as one self-contained HTML page (CSS inline, QR code as inline SVG)."""
    return statement_page(assessment, credential, verify_base_url, template_files()[1])


def statement_page(
    assessment: Assessment, credential: Mapping[str, Any] | None, verify_base_url: str | None, css: str
) -> str:
    template = template_files()[0]
    rec = assessment.recommendation
    url = verification_url(assessment, credential, verify_base_url)
    holder = "".join(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in holder_rows(assessment.applicant))
    detail = [x for x in (assessment.requested, assessment.required_level) if x]
    doc_ja, doc_en = pair_of(f"statement.documentation.{assessment.documentation}")
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
        holder=holder,
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
