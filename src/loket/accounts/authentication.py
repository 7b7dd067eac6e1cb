"""API token authentication: DRF's tokens, checked with one plain query per request.

DRF's own ``TokenAuthentication`` builds a ``select_related`` ORM query for every request,
which was a fifth of the CPU time of creating a request through the API (docs/performance.md).
This class reads the same table with a fixed statement and also refuses demo users outside demo
mode, as the login backend does.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _
from rest_framework import authentication, exceptions

from loket.accounts.selectors import user_for_api_token


class TokenAuthentication(authentication.TokenAuthentication):
    def authenticate_credentials(self, key: str) -> tuple[Any, str]:
        user = user_for_api_token(key=key)
        if user is None:
            raise exceptions.AuthenticationFailed(_("Ongeldige token."))
        if not user.is_active:
            raise exceptions.AuthenticationFailed(_("Gebruiker inactief of verwijderd."))
        if user.is_demo and not settings.DEMO_MODE:
            raise exceptions.AuthenticationFailed(_("Demogebruikers kunnen enkel in demomodus aanmelden."))
        return user, key
