"""The channel mix (issue 4 §8): how citizens reach the city, per service, district or topic.

Two tables, never added together: a contact moment often leads to a case (and a case may
have many contact moments), so their sum would count one question twice.

- **Cases** (``cases.Case``) created in the period, by ``channel``. A case's district is where
  the matter is (``location_district``), else its competent ``district``; a city-level case
  without a place has none.
- **Contact moments** (``citizens.ContactMoment``) in the period, by ``channel``. A contact's
  district is the citizen's (where they live), else the location's (an anonymous visitor at a
  counter); an anonymous call has none.

Each table is one grouped query (``GROUP BY group, channel``): the database counts, Python only
arranges the few hundred cells and looks up the names of the groups. Periods are whole days in
Brussels, both ends included.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal
from zoneinfo import ZoneInfo

from django.db.models import Count, F, Model, Q, QuerySet
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from loket.cases.models import Case, Channel
from loket.catalogue.models import Service, Topic
from loket.citizens.models import ContactMoment
from loket.organisation.models import District

BRUSSELS = ZoneInfo("Europe/Brussels")
MAX_PERIOD_DAYS = 366
GroupBy = Literal["service", "district", "topic"]
GROUPINGS: dict[str, Any] = {
    "service": gettext_lazy("dienst"),
    "district": gettext_lazy("district"),
    "topic": gettext_lazy("thema"),
}
# One order and one name per channel in both tables (the source models label "phone" differently).
CHANNELS: dict[str, Any] = {
    "online": gettext_lazy("e-loket"),
    "phone": gettext_lazy("telefoon"),
    "counter": gettext_lazy("loket"),
    "email": gettext_lazy("e-mail"),
    "chat": gettext_lazy("chat"),
    "api": gettext_lazy("API"),
    "internal": gettext_lazy("intern"),
}
CASE_CHANNELS = [key for key in CHANNELS if key in Channel.values]
CONTACT_CHANNELS = [key for key in CHANNELS if key in ContactMoment.Channel.values]


class PeriodInvalid(ValueError):
    """The period ends before it starts or is longer than ``MAX_PERIOD_DAYS``."""


@dataclass(frozen=True)
class Column:
    key: str
    label: str


@dataclass(frozen=True)
class Cell:
    count: int
    percent: float | None  # share of the row's total, None when the row is empty


@dataclass(frozen=True)
class MixRow:
    """One group (a service, district or topic; or the totals) with a count per channel."""

    key: str  # the group's slug; "" for "none" and for the totals row
    label: str
    counts: tuple[int, ...]  # in the order of the table's columns
    total: int
    share: float | None  # this row's total as a percentage of the table's grand total

    @property
    def cells(self) -> list[Cell]:
        return [Cell(count, count * 100 / self.total if self.total else None) for count in self.counts]


@dataclass(frozen=True)
class MixTable:
    columns: list[Column]
    rows: list[MixRow]
    totals: MixRow


@dataclass(frozen=True)
class ChannelMix:
    date_from: dt.date
    date_to: dt.date
    group_by: str
    district: District | None
    cases: MixTable
    contacts: MixTable


def period_bounds(*, date_from: dt.date, date_to: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """Aware bounds [start, end) of whole days in Brussels, ``date_to`` included."""
    if date_to < date_from:
        raise PeriodInvalid(_("Het einde van de periode ligt voor het begin."))
    if (date_to - date_from).days >= MAX_PERIOD_DAYS:
        raise PeriodInvalid(_("Kies een periode van hoogstens een jaar."))
    start = dt.datetime.combine(date_from, dt.time.min, tzinfo=BRUSSELS)
    return start, dt.datetime.combine(date_to + dt.timedelta(days=1), dt.time.min, tzinfo=BRUSSELS)


def _case_counts(*, start: dt.datetime, end: dt.datetime, group_by: str, district: District | None) -> QuerySet[Any]:
    cases = Case.objects.filter(created_at__gte=start, created_at__lt=end)
    if district is not None:
        cases = cases.filter(Q(location_district=district) | Q(location_district__isnull=True, district=district))
    group: Any = {
        "service": F("service_id"),
        "topic": F("topic_id"),
        "district": Coalesce("location_district_id", "district_id"),
    }[group_by]
    return _grouped(cases, group)


def _contact_counts(*, start: dt.datetime, end: dt.datetime, group_by: str, district: District | None) -> QuerySet[Any]:
    moments = ContactMoment.objects.filter(at__gte=start, at__lt=end)
    place = Coalesce("citizen__district_id", "location__district_id")
    if district is not None:
        moments = moments.alias(place=place).filter(place=district.pk)
    group: Any = {"service": F("service_id"), "topic": F("topic_id"), "district": place}[group_by]
    return _grouped(moments, group)


def _grouped(queryset: QuerySet[Any], group: Any) -> QuerySet[Any]:
    return queryset.annotate(group=group).values_list("group", "channel").annotate(n=Count("*")).order_by()


def _names(group_by: str, ids: Iterable[int]) -> dict[int, tuple[str, str]]:
    model: type[Model] = {"service": Service, "topic": Topic, "district": District}[group_by]
    found = model._default_manager.only("slug", "name").in_bulk(list(ids))
    return {pk: (obj.slug, str(obj.name)) for pk, obj in found.items()}  # type: ignore[attr-defined]


def _none_label(group_by: str) -> str:
    return {"service": _("Zonder dienst"), "topic": _("Zonder thema"), "district": _("Zonder district")}[group_by]


def _row(key: str, label: str, counts: list[int], grand_total: int) -> MixRow:
    total = sum(counts)
    return MixRow(key, label, tuple(counts), total, total * 100 / grand_total if grand_total else None)


def _table(rows: Iterable[tuple[int | None, str, int]], *, channels: list[str], group_by: str) -> MixTable:
    """Arrange ``(group id, channel, count)`` rows as a table; a channel outside ``channels`` gets a column too."""
    cells: dict[int | None, dict[str, int]] = defaultdict(dict)
    for group, channel, count in rows:
        cells[group][channel] = cells[group].get(channel, 0) + count
    seen = {channel for counts in cells.values() for channel in counts}
    keys = channels + sorted(seen - set(channels))
    columns = [Column(key, str(CHANNELS.get(key, key))) for key in keys]
    names = _names(group_by, [group for group in cells if group is not None])
    column_totals = [sum(counts.get(key, 0) for counts in cells.values()) for key in keys]
    grand_total = sum(column_totals)
    named: list[MixRow] = []
    unnamed: list[int] | None = None  # no group, or (never with PROTECT keys) one that is gone
    for group, counts in cells.items():
        values = [counts.get(key, 0) for key in keys]
        if group is not None and group in names:
            named.append(_row(*names[group], values, grand_total))
        else:
            unnamed = values if unnamed is None else [a + b for a, b in zip(unnamed, values, strict=True)]
    named.sort(key=lambda row: row.label.casefold())
    if unnamed is not None:
        named.append(_row("", _none_label(group_by), unnamed, grand_total))
    return MixTable(columns=columns, rows=named, totals=_row("", _("Totaal"), column_totals, grand_total))


def channel_mix(
    *, date_from: dt.date, date_to: dt.date, group_by: GroupBy | str, district: District | None = None
) -> ChannelMix:
    """Cases and contact moments of a period per channel, grouped by service, district or topic.

    Raises ``PeriodInvalid`` for a period that ends before it starts or spans more than a year,
    ``ValueError`` for an unknown ``group_by``. With ``district``, only that district's cases and
    contact moments count (see the module's docstring for what a record's district is).
    """
    if group_by not in GROUPINGS:
        raise ValueError(f"group_by must be one of {', '.join(GROUPINGS)}, not {group_by!r}")
    start, end = period_bounds(date_from=date_from, date_to=date_to)
    cases = _case_counts(start=start, end=end, group_by=group_by, district=district)
    contacts = _contact_counts(start=start, end=end, group_by=group_by, district=district)
    return ChannelMix(
        date_from=date_from,
        date_to=date_to,
        group_by=group_by,
        district=district,
        cases=_table(cases, channels=CASE_CHANNELS, group_by=group_by),
        contacts=_table(contacts, channels=CONTACT_CHANNELS, group_by=group_by),
    )
