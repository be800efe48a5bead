from __future__ import annotations

from django.urls import path

from qualbridge.web.analytics import views

app_name = "analytics"
urlpatterns = [
    path("cases/analytics/", views.page, name="page"),
    path("cases/analytics/decisions.csv", views.export, name="export"),
]
