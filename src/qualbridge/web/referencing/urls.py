from __future__ import annotations

from django.urls import path

from qualbridge.web.referencing import views

app_name = "referencing"
urlpatterns = [path("referencing/", views.index, name="index")]
