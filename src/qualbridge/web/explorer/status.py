"""Where the verify page finds what a statement points at: status lists, trusted keys, published statements.

Nothing is fetched from the network. A statement's ``credentialStatus`` names a status list URL; when its
path is ``/status/<office>/<list>`` the list is one this site publishes, and the registered provider
(installed by the casework app, which keeps the lists) returns the signed list credential. The verifier
still checks that list's signature, issuer and id, so a wrong answer here can never make a statement
pass. The trust list (this site's offices and the issuers an administrator added) comes from here too, and for statements opened from a QR code link
(``/verify?id=<statement id>``).

By default the lists and statements come from the casework app: an office's revocation list is
``/status/<office slug>/revocation`` (built by :func:`qualbridge.web.cases.issuance.signed_status_list`)
and a statement is found by its credential id, so the link in a statement's QR code is
``/verify?id=<credential id>``. The ``set_*`` functions replace a default (tests use them).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import urlsplit

from django.apps import apps

from qualbridge.statements.trust import TrustList

log = logging.getLogger(__name__)

StatusListProvider = Callable[[str, str], Mapping[str, Any] | None]
StatementProvider = Callable[[str], Mapping[str, Any] | None]
TrustListProvider = Callable[[], TrustList]

STATUS_PATH = re.compile(r"^/status/(?P<office>[A-Za-z0-9_.-]+)/(?P<list>[A-Za-z0-9_.-]+)/?$")

#: the list name under which the casework app publishes an office's revocation list
REVOCATION_LIST = "revocation"

_providers: dict[str, Callable[..., Any] | None] = {"status": None, "statement": None, "keys": None}


def set_status_list_provider(provider: StatusListProvider | None) -> None:
    """Install the function giving the signed list credential for (office, list), or None if unknown."""
    _providers["status"] = provider


def set_statement_provider(provider: StatementProvider | None) -> None:
    """Install the function giving a published statement by its id (the QR code link), or None."""
    _providers["statement"] = provider


def set_trust_list_provider(provider: TrustListProvider | None) -> None:
    """Install the function giving the site's trust list (tests use it)."""
    _providers["keys"] = provider


def casework_status_list(office: str, list_id: str) -> Mapping[str, Any] | None:
    """The office's signed revocation list, as the casework app publishes it (None if no such office)."""
    if list_id != REVOCATION_LIST:
        return None
    from qualbridge.web.cases.issuance import signed_status_list

    try:
        office_model = apps.get_model("accounts", "Office")
    except LookupError:
        return None
    found = office_model.objects.filter(slug=office).first()
    return signed_status_list(found) if found is not None else None


def casework_statement(ref: str) -> Mapping[str, Any] | None:
    """A statement the casework app issued, by its credential id (``urn:uuid:...`` or the bare uuid the
    printed link and the QR code carry)."""
    try:
        statement_model = apps.get_model("cases", "Statement")
    except LookupError:
        return None
    ids = {ref, ref if ref.startswith("urn:") else f"urn:uuid:{ref}"}
    signed = statement_model.objects.filter(credential_id__in=ids).values_list("signed", flat=True).first()
    if signed is None:  # h18p: a qualifications passport, verified like every statement
        passport_model = apps.get_model("passport", "Passport")
        signed = passport_model.objects.filter(credential_id__in=ids).values_list("signed", flat=True).first()
    return signed if isinstance(signed, Mapping) else None


def casework_trust_list() -> TrustList:
    """This site's offices and the issuers an administrator added (keys are only read, never created)."""
    from qualbridge.web.trust.did import site_trust_list

    return site_trust_list()


DEFAULTS: dict[str, Callable[..., Any] | None] = {
    "status": casework_status_list,
    "statement": casework_statement,
    "keys": casework_trust_list,
}


def _provider(kind: str) -> Callable[..., Any] | None:
    return _providers[kind] or DEFAULTS[kind]


def status_list_path(url: str) -> tuple[str, str] | None:
    """(office, list) when ``url`` is a status list address of this site's form.

    >>> status_list_path("https://nic.example/status/nic-japan/2026")
    ('nic-japan', '2026')
    >>> status_list_path("https://elsewhere.example/lists/7") is None
    True
    """
    found = STATUS_PATH.match(urlsplit(url).path)
    return (found["office"], found["list"]) if found else None


def resolve_status_list(url: str) -> Mapping[str, Any] | None:
    """The status list credential at ``url`` if this site publishes it, else None (never fetched)."""
    where = status_list_path(url)
    provider = _provider("status")
    if where is None or provider is None:
        return None
    found = provider(*where)
    return found if isinstance(found, Mapping) else None


def published_statement(ref: str) -> Mapping[str, Any] | None:
    """A statement this site published, by id (from a QR code link), or None."""
    provider = _provider("statement")
    if provider is None or not ref:
        return None
    found = provider(ref)
    return found if isinstance(found, Mapping) else None


def trust_list() -> TrustList:
    """The issuers this site trusts (empty, so nobody is authentic, if the provider fails)."""
    provider = _provider("keys")
    if provider is None:
        return TrustList()
    try:
        found = provider()
    except Exception:  # a broken provider must not break verification; every issuer is then untrusted
        log.exception("trust list provider failed")
        return TrustList()
    return found if isinstance(found, TrustList) else TrustList()
