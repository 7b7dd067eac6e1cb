"""The Dutch message templates, seeded from ``notifications/defaults.py``.

Idempotent and respectful of staff edits: only templates that do not exist yet are created;
an existing row (perhaps rewritten in the admin) is never overwritten.
"""

from __future__ import annotations

from collections.abc import Callable

from loket.notifications.defaults import DEFAULT_TEXTS
from loket.notifications.models import MessageTemplate

ORDER = 25


def load(*, log: Callable[[str], None]) -> None:
    created = 0
    for text in DEFAULT_TEXTS:
        _, was_created = MessageTemplate.objects.get_or_create(
            key=text.key,
            channel=text.channel,
            language=text.language,
            defaults={"subject": text.subject, "body": text.body},
        )
        created += was_created
    log(f"notifications: {created} message templates created, {len(DEFAULT_TEXTS) - created} kept")
