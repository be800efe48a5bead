"""The shipped sample of micro-credentials (``data/microcredentials/*.yaml``), each with its source.

Every record carries the file's source address and consulted date; a record a file marks
``verified: false`` keeps that flag, and no test takes it as truth.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from qualbridge.errors import UnknownId
from qualbridge.microcredentials.model import MicroCredential, from_mapping
from qualbridge.registry.loader import DATA_DIR, read_yaml

SAMPLE_DIR = DATA_DIR / "microcredentials"


class UnknownMicroCredential(UnknownId):
    code = "unknown-micro-credential"
    kind = "micro-credential"


@cache
def load_sample(directory: Path = SAMPLE_DIR) -> dict[str, MicroCredential]:
    out: dict[str, MicroCredential] = {}
    for path in sorted(directory.glob("*.yaml")):
        raw = read_yaml(path)
        for entry in raw["micro_credentials"]:
            merged = {"source_url": raw["source_url"], "consulted": raw["consulted"], **entry}
            mc = from_mapping(merged)
            out[mc.id] = mc
    return out


def get(mc_id: str) -> MicroCredential:
    sample = load_sample()
    try:
        return sample[mc_id.strip().lower()]
    except KeyError:
        raise UnknownMicroCredential(mc_id, sample) from None
