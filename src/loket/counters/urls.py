"""Counter pages: booking (citizens, agents, clerks), the queue (kiosk, desk, display) and management."""

from __future__ import annotations

from loket.counters import urls_booking, urls_manage, urls_queue

app_name = "counters"

urlpatterns = [*urls_booking.urlpatterns, *urls_queue.urlpatterns, *urls_manage.urlpatterns]
