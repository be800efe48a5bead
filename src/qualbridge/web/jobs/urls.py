from django.urls import path

from qualbridge.web.jobs import views

app_name = "jobs"
urlpatterns = [
    path("staff/jobs/", views.job_list, name="list"),
    path("staff/jobs/<str:job_id>/", views.job_detail, name="detail"),
    path("staff/jobs/<str:job_id>/result.json", views.transcript_result, name="result"),
    path("staff/batch/transcript/", views.transcript_batch, name="transcript"),
    path("staff/batch/institutions/", views.institution_import, name="institutions"),
]
