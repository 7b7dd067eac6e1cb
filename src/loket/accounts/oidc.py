"""Login through an OpenID Connect provider (the city's staff IdP or the federal citizen login).

Off unless ``OIDC_RP_CLIENT_ID`` is set (see docs/oidc.md). The provider is the source of truth:
each login copies the names, e-mail address, role (claim ``OIDC_ROLE_CLAIM``) and, for district
roles, the district (claim ``OIDC_DISTRICT_CLAIM``, a slug) onto the local user. A login whose
claims name an unknown role, or a district role without a valid district, is refused.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import SuspiciousOperation
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.utils import import_from_settings
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from loket.accounts import rules
from loket.accounts.models import DISTRICT_ROLES, Role, User
from loket.audit.models import AuditEntry
from loket.audit.services import audit_record
from loket.organisation.models import District

logger = logging.getLogger(__name__)

CALLBACK_URL_NAME = "accounts:oidc-callback"


def oidc_setting(attr: str, *default: Any) -> Any:
    """mozilla-django-oidc's settings, with the callback under Loket's own URL name."""
    if attr == "OIDC_AUTHENTICATION_CALLBACK_URL":
        return CALLBACK_URL_NAME
    return import_from_settings(attr, *default)


@dataclass(frozen=True)
class OIDCAccount:
    username: str
    email: str
    first_name: str
    last_name: str
    role: str
    district: District | None


def account_from_claims(claims: dict[str, Any]) -> OIDCAccount | None:
    """The local account the claims describe, or None (logged) when they must be refused."""
    username = str(claims.get("preferred_username") or claims.get("sub") or "").strip()[:150]
    if not username:
        logger.warning("OIDC login refused: no preferred_username or sub")
        return None
    role = claims.get(settings.OIDC_ROLE_CLAIM) or Role.CITIZEN
    if isinstance(role, list) and len(role) == 1:
        role = role[0]
    if role not in Role.values:
        logger.warning("OIDC login refused for %s: unknown role %r", username, role)
        return None
    district = None
    if role in DISTRICT_ROLES:
        slug = claims.get(settings.OIDC_DISTRICT_CLAIM)
        district = District.objects.valid_on(timezone.localdate()).filter(slug=slug).first() if slug else None
        if district is None:
            logger.warning("OIDC login refused for %s: role %s needs a valid district, got %r", username, role, slug)
            return None
    return OIDCAccount(
        username=username,
        email=str(claims.get("email") or "")[:254],
        first_name=str(claims.get("given_name") or "")[:150],
        last_name=str(claims.get("family_name") or "")[:150],
        role=str(role),
        district=district,
    )


class LoketOIDCBackend(OIDCAuthenticationBackend):  # type: ignore[misc]
    get_settings = staticmethod(oidc_setting)

    def verify_claims(self, claims: dict[str, Any]) -> bool:
        return account_from_claims(claims) is not None

    def filter_users_by_claims(self, claims: dict[str, Any]) -> QuerySet[User]:
        account = account_from_claims(claims)
        users = User.objects.filter(username=account.username) if account else User.objects.none()
        # A local account (with a password, or a demo user) is never taken over by the IdP.
        if any(user.has_usable_password() or user.is_demo for user in users):
            raise SuspiciousOperation("OIDC username belongs to a local account")
        return users

    def create_user(self, claims: dict[str, Any]) -> User:
        account = account_from_claims(claims)
        assert account is not None  # verify_claims ran first
        user = User(username=account.username)
        user.set_unusable_password()
        self._apply(user, account)
        audit_record(actor=user, action=AuditEntry.Action.CREATE, obj=user, fields=["oidc"], request=self.request)
        return user

    def update_user(self, user: User, claims: dict[str, Any]) -> User:
        account = account_from_claims(claims)
        assert account is not None
        changed = self._apply(user, account)
        if changed:
            audit_record(actor=user, action=AuditEntry.Action.CHANGE, obj=user, fields=changed, request=self.request)
        return user

    def authenticate(self, request: HttpRequest | None, **kwargs: Any) -> User | None:
        user = super().authenticate(request, **kwargs)
        if user is not None:
            audit_record(actor=user, action=AuditEntry.Action.LOGIN, obj=user, fields=["oidc"], request=request)
        return user

    @staticmethod
    def _apply(user: User, account: OIDCAccount) -> list[str]:
        """Copy the provider's view of the person onto ``user``; the names of changed fields."""
        wanted = {
            "email": account.email,
            "first_name": account.first_name,
            "last_name": account.last_name,
            "role": account.role,
            "district": account.district,
        }
        changed = [name for name, value in wanted.items() if getattr(user, name) != value]
        for name in changed:
            setattr(user, name, wanted[name])
        if changed or user.pk is None:
            user.save()
        return changed


class _Enabled:
    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not settings.OIDC_ENABLED:
            raise Http404
        return super().dispatch(request, *args, **kwargs)  # type: ignore[misc]


class AuthenticateView(_Enabled, OIDCAuthenticationRequestView):  # type: ignore[misc]
    get_settings = staticmethod(oidc_setting)


class CallbackView(_Enabled, OIDCAuthenticationCallbackView):  # type: ignore[misc]
    get_settings = staticmethod(oidc_setting)

    def login_failure(self) -> HttpResponse:
        audit_record(
            actor=None,
            action=AuditEntry.Action.LOGIN_FAILED,
            object_type="accounts.user",
            object_id="oidc",
            fields=["oidc"],
            request=self.request,
        )
        messages.error(self.request, _("Aanmelden via de identiteitsprovider is niet gelukt."))
        return HttpResponseRedirect(reverse("accounts:login"))


authenticate = rules.allow(rules.PUBLIC)(AuthenticateView.as_view())
callback = rules.allow(rules.PUBLIC)(CallbackView.as_view())
