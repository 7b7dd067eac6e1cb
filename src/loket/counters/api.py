"""The counters API: availability and appointments (api_booking), tickets and desks (api_queue)."""

from __future__ import annotations

from loket.counters import api_booking, api_queue

app_name = "counters-api"

urlpatterns = [*api_booking.urlpatterns, *api_queue.urlpatterns]
