"""Queue pages: the kiosk, check-in by QR code, the visitor's ticket, the display and the desk.

Kiosk, check-in, ticket and display are public; the desk screen is for counter staff. The
ticket page and the display refresh themselves with htmx (a fragment every few seconds) and,
without JavaScript, with a meta refresh.
"""

from __future__ import annotations

from typing import Any

import segno
from django.contrib import messages
from django.core import signing
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from loket.accounts import rules
from loket.catalogue.models import Service
from loket.counters import estimate, queues
from loket.counters.models import Appointment, Desk, Queue, Ticket
from loket.counters.visit_selectors import visits_open_at_desk
from loket.organisation.models import Location


def _walk_in_services(location: Location) -> list[Service]:
    return list(
        Service.objects.filter(queues__location=location, queues__for_appointments=False, active=True)
        .distinct()
        .order_by("name")
    )


def _ticket_shown(request: HttpRequest, ticket: Ticket, template: str, status: int = 200) -> HttpResponse:
    url = request.build_absolute_uri(reverse("counters:ticket", kwargs={"public_token": ticket.public_token}))
    qr = segno.make(url, error="m").svg_inline(scale=5, title=_("QR-code naar uw volgnummer"))
    return render(request, template, {"ticket": ticket, "ticket_url": url, "qr": qr}, status=status)


@rules.allow(rules.PUBLIC)
@require_http_methods(["GET", "POST"])
def kiosk(request: HttpRequest, location_slug: str) -> HttpResponse:
    location = get_object_or_404(Location, slug=location_slug)
    context: dict[str, Any] = {"location": location, "services": _walk_in_services(location), "error": ""}
    if request.method == "GET":
        return render(request, "counters/queue/kiosk.html", context)
    try:
        if request.POST.get("action") == "check-in":
            appointment = _kiosk_appointment(
                location=location,
                reference=request.POST.get("reference", ""),
                contact=request.POST.get("contact", ""),
            )
            ticket = queues.appointment_check_in(appointment=appointment)
        else:
            service = Service.objects.filter(slug=request.POST.get("service", "")).first()
            if service is None:
                raise queues.QueueRefused(_("Kies een dienst."), code="service_required")
            ticket = queues.ticket_take(location=location, service=service, priority=bool(request.POST.get("priority")))
    except queues.QueueRefused as refused:
        context["error"] = refused.messages[0]
        return render(request, "counters/queue/kiosk.html", context, status=400)
    return _ticket_shown(request, ticket, "counters/queue/kiosk_ticket.html")


def _digits(value: str) -> str:
    return "".join(ch for ch in value if ch.isdigit())


def _kiosk_appointment(*, location: Location, reference: str, contact: str) -> Appointment:
    """A reference alone is guessable (they are numbered): the kiosk also asks the booking's
    e-mail address or phone number, so nobody checks in (and so no-shows) someone else."""
    appointment = Appointment.objects.filter(reference=reference.strip().upper(), location=location).first()
    contact = contact.strip()
    matches = (
        appointment is not None
        and bool(contact)
        and (
            contact.casefold() == appointment.email.casefold()
            or (len(_digits(contact)) >= 6 and _digits(contact)[-9:] == _digits(appointment.phone)[-9:])
        )
    )
    if appointment is None or not matches:
        raise queues.QueueRefused(
            _("Wij vinden hier geen afspraak met die referentie en dat e-mailadres of telefoonnummer."),
            code="not_found",
        )
    return appointment


def _appointment_or_404(token: str) -> Appointment:
    from loket.counters.links import appointment_from_token

    try:
        return appointment_from_token(token)
    except (signing.BadSignature, Appointment.DoesNotExist) as exc:
        raise Http404(_("Deze link is ongeldig.")) from exc


@rules.allow(rules.PUBLIC)
@require_http_methods(["GET", "POST"])
def check_in(request: HttpRequest, token: str) -> HttpResponse:
    """The QR code's target. GET only shows the appointment (mail previews follow links); POST checks in."""
    appointment = _appointment_or_404(token)
    ticket = Ticket.objects.filter(appointment=appointment).first()
    error = ""
    if request.method == "POST":
        try:
            ticket = queues.appointment_check_in(appointment=appointment)
        except queues.QueueRefused as refused:
            error = refused.messages[0]
        else:
            return redirect("counters:ticket", public_token=ticket.public_token)
    context = {"appointment": appointment, "ticket": ticket, "error": error}
    return render(request, "counters/queue/check_in.html", context, status=400 if error else 200)


