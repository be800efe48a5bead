"""What is known about a qualification type itself, beyond its level.

Two types at the same level are "comparable, not homogeneous" (the JEQF's own words): a three-year
bachelor and a four-year one, a degree that gives access to doctoral study and one that does not. This
module finds where a type differs from its peers at its level (workload, access rights) so the engine
can say so as a caveat, and ranks the comparable types at a target level by how much they resemble the
source type (profile, ISCED programme code, duration).
"""

from __future__ import annotations

from dataclasses import dataclass
from statistics import median

from qualbridge.registry.loader import Registry
from qualbridge.registry.models import QualificationType


@dataclass(frozen=True, slots=True)
class TypeNote:
    """A difference between a type and its peers: the caveat text and the confidence weight it costs,
    and the same caveat as a message code with its parameters (words in :mod:`qualbridge.messages`)."""

    text: str
    weight: float
    code: str
    params: tuple[tuple[str, str], ...]


def _years(qt: QualificationType) -> tuple[float, float] | None:
    """The full-time duration as a range (never folded into its midpoint)."""
    if qt.duration is None:
        return None
    return (qt.duration.min_years, qt.duration.max_years)


def span(years: tuple[float, float]) -> str:
    """A duration range as text.

    >>> span((4, 6)), span((3, 3)), span((1.5, 2))
    ('4–6', '3', '1.5–2')
    """
    low, high = years
    return f"{low:g}" if low == high else f"{low:g}–{high:g}"


def gap(a: tuple[float, float], b: tuple[float, float]) -> float:
    """How far apart two ranges are in years: 0 when they overlap, negative when ``a`` lies below ``b``.

    >>> gap((4, 6), (4, 4)), gap((2, 2), (4, 4)), gap((5, 6), (3, 4))
    (0, -2, 1)
    """
    if a[1] < b[0]:
        return a[1] - b[0]
    if a[0] > b[1]:
        return a[0] - b[1]
    return 0


def _after(qt: QualificationType) -> str:
    return (qt.duration.after or "").strip().casefold() if qt.duration else ""


def peers(registry: Registry, qt: QualificationType, level: str) -> list[QualificationType]:
    """The other types placed on ``level`` (micro-credentials only count against micro-credentials)."""
    return [
        registry.qualifications[t]
        for t in registry.types_by_level.get(level, [])
        if t != qt.id and registry.qualifications[t].is_micro_credential == qt.is_micro_credential
    ]


def _access_levels(registry: Registry, qt: QualificationType) -> set[str]:
    out: set[str] = set()
    for item in qt.access_to:
        if item in registry.levels:
            out.add(item)
        elif item in registry.qualifications:
            out.update(p.level for p in registry.qualifications[item].placements)
    return out


def type_notes(registry: Registry, qt: QualificationType, level: str) -> list[TypeNote]:
    """Where ``qt`` differs from the other types at ``level``: workload and access rights."""
    notes: list[TypeNote] = []
    others = peers(registry, qt, level)
    own = _years(qt)
    same_start = [p for p in others if _years(p) is not None and _after(p) == _after(qt)]
    if own is not None and same_start:
        ranges = [y for p in same_start if (y := _years(p)) is not None]
        typical = (median(r[0] for r in ranges), median(r[1] for r in ranges))
        apart = gap(own, typical)
        if abs(apart) >= 1:
            word = "shorter" if apart < 0 else "longer"
            named = ", ".join(p.id for p in same_start[:5])
            notes.append(
                TypeNote(
                    f"Workload: {qt.id} takes {span(own)} years full-time, {word} than the {span(typical)} years "
                    f"typical of the other types at {level} ({named}).",
                    0.9,
                    f"compare.type.workload-{word}",
                    (
                        ("type", qt.id),
                        ("years", span(own)),
                        ("typical", span(typical)),
                        ("level", level),
                        ("peers", named),
                    ),
                )
            )
    mine = _access_levels(registry, qt)
    with_access = [(p, _access_levels(registry, p)) for p in others if p.access_to]
    if qt.access_to and with_access:
        common = set.intersection(*(a for _, a in with_access))
        missing = sorted(common - mine)
        if missing:
            notes.append(
                TypeNote(
                    f"Access: {qt.id} does not give access to {', '.join(missing)}, which the other types at "
                    f"{level} with recorded access rights give.",
                    0.9,
                    "compare.type.access",
                    (("type", qt.id), ("missing", ", ".join(missing)), ("level", level)),
                )
            )
    return notes


def similarity(source: QualificationType | None, other: QualificationType) -> tuple[float, list[str]]:
    """How much ``other`` resembles ``source`` (0..1), with notes on the differences.

    Profile counts 0.4, the ISCED programme code 0.3 (0.15 for the same orientation digit), duration 0.3
    (less a tenth per year of difference). Without a source type every candidate scores 0.5.
    """
    if source is None:
        return 0.5, []
    notes: list[str] = []
    total = 0.0
    if source.profile and other.profile:
        if source.profile == other.profile:
            total += 0.4
        else:
            notes.append(f"profile {other.profile}, not {source.profile}")
    codes_a = {p.isced_code for p in source.placements if p.isced_code}
    codes_b = {p.isced_code for p in other.placements if p.isced_code}
    if codes_a and codes_b:
        if codes_a & codes_b:
            total += 0.3
        elif {c[:2] for c in codes_a} & {c[:2] for c in codes_b}:
            total += 0.15
    a, b = _years(source), _years(other)
    if a is not None and b is not None:
        apart = abs(gap(b, a))
        total += max(0.0, 0.3 - 0.1 * apart)
        if apart >= 1:
            notes.append(f"{span(b)} years full-time against {span(a)}")
    return round(total, 2), notes
