"""Public pages: frameworks explorer, JEQF guide, estimate, verify, convert."""

from django.urls import path

from qualbridge.web.explorer import igpa, tools, views

app_name = "explorer"

#: (route, view, name) of every public page
PAGES = (
    ("frameworks/", views.framework_list, "frameworks"),
    ("frameworks/decisions/<str:alignment_id>", views.decision_detail, "decision"),
    ("frameworks/<str:framework_id>", views.framework_detail, "framework"),
    ("frameworks/<str:a>/vs/<str:b>", views.framework_pair, "pair"),
    ("jeqf", views.jeqf_guide, "jeqf"),
    ("estimate", tools.estimate, "estimate"),
    ("estimate/search", tools.estimate_search, "estimate_search"),
    ("verify", tools.verify, "verify"),
    ("convert", tools.convert, "convert"),
    ("convert/report", igpa.igpa_report, "igpa"),
)
urlpatterns = [path(route, view, name=name) for route, view, name in PAGES]
