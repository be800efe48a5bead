"""Sign-in with login protection (:mod:`qualbridge.web.accounts.ratelimit`) on Django's authentication form."""

from __future__ import annotations

import secrets
from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpResponse
from django.utils.translation import gettext_lazy as _

from qualbridge.web.accounts import ratelimit


class RateLimitedAuthenticationForm(AuthenticationForm):
    error_messages = {
        **AuthenticationForm.error_messages,
        "locked": _("Too many failed sign-in attempts. Please wait a few minutes and try again."),
    }

    def clean(self) -> dict[str, Any]:
        username = str(self.data.get("username", ""))
        if ratelimit.blocked(self.request, username):  # type: ignore[arg-type]
            raise forms.ValidationError(self.error_messages["locked"], code="locked")
        try:
            cleaned = super().clean()
        except forms.ValidationError:
            ratelimit.record_failure(self.request, username)  # type: ignore[arg-type]
            raise
        ratelimit.record_success(self.request, username)  # type: ignore[arg-type]
        return cleaned


class LoginView(auth_views.LoginView):
    form_class = RateLimitedAuthenticationForm
    template_name = "accounts/login.html"

    def form_valid(self, form: AuthenticationForm) -> HttpResponse:
        username = str(form.data.get("username", ""))
        response = super().form_valid(form)
        # this browser is now known to the account: a stranger's failures will not slow it down
        response.set_cookie(
            ratelimit.DEVICE_COOKIE,
            ratelimit.device_cookie(username, secrets.token_urlsafe(12)),
            max_age=ratelimit.DEVICE_MAX_AGE,
            secure=settings.SESSION_COOKIE_SECURE,
            httponly=True,
            samesite="Lax",
        )
        return response
