"""Exchange formats: qualbridge's data and results in the formats recognition systems exchange, and
their documents read back in.

Every format is one module with the same contract: ``FORMAT`` (its name), ``detects(document)``,
``import_document(document)`` returning a typed result and raising
:class:`~qualbridge.interop.base.InteropError` with the JSON or XML path of the offending field, and
its export functions (``export_default()`` for the whole-registry export where one makes sense).

:data:`FORMAT_MODULES` is the registry, in detection order (the most specific first). Open Badges 3.0
(``qualbridge.interop.ob3``) is written alongside this package; it is listed here and becomes available
once its module is part of the tree. A listed module that is absent is reported by
:func:`missing_formats`, never replaced by a stand-in.
"""

from __future__ import annotations

import importlib
import importlib.util
import json
from types import ModuleType
from typing import Any

from qualbridge.interop.base import MAX_DOCUMENT_BYTES, InteropError

__all__ = [
    "FORMAT_MODULES",
    "MAX_DOCUMENT_BYTES",
    "InteropError",
    "detect",
    "format_module",
    "formats",
    "import_any",
    "missing_formats",
    "read",
]

#: format name -> module, in detection order
FORMAT_MODULES: dict[str, str] = {
    "ob3": "qualbridge.interop.ob3",
    "elm": "qualbridge.interop.elm",
    "ctdl": "qualbridge.interop.ctdl",
    "elmo": "qualbridge.interop.elmo",
}


def missing_formats() -> list[str]:
    """Listed formats whose module is not in this build."""
    return [name for name, module in FORMAT_MODULES.items() if importlib.util.find_spec(module) is None]


def formats() -> dict[str, ModuleType]:
    """The format modules present in this build, by name."""
    missing = set(missing_formats())
    return {
        name: importlib.import_module(module)
        for name, module in FORMAT_MODULES.items()
        if name not in missing
    }


def format_module(name: str) -> ModuleType:
    """The module of a format; an unknown or absent one is a typed error naming the valid formats."""
    present = formats()
    if name not in present:
        raise InteropError("format", "interop.unknown-format", value=name, valid=", ".join(present))
    return present[name]


def read(data: bytes) -> Any:
    """A document's bytes as JSON (a dict) or, for XML, the bytes themselves; refused when too large or
    neither."""
    if len(data) > MAX_DOCUMENT_BYTES:
        raise InteropError("$", "interop.too-large", limit=MAX_DOCUMENT_BYTES)
    head = data.lstrip()[:1]
    if head == b"<":
        return data
    try:
        return json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise InteropError("$", "interop.not-a-document") from None
    except json.JSONDecodeError as exc:
        raise InteropError(
            f"$ (line {exc.lineno}, column {exc.colno})", "interop.bad-json", problem=exc.msg
        ) from None


def detect(document: Any) -> ModuleType:
    """The module of the first format that recognises the document."""
    for module in formats().values():
        if module.detects(document):
            return module
    raise InteropError("$", "interop.unknown-document", valid=", ".join(formats()))


def import_any(data: bytes) -> tuple[str, Any]:
    """Detect the format of a document and read it: (format name, typed result)."""
    document = read(data)
    module = detect(document)
    return str(module.FORMAT), module.import_document(document)
