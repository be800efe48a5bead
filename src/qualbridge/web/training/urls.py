"""The training mode's pages: the trainee's list of cases and the supervisor's progress page."""

from django.urls import path

from qualbridge.web.training import views

app_name = "training"
urlpatterns = [
    path("training/", views.index, name="index"),
    path("training/start/<slug:case_id>/", views.start, name="start"),
    path("training/supervisor/", views.supervisor, name="supervisor"),
]
