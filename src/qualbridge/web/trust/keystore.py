"""Office signing keys in the database, their secret half encrypted under a key-encryption key (KEK).

The KEK comes from ``QUALBRIDGE_KEY_ENCRYPTION_KEY`` (any long random string; it is hashed to 256 bits).
Outside production a fixed development KEK is used when the variable is unset, so ``make run`` works
out of the box; with ``QUALBRIDGE_ENV=production`` an unset KEK is an error, never a silent default.
A database dump alone therefore never yields a signing key.

Keys are provisioned by a command (``qualbridge keys create-office``; the demo setup provisions the
demo office), never created on first use: an office without a key cannot sign, and says so. Rotation
adds a new key and retires the current one: the retired key keeps verifying what it signed (the DID
document still lists it, with the moment it was retired) but signs nothing new.
"""

from __future__ import annotations

import base64
import hashlib
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from qualbridge.statements.errors import InvalidKey
from qualbridge.statements.multikey import KeyPair
from qualbridge.web.accounts.models import Office
from qualbridge.web.production import is_production
from qualbridge.web.trust.models import OfficeKey

KEK_VARIABLE = "QUALBRIDGE_KEY_ENCRYPTION_KEY"
#: used only outside production, when no KEK is configured (never protects a real key)
DEV_KEK = "qualbridge-development-key-encryption-key (not for production)"


class MissingOfficeKey(InvalidKey):
    code = "missing-office-key"


def _kek() -> bytes:
    secret = os.environ.get(KEK_VARIABLE, "")
    if not secret:
        if is_production():
            raise InvalidKey(
                f"{KEK_VARIABLE} is not set: in production the office keys' key-encryption key must come "
                "from the environment (a long random string, e.g. `openssl rand -base64 32`)."
            )
        secret = DEV_KEK
    return hashlib.sha256(secret.encode("utf-8")).digest()


def _associated(office: Office, number: int) -> bytes:
    return f"qualbridge-office-key:{office.slug}:{number}".encode()


def encrypt_secret(pair: KeyPair, office: Office, number: int) -> str:
    seed = pair.secret_key_multibase
    if seed is None:
        raise InvalidKey("A key without its secret half cannot become an office signing key.")
    nonce = os.urandom(12)
    sealed = AESGCM(_kek()).encrypt(nonce, seed.encode("ascii"), _associated(office, number))
    return base64.b64encode(nonce + sealed).decode("ascii")


def decrypt(row: OfficeKey) -> KeyPair:
    raw = base64.b64decode(row.encrypted_secret)
    try:
        seed = AESGCM(_kek()).decrypt(raw[:12], raw[12:], _associated(row.office, row.number))
    except InvalidTag:
        raise InvalidKey(
            f"Key {row.number} of office {row.office.slug!r} cannot be decrypted: {KEK_VARIABLE} is not the "
            "key-encryption key it was stored under."
        ) from None
    return KeyPair.from_multibase(row.public_key_multibase, seed.decode("ascii"))


def current_row(office: Office) -> OfficeKey:
    row = OfficeKey.objects.filter(office=office, retired_at__isnull=True).order_by("-number").first()
    if row is None:
        raise MissingOfficeKey(
            f"Office {office.slug!r} has no signing key; provision one with "
            f"`qualbridge keys create-office {office.slug}`."
        )
    return row


@transaction.atomic
def create_office_key(office: Office, pair: KeyPair | None = None) -> OfficeKey:
    """Give the office its first key (refused if it has one: use :func:`rotate_office_key`)."""
    if OfficeKey.objects.select_for_update().filter(office=office).exists():
        raise InvalidKey(
            f"Office {office.slug!r} already has a signing key; rotate it with "
            f"`qualbridge keys rotate-office {office.slug}`."
        )
    return _add(office, pair or KeyPair.generate(), 1)


@transaction.atomic
def rotate_office_key(office: Office) -> OfficeKey:
    """Retire the office's current key and add a new one (earlier statements keep verifying)."""
    rows = OfficeKey.objects.select_for_update().filter(office=office)
    latest = rows.aggregate(n=Max("number"))["n"]
    if latest is None:
        raise MissingOfficeKey(
            f"Office {office.slug!r} has no key to rotate; create one with "
            f"`qualbridge keys create-office {office.slug}`."
        )
    rows.filter(retired_at__isnull=True).update(retired_at=timezone.now())
    return _add(office, KeyPair.generate(), latest + 1)


def _add(office: Office, pair: KeyPair, number: int) -> OfficeKey:
    return OfficeKey.objects.create(
        office=office,
        number=number,
        public_key_multibase=pair.public_key_multibase,
        encrypted_secret=encrypt_secret(pair, office, number),
    )
