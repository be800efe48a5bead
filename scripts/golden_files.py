"""What the two golden-snapshot scripts share: the engine over the data files as they are on disk, and
rewriting a snapshot only when its text changed (``--check`` only counts it)."""

from __future__ import annotations

from pathlib import Path

from qualbridge.compare.engine import Engine
from qualbridge.registry.loader import parse_files


def load_engine() -> Engine | None:
    """An engine over the data files, or ``None`` (with the problems printed) when they do not load."""
    registry, problems = parse_files()
    if problems:
        print("the data files do not load:", *problems, sep="\n  ")
        return None
    return Engine(registry)


def refresh(path: Path, text: str, *, check: bool, changed: list[str]) -> None:
    """Write ``text`` to ``path`` unless it already holds it; a changed file is named in ``changed``."""
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        changed.append(path.name)
        if not check:
            path.write_text(text, encoding="utf-8")
