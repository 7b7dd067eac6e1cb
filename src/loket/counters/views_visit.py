"""The visit pages at the desk: identify the visitor, register the visit, close a request at the
desk, start one on the citizen's behalf and escalate to the central specialists.

Counter staff only (``COUNTER_STAFF``). Every page that shows a citizen's personal data, and
every search result listed, writes a ``view`` line to the audit trail.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from loket.accounts import rules
from loket.cases.models import InternalTask
from loket.cases.selectors import case_visible_to
from loket.catalogue.models import Service
from loket.citizens.models import Citizen
from loket.citizens.selectors import citizen_get, citizen_search, citizen_timeline
from loket.citizens.services import citizen_create, citizen_record_view
from loket.counters import visit_selectors as read
from loket.counters import visits
from loket.counters.forms_visit import CaseCloseForm, CitizenCreateForm, EscalationForm, VisitRegisterForm
from loket.counters.models import CounterVisit, Desk

MIN_SEARCH = 2
SEARCH_LIMIT = 15
TIMELINE_ITEMS = 5


def _desk(desk_id: int) -> Desk:
    return get_object_or_404(Desk.objects.select_related("location"), pk=desk_id)


def _visit_url(visit: CounterVisit) -> str:
    return reverse("counters:visit-detail", kwargs={"visit_id": visit.pk})


def _start_query(request: HttpRequest) -> dict[str, str]:
    """What the identification page carries from step to step: ticket, appointment, visit."""
    source = request.POST if request.method == "POST" else request.GET
    return {key: source[key] for key in ("volgnummer", "afspraak", "bezoek") if source.get(key)}


def _citizen_chosen(request: HttpRequest, *, desk: Desk, citizen: Citizen, query: dict[str, str]) -> CounterVisit:
    """Open the visit for the chosen citizen, or set the citizen of the visit being corrected."""
    if query.get("bezoek"):
        visit = get_object_or_404(CounterVisit, pk=query["bezoek"] if query["bezoek"].isdigit() else 0, desk=desk)
        return visits.visit_citizen_set(visit=visit, citizen=citizen, actor=request.user, request=request)
    ticket = read.desk_ticket(desk=desk, ticket_id=query.get("volgnummer"))
    appointment = read.desk_appointment(desk=desk, reference=query.get("afspraak", ""))
    if query.get("volgnummer") and ticket is None:
        raise ValidationError({"ticket": [_("Dit volgnummer bestaat niet op deze locatie.")]})
    if query.get("afspraak") and appointment is None:
        raise ValidationError({"appointment": [_("Geen afspraak met deze referentie op deze locatie.")]})
    return visits.visit_open(
        desk=desk, actor=request.user, citizen=citizen, ticket=ticket, appointment=appointment, request=request
    )


def _search(request: HttpRequest, q: str) -> list[Citizen]:
    if len(q.strip()) < MIN_SEARCH:
        return []
    found = citizen_search(q=q, actor=request.user, limit=SEARCH_LIMIT)
    for citizen in found:
        citizen_record_view(citizen=citizen, actor=request.user, request=request, fields=("search",))
    return found


def _start_context(request: HttpRequest, desk: Desk, query: dict[str, str]) -> dict[str, Any]:
    ticket = read.desk_ticket(desk=desk, ticket_id=query.get("volgnummer"))
    appointment = read.desk_appointment(desk=desk, reference=query.get("afspraak", ""))
    if appointment is None and ticket is not None and ticket.appointment_id:
        appointment = ticket.appointment
    suggested = visits.appointment_citizen(appointment)
    if suggested is not None:
        citizen_record_view(citizen=suggested, actor=request.user, request=request, fields=("appointment",))
    q = (request.GET.get("q") or "").strip()
    if not q and appointment is not None and suggested is None:
        q = appointment.email or appointment.phone  # the booking's contact, to look the citizen up with
    return {
        "desk": desk,
        "ticket": ticket,
        "appointment": appointment,
        "suggested": suggested,
        "query": query,
        "q": q,
        "results": _search(request, q),
        "searched": len(q) >= MIN_SEARCH,
        "min_search": MIN_SEARCH,
        "create_form": CitizenCreateForm(),
        "errors": [],
    }


@rules.allow(rules.COUNTER_STAFF)
@require_http_methods(["GET", "POST"])
def visit_start(request: HttpRequest, desk_id: int) -> HttpResponse:
    """Identify the visitor: search as you type, take the appointment's citizen, or register a new one."""
    desk = _desk(desk_id)
    query = _start_query(request)
    context = _start_context(request, desk, query)
    if request.method == "GET":
        if request.headers.get("HX-Request"):
            return render(request, "counters/visit/_citizen_results.html", context)
        return render(request, "counters/visit/start.html", context)
    try:
        # A new citizen and their visit together: a refused visit leaves no citizen behind.
        with transaction.atomic():
            if request.POST.get("action") == "create":
                form = CitizenCreateForm(request.POST)
                context["create_form"] = form
                if not form.is_valid():
                    return render(request, "counters/visit/start.html", context, status=400)
                citizen = citizen_create(actor=request.user, request=request, **form.cleaned_data)
            else:
                raw = request.POST.get("citizen", "")
                if not raw.isdigit():
                    raise ValidationError({"citizen": [_("Kies een burger.")]})
                citizen = citizen_get(citizen_id=int(raw))
            visit = _citizen_chosen(request, desk=desk, citizen=citizen, query=query)
    except ValidationError as error:
        if request.POST.get("action") == "create":
            context["create_form"].add_service_errors(error)
        else:
            context["errors"] = error.messages
        return render(request, "counters/visit/start.html", context, status=400)
    return redirect(_visit_url(visit))


