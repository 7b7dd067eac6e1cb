"""Report pages: the form, the public map and list, a report's page, the handler's queue.

Fixed paths come before ``meldingen/<token>/``.
"""

from __future__ import annotations

from django.urls import URLPattern, path

from loket.reports import views_form, views_handler, views_public

urlpatterns: list[URLPattern] = [
    path("melden/", views_form.report_form, name="form"),
    path("melden/bedankt/<str:token>/", views_form.thanks, name="thanks"),
    path("melden/adres-zoeken/", views_form.geocode, name="geocode"),
    path("melden/dubbele-meldingen/", views_form.duplicates_fragment, name="duplicates"),
    path("melden/foto-plaats/", views_form.photo_place, name="photo-place"),
    path("meldingen/", views_public.public_list, name="public-list"),
    path("meldingen/behandelen/", views_handler.handler_queue, name="handler-queue"),
    path("meldingen/behandelen/<str:reference>/samenvoegen/", views_handler.merge, name="merge"),
    path("meldingen/behandelen/<str:reference>/categorie/", views_handler.set_category, name="set-category"),
    path("meldingen/<str:token>/", views_public.public_detail, name="public-detail"),
    path("meldingen/<str:token>/volgen/", views_public.follow, name="follow"),
    path("meldingen/<str:token>/volgen/bevestigen/<str:code>/", views_public.follow_confirm, name="follow-confirm"),
    path("meldingen/<str:token>/opgelost/<str:signature>/", views_public.feedback, name="feedback"),
    path("meldingen/<str:token>/niet-meer-volgen/<str:code>/", views_public.unfollow, name="unfollow"),
]
