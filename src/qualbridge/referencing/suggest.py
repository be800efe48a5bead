"""Suggest a referencing: score every level against every reference level, align, explain.

The score of a pair is the mean of two views: the similarity of the whole level texts, and the mean
similarity of the facets (knowledge with knowledge, skills with skills, competence with competence)
that both levels describe. The alignment is :func:`.align.monotone_alignment`; for each level the
answer names the target(s), the strength in words (from how far the chosen target is ahead of the next
best), the phrase pairs that matched best, and warnings where the evidence is thin.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rapidfuzz import fuzz

from qualbridge.errors import QualbridgeError
from qualbridge.messages import Message
from qualbridge.referencing.align import centred, monotone_alignment, widen
from qualbridge.referencing.facets import FACETS, facet_of
from qualbridge.referencing.model import (
    DescribedFramework,
    DescribedLevel,
    LevelSuggestion,
    Phrase,
    Suggestion,
)
from qualbridge.referencing.similarity import Backend, backend, tokens
from qualbridge.registry.models import Framework, pick

#: adjacent reference levels within this many spreads of the centred score are suggested together
TIE = 0.05
#: lead of the chosen target over the next best, in spreads of the centred scores: at least STRONG is
#: strong, at least MODERATE moderate, else weak
STRONG, MODERATE = 0.5, 0.2
#: weight of the ladder's shape against the centred descriptor scores (see align.monotone_alignment);
#: chosen on the registry's measured frameworks (the evaluation reports it: no held-out set exists)
STEP_WEIGHT = 1.5
#: weight of the ladders' ends (see align.monotone_alignment); chosen the same way
END_WEIGHT = 1.0
#: a level with fewer descriptor words than this is thin evidence
FEW_WORDS = 12


class NoDescriptors(QualbridgeError):
    """A framework without (enough) level descriptors to compare."""

    code = "no-descriptors"


def described(fw: Framework, lang: str = "en") -> DescribedFramework:
    """The levels of a registry framework that carry descriptors in ``lang``, grouped by facet."""
    names = {d.id: pick(d.names) for d in fw.domains}
    levels, skipped = [], []
    last = max(len(fw.levels) - 1, 1)
    for index, level in enumerate(fw.levels):
        texts: dict[str, list[str]] = {}
        for domain, by_lang in level.descriptors.items():
            if by_lang.get(lang):
                texts.setdefault(facet_of(domain, names.get(domain, "")), []).append(by_lang[lang])
        if texts:
            joined = {facet: " ".join(parts) for facet, parts in texts.items()}
            levels.append(DescribedLevel(level.notation, joined, pick(level.labels), index / last))
        else:
            skipped.append(level.notation)
    return DescribedFramework(fw.id, pick(fw.names), lang, tuple(levels), tuple(skipped))


def require_described(fw: DescribedFramework, minimum: int = 2) -> None:
    if len(fw.levels) < minimum:
        have = len(fw.levels)
        raise NoDescriptors(
            f"Framework {fw.id!r} has level descriptors in {fw.lang!r} for {have} level(s); "
            f"the assistant needs at least {minimum}. Add descriptors to its data file (or paste them)."
        )


def score_matrix(src: DescribedFramework, ref: DescribedFramework, sim: Backend) -> list[list[float]]:
    """The score of every (level, reference level) pair: whole text and shared facets, averaged."""
    whole = sim.matrix([lv.whole for lv in src.levels], [lv.whole for lv in ref.levels])
    per_facet: dict[str, list[list[float]]] = {}
    for facet in FACETS:
        rows = [lv.texts.get(facet, "") for lv in src.levels]
        cols = [lv.texts.get(facet, "") for lv in ref.levels]
        if any(rows) and any(cols):
            per_facet[facet] = sim.matrix([r or "-" for r in rows], [c or "-" for c in cols])
    out = []
    for i, s_level in enumerate(src.levels):
        line = []
        for j, r_level in enumerate(ref.levels):
            shared = [f for f in per_facet if s_level.texts.get(f) and r_level.texts.get(f)]
            facet_mean = sum(per_facet[f][i][j] for f in shared) / len(shared) if shared else whole[i][j]
            line.append((whole[i][j] + facet_mean) / 2)
        out.append(line)
    return out


def suggest(
    src: DescribedFramework, ref: DescribedFramework, *, semantic: bool = False, sim: Backend | None = None
) -> Suggestion:
    """The suggested referencing of ``src`` to ``ref`` (a draft to review, never a decision)."""
    require_described(src)
    require_described(ref)
    sim = sim or backend(semantic)
    scores = score_matrix(src, ref, sim)
    balanced = centred(scores)
    path = monotone_alignment(balanced, STEP_WEIGHT, _positions(src), _positions(ref), END_WEIGHT)
    spans = widen(balanced, path, tie=TIE)
    levels = tuple(
        _explain(src.levels[i], ref, scores[i], balanced[i], path[i], spans[i])
        for i in range(len(src.levels))
    )
    caveats = [Message("referencing.caveat.draft")]
    if src.skipped:
        caveats.append(Message("referencing.caveat.skipped", {"levels": ", ".join(src.skipped)}))
    if ref.skipped:
        caveats.append(Message("referencing.caveat.reference-partial", {"levels": ", ".join(ref.skipped)}))
    return Suggestion(src.id, ref.id, sim.name, src.lang, levels, src.skipped, tuple(caveats))


def _positions(fw: DescribedFramework) -> list[float]:
    n = len(fw.levels)
    even = [i / (n - 1) if n > 1 else 0.0 for i in range(n)]
    return [lv.position if lv.position is not None else even[i] for i, lv in enumerate(fw.levels)]


def _explain(
    level: DescribedLevel,
    ref: DescribedFramework,
    row: Sequence[float],
    balanced: Sequence[float],
    j: int,
    span: tuple[int, ...],
) -> LevelSuggestion:
    best = row[j]
    others = [v for k, v in enumerate(balanced) if k not in span]
    lead = balanced[j] - max(others) if others else 0.0
    strength = "strong" if lead >= STRONG else "moderate" if lead >= MODERATE else "weak"
    target = ref.levels[j]
    warnings = []
    words = len(tokens(level.whole))
    if words < FEW_WORDS:
        warnings.append(Message("referencing.warning.few-words", {"words": words}))
    shared = [f for f in level.texts if f in target.texts and f in FACETS]
    if len(shared) < 2:
        warnings.append(Message("referencing.warning.few-facets", {"facets": len(shared)}))
    own_best = max(range(len(balanced)), key=lambda k: (balanced[k], -k))
    if own_best not in span:
        warnings.append(
            Message(
                "referencing.warning.order", {"own": ref.levels[own_best].notation, "chosen": target.notation}
            )
        )
    if strength == "weak":
        warnings.append(Message("referencing.warning.weak"))
    return LevelSuggestion(
        notation=level.notation,
        targets=tuple(ref.levels[k].notation for k in span),
        best=target.notation,
        similarity=best,
        margin=lead,
        strength=strength,
        strength_text=Message(f"referencing.strength.{strength}"),
        phrases=phrases(level, target),
        warnings=tuple(warnings),
        scores={r.notation: v for r, v in zip(ref.levels, row, strict=True)},
    )


CLAUSE = re.compile(r"(?<=[.;:])\s+|\s*;\s*|\n+")


def clauses(text: str) -> list[str]:
    """A descriptor cut into its clauses (sentences and semicolon parts).

    >>> clauses("Manage complex activities; take responsibility for decisions.")
    ['Manage complex activities', 'take responsibility for decisions.']
    """
    return [c.strip() for c in CLAUSE.split(text) if c and len(c.strip()) > 3]


def phrases(level: DescribedLevel, target: DescribedLevel, top: int = 3) -> tuple[Phrase, ...]:
    """The descriptor phrase pairs of two levels that are most alike, within the same facet."""
    found = []
    for facet, text in level.texts.items():
        other = target.texts.get(facet) or target.whole
        for a in clauses(text):
            for b in clauses(other):
                found.append(Phrase(facet, a, b, fuzz.token_set_ratio(a.lower(), b.lower()) / 100.0))
    found.sort(key=lambda p: -p.score)
    seen: set[str] = set()
    out = []
    for p in found:
        if p.source in seen:
            continue
        seen.add(p.source)
        out.append(p)
        if len(out) == top:
            break
    return tuple(out)
