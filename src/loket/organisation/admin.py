from __future__ import annotations

from django.contrib import admin

from loket.organisation.models import City, District, Location, OpeningException, OpeningHours, Street, Team


@admin.register(City)
class CityAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "phone", "email"]


@admin.register(District)
class DistrictAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "valid_from", "valid_until", "coordinator_name", "district_house"]
    list_filter = ["city"]
    search_fields = ["name", "slug", "coordinator_name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["district_house"]


class OpeningHoursInline(admin.TabularInline):
    model = OpeningHours
    extra = 0


class OpeningExceptionInline(admin.TabularInline):
    model = OpeningException
    extra = 0
    ordering = ["-date"]


@admin.register(Location)
class LocationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "district", "postcode", "regional"]
    list_filter = ["kind", "regional", "district"]
    search_fields = ["name", "slug", "street"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [OpeningHoursInline, OpeningExceptionInline]


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "level", "district", "is_specialists"]
    list_filter = ["level", "district", "is_specialists"]
    search_fields = ["name", "slug"]


@admin.register(Street)
class StreetAdmin(admin.ModelAdmin):
    list_display = ["name", "postcode", "district", "street_id"]
    list_filter = ["postcode", "district"]
    search_fields = ["name", "normalized"]
    readonly_fields = ["normalized"]

    def save_model(self, request, obj, form, change):  # type: ignore[no-untyped-def]
        from loket.organisation.geocoding import normalize

        obj.normalized = normalize(obj.name)
        super().save_model(request, obj, form, change)
