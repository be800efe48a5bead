"""What evidence would change or firm up a free estimate, read off the comparison itself.

The estimate is only as strong as the routes it rests on. Each weakness the engine reports (a route
through ISCED only, an intermediate framework, a broad or narrow match, several target levels, an
unverified decision, a workload or access difference, no route at all) points at a document or a
decision that would settle it; the purpose of recognition adds who decides in the end. Nothing here
invents a fact: every sentence is triggered by a field of :class:`~qualbridge.compare.model.Comparison`.
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from qualbridge.compare.model import Comparison, Outcome

PURPOSES = {
    "study": gettext_lazy("Further study"),
    "employment": gettext_lazy("Employment"),
    "profession": gettext_lazy("Professional practice (regulated profession)"),
}


def _frameworks_of(levels: list[str]) -> list[str]:
    return list(dict.fromkeys(lv.split(":", 1)[0] for lv in levels))


def suggestions(result: Comparison, purpose: str | None = None) -> list[str]:
    """Plain sentences: what a visitor could provide or ask for, most telling first."""
    out: list[str] = []
    target = result.target_framework
    best = [r for r in result.routes if r.best]
    source_frameworks = [fw for fw in _frameworks_of(result.source.levels) if fw != "isced-2011"]
    if result.outcome is Outcome.INDIVIDUAL_ASSESSMENT:
        if result.no_match:
            out.append(
                _(
                    "A referencing decision deliberately gives this level no counterpart in %(target)s, so only an "
                    "individual assessment of the programme's learning outcomes can place it."
                )
                % {"target": target}
            )
        else:
            out.append(
                _(
                    "No decision or placement links this qualification to %(target)s. An individual assessment "
                    "needs the diploma, the transcript and a description of the programme (such as a diploma "
                    "supplement)."
                )
                % {"target": target}
            )
    if best and all(r.tier == "isced" for r in best):
        frameworks = ", ".join(source_frameworks) or _("the qualification's own national framework")
        out.append(
            _(
                "The estimate rests only on ISCED 2011, a statistical classification. A referencing decision "
                "between %(source)s and %(target)s (or a regional framework such as the EQF) would replace it "
                "with stronger evidence."
            )
            % {"source": frameworks, "target": target}
        )
    elif best and any(r.via for r in best):
        out.append(
            _("A direct referencing decision with %(target)s would shorten the route (now through %(via)s).")
            % {"target": target, "via": ", ".join(best[0].via)}
        )
    if any(step.match in ("broadMatch", "narrowMatch") for r in best for step in r.steps):
        out.append(
            _(
                "One step is a broad or narrow match: the programme's learning outcomes (diploma supplement, "
                "module descriptions) would show how closely it fits the target level."
            )
        )
    if len(result.target_levels) > 1:
        out.append(
            _(
                "The answer spans %(levels)s: the programme's workload and learning outcomes would decide between them."
            )
            % {"levels": ", ".join(result.target_levels)}
        )
    if any(f.factor == "verification" for f in result.confidence_basis) or any(
        not s.evidence.verified for r in best for s in r.steps
    ):
        out.append(
            _(
                "Some decisions or placements used here are not yet confirmed against their published source; "
                "once confirmed, the confidence rises."
            )
        )
    for factor in result.confidence_basis:
        if factor.factor == "type" and factor.detail.startswith("Workload"):
            out.append(_("A transcript with credits or hours would show the programme's actual workload."))
        elif factor.factor == "type" and factor.detail.startswith("Access"):
            out.append(
                _(
                    "Proof of the access rights the qualification gives at home would address the access difference."
                )
            )
    if purpose == "study":
        out.append(
            _(
                "For further study, the receiving institution decides admission; this estimate helps it judge the level."
            )
        )
    elif purpose == "employment":
        out.append(
            _(
                "For employment, the employer decides; a statement of comparability from a recognition body carries more weight than this estimate."
            )
        )
    elif purpose == "profession":
        out.append(
            _(
                "For a regulated profession, the competent authority of the destination decides, often with its own "
                "requirements; a level comparison is not a licence to practise."
            )
        )
    out.append(
        _(
            "A full assessment also checks the status of the awarding institution and the authenticity of the "
            "documents, which this estimate cannot do."
        )
    )
    return list(dict.fromkeys(out))
