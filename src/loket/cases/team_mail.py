"""Mail to the team's mailbox (and to the colleague the work is assigned to), from a background job.

The case engine tells a team about new work this way: a new internal task, a citizen's reply on a
case. The write only queues a job once its transaction commits; the job reads the record again,
builds the message and hands it to ``team_mail_send``. A failing mail server makes the job raise,
so Huey retries it with a growing delay and the write itself is never rolled back or held up.
Every failed try is logged with its error; the last one, after which nobody retries, as an error
naming what the mail was about.

Staff mails carry a link to the page behind the login rather than the record itself.
"""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage
from django.urls import reverse

from loket.organisation.models import Team

__all__ = ["RETRIES", "RETRY_BACKOFF", "RETRY_DELAY_SECONDS", "team_mail_link", "team_mail_send", "team_mail_to"]

log = logging.getLogger(__name__)

RETRIES = 5  # Huey retries after the first try
RETRY_DELAY_SECONDS = 60  # 1, 2, 4, 8, 16 minutes
RETRY_BACKOFF = 2


def team_mail_to(*, team: Team | None, assignee: Any = None) -> list[str]:
    """The team's mailbox and, when the work is assigned to an active colleague with an address,
    theirs too; each address once. Empty when neither has one."""
    team_address = (getattr(team, "email", "") or "").strip()
    assignee_address = (getattr(assignee, "email", "") or "").strip() if getattr(assignee, "is_active", False) else ""
    addresses = [team_address] if team_address else []
    if assignee_address and assignee_address.lower() != team_address.lower():
        addresses.append(assignee_address)
    return addresses


def team_mail_link(url_name: str, *args: Any) -> str:
    """The absolute link to a staff page (opened after logging in)."""
    return settings.LOKET_BASE_URL + reverse(url_name, args=args)


def team_mail_send(message: EmailMessage, *, about: str, last_try: bool = False) -> bool:
    """Send ``message``; False (and a log line) when it has nobody to go to.

    Raises whatever the mail server raised, so that the job is retried; ``last_try`` says the job
    will not be retried any more, which is then logged as an error.
    """
    if not message.to:
        log.warning("no mail about %s: neither the team nor the assignee has an e-mail address", about)
        return False
    try:
        message.send()
    except Exception as exc:
        if last_try:
            log.error("mail about %s to %s not delivered, no more retries: %s", about, ", ".join(message.to), exc)
        else:
            log.warning("mail about %s to %s not delivered (will be retried): %s", about, ", ".join(message.to), exc)
        raise
    return True
