"""Works pages: the public list, map, detail and subscriptions (``urls_public``) and the public
data downloads (``urls_data``)."""

from __future__ import annotations

from loket.works import urls_data, urls_public

app_name = "works"

urlpatterns = [*urls_data.urlpatterns, *urls_public.urlpatterns]
