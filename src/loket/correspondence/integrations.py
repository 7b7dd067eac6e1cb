"""What correspondence adds to other apps' pages through their hooks."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from loket.accounts import rules
from loket.accounts.hooks import StartLink, StartSection


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
