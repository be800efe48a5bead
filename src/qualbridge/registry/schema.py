"""JSON Schema of the data files, generated from the pydantic models.

The schemas are committed under ``data/schema/`` so that editors and other tools can validate the
files without Python; a test fails when they no longer match the models.
"""

from __future__ import annotations

import json
from pathlib import Path

from qualbridge.registry.loader import DATA_DIR, FILE_KINDS

SCHEMA_DIR = DATA_DIR / "schema"


def generated() -> dict[str, str]:
    """File name -> schema text for each kind of data file."""
    from qualbridge.registry.check import OTHER_KINDS

    out = {}
    from qualbridge.registry.validation import json_schema

    for kind, model in {**FILE_KINDS, **OTHER_KINDS}.items():
        schema = model.model_json_schema(by_alias=True) if kind in OTHER_KINDS else json_schema(model)
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["$id"] = f"https://qualbridge.org/schema/{kind}.schema.json"
        out[f"{kind}.schema.json"] = json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    return out


def write(directory: Path = SCHEMA_DIR) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in generated().items():
        path = directory / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def stale(directory: Path = SCHEMA_DIR) -> list[str]:
    """Names of committed schema files that differ from what the models generate."""
    return [
        name
        for name, text in generated().items()
        if not (directory / name).exists() or (directory / name).read_text(encoding="utf-8") != text
    ]
