"""Status workflows, declared per kind of case.

A workflow says which statuses a kind has (with Dutch labels), which transitions are
allowed, which statuses close the case and which pause the deadline clock. The case engine
knows three kinds that the next issues build on (requests, reports, helpdesk questions);
a feature app may register its own kinds, or replace one of these, with ``workflow_register``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class IllegalTransition(ValueError):
    """A status change that the kind's workflow does not allow."""

    def __init__(self, *, workflow: Workflow, from_status: str, to_status: str) -> None:
        self.from_status = from_status
        self.to_status = to_status
        self.allowed = workflow.allowed_next(from_status)
        if self.allowed:
            allowed = ", ".join(f"'{workflow.label(s)}' ({s})" for s in self.allowed)
            message = gettext(
                "Een zaak met status '%(from)s' kan niet naar '%(to)s'. Toegelaten volgende statussen: %(allowed)s."
            ) % {"from": workflow.label(from_status), "to": workflow.label(to_status), "allowed": allowed}
        else:
            message = gettext(
                "Een zaak met status '%(from)s' kan niet naar '%(to)s': vanuit deze status is geen wijziging mogelijk."
            ) % {"from": workflow.label(from_status), "to": workflow.label(to_status)}
        super().__init__(message)


class UnknownKind(ValueError):
    pass


# (topic, service) -> handling days, or None to fall back on the workflow's default.
HandlingDaysHook = Callable[[Any, Any], "int | None"]


@dataclass(frozen=True)
class Workflow:
    kind: str
    prefix: str
    label_text: Any
    initial: str
    statuses: Mapping[str, Any]
    transitions: Mapping[str, frozenset[str]]
    closed: frozenset[str] = frozenset()
    pausing: frozenset[str] = frozenset()
    default_handling_days: int = 20
    # Statuses the citizen hears about (notifications); the others are internal steps.
    notify_statuses: frozenset[str] = frozenset()
    # Notify statuses whose message the kind's own app sends (the notifications app stays silent,
    # the citizen still sees the change in their history).
    announced_by_app: frozenset[str] = frozenset()
    handling_days_hook: HandlingDaysHook | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        known = set(self.statuses)
        if self.initial not in known:
            raise ValueError(f"{self.kind}: initial status {self.initial!r} is not declared")
        for source, targets in self.transitions.items():
            unknown = ({source} | set(targets)) - known
            if unknown:
                raise ValueError(f"{self.kind}: transitions name undeclared statuses {sorted(unknown)}")
        if not (self.closed | self.pausing) <= known:
            raise ValueError(f"{self.kind}: closed or pausing statuses are not declared")
        if not self.notify_statuses <= known:
            raise ValueError(f"{self.kind}: notify statuses are not declared")
        if not self.announced_by_app <= self.notify_statuses:
            raise ValueError(f"{self.kind}: statuses announced by the app must be notify statuses")

    def label(self, status: str) -> str:
        return str(self.statuses.get(status, status))

    def allowed_next(self, status: str) -> list[str]:
        """The statuses reachable from ``status``, in declaration order."""
        targets = self.transitions.get(status, frozenset())
        return [s for s in self.statuses if s in targets]

    def check_transition(self, *, from_status: str, to_status: str) -> None:
        if to_status not in self.transitions.get(from_status, frozenset()):
            raise IllegalTransition(workflow=self, from_status=from_status, to_status=to_status)

    def is_closed(self, status: str) -> bool:
        return status in self.closed

    def pauses(self, status: str) -> bool:
        return status in self.pausing

    def notifies(self, status: str) -> bool:
        """Whether entering ``status`` is news for the citizen (public), not an internal step."""
        return status in self.notify_statuses

    def handling_days(self, *, topic: Any = None, service: Any = None) -> int:
        """The service's own term wins, then the feature's per-topic hook, then the default."""
        if service is not None and getattr(service, "handling_days", None):
            return int(service.handling_days)
        if self.handling_days_hook is not None:
            days = self.handling_days_hook(topic, service)
            if days is not None:
                return days
        return self.default_handling_days


