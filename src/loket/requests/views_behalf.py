"""A request filed for a citizen by the front office: by phone (contact centre) or at the counter.

The same form as the e-loket (``request_form_class``), prefilled from the citizen's profile; the
staff member says the citizen agreed and may add how long the contact took and a note. Sending
it opens the case (``request_submit`` with channel phone or counter) and registers the contact
moment "aanvraag gestart" linked to the case, in one transaction. No drafts: the caller is on
the line, and a mistake comes back with the errors next to the fields and everything kept.
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from urllib.parse import urlencode

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from loket.accounts import rules
from loket.accounts.models import Role
from loket.cases.models import Case, Channel
from loket.cases.workflows import workflow_for
from loket.citizens.models import Citizen, ContactMoment
from loket.citizens.national import national_number_format, phone_format
from loket.citizens.selectors import citizen_get
from loket.citizens.services import citizen_record_view, contact_moment_register
from loket.requests import selectors
from loket.requests.forms import answers_json, request_form_class
from loket.requests.models import FormDefinition
from loket.requests.services import STAFF_CHANNELS, request_submit

ROUTING_KEYS = ("address", "district", "lat", "lon")
MAX_MINUTES = 8 * 60


class ContactForm(forms.Form):
    """What the staff member adds about the contact itself (prefix ``contact``)."""

    duration = forms.IntegerField(
        label=gettext_lazy("Duur van het contact (minuten)"),
        required=False,
        min_value=0,
        max_value=MAX_MINUTES,
        help_text=gettext_lazy("Leeg laten: de tijd sinds het gesprek geopend werd, als die gekend is."),
    )
    notes = forms.CharField(
        label=gettext_lazy("Notitie bij het contactmoment"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


@transaction.atomic
def request_submit_on_behalf(
    *,
    definition: FormDefinition,
    citizen: Citizen,
    answers: dict[str, Any],
    actor: Any,
    channel: str,
    uploads: dict[str, Any] | None = None,
    duration_seconds: int = 0,
    notes: str = "",
    request: HttpRequest | None = None,
) -> tuple[Case, ContactMoment]:
    """The case and its contact moment, together or not at all."""
    case = request_submit(
        definition=definition, citizen=citizen.user, answers=answers, actor=actor, channel=channel, uploads=uploads
    )
    moment = contact_moment_register(
        citizen=citizen,
        channel=channel,
        outcome=ContactMoment.Outcome.REQUEST_STARTED,
        actor=actor,
        service=definition.service,
        case=case,
        duration_seconds=duration_seconds,
        notes=notes,
        request=request,
    )
    return case, moment


# --- HTTP ----------------------------------------------------------------------------------


def _channel(request: HttpRequest) -> str:
    """``?kanaal=``: phone or counter; otherwise what the staff member's role implies."""
    asked = request.GET.get("kanaal", "")
    if asked in STAFF_CHANNELS:
        return asked
    return Channel.COUNTER if getattr(request.user, "role", None) == Role.CLERK else Channel.PHONE


def _back(request: HttpRequest, citizen: Citizen) -> str:
    """``?terug=``: a local URL to return to; never another site."""
    back = request.GET.get("terug", "")
    if back.startswith("/") and url_has_allowed_host_and_scheme(back, allowed_hosts=None):
        return back
    try:
        return f"{reverse('contactcentre:workspace')}?{urlencode({'burger': citizen.pk})}"
    except NoReverseMatch:
        return reverse("accounts:start")


def _started(request: HttpRequest) -> dt.datetime | None:
    """``?gestart=``: when the call was opened (epoch seconds), to count its duration."""
    raw = request.GET.get("gestart", "")
    if not raw.isdigit():
        return None
    started = dt.datetime.fromtimestamp(int(raw), tz=dt.UTC)
    return started if started <= timezone.now() else None


def _duration_seconds(minutes: int | None, started: dt.datetime | None) -> int:
    if minutes is not None:
        return minutes * 60
    if started is None:
        return 0
    return max(0, min(int((timezone.now() - started).total_seconds()), MAX_MINUTES * 60))


def _initial(definition: FormDefinition, citizen: Citizen) -> dict[str, Any]:
    """Prefill what the profile knows: national number, phone, e-mail, and the citizen's own
    address where the form asks for it ("Uw adres"; an address of an event or a terrace is not theirs)."""
    address = ""
    if citizen.street:
        address = f"{citizen.street} {citizen.number}".strip() + (
            f", {citizen.postcode} Antwerpen" if citizen.postcode else ""
        )
    known = {
        "national_number": national_number_format(citizen.national_number) if citizen.national_number else "",
        "phone": phone_format(citizen.phone),
        "email": citizen.user.email,
    }
    initial: dict[str, Any] = {}
    for spec in definition.fields:
        if spec["type"] in known and known[spec["type"]]:
            initial[spec["name"]] = known[spec["type"]]
        elif spec["type"] == "address" and address and str(spec["label"]).lower().startswith("uw "):
            initial[spec["name"]] = address
    return initial


