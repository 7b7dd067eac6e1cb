"""Booking pages: the citizen's flow, booking on a caller's behalf, the signed manage pages.

Steps are plain GET forms (service and persons → location → day → time) so the flow works
without JavaScript; htmx only swaps the times of a day in. Choosing a time holds the slot
(citizens) while the details are filled in; agents and clerks book in one step.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.contrib import messages
from django.core import signing
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from loket.accounts import rules
from loket.accounts.models import Role
from loket.catalogue.models import Service
from loket.citizens.models import Citizen
from loket.citizens.national import phone_format
from loket.counters import booking, links
from loket.counters.booking import Slot
from loket.counters.forms import CancelForm, DetailsForm, LocationForm, ServiceForm, TimeForm, day_label
from loket.counters.messages import appointment_ics, appointment_qr_svg
from loket.counters.models import Appointment, AppointmentChannel, CounterSettings
from loket.organisation.models import Location

DEFAULT_HORIZON_DAYS = 60
DAYS_PER_PAGE = 10
CALLER_SESSION_KEY = "counters_book_for_citizen"
SLOT_TAKEN = gettext_lazy("Dit tijdstip is intussen door iemand anders genomen. Kies een ander tijdstip.")


def _horizon(location: Location) -> int:
    try:
        return location.counter_settings.horizon_days
    except CounterSettings.DoesNotExist:
        return DEFAULT_HORIZON_DAYS


@dataclass(frozen=True)
class Choice:
    """What the slots depend on: where, what, through which channel, for how many."""

    location: Location
    service: Service
    channel: str
    persons: int = 1


def _days(choice: Choice) -> OrderedDict[date, list[Slot]]:
    """The free slots from today to the horizon, per local day."""
    today = timezone.localdate()
    slots = booking.availability(
        location=choice.location,
        service=choice.service,
        start_date=today,
        end_date=today + timedelta(days=_horizon(choice.location)),
        channel=choice.channel,
        persons=choice.persons,
    )
    days: OrderedDict[date, list[Slot]] = OrderedDict()
    for slot in slots:
        if slot.remaining > 0:
            days.setdefault(timezone.localtime(slot.start).date(), []).append(slot)
    return days


def _parse_day(request: HttpRequest, name: str) -> date | None:
    value = request.GET.get(name) or ""
    try:
        return parse_date(value)
    except ValueError:
        return None


def _day_page(days: list[date], *, first: date | None, here: str, query: dict[str, str]) -> dict[str, Any]:
    """DAYS_PER_PAGE days from ``first``, with links to the earlier and later days."""
    start = next((i for i, d in enumerate(days) if first and d >= first), 0)
    start -= start % DAYS_PER_PAGE
    shown = days[start : start + DAYS_PER_PAGE]

    def link(index: int) -> str | None:
        if index < 0 or index >= len(days) or not shown:
            return None
        return f"{here}?{urlencode({**query, 'vanaf': days[index].isoformat()})}"

    return {
        "shown": shown,
        "earlier_url": link(start - DAYS_PER_PAGE) if start else None,
        "later_url": link(start + DAYS_PER_PAGE),
    }


def _day_context(request: HttpRequest, choice: Choice, here: str, query: dict[str, str]) -> dict[str, Any]:
    """The days with free times (a page at a time), the chosen day (``?day=``), a form for its times."""
    days = _days(choice)
    day = _parse_day(request, "day")
    if day not in days:
        day = None
    page = _day_page(list(days), first=day or _parse_day(request, "vanaf"), here=here, query=query)
    return {
        "days": [(d, day_label(d), len(days[d])) for d in page["shown"]],
        "earlier_url": page["earlier_url"],
        "later_url": page["later_url"],
        "day": day,
        "day_label": day_label(day) if day else "",
        "step": "time" if day else "day",
        "time_form": TimeForm(_posted(request), starts=[s.start for s in days.get(day, [])] if day else []),
        "here": here,
        "query": query,
        "action": f"{here}?{urlencode({**query, 'day': day.isoformat() if day else ''})}",
    }


def _times_again(request: HttpRequest, context: dict[str, Any], choice: Choice, *, template: str) -> HttpResponse:
    """The chosen time went: show the day's times again (fresh), keeping what was typed."""
    days = _days(choice)
    day = context["day"]
    page = _day_page(list(days), first=day, here=context["here"], query=context["query"])
    context["days"] = [(d, day_label(d), len(days[d])) for d in page["shown"]]
    context["time_form"] = TimeForm(starts=[s.start for s in days.get(day, [])])
    return render(request, template, context, status=409)


def _posted(request: HttpRequest) -> Any:
    """The POST data when the form was sent (even empty), else None (an unbound form)."""
    return request.POST if request.method == "POST" else None


def _refused(exc: Exception) -> str:
    if isinstance(exc, booking.SlotTaken):
        return str(SLOT_TAKEN)
    return " ".join(getattr(exc, "messages", [str(exc)]))


def _staff_channel(request: HttpRequest) -> str:
    return AppointmentChannel.COUNTER if request.user.role == Role.CLERK else AppointmentChannel.PHONE  # type: ignore[union-attr]