_registry: dict[str, Workflow] = {}


def workflow_register(workflow: Workflow, *, replace: bool = False) -> Workflow:
    """Register a kind. Replacing an existing kind must be explicit; prefixes stay unique."""
    if workflow.kind in _registry and not replace:
        raise ValueError(f"workflow {workflow.kind!r} is already registered")
    for other in _registry.values():
        if other.kind != workflow.kind and other.prefix == workflow.prefix:
            raise ValueError(f"prefix {workflow.prefix!r} is already used by {other.kind!r}")
    _registry[workflow.kind] = workflow
    return workflow


def workflow_for(kind: str) -> Workflow:
    try:
        return _registry[kind]
    except KeyError:
        raise UnknownKind(gettext("Onbekende soort zaak: '%(kind)s'.") % {"kind": kind}) from None


def workflow_kinds() -> list[str]:
    return sorted(_registry)


def _t(**pairs: frozenset[str] | set[str]) -> dict[str, frozenset[str]]:
    return {source: frozenset(targets) for source, targets in pairs.items()}


REQUEST = workflow_register(
    Workflow(
        kind="request",
        prefix="REQ",
        label_text=_("aanvraag"),
        initial="received",
        statuses={
            "received": _("ontvangen"),
            "in_progress": _("in behandeling"),
            "waiting_for_citizen": _("wacht op de burger"),
            "decided": _("beslist"),
            "closed": _("afgesloten"),
            "rejected": _("afgewezen"),
            "withdrawn": _("ingetrokken"),
        },
        transitions=_t(
            received={"in_progress", "rejected", "withdrawn"},
            in_progress={"waiting_for_citizen", "decided", "rejected", "withdrawn"},
            waiting_for_citizen={"in_progress", "withdrawn"},
            decided={"closed"},
        ),
        closed=frozenset({"closed", "rejected", "withdrawn"}),
        pausing=frozenset({"waiting_for_citizen"}),
        notify_statuses=frozenset({"in_progress", "waiting_for_citizen", "decided", "closed", "rejected", "withdrawn"}),
        default_handling_days=20,
    )
)

REPORT = workflow_register(
    Workflow(
        kind="report",
        prefix="MLD",
        label_text=_("melding"),
        initial="received",
        statuses={
            "received": _("ontvangen"),
            "in_progress": _("in behandeling"),
            "planned": _("ingepland"),
            "done": _("uitgevoerd"),
            "forwarded": _("doorgestuurd"),
            "duplicate": _("dubbele melding"),
            "rejected": _("afgewezen"),
        },
        transitions=_t(
            received={"in_progress", "planned", "forwarded", "duplicate", "rejected"},
            in_progress={"planned", "done", "forwarded", "rejected"},
            planned={"in_progress", "done"},
        ),
        closed=frozenset({"done", "forwarded", "duplicate", "rejected"}),
        notify_statuses=frozenset({"planned", "done", "forwarded", "duplicate", "rejected"}),
        default_handling_days=10,
    )
)

QUESTION = workflow_register(
    Workflow(
        kind="question",
        prefix="VRG",
        label_text=_("vraag"),
        initial="new",
        statuses={
            "new": _("nieuw"),
            "assigned": _("toegewezen"),
            "answered": _("beantwoord"),
            "waiting_for_asker": _("wacht op de vraagsteller"),
            "closed": _("afgesloten"),
        },
        transitions=_t(
            new={"assigned", "answered", "closed"},
            assigned={"answered", "waiting_for_asker", "closed"},
            waiting_for_asker={"assigned", "closed"},
            answered={"closed", "assigned"},
        ),
        closed=frozenset({"closed"}),
        pausing=frozenset({"waiting_for_asker"}),
        notify_statuses=frozenset({"answered", "waiting_for_asker", "closed"}),
        default_handling_days=10,
    )
)
