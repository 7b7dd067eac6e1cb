"""Django admin for people and login attempts; only administrators may enter ``/beheer/``.

The ``is_staff`` flag alone does not open the admin: the user must have the role ``admin``
(or be a superuser). Looking at or changing a person in the admin is written to the audit trail.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from loket.accounts import rules
from loket.accounts.models import LoginAttempt, User
from loket.audit.admin import AuditedAdminMixin
from loket.audit.models import AuditEntry
from loket.audit.services import audit_record


def admin_site_has_permission(request: HttpRequest) -> bool:
    user = request.user
    return bool(user.is_active and (user.is_superuser or rules.ADMINS.allows(user)))


def admin_login(request: HttpRequest, extra_context: dict[str, Any] | None = None) -> HttpResponse:
    """One login page for the whole site; a signed-in non-administrator gets 403, not a loop."""
    if request.user.is_authenticated:
        if admin_site_has_permission(request):
            return HttpResponseRedirect(reverse("admin:index"))
        raise PermissionDenied
    return redirect_to_login(request.GET.get("next") or reverse("admin:index"), reverse("accounts:login"))


admin.site.has_permission = admin_site_has_permission  # type: ignore[method-assign]
admin.site.login = admin_login  # type: ignore[method-assign,assignment]


@admin.register(User)
class LoketUserAdmin(AuditedAdminMixin, UserAdmin):
    list_display = ("username", "first_name", "last_name", "role", "district", "team", "is_demo", "is_active")
    list_filter = ("role", "district", "is_demo", "is_active", "is_staff", "is_superuser")
    list_select_related = ("district", "team")
    search_fields = ("username", "first_name", "last_name", "email")
    fieldsets = (
        *(UserAdmin.fieldsets or ()),
        (_("Loket"), {"fields": ("role", "district", "team", "phone", "is_demo")}),
    )
    add_fieldsets = (
        *UserAdmin.add_fieldsets,
        (_("Loket"), {"fields": ("role", "district", "team")}),
    )

    def user_change_password(self, request: HttpRequest, id: str, form_url: str = "") -> HttpResponse:
        response = super().user_change_password(request, id, form_url)
        if request.method == "POST" and response.status_code == 302:
            person = self.get_object(request, unquote(id))
            if person is not None:
                audit_record(actor=request.user, action=AuditEntry.Action.CHANGE, obj=person, fields=["password"])
        return response


@admin.register(LoginAttempt)
class LoginAttemptAdmin(admin.ModelAdmin):
    list_display = ("at", "username", "ip_address", "succeeded")
    list_filter = ("succeeded",)
    search_fields = ("username", "ip_address")
    date_hierarchy = "at"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
