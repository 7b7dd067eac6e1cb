"""Consultation pages: meetings, the agenda with proposals, minutes, action points, downloads."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from loket.accounts import rules
from loket.consultations import documents, selectors, services
from loket.consultations.forms import (
    ActionForm,
    CompleteForm,
    MeetingForm,
    ProposalForm,
    RescheduleForm,
)
from loket.consultations.models import ActionPoint, AgendaItem, ItemDocument, Meeting


def _message_for(exc: ValidationError) -> str:
    return " ".join(exc.messages)


@rules.allow(rules.HELPDESK_USERS)
def meeting_list(request: HttpRequest) -> HttpResponse:
    meetings = selectors.meetings_visible_to(user=request.user).prefetch_related("districts")
    context = {
        "coming": selectors.meetings_coming(user=request.user),
        "past": meetings.exclude(pk__in=selectors.meetings_coming(user=request.user).values("pk")).order_by(
            "-starts_at"
        )[:25],
        "organiser": selectors.is_organiser(request.user),
        "actions": selectors.actions_open_for(user=request.user)[:50],
        "today": timezone.localdate(),
    }
    return render(request, "consultations/meeting_list.html", context)


@rules.allow(rules.HELPDESK_STAFF)
def meeting_new(request: HttpRequest) -> HttpResponse:
    form = MeetingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            meeting = services.meeting_plan(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            _form_errors(form, exc)
        else:
            messages.success(request, _("Het overleg is gepland; de uitnodigingen worden verstuurd."))
            return redirect("consultations:meeting-detail", meeting_id=meeting.pk)
    return render(request, "consultations/meeting_form.html", {"form": form})


def _form_errors(form: Any, exc: ValidationError) -> None:
    if not hasattr(exc, "error_dict"):
        form.add_error(None, exc.messages)
        return
    for field, errors in exc.message_dict.items():
        form.add_error(field if field in form.fields else None, errors)


@rules.allow(rules.HELPDESK_USERS)
def meeting_detail(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting = selectors.meeting_get(user=request.user, meeting_id=meeting_id)
    return render(request, "consultations/meeting_detail.html", _detail_context(request, meeting))


def _detail_context(request: HttpRequest, meeting: Meeting, **forms: Any) -> dict[str, Any]:
    return {
        "meeting": meeting,
        "agenda": selectors.agenda(meeting=meeting),
        "proposals": selectors.proposals_visible(meeting=meeting, user=request.user),
        "carried": selectors.actions_carried(meeting=meeting),
        "new_actions": list(meeting.actions.select_related("owner_district")),
        "organiser": selectors.is_organiser(request.user),
        "proposal_form": forms.get("proposal_form") or ProposalForm(),
        "action_form": forms.get("action_form") or ActionForm(meeting=meeting),
        "reschedule_form": RescheduleForm(
            initial={"starts_at": meeting.starts_at, "ends_at": meeting.ends_at, "place": meeting.place}
        ),
    }


@rules.allow(rules.HELPDESK_USERS)
@require_POST
def item_propose(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting = selectors.meeting_get(user=request.user, meeting_id=meeting_id)
    form = ProposalForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.item_propose(meeting=meeting, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            _form_errors(form, exc)
        else:
            messages.success(request, _("Je voorstel staat klaar; de helpdesk beslist of het op de agenda komt."))
            return redirect("consultations:meeting-detail", meeting_id=meeting.pk)
    context = _detail_context(request, meeting, proposal_form=form)
    return render(request, "consultations/meeting_detail.html", context, status=400)


def _item_for(request: HttpRequest, item_id: int) -> AgendaItem:
    item = AgendaItem.objects.select_related("meeting").filter(pk=item_id).first()
    if item is None:
        raise Http404
    selectors.meeting_get(user=request.user, meeting_id=item.meeting_id)
    return item


ITEM_ACTIONS: dict[str, Callable[[AgendaItem, HttpRequest], Any]] = {
    "aanvaarden": lambda item, request: services.item_accept(item=item, actor=request.user),
    "weigeren": lambda item, request: services.item_refuse(
        item=item, actor=request.user, reason=request.POST.get("reason", "")
    ),
    "omhoog": lambda item, request: services.agenda_move(item=item, up=True, actor=request.user),
    "omlaag": lambda item, request: services.agenda_move(item=item, up=False, actor=request.user),
    "verslag": lambda item, request: services.item_record(
        item=item,
        actor=request.user,
        minutes=request.POST.get("minutes", ""),
        decision=request.POST.get("decision", ""),
    ),
    "document": lambda item, request: services.item_add_document(
        item=item, upload=request.FILES.get("document"), actor=request.user
    ),
}


@rules.allow(rules.HELPDESK_USERS)
@require_POST
def item_action(request: HttpRequest, item_id: int, action: str) -> HttpResponse:
    """Accept, refuse, move, record minutes of, or add a document to one agenda item."""
    item = _item_for(request, item_id)
    if action not in ITEM_ACTIONS:
        raise Http404
    try:
        if action == "document" and not request.FILES.get("document"):
            raise ValidationError(_("Kies een document."))
        ITEM_ACTIONS[action](item, request)
        messages.success(request, _("Opgeslagen."))
    except ValidationError as exc:
        messages.error(request, _message_for(exc))
    return redirect(f"{_meeting_url(item.meeting_id)}#punt-{item.pk}")


def _meeting_url(meeting_id: int) -> str:
    from django.urls import reverse

    return reverse("consultations:meeting-detail", args=[meeting_id])


@rules.allow(rules.HELPDESK_STAFF)
@require_POST
def action_add(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting = selectors.meeting_get(user=request.user, meeting_id=meeting_id)
    form = ActionForm(request.POST, meeting=meeting)
    if form.is_valid():
        try:
            services.action_add(meeting=meeting, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            _form_errors(form, exc)
        else:
            messages.success(request, _("Actiepunt toegevoegd."))
            return redirect(f"{_meeting_url(meeting.pk)}#acties")
    context = _detail_context(request, meeting, action_form=form)
    return render(request, "consultations/meeting_detail.html", context, status=400)


@rules.allow(rules.HELPDESK_STAFF)
@require_POST
def action_complete(request: HttpRequest, action_id: int) -> HttpResponse:
    action = ActionPoint.objects.filter(pk=action_id).first()
    if action is None:
        raise Http404
    meeting = selectors.meeting_get(user=request.user, meeting_id=int(request.POST.get("meeting") or action.meeting_id))
    form = CompleteForm(request.POST)
    try:
        note = form.cleaned_data["note"] if form.is_valid() else ""
        services.action_complete(action=action, actor=request.user, note=note, meeting=meeting)
        messages.success(request, _("Actiepunt afgerond."))
    except ValidationError as exc:
        messages.error(request, _message_for(exc))
    return redirect(f"{_meeting_url(meeting.pk)}#acties")


@rules.allow(rules.HELPDESK_STAFF)
@require_POST
def meeting_change(request: HttpRequest, meeting_id: int) -> HttpResponse:
    """Reschedule (``action=verplaatsen``), mark held or cancel a meeting."""
    meeting = selectors.meeting_get(user=request.user, meeting_id=meeting_id)
    try:
        if request.POST.get("action") == "verplaatsen":
            form = RescheduleForm(request.POST)
            if not form.is_valid():
                raise ValidationError(_("Geef een geldig begin en einde."))
            services.meeting_reschedule(meeting=meeting, actor=request.user, **form.cleaned_data)
        else:
            services.meeting_set_status(meeting=meeting, status=request.POST.get("status", ""), actor=request.user)
        messages.success(request, _("Het overleg is bijgewerkt."))
    except ValidationError as exc:
        messages.error(request, _message_for(exc))
    return redirect("consultations:meeting-detail", meeting_id=meeting.pk)


DOWNLOADS: dict[str, tuple[Callable[[Meeting], bytes], str, str]] = {
    "agenda.pdf": (documents.agenda_pdf, "application/pdf", "agenda"),
    "verslag.pdf": (documents.minutes_pdf, "application/pdf", "verslag"),
    "uitnodiging.ics": (documents.meeting_ics, "text/calendar; charset=utf-8", "uitnodiging"),
}


@rules.allow(rules.HELPDESK_USERS)
def meeting_download(request: HttpRequest, meeting_id: int, name: str) -> HttpResponse:
    meeting = selectors.meeting_get(user=request.user, meeting_id=meeting_id)
    if name not in DOWNLOADS:
        raise Http404
    render_document, content_type, stem = DOWNLOADS[name]
    response = HttpResponse(render_document(meeting), content_type=content_type)
    extension = name.rsplit(".", 1)[1]
    response["Content-Disposition"] = f'attachment; filename="{stem}-{meeting.starts_at:%Y-%m-%d}.{extension}"'
    return response


@rules.allow(rules.HELPDESK_USERS)
def document_download(request: HttpRequest, document_id: int) -> HttpResponse:
    document = ItemDocument.objects.select_related("item").filter(pk=document_id).first()
    if document is None:
        raise Http404
    selectors.meeting_get(user=request.user, meeting_id=document.item.meeting_id)
    if document.item.status != AgendaItem.Status.ACCEPTED and not (
        selectors.is_organiser(request.user) or document.item.district_id == getattr(request.user, "district_id", None)
    ):
        raise PermissionDenied
    response = FileResponse(
        document.file.open("rb"),
        as_attachment=True,
        filename=document.original_name,
        content_type=document.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return cast(HttpResponse, response)  # a streaming response; ``rules.allow`` is typed for HttpResponse
