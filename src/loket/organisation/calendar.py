"""Belgian public holidays and working-day arithmetic.

Deadlines in Loket count working days: Monday to Friday, minus the ten legal public
holidays of Belgium. Easter-based holidays are computed, so no year needs a table.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from django.utils.translation import gettext_lazy as _


def easter_sunday(year: int) -> dt.date:
    """Gregorian Easter (the anonymous algorithm of Meeus, Jones and Butcher)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    m = (32 + 2 * e + 2 * i - h - k) % 7
    n = (a + 11 * h + 22 * m) // 451
    month, day = divmod(h + m - 7 * n + 114, 31)
    return dt.date(year, month, day + 1)


@lru_cache(maxsize=256)
def belgian_public_holidays(year: int) -> dict[dt.date, str]:
    """The ten legal public holidays of Belgium in ``year``, with their Dutch names."""
    easter = easter_sunday(year)
    return {
        dt.date(year, 1, 1): str(_("Nieuwjaar")),
        easter + dt.timedelta(days=1): str(_("Paasmaandag")),
        dt.date(year, 5, 1): str(_("Dag van de Arbeid")),
        easter + dt.timedelta(days=39): str(_("Onze-Lieve-Heer-Hemelvaart")),
        easter + dt.timedelta(days=50): str(_("Pinkstermaandag")),
        dt.date(year, 7, 21): str(_("Nationale feestdag")),
        dt.date(year, 8, 15): str(_("Onze-Lieve-Vrouw-Hemelvaart")),
        dt.date(year, 11, 1): str(_("Allerheiligen")),
        dt.date(year, 11, 11): str(_("Wapenstilstand")),
        dt.date(year, 12, 25): str(_("Kerstmis")),
    }


def public_holiday_name(day: dt.date) -> str | None:
    return belgian_public_holidays(day.year).get(day)


def is_working_day(day: dt.date) -> bool:
    return day.weekday() < 5 and day not in belgian_public_holidays(day.year)


def add_working_days(start: dt.date, days: int) -> dt.date:
    """The date ``days`` working days after ``start`` (``start`` itself never counts).

    Zero days gives the first working day on or after ``start``.
    """
    if days < 0:
        raise ValueError("days must not be negative")
    current = start
    if days == 0:
        while not is_working_day(current):
            current += dt.timedelta(days=1)
        return current
    remaining = days
    while remaining:
        current += dt.timedelta(days=1)
        if is_working_day(current):
            remaining -= 1
    return current


def working_days_between(start: dt.date, end: dt.date) -> int:
    """Working days after ``start`` up to and including ``end`` (0 when end <= start)."""
    count = 0
    current = start
    while current < end:
        current += dt.timedelta(days=1)
        if is_working_day(current):
            count += 1
    return count
