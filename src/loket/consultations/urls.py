from __future__ import annotations

from django.urls import path

from loket.consultations import views

app_name = "consultations"

urlpatterns = [
    path("overleg/", views.meeting_list, name="meeting-list"),
    path("overleg/nieuw/", views.meeting_new, name="meeting-new"),
    path("overleg/<int:meeting_id>/", views.meeting_detail, name="meeting-detail"),
    path("overleg/<int:meeting_id>/voorstellen/", views.item_propose, name="item-propose"),
    path("overleg/<int:meeting_id>/wijzigen/", views.meeting_change, name="meeting-change"),
    path("overleg/<int:meeting_id>/actiepunten/", views.action_add, name="action-add"),
    path("overleg/<int:meeting_id>/<str:name>", views.meeting_download, name="meeting-download"),
    path("overleg/agendapunt/<int:item_id>/<slug:action>/", views.item_action, name="item-action"),
    path("overleg/actiepunt/<int:action_id>/afronden/", views.action_complete, name="action-complete"),
    path("overleg/document/<int:document_id>/", views.document_download, name="document"),
]
