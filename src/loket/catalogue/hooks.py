"""Extension points: feature apps add actions to a service's page without catalogue importing them.

A provider takes a Service and returns a ``ServiceAction`` (a link with a Dutch label, shown in
one of the channels of the advice) or None. Counters, for example, registers "Maak een afspraak"
for services served at a counter.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from loket.catalogue.models import Service


@dataclass(frozen=True)
class ServiceAction:
    channel: str  # "online", "phone" or "counter": the advice option it belongs to
    label: str
    url: str


ServiceActionProvider = Callable[[Service], ServiceAction | None]

_service_actions: list[ServiceActionProvider] = []


def register_service_action(provider: ServiceActionProvider) -> ServiceActionProvider:
    """Add an action to every service page (idempotent; usable as a decorator)."""
    if provider not in _service_actions:
        _service_actions.append(provider)
    return provider


def service_actions(*, service: Service) -> dict[str, list[ServiceAction]]:
    """The registered actions for ``service``, grouped by channel."""
    grouped: dict[str, list[ServiceAction]] = {}
    for provider in _service_actions:
        action = provider(service)
        if action is not None:
            grouped.setdefault(action.channel, []).append(action)
    return grouped
