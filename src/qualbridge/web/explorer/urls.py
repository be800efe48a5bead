"""Public pages: frameworks explorer, JEQF guide, estimate, verify, convert."""

from django.urls import path

from qualbridge.web.explorer import tools, views

app_name = "explorer"

urlpatterns = [
    path("frameworks/", views.framework_list, name="frameworks"),
    path("frameworks/decisions/<str:alignment_id>", views.decision_detail, name="decision"),
    path("frameworks/<str:framework_id>", views.framework_detail, name="framework"),
    path("frameworks/<str:a>/vs/<str:b>", views.framework_pair, name="pair"),
    path("jeqf", views.jeqf_guide, name="jeqf"),
    path("estimate", tools.estimate, name="estimate"),
    path("estimate/search", tools.estimate_search, name="estimate_search"),
    path("verify", tools.verify, name="verify"),
    path("convert", tools.convert, name="convert"),
]
