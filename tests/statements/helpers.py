"""Shared fixtures data for the statement tests: where the W3C test vectors live, and small builders."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

#: the checkout sits beside shared/; the specs are read from there, never copied
SPECS = Path(__file__).parents[2] / ".." / "shared" / "specs"
VECTORS = SPECS / "vc-di-eddsa"
RDFC = VECTORS / "eddsa-rdfc-2022"


def load(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def leaf_paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Paths to every scalar in a JSON document."""
    if isinstance(node, dict):
        return [p for k, v in node.items() for p in leaf_paths(v, (*prefix, k))]
    if isinstance(node, list):
        return [p for i, v in enumerate(node) for p in leaf_paths(v, (*prefix, i))]
    return [prefix]


def key_paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Paths to every object member (for deletion)."""
    if isinstance(node, dict):
        out = []
        for k, v in node.items():
            out.append((*prefix, k))
            out += key_paths(v, (*prefix, k))
        return out
    if isinstance(node, list):
        return [p for i, v in enumerate(node) for p in key_paths(v, (*prefix, i))]
    return []


def get_at(doc: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        doc = doc[step]
    return doc


def set_at(doc: Any, path: tuple[Any, ...], value: Any) -> None:
    for step in path[:-1]:
        doc = doc[step]
    doc[path[-1]] = value


def delete_at(doc: Any, path: tuple[Any, ...]) -> None:
    for step in path[:-1]:
        doc = doc[step]
    del doc[path[-1]]
