"""Report pages: the public ones and the handlers' (``urls_public``), category suggestions (``urls_suggest``)."""

from __future__ import annotations

from loket.reports import urls_public, urls_suggest

app_name = "reports"

urlpatterns = [*urls_suggest.urlpatterns, *urls_public.urlpatterns]
