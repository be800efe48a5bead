"""Evaluate micro-credentials against a home system: where each sits, what its credits are worth, and
how far several of them, stacked, go toward one qualification.

Level placement goes through the comparability engine (the micro-credential's framework level
compared with the home framework), so the same referencing decisions and caveats apply as for a
qualification. Credits convert by the conventions the credits package follows (a published rate
first). A stack counts the lower bound of each conversion (what the evidence certainly supports),
never a midpoint, and names what is still missing: credits, level, outcomes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from qualbridge.compare import compare
from qualbridge.compare.model import Comparison
from qualbridge.credits import convert
from qualbridge.credits.convert import CreditConversion
from qualbridge.errors import QualbridgeError
from qualbridge.microcredentials.model import MicroCredential
from qualbridge.registry.loader import Registry, get_registry


@dataclass(frozen=True)
class Evaluation:
    micro_credential: MicroCredential
    target_framework: str
    comparison: Comparison | None  # None when the micro-credential states no level
    credits: CreditConversion | None  # None when it states no credits or the target has no system
    caveats: tuple[str, ...] = ()

    def as_json(self) -> dict[str, Any]:
        return {
            "micro_credential": self.micro_credential.as_json(),
            "target_framework": self.target_framework,
            "level": self.comparison.as_json() if self.comparison else None,
            "credits": self.credits.as_json() if self.credits else None,
            "caveats": list(self.caveats),
        }


def evaluate(
    mc: MicroCredential,
    target_framework: str,
    credit_system: str | None = None,
    *,
    registry: Registry | None = None,
) -> Evaluation:
    """Place ``mc`` on ``target_framework`` and convert its credits into ``credit_system``."""
    reg = registry or get_registry()
    target = reg.framework(target_framework).id
    caveats = [] if mc.verified else ["mc-unverified"]
    comparison = None
    if mc.level:
        comparison = compare(mc.level, target, registry=reg)
    else:
        caveats.append("mc-no-level")
    conversion = None
    if mc.credits is not None and mc.credit_system and credit_system:
        conversion = convert(mc.credits, mc.credit_system, credit_system)
    elif mc.credits is None:
        caveats.append("mc-no-credits")
    return Evaluation(mc, target, comparison, conversion, tuple(caveats))


@dataclass(frozen=True)
class StackItem:
    micro_credential: MicroCredential
    counted: float  # credits in the qualification's system that count (lower bound)
    level_ok: bool | None  # at or above the qualification's level? None when unknown
    counts_toward: bool  # the micro-credential names this qualification among those it stacks toward


@dataclass(frozen=True)
class Stack:
    qualification: str
    credit_system: str
    required: float
    items: tuple[StackItem, ...]
    missing: tuple[str, ...] = field(default=())  # coded: mc-stack-credits, mc-stack-level, ...

    @property
    def total(self) -> float:
        return round(sum(i.counted for i in self.items if i.counts_toward), 1)

    @property
    def credits_missing(self) -> float:
        return max(0.0, round(self.required - self.total, 1))

    def as_json(self) -> dict[str, Any]:
        return {
            "qualification": self.qualification,
            "credit_system": self.credit_system,
            "required": self.required,
            "total": self.total,
            "credits_missing": self.credits_missing,
            "items": [
                {
                    "id": i.micro_credential.id,
                    "title": i.micro_credential.title,
                    "counted": i.counted,
                    "level_ok": i.level_ok,
                    "counts_toward": i.counts_toward,
                }
                for i in self.items
            ],
            "missing": list(self.missing),
        }


class NotStackable(QualbridgeError):
    code = "not-stackable"


def _level_ok(reg: Registry, mc: MicroCredential, levels: list[str]) -> bool | None:
    """Is the micro-credential's level, placed on the qualification's framework, at least its level?"""
    if not mc.level or not levels:
        return None
    home = levels[0]
    framework = reg.framework_of_level(home).id
    if mc.level.startswith(f"{framework}:"):
        return reg.level_order[mc.level] >= reg.level_order[home]
    result = compare(mc.level, framework, registry=reg)
    if not result.target_levels:
        return None
    return min(reg.level_order[lv] for lv in result.target_levels) >= reg.level_order[home]


def stack(mcs: Sequence[MicroCredential], qualification: str, *, registry: Registry | None = None) -> Stack:
    """Stack ``mcs`` toward ``qualification`` (a type id whose data give a credit total)."""
    reg = registry or get_registry()
    qt = reg.qualification(qualification)
    if qt.credits is None:
        raise NotStackable(
            f"{qt.id} has no credit total in the data, so nothing can be stacked toward it; "
            "choose a qualification type whose credits are recorded."
        )
    if not mcs:
        raise NotStackable("Give at least one micro-credential to stack.")
    levels = [p.level for p in qt.placements if not p.level.startswith("isced-")]
    items = []
    for mc in mcs:
        counted = 0.0
        if mc.credits is not None and mc.credit_system:
            counted = convert(mc.credits, mc.credit_system, qt.credits.system).low
        named = not mc.stacks_toward or qt.id in mc.stacks_toward
        items.append(StackItem(mc, counted, _level_ok(reg, mc, levels), named))
    result = Stack(qt.id, qt.credits.system, qt.credits.amount, tuple(items))
    missing = []
    if result.credits_missing > 0:
        missing.append("mc-stack-credits")
    if any(i.level_ok is False for i in items):
        missing.append("mc-stack-level")
    if any(i.level_ok is None for i in items):
        missing.append("mc-stack-level-unknown")
    if any(not i.micro_credential.outcomes for i in items):
        missing.append("mc-stack-outcomes")
    if any(not i.counts_toward for i in items):
        missing.append("mc-stack-not-named")
    return Stack(result.qualification, result.credit_system, result.required, result.items, tuple(missing))
