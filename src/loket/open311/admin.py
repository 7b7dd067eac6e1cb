"""Administrators issue Open311 keys: the key is generated on save and shown once."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.http import HttpRequest
from django.utils.translation import gettext as _

from loket.open311.models import ApiKey
from loket.open311.services import api_key_hash


@admin.register(ApiKey)
class ApiKeyAdmin(admin.ModelAdmin):
    list_display = ("name", "prefix", "contact", "active", "created_at", "last_used_at")
    list_filter = ("active",)
    search_fields = ("name", "contact", "prefix")
    readonly_fields = ("prefix", "created_at", "last_used_at")

    def save_model(self, request: HttpRequest, obj: ApiKey, form: Any, change: bool) -> None:
        if not change:
            import secrets

            raw = secrets.token_urlsafe(24)
            obj.prefix, obj.key_hash = raw[:8], api_key_hash(raw)
            messages.warning(request, _("De sleutel (wordt maar één keer getoond): %(key)s") % {"key": raw})
        super().save_model(request, obj, form, change)
