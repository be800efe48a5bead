"""The referencing assistant: a first draft of how one framework's levels correspond to another's.

A framework authority (or an evaluator) gives the level descriptors of a framework; the assistant
compares every level with every level of a reference framework (EQF, AQRF, NZQCF ...), domain by
domain, finds the best monotone alignment (a higher level never maps lower) and says for each level
where it lands, how strong the evidence is, which descriptor phrases drove it and where the evidence is
thin. :mod:`.evaluate` measures the assistant against the referencing decisions countries actually made;
:mod:`.outcomes` compares a programme's stated learning outcomes with the descriptors of a home level.

The default similarity is light (TF-IDF and rapidfuzz, no model); ``semantic=True`` uses a small
sentence-embedding model shipped inside a PyPI package (loaded offline).
"""

from __future__ import annotations

from qualbridge.referencing.model import DescribedFramework, DescribedLevel, LevelSuggestion, Suggestion
from qualbridge.referencing.suggest import NoDescriptors, described, suggest

__all__ = [
    "DescribedFramework",
    "DescribedLevel",
    "LevelSuggestion",
    "NoDescriptors",
    "Suggestion",
    "described",
    "suggest",
]
