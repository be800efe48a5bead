"""What the two golden-snapshot scripts share: the engine over the data files as they are on disk, and
one run over a folder of snapshots that rewrites a file only when its text changed (``--check`` only
counts it) and ends with the count and the exit code."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from qualbridge.compare.engine import Engine
from qualbridge.registry.loader import parse_files


@dataclass
class Snapshots:
    folder: Path
    check: bool  # only count what would change
    changed: list[str] = field(default_factory=list)

    def refresh(self, name: str, text: str) -> None:
        """Write ``text`` to the snapshot ``name`` unless it already holds it."""
        path = self.folder / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            self.changed.append(path.name)
            if not self.check:
                path.write_text(text, encoding="utf-8")

    def remove(self, path: Path) -> None:
        self.changed.append(f"{path.name} (removed)")
        if not self.check:
            path.unlink()

    def finish(self, total: int, noun: str) -> int:
        """Print what changed; the exit code (1 when ``--check`` found a change)."""
        verb = "would change" if self.check else "rewritten"
        print(f"{len(self.changed)} of {total} {noun} {verb}: {', '.join(self.changed) or '-'}")
        return 1 if self.check and self.changed else 0


def start(argv: list[str], folder: Path) -> tuple[Engine, Snapshots] | None:
    """The engine and the run, or ``None`` (with the problems printed) when the data files do not load."""
    registry, problems = parse_files()
    if problems:
        print("the data files do not load:", *problems, sep="\n  ")
        return None
    folder.mkdir(parents=True, exist_ok=True)
    return Engine(registry), Snapshots(folder, check="--check" in argv)
