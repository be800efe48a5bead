"""Office signing keys: one Ed25519 Multikey file per office in ``settings.KEY_DIR``.

A key is created on first use (mode 0600, never overwritten) and read back afterwards; the statement
is issued by the office's ``issuer_did`` when set, else by the key's own ``did:key``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from django.conf import settings

from qualbridge.statements.errors import InvalidKey
from qualbridge.statements.multikey import KeyPair
from qualbridge.web.accounts.models import Office


def key_path(office: Office) -> Path:
    name = office.key_file or f"{office.slug}.multikey.json"
    if "/" in name or "\\" in name or name.startswith("."):
        raise InvalidKey(f"Office key file {name!r} must be a plain file name in the key folder.")
    return Path(settings.KEY_DIR) / name


def office_key(office: Office) -> KeyPair:
    """The office's signing key, created if it does not exist yet."""
    path = key_path(office)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        pair = KeyPair.generate()
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass  # another process made it first: read theirs
        else:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(pair.to_document(), handle, indent=2)
            return pair
    try:
        return KeyPair.from_document(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError) as exc:
        raise InvalidKey(f"Cannot read the key file of office {office.slug!r}: {exc}.") from None


def issuer_of(office: Office) -> str:
    return office.issuer_did or office_key(office).did
