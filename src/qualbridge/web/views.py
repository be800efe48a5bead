"""Project-wide views: liveness and the home page."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

from qualbridge import __version__
from qualbridge.registry import get_registry


def healthz(request: HttpRequest) -> JsonResponse:
    """Liveness: the process answers and the registry is loaded."""
    return JsonResponse({"status": "ok", "version": __version__, "data_version": get_registry().data_version})


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "home.html", {"framework_count": len(get_registry().frameworks)})
