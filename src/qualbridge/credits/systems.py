"""Credit systems loaded from ``data/credit/<id>.yaml`` (one file per system, named by its id)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from qualbridge.errors import UnknownCreditSystem
from qualbridge.registry.credits import CreditSystem
from qualbridge.registry.loader import read_yaml

CREDIT_DIR = Path(__file__).resolve().parent.parent / "data" / "credit"

#: the C loader is several times faster where PyYAML was built with it


@cache
def load_systems(directory: Path = CREDIT_DIR) -> dict[str, CreditSystem]:
    """Every credit system, by id (parsed once per process)."""
    systems: dict[str, CreditSystem] = {}
    for path in sorted(directory.glob("*.yaml")):
        system = CreditSystem.model_validate(read_yaml(path))
        if system.id != path.stem:
            raise ValueError(f"{path.name}: id {system.id!r} does not match the file name")
        systems[system.id] = system
    return systems


def get_system(system_id: str) -> CreditSystem:
    """The credit system with this id; :class:`UnknownCreditSystem` naming the closest ids otherwise."""
    systems = load_systems()
    try:
        return systems[system_id.strip().lower()]
    except KeyError:
        raise UnknownCreditSystem(system_id, systems) from None


def source_url(system: CreditSystem, key: str | None) -> str | None:
    chosen = key or system.source
    return system.sources[chosen].url if chosen in system.sources else None
