"""Hooks through which the case engine calls out to feature apps without importing them.

A feature app registers a callable in its ``AppConfig.ready``::

    from loket.cases.hooks import case_status_changed
    case_status_changed.append(notify_citizen)

Each callable is called after the transaction commits, with keyword arguments
``case``, ``from_status``, ``to_status`` and ``actor``. One failing hook is logged and does
not stop the others (``on_commit(robust=True)``).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from django.db import transaction

StatusHook = Callable[..., None]

case_status_changed: list[StatusHook] = []


def case_status_changed_announce(*, case: Any, from_status: str, to_status: str, actor: Any) -> None:
    for hook in list(case_status_changed):
        transaction.on_commit(
            partial(hook, case=case, from_status=from_status, to_status=to_status, actor=actor), robust=True
        )
