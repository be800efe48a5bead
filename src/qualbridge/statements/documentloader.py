"""An offline JSON-LD document loader: the bundled contexts and nothing else.

Canonicalising a credential makes pyld resolve every ``@context`` URL. pyld's default loader would
fetch it from the network, so whoever controls that server could change what a signature means;
here every pyld call gets :func:`document_loader`, which serves the files in ``contexts/`` and raises
:class:`UnknownContext` for any other address.
"""

from __future__ import annotations

import copy
import json
from functools import cache
from importlib import resources
from typing import Any

from qualbridge.statements.errors import UnknownContext

CREDENTIALS_V2 = "https://www.w3.org/ns/credentials/v2"
DATA_INTEGRITY_V2 = "https://w3id.org/security/data-integrity/v2"
EXAMPLES_V2 = "https://www.w3.org/ns/credentials/examples/v2"
QUALBRIDGE_V1 = "urn:qualbridge:context:statement:v1"

#: context URL -> bundled file (see contexts/README.md for where each file comes from)
CONTEXT_FILES: dict[str, str] = {
    CREDENTIALS_V2: "credentials-v2.jsonld",
    DATA_INTEGRITY_V2: "data-integrity-v2.jsonld",
    EXAMPLES_V2: "credentials-examples-v2.jsonld",
    QUALBRIDGE_V1: "qualbridge-statement-v1.jsonld",
}


def known_contexts() -> list[str]:
    return list(CONTEXT_FILES)


@cache
def _read(name: str) -> str:
    return resources.files("qualbridge.statements").joinpath("contexts", name).read_text(encoding="utf-8")


def context_bytes(url: str) -> bytes:
    """The bundled file of a context, byte for byte."""
    if url not in CONTEXT_FILES:
        raise UnknownContext(url, known_contexts())
    return _read(CONTEXT_FILES[url]).encode("utf-8")


def load_context(url: str) -> dict[str, Any]:
    """The parsed context document at ``url`` (a fresh copy each time: pyld may keep references)."""
    if url not in CONTEXT_FILES:
        raise UnknownContext(url, known_contexts())
    doc: dict[str, Any] = json.loads(_read(CONTEXT_FILES[url]))
    return copy.deepcopy(doc)


def document_loader(url: str, options: Any = None) -> dict[str, Any]:
    """pyld document loader: a RemoteDocument for a bundled context; anything else raises."""
    return {"contextUrl": None, "documentUrl": url, "document": load_context(url)}


def pyld_options(**extra: Any) -> dict[str, Any]:
    """Options for a pyld call that can never reach the network."""
    return {"documentLoader": document_loader, **extra}
