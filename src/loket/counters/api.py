"""The counters API: availability and appointments (api_booking), tickets and desks (api_queue),
visits at the desk and their escalation (api_visit)."""

from __future__ import annotations

from loket.counters import api_booking, api_queue, api_visit

app_name = "counters-api"

urlpatterns = [*api_booking.urlpatterns, *api_queue.urlpatterns, *api_visit.urlpatterns]
