"""URL map: public pages, casework, accounts, the API and its docs."""

from __future__ import annotations

from django.urls import include, path

from qualbridge.web import readiness, views
from qualbridge.web.api.public import router as public_router
from qualbridge.web.api.setup import api
from qualbridge.web.api.staff import router as cases_router
from qualbridge.web.api.vcapi import router as vc_router
from qualbridge.web.countries.api import router as countries_router
from qualbridge.web.eligibility_api import router as eligibility_router  # h13

api.add_router("/v1/", public_router)
api.add_router("/v1/", eligibility_router)  # h13: admission eligibility
api.add_router("/v1/", countries_router)
api.add_router("/staff/", cases_router)
api.add_router("/vc/", vc_router)

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("readyz", readiness.readyz, name="readyz"),  # h15
    path("", views.home, name="home"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/", include("qualbridge.web.accounts.urls")),
    path("api/", api.urls),
    path("", include("qualbridge.web.explorer.urls")),
    path("", include("qualbridge.web.cases.urls")),
    path("", include("qualbridge.web.jobs.urls")),  # h15: background work
    path("", include("qualbridge.web.trust.urls")),
    path("", include("qualbridge.web.countries.urls")),
    path("", include("qualbridge.web.decisions.urls")),
    path("", include("qualbridge.web.analytics.urls")),
    path("", include("qualbridge.web.referencing.urls")),  # h19
]
