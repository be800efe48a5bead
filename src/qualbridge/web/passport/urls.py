"""The passport's pages under each case: the interview record (staff) and the passport (applicant, staff)."""

from django.urls import path

from qualbridge.web.passport import views

app_name = "passport"
urlpatterns = [
    path("cases/<int:pk>/passport/", views.case_page, name="case"),
    path("cases/<int:pk>/passport/sign/", views.sign, name="sign"),
    path("cases/<int:pk>/passport/issue/", views.issue, name="issue"),
    path("cases/<int:pk>/passport/<int:passport_id>/revoke/", views.revoke, name="revoke"),
    path("cases/<int:pk>/passport/mine/", views.mine, name="mine"),
    path("cases/<int:pk>/passport.html", views.passport_html, name="html"),
    path("cases/<int:pk>/passport.pdf", views.passport_pdf, name="pdf"),
    path("cases/<int:pk>/passport.json", views.passport_json, name="json"),
]
