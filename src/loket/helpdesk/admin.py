"""The helpdesk's settings in the admin: targets per topic, office hours and closure days.

A question's clock is read-only here: it moves through the services (asking, pausing, answering)
and the deadline check. Changed targets and calendars count for questions asked (or resumed) after
the change.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from loket.helpdesk.models import Closure, OfficeHours, QuestionPause, QuestionSla, SlaTarget


@admin.register(SlaTarget)
class SlaTargetAdmin(admin.ModelAdmin):
    list_display = ["topic", "first_response_hours", "answer_hours", "warning_hours"]


@admin.register(OfficeHours)
class OfficeHoursAdmin(admin.ModelAdmin):
    list_display = ["weekday", "opens", "closes"]
    list_filter = ["weekday"]


@admin.register(Closure)
class ClosureAdmin(admin.ModelAdmin):
    list_display = ["date", "reason"]
    date_hierarchy = "date"


class PauseInline(admin.TabularInline):
    model = QuestionPause
    extra = 0
    readonly_fields = ["status", "started_at", "ended_at"]
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(QuestionSla)
class QuestionSlaAdmin(admin.ModelAdmin):
    list_display = ["case", "topic", "asked_at", "response_due", "answer_due", "first_response_at", "answered_at"]
    list_filter = ["topic"]
    search_fields = ["case__reference", "case__title"]
    inlines = [PauseInline]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        return [field.name for field in QuestionSla._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
