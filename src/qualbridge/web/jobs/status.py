"""An office's revocation list as published: signed by a worker after each change, served as stored.

A request for the list compares the stored list's version (the count and times of the office's
statements and revocations, and its key) with the records; only when they differ (the worker has not
caught up yet) does the request sign a fresh list, so a revocation is never hidden by a stale copy.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Max, Min

from qualbridge.web.accounts.models import Office
from qualbridge.web.jobs.models import PublishedStatusList


def version_of(office: Office) -> str:
    from qualbridge.web.cases.models import Statement
    from qualbridge.web.keys import office_key

    issued = Statement.objects.filter(case__office=office).aggregate(first=Min("issued_at"), n=Count("id"))
    revoked = Statement.objects.filter(case__office=office, revoked_at__isnull=False).aggregate(
        n=Count("id"), last=Max("revoked_at")
    )
    return f"{issued['n']}|{issued['first']}|{revoked['n']}|{revoked['last']}|{office_key(office).did}"


def publish(office: Office) -> PublishedStatusList:
    from qualbridge.web.cases.issuance import signed_status_list

    version = version_of(office)
    current = PublishedStatusList.objects.filter(office=office, version=version).first()
    if current is not None:
        return current
    published, _ = PublishedStatusList.objects.update_or_create(
        office=office, defaults={"version": version, "document": signed_status_list(office)}
    )
    return published


def published_status_list(office: Office) -> dict[str, Any]:
    """The office's current signed status list (the published copy when it is up to date)."""
    return publish(office).document  # type: ignore[no-any-return]
