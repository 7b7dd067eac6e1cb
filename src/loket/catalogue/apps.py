from __future__ import annotations

from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class CatalogueConfig(AppConfig):
    name = "loket.catalogue"
    label = "catalogue"

    def ready(self) -> None:
        # The only signals in the app: they keep this process's search index fresh at once;
        # other processes notice through the version check in search.py.
        from loket.catalogue.models import Service, Topic
        from loket.catalogue.search import search_index_invalidate

        for model in (Service, Topic):
            post_save.connect(search_index_invalidate, sender=model, dispatch_uid=f"search-{model.__name__}-save")
            post_delete.connect(search_index_invalidate, sender=model, dispatch_uid=f"search-{model.__name__}-delete")
