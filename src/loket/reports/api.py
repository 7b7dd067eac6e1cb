"""The reports endpoints under /api/v1/: reports (``api_reports``) and category suggestion (``api_suggest``)."""

from __future__ import annotations

from loket.reports import api_reports, api_suggest

urlpatterns = [*api_suggest.urlpatterns, *api_reports.urlpatterns]
