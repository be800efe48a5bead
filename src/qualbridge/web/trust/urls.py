"""The offices' DID documents and the published JSON-LD statement context."""

from django.urls import path

from qualbridge.statements.documentloader import STATEMENT_CONTEXT_PATH, STATEMENT_CONTEXT_V2_PATH
from qualbridge.web.trust import views

app_name = "trust"
urlpatterns = [
    path("offices/<slug:slug>/did.json", views.office_did, name="did"),
    path(STATEMENT_CONTEXT_PATH.lstrip("/"), views.statement_context, name="statement_context"),
    path(STATEMENT_CONTEXT_V2_PATH.lstrip("/"), views.statement_context_v2, name="statement_context_v2"),
]
