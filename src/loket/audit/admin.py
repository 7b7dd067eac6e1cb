"""The audit trail in the admin: to read and search, never to add, change or delete."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.http import HttpRequest, HttpResponse

from loket.audit.models import AuditEntry
from loket.audit.services import audit_record


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ("at", "actor_username", "action", "object_type", "object_id", "object_repr", "ip_address")
    list_filter = ("action", "object_type")
    search_fields = ("actor_username", "object_id", "object_repr")
    date_hierarchy = "at"
    readonly_fields = [field.name for field in AuditEntry._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class AuditedAdminMixin:
    """For admins of records with personal data: opening one writes a ``view`` line, saving a
    ``create`` or ``change`` line with the changed fields, deleting a ``delete`` line."""

    def audit_district_id(self, obj: Any) -> int | None:
        """The district the record belongs to, for district-scoped reading of the trail."""
        return getattr(obj, "district_id", None)

    def change_view(
        self, request: HttpRequest, object_id: str, form_url: str = "", extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        if request.method == "GET":
            obj = self.get_object(request, unquote(object_id))  # type: ignore[attr-defined]
            if obj is not None:
                audit_record(
                    actor=request.user,
                    action=AuditEntry.Action.VIEW,
                    obj=obj,
                    district_id=self.audit_district_id(obj),
                    request=request,
                )
        return super().change_view(request, object_id, form_url, extra_context)  # type: ignore[misc]

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)  # type: ignore[misc]
        if change and not form.changed_data:
            return
        audit_record(
            actor=request.user,
            action=AuditEntry.Action.CHANGE if change else AuditEntry.Action.CREATE,
            obj=obj,
            fields=form.changed_data,
            district_id=self.audit_district_id(obj),
            request=request,
        )

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        audit_record(
            actor=request.user,
            action=AuditEntry.Action.DELETE,
            obj=obj,
            district_id=self.audit_district_id(obj),
            request=request,
        )
        super().delete_model(request, obj)  # type: ignore[misc]
