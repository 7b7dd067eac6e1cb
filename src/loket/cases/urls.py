from __future__ import annotations

from django.urls import path

from loket.cases import views, views_tasks

app_name = "cases"

urlpatterns = [
    path("werkbak/", views.work_queue, name="work-queue"),
    path("werkbak/toewijzen/", views.work_queue_bulk, name="work-queue-bulk"),
    path("zaken/<str:reference>/", views.case_detail, name="case-detail"),
    path("zaken/<str:reference>/status/", views.case_change_status, name="case-status"),
    path("zaken/<str:reference>/notitie/", views.case_note, name="case-note"),
    path("zaken/<str:reference>/toewijzen/", views.case_assign, name="case-assign"),
    path("zaken/<str:reference>/informatie-vragen/", views.case_request_information, name="case-request-information"),
    path("zaken/<str:reference>/beslissing/", views.case_decide, name="case-decide"),
    path(
        "zaken/<str:reference>/bijlagen/<int:attachment_id>/",
        views.attachment_download,
        name="attachment-download",
    ),
    path("taken/", views_tasks.task_list, name="task-list"),
    path("taken/<int:task_id>/", views_tasks.task_detail, name="task-detail"),
    path("taken/<int:task_id>/opnemen/", views_tasks.task_claim, name="task-claim"),
    path("taken/<int:task_id>/toewijzen/", views_tasks.task_assign, name="task-assign"),
    path("taken/<int:task_id>/afhandelen/", views_tasks.task_complete, name="task-complete"),
    path("taken/<int:task_id>/annuleren/", views_tasks.task_cancel, name="task-cancel"),
    path("terugbellen/", views_tasks.callback_list, name="callback-list"),
    path("terugbellen/<int:task_id>/gebeld/", views_tasks.callback_done, name="callback-done"),
]