def _flow(request: HttpRequest, *, for_caller: bool) -> HttpResponse:
    here = reverse("counters:book-for" if for_caller else "counters:book")
    template = "counters/booking/book.html"
    context: dict[str, Any] = {"for_caller": for_caller, "here": here, "step": "service"}
    caller = _caller(request) if for_caller else None
    service_form = ServiceForm(request.GET if "service" in request.GET else None)
    context["service_form"] = service_form
    if not service_form.is_valid():
        return render(request, template, context, status=400 if service_form.errors else 200)
    service: Service = service_form.cleaned_data["service"]
    persons: int = service_form.cleaned_data["persons"] or 1
    location_form = LocationForm(request.GET if "location" in request.GET else None, service=service)
    context.update(service=service, persons=persons, location_form=location_form, step="location")
    if not location_form.is_valid():
        return render(request, template, context, status=400 if location_form.errors else 200)
    location: Location = location_form.cleaned_data["location"]
    channel = _staff_channel(request) if for_caller else AppointmentChannel.ONLINE
    choice = Choice(location=location, service=service, channel=channel, persons=persons)
    query = {"service": service.slug, "persons": str(persons), "location": location.slug}
    context.update(_day_context(request, choice, here, query), location=location)
    details = DetailsForm(_posted(request), for_caller=for_caller, initial=_prefill(request, for_caller, caller))
    context["details_form"] = details
    time_form: TimeForm = context["time_form"]
    if request.method == "POST" and context["day"]:
        if time_form.is_valid() and (not for_caller or details.is_valid()):
            start = time_form.cleaned_data["start"]
            try:
                if for_caller:
                    appointment = booking.appointment_book(
                        **_choice_args(choice),
                        start=start,
                        actor=request.user,
                        citizen=caller.user if caller else None,
                        **details.cleaned_data,
                    )
                    request.session.pop(CALLER_SESSION_KEY, None)
                    messages.success(request, _("De afspraak is geboekt."))
                    return redirect("counters:appointment-confirmed", token=links.appointment_token(appointment))
                actor = request.user if request.user.is_authenticated else None
                appointment = booking.appointment_hold(**_choice_args(choice), start=start, actor=actor)
                return redirect("counters:book-details", token=links.appointment_token(appointment))
            except (booking.SlotTaken, booking.BookingRefused) as exc:
                context["refused"] = _refused(exc)
                return _times_again(request, context, choice, template=template)
        if "start" in time_form.errors:
            context["refused"] = time_form.errors["start"][0]
        return render(request, template, context, status=400)
    if request.headers.get("HX-Request") and context["day"]:
        return render(request, "counters/booking/_times.html", context)
    return render(request, template, context)


def _choice_args(choice: Choice) -> dict[str, Any]:
    return {
        "location": choice.location,
        "service": choice.service,
        "channel": choice.channel,
        "persons": choice.persons,
    }


def _caller(request: HttpRequest) -> Citizen | None:
    """The citizen the contact centre chose (``?burger=<citizen id>``), kept in the session through
    the steps so the booking is linked to them (their timeline shows it); a fresh start forgets it."""
    raw = request.GET.get("burger")
    if raw is None and (request.GET or request.method == "POST"):
        raw = str(request.session.get(CALLER_SESSION_KEY) or "")
    citizen = Citizen.objects.select_related("user").filter(pk=int(raw)).first() if raw and raw.isdigit() else None
    if citizen is None:
        request.session.pop(CALLER_SESSION_KEY, None)
        return None
    request.session[CALLER_SESSION_KEY] = citizen.pk
    if "burger" in request.GET:
        messages.info(request, _("U maakt een afspraak voor %(name)s.") % {"name": citizen})
    return citizen


def _prefill(request: HttpRequest, for_caller: bool, caller: Citizen | None = None) -> dict[str, str]:
    user = request.user
    if caller is not None:
        return {"name": str(caller), "email": caller.user.email, "phone": phone_format(caller.phone)}
    if for_caller or not user.is_authenticated:
        return {}
    return {"name": user.get_full_name(), "email": user.email}  # type: ignore[union-attr]


@rules.allow(rules.PUBLIC)
@require_http_methods(["GET", "POST"])
def book(request: HttpRequest) -> HttpResponse:
    return _flow(request, for_caller=False)


@rules.allow(rules.FRONT_OFFICE)
@require_http_methods(["GET", "POST"])
def book_for(request: HttpRequest) -> HttpResponse:
    return _flow(request, for_caller=True)


def _appointment(token: str) -> Appointment:
    try:
        return links.appointment_from_token(token)
    except (signing.BadSignature, Appointment.DoesNotExist) as exc:
        raise Http404(_("Deze link is ongeldig.")) from exc


def _back_to_times(appointment: Appointment) -> str:
    query = {
        "service": appointment.service.slug,
        "persons": str(appointment.persons),
        "location": appointment.location.slug,
        "day": timezone.localtime(appointment.start).date().isoformat(),
    }
    return f"{reverse('counters:book')}?{urlencode(query)}"


