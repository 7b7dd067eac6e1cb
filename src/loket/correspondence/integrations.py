"""What correspondence adds to other apps' pages through their hooks."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from loket.accounts import rules
from loket.accounts.hooks import StartItem, StartLink, StartSection


def letters_start_section(user: Any) -> StartSection | None:
    """ "Brieven" on the start page of everyone who exchanges letters, with what awaits a reply."""
    if not rules.CORRESPONDENTS.allows(user):
        return None
    from loket.correspondence.selectors import letters_awaiting_reply

    awaiting = letters_awaiting_reply(user=user).count()
    note = ngettext("%(n)s brief wacht op antwoord", "%(n)s brieven wachten op antwoord", awaiting) % {"n": awaiting}
    links = [
        StartLink(_("Brieven"), reverse("correspondence:letter-list"), note),
        StartLink(_("Brief registreren"), reverse("correspondence:letter-new")),
        StartLink(_("Overschreden antwoordtermijnen"), reverse("correspondence:overdue")),
    ]
    return StartSection(title=_("Briefwisseling districten en stad"), links=links)


WORKLIST_LIMIT = 10


def letters_worklist_section(user: Any) -> StartSection | None:
    """Letters awaiting a reply in either direction, the earliest deadline first."""
    if not rules.CORRESPONDENTS.allows(user):
        return None
    from loket.correspondence.models import Letter
    from loket.correspondence.selectors import letters_awaiting_reply

    items = []
    for letter in letters_awaiting_reply(user=user).prefetch_related("recipients")[:WORKLIST_LIMIT]:
        owing = ", ".join(p.name for p in letter.recipients.all())
        note = (
            _("te beantwoorden door %(who)s") % {"who": owing}
            if letter.direction == Letter.Direction.TO_DISTRICT
            else _("antwoord verwacht van %(who)s") % {"who": owing}
        )
        url = reverse("correspondence:letter-detail", args=[letter.reference])
        items.append(StartItem(f"{letter.reference} {letter.subject}", url, letter.reply_due, note))
    return StartSection(
        title=_("Brieven die op antwoord wachten"), items=items, empty=_("Geen brieven die op antwoord wachten.")
    )
