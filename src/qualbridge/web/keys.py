"""Office signing keys: the current key of an office, the identifier it issues under, and its method.

The keys live in the database, encrypted (:mod:`qualbridge.web.trust.keystore`), and are provisioned
by ``qualbridge keys create-office``; an office without one cannot sign (:class:`MissingOfficeKey`),
nothing is created on first use. An office issues under its ``did:web`` (:mod:`qualbridge.web.trust.did`)
unless an administrator set ``issuer_did``.
"""

from __future__ import annotations

from qualbridge.statements.multikey import KeyPair
from qualbridge.web.accounts.models import Office
from qualbridge.web.trust.did import method_id, office_did
from qualbridge.web.trust.keystore import MissingOfficeKey, current_row, decrypt

__all__ = ["MissingOfficeKey", "issuer_of", "office_key", "signing_method"]


def office_key(office: Office) -> KeyPair:
    """The office's current signing key (raises :class:`MissingOfficeKey` if none is provisioned)."""
    return decrypt(current_row(office))


def signing_method(office: Office) -> str:
    """The verification method of the current key in the office's DID document (``...#key-N``)."""
    return method_id(office, current_row(office))


def issuer_of(office: Office) -> str:
    return office.issuer_did or office_did(office)
