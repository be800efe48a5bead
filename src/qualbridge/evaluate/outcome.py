"""The recommended outcome, from the five findings and the purpose of recognition.

The order follows the EAR manual (ch. 11) and the Lisbon Recommendation: recognise unless a
substantial difference is shown; when one is, look for alternative, partial or conditional
recognition before refusing; refuse outright only where no alternative fits (awards of degree mills
or of institutions that are not recognised, EAR ch. 16-17). Every outcome carries its reasons and what
the applicant can do next, in English and Japanese; the sentences are the message catalogue's
(:mod:`qualbridge.messages`), written once per code.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pydantic import BaseModel, ConfigDict, Field

from qualbridge.evaluate.context import Context
from qualbridge.evaluate.conversion import CreditConversion
from qualbridge.evaluate.findings import ELEMENT_NAMES, Element, Finding
from qualbridge.evaluate.policy import Outcome, Severity
from qualbridge.messages import LANGUAGES, Param, both, text
from qualbridge.registry.models import LangText, pick

OUTCOME_NAMES: dict[Outcome, LangText] = {
    Outcome.FULL: both("outcome.name.full"),
    Outcome.PARTIAL: both("outcome.name.partial"),
    Outcome.ALTERNATIVE: both("outcome.name.alternative"),
    Outcome.CONDITIONAL: both("outcome.name.conditional"),
    Outcome.NON_RECOGNITION: both("outcome.name.non-recognition"),
}
PURPOSE_NAMES: dict[str, LangText] = {
    "further-study": both("purpose.name.further-study"),
    "employment": both("purpose.name.employment"),
    "professional-practice": both("purpose.name.professional-practice"),
}
#: the condition that closes a substantial difference in each element (workload: see ``_conditions``)
CONDITION_CODES = {
    Element.PROFILE: "outcome.condition.profile",
    Element.LEARNING_OUTCOMES: "outcome.condition.learning-outcomes",
    Element.LEVEL: "outcome.condition.level",
    Element.QUALITY: "outcome.condition.quality",
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


@dataclass
class Lines:
    """Sentences in English and Japanese, added side by side."""

    en: list[str] = field(default_factory=list)
    ja: list[str] = field(default_factory=list)

    def add(self, sentences: LangText) -> None:
        self.en.append(sentences["en"])
        self.ja.append(sentences["ja"])

    def say(self, code: str, **params: Param) -> None:
        self.add(both(code, **params))

    def finding(self, code: str, f: Finding) -> None:
        """A sentence naming the finding's element and reasoning, each in its own language."""
        reasoning = {"en": f.reasoning_en, "ja": f.reasoning_ja}
        self.add(
            {
                lang: text(code, lang, element=ELEMENT_NAMES[f.element][lang], reasoning=reasoning[lang])
                for lang in LANGUAGES
            }
        )


def _by(findings: list[Finding], element: Element) -> Finding:
    return next(f for f in findings if f.element is element)


def _conditions(ctx: Context, substantial: list[Finding]) -> Lines:
    conditions = Lines()
    for f in substantial:
        if f.element is Element.WORKLOAD and "gap_credits" in f.data:
            gap = f"{f.data['gap_credits']:.0f}"
            conditions.say("outcome.condition.workload", gap=gap, unit=ctx.policy.credit_system)
        elif f.element in CONDITION_CODES:
            conditions.say(CONDITION_CODES[f.element])
    return conditions


@dataclass
class _Draft:
    """The recommendation being written: the reasons so far and what it is built from."""

    ctx: Context
    findings: list[Finding]
    comparable_level: str | None
    background_paper: bool
    reasons: Lines = field(default_factory=Lines)

    def minor(self, skip: Element | None = None) -> list[Finding]:
        return [f for f in self.findings if f.severity is Severity.MINOR and f.element is not skip]

    def build(
        self,
        outcome: Outcome,
        comparable: str | None,
        conditions: Lines | None = None,
        minor: list[Finding] | None = None,
    ) -> Recommendation:
        ctx = self.ctx
        names = dict(ctx.registry.qualifications[comparable].names) if comparable else {}
        lvl = self.comparable_level if comparable else None
        if comparable and ctx.reference is not None and comparable == ctx.reference.id and ctx.required_level:
            lvl = ctx.required_level if ctx.required_level in ctx.comparison.target_levels else lvl
        for f in self.minor() if minor is None else minor:
            self.reasons.finding("outcome.reason.minor", f)
        if self.background_paper:
            self.reasons.say("outcome.reason.background-paper")
        conditions = conditions or Lines()
        return Recommendation(
            outcome=outcome,
            names=OUTCOME_NAMES[outcome],
            comparable_type=comparable,
            comparable_names=names,
            comparable_level=lvl,
            reasons_en=self.reasons.en,
            reasons_ja=self.reasons.ja,
            conditions_en=conditions.en,
            conditions_ja=conditions.ja,
            next_steps=ctx.policy.next_steps[outcome],
        )


