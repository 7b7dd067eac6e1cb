"""The Belgian national register number (rijksregisternummer) and Belgian phone numbers.

A national number is 11 digits ``YYMMDDSSSCC``, shown as ``YY.MM.DD-SSS.CC``. The check
digits are ``97 - (YYMMDDSSS mod 97)``; for people born in 2000 or later the nine digits are
prefixed with ``2`` first, so the check digits also tell the century. Month or day may be
``00`` when unknown. BIS numbers (people not in the national register) add 20 (sex unknown)
or 40 (sex known) to the month. The serial ``SSS`` is odd for men and even for women.
"""

from __future__ import annotations

import datetime as dt
import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

SEPARATORS = re.compile(r"[\s.\-/]")


def _digits(value: str) -> str:
    return SEPARATORS.sub("", value or "")


def _century(digits: str) -> int | None:
    """1900 or 2000 as the check digits say, or None when neither matches."""
    body, check = int(digits[:9]), int(digits[9:])
    if 97 - (body % 97) == check:
        return 1900
    if 97 - (int("2" + digits[:9]) % 97) == check:
        return 2000
    return None


def national_number_validate(value: str) -> str:
    """The 11 digits of a national number typed in any format (dots, dashes, spaces).

    Raises ``ValidationError`` with a Dutch message for a wrong length, characters other than
    digits and separators, an impossible month or day, or check digits that match neither century.
    """
    digits = _digits(value)
    if not digits.isdigit():
        raise ValidationError(_("Een rijksregisternummer bestaat enkel uit cijfers."), code="not_digits")
    if len(digits) != 11:
        raise ValidationError(
            _("Een rijksregisternummer heeft 11 cijfers (u gaf er %(count)s).") % {"count": len(digits)},
            code="length",
        )
    month, day = int(digits[2:4]) % 20, int(digits[4:6])
    if int(digits[2:4]) > 52 or month > 12 or day > 31:
        raise ValidationError(_("De geboortedatum in dit rijksregisternummer bestaat niet."), code="date")
    century = _century(digits)
    if century is None:
        raise ValidationError(_("De controlecijfers van dit rijksregisternummer kloppen niet."), code="checksum")
    if month and day:
        try:
            dt.date(century + int(digits[:2]), month, day)
        except ValueError:
            raise ValidationError(_("De geboortedatum in dit rijksregisternummer bestaat niet."), code="date") from None
    return digits


def national_number_format(digits: str) -> str:
    """``YY.MM.DD-SSS.CC`` for 11 digits (anything else is returned unchanged)."""
    raw = _digits(digits)
    if len(raw) != 11 or not raw.isdigit():
        return digits
    return f"{raw[:2]}.{raw[2:4]}.{raw[4:6]}-{raw[6:9]}.{raw[9:]}"


def national_number_is_bis(digits: str) -> bool:
    return int(_digits(digits)[2:4]) >= 20


def national_number_birth_date(digits: str) -> dt.date | None:
    """The birth date in a valid number, or None when month or day is unknown (``00``)."""
    raw = national_number_validate(digits)
    month, day = int(raw[2:4]) % 20, int(raw[4:6])
    century = _century(raw)
    if not month or not day or century is None:
        return None
    return dt.date(century + int(raw[:2]), month, day)


def national_number_sex(digits: str) -> str:
    """``"M"`` for an odd serial, ``"F"`` for an even one."""
    return "M" if int(_digits(digits)[6:9]) % 2 else "F"


def national_number_make(*, year: int, month: int, day: int, serial: int, bis: int = 0) -> str:
    """Build a valid number (demo data, tests): ``bis`` is 0, 20 or 40 added to the month."""
    body = f"{year % 100:02d}{month + bis:02d}{day:02d}{serial:03d}"
    base = int(("2" if year >= 2000 else "") + body)
    return f"{body}{97 - base % 97:02d}"


# --- Phone numbers --------------------------------------------------------------------------

PHONE_CHARS = re.compile(r"[\s.\-/()]")


def phone_normalise(value: str) -> str:
    """A phone number as ``+<country><number>`` digits: ``03 123 45 67`` → ``+3231234567``.

    Belgian numbers may be typed nationally (``03 …``, ``0470 …``), with ``+32`` or ``0032``, with
    or without a ``(0)``. Other countries need their ``+`` or ``00`` prefix. Returns "" for a
    value that is not a phone number.
    """
    text = (value or "").strip().replace("(0)", "")
    text = PHONE_CHARS.sub("", text)
    if text.startswith("00"):
        text = "+" + text[2:]
    if text.startswith("+"):
        digits = text[1:]
        if not digits.isdigit() or not 8 <= len(digits) <= 15:
            return ""
        if digits.startswith("320"):
            digits = "32" + digits[3:]
        return "+" + digits
    if text.isdigit() and text.startswith("0") and len(text) in (9, 10):
        return "+32" + text[1:]
    return ""


def phone_validate(value: str) -> str:
    """The normalised number, "" for an empty value; a Dutch ``ValidationError`` otherwise."""
    if not (value or "").strip():
        return ""
    normalised = phone_normalise(value)
    if not normalised:
        raise ValidationError(
            _("Geef een geldig telefoonnummer, bv. 03 123 45 67, 0470 12 34 56 of +32 3 123 45 67."), code="phone"
        )
    return normalised


def phone_format(normalised: str) -> str:
    """A Belgian number in the national way (``03 123 45 67``, ``0470 12 34 56``); others as stored."""
    if not normalised.startswith("+32"):
        return normalised
    national = "0" + normalised[3:]
    if len(national) == 10:
        return f"{national[:4]} {national[4:6]} {national[6:8]} {national[8:]}"
    if len(national) == 9:
        if national[1] in "2349":
            return f"{national[:2]} {national[2:5]} {national[5:7]} {national[7:]}"
        return f"{national[:3]} {national[3:5]} {national[5:7]} {national[7:]}"
    return national
