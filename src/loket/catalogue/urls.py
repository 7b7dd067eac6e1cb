from __future__ import annotations

from django.urls import path

from loket.catalogue import views, views_knowledge

app_name = "catalogue"

urlpatterns = [
    path("", views.home, name="home"),
    path("zoeken/", views.search, name="search"),
    path("diensten/<slug:slug>/", views.service_detail, name="service-detail"),
    path("bevoegdheden/", views.topic_list, name="topic-list"),
    path("kennisbank/", views_knowledge.knowledge_search, name="knowledge-search"),
    path("kennisbank/nieuw/", views_knowledge.knowledge_create, name="knowledge-create"),
    path("kennisbank/<int:article_id>/", views_knowledge.knowledge_detail, name="knowledge-detail"),
    path("kennisbank/<int:article_id>/bewerken/", views_knowledge.knowledge_edit, name="knowledge-edit"),
    path("kennisbank/<int:article_id>/stem/", views_knowledge.knowledge_vote, name="knowledge-vote"),
]
