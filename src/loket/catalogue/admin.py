from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.db import transaction
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from loket.catalogue.knowledge import EDITABLE_FIELDS, article_check, article_publish, article_update
from loket.catalogue.knowledge_index import knowledge_generation_bump
from loket.catalogue.models import Competence, KnowledgeArticle, KnowledgeArticleVersion, Service, Topic


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


class KnowledgeArticleVersionInline(admin.TabularInline):
    """The versions, read only: they are written by the knowledge services, never edited."""

    model = KnowledgeArticleVersion
    extra = 0
    can_delete = False
    fields = readonly_fields = ("version", "created_at", "created_by", "change_note", "title", "audience", "published")
    ordering = ["-version"]

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class KnowledgeArticleAdminForm(forms.ModelForm):
    def clean(self) -> dict[str, Any]:
        """The knowledge base's own checks (a competence of the article's topic, …), next to the fields."""
        data = super().clean() or {}
        values = {name: data.get(name) for name in EDITABLE_FIELDS if name != "published"}
        if not self.errors:
            article_check(values)
        return data


@admin.register(KnowledgeArticle)
class KnowledgeArticleAdmin(admin.ModelAdmin):
    """Saving goes through ``knowledge.article_publish``/``article_update``: each save is a new version,
    and other processes' search indexes see the change (the knowledge generation)."""

    form = KnowledgeArticleAdminForm
    list_display = ["title", "audience", "topic", "service", "published", "valid_until", "version", "updated_at"]
    list_filter = ["audience", "published", "topic__level", "topic", "owner_team"]
    search_fields = ["title", "question"]
    autocomplete_fields = ["service", "topic"]
    raw_id_fields = ["source_case", "competence"]
    readonly_fields = ["version", "helpful_yes", "helpful_no", "created_at", "created_by", "updated_at", "updated_by"]
    fieldsets = [
        (None, {"fields": ["title", "question", "answer", "audience", "published"]}),
        (_("Waarover"), {"fields": ["topic", "competence", "service", "source_case"]}),
        (_("Geldigheid en eigenaar"), {"fields": ["legal_references", "valid_from", "valid_until", "owner_team"]}),
        (
            _("Historiek"),
            {
                "fields": [
                    "version",
                    "helpful_yes",
                    "helpful_no",
                    "created_at",
                    "created_by",
                    "updated_at",
                    "updated_by",
                ]
            },
        ),
    ]
    inlines = [KnowledgeArticleVersionInline]

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        values = {name: form.cleaned_data[name] for name in EDITABLE_FIELDS if name in form.cleaned_data}
        published = values.pop("published", True)
        if change:
            note = str(_("Gewijzigd in het beheer."))
            article = article_update(article=obj, actor=request.user, change_note=note, published=published, **values)
        else:
            article = article_publish(actor=request.user, source_case=form.cleaned_data.get("source_case"), **values)
            if not published:
                article = article_update(article=article, actor=request.user, published=False)
        obj.pk, obj.version = article.pk, article.version

    @transaction.atomic
    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        knowledge_generation_bump()  # search indexes elsewhere notice the missing row and rebuild
        super().delete_model(request, obj)

    @transaction.atomic
    def delete_queryset(self, request: HttpRequest, queryset: Any) -> None:
        knowledge_generation_bump()
        super().delete_queryset(request, queryset)