@rules.allow(rules.PUBLIC)
@require_http_methods(["GET"])
def ticket(request: HttpRequest, public_token: str) -> HttpResponse:
    found = get_object_or_404(
        Ticket.objects.select_related("location", "desk", "service", "queue", "appointment"), public_token=public_token
    )
    now = timezone.now()
    context = {
        "ticket": found,
        "position": estimate.ticket_position(ticket=found, now=now),
        "wait": estimate.ticket_wait_estimate(ticket=found, now=now),
    }
    if request.headers.get("HX-Request"):
        return render(request, "counters/queue/_ticket_status.html", context)
    return render(request, "counters/queue/ticket.html", context)


@rules.allow(rules.PUBLIC)
@require_http_methods(["GET"])
def display(request: HttpRequest, location_slug: str) -> HttpResponse:
    location = get_object_or_404(Location, slug=location_slug)
    called = estimate.display_called(location=location)
    waiting = Ticket.objects.filter(location=location, day=timezone.localdate(), status=Ticket.Status.WAITING).count()
    context = {"location": location, "latest": called[0] if called else None, "called": called[1:], "waiting": waiting}
    if request.headers.get("HX-Request"):
        return render(request, "counters/queue/_display_board.html", context)
    return render(request, "counters/queue/display.html", context)


DESK_ACTIONS = {"recall", "no-show", "start", "finish", "transfer"}


def _desk_action(request: HttpRequest, desk: Desk) -> None:
    action = request.POST.get("action", "")
    user = request.user
    if action == "open":
        queues.desk_open(desk=desk, actor=user)
    elif action == "close":
        queues.desk_close(desk=desk, actor=user)
    elif action == "call-next":
        called = queues.desk_call_next(desk=desk, actor=user)
        if called is None:
            messages.info(request, _("Er wacht niemand voor deze balie."))
        else:
            messages.success(request, _("%(code)s is opgeroepen.") % {"code": called.code})
    elif action in DESK_ACTIONS:
        current = get_object_or_404(Ticket, pk=request.POST.get("ticket") or 0, location_id=desk.location_id)
        if action == "recall":
            queues.ticket_recall(ticket=current, actor=user)
        elif action == "no-show":
            queues.ticket_no_show(ticket=current, actor=user)
        elif action == "start":
            queues.ticket_start(ticket=current, actor=user)
        elif action == "finish":
            queues.ticket_finish(ticket=current, outcome=request.POST.get("outcome", ""), actor=user)
        else:
            target = request.POST.get("target", "")
            kind, _sep, pk = target.partition("-")
            queue = Queue.objects.filter(pk=pk, location_id=desk.location_id).first() if kind == "queue" else None
            to_desk = Desk.objects.filter(pk=pk, location_id=desk.location_id).first() if kind == "desk" else None
            new = queues.ticket_transfer(ticket=current, queue=queue, desk=to_desk, actor=user)
            messages.success(request, _("Doorverwezen: nieuw volgnummer %(code)s.") % {"code": new.code})
    else:
        raise queues.QueueRefused(_("Onbekende actie."), code="unknown_action")


@rules.allow(rules.COUNTER_STAFF)
@require_http_methods(["GET", "POST"])
def desk(request: HttpRequest, desk_id: int) -> HttpResponse:
    found = get_object_or_404(Desk.objects.select_related("location", "clerk"), pk=desk_id)
    if request.method == "POST":
        try:
            _desk_action(request, found)
        except queues.QueueRefused as refused:
            messages.error(request, refused.messages[0])
        return redirect("counters:desk", desk_id=found.pk)
    now = timezone.now()
    context = {
        "desk": found,
        "current": Ticket.objects.filter(
            desk=found, day=timezone.localdate(now), status__in=[Ticket.Status.CALLED, Ticket.Status.SERVING]
        ).select_related("service", "appointment", "visit"),
        "open_visits": visits_open_at_desk(desk=found, now=now),
        "waiting": estimate.waiting_for_desk(desk=found, now=now).select_related("service", "appointment")[:50],
        "queues": Queue.objects.filter(location_id=found.location_id),
        "desks": Desk.objects.filter(location_id=found.location_id).exclude(pk=found.pk),
    }
    return render(request, "counters/queue/desk.html", context)
