"""The shipped sample of micro-credentials (``data/microcredentials/*.yaml``), each with its source.

Every record carries the file's source address and consulted date; a record a file marks
``verified: false`` keeps that flag, and no test takes it as truth.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from qualbridge.errors import UnknownId
from qualbridge.microcredentials.model import InvalidMicroCredential, MicroCredential, from_mapping
from qualbridge.registry import Registry, get_registry
from qualbridge.registry.loader import DATA_DIR, Problem, read_yaml

SAMPLE_DIR = DATA_DIR / "microcredentials"


class UnknownMicroCredential(UnknownId):
    code = "unknown-micro-credential"
    kind = "micro-credential"


def _cited(raw: dict[str, Any], entry: dict[str, Any]) -> dict[str, Any]:
    """The source an entry cites (its own ``source`` key, else the file's), in the record's terms;
    empty when the file names none (the data files' usual ``sources`` / ``source`` layout)."""
    cited = (raw.get("sources") or {}).get(entry.get("source") or raw.get("source"))
    if not isinstance(cited, dict) or not cited.get("url") or not cited.get("consulted"):
        return {}
    return {"source_url": cited["url"], "consulted": cited["consulted"]}


@cache
def load_sample(directory: Path = SAMPLE_DIR) -> dict[str, MicroCredential]:
    out: dict[str, MicroCredential] = {}
    for path in sorted(directory.glob("*.yaml")):
        raw = read_yaml(path)
        for entry in raw["micro_credentials"]:
            merged = {**_cited(raw, entry), **entry}
            mc = from_mapping(merged)
            out[mc.id] = mc
    return out


def get(mc_id: str) -> MicroCredential:
    sample = load_sample()
    try:
        return sample[mc_id.strip().lower()]
    except KeyError:
        raise UnknownMicroCredential(mc_id, sample) from None


def sample_problems(directory: Path = SAMPLE_DIR, registry: Registry | None = None) -> list[Problem]:
    """Every problem of the sample files, for ``qualbridge data check``: a missing source, a record
    that cannot be read (the field named), a level the registry does not hold, a duplicated id."""
    registry = registry or get_registry()
    problems: list[Problem] = []
    seen: set[str] = set()
    for path in sorted(directory.glob("*.yaml")):
        rel = f"microcredentials/{path.name}"
        raw = read_yaml(path)
        if not _cited(raw, {}):
            problems.append(
                Problem(rel, "sources", "name the file's source (url, consulted) as its default `source`")
            )
        entries = raw.get("micro_credentials")
        if not isinstance(entries, list) or not entries:
            problems.append(Problem(rel, "micro_credentials", "a list of micro-credentials is required"))
            continue
        for i, entry in enumerate(entries):
            where = f"micro_credentials[{i}]"
            try:
                mc = from_mapping({**_cited(raw, entry), **entry})
            except InvalidMicroCredential as exc:
                problems.append(Problem(rel, f"{where}.{exc.path}", str(exc).split(": ", 1)[-1]))
                continue
            if mc.id in seen:
                problems.append(Problem(rel, f"{where}.id", f"{mc.id!r} is used twice"))
            seen.add(mc.id)
            if mc.level is not None and mc.level not in registry.levels:
                problems.append(
                    Problem(rel, f"{where}.level", f"{mc.level!r} is not a level in the registry")
                )
    return problems
