"""Booking pages: the citizen's flow, booking on a caller's behalf, the signed appointment pages."""

from __future__ import annotations

from django.urls import path

from loket.counters import views_booking

urlpatterns = [
    path("afspraak-maken/", views_booking.book, name="book"),
    path("afspraak-maken/<str:token>/gegevens/", views_booking.book_details, name="book-details"),
    path("medewerker/afspraak/", views_booking.book_for, name="book-for"),
    path("afspraak/<str:token>/", views_booking.appointment_manage, name="appointment-manage"),
    path("afspraak/<str:token>/bevestigd/", views_booking.appointment_confirmed, name="appointment-confirmed"),
    path("afspraak/<str:token>/annuleren/", views_booking.appointment_cancel, name="appointment-cancel"),
    path("afspraak/<str:token>/verplaatsen/", views_booking.appointment_reschedule, name="appointment-reschedule"),
    path("afspraak/<str:token>/agenda.ics", views_booking.appointment_ics_download, name="appointment-ics"),
]
