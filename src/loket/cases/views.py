"""Back-office pages: the work queue and the case page. Views only translate HTTP.

Every page and action looks the case up through ``selectors.case_get_for_user`` (404 outside the
user's scope); every write is a POST that redirects (post/redirect/get) with a Dutch message.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, cast
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_POST

from loket.accounts import rules
from loket.accounts.models import Role, User
from loket.audit.models import AuditEntry
from loket.audit.services import audit_record
from loket.cases import backoffice, hooks, selectors, services
from loket.cases.forms import DecisionForm, InformationRequestForm, NoteForm, TransitionForm, WorkQueueFilterForm
from loket.cases.messages import cases_with_new_reply
from loket.cases.models import Case, CaseEvent
from loket.cases.workflows import IllegalTransition, workflow_for
from loket.organisation.models import Team


def _filter_form(request: HttpRequest, data: dict[str, str]) -> WorkQueueFilterForm:
    data = dict(data)
    # A back-office user starts on their own team's queue; "alle teams" is an explicit choice.
    if "team" not in data and request.user.role == Role.BACKOFFICE and request.user.team_id:  # type: ignore[union-attr]
        data["team"] = request.user.team.slug  # type: ignore[union-attr]
    return WorkQueueFilterForm(data)


def _options(choices: Iterable[tuple[Any, Any]], selected: str = "") -> str:
    """<option> tags in one pass: a queue page has a few hundred, too many for widget templates."""
    return format_html_join(
        "",
        '<option value="{}"{}>{}</option>',
        ((value, mark_safe(" selected") if str(value) == selected else "", label) for value, label in choices),
    )


def _filter_selects(form: WorkQueueFilterForm, filters: backoffice.WorkQueueFilters) -> list[dict[str, Any]]:
    return [
        {
            "name": name,
            "label": field.label,
            "options": _options(field.choices, getattr(filters, name)),  # type: ignore[attr-defined]
            "errors": form.errors.get(name, []),
        }
        for name, field in form.fields.items()
    ]


def _page_number(value: str | None) -> int:
    return int(value) if value and value.isdigit() and 0 < int(value) < 100_000 else 1


def _queue_url(filters: backoffice.WorkQueueFilters, page: int = 1) -> str:
    query = {**filters.as_query(), **({"page": str(page)} if page > 1 else {})}
    if "team" not in query:
        query["team"] = ""  # keep "alle teams" explicit so the default team does not come back
    return f"{reverse('cases:work-queue')}?{urlencode(query)}"


def _message_for(exc: ValidationError) -> str:
    return " ".join(exc.messages)


@rules.allow(rules.CASE_WORKERS)
@require_GET
def work_queue(request: HttpRequest) -> HttpResponse:
    form = _filter_form(request, request.GET.dict())
    filters = form.filters()
    page = backoffice.work_queue_page(user=request.user, filters=filters, page=_page_number(request.GET.get("page")))
    replied = cases_with_new_reply(case_ids=[case.pk for case in page.cases])
    for case in page.cases:
        case.status_label = workflow_for(case.kind).label(case.status)  # type: ignore[attr-defined]
        case.reply_received = case.pk in replied  # type: ignore[attr-defined]
    context = {
        "form": form,
        "page": page,
        "filters_query": urlencode({**filters.as_query(), "team": filters.team}),
        "previous_url": _queue_url(filters, page.number - 1) if page.has_previous else "",
        "next_url": _queue_url(filters, page.number + 1) if page.has_next else "",
        "selects": _filter_selects(form, filters),
        "colleague_options": _options(
            (p.pk, p.get_full_name() or p.username) for p in backoffice.assignable_users(user=request.user)
        ),
        "team_options": _options(Team.objects.order_by("name").values_list("slug", "name")),
        "hidden_filters": [(name, getattr(filters, name)) for name in backoffice.WorkQueueFilters.__dataclass_fields__],
    }
    return render(request, "cases/work_queue.html", context)


@rules.allow(rules.CASE_WORKERS)
@require_POST
def work_queue_bulk(request: HttpRequest) -> HttpResponse:
    posted = {k[2:]: str(v) for k, v in request.POST.items() if k.startswith("f_") and k != "f_page"}
    filters = _filter_form(request, posted).filters()
    back = _queue_url(filters, _page_number(request.POST.get("f_page")))
    references = request.POST.getlist("case")
    action = request.POST.get("action")
    assignee = None
    team = None
    if action == "claim":
        assignee = request.user
    elif action == "assign":
        try:
            assignee, team = _assignee_from(request), _team_from(request)
        except Http404 as exc:
            messages.error(request, str(exc))
            return HttpResponseRedirect(back)
    else:
        messages.error(request, _("Kies 'Neem zelf' of 'Wijs toe'."))
        return HttpResponseRedirect(back)
    try:
        done = backoffice.cases_bulk_assign(actor=request.user, references=references, assignee=assignee, team=team)
    except ValidationError as exc:
        messages.error(request, _message_for(exc))
    else:
        messages.success(
            request,
            ngettext("%(count)s zaak toegewezen.", "%(count)s zaken toegewezen.", len(done)) % {"count": len(done)},
        )
    return HttpResponseRedirect(back)


def _detail_url(case: Case) -> str:
    return reverse("cases:case-detail", kwargs={"reference": case.reference})


@rules.allow(rules.CASE_WORKERS)
@require_GET
def case_detail(request: HttpRequest, reference: str) -> HttpResponse:
    case = selectors.case_get_for_user(user=request.user, reference=reference)
    services.case_record_view(case=case, actor=request.user, request=request)
    handler = selectors.case_handled_by(user=request.user, case=case)  # else: the asking district follows it
    workflow = workflow_for(case.kind)
    next_statuses = [(s, workflow.label(s)) for s in workflow.allowed_next(case.status)] if handler else []
    closing = backoffice.closing_paths(case=case) if handler else []
    events = list(selectors.case_history(case=case, public_only=not handler))
    context = {
        "case": case,
        "handler": handler,
        "workflow": workflow,
        "status_label": workflow.label(case.status),
        "is_closed": workflow.is_closed(case.status),
        "is_paused": case.paused_since is not None,
        "events": [(e, workflow.label(e.from_status), workflow.label(e.to_status)) for e in events],
        "citizen_messages": [e for e in reversed(events) if e.kind == CaseEvent.Kind.MESSAGE],
        "reply_received": bool(cases_with_new_reply(case_ids=[case.pk])),
        "transition_form": TransitionForm(choices=next_statuses) if next_statuses else None,
        "note_form": NoteForm(),
        "info_form": InformationRequestForm() if handler and backoffice.pausing_target(case=case) else None,
        "decision_form": DecisionForm(choices=[(s, workflow.label(s)) for s in closing]) if closing else None,
        "colleagues": backoffice.assignable_users(user=request.user, case=case) if handler else [],
        "teams": Team.objects.order_by("name") if handler else [],
        "attachments": case.attachments.order_by("uploaded_at", "id") if handler else [],
        "sections": hooks.case_sections(case=case, user=request.user),
    }
    return render(request, "cases/case_detail.html", context)


def _case_for_post(request: HttpRequest, reference: str) -> Case:
    return selectors.case_get_for_handler(user=request.user, reference=reference)


@rules.allow(rules.CASE_WORKERS)
@require_POST
def case_change_status(request: HttpRequest, reference: str) -> HttpResponse:
    case = _case_for_post(request, reference)
    form = TransitionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Kies een nieuwe status."))
        return HttpResponseRedirect(_detail_url(case))
    data = form.cleaned_data
    try:
        services.case_transition(
            case=case, to_status=data["status"], actor=request.user, text=data["text"], public=data["public"]
        )
    except IllegalTransition as exc:
        messages.error(request, str(exc))
    else:
        label = workflow_for(case.kind).label(data["status"])
        messages.success(request, _("De status is nu '%(status)s'.") % {"status": label})
    return HttpResponseRedirect(_detail_url(case))


@rules.allow(rules.CASE_WORKERS)
@require_POST
def case_note(request: HttpRequest, reference: str) -> HttpResponse:
    case = _case_for_post(request, reference)
    form = NoteForm(request.POST)
    if form.is_valid():
        services.case_add_note(case=case, actor=request.user, **form.cleaned_data)
        messages.success(request, _("Notitie toegevoegd."))
    else:
        messages.error(request, _("Een notitie mag niet leeg zijn."))
    return HttpResponseRedirect(_detail_url(case))


@rules.allow(rules.CASE_WORKERS)
@require_POST
def case_assign(request: HttpRequest, reference: str) -> HttpResponse:
    case = _case_for_post(request, reference)
    try:
        backoffice.cases_bulk_assign(
            actor=request.user,
            references=[case.reference],
            assignee=_assignee_from(request),
            team=_team_from(request),
        )
    except (ValidationError, Http404) as exc:
        messages.error(request, _message_for(exc) if isinstance(exc, ValidationError) else str(exc))
    else:
        messages.success(request, _("De zaak is toegewezen."))
    return HttpResponseRedirect(_detail_url(case))


def _assignee_from(request: HttpRequest) -> User | None:
    if request.POST.get("action") == "claim":
        return request.user  # type: ignore[return-value]
    value = request.POST.get("assignee", "")
    if not value:
        return None
    found = User.objects.filter(pk=value).first() if value.isdigit() else None
    if found is None:
        raise Http404(_("Onbekende medewerker."))
    return found


def _team_from(request: HttpRequest) -> Team | None:
    if request.POST.get("action") == "claim" or not request.POST.get("team"):
        return None
    found = Team.objects.filter(slug=request.POST["team"]).first()
    if found is None:
        raise Http404(_("Onbekend team."))
    return found


@rules.allow(rules.CASE_WORKERS)
@require_POST
def case_request_information(request: HttpRequest, reference: str) -> HttpResponse:
    case = _case_for_post(request, reference)
    form = InformationRequestForm(request.POST)
    try:
        backoffice.case_request_information(case=case, message=form.data.get("message", ""), actor=request.user)
    except (ValidationError, IllegalTransition) as exc:
        messages.error(request, _message_for(exc) if isinstance(exc, ValidationError) else str(exc))
    else:
        messages.success(request, _("De vraag is verstuurd; de termijn staat stil tot de burger antwoordt."))
    return HttpResponseRedirect(_detail_url(case))


@rules.allow(rules.CASE_WORKERS)
@require_POST
def case_decide(request: HttpRequest, reference: str) -> HttpResponse:
    case = _case_for_post(request, reference)
    try:
        backoffice.case_decide_and_close(
            case=case,
            decision=request.POST.get("decision", ""),
            closing_status=request.POST.get("closing_status", ""),
            actor=request.user,
        )
    except (ValidationError, IllegalTransition) as exc:
        messages.error(request, _message_for(exc) if isinstance(exc, ValidationError) else str(exc))
    else:
        messages.success(request, _("De beslissing is vastgelegd en de zaak is afgesloten."))
    return HttpResponseRedirect(_detail_url(case))


@rules.allow(rules.CASE_WORKERS)
@require_GET
def attachment_download(request: HttpRequest, reference: str, attachment_id: int) -> HttpResponse:
    """An attachment, only for whoever may see its case; never a public media URL."""
    case = selectors.case_get_for_user(user=request.user, reference=reference)
    attachment = get_object_or_404(case.attachments, pk=attachment_id)
    audit_record(
        actor=request.user,
        action=AuditEntry.Action.VIEW,
        obj=case,
        fields=["attachments"],
        district_id=case.district_id,
        request=request,
    )
    response = FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.original_name,
        content_type=attachment.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return cast(HttpResponse, response)  # a streaming response; ``rules.allow`` is typed for HttpResponse
