from __future__ import annotations

from django.contrib import admin

from loket.consultations.models import ActionPoint, AgendaItem, Meeting, MeetingSeries


@admin.register(MeetingSeries)
class MeetingSeriesAdmin(admin.ModelAdmin):
    list_display = ["name", "organiser", "default_place"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["districts"]


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    """Read-mostly: meetings are planned on the pages, which send the invitations."""

    list_display = ["title", "series", "starts_at", "place", "status"]
    list_filter = ["series", "status"]
    readonly_fields = ["uid", "sequence", "created_by"]

    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False


@admin.register(AgendaItem)
class AgendaItemAdmin(admin.ModelAdmin):
    list_display = ["title", "meeting", "district", "status", "position"]
    list_filter = ["status"]


@admin.register(ActionPoint)
class ActionPointAdmin(admin.ModelAdmin):
    list_display = ["title", "owner_name", "due_date", "status", "meeting"]
    list_filter = ["status", "series"]
