from __future__ import annotations

from django.urls import path

from qualbridge.web.countries import views

app_name = "countries"
urlpatterns = [
    path("countries/", views.index, name="index"),
    path("countries/<str:code>", views.detail, name="detail"),
    path("countries/<str:code>/brief.pdf", views.brief, name="brief"),
]
