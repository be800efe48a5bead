"""Learning outcomes, the fifth element of the evaluation method: which descriptors a programme covers.

A recognising body compares the learning outcomes a programme states with the descriptors of the home
level (or of the level where a home qualification type sits). Each descriptor statement (a clause of a
domain's descriptor) is *covered* when some stated outcome is close enough to it, with the outcome that
covers it named; the rest are *not covered*, which is where an evaluator looks for a substantial
difference. Closeness uses the assistant's similarity (lexical by default), so the answer says which
words matched and never claims more than wording can show.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from qualbridge.errors import QualbridgeError
from qualbridge.messages import Message
from qualbridge.referencing.facets import facet_of
from qualbridge.referencing.similarity import Backend, backend
from qualbridge.referencing.suggest import NoDescriptors, clauses
from qualbridge.registry.loader import Registry
from qualbridge.registry.models import pick

#: a descriptor statement is covered when an outcome scores at least this (lexical, semantic)
THRESHOLD = {"lexical": 0.42, "semantic": 0.5}


class NoOutcomes(QualbridgeError):
    code = "no-outcomes"


@dataclasses.dataclass(frozen=True, slots=True)
class Statement:
    domain: str
    facet: str
    text: str
    covered: bool
    by: str | None  # the stated outcome that covers it
    score: float


@dataclasses.dataclass(frozen=True, slots=True)
class Coverage:
    level: str  # the level id compared with, e.g. "eu-eqf:6"
    method: str
    statements: tuple[Statement, ...]
    summary: Message

    @property
    def covered(self) -> int:
        return sum(1 for s in self.statements if s.covered)


def home_level(registry: Registry, target: str) -> str:
    """A level id, or a qualification type's first placement on a framework with descriptors."""
    if ":" in target:
        registry.level(target)
        return target
    qt = registry.qualification(target)
    for placement in qt.placements:
        level = registry.levels.get(placement.level)
        if level and level[1].descriptors:
            return placement.level
    raise NoDescriptors(
        f"Qualification type {target!r} sits on no level with descriptors "
        f"(placements: {', '.join(p.level for p in qt.placements) or 'none'}); name a level id such as eu-eqf:6."
    )


def coverage(
    registry: Registry,
    target: str,
    outcomes: Sequence[str],
    *,
    lang: str = "en",
    semantic: bool = False,
    sim: Backend | None = None,
) -> Coverage:
    """Which descriptor statements of ``target`` (a level or qualification type) the outcomes cover."""
    stated = [o.strip() for o in outcomes if o.strip()]
    if not stated:
        raise NoOutcomes("No learning outcomes given: write one outcome per line.")
    level_id = home_level(registry, target)
    fw_id, level = registry.levels[level_id]
    names = {d.id: pick(d.names) for d in registry.frameworks[fw_id].domains}
    parts = [
        (domain, clause)
        for domain, by_lang in level.descriptors.items()
        if by_lang.get(lang)
        for clause in clauses(by_lang[lang])
    ]
    if not parts:
        raise NoDescriptors(f"Level {level_id!r} has no descriptors in {lang!r}.")
    sim = sim or backend(semantic)
    scores = sim.matrix([c for _, c in parts], stated)
    threshold = THRESHOLD.get(sim.name, 0.45)
    statements = []
    for (domain, clause), row in zip(parts, scores, strict=True):
        k = max(range(len(row)), key=lambda x: row[x])
        ok = row[k] >= threshold
        statements.append(
            Statement(
                domain, facet_of(domain, names.get(domain, "")), clause, ok, stated[k] if ok else None, row[k]
            )
        )
    covered = sum(1 for s in statements if s.covered)
    summary = Message(
        "referencing.outcome.summary", {"covered": covered, "total": len(statements), "level": level_id}
    )
    return Coverage(level_id, sim.name, tuple(statements), summary)
