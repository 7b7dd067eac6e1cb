"""What the works app adds to other apps' pages through their hooks (registered in ``apps.py``)."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext as _

from loket.organisation.hooks import PageSection
from loket.organisation.models import District
from loket.works.forms import DEFAULT_WEEKS
from loket.works.selectors import work_list_public

DISTRICT_SECTION_LIMIT = 5


def district_works_section(district: District) -> PageSection | None:
    """A district's page: its works now and in the coming four weeks (the first few, and a link
    to all of them); nothing when there are none."""
    today = timezone.localdate()
    works = work_list_public(district=district, start=today, end=today + timedelta(weeks=DEFAULT_WEEKS))
    first = list(works[: DISTRICT_SECTION_LIMIT + 1])
    if not first:
        return None
    return PageSection(
        title=_("Werken op het openbaar domein"),
        template="works/_district_section.html",
        context={
            "works": first[:DISTRICT_SECTION_LIMIT],
            "count": works.count() if len(first) > DISTRICT_SECTION_LIMIT else len(first),
        },
    )