def _form(definition: FormDefinition, citizen: Citizen, data: Any = None, files: Any = None) -> forms.Form:
    form = request_form_class(definition)(data, files, initial=_initial(definition, citizen))
    form.fields["consent"].label = _("De burger gaat akkoord: %(consent)s") % {"consent": definition.consent_text}
    form.fields["consent"].error_messages["required"] = _("Vraag de burger om akkoord en vink het aan.")
    return form


def _add_submit_errors(form: forms.Form, definition: FormDefinition, exc: ValidationError) -> None:
    address = next((f["name"] for f in definition.fields if f["type"] == "address"), None)
    if not hasattr(exc, "error_dict"):
        form.add_error(None, exc.messages)
        return
    for key, errors in exc.message_dict.items():
        if key in form.fields:
            form.add_error(key, errors)
        elif key in ROUTING_KEYS and address:
            form.add_error(address, errors)
        else:
            form.add_error(None, errors)


@rules.allow(rules.FRONT_OFFICE)
def apply_on_behalf(request: HttpRequest, service_slug: str, citizen_id: int) -> HttpResponse:
    definition = selectors.definition_for_service(slug=service_slug)
    if definition is None:
        raise Http404(_("Deze dienst heeft geen online formulier."))
    citizen = citizen_get(citizen_id=citizen_id)
    channel, back, started = _channel(request), _back(request, citizen), _started(request)
    if request.method != "POST":
        citizen_record_view(citizen=citizen, actor=request.user, request=request, fields=("on_behalf",))
        return _page(
            request, definition, citizen, _form(definition, citizen), ContactForm(prefix="contact"), channel, back
        )
    form = _form(definition, citizen, request.POST, request.FILES)
    contact = ContactForm(request.POST, prefix="contact")
    if form.is_valid() and contact.is_valid():
        uploads = {
            doc["name"]: request.FILES[f"doc_{doc['name']}"]
            for doc in definition.documents
            if f"doc_{doc['name']}" in request.FILES
        }
        try:
            case, _moment = request_submit_on_behalf(
                definition=definition,
                citizen=citizen,
                answers=answers_json(form.cleaned_data, definition),
                actor=request.user,
                channel=channel,
                uploads=uploads,
                duration_seconds=_duration_seconds(contact.cleaned_data["duration"], started),
                notes=contact.cleaned_data["notes"],
                request=request,
            )
        except ValidationError as exc:
            _add_submit_errors(form, definition, exc)
        else:
            url = reverse("requests:on-behalf-confirmed", kwargs={"reference": case.reference})
            return redirect(f"{url}?{urlencode({'terug': back})}")
    return _page(request, definition, citizen, form, contact, channel, back)


def _page(
    request: HttpRequest,
    definition: FormDefinition,
    citizen: Citizen,
    form: forms.Form,
    contact: forms.Form,
    channel: str,
    back: str,
) -> HttpResponse:
    documents = [(form[f"doc_{doc['name']}"], None, bool(doc.get("required"))) for doc in definition.documents]
    errors = form.is_bound and (form.errors or contact.errors)
    return render(
        request,
        "requests/behalf.html",
        {
            "definition": definition,
            "service": definition.service,
            "citizen": citizen,
            "form": form,
            "contact_form": contact,
            "answer_fields": [form[spec["name"]] for spec in definition.fields],
            "document_fields": documents,
            "channel_label": Channel(channel).label,
            "back": back,
        },
        status=400 if errors else 200,
    )


@rules.allow(rules.FRONT_OFFICE)
def on_behalf_confirmed(request: HttpRequest, reference: str) -> HttpResponse:
    """The reference to read out to the caller, and the way back to the workspace."""
    case = (
        Case.objects.select_related("service", "team")
        .filter(reference=reference, kind="request", channel__in=STAFF_CHANNELS)
        .first()
    )
    if case is None:
        raise Http404
    back = request.GET.get("terug", "")
    if not (back.startswith("/") and url_has_allowed_host_and_scheme(back, allowed_hosts=None)):
        back = reverse("accounts:start")
    return render(
        request,
        "requests/behalf_confirmed.html",
        {"case": case, "status": workflow_for("request").label(case.status), "back": back},
    )
