"""URL map: public pages, casework, accounts, the API and its docs."""

from __future__ import annotations

from django.urls import include, path

from qualbridge.web import views
from qualbridge.web.api.setup import api
from qualbridge.web.cases.api import router as cases_router
from qualbridge.web.countries.api import router as countries_router
from qualbridge.web.explorer.api import router as public_router

api.add_router("/v1/", public_router)
api.add_router("/v1/", countries_router)
api.add_router("/staff/", cases_router)

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("", views.home, name="home"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/", include("qualbridge.web.accounts.urls")),
    path("api/", api.urls),
    path("", include("qualbridge.web.explorer.urls")),
    path("", include("qualbridge.web.cases.urls")),
    path("", include("qualbridge.web.countries.urls")),
]
