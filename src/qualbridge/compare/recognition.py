"""Published recognition statements as direct steps of the level graph.

A recognising body's own statement on a foreign type (``data/recognition/*.yaml``, see
:mod:`qualbridge.registry.recognition`) links the type straight to a level of the body's framework. The
engine offers it as a route of one step, so it ranks as a direct answer above every route through ISCED
or another framework (:mod:`qualbridge.compare.routes`), with evidence naming the body, the date, the
purpose and the address of the statement.
"""

from __future__ import annotations

from collections import defaultdict
from functools import cache
from pathlib import Path

from qualbridge.compare.graph import Edge, date_key
from qualbridge.compare.model import Evidence
from qualbridge.registry.loader import DATA_DIR, read_yaml
from qualbridge.registry.models import pick
from qualbridge.registry.recognition import RecognitionFile

RECOGNITION_DIR = DATA_DIR / "recognition"


@cache
def load_statements(directory: Path = RECOGNITION_DIR) -> tuple[RecognitionFile, ...]:
    """Every recognition-statement file (read once per process)."""
    return tuple(RecognitionFile.model_validate(read_yaml(p)) for p in sorted(directory.glob("*.yaml")))


@cache
def statement_edges(directory: Path = RECOGNITION_DIR) -> dict[str, tuple[Edge, ...]]:
    """Type id -> the steps published statements give it (to levels of the stating body's framework)."""
    out: dict[str, list[Edge]] = defaultdict(list)
    for file in load_statements(directory):
        for st in file.statements:
            source = file.sources[st.source or file.source or ""]
            purpose = st.purpose.get("en")
            evidence = Evidence(
                kind="recognition-statement",
                decision=f"{file.id}: {st.id}" + (f" (for {purpose})" if purpose else ""),
                body=pick(file.body),
                date=st.decided or source.published,
                address=source.url,
                verified=st.verified,
                note=st.note,
            )
            out[st.type_id].append(
                Edge(st.type_id, st.level, st.match, evidence, decided=date_key(st.decided))
            )
    return {k: tuple(v) for k, v in out.items()}
