"""Reads of notifications for staff, narrowed to the user's district through the case."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from loket.accounts.scoping import filter_by_district
from loket.notifications.models import Notification


def notification_visible_to(*, user: Any) -> QuerySet[Notification]:
    """District roles see the notifications of their district's cases; citizens nothing."""
    notifications = Notification.objects.select_related("recipient", "case")
    return filter_by_district(user, notifications, "case__district", "case__requesting_district")


def notification_failed_list(*, user: Any, channel: str = "") -> QuerySet[Notification]:
    notifications = notification_visible_to(user=user).filter(status=Notification.Status.FAILED)
    if channel:
        notifications = notifications.filter(channel=channel)
    return notifications.order_by("-created_at", "-id")


def notification_get_for_user(*, user: Any, pk: int) -> Notification:
    """Raises ``Notification.DoesNotExist`` outside the user's scope."""
    return notification_visible_to(user=user).get(pk=pk)
