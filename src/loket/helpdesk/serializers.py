"""How helpdesk questions look in the API. Serializers only translate; the services decide."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils import timezone
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from loket.cases.models import Case, CaseEvent
from loket.cases.workflows import workflow_for
from loket.catalogue.models import Audience, Competence, KnowledgeArticle, Topic
from loket.helpdesk.models import QuestionSla, QuestionTopic
from loket.helpdesk.selectors import question_article, question_conversation, question_sla
from loket.helpdesk.workflow import QUESTION_WORKFLOW


class QuestionClockSerializer(serializers.ModelSerializer):
    topic_label = serializers.CharField(source="get_topic_display", read_only=True)
    response_breached = serializers.SerializerMethodField()
    answer_breached = serializers.SerializerMethodField()

    class Meta:
        model = QuestionSla
        fields = [
            "topic",
            "topic_label",
            "asked_at",
            "response_warn_at",
            "response_due",
            "first_response_at",
            "response_breached",
            "answer_warn_at",
            "answer_due",
            "answered_at",
            "answer_breached",
            "paused_since",
            "closed_at",
        ]

    def get_response_breached(self, sla: QuestionSla) -> bool:
        return sla.response_breached(timezone.now())

    def get_answer_breached(self, sla: QuestionSla) -> bool:
        return sla.answer_breached(timezone.now())


class HelpdeskPersonSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.SerializerMethodField()

    def get_name(self, user: Any) -> str:
        return str(user.get_full_name() or user.username)


class QuestionListSerializer(serializers.ModelSerializer):
    status_label = serializers.SerializerMethodField()
    district: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(
        source="requesting_district", slug_field="slug", read_only=True
    )
    assignee = HelpdeskPersonSerializer(allow_null=True, read_only=True)
    clock = serializers.SerializerMethodField()

    class Meta:
        model = Case
        fields = ["reference", "title", "status", "status_label", "district", "assignee", "created_at", "clock"]

    def get_status_label(self, case: Case) -> str:
        return workflow_for(case.kind).label(case.status)

    @extend_schema_field(QuestionClockSerializer)
    def get_clock(self, case: Case) -> dict[str, Any]:
        return dict(QuestionClockSerializer(question_sla(case)).data)


class QuestionMessageSerializer(serializers.ModelSerializer):
    """One line of the conversation: a message, a status change with its text, an assignment."""

    side = serializers.SerializerMethodField(help_text="district of helpdesk")
    author = serializers.SerializerMethodField()
    status_label = serializers.SerializerMethodField()

    class Meta:
        model = CaseEvent
        fields = ["at", "kind", "side", "author", "to_status", "status_label", "text", "public"]

    def get_side(self, event: CaseEvent) -> str:
        return "district" if getattr(event.actor, "is_district_bound", False) else "helpdesk"

    def get_author(self, event: CaseEvent) -> str:
        actor = event.actor
        return str(actor.get_full_name() or actor.username) if actor else ""

    def get_status_label(self, event: CaseEvent) -> str:
        return QUESTION_WORKFLOW.label(event.to_status) if event.to_status else ""


class QuestionAttachmentSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField(source="original_name")
    content_type = serializers.CharField()
    size = serializers.IntegerField()


class PublishedArticleSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()

    class Meta:
        model = KnowledgeArticle
        fields = ["id", "title", "audience", "url"]

    def get_url(self, article: KnowledgeArticle) -> str:
        return reverse("catalogue:knowledge-detail", kwargs={"article_id": article.pk})


class QuestionDetailSerializer(QuestionListSerializer):
    text = serializers.CharField(source="description")
    messages = serializers.SerializerMethodField()
    attachments = serializers.SerializerMethodField()
    article = serializers.SerializerMethodField()

    class Meta(QuestionListSerializer.Meta):
        fields = [*QuestionListSerializer.Meta.fields, "text", "messages", "attachments", "article"]

    @extend_schema_field(QuestionMessageSerializer(many=True))
    def get_messages(self, case: Case) -> list[Any]:
        public_only = bool(self.context.get("public_only", True))
        return list(
            QuestionMessageSerializer(question_conversation(case=case, public_only=public_only), many=True).data
        )

    @extend_schema_field(QuestionAttachmentSerializer(many=True))
    def get_attachments(self, case: Case) -> list[Any]:
        return list(QuestionAttachmentSerializer(case.attachments.order_by("uploaded_at", "id"), many=True).data)

    @extend_schema_field(PublishedArticleSerializer(allow_null=True))
    def get_article(self, case: Case) -> dict[str, Any] | None:
        article = question_article(case=case)
        return dict(PublishedArticleSerializer(article).data) if article else None


class QuestionCreateSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200)
    topic = serializers.ChoiceField(choices=QuestionTopic.choices)
    text = serializers.CharField()
    attachments = serializers.ListField(child=serializers.FileField(), required=False, default=list)


class QuestionAnswerSerializer(serializers.Serializer):
    text = serializers.CharField()
    # Nullable so that a multipart form without the field means "final", not False.
    final = serializers.BooleanField(
        required=False, allow_null=True, default=None, help_text="false: een tussentijds bericht (standaard true)"
    )


class QuestionAskBackSerializer(serializers.Serializer):
    text = serializers.CharField()


class QuestionReplySerializer(serializers.Serializer):
    text = serializers.CharField()
    reopen = serializers.BooleanField(default=False, help_text="Na een antwoord: de vraag is nog niet beantwoord.")


class QuestionCloseSerializer(serializers.Serializer):
    text = serializers.CharField(required=False, allow_blank=True, default="")


class QuestionAssignSerializer(serializers.Serializer):
    assignee = serializers.IntegerField(required=False, help_text="Gebruikers-id; zonder: de aanvrager zelf.")


class QuestionPublishSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200)
    question = serializers.CharField()
    answer = serializers.CharField()
    audience = serializers.ChoiceField(choices=Audience.choices, default=Audience.INTERNAL)
    topic = serializers.SlugRelatedField(slug_field="slug", queryset=Topic.objects.all(), required=False)
    competence = serializers.PrimaryKeyRelatedField(queryset=Competence.objects.all(), required=False)
    legal_references = serializers.CharField(required=False, allow_blank=True, default="")
    valid_from = serializers.DateField(required=False, allow_null=True, default=None)
    valid_until = serializers.DateField(required=False, allow_null=True, default=None)


class QuestionQuerySerializer(serializers.Serializer):
    status = serializers.ChoiceField(
        choices=["open", "all", *QUESTION_WORKFLOW.statuses], required=False, default="open"
    )
    topic = serializers.ChoiceField(choices=QuestionTopic.choices, required=False, default="")
    district = serializers.SlugField(required=False, default="")
    assignee = serializers.ChoiceField(choices=["me", "nobody"], required=False, default="")
    breached = serializers.BooleanField(required=False, allow_null=True, default=None)