@rules.allow(rules.COUNTER_STAFF)
@require_POST
def visit_start_without_citizen(request: HttpRequest, desk_id: int) -> HttpResponse:
    """A visitor who is not identified (e.g. a general question): the visit without a citizen."""
    desk = _desk(desk_id)
    query = _start_query(request)
    ticket = read.desk_ticket(desk=desk, ticket_id=query.get("volgnummer"))
    try:
        visit = visits.visit_open(desk=desk, actor=request.user, ticket=ticket, request=request)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("counters:desk", desk_id=desk.pk)
    return redirect(_visit_url(visit))


def _apply_on_behalf_url(*, service: Service, citizen: Citizen, back: str) -> str:
    """The contact centre's on-behalf request form (empty while that page does not exist)."""
    try:
        url = reverse("requests:apply-on-behalf", kwargs={"service_slug": service.slug, "citizen_id": citizen.pk})
    except NoReverseMatch:
        return ""
    return f"{url}?{urlencode({'kanaal': 'counter', 'terug': back})}"


def _on_behalf_available() -> bool:
    try:
        reverse("requests:apply-on-behalf", kwargs={"service_slug": "x", "citizen_id": 1})
    except NoReverseMatch:
        return False
    return True


def _register_form(visit: CounterVisit, data: Any = None) -> VisitRegisterForm:
    initial_services = [s.slug for s in read.visit_services_default(visit=visit)]
    return VisitRegisterForm(
        data,
        desk_services=read.desk_services(visit=visit),
        with_duration=visit.ticket_id is None,
        initial={"services": initial_services},
    )


def _detail_context(request: HttpRequest, visit: CounterVisit, **extra: Any) -> dict[str, Any]:
    citizen = visit.citizen
    context: dict[str, Any] = {
        "visit": visit,
        "desk": visit.desk,
        "citizen": citizen,
        "register_form": None if visit.is_registered else _register_form(visit),
        "registered_services": list(visit.services.all()) if visit.is_registered else [],
        "registered_minutes": round(visit.contact_moment.duration_seconds / 60) if visit.contact_moment else 0,
        "escalations": list(visit.escalations.select_related("team", "case").order_by("created_at")),
        "closed_cases": list(visit.closed_cases.order_by("reference")),
        "open_requests": [],
        "close_forms": {},
        "request_services": [],
        "can_start_request": False,
        "timeline": [],
    }
    if citizen is not None:
        citizen_record_view(citizen=citizen, actor=request.user, request=request, fields=("counter_visit",))
        context["open_requests"] = read.citizen_open_requests(user=request.user, citizen=citizen)
        context["timeline"] = citizen_timeline(citizen=citizen, limit=TIMELINE_ITEMS)
        context["request_services"] = list(read.request_services())
        context["can_start_request"] = bool(context["request_services"]) and _on_behalf_available()
    context.update(extra)
    return context


