"""Django admin for the counters (administrators only, see accounts/admin.py).

Appointments hold personal data: looking at one writes a ``view`` line to the audit trail and a
change names the changed fields. They are created, moved and cancelled through the booking
services, never here; tickets are the queue's history and are read-only.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from loket.audit.admin import AuditedAdminMixin
from loket.counters.models import Appointment, CounterSettings, CounterVisit, Desk, Queue, Ticket


@admin.register(CounterSettings)
class CounterSettingsAdmin(admin.ModelAdmin):
    list_display = ("location", "slot_minutes", "online_share", "horizon_days", "release_hour", "one_open_per_service")
    list_select_related = ("location",)


@admin.register(Desk)
class DeskAdmin(admin.ModelAdmin):
    list_display = ("name", "location", "bookable", "is_open", "clerk")
    list_filter = ("location", "bookable", "is_open")
    list_select_related = ("location", "clerk")
    search_fields = ("name", "location__name")
    filter_horizontal = ("services",)
    raw_id_fields = ("clerk",)


@admin.register(Queue)
class QueueAdmin(admin.ModelAdmin):
    list_display = ("letter", "name", "location", "for_appointments")
    list_filter = ("location", "for_appointments")
    list_select_related = ("location",)
    filter_horizontal = ("services",)


@admin.register(Appointment)
class AppointmentAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ("reference", "start", "location", "service", "status", "channel")
    list_filter = ("location", "status", "channel", "start")
    list_select_related = ("location", "service")
    search_fields = ("reference", "name", "email")
    date_hierarchy = "start"
    ordering = ("-start",)
    editable = ("name", "email", "phone", "needs_assistance")  # contact details may be corrected

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        return [field.name for field in Appointment._meta.fields if field.name not in self.editable]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def audit_district_id(self, obj: Appointment) -> int | None:
        return obj.location.district_id


@admin.register(Ticket)
class TicketAdmin(admin.ModelAdmin):
    list_display = ("code", "day", "location", "service", "status", "desk", "created_at", "called_at")
    list_filter = ("location", "status", "day")
    list_select_related = ("location", "service", "desk")
    search_fields = ("code",)
    date_hierarchy = "day"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(CounterVisit)
class CounterVisitAdmin(AuditedAdminMixin, admin.ModelAdmin):
    """Visits are written by the desk's services only; here they are read (and the look audited)."""

    list_display = ("started_at", "location", "desk", "citizen", "ticket", "registered_at")
    list_filter = ("location", "started_at")
    list_select_related = ("location", "desk", "citizen__user", "ticket")
    date_hierarchy = "started_at"
    raw_id_fields = ("citizen", "ticket", "appointment", "contact_moment", "clerk")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def audit_district_id(self, obj: CounterVisit) -> int | None:
        return obj.citizen.district_id if obj.citizen is not None else None
