"""Errors of the casework actions: a refused actor (403) and a change the case's state does not allow."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied

from qualbridge.errors import QualbridgeError


class Forbidden(PermissionDenied):
    """The actor may not do this to this case (wrong role, office, owner, or their own draft)."""


class InvalidTransition(QualbridgeError):
    """The case is not in a state that allows the change, or the change is incomplete."""

    code = "invalid-transition"
