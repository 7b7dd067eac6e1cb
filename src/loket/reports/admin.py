"""Staff tune categories (radius, active, extra questions) in the admin; reports and their mails
are read-only there (a report is handled on its case page)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from loket.reports.models import Category, Report, ReportMail


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = (
        "code",
        "name_nl",
        "main",
        "competent_level",
        "team",
        "working_days",
        "duplicate_radius_m",
        "active",
    )
    list_filter = ("main", "competent_level", "active")
    search_fields = ("code", "name_nl", "name_en")
    readonly_fields = ("code",)


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Report)
class ReportAdmin(ReadOnlyAdmin):
    list_display = ("case", "category", "created_at", "closed_at", "merged_into")
    list_filter = ("category__main", "category_source")
    search_fields = ("case__reference",)
    raw_id_fields = ("case", "reporter", "merged_into")


@admin.register(ReportMail)
class ReportMailAdmin(ReadOnlyAdmin):
    list_display = ("to_address", "subject", "status", "attempts", "created_at", "sent_at")
    list_filter = ("status",)
    search_fields = ("to_address", "report__case__reference")
