"""Following a report by e-mail ("volg deze melding in de plaats"): a double opt-in, the
confirmation link, unfollowing, and the followers a merge carries to the main report."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from loket.reports import mail
from loket.reports.models import Follower, Report

FOLLOW_CONFIRM_RESEND = dt.timedelta(hours=1)
FOLLOW_CONFIRMS_PER_DAY = 5


class Following(enum.Enum):
    """What asking to follow a report led to."""

    FOLLOWING = "following"  # the address follows it (an account's own address: at once)
    CONFIRMATION_SENT = "confirmation_sent"  # the address may confirm with the link mailed to it
    REPORTER = "reporter"  # the logged-in reporter hears of their report already


def _own_address(actor: Any, email: str) -> bool:
    own = (getattr(actor, "email", "") or "").strip().lower()
    return bool(own) and getattr(actor, "is_authenticated", False) and own == email


def _may_mail_confirmation(follower: Follower, now: dt.datetime) -> bool:
    """Not the same address again within the hour, and only a few times a day over all reports:
    the follow form must not become a way to flood someone's mailbox."""
    if follower.confirmation_sent_at is not None and now - follower.confirmation_sent_at < FOLLOW_CONFIRM_RESEND:
        return False
    sent_today = Follower.objects.filter(
        email=follower.email, confirmation_sent_at__gt=now - dt.timedelta(days=1)
    ).count()
    return sent_today < FOLLOW_CONFIRMS_PER_DAY


@transaction.atomic
def report_follow(*, report: Report, email: str, actor: Any = None) -> Following:
    """Ask for ``email`` to hear of a report's updates ("volg deze melding in de plaats").

    A logged-in user's own account address follows at once. Any other address gets a
    confirmation link and nothing else until it is used (``report_follow_confirm``); whether an
    address already follows is not told to whoever typed it.
    """
    email = (email or "").strip().lower()
    try:
        validate_email(email)
    except ValidationError:
        raise ValidationError({"email": [_("Dit is geen geldig e-mailadres.")]}) from None
    if report.closed_at is not None or report.case.closed_at is not None:
        raise ValidationError({"email": [_("Deze melding is al afgesloten; volgen kan niet meer.")]}, code="closed")
    own = _own_address(actor, email)
    if own and report.reporter_id is not None and report.reporter_id == actor.pk:
        return Following.REPORTER
    now = timezone.now()
    follower, created = Follower.objects.select_for_update().get_or_create(
        report=report, email=email, defaults={"kind": Follower.Kind.FOLLOWER, "confirmed_at": now if own else None}
    )
    if own:
        newly = created or follower.confirmed_at is None
        if follower.confirmed_at is None:  # asked before by someone, now from the account itself
            follower.confirmed_at = now
            follower.save(update_fields=["confirmed_at"])
        if newly:
            mail.mail_welcome(follower=follower)
        return Following.FOLLOWING
    if follower.confirmed_at is None and _may_mail_confirmation(follower, now):
        follower.confirmation_sent_at = now
        follower.save(update_fields=["confirmation_sent_at"])
        mail.mail_follow_confirm(follower=follower)
    return Following.CONFIRMATION_SENT


@transaction.atomic
def report_follow_confirm(*, report: Report, email: str) -> Follower | None:
    """The address proved it is its owner's (the mailed link): it follows the report from now on.
    None when nobody asked for it (or the address stopped following before confirming).

    A report merged into another meanwhile hands the follower on to the report it was merged into.
    """
    email = (email or "").strip().lower()
    follower = Follower.objects.select_for_update().filter(report=report, email=email).first()
    if follower is None:
        return None
    now = timezone.now()
    if follower.confirmed_at is None:
        follower.confirmed_at = now
        follower.save(update_fields=["confirmed_at"])
    main = _main_report(report)
    if main is not None:
        carried, _created = Follower.objects.get_or_create(
            report=main, email=email, defaults={"kind": Follower.Kind.MERGED, "confirmed_at": now}
        )
        if carried.confirmed_at is None:
            carried.confirmed_at = now
            carried.save(update_fields=["confirmed_at"])
    return follower


def _main_report(report: Report, *, hops: int = 10) -> Report | None:
    """The report a duplicate was (in the end) merged into, or None for a report not merged."""
    main = report.merged_into
    while main is not None and main.merged_into_id is not None and hops > 0:
        main, hops = main.merged_into, hops - 1
    return main


@transaction.atomic
def report_unfollow(*, report: Report, email: str) -> bool:
    deleted, _rows = Follower.objects.filter(report=report, email=(email or "").strip().lower()).delete()
    return bool(deleted)


def followers_merge(*, duplicate: Report, into: Report) -> None:
    """The duplicate's confirmed followers and its reporter follow ``into`` (confirmed: they chose
    this problem). An address still to confirm is handed on when it confirms."""
    emails = list(duplicate.followers.filter(confirmed_at__isnull=False).values_list("email", flat=True))
    reporter_email = (getattr(duplicate.reporter, "email", "") or "").strip().lower()
    if reporter_email and (into.reporter_id is None or into.reporter_id != duplicate.reporter_id):
        emails.append(reporter_email)
    existing = set(into.followers.values_list("email", flat=True))
    into_reporter_email = (getattr(into.reporter, "email", "") or "").lower()
    new = {e for e in emails if e not in existing and e != into_reporter_email}
    now = timezone.now()
    into.followers.filter(email__in=emails, confirmed_at__isnull=True).update(confirmed_at=now)
    Follower.objects.bulk_create(
        [Follower(report=into, email=e, kind=Follower.Kind.MERGED, confirmed_at=now) for e in sorted(new)]
    )
