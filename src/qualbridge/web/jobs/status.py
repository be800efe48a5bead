"""An office's revocation list, published by a worker after each change.

The signed list and its cache are :mod:`qualbridge.web.trust.statuslists` (re-signed only when what it
says changes); the worker's job only signs it ahead of the first request, so a request serves the
stored signature. A request that comes before the worker has caught up signs the fresh list itself, so
a revocation is never hidden by a stale copy.
"""

from __future__ import annotations

from typing import Any

from qualbridge.web.accounts.models import Office


def published_status_list(office: Office) -> dict[str, Any]:
    """The office's current signed status list (the stored signature while its content is unchanged)."""
    from qualbridge.web.cases.issuance import signed_status_list

    return signed_status_list(office)
