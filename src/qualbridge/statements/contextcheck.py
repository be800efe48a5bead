"""The context check: no claim may sit in a signed statement without being signed.

RDFC-1.0 signs the RDF the JSON-LD expands to, not the JSON. A property whose name no context defines
is silently dropped by expansion, so it could be changed, or added, after signing without breaking the
signature; a reader of the JSON would still see it. This module finds such terms: every ``@context`` must
be a bundled URL or an inline object (never a remote context), and the document is expanded with a sentinel ``@vocab``
placed *before* its own contexts. A term that the document's contexts define (directly or through their own
``@vocab``) expands as usual; any other term lands in the sentinel namespace and is reported. Relative IRIs,
which RDF drops the same way, are reported too.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

from pyld import jsonld

from qualbridge.statements.dataintegrity import jsonld_failure
from qualbridge.statements.documentloader import bundled_file, known_contexts, pyld_options
from qualbridge.statements.errors import InvalidCredential, UnknownContext

SENTINEL = "urn:qualbridge:undefined-term#"


def context_urls(document: Any) -> list[Any]:
    """Every ``@context`` value in the document, at any depth, in document order."""
    found: list[Any] = []

    def walk(node: Any) -> None:
        if isinstance(node, Mapping):
            for key, value in node.items():
                if key == "@context":
                    found.extend(value if isinstance(value, list) else [value])
                else:
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(document)
    return found


def check_contexts_known(document: Mapping[str, Any]) -> None:
    """Raise unless every context is the URL of a bundled context or an inline context object.

    An inline object is allowed (VC 2.0 §4.3 permits it after the base context); the terms it
    defines are then checked like any other, and any context URL it imports must be bundled too
    (pyld asks the offline loader for it).
    """
    for ctx in context_urls(document):
        if isinstance(ctx, Mapping):
            continue
        if not isinstance(ctx, str):
            raise InvalidCredential(
                f"@context entry {ctx!r} is neither a context URL nor a context object; known URLs: "
                + ", ".join(known_contexts())
                + "."
            )
        if bundled_file(ctx) is None:
            raise UnknownContext(ctx, known_contexts())


def _is_absolute(iri: str) -> bool:
    return iri.startswith("_:") or (":" in iri and not iri.startswith(":"))


def undefined_terms(document: Mapping[str, Any]) -> list[str]:
    """Terms and IRIs of the document that its contexts leave undefined (sorted, without duplicates)."""
    check_contexts_known(document)
    probe = copy.deepcopy(dict(document))
    own = probe.get("@context", [])
    probe["@context"] = [{"@vocab": SENTINEL}, *(own if isinstance(own, list) else [own])]
    try:
        expanded = jsonld.expand(probe, pyld_options(base=None))  # keep relative IRIs visible
    except jsonld.JsonLdError as exc:
        raise jsonld_failure(exc) from None
    bad: set[str] = set()

    def flag(iri: Any, what: str) -> None:
        if not isinstance(iri, str):
            return
        if iri.startswith(SENTINEL):
            bad.add(iri.removeprefix(SENTINEL))
        elif not _is_absolute(iri):
            bad.add(f"{iri} ({what} is a relative IRI)")

    def walk(node: Any) -> None:
        if isinstance(node, list):
            for item in node:
                walk(item)
            return
        if not isinstance(node, dict):
            return
        if "@value" in node:
            flag(node.get("@type"), "datatype")
            return
        for key, value in node.items():
            if key == "@id":
                flag(value, "id")
            elif key == "@type":
                for t in value if isinstance(value, list) else [value]:
                    flag(t, "type")
            elif not key.startswith("@"):
                flag(key, "property")
                walk(value)
            else:
                walk(value)

    walk(expanded)
    return sorted(bad)
