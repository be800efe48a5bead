"""Validate the registry's data files against its dataclasses with pydantic.

Only parsing a data file needs pydantic; the registry's classes themselves are plain dataclasses (see
:mod:`qualbridge.registry.models`), so a process that loads the compiled registry never imports it.
"""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import TypeAdapter

T = TypeVar("T")

#: keys the files write differently from the attribute they fill (``from`` is a Python keyword)
RENAMED = {"from": "from_level"}


_ADAPTERS: dict[type[Any], TypeAdapter[Any]] = {}


def _adapter(kind: type[Any]) -> TypeAdapter[Any]:
    if kind not in _ADAPTERS:
        _ADAPTERS[kind] = TypeAdapter(kind)
    return _ADAPTERS[kind]


def _rename(raw: Any) -> Any:
    if isinstance(raw, dict):
        return {RENAMED.get(k, k) if isinstance(k, str) else k: _rename(v) for k, v in raw.items()}
    if isinstance(raw, list):
        return [_rename(v) for v in raw]
    return raw


def validate(kind: type[T], raw: Any) -> T:
    """The record of type ``kind`` read from a parsed file; raises pydantic's ValidationError."""
    result: T = _adapter(kind).validate_python(_rename(raw))
    return result


#: (record, field) -> kind of identifier, whose format the schema states as a pattern
ID_FIELDS = {
    ("Framework", "id"): "framework",
    ("Framework", "parent"): "framework",
    ("Alignment", "source_framework"): "framework",
    ("Alignment", "target_framework"): "framework",
    ("QualificationType", "id"): "qualification",
    ("Placement", "level"): "level",
    ("Placement", "isced_code"): "isced_code",
}


def _with_pattern(prop: dict[str, Any], pattern: str) -> dict[str, Any]:
    if prop.get("type") == "string":
        return {**prop, "pattern": pattern}
    if "anyOf" in prop:
        return {**prop, "anyOf": [_with_pattern(p, pattern) for p in prop["anyOf"]]}
    return prop


def json_schema(kind: type[Any]) -> dict[str, Any]:
    """The JSON Schema of a file holding one ``kind``, with the keys as the files write them."""
    from qualbridge.registry.models import ID_PATTERNS

    schema: dict[str, Any] = _adapter(kind).json_schema()
    back: dict[str, str] = {v: k for k, v in RENAMED.items()}

    def restore(node: Any) -> Any:
        if isinstance(node, dict):
            out: dict[str, Any] = {}
            title = str(node.get("title"))
            for key, value in node.items():
                if key == "properties" and isinstance(value, dict):
                    props: dict[str, Any] = {}
                    for name, prop in value.items():
                        if (title, name) in ID_FIELDS:
                            prop = _with_pattern(prop, ID_PATTERNS[ID_FIELDS[title, name]])
                        props[back.get(str(name), str(name))] = restore(prop)
                    out[key] = props
                elif key == "required" and isinstance(value, list):
                    out[key] = [back.get(k, k) for k in value]
                else:
                    out[key] = restore(value)
            return out
        if isinstance(node, list):
            return [restore(v) for v in node]
        return node

    return restore(schema)  # type: ignore[no-any-return]
