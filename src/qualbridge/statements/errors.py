"""Typed errors of the signed-statement machinery.

They subclass :class:`~qualbridge.errors.QualbridgeError`, so the CLI prints their message and exits 2
and the API answers 4xx; each names the bad value and what would be valid.
"""

from __future__ import annotations

from qualbridge.errors import QualbridgeError


class InvalidKey(QualbridgeError, code="invalid-key"):
    """A key or key file that is not an Ed25519 Multikey."""


class UnknownContext(QualbridgeError, code="unknown-context"):
    """A JSON-LD context that is not bundled: it is never fetched."""

    def __init__(self, url: str, known: list[str]) -> None:
        self.url = url
        super().__init__(
            f"JSON-LD context {url!r} is not bundled and is never fetched; known contexts: {', '.join(known)}."
        )


class UnresolvableKey(QualbridgeError, code="unresolvable-key"):
    """A verification method whose public key cannot be found offline."""


class InvalidCredential(QualbridgeError, code="invalid-credential"):
    """A document that cannot be signed or verified as a Verifiable Credential."""


class UndefinedTerms(InvalidCredential, code="undefined-terms"):
    """Claims whose names no bundled context defines: they would not be covered by the signature.

    ``known`` lists the terms the statement context does define (the caller looks them up, so this
    module depends on nothing else of the package).
    """

    def __init__(self, terms: list[str], known: list[str] | None = None) -> None:
        self.terms = terms
        hint = f"; its terms: {', '.join(known)}" if known else ""
        super().__init__(
            f"Terms not defined by any of the document's contexts (they would be left unsigned): "
            f"{', '.join(terms)}. Use a term of the qualbridge statement context or add it there{hint}."
        )


class InvalidStatusList(QualbridgeError, code="invalid-status-list"):
    """A Bitstring Status List or status entry that cannot be read."""


class InvalidTrustList(QualbridgeError, code="invalid-trust-list"):
    """A trust list file that cannot be read."""
