from __future__ import annotations

from django.urls import path

from loket.correspondence import views

app_name = "correspondence"

urlpatterns = [
    path("brieven/", views.letter_list, name="letter-list"),
    path("brieven/nieuw/", views.letter_new, name="letter-new"),
    path("brieven/achterstand/", views.letters_overdue, name="overdue"),
    path("brieven/<str:reference>/", views.letter_detail, name="letter-detail"),
    path("brieven/<str:reference>/status/", views.letter_status, name="letter-status"),
    path("brieven/<str:reference>/brief.pdf", views.letter_printable, name="letter-pdf"),
    path("brieven/<str:reference>/origineel/", views.letter_file, name="letter-original"),
    path("brieven/<str:reference>/bijlagen/<int:attachment_id>/", views.letter_file, name="letter-attachment"),
]
