"""Sign-in with rate limiting on top of Django's authentication form."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from qualbridge.web.accounts import ratelimit


class RateLimitedAuthenticationForm(AuthenticationForm):
    error_messages = {
        **AuthenticationForm.error_messages,
        "locked": _("Too many failed sign-in attempts. Please wait a few minutes and try again."),
    }

    def clean(self) -> dict[str, Any]:
        username = self.data.get("username", "")
        if ratelimit.is_locked(self.request, username):  # type: ignore[arg-type]
            raise forms.ValidationError(self.error_messages["locked"], code="locked")
        try:
            cleaned = super().clean()
        except forms.ValidationError:
            ratelimit.record_failure(self.request, username)  # type: ignore[arg-type]
            raise
        ratelimit.reset(self.request, username)  # type: ignore[arg-type]
        return cleaned


class LoginView(auth_views.LoginView):
    form_class = RateLimitedAuthenticationForm
    template_name = "accounts/login.html"
