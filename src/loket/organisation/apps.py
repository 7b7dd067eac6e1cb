from django.apps import AppConfig


class OrganisationConfig(AppConfig):
    name = "loket.organisation"
    label = "organisation"

    def ready(self) -> None:
        # The in-memory locate index must never outlive a change to a district made in this
        # process; other processes notice through the version key (see selectors).
        from django.db.models.signals import post_delete, post_migrate, post_save

        from loket.organisation.generations import generation_signals_connect, generation_triggers_install
        from loket.organisation.models import District
        from loket.organisation.selectors import district_cache_clear

        post_save.connect(district_cache_clear, sender=District, dispatch_uid="organisation-district-cache-save")
        post_delete.connect(district_cache_clear, sender=District, dispatch_uid="organisation-district-cache-delete")
        # Cached reference data (streets, competences, forms) asks a generation stamp that
        # database triggers raise on every write (see generations.py).
        generation_signals_connect()
        post_migrate.connect(generation_triggers_install, sender=self, dispatch_uid="organisation-generation-triggers")
