"""The contact-centre workspace: find the caller, see everything they did, answer, record, act.

One screen (``workspace``) holds the search, the selected citizen's profile and timeline, the
knowledge panel and the contact-moment form; its forms post to small views that re-render the
screen with the errors next to the fields (status 400) or redirect back to it. Hand-over and
callback have a page each. Every view is for the front office (rule FRONT_OFFICE).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from loket.accounts import rules
from loket.accounts.models import Role
from loket.cases.models import InternalTask
from loket.citizens.models import Citizen
from loket.citizens.national import national_number_birth_date, national_number_format, phone_format
from loket.citizens.selectors import citizen_get, citizen_search, citizen_timeline
from loket.citizens.services import citizen_create, citizen_record_view, contact_moment_register
from loket.contactcentre import calls, selectors, services
from loket.contactcentre.forms import (
    CallbackForm,
    CitizenCreateForm,
    ContactMomentForm,
    HandoverForm,
    StartRequestForm,
    minutes_to_seconds,
)

MIN_QUERY = 2
MAX_QUERY = 100
SEARCH_LIMIT = 15
TIMELINE_LIMIT = 100
KINDS = {
    "contact": gettext_lazy("contactmoment"),
    "case": gettext_lazy("zaak"),
    "appointment": gettext_lazy("afspraak"),
}
CHANNELS = {
    "phone": gettext_lazy("telefoon"),
    "counter": gettext_lazy("loket"),
    "email": gettext_lazy("e-mail"),
    "online": gettext_lazy("e-loket"),
    "chat": gettext_lazy("chat"),
    "api": gettext_lazy("API"),
    "internal": gettext_lazy("intern"),
}


def _url(name: str, **kwargs: Any) -> str:
    """A URL of another app's page, or "" while that page does not exist (yet)."""
    try:
        return reverse(name, kwargs=kwargs or None)
    except NoReverseMatch:
        return ""


def workspace_url(citizen: Citizen | None = None) -> str:
    url = reverse("contactcentre:workspace")
    return f"{url}?{urlencode({'burger': citizen.pk})}" if citizen is not None else url


def _citizen_from(value: str | None) -> Citizen | None:
    """The citizen of a ``burger`` parameter; None when absent, 404 when unknown or not a number."""
    if not value:
        return None
    if not value.isdigit():
        raise Http404(_("Onbekende burger."))
    return citizen_get(citizen_id=int(value))


def _errors_to_form(form: Form, exc: ValidationError, *, rename: dict[str, str] | None = None) -> None:
    """A service's ValidationError, each message next to its field (unknown fields on top)."""
    if not hasattr(exc, "error_dict"):
        form.add_error(None, exc.messages)
        return
    for key, errors in exc.message_dict.items():
        name = (rename or {}).get(key, key)
        form.add_error(name if name in form.fields else None, errors)


def _search(request: HttpRequest, q: str) -> list[Citizen]:
    """Citizens matching ``q``; each one listed is a view of personal data (audited)."""
    if len(q) < MIN_QUERY:
        return []
    found = citizen_search(q=q, actor=request.user, limit=SEARCH_LIMIT)
    for citizen in found:
        citizen_record_view(citizen=citizen, actor=request.user, request=request, fields=("search",))
    return found


def _result_rows(found: list[Citizen]) -> list[dict[str, Any]]:
    rows = []
    for citizen in found:
        try:
            born = national_number_birth_date(citizen.national_number) if citizen.national_number else None
        except ValidationError:  # stored numbers are valid; an old row must not break the search
            born = None
        rows.append({"citizen": citizen, "born": born, "phone": phone_format(citizen.phone)})
    return rows


def _profile(request: HttpRequest, citizen: Citizen) -> dict[str, Any]:
    """What the workspace shows of the selected citizen (one audited view of profile and timeline)."""
    citizen_record_view(citizen=citizen, actor=request.user, request=request, fields=("profile", "timeline"))
    timeline = citizen_timeline(citizen=citizen, limit=TIMELINE_LIMIT)
    tasks = selectors.citizen_open_tasks(citizen=citizen)
    return {
        "citizen": citizen,
        "national_number": national_number_format(citizen.national_number) if citizen.national_number else "",
        "phone": phone_format(citizen.phone),
        "timeline": [
            (item, KINDS.get(item.kind, item.kind), CHANNELS.get(item.channel, item.channel)) for item in timeline
        ],
        "timeline_capped": len(timeline) >= TIMELINE_LIMIT,
        "open_tasks": [(task, _url("cases:task-detail", task_id=task.pk)) for task in tasks],
    }


