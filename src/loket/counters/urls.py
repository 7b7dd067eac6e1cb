"""Counter pages: booking (citizens, agents, clerks), the queue (kiosk, desk, display), management and
the visit at the desk (identify, register, close a request, escalate)."""

from __future__ import annotations

from loket.counters import urls_booking, urls_manage, urls_queue, urls_visit

app_name = "counters"

urlpatterns = [*urls_booking.urlpatterns, *urls_queue.urlpatterns, *urls_manage.urlpatterns, *urls_visit.urlpatterns]
