"""The helpdesk's clock on the database: its calendar, its targets, and starting, pausing and
resuming a question's clock. The arithmetic itself is ``business_time`` (pure).

Targets and calendar count when a question is asked and each time its clock resumes: a question
keeps the moments computed then (changing a target later does not rewrite open questions).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.conf import settings

from loket.helpdesk.business_time import (
    WEEKDAYS_9_TO_17,
    BusinessCalendar,
    Period,
    add_business_time,
    business_time_between,
)
from loket.helpdesk.models import Closure, OfficeHours, QuestionPause, QuestionSla, QuestionTopic, SlaTarget

# Without a row for a topic: a first response within one working day, an answer within five.
DEFAULT_TARGET_HOURS = (8, 40, 2)
MOMENTS = ("response_warn_at", "response_due", "answer_warn_at", "answer_due")


@dataclass(frozen=True)
class Targets:
    first_response: dt.timedelta
    answer: dt.timedelta
    warning: dt.timedelta


def business_calendar() -> BusinessCalendar:
    """The helpdesk's office hours (weekdays 9 to 17 when none are entered) and closure days."""
    hours: dict[int, list[Period]] = defaultdict(list)
    for weekday, opens, closes in OfficeHours.objects.values_list("weekday", "opens", "closes"):
        hours[weekday].append((opens, closes))
    return BusinessCalendar(
        hours={day: tuple(periods) for day, periods in hours.items()} if hours else dict(WEEKDAYS_9_TO_17),
        closed_days=frozenset(Closure.objects.values_list("date", flat=True)),
        zone=ZoneInfo(settings.TIME_ZONE),
    )


def targets_for(topic: str) -> Targets:
    row = SlaTarget.objects.filter(topic=topic).values_list("first_response_hours", "answer_hours", "warning_hours")
    first, answer, warning = row.first() or DEFAULT_TARGET_HOURS
    return Targets(dt.timedelta(hours=first), dt.timedelta(hours=answer), dt.timedelta(hours=warning))


def clock_moments(*, calendar: BusinessCalendar, start: dt.datetime, targets: Targets) -> dict[str, dt.datetime]:
    """The four moments of a question asked at ``start``: each warning ``warning`` before its due."""
    zero = dt.timedelta(0)
    return {
        "response_warn_at": add_business_time(calendar, start, max(targets.first_response - targets.warning, zero)),
        "response_due": add_business_time(calendar, start, targets.first_response),
        "answer_warn_at": add_business_time(calendar, start, max(targets.answer - targets.warning, zero)),
        "answer_due": add_business_time(calendar, start, targets.answer),
    }


def clock_start(*, sla: QuestionSla, topic: str, at: dt.datetime) -> None:
    if topic not in QuestionTopic.values:
        raise ValueError(f"unknown topic {topic!r}")
    sla.topic = topic
    sla.asked_at = at
    for name, moment in clock_moments(calendar=business_calendar(), start=at, targets=targets_for(topic)).items():
        setattr(sla, name, moment)


def clock_pause(*, sla: QuestionSla, at: dt.datetime, status: str) -> None:
    """Stop the clock (the caller saves ``sla``); a clock that already stands still stays as it is."""
    if sla.paused_since is not None:
        return
    sla.paused_since = at
    QuestionPause.objects.create(sla=sla, status=status, started_at=at)


def clock_resume(*, sla: QuestionSla, at: dt.datetime, calendar: BusinessCalendar | None = None) -> None:
    """Run the clock again: each moment still ahead when the pause began moves on by the business
    time the pause took (the time left then is the time left now). Moments already passed stay."""
    if sla.paused_since is None:
        return
    calendar = calendar or business_calendar()
    since = sla.paused_since
    for name in MOMENTS:
        moment: dt.datetime = getattr(sla, name)
        if moment > since:
            left = business_time_between(calendar, since, moment)
            setattr(sla, name, add_business_time(calendar, max(at, since), left))
    sla.paused_since = None
    QuestionPause.objects.filter(sla=sla, ended_at__isnull=True).update(ended_at=at)


def clock_stop(*, sla: QuestionSla, at: dt.datetime) -> None:
    """The question is closed: no more alerts; an open pause ends here."""
    sla.closed_at = at
    if sla.paused_since is not None:
        QuestionPause.objects.filter(sla=sla, ended_at__isnull=True).update(ended_at=at)
        sla.paused_since = None
