"""Admin for citizens (searchable; every look is audited) and contact moments (read-only)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.http import HttpRequest

from loket.audit.admin import AuditedAdminMixin
from loket.citizens.models import Citizen, ContactMoment
from loket.citizens.national import national_number_validate, phone_validate


class CitizenAdminForm(forms.ModelForm):
    """National number and phone are checked and normalised as in the services."""

    class Meta:
        model = Citizen
        fields = [
            "user",
            "national_number",
            "phone",
            "street",
            "number",
            "postcode",
            "preferred_language",
            "needs_digital_help",
        ]

    def clean_national_number(self) -> str | None:
        value = self.cleaned_data.get("national_number")
        return national_number_validate(value) if value else None

    def clean_phone(self) -> str:
        return phone_validate(self.cleaned_data.get("phone") or "")


@admin.register(Citizen)
class CitizenAdmin(AuditedAdminMixin, admin.ModelAdmin):
    form = CitizenAdminForm
    list_display = ("__str__", "national_number", "phone", "postcode", "district", "needs_digital_help")
    list_filter = ("district", "preferred_language", "needs_digital_help")
    list_select_related = ("user", "district")
    search_fields = ("user__first_name", "user__last_name", "user__email", "=national_number", "=phone")
    raw_id_fields = ("user",)
    readonly_fields = ("district", "created_at", "updated_at")

    def save_model(self, request: HttpRequest, obj: Citizen, form: Any, change: bool) -> None:
        from loket.citizens.services import citizen_district

        obj.district = citizen_district(street=obj.street, number=obj.number, postcode=obj.postcode)
        super().save_model(request, obj, form, change)


@admin.register(ContactMoment)
class ContactMomentAdmin(admin.ModelAdmin):
    list_display = ("at", "channel", "outcome", "citizen", "service", "staff", "duration_seconds")
    list_filter = ("channel", "outcome")
    list_select_related = ("citizen__user", "service", "staff")
    date_hierarchy = "at"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
