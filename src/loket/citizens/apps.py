from __future__ import annotations

from typing import Any

from django.apps import AppConfig


def user_saved(sender: Any, instance: Any, update_fields: Any = None, **kwargs: Any) -> None:
    """Keep a citizen's search keys in step when their User's names or e-mail change."""
    if update_fields is not None and not {"first_name", "last_name", "email"} & set(update_fields):
        return
    from loket.citizens.keys import search_key
    from loket.citizens.models import Citizen

    Citizen.objects.filter(user_id=instance.pk).update(
        first_name_key=search_key(instance.first_name),
        last_name_key=search_key(instance.last_name),
        email_key=(instance.email or "").strip().lower(),
    )


class CitizensConfig(AppConfig):
    name = "loket.citizens"
    label = "citizens"

    def ready(self) -> None:
        from django.contrib.auth import get_user_model
        from django.db.models.signals import post_save

        from loket.accounts.hooks import register_start_section
        from loket.citizens.hooks import register_timeline_source
        from loket.citizens.mijnloket import mijnloket_start_section
        from loket.citizens.selectors import case_source, contact_moment_source

        register_timeline_source(contact_moment_source)
        register_timeline_source(case_source)
        register_start_section(mijnloket_start_section)
        post_save.connect(user_saved, sender=get_user_model(), dispatch_uid="citizens-user-keys")
