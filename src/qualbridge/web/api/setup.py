"""The NinjaAPI instance; routers from the other apps are attached in :mod:`qualbridge.web.urls`."""

from __future__ import annotations

from ninja import NinjaAPI

from qualbridge.web.api import problems

api = NinjaAPI(
    title="qualbridge API",
    version="1",
    description="Qualifications frameworks, comparisons, conversions and statement verification. "
    "Errors are RFC 9457 problem documents.",
    urls_namespace="api",
    docs_url="/docs",
)
problems.install(api)
