"""The map of the package in the README matches the tree: every folder (to two levels) and every
top-level module is on the map, and nothing on the map is missing from the tree."""

from __future__ import annotations

import re
from pathlib import Path

import qualbridge

SRC = Path(qualbridge.__file__).parent
README = SRC.parents[1] / "README.md"
#: a folder (``name/``) or a module (``name.py``) at the start of a line; other lines continue a description
ENTRY = re.compile(r"^(?P<indent> *)(?P<name>[\w.-]+(?:/|\.py))(\s|$)")


def map_entries(readme: str) -> set[str]:
    """The paths the README's map names, as ``folder/`` or ``folder/sub/`` or ``module.py``."""
    block = readme.split("## The map", 1)[1].split("```", 2)[1]
    found: set[str] = set()
    parents: list[tuple[int, str]] = []
    for line in block.splitlines()[2:]:  # after the fence's own line and "src/qualbridge/"
        match = ENTRY.match(line)
        if not match:
            continue
        indent, name = len(match["indent"]), match["name"]
        while parents and parents[-1][0] >= indent:
            parents.pop()
        path = "".join(p for _, p in parents) + name
        found.add(path)
        if name.endswith("/"):
            parents.append((indent, name))
    return found


def tree_entries() -> set[str]:
    found = {p.name for p in SRC.glob("*.py")}
    for folder in SRC.iterdir():
        if folder.is_dir() and folder.name != "__pycache__":
            found.add(f"{folder.name}/")
            found.update(
                f"{folder.name}/{sub.name}/"
                for sub in folder.iterdir()
                if sub.is_dir() and sub.name != "__pycache__"
            )
    return found


def test_the_map_reader_reads_nesting() -> None:
    text = "## The map\n\n```\nsrc/qualbridge/\n  a.py   x\n  b/     y\n    c/   z\n         more of z\n  d/\n```\n"
    assert map_entries(text) == {"a.py", "b/", "b/c/", "d/"}


def test_readme_map_matches_the_tree() -> None:
    on_map = map_entries(README.read_text(encoding="utf-8"))
    in_tree = tree_entries()
    assert sorted(in_tree - on_map) == [], "in the tree but not on the README's map"
    assert sorted(on_map - in_tree) == [], "on the README's map but not in the tree"
