from __future__ import annotations

from django.urls import path

from qualbridge.web.decisions import views

app_name = "decisions"
urlpatterns = [
    path("decisions/", views.index, name="index"),
    path("decisions/<str:slug>", views.detail, name="detail"),
    path("cases/<int:pk>/publication", views.publish, name="publish"),
]
