from __future__ import annotations

from django.urls import path

from loket.helpdesk import views, views_handling

app_name = "helpdesk"

urlpatterns = [
    # The districts' side.
    path("helpdesk/", views.district_home, name="district-home"),
    path("helpdesk/vragen/nieuw/", views.ask, name="ask"),
    path("helpdesk/vragen/<str:reference>/", views.question, name="question"),
    path("helpdesk/vragen/<str:reference>/antwoorden/", views.question_reply, name="question-reply"),
    path("helpdesk/antwoorden/", views.answers, name="answers"),
    # The helpdesk's side.
    path("helpdesk/behandelen/", views_handling.queue, name="queue"),
    path("helpdesk/behandelen/<str:reference>/", views_handling.handle, name="handle"),
    path("helpdesk/behandelen/<str:reference>/toewijzen/", views_handling.assign, name="assign"),
    path("helpdesk/behandelen/<str:reference>/antwoord/", views_handling.answer, name="answer"),
    path("helpdesk/behandelen/<str:reference>/terugvragen/", views_handling.ask_back, name="ask-back"),
    path("helpdesk/behandelen/<str:reference>/afsluiten/", views_handling.close, name="close"),
    path("helpdesk/behandelen/<str:reference>/publiceren/", views_handling.publish, name="publish"),
]
