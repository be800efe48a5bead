"""Casework pages for applicants and staff."""

from django.urls import path  # noqa: F401

urlpatterns: list = []  # type: ignore[type-arg]
