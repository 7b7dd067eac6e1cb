"""Admin for configuration and inspection. History and attachments are shown, never edited."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from loket.cases.models import Attachment, Case, CaseEvent, ReferenceCounter

EVENT_FIELDS = ("at", "kind", "from_status", "to_status", "text", "public", "actor", "assignee", "team")
ATTACHMENT_FIELDS = ("original_name", "content_type", "size", "sha256", "uploaded_by", "uploaded_at")


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class CaseEventInline(ReadOnlyInline):
    model = CaseEvent
    fields = EVENT_FIELDS
    readonly_fields = EVENT_FIELDS


class AttachmentInline(ReadOnlyInline):
    model = Attachment
    fields = ATTACHMENT_FIELDS
    readonly_fields = ATTACHMENT_FIELDS


@admin.register(Case)
class CaseAdmin(admin.ModelAdmin):
    list_display = ["reference", "kind", "title", "status", "team", "district", "deadline", "created_at"]
    list_filter = ["kind", "status", "channel", "district"]
    search_fields = ["reference", "title"]
    date_hierarchy = "created_at"
    list_select_related = ["team", "district"]
    # Status, reference and deadline change only through the services (history and audit).
    readonly_fields = [
        "reference",
        "kind",
        "status",
        "deadline",
        "paused_since",
        "closed_at",
        "created_at",
        "created_by",
        "citizen",
    ]
    raw_id_fields = ["assignee", "topic", "service"]
    inlines = [CaseEventInline, AttachmentInline]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(ReferenceCounter)
class ReferenceCounterAdmin(admin.ModelAdmin):
    list_display = ["prefix", "year", "last"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
