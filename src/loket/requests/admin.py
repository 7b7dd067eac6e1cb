"""Staff edit form definitions without code; the JSON is checked on save with clear errors."""

from __future__ import annotations

from django.contrib import admin

from loket.requests.models import DraftFile, FormDefinition, RequestDraft


@admin.register(FormDefinition)
class FormDefinitionAdmin(admin.ModelAdmin):
    list_display = ("service", "active", "version", "updated_at")
    list_filter = ("active",)
    search_fields = ("service__name", "service__slug")
    autocomplete_fields = ()
    raw_id_fields = ("service",)


class DraftFileInline(admin.TabularInline):
    model = DraftFile
    extra = 0
    readonly_fields = ("document", "file", "original_name", "content_type", "size", "sha256", "uploaded_at")
    can_delete = False


@admin.register(RequestDraft)
class RequestDraftAdmin(admin.ModelAdmin):
    list_display = ("service", "citizen", "updated_at")
    readonly_fields = ("citizen", "service", "data", "created_at", "updated_at")
    inlines = [DraftFileInline]