def _render(
    request: HttpRequest,
    *,
    citizen: Citizen | None,
    contact_form: ContactMomentForm | None = None,
    create_form: CitizenCreateForm | None = None,
    start_form: StartRequestForm | None = None,
    status: int = 200,
) -> HttpResponse:
    call = calls.call_open(request, citizen_id=citizen.pk if citizen else None)
    q = (request.GET.get("q") or "").strip()[:MAX_QUERY]
    found = _search(request, q)
    show_create = create_form is not None or request.GET.get("nieuw") == "1"
    context: dict[str, Any] = {
        "q": q,
        "q_too_short": 0 < len(q) < MIN_QUERY,
        "results": _result_rows(found),
        "call": call,
        "contact_form": contact_form or ContactMomentForm(),
        "create_form": create_form or (CitizenCreateForm(initial=_name_guess(q)) if show_create else None),
        "start_form": start_form or StartRequestForm(),
        "services": selectors.service_choices(),
        "knowledge_url": _url("catalogue:knowledge-search"),
        "callback_list_url": _url("cases:callback-list"),
        "book_url": _url("counters:book-for"),
    }
    if citizen is not None:
        context.update(_profile(request, citizen))
    return render(request, "contactcentre/workspace.html", context, status=status)


def _name_guess(q: str) -> dict[str, str]:
    """Prefill a new citizen's names from a name search that found nobody ("Jan Peeters")."""
    parts = q.split()
    if len(parts) < 2 or any(ch.isdigit() or ch == "@" for ch in q):
        return {}
    return {"first_name": parts[0], "last_name": " ".join(parts[1:])}


@rules.allow(rules.FRONT_OFFICE)
@require_GET
def workspace(request: HttpRequest) -> HttpResponse:
    return _render(request, citizen=_citizen_from(request.GET.get("burger")))


@rules.allow(rules.FRONT_OFFICE)
@require_GET
def search(request: HttpRequest) -> HttpResponse:
    """The results as the agent types (htmx); without htmx, the workspace with the results."""
    if not request.headers.get("HX-Request"):
        return redirect(f"{reverse('contactcentre:workspace')}?{urlencode({'q': request.GET.get('q', '')})}")
    q = (request.GET.get("q") or "").strip()[:MAX_QUERY]
    context = {"q": q, "q_too_short": 0 < len(q) < MIN_QUERY, "results": _result_rows(_search(request, q))}
    return render(request, "contactcentre/_results.html", context)


@rules.allow(rules.FRONT_OFFICE)
@require_POST
def call_new(request: HttpRequest) -> HttpResponse:
    """A new call comes in: the clock starts now and no citizen is selected."""
    calls.call_restart(request)
    return redirect("contactcentre:workspace")


@rules.allow(rules.FRONT_OFFICE)
@require_POST
def citizen_new(request: HttpRequest) -> HttpResponse:
    form = CitizenCreateForm(request.POST)
    if form.is_valid():
        try:
            citizen = citizen_create(actor=request.user, request=request, **form.cleaned_data)
        except ValidationError as exc:
            _errors_to_form(form, exc)
        else:
            messages.success(request, _("%(name)s is geregistreerd.") % {"name": citizen})
            return redirect(workspace_url(citizen))
    return _render(request, citizen=None, create_form=form, status=400)


@rules.allow(rules.FRONT_OFFICE)
@require_POST
def contact_register(request: HttpRequest) -> HttpResponse:
    citizen = _citizen_from(request.POST.get("burger"))
    form = ContactMomentForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            contact_moment_register(
                citizen=citizen,
                channel=data["channel"],
                outcome=data["outcome"],
                topic=data["topic"],
                service=data["service"],
                duration_seconds=minutes_to_seconds(data["duration"], elapsed=calls.call_elapsed(request)),
                notes=data["notes"],
                actor=request.user,
                request=request,
            )
        except ValidationError as exc:
            _errors_to_form(form, exc, rename={"duration_seconds": "duration"})
        else:
            calls.call_close(request)
            messages.success(request, _("Het contactmoment is geregistreerd."))
            return redirect(workspace_url(citizen))
    return _render(request, citizen=citizen, contact_form=form, status=400)


