"""The recommended outcome, from the five findings and the purpose of recognition.

The order follows the EAR manual (ch. 11) and the Lisbon Recommendation: recognise unless a
substantial difference is shown; when one is, look for alternative, partial or conditional
recognition before refusing; refuse outright only where no alternative fits (awards of degree mills
or of institutions that are not recognised, EAR ch. 16-17). Every outcome carries its reasons and what
the applicant can do next, in English and Japanese.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from qualbridge.evaluate.context import Context
from qualbridge.evaluate.conversion import CreditConversion
from qualbridge.evaluate.findings import ELEMENT_NAMES, Element, Finding
from qualbridge.evaluate.policy import Outcome, Severity
from qualbridge.registry.models import LangText, pick

OUTCOME_NAMES: dict[Outcome, LangText] = {
    Outcome.FULL: {"en": "Full recognition", "ja": "完全な承認"},
    Outcome.PARTIAL: {"en": "Partial recognition", "ja": "部分的な承認"},
    Outcome.ALTERNATIVE: {"en": "Alternative recognition", "ja": "代替的な承認"},
    Outcome.CONDITIONAL: {"en": "Conditional recognition", "ja": "条件付き承認"},
    Outcome.NON_RECOGNITION: {"en": "Non-recognition", "ja": "不承認"},
}
PURPOSE_NAMES: dict[str, LangText] = {
    "further-study": {"en": "further study", "ja": "進学"},
    "employment": {"en": "employment", "ja": "就職"},
    "professional-practice": {"en": "professional practice", "ja": "職業資格に基づく業務"},
}


class Recommendation(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    outcome: Outcome
    names: LangText
    comparable_type: str | None = None
    comparable_names: LangText = Field(default_factory=dict)
    comparable_level: str | None = None
    reasons_en: list[str]
    reasons_ja: list[str]
    conditions_en: list[str] = Field(default_factory=list)
    conditions_ja: list[str] = Field(default_factory=list)
    next_steps: LangText


def _by(findings: list[Finding], element: Element) -> Finding:
    return next(f for f in findings if f.element is element)


def _conditions(ctx: Context, substantial: list[Finding]) -> tuple[list[str], list[str]]:
    en: list[str] = []
    ja: list[str] = []
    unit = ctx.policy.credit_system
    for f in substantial:
        if f.element is Element.WORKLOAD and "gap_credits" in f.data:
            gap = f.data["gap_credits"]
            en.append(
                f"Complete additional study of about {gap:.0f} credits ({unit}) to make up the workload difference."
            )
            ja.append(f"学修量の差を補うため、約 {gap:.0f} 単位（{unit}）の追加学修を修了すること。")
        elif f.element is Element.PROFILE:
            en.append(
                "Complete an adaptation period or pass an aptitude test set by the competent authority."
            )
            ja.append("所轄当局が定める適応期間を修了するか、適性試験に合格すること。")
        elif f.element is Element.LEARNING_OUTCOMES:
            en.append("Complete bridging study in the field sought, or pass an aptitude test covering it.")
            ja.append("求められる分野の補完的な学修を修了するか、その分野の適性試験に合格すること。")
        elif f.element is Element.LEVEL:
            en.append(
                "The level is established individually from further evidence (diploma supplement, the home country's information centre)."
            )
            ja.append(
                "追加の証拠（ディプロマ・サプリメント、所在国の情報センター）により水準を個別に確認すること。"
            )
        elif f.element is Element.QUALITY:
            en.append("The institution's status is confirmed by the competent authority of its country.")
            ja.append("所在国の所轄当局により機関の地位が確認されること。")
    return en, ja


def recommend(
    ctx: Context,
    findings: list[Finding],
    *,
    missing_documents: list[str],
    background_paper: bool,
    comparable_level: str | None,
    credits: CreditConversion | None,
) -> Recommendation:
    policy, purpose = ctx.policy, ctx.case.purpose.kind
    p_en, p_ja = PURPOSE_NAMES[purpose.value]["en"], PURPOSE_NAMES[purpose.value]["ja"]
    substantial = [f for f in findings if f.severity is Severity.SUBSTANTIAL]
    minor = [f for f in findings if f.severity is Severity.MINOR]
    quality = _by(findings, Element.QUALITY)
    level = _by(findings, Element.LEVEL)
    reasons_en: list[str] = []
    reasons_ja: list[str] = []

    def build(
        outcome: Outcome, comparable: str | None, conditions: tuple[list[str], list[str]] = ([], [])
    ) -> Recommendation:
        names = dict(ctx.registry.qualifications[comparable].names) if comparable else {}
        lvl = comparable_level if comparable else None
        if comparable and ctx.reference is not None and comparable == ctx.reference.id and ctx.required_level:
            lvl = ctx.required_level if ctx.required_level in ctx.comparison.target_levels else lvl
        for f in minor:
            reasons_en.append(f"{ELEMENT_NAMES[f.element]['en']} (minor): {f.reasoning_en}")
            reasons_ja.append(f"{ELEMENT_NAMES[f.element]['ja']}（軽微）：{f.reasoning_ja}")
        if background_paper:
            reasons_en.append(
                "The applicant could not supply all documents; the assessment rests on the background paper and the evidence that exists (LRC Art. VII, EAR manual ch. 12)."
            )
            reasons_ja.append(
                "申請者はすべての書類を提出できなかったため、本評価は背景説明書（バックグラウンド・ペーパー）と現存する証拠に基づいています（リスボン承認条約第7条、EARマニュアル第12章）。"
            )
        return Recommendation(
            outcome=outcome,
            names=OUTCOME_NAMES[outcome],
            comparable_type=comparable,
            comparable_names=names,
            comparable_level=lvl,
            reasons_en=reasons_en,
            reasons_ja=reasons_ja,
            conditions_en=conditions[0],
            conditions_ja=conditions[1],
            next_steps=policy.next_steps[outcome],
        )

    # 1. awards of mills and of institutions that are not recognised: non-recognition is fair recognition
    if quality.code in ("mill", "not-recognised"):
        reasons_en.append(quality.reasoning_en)
        reasons_ja.append(quality.reasoning_ja)
        reasons_en.append(
            "No alternative fits: the award does not belong to a recognised education system (EAR manual ch. 16-17)."
        )
        reasons_ja.append(
            "認可された教育制度に属さない学位であるため、代替的な承認も適用できません（EARマニュアル第16・17章）。"
        )
        minor.clear()
        return build(Outcome.NON_RECOGNITION, None)
    comparable = ctx.reference.id if ctx.reference is not None else None
    # 2. studies not completed: the part achieved is recognised
    if not ctx.credential.completed:
        if credits is not None:
            reasons_en.append(
                f"The studies were not completed; the {credits.amount:g} {credits.system} achieved are recognised as {credits.converted:g} {credits.target_system}."
            )
            reasons_ja.append(
                f"学修は修了していませんが、修得した {credits.amount:g} {credits.system} を {credits.converted:g} {credits.target_system} として承認します。"
            )
        else:
            reasons_en.append(
                "The studies were not completed; the periods of study documented are recognised."
            )
            reasons_ja.append("学修は修了していませんが、記録された在学期間を承認します。")
        minor[:] = [f for f in minor if f.element is not Element.WORKLOAD]
        return build(Outcome.PARTIAL, None)
    # 3. a level below the one required: recognised as the home qualification it is comparable to
    if level.code == "below-required-level" and comparable_level is not None:
        home = [
            c.type_id
            for c in ctx.comparison.comparable_qualifications
            if c.level == comparable_level and c.type_id in policy.qualification_types
        ]
        reasons_en.append(level.reasoning_en)
        reasons_ja.append(level.reasoning_ja)
        alt = home[0] if home else None
        if alt:
            alt_names = ctx.registry.qualifications[alt].names
            reasons_en.append(
                f"It is recognised instead as comparable to {pick(alt_names)} ({alt}, {comparable_level})."
            )
            reasons_ja.append(
                f"代わりに {alt_names.get('ja') or pick(alt_names)}（{alt}、{comparable_level}）と比較可能なものとして承認します。"
            )
        return build(Outcome.ALTERNATIVE, alt)
    # 4. other substantial differences: recognition subject to conditions that close them
    if substantial:
        for f in substantial:
            reasons_en.append(f"{ELEMENT_NAMES[f.element]['en']} (substantial): {f.reasoning_en}")
            reasons_ja.append(f"{ELEMENT_NAMES[f.element]['ja']}（実質的）：{f.reasoning_ja}")
        return build(Outcome.CONDITIONAL, comparable, _conditions(ctx, substantial))
    # 5. no substantial difference, but documents missing (outside the refugee procedure)
    if missing_documents and not background_paper:
        reasons_en.append(
            f"No substantial difference was found, but the file lacks: {', '.join(missing_documents)}."
        )
        reasons_ja.append(
            f"実質的な相違は認められませんでしたが、次の書類が不足しています：{', '.join(missing_documents)}。"
        )
        return build(
            Outcome.CONDITIONAL,
            comparable,
            (
                [f"Supply the missing documents: {', '.join(missing_documents)}."],
                [f"不足書類を提出すること：{', '.join(missing_documents)}。"],
            ),
        )
    reasons_en.append(
        f"No substantial difference was found in level, workload, quality, profile or learning outcomes for {p_en}."
    )
    reasons_ja.append(
        f"{p_ja}の目的について、水準・学修量・質・資格の性格・学習成果のいずれにも実質的な相違は認められませんでした。"
    )
    return build(Outcome.FULL, comparable)
