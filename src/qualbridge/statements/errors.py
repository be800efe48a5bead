"""Typed errors of the signed-statement machinery.

They subclass :class:`~qualbridge.errors.QualbridgeError`, so the CLI prints their message and exits 2
and the API answers 4xx; each names the bad value and what would be valid.
"""

from __future__ import annotations

from qualbridge.errors import QualbridgeError


class InvalidKey(QualbridgeError):
    """A key or key file that is not an Ed25519 Multikey."""

    code = "invalid-key"


class UnknownContext(QualbridgeError):
    """A JSON-LD context that is not bundled: it is never fetched."""

    code = "unknown-context"

    def __init__(self, url: str, known: list[str]) -> None:
        self.url = url
        super().__init__(
            f"JSON-LD context {url!r} is not bundled and is never fetched; known contexts: {', '.join(known)}."
        )


class UnresolvableKey(QualbridgeError):
    """A verification method whose public key cannot be found offline."""

    code = "unresolvable-key"


class InvalidCredential(QualbridgeError):
    """A document that cannot be signed or verified as a Verifiable Credential."""

    code = "invalid-credential"


class UndefinedTerms(InvalidCredential):
    """Claims whose names no bundled context defines: they would not be covered by the signature.

    ``known`` lists the terms the statement context does define (the caller looks them up, so this
    module depends on nothing else of the package).
    """

    code = "undefined-terms"

    def __init__(self, terms: list[str], known: list[str] | None = None) -> None:
        self.terms = terms
        hint = f"; its terms: {', '.join(known)}" if known else ""
        super().__init__(
            f"Terms not defined by any of the document's contexts (they would be left unsigned): "
            f"{', '.join(terms)}. Use a term of the qualbridge statement context or add it there{hint}."
        )


class InvalidStatusList(QualbridgeError):
    """A Bitstring Status List or status entry that cannot be read."""

    code = "invalid-status-list"


class InvalidTrustList(QualbridgeError):
    """A trust list file that cannot be read."""

    code = "invalid-trust-list"
