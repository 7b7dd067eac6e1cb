"""Signed links to one appointment: manage (cancel, reschedule), calendar file and check-in.

The token is the appointment's id signed with the project's secret (``django.core.signing``,
salt ``loket.counters.appointment``): whoever has the link may see and change that one
appointment without logging in, and a changed character makes the signature fail.
"""

from __future__ import annotations

from django.conf import settings
from django.core import signing
from django.urls import NoReverseMatch, reverse

from loket.counters.models import Appointment

SALT = "loket.counters.appointment"
DEFAULT_BASE_URL = "http://127.0.0.1:8000"


def appointment_token(appointment: Appointment) -> str:
    """A URL-safe signed token for the appointment: always the same one, it does not expire."""
    return signing.Signer(salt=SALT).sign_object(appointment.pk)


def appointment_from_token(token: str) -> Appointment:
    """The appointment a token names; ``signing.BadSignature`` when it was tampered with,
    ``Appointment.DoesNotExist`` when the appointment is gone."""
    pk = signing.Signer(salt=SALT).unsign_object(token)
    if not isinstance(pk, int):
        raise signing.BadSignature("not an appointment token")
    return Appointment.objects.select_related("location", "service", "desk").get(pk=pk)


def base_url_default() -> str:
    return str(getattr(settings, "LOKET_BASE_URL", DEFAULT_BASE_URL)).rstrip("/")


def _absolute(path: str, base_url: str | None) -> str:
    return (base_url.rstrip("/") if base_url else base_url_default()) + path


def appointment_manage_path(appointment: Appointment) -> str:
    return reverse("counters:appointment-manage", kwargs={"token": appointment_token(appointment)})


def appointment_manage_url(appointment: Appointment, *, base_url: str | None = None) -> str:
    """Absolute link to the page where the citizen sees, cancels or reschedules the appointment."""
    return _absolute(appointment_manage_path(appointment), base_url)


def appointment_ics_url(appointment: Appointment, *, base_url: str | None = None) -> str:
    path = reverse("counters:appointment-ics", kwargs={"token": appointment_token(appointment)})
    return _absolute(path, base_url)


def appointment_check_in_path(appointment: Appointment) -> str:
    token = appointment_token(appointment)
    try:
        return reverse("counters:check-in", kwargs={"token": token})
    except NoReverseMatch:  # the queue's pages are not mounted: the contract's path
        return f"/loket/aanmelden/{token}/"


def appointment_check_in_url(appointment: Appointment, *, base_url: str | None = None) -> str:
    """Absolute check-in link; the QR code on the confirmation encodes it."""
    return _absolute(appointment_check_in_path(appointment), base_url)
