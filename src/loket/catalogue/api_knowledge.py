"""The knowledge base API: search and read articles (public ones for everyone, internal ones for staff),
write them as staff (each change a new version) and answer "was this helpful?".

Visibility follows ``catalogue.knowledge``: lists and searches show published articles valid today;
staff may open an unpublished or expired article by id (to correct it), others get 404.
"""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.urls import path, reverse
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field
from rest_framework import serializers
from rest_framework import status as http
from rest_framework.generics import GenericAPIView
from rest_framework.request import Request
from rest_framework.response import Response

from loket.accounts import rules
from loket.accounts.scoping import filter_by_district
from loket.apiconf import ERROR, error_response, query_validated
from loket.catalogue import knowledge
from loket.catalogue.models import Audience, Competence, KnowledgeArticle, KnowledgeArticleVersion, Service, Topic
from loket.organisation.models import Team


# --- serializers -----------------------------------------------------------------------------------
class KnowledgeListQuery(serializers.Serializer):
    q = serializers.CharField(required=False, allow_blank=True, max_length=200)
    service = serializers.SlugRelatedField(
        slug_field="slug", queryset=Service.objects.filter(active=True), required=False
    )
    topic = serializers.SlugRelatedField(slug_field="slug", queryset=Topic.objects.all(), required=False)


class CompetenceRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    topic = serializers.SlugField(source="topic.slug")
    district = serializers.SlugField(source="district.slug", allow_null=True, default=None)


class KnowledgeArticleSerializer(serializers.ModelSerializer):
    topic = serializers.SlugField(source="topic.slug", allow_null=True, default=None)
    service = serializers.SlugField(source="service.slug", allow_null=True, default=None)
    competence = CompetenceRefSerializer(allow_null=True)
    owner_team = serializers.SlugField(source="owner_team.slug", allow_null=True, default=None)
    legal_references = serializers.ListField(child=serializers.CharField(), source="legal_reference_list")
    url = serializers.SerializerMethodField()

    class Meta:
        model = KnowledgeArticle
        fields = [
            "id",
            "title",
            "question",
            "answer",
            "audience",
            "topic",
            "service",
            "competence",
            "legal_references",
            "valid_from",
            "valid_until",
            "owner_team",
            "published",
            "version",
            "helpful_yes",
            "helpful_no",
            "updated_at",
            "url",
        ]

    def get_url(self, article: KnowledgeArticle) -> str:
        return reverse("catalogue:knowledge-detail", args=[article.pk])


class KnowledgeVersionSerializer(serializers.ModelSerializer):
    created_by = serializers.CharField(source="created_by.username", allow_null=True, default=None)

    class Meta:
        model = KnowledgeArticleVersion
        fields = ["version", "title", "audience", "published", "change_note", "created_at", "created_by"]


class KnowledgeArticleDetailSerializer(KnowledgeArticleSerializer):
    versions = serializers.SerializerMethodField()

    class Meta(KnowledgeArticleSerializer.Meta):
        fields = [*KnowledgeArticleSerializer.Meta.fields, "versions"]

    @extend_schema_field(KnowledgeVersionSerializer(many=True))
    def get_versions(self, article: KnowledgeArticle) -> list[dict[str, Any]]:
        if not self.context.get("staff"):
            return []
        return KnowledgeVersionSerializer(knowledge.article_versions(article=article), many=True).data  # type: ignore[return-value]


@extend_schema_field(OpenApiTypes.STR)
class _CaseByReference(serializers.SlugRelatedField):
    """A case the writer may see, by reference (the catalogue does not import the case engine)."""

    def get_queryset(self) -> Any:
        user = self.context["request"].user
        return filter_by_district(
            user, apps.get_model("cases", "Case").objects.all(), "district", "requesting_district"
        )


class KnowledgeWriteSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200)
    question = serializers.CharField()
    answer = serializers.CharField()
    audience = serializers.ChoiceField(choices=Audience.choices, default=Audience.INTERNAL)
    topic = serializers.SlugRelatedField(
        slug_field="slug", queryset=Topic.objects.all(), required=False, allow_null=True
    )
    competence = serializers.PrimaryKeyRelatedField(
        queryset=Competence.objects.select_related("topic"), required=False, allow_null=True
    )
    service = serializers.SlugRelatedField(
        slug_field="slug", queryset=Service.objects.filter(active=True), required=False, allow_null=True
    )
    legal_references = serializers.ListField(
        child=serializers.CharField(max_length=500, allow_blank=True), required=False
    )
    valid_from = serializers.DateField(required=False, allow_null=True)
    valid_until = serializers.DateField(required=False, allow_null=True)
    owner_team = serializers.SlugRelatedField(
        slug_field="slug", queryset=Team.objects.all(), required=False, allow_null=True
    )


class KnowledgeCreateSerializer(KnowledgeWriteSerializer):
    source_case = _CaseByReference(slug_field="reference", required=False, allow_null=True)


class KnowledgeUpdateSerializer(KnowledgeWriteSerializer):
    published = serializers.BooleanField(required=False)
    change_note = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")


class KnowledgeVoteSerializer(serializers.Serializer):
    helpful = serializers.BooleanField()


def _write_values(data: dict[str, Any]) -> dict[str, Any]:
    if "legal_references" in data:
        data["legal_references"] = "\n".join(line.strip() for line in data["legal_references"] if line.strip())
    return data


