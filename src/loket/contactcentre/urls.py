from __future__ import annotations

from django.urls import path

from loket.contactcentre import views

app_name = "contactcentre"

urlpatterns = [
    path("contactcenter/", views.workspace, name="workspace"),
    path("contactcenter/zoeken/", views.search, name="search"),
    path("contactcenter/gesprek/", views.call_new, name="call-new"),
    path("contactcenter/burger/nieuw/", views.citizen_new, name="citizen-new"),
    path("contactcenter/contactmoment/", views.contact_register, name="contact-register"),
    path("contactcenter/aanvraag/", views.start_request, name="start-request"),
    path("contactcenter/doorgeven/", views.handover, name="handover"),
    path("contactcenter/terugbelverzoek/", views.callback, name="callback"),
]