@rules.allow(rules.PUBLIC)
@require_http_methods(["GET", "POST"])
def book_details(request: HttpRequest, token: str) -> HttpResponse:
    appointment = _appointment(token)
    if appointment.status != Appointment.Status.HELD:
        return redirect("counters:appointment-manage", token=token)
    if appointment.hold_expires_at and appointment.hold_expires_at <= timezone.now():
        messages.warning(request, _("Uw reservatie van dit tijdstip is verlopen. Kies opnieuw een tijd."))
        return redirect(_back_to_times(appointment))
    form = DetailsForm(_posted(request), initial=_prefill(request, False))
    if request.method == "POST" and form.is_valid():
        user = request.user
        citizen = user if user.is_authenticated and user.role == Role.CITIZEN else None  # type: ignore[union-attr]
        try:
            booking.appointment_confirm(appointment=appointment, citizen=citizen, **form.cleaned_data)
        except (booking.SlotTaken, booking.BookingRefused) as exc:
            if getattr(exc, "code", "") == "one_open_per_service":
                booking.appointment_cancel(appointment=appointment)  # free the held slot for others
                messages.error(request, _refused(exc))
            else:
                messages.error(request, _refused(exc) + " " + _("Kies opnieuw een tijd."))
            return redirect(_back_to_times(appointment))
        return redirect("counters:appointment-confirmed", token=token)
    context = {"appointment": appointment, "form": form, "back": _back_to_times(appointment)}
    return render(request, "counters/booking/details.html", context, status=400 if form.errors else 200)


def _appointment_context(appointment: Appointment, token: str) -> dict[str, Any]:
    return {
        "appointment": appointment,
        "token": token,
        "documents": [line.strip() for line in appointment.service.documents.splitlines() if line.strip()],
        "is_open": appointment.status == Appointment.Status.BOOKED and appointment.start > timezone.now(),
    }


@rules.allow(rules.PUBLIC)
def appointment_confirmed(request: HttpRequest, token: str) -> HttpResponse:
    appointment = _appointment(token)
    if appointment.status == Appointment.Status.HELD:
        return redirect("counters:book-details", token=token)
    context = _appointment_context(appointment, token)
    context["qr_svg"] = appointment_qr_svg(appointment, base_url=request.build_absolute_uri("/"))
    return render(request, "counters/booking/confirmed.html", context)


@rules.allow(rules.PUBLIC)
def appointment_manage(request: HttpRequest, token: str) -> HttpResponse:
    appointment = _appointment(token)
    context = _appointment_context(appointment, token)
    successor = Appointment.objects.filter(rescheduled_from=appointment).exclude(status=Appointment.Status.HELD).last()
    context["successor_token"] = links.appointment_token(successor) if successor else None
    return render(request, "counters/booking/manage.html", context)


@rules.allow(rules.PUBLIC)
@require_http_methods(["GET", "POST"])
def appointment_cancel(request: HttpRequest, token: str) -> HttpResponse:
    appointment = _appointment(token)
    context = _appointment_context(appointment, token)
    if not context["is_open"]:
        return redirect("counters:appointment-manage", token=token)
    form = CancelForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        booking.appointment_cancel(appointment=appointment)
        messages.success(request, _("Uw afspraak is geannuleerd."))
        return redirect("counters:appointment-manage", token=token)
    context["form"] = form
    return render(request, "counters/booking/cancel.html", context, status=400 if form.errors else 200)


@rules.allow(rules.PUBLIC)
@require_http_methods(["GET", "POST"])
def appointment_reschedule(request: HttpRequest, token: str) -> HttpResponse:
    appointment = _appointment(token)
    context = _appointment_context(appointment, token)
    if not context["is_open"]:
        return redirect("counters:appointment-manage", token=token)
    template = "counters/booking/reschedule.html"
    choice = Choice(
        location=appointment.location,
        service=appointment.service,
        channel=appointment.channel,
        persons=appointment.persons,
    )
    here = reverse("counters:appointment-reschedule", kwargs={"token": token})
    context.update(_day_context(request, choice, here, {}))
    form: TimeForm = context["time_form"]
    if request.method == "POST" and context["day"]:
        if form.is_valid():
            try:
                new = booking.appointment_reschedule(appointment=appointment, start=form.cleaned_data["start"])
            except (booking.SlotTaken, booking.BookingRefused) as exc:
                context["refused"] = _refused(exc)
                return _times_again(request, context, choice, template=template)
            messages.success(request, _("Uw afspraak is verplaatst."))
            return redirect("counters:appointment-confirmed", token=links.appointment_token(new))
        context["refused"] = form.errors["start"][0] if "start" in form.errors else ""
        return render(request, template, context, status=400)
    if request.headers.get("HX-Request") and context["day"]:
        return render(request, "counters/booking/_times.html", context)
    return render(request, template, context)


@rules.allow(rules.PUBLIC)
def appointment_ics_download(request: HttpRequest, token: str) -> HttpResponse:
    appointment = _appointment(token)
    if not appointment.reference:
        raise Http404(_("Deze afspraak is nog niet bevestigd."))
    body = appointment_ics(appointment=appointment, base_url=request.build_absolute_uri("/"))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="afspraak-{appointment.reference}.ics"'
    return response