def _request_channel(user: Any) -> str:
    return "counter" if getattr(user, "role", None) == Role.CLERK else "phone"


@rules.allow(rules.FRONT_OFFICE)
@require_GET
def start_request(request: HttpRequest) -> HttpResponse:
    """Go to the on-behalf form of the chosen service, coming back here when it is sent."""
    citizen = _citizen_from(request.GET.get("burger"))
    if citizen is None:
        raise Http404(_("Kies eerst een burger."))
    form = StartRequestForm(request.GET)
    if not form.is_valid():
        return _render(request, citizen=citizen, start_form=form, status=400)
    call = calls.call_open(request, citizen_id=citizen.pk)
    url = reverse(
        "requests:apply-on-behalf", kwargs={"service_slug": form.cleaned_data["service"].slug, "citizen_id": citizen.pk}
    )
    query = {
        "kanaal": _request_channel(request.user),
        "terug": workspace_url(citizen),
        "gestart": int(call.started.timestamp()),
    }
    return redirect(f"{url}?{urlencode(query)}")


def _task_page(
    request: HttpRequest, *, form_class: type[HandoverForm] | type[CallbackForm], template: str, register: Any
) -> HttpResponse:
    """The shared shape of the hand-over and callback pages."""
    source = request.POST if request.method == "POST" else request.GET
    citizen = _citizen_from(source.get("burger"))
    cases = selectors.citizen_cases(citizen=citizen) if citizen is not None else []
    initial: dict[str, Any] = {
        "due_at": timezone.localtime(selectors.handover_due_default()),
        "service": source.get("dienst"),
    }
    if citizen is not None and citizen.phone:
        initial["phone"] = phone_format(citizen.phone)
    if request.method == "POST":
        form = form_class(request.POST, cases=cases)
        if form.is_valid():
            data = dict(form.cleaned_data)
            data["duration_seconds"] = minutes_to_seconds(data.pop("duration"), elapsed=calls.call_elapsed(request))
            try:
                task, _moment = register(citizen=citizen, actor=request.user, request=request, **data)
            except ValidationError as exc:
                _errors_to_form(form, exc, rename={"duration_seconds": "duration", "description": "description"})
            else:
                calls.call_close(request)
                messages.success(request, _task_done_message(task))
                return redirect(workspace_url(citizen))
    else:
        form = form_class(initial=initial, cases=cases)
    call = calls.call_open(request, citizen_id=citizen.pk if citizen else None)
    if citizen is not None:
        citizen_record_view(citizen=citizen, actor=request.user, request=request, fields=("handover",))
    context = {
        "form": form,
        "citizen": citizen,
        "call": call,
        "back": workspace_url(citizen),
        "default_team": _default_team_text(form, citizen),
    }
    return render(request, template, context, status=400 if form.is_bound and form.errors else 200)


def _default_team_text(form: Form, citizen: Citizen | None) -> str:
    service = selectors.service_by_slug(slug=str(form["service"].value() or ""))
    team = selectors.handover_team_default(service=service, citizen=citizen)
    return team.name if team is not None else ""


def _task_done_message(task: InternalTask) -> str:
    due = timezone.localtime(task.due_at).strftime("%d/%m/%Y %H:%M")
    if task.kind == InternalTask.Kind.CALLBACK:
        return _("Terugbelverzoek genoteerd voor %(team)s, uiterlijk %(due)s.") % {"team": task.team.name, "due": due}
    return _("Doorgegeven aan %(team)s, uiterlijk %(due)s.") % {"team": task.team.name, "due": due}


@rules.allow(rules.FRONT_OFFICE)
@require_http_methods(["GET", "POST"])
def handover(request: HttpRequest) -> HttpResponse:
    return _task_page(
        request, form_class=HandoverForm, template="contactcentre/handover.html", register=services.handover_register
    )


@rules.allow(rules.FRONT_OFFICE)
@require_http_methods(["GET", "POST"])
def callback(request: HttpRequest) -> HttpResponse:
    return _task_page(
        request, form_class=CallbackForm, template="contactcentre/callback.html", register=services.callback_register
    )
