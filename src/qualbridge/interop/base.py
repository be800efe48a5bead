"""What every exchange-format module shares: the error that names the offending field, and readers of
JSON values that say where they looked.

A refused document is refused with the path of the field (``$.credentialSubject.achievement.type`` in
JSON, ``/elmo/report[1]/learningOpportunitySpecification[2]/title`` in XML) and what would be valid,
so a user can fix the file; the sentences are the core's catalogue entries (``interop.*`` codes).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from qualbridge.errors import QualbridgeError
from qualbridge.messages import Message

#: the largest document qualbridge reads (bytes): an ELMO report of a whole degree is a few hundred KB,
#: a CTDL export of every framework about 1 MB; far beyond that is not a document but a mistake
MAX_DOCUMENT_BYTES = 8_000_000


class InteropError(QualbridgeError):
    """A document that cannot be read as the format it claims (or any format): names the field."""

    code = "invalid-document"

    def __init__(self, path: str, code: str, **params: str | int) -> None:
        self.path = path
        self.message = Message(code, {"path": path, **params})
        super().__init__(self.message.text("en"))


def json_path(parent: str, key: str | int) -> str:
    """``$.a.b[0]``: the path of a child in the JSONPath notation the errors use.

    >>> json_path(json_path("$", "credentialSubject"), 0)
    '$.credentialSubject[0]'
    """
    return f"{parent}[{key}]" if isinstance(key, int) else f"{parent}.{key}"


def need_object(value: Any, path: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise InteropError(path, "interop.expected-object", found=type(value).__name__)
    return value


def need(document: Mapping[str, Any], key: str, path: str) -> Any:
    """The value of a required member, or an error naming its path."""
    if key not in document or document[key] in (None, "", [], {}):
        raise InteropError(json_path(path, key), "interop.missing-field")
    return document[key]


def need_text(document: Mapping[str, Any], key: str, path: str) -> str:
    value = need(document, key, path)
    if not isinstance(value, str):
        raise InteropError(json_path(path, key), "interop.expected-text", found=type(value).__name__)
    return value


def lang_map(value: Any, path: str) -> dict[str, str]:
    """A language map (``{"en": "...", "ja": "..."}``) or a plain string (read as English)."""
    if isinstance(value, str) and value.strip():
        return {"en": value}
    if (
        isinstance(value, Mapping)
        and value
        and all(isinstance(k, str) and isinstance(v, str) for k, v in value.items())
    ):
        return {str(k): str(v) for k, v in value.items()}
    raise InteropError(path, "interop.expected-language-map")


def as_list(value: Any) -> list[Any]:
    """JSON-LD writes one value bare and several as a list; read both as a list."""
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def types_of(document: Mapping[str, Any]) -> set[str]:
    """The ``type`` / ``@type`` values of a JSON-LD node."""
    return {str(t) for t in as_list(document.get("type", document.get("@type")))}
