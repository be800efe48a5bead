"""Facets: the common ground of the frameworks' differently named descriptor domains.

The EQF writes knowledge / skills / responsibility and autonomy; the DQR knowledge / skills / social
competence / autonomy; Ireland's NFQ eight strands under knowledge, know-how and skill, competence. To
compare a domain with its counterpart, each domain is put under one facet by the words of its id and
English name; a domain that names none of them is compared as ``other`` (with the whole level only).

>>> facet_of("responsibility-and-autonomy", "Responsibility and autonomy")
'competence'
>>> facet_of("wissen", "Knowledge")
'knowledge'
>>> facet_of("know-how-range", "Know-how and skill: range")
'skills'
>>> facet_of("practice-performance", "Practice and performance")
'skills'
"""

from __future__ import annotations

#: facet -> words that put a domain under it (checked in this order: "know-how" is a skill)
FACET_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "skills",
        (
            "skill",
            "know-how",
            "fertigkeit",
            "application",
            "applying",
            "practice",
            "performance",
            "thinking",
            "cognitive",
        ),
    ),
    ("knowledge", ("knowledge", "wissen", "understanding", "kennis")),
    (
        "competence",
        (
            "competence",
            "autonomy",
            "responsibility",
            "kompetenz",
            "selbst",
            "context",
            "role",
            "learning-to-learn",
            "insight",
            "judgement",
            "communication",
            "attitude",
            "collaboration",
            "environment",
            "accountability",
        ),
    ),
)
FACETS = ("knowledge", "skills", "competence")


def facet_of(domain_id: str, english_name: str = "") -> str:
    """The facet a domain belongs to (``other`` when its words name none)."""
    words = f"{domain_id} {english_name}".lower().replace(" ", "-")
    for facet, keys in FACET_WORDS:
        if any(key in words for key in keys):
            return facet
    return "other"
