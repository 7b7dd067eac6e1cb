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


# Sections on the case page (/zaken/<reference>/) from the app of the case's kind: a provider
# ``(case=, user=) -> PageSection | None``; the section's template is included with ``case`` and
# ``data`` (the section's context) under an ``<h2>`` with its title.
CaseSectionProvider = Callable[..., Any]

case_page_sections: list[CaseSectionProvider] = []


def register_case_section(provider: CaseSectionProvider) -> CaseSectionProvider:
    if provider not in case_page_sections:
        case_page_sections.append(provider)
    return provider


def case_sections(*, case: Any, user: Any) -> list[Any]:
    sections = (provider(case=case, user=user) for provider in case_page_sections)
    return [section for section in sections if section is not None]
