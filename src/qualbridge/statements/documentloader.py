"""An offline JSON-LD document loader: the bundled contexts and nothing else.

Canonicalising a credential makes pyld resolve every ``@context`` URL. pyld's default loader would
fetch it from the network, so whoever controls that server could change what a signature means;
here every pyld call gets :func:`document_loader`, which serves the files in ``contexts/`` and raises
:class:`UnknownContext` for any other address.
"""

from __future__ import annotations

import copy
import json
import os
import re
from functools import cache
from importlib import resources
from typing import Any

from qualbridge.statements.errors import UnknownContext

CREDENTIALS_V2 = "https://www.w3.org/ns/credentials/v2"
#: the VC Data Model 1.1 context: read (credentials of other issuers), never used for new statements
CREDENTIALS_V1 = "https://www.w3.org/2018/credentials/v1"
DATA_INTEGRITY_V2 = "https://w3id.org/security/data-integrity/v2"
EXAMPLES_V2 = "https://www.w3.org/ns/credentials/examples/v2"
#: the statement context's first name, a URN no one outside qualbridge can resolve; still accepted, so
#: statements issued under it keep verifying
QUALBRIDGE_V1 = "urn:qualbridge:context:statement:v1"
#: h18p: the second version: every term of v1 with the same meaning, plus the qualifications passport's
#: terms (v1 is published as immutable, so new terms get a new version; a v1 statement never changes)
QUALBRIDGE_V2 = "urn:qualbridge:context:statement:v2"
#: where a deployment publishes the statement context (``<public base URL>`` + this path); versioned and
#: immutable: a change of content gets a new version, never a new file under this name
STATEMENT_CONTEXT_PATH = "/contexts/statement/v1.jsonld"
STATEMENT_CONTEXT_V2_PATH = "/contexts/statement/v2.jsonld"
_HOST = r"^https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?"
_STATEMENT_CONTEXT = re.compile(_HOST + re.escape(STATEMENT_CONTEXT_PATH) + "$")
_STATEMENT_CONTEXT_V2 = re.compile(_HOST + re.escape(STATEMENT_CONTEXT_V2_PATH) + "$")

#: context URL -> bundled file (see contexts/README.md for where each file comes from)
CONTEXT_FILES: dict[str, str] = {
    CREDENTIALS_V2: "credentials-v2.jsonld",
    CREDENTIALS_V1: "credentials-v1.jsonld",
    DATA_INTEGRITY_V2: "data-integrity-v2.jsonld",
    EXAMPLES_V2: "credentials-examples-v2.jsonld",
    QUALBRIDGE_V1: "qualbridge-statement-v1.jsonld",
    QUALBRIDGE_V2: "qualbridge-statement-v2.jsonld",
}


def known_contexts() -> list[str]:
    return [
        *CONTEXT_FILES,
        f"<deployment>{STATEMENT_CONTEXT_PATH}",
        f"<deployment>{STATEMENT_CONTEXT_V2_PATH}",
    ]


def statement_context_url(base: str | None = None, version: int = 1) -> str:
    """The statement context to put in a new statement: at ``base`` (default: ``QUALBRIDGE_PUBLIC_URL``).

    Without a base URL (the CLI signing offline) it is the URN of the bundled file. ``version`` 2 adds
    the qualifications passport's terms (a recognition statement keeps naming version 1).

    >>> statement_context_url("https://nic.example/")
    'https://nic.example/contexts/statement/v1.jsonld'
    >>> statement_context_url("", version=2)
    'urn:qualbridge:context:statement:v2'
    """
    if version not in (1, 2):
        raise ValueError(f"statement context version {version} does not exist; there are 1 and 2")
    root = (base if base is not None else os.environ.get("QUALBRIDGE_PUBLIC_URL", "")).rstrip("/")
    path, urn = (
        (STATEMENT_CONTEXT_PATH, QUALBRIDGE_V1)
        if version == 1
        else (STATEMENT_CONTEXT_V2_PATH, QUALBRIDGE_V2)
    )
    return root + path if root.startswith(("https://", "http://")) else urn


def bundled_file(url: Any) -> str | None:
    """The bundled file that serves the context ``url``, or None if it is not bundled.

    The statement context is recognised at its versioned path on any deployment's address: the
    meaning is always the bundled copy's, never fetched, so another host cannot change it.

    >>> bundled_file("https://nic.example/contexts/statement/v1.jsonld")
    'qualbridge-statement-v1.jsonld'
    >>> bundled_file("https://nic.example/contexts/statement/v2.jsonld")
    'qualbridge-statement-v2.jsonld'
    >>> bundled_file("https://evil.example/contexts/statement/v3.jsonld") is None
    True
    """
    if not isinstance(url, str):
        return None
    if url in CONTEXT_FILES:
        return CONTEXT_FILES[url]
    if _STATEMENT_CONTEXT.match(url):
        return CONTEXT_FILES[QUALBRIDGE_V1]
    return CONTEXT_FILES[QUALBRIDGE_V2] if _STATEMENT_CONTEXT_V2.match(url) else None


@cache
def _read(name: str) -> str:
    return resources.files("qualbridge.statements").joinpath("contexts", name).read_text(encoding="utf-8")


def context_bytes(url: str) -> bytes:
    """The bundled file of a context, byte for byte."""
    name = bundled_file(url)
    if name is None:
        raise UnknownContext(url, known_contexts())
    return _read(name).encode("utf-8")


def load_context(url: str) -> dict[str, Any]:
    """The parsed context document at ``url`` (a fresh copy each time: pyld may keep references)."""
    name = bundled_file(url)
    if name is None:
        raise UnknownContext(url, known_contexts())
    doc: dict[str, Any] = json.loads(_read(name))
    return copy.deepcopy(doc)


def document_loader(url: str, options: Any = None) -> dict[str, Any]:
    """pyld document loader: a RemoteDocument for a bundled context; anything else raises."""
    return {"contextUrl": None, "documentUrl": url, "document": load_context(url)}


def pyld_options(**extra: Any) -> dict[str, Any]:
    """Options for a pyld call that can never reach the network."""
    return {"documentLoader": document_loader, **extra}
