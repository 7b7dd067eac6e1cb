"""Staff pages: the notifications that were not delivered, with a button to try again."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from loket.accounts import rules
from loket.notifications.models import Notification
from loket.notifications.selectors import notification_failed_list, notification_get_for_user
from loket.notifications.services import NotificationNotRetryable, notification_retry

PAGE_SIZE = 50


@require_GET
@rules.allow(rules.CASE_WORKERS)
def failed_list(request: HttpRequest) -> HttpResponse:
    channel = request.GET.get("kanaal", "")
    if channel not in Notification.Channel.values:
        channel = ""
    page = Paginator(notification_failed_list(user=request.user, channel=channel), PAGE_SIZE).get_page(
        request.GET.get("pagina")
    )
    return render(
        request,
        "notifications/failed_list.html",
        {"page": page, "channel": channel, "channels": Notification.Channel.choices},
    )


@require_POST
@rules.allow(rules.CASE_WORKERS)
def failed_retry(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        notification = notification_get_for_user(user=request.user, pk=pk)
    except Notification.DoesNotExist:
        raise Http404 from None
    try:
        notification_retry(notification=notification, actor=request.user, request=request)
    except NotificationNotRetryable:
        messages.warning(request, _("Dit bericht staat niet (meer) bij de niet-bezorgde berichten."))
    else:
        messages.success(
            request, _("Het bericht aan %(to)s wordt opnieuw verstuurd.") % {"to": notification.to_address}
        )
    back = request.POST.get("next", "")
    if back and url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        return redirect(back)
    return redirect("notifications:failed")
