"""The semantic mode with the real model, loaded offline from the package that ships it."""

from __future__ import annotations

import os

from qualbridge.referencing import described, suggest
from qualbridge.referencing.semantic import Semantic
from qualbridge.registry.loader import get_registry


def test_the_model_loads_offline_and_ranks_paraphrases_first() -> None:
    sim = Semantic()
    scores = sim.matrix(
        ["work under direct supervision in a structured setting"],
        [
            "original research at the frontier of a field",
            "work or study under direct supervision in a structured context",
        ],
    )
    assert os.environ.get("HF_HUB_OFFLINE") == "1"
    assert scores[0][1] > scores[0][0] + 0.2


def test_semantic_suggestion_of_the_dqr_keeps_the_order() -> None:
    reg = get_registry()
    result = suggest(described(reg.framework("de-dqr")), described(reg.framework("eu-eqf")), semantic=True)
    assert result.method == "semantic"
    bests = [int(lv.best) for lv in result.levels]
    assert bests == sorted(bests) and bests[0] <= 2 and bests[-1] >= 7
