from __future__ import annotations

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from loket.catalogue.models import Competence, Service, Topic


class CompetenceInline(admin.TabularInline):
    model = Competence
    extra = 0
    fields = ["district", "team"]


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "level"]
    list_filter = ["level"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [CompetenceInline]


@admin.register(Service)
class ServiceAdmin(admin.ModelAdmin):
    list_display = ["name", "topic", "online", "by_phone", "counter", "popular", "active"]
    list_filter = ["active", "online", "by_phone", "counter", "topic__level", "topic"]
    search_fields = ["name", "slug", "synonyms", "summary"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["locations"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "topic", "summary", "description", "active", "popular"]}),
        (_("Zoeken"), {"fields": ["synonyms"]}),
        (_("Kanalen"), {"fields": ["online", "online_url", "by_phone", "counter", "locations", "home_visit"]}),
        (
            _("Praktisch"),
            {
                "fields": [
                    "fee",
                    "documents",
                    "lead_time",
                    "appointment_minutes",
                    "on_behalf_allowed",
                    "handling_days",
                ]
            },
        ),
    ]