@rules.allow(rules.COUNTER_STAFF)
@require_http_methods(["GET", "POST"])
def visit_detail(request: HttpRequest, visit_id: int) -> HttpResponse:
    """The visit: the citizen, their open requests, starting a request, escalating; POST registers it."""
    visit = read.visit_get(visit_id=visit_id)
    if request.method == "GET":
        return render(request, "counters/visit/detail.html", _detail_context(request, visit))
    form = _register_form(visit, request.POST)
    if form.is_valid():
        try:
            visits.visit_register(
                visit=visit,
                services=form.chosen_services(),
                outcome=form.cleaned_data["outcome"],
                notes=form.cleaned_data["notes"],
                duration_minutes=form.cleaned_data.get("duration_minutes"),
                actor=request.user,
                request=request,
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, _("Het bezoek is geregistreerd."))
            return redirect(_visit_url(visit))
    context = _detail_context(request, visit, register_form=form)
    return render(request, "counters/visit/detail.html", context, status=400)


@rules.allow(rules.COUNTER_STAFF)
@require_POST
def visit_case_close(request: HttpRequest, visit_id: int) -> HttpResponse:
    """ "Afhandelen aan de balie": the request is closed with the decision as a public event."""
    visit = read.visit_get(visit_id=visit_id)
    form = CaseCloseForm(request.POST)
    if form.is_valid():
        case = case_visible_to(user=request.user).filter(reference=form.cleaned_data["reference"]).first()
        if case is None:
            raise Http404(_("Geen zaak met deze referentie."))
        try:
            visits.visit_case_close(
                visit=visit, case=case, decision=form.cleaned_data["decision"], actor=request.user, request=request
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, _("Aanvraag %(reference)s is afgehandeld.") % {"reference": case.reference})
            return redirect(_visit_url(visit))
    context = _detail_context(request, visit, close_error_form=form)
    return render(request, "counters/visit/detail.html", context, status=400)


@rules.allow(rules.COUNTER_STAFF)
@require_http_methods(["GET"])
def visit_request_start(request: HttpRequest, visit_id: int) -> HttpResponse:
    """Start a request on the citizen's behalf: to the on-behalf form, back to this visit afterwards."""
    visit = read.visit_get(visit_id=visit_id)
    service = read.request_services().filter(slug=request.GET.get("dienst", "")).first()
    if visit.citizen is None or service is None:
        messages.error(request, _("Kies een dienst met een online formulier."))
        return redirect(_visit_url(visit))
    url = _apply_on_behalf_url(service=service, citizen=visit.citizen, back=_visit_url(visit))
    if not url:
        raise Http404(_("Aanvragen namens een burger is hier nog niet mogelijk."))
    return redirect(url)


def _escalate_context(request: HttpRequest, visit: CounterVisit, form: EscalationForm) -> dict[str, Any]:
    return {"visit": visit, "desk": visit.desk, "citizen": visit.citizen, "form": form}


@rules.allow(rules.COUNTER_STAFF)
@require_http_methods(["GET", "POST"])
def visit_escalate(request: HttpRequest, visit_id: int) -> HttpResponse:
    """Escalate to the central specialists: what the problem is, the case, the due time."""
    visit = read.visit_get(visit_id=visit_id)
    cases = read.citizen_cases(user=request.user, citizen=visit.citizen) if visit.citizen else []
    form = EscalationForm(
        request.POST if request.method == "POST" else None,
        cases=cases,
        due_default=read.escalation_due_default(),
        initial={"case": request.GET.get("zaak", "")},
    )
    if visit.citizen is not None:
        citizen_record_view(citizen=visit.citizen, actor=request.user, request=request, fields=("counter_visit",))
    if request.method == "GET" or not form.is_valid():
        status = 400 if request.method == "POST" else 200
        return render(request, "counters/visit/escalate.html", _escalate_context(request, visit, form), status=status)
    chosen = {case.reference: case for case in cases}.get(form.cleaned_data["case"])
    try:
        task: InternalTask = visits.visit_escalate(
            visit=visit,
            description=form.cleaned_data["description"],
            case=chosen,
            service=form.cleaned_data["service"],
            due_at=form.cleaned_data["due_at"],
            actor=request.user,
            request=request,
        )
    except ValidationError as error:
        form.add_service_errors(error)
        return render(request, "counters/visit/escalate.html", _escalate_context(request, visit, form), status=400)
    messages.success(
        request,
        _("Geëscaleerd naar %(team)s: taak %(id)s, uiterlijk af op %(due)s.")
        % {"team": task.team.name, "id": task.pk, "due": _local(task.due_at)},
    )
    return redirect(_visit_url(visit) + "#escalaties")


def _local(moment: Any) -> str:
    return timezone.localtime(moment).strftime("%d/%m/%Y %H:%M")
