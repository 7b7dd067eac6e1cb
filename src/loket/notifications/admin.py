"""Django admin (administrators only): editable message templates with a preview; notifications read-only."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.http import HttpRequest
from django.template import TemplateDoesNotExist, TemplateSyntaxError
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from loket.notifications.defaults import SAMPLE_CONTEXT
from loket.notifications.models import MessageTemplate, Notification
from loket.notifications.rendering import message_render, template_check


class MessageTemplateForm(forms.ModelForm):
    class Meta:
        model = MessageTemplate
        fields = ["key", "channel", "language", "subject", "body"]
        help_texts = {
            "body": _(
                "Django-sjabloontaal. Beschikbaar: {{ citizen_name }}, {{ reference }}, {{ title }}, "
                "{{ kind_label }}, {{ status_label }}, {{ previous_status_label }}, {{ message }}, "
                "{{ service_name }}, {{ deadline }}."
            ),
        }

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        error = template_check(subject=cleaned.get("subject", ""), body=cleaned.get("body", ""))
        if error:
            raise forms.ValidationError(gettext("De sjabloontekst klopt niet: %(error)s") % {"error": error})
        return cleaned


@admin.register(MessageTemplate)
class MessageTemplateAdmin(admin.ModelAdmin):
    form = MessageTemplateForm
    list_display = ("key", "channel", "language", "subject", "updated_at")
    list_filter = ("key", "channel", "language")
    search_fields = ("key", "subject", "body")
    readonly_fields = ("preview",)

    @admin.display(description=_("voorbeeld"))
    def preview(self, obj: MessageTemplate) -> str:
        if obj is None or not obj.pk:
            return gettext("Bewaar het sjabloon om een voorbeeld te zien.")
        try:
            rendered = message_render(subject=obj.subject, body=obj.body, context=SAMPLE_CONTEXT)
        except (TemplateSyntaxError, TemplateDoesNotExist) as exc:
            return gettext("De sjabloontekst klopt niet: %(error)s") % {"error": exc}
        return format_html(
            '<div class="message-preview"><strong>{}</strong><pre style="white-space:pre-wrap">{}</pre></div>',
            rendered.subject,
            rendered.body,
        )


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ("created_at", "recipient", "channel", "to_address", "template_key", "status", "attempts", "case")
    list_filter = ("status", "channel", "template_key", "created_at")
    list_select_related = ("recipient", "case")
    search_fields = ("to_address", "subject", "case__reference", "recipient__username", "recipient__last_name")
    date_hierarchy = "created_at"

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        return [field.name for field in Notification._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
