from __future__ import annotations

from django.contrib import admin

from loket.correspondence.models import Letter, LetterAttachment, LetterReminder, Party


@admin.register(Party)
class PartyAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "email"]
    list_filter = ["kind"]
    search_fields = ["name", "code"]


class AttachmentInline(admin.TabularInline):
    model = LetterAttachment
    extra = 0
    readonly_fields = ["original_name", "content_type", "size", "sha256", "uploaded_at"]
    exclude = ["file"]

    def has_add_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False


@admin.register(Letter)
class LetterAdmin(admin.ModelAdmin):
    """Read-mostly: letters are registered through the pages or the API, which number them.

    The letter's PDF is shown, never replaced: a register keeps the letter as it was sent (a
    replaced file would be named by no row, and the nightly sweep would remove it)."""

    list_display = ["reference", "subject", "direction", "district", "status", "reply_due"]
    list_filter = ["status", "direction", "district"]
    search_fields = ["reference", "subject"]
    readonly_fields = [
        "reference",
        "direction",
        "district",
        "sender",
        "pdf",
        "in_reply_to",
        "registered_at",
        "created_by",
    ]
    inlines = [AttachmentInline]

    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False


@admin.register(LetterReminder)
class LetterReminderAdmin(admin.ModelAdmin):
    list_display = ["letter", "kind", "status", "attempts", "created_at", "sent_at"]
    list_filter = ["kind", "status"]
