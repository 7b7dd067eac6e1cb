"""The call an agent has open, kept in their session: whom it is about and when it began.

The workspace opens a call when it is first shown (or the agent presses "Nieuw gesprek") and
records the time, so the contact moment can say how long the call took without the agent
timing it. Selecting a caller who was still unknown keeps the call; selecting another citizen
starts a new one; registering the contact (in any form) ends it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.http import HttpRequest
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from loket.contactcentre.selectors import call_seconds

SESSION_KEY = "contactcentre_call"


@dataclass(frozen=True)
class Call:
    started: dt.datetime
    citizen_id: int | None

    @property
    def seconds(self) -> int:
        return call_seconds(started=self.started)

    @property
    def minutes(self) -> int:
        return -(-self.seconds // 60)  # a started minute counts, as on the page's clock

    @property
    def started_epoch_ms(self) -> int:
        return int(self.started.timestamp() * 1000)


def call_current(request: HttpRequest) -> Call | None:
    stored = request.session.get(SESSION_KEY)
    if not isinstance(stored, dict):
        return None
    started = parse_datetime(str(stored.get("started") or ""))
    if started is None:
        return None
    citizen_id = stored.get("citizen")
    return Call(started=started, citizen_id=citizen_id if isinstance(citizen_id, int) else None)


def _save(request: HttpRequest, call: Call) -> Call:
    request.session[SESSION_KEY] = {"started": call.started.isoformat(), "citizen": call.citizen_id}
    return call


def call_open(request: HttpRequest, *, citizen_id: int | None) -> Call:
    """The open call, for ``citizen_id`` when given: the current call when it is theirs, still
    anonymous, or no citizen is given (the agent is searching); else a new one starting now."""
    current = call_current(request)
    if current is not None and citizen_id is None:
        return current
    if current is not None and current.citizen_id in (None, citizen_id):
        if current.citizen_id != citizen_id:
            current = _save(request, Call(started=current.started, citizen_id=citizen_id))
        return current
    return _save(request, Call(started=timezone.now(), citizen_id=citizen_id))


def call_restart(request: HttpRequest) -> Call:
    return _save(request, Call(started=timezone.now(), citizen_id=None))


def call_close(request: HttpRequest) -> None:
    request.session.pop(SESSION_KEY, None)


def call_elapsed(request: HttpRequest) -> int:
    current = call_current(request)
    return current.seconds if current is not None else 0
