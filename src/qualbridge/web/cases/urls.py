"""Casework pages for applicants and staff, and the offices' public status lists."""

from django.urls import path

from qualbridge.web.cases import applicant_views, staff_views, views

app_name = "cases"
urlpatterns = [
    path("cases/", views.case_list, name="list"),
    path("cases/new/", views.case_new, name="new"),
    path("cases/<int:pk>/", views.case_detail, name="detail"),
    path("cases/<int:pk>/credentials/", views.add_credential, name="add_credential"),
    path("cases/<int:pk>/documents/", views.upload_document, name="upload"),
    path("cases/<int:pk>/documents/<int:did>/", views.download_document, name="document"),
    path("cases/<int:pk>/submit/", views.submit, name="submit"),
    path("cases/<int:pk>/requests/<int:rid>/answer/", views.answer_request, name="answer"),
    path("cases/<int:pk>/appeal/", views.appeal, name="appeal"),
    path("cases/<int:pk>/statement.json", views.statement_json, name="statement_json"),
    path("cases/<int:pk>/statement.pdf", views.statement_pdf, name="statement_pdf"),
    path("cases/<int:pk>/findings/<int:fid>/", staff_views.edit_finding, name="finding"),
    path("cases/<int:pk>/statements/<int:sid>/revoke/", staff_views.revoke, name="revoke"),
    path("cases/<int:pk>/do/<slug:name>/", staff_views.act, name="act"),
    # h16a: the applicant's self-service
    path("cases/requirements/", applicant_views.requirements_index, name="requirements"),
    path(
        "cases/requirements/<str:policy_id>/", applicant_views.requirements_page, name="requirements_policy"
    ),
    path("cases/<int:pk>/withdraw/", applicant_views.withdraw, name="withdraw"),
    path(
        "cases/<int:pk>/documents/<int:did>/remove/", applicant_views.remove_document, name="remove_document"
    ),
    path("status/<slug:office>/revocation", views.status_list, name="status_list"),
]
