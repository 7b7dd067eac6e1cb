"""Reads on letters. A letter is visible only to its parties and the helpdesk:

- the helpdesk, the staff service (managers) and admins see every letter;
- district staff and coordinators see the letters exchanged with their own district;
- city back-office staff see the letters their team sent or received.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from loket.accounts.models import DISTRICT_ROLES, Role
from loket.correspondence.models import Letter, Party

SEE_ALL = frozenset({Role.HELPDESK, Role.MANAGER, Role.ADMIN})
WRITE_ALL = frozenset({Role.HELPDESK, Role.ADMIN})


def letters_visible_to(*, user: Any) -> QuerySet[Letter]:
    letters = Letter.objects.select_related("sender", "district")
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return letters.none()
    if user.role in SEE_ALL:
        return letters
    if user.role in DISTRICT_ROLES:
        return letters.filter(district_id=user.district_id)
    if user.role == Role.BACKOFFICE and user.team_id:
        team = Q(sender__team_id=user.team_id) | Q(recipients__team_id=user.team_id)
        return letters.filter(pk__in=Letter.objects.filter(team).values("pk"))
    return letters.none()


def user_may_write_for(*, user: Any, parties: Iterable[Party]) -> bool:
    """Whether ``user`` may register a letter between these parties."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if user.role in WRITE_ALL:
        return True
    parties = list(parties)
    if user.role in DISTRICT_ROLES:
        return all(p.district_id == user.district_id for p in parties if p.is_district)
    if user.role == Role.BACKOFFICE and user.team_id:
        return any(p.team_id == user.team_id for p in parties)
    return False


def letter_get(*, user: Any, reference: str) -> Letter:
    letter = letters_visible_to(user=user).filter(reference=reference).first()
    if letter is None:
        raise Http404(_("Geen brief met deze referentie binnen jouw bereik."))
    return letter


def letter_thread(*, letter: Letter, user: Any) -> list[Letter]:
    """The letters of the thread ``letter`` belongs to, oldest first, as far as ``user`` sees them.

    A reply always points to an earlier letter, so walking up ends at the thread's first letter.
    """
    root_id = letter.pk
    parent_id = letter.in_reply_to_id
    while parent_id:
        root_id = parent_id
        parent_id = Letter.objects.filter(pk=parent_id).values_list("in_reply_to_id", flat=True).first()
    ids, frontier = {root_id}, [root_id]
    while frontier:
        frontier = [
            pk
            for pk in Letter.objects.filter(in_reply_to_id__in=frontier).values_list("pk", flat=True)
            if pk not in ids
        ]
        ids.update(frontier)
    return list(letters_visible_to(user=user).filter(pk__in=ids).order_by("letter_date", "registered_at", "id"))


def letters_awaiting_reply(*, user: Any, today: dt.date | None = None) -> QuerySet[Letter]:
    """Open letters that expect a reply, the earliest due first."""
    return (
        letters_visible_to(user=user)
        .filter(reply_expected=True)
        .exclude(status__in=[Letter.Status.ANSWERED, Letter.Status.CLOSED])
        .order_by("reply_due", "id")
    )


@dataclass(frozen=True)
class OverdueGroup:
    name: str
    letters: list[Letter]


def letters_overdue(*, user: Any, today: dt.date | None = None) -> dict[str, list[OverdueGroup]]:
    """Letters whose reply is late, grouped by who owes it: per district and per city service."""
    today = today or timezone.localdate()
    late = letters_awaiting_reply(user=user).filter(reply_due__lt=today).prefetch_related("recipients")
    by_district: dict[str, list[Letter]] = defaultdict(list)
    by_city: dict[str, list[Letter]] = defaultdict(list)
    for letter in late:
        if letter.direction == Letter.Direction.TO_DISTRICT:
            by_district[letter.district.name].append(letter)
        else:
            for party in letter.recipients.all():
                by_city[party.name].append(letter)
    return {
        "districts": [OverdueGroup(name, items) for name, items in sorted(by_district.items())],
        "city": [OverdueGroup(name, items) for name, items in sorted(by_city.items())],
    }