def _partial(draft: _Draft, credits: CreditConversion | None) -> Recommendation:
    """Studies not completed: the part achieved is recognised."""
    if credits is not None:
        draft.reasons.say(
            "outcome.reason.partial-credits",
            amount=f"{credits.amount:g}",
            system=credits.system,
            converted=f"{credits.converted:g}",
            target_system=credits.target_system,
        )
    else:
        draft.reasons.say("outcome.reason.partial-periods")
    return draft.build(Outcome.PARTIAL, None, minor=draft.minor(skip=Element.WORKLOAD))


def _alternative(draft: _Draft, level: Finding, comparable_level: str) -> Recommendation:
    """A level below the one required: recognised as the home qualification it is comparable to."""
    ctx = draft.ctx
    home = [
        c.type_id
        for c in ctx.comparison.comparable_qualifications
        if c.level == comparable_level and c.type_id in ctx.policy.qualification_types
    ]
    draft.reasons.add({"en": level.reasoning_en, "ja": level.reasoning_ja})
    alt = home[0] if home else None
    if alt:
        alt_names = ctx.registry.qualifications[alt].names
        shown = {"en": pick(alt_names), "ja": alt_names.get("ja") or pick(alt_names)}
        draft.reasons.add(
            {
                lang: text(
                    "outcome.reason.alternative", lang, name=shown[lang], type=alt, level=comparable_level
                )
                for lang in LANGUAGES
            }
        )
    return draft.build(Outcome.ALTERNATIVE, alt)


def recommend(
    ctx: Context,
    findings: list[Finding],
    *,
    missing_documents: list[str],
    background_paper: bool,
    comparable_level: str | None,
    credits: CreditConversion | None,
) -> Recommendation:
    draft = _Draft(ctx, findings, comparable_level, background_paper)
    quality, level = _by(findings, Element.QUALITY), _by(findings, Element.LEVEL)
    # 1. awards of mills and of institutions that are not recognised: non-recognition is fair recognition
    if quality.code in ("mill", "not-recognised"):
        draft.reasons.add({"en": quality.reasoning_en, "ja": quality.reasoning_ja})
        draft.reasons.say("outcome.reason.no-alternative")
        return draft.build(Outcome.NON_RECOGNITION, None, minor=[])
    comparable = ctx.reference.id if ctx.reference is not None else None
    # 2. studies not completed: the part achieved is recognised
    if not ctx.credential.completed:
        return _partial(draft, credits)
    # 3. a level below the one required: recognised as the home qualification it is comparable to
    if level.code == "below-required-level" and comparable_level is not None:
        return _alternative(draft, level, comparable_level)
    # 4. other substantial differences: recognition subject to conditions that close them
    if substantial := [f for f in findings if f.severity is Severity.SUBSTANTIAL]:
        for f in substantial:
            draft.reasons.finding("outcome.reason.substantial", f)
        return draft.build(Outcome.CONDITIONAL, comparable, _conditions(ctx, substantial))
    # 5. no substantial difference, but documents missing (outside the refugee procedure)
    if missing_documents and not background_paper:
        documents = ", ".join(missing_documents)
        draft.reasons.say("outcome.reason.missing-documents", documents=documents)
        conditions = Lines()
        conditions.say("outcome.condition.missing-documents", documents=documents)
        return draft.build(Outcome.CONDITIONAL, comparable, conditions)
    purpose = PURPOSE_NAMES[ctx.case.purpose.kind.value]
    draft.reasons.add({lang: text("outcome.reason.full", lang, purpose=purpose[lang]) for lang in LANGUAGES})
    return draft.build(Outcome.FULL, comparable)
