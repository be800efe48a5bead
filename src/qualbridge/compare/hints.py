"""What evidence would change or firm up an estimate, read off the comparison itself, as coded hints.

An estimate is only as strong as the routes it rests on. Each weakness of a
:class:`~qualbridge.compare.model.Comparison` (a route through ISCED only, an intermediate framework, a
broad or narrow match, several target levels, an unverified decision, a workload or access difference,
no route at all) points at a document or a decision that would settle it; the purpose of recognition adds
who decides in the end. Nothing here invents a fact: every hint is triggered by a field of the result, and
it reads the result's codes, never its words. The words are in :mod:`qualbridge.messages`.

>>> from qualbridge.compare import compare
>>> codes = [h.code for h in evidence_hints(compare("jp/gakushi", "gb-rqf"), "study")]
>>> codes[-2:]
['compare.hint.purpose-study', 'compare.hint.full-assessment']
"""

from __future__ import annotations

from qualbridge.compare.model import Coded, Comparison, Outcome

#: the purposes of recognition a hint can speak to
PURPOSES = ("study", "employment", "profession")
#: type-note codes and the hint each calls for
TYPE_HINTS = {
    "compare.type.workload-shorter": "compare.hint.workload",
    "compare.type.workload-longer": "compare.hint.workload",
    "compare.type.access": "compare.hint.access",
}
CLASSIFICATION = "isced-2011"


class Hint(Coded):
    """One thing a visitor could provide or ask for (words in :mod:`qualbridge.messages`)."""


def _frameworks_of(levels: list[str]) -> list[str]:
    return list(dict.fromkeys(lv.split(":", 1)[0] for lv in levels))


def _route_hints(result: Comparison) -> list[Hint]:
    target = result.target_framework
    best = [r for r in result.routes if r.best]
    out: list[Hint] = []
    if result.outcome is Outcome.INDIVIDUAL_ASSESSMENT:
        code = "compare.hint.no-counterpart" if result.no_match else "compare.hint.no-route"
        out.append(Hint(code=code, params={"target": target}))
    if best and all(r.tier == "isced" for r in best):
        home = [fw for fw in _frameworks_of(result.source.levels) if fw != CLASSIFICATION]
        if home:
            out.append(
                Hint(code="compare.hint.isced-only", params={"source": ", ".join(home), "target": target})
            )
        else:
            out.append(Hint(code="compare.hint.isced-only-home", params={"target": target}))
    elif best and any(r.via for r in best):
        out.append(Hint(code="compare.hint.via", params={"target": target, "via": ", ".join(best[0].via)}))
    if any(step.match in ("broadMatch", "narrowMatch") for r in best for step in r.steps):
        out.append(Hint(code="compare.hint.broad-match"))
    if len(result.target_levels) > 1:
        out.append(Hint(code="compare.hint.spread", params={"levels": ", ".join(result.target_levels)}))
    if any(f.factor == "verification" for f in result.confidence_basis) or any(
        not s.evidence.verified for r in best for s in r.steps
    ):
        out.append(Hint(code="compare.hint.unverified"))
    return out


def evidence_hints(result: Comparison, purpose: str | None = None) -> list[Hint]:
    """What a visitor could provide or ask for, most telling first (each hint once)."""
    out = _route_hints(result)
    out.extend(Hint(code=TYPE_HINTS[f.code]) for f in result.confidence_basis if f.code in TYPE_HINTS)
    if purpose in PURPOSES:
        out.append(Hint(code=f"compare.hint.purpose-{purpose}"))
    out.append(Hint(code="compare.hint.full-assessment"))
    unique: dict[tuple[str, tuple[tuple[str, str | int | float], ...]], Hint] = {}
    for hint in out:
        unique.setdefault((hint.code, tuple(sorted(hint.params.items()))), hint)
    return list(unique.values())
