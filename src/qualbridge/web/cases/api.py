"""API routes of the cases app (attached to the project API in qualbridge.web.urls)."""

from ninja import Router

router = Router(tags=["cases"])