# --- views -----------------------------------------------------------------------------------------
class KnowledgeAPIView(GenericAPIView):
    rule = rules.PUBLIC
    write_rule = rules.CASE_WORKERS
    queryset = KnowledgeArticle.objects.none()
    filter_backends: list[Any] = []

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        if request.method in ("POST", "PATCH"):
            self.rule = self.write_rule  # reading is public; writing is for case workers
        super().initial(request, *args, **kwargs)

    def article(self, request: Request, article_id: int) -> KnowledgeArticle | None:
        try:
            return knowledge.article_get(article_id=article_id, user=request.user)
        except KnowledgeArticle.DoesNotExist:
            return None


def _not_found() -> Response:
    return error_response(code="not_found", message=_("Onbekend artikel."), status=404)


class KnowledgeListView(KnowledgeAPIView):
    """GET searches or lists the articles the caller may read; POST publishes one (case workers)."""

    serializer_class = KnowledgeArticleSerializer

    @extend_schema(
        operation_id="knowledge_articles_list",
        parameters=[
            OpenApiParameter("q", str, description="Zoekwoorden (Nederlands, tikfouten mogen)."),
            OpenApiParameter("service", str, description="Slug van de dienst."),
            OpenApiParameter("topic", str, description="Slug van het thema."),
        ],
        responses={200: KnowledgeArticleSerializer(many=True), 400: ERROR},
    )
    def get(self, request: Request) -> Response:
        query = query_validated(KnowledgeListQuery, request)
        service, topic = query.get("service"), query.get("topic")
        articles: Any
        if query.get("q", "").strip():
            articles = knowledge.article_search(
                q=query["q"], user=request.user, service=service, topic=topic, limit=knowledge.MAX_RESULTS
            )
        else:
            articles = knowledge.article_visible_queryset(user=request.user).order_by("title", "id")
            if service is not None:
                articles = articles.filter(service=service)
            if topic is not None:
                articles = articles.filter(topic=topic)
        page = self.paginate_queryset(articles)
        return self.get_paginated_response(KnowledgeArticleSerializer(page, many=True).data)

    @extend_schema(
        operation_id="knowledge_articles_create",
        request=KnowledgeCreateSerializer,
        responses={201: KnowledgeArticleDetailSerializer, 400: ERROR, 401: ERROR, 403: ERROR},
    )
    def post(self, request: Request) -> Response:
        form = KnowledgeCreateSerializer(data=request.data, context={"request": request})
        form.is_valid(raise_exception=True)
        article = knowledge.article_publish(actor=request.user, **_write_values(dict(form.validated_data)))
        data = KnowledgeArticleDetailSerializer(article, context={"staff": True}).data
        return Response(data, status=http.HTTP_201_CREATED)


class KnowledgeDetailView(KnowledgeAPIView):
    """GET one article (with its versions for staff); PATCH changes it as a new version (case workers)."""

    serializer_class = KnowledgeArticleDetailSerializer

    @extend_schema(
        operation_id="knowledge_articles_retrieve", responses={200: KnowledgeArticleDetailSerializer, 404: ERROR}
    )
    def get(self, request: Request, article_id: int) -> Response:
        article = self.article(request, article_id)
        if article is None:
            return _not_found()
        staff = rules.STAFF.allows(request.user)
        return Response(KnowledgeArticleDetailSerializer(article, context={"staff": staff}).data)

    @extend_schema(
        operation_id="knowledge_articles_partial_update",
        request=KnowledgeUpdateSerializer,
        responses={200: KnowledgeArticleDetailSerializer, 400: ERROR, 401: ERROR, 403: ERROR, 404: ERROR},
    )
    def patch(self, request: Request, article_id: int) -> Response:
        article = self.article(request, article_id)
        if article is None:
            return _not_found()
        form = KnowledgeUpdateSerializer(data=request.data, partial=True, context={"request": request})
        form.is_valid(raise_exception=True)
        changes = _write_values(dict(form.validated_data))
        note = changes.pop("change_note", "")
        article = knowledge.article_update(article=article, actor=request.user, change_note=note, **changes)
        return Response(KnowledgeArticleDetailSerializer(article, context={"staff": True}).data)


class KnowledgeVoteView(KnowledgeAPIView):
    """'Was this helpful?': counts once per user, or per session without login (a second answer replaces it)."""

    serializer_class = KnowledgeVoteSerializer
    write_rule = rules.PUBLIC  # anyone who may read the article may answer

    @extend_schema(
        operation_id="knowledge_articles_vote",
        request=KnowledgeVoteSerializer,
        responses={200: KnowledgeArticleSerializer, 400: ERROR, 404: ERROR},
    )
    def post(self, request: Request, article_id: int) -> Response:
        article = self.article(request, article_id)
        if article is None or not knowledge.article_visible_to(article=article, user=request.user):
            return _not_found()
        form = KnowledgeVoteSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        session = request._request.session
        if not request.user.is_authenticated and not session.session_key:
            session.save()  # the session cookie in the answer lets the vote count once
        article = knowledge.article_vote(
            article=article,
            helpful=form.validated_data["helpful"],
            user=request.user,
            session_key=session.session_key or "",
        )
        return Response(KnowledgeArticleSerializer(article).data)


# Included from catalogue/api.py, so the names are "catalogue-api:knowledge-article-…".
urlpatterns = [
    path("knowledge-articles/", KnowledgeListView.as_view(), name="knowledge-article-list"),
    path("knowledge-articles/<int:article_id>/", KnowledgeDetailView.as_view(), name="knowledge-article-detail"),
    path("knowledge-articles/<int:article_id>/vote/", KnowledgeVoteView.as_view(), name="knowledge-article-vote"),
]
