"""API routes of the explorer app (attached to the project API in qualbridge.web.urls)."""

from ninja import Router

router = Router(tags=["explorer"])
