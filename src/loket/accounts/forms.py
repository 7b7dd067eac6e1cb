"""The login form, in Dutch, that says so when an account is locked."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from loket.accounts.backends import login_attempt_record, login_lock_minutes_left


class LoginForm(AuthenticationForm):
    username = forms.CharField(
        label=_("Gebruikersnaam"),
        max_length=150,
        widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "username", "class": "a-input"}),
    )
    password = forms.CharField(
        label=_("Wachtwoord"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password", "class": "a-input"}),
    )

    error_messages = {
        "invalid_login": _("De gebruikersnaam of het wachtwoord klopt niet."),
        "inactive": _("Deze account is niet actief."),
    }

    def clean(self) -> dict[str, Any]:
        username = self.cleaned_data.get("username")
        if username:
            minutes = login_lock_minutes_left(username)
            if minutes:
                login_attempt_record(username=username, user=None, request=self.request, locked=True)
                raise forms.ValidationError(
                    ngettext(
                        "Te veel mislukte pogingen; probeer opnieuw over %(minutes)d minuut.",
                        "Te veel mislukte pogingen; probeer opnieuw over %(minutes)d minuten.",
                        minutes,
                    ),
                    code="locked",
                    params={"minutes": minutes},
                )
        return super().clean()
