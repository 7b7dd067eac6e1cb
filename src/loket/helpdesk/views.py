"""The districts' side of the helpdesk: their questions, asking one, replying, published answers.

Views only translate HTTP: scoping is in ``selectors`` (a district sees its own questions only;
another district's reference answers 404), every write in ``services``. Writes are POSTs that
redirect with a Dutch message; a form with errors comes back with everything typed kept.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from loket.accounts import rules
from loket.cases.models import Case
from loket.cases.workflows import workflow_for
from loket.helpdesk import selectors, services
from loket.helpdesk.forms import AskForm, ReplyForm
from loket.helpdesk.workflow import CLOSED

RECENT_ANSWERS = 5


def form_errors_from(form: Any, exc: ValidationError) -> None:
    """Put a service's ValidationError next to the form's fields (unknown fields: on the form)."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


def with_clock(cases: Any) -> list[Case]:
    """Cases with their status label and clock facts for the templates, evaluated once."""
    now = timezone.now()
    rows = list(cases)
    for case in rows:
        sla = selectors.question_sla(case)
        case.status_label = workflow_for(case.kind).label(case.status)  # type: ignore[attr-defined]
        case.topic_label = sla.get_topic_display()  # type: ignore[attr-defined]
        case.next_due_at = sla.next_due()  # type: ignore[attr-defined]
        case.is_breached = sla.response_breached(now) or sla.answer_breached(now)  # type: ignore[attr-defined]
        case.is_warned = (  # type: ignore[attr-defined]
            not case.is_breached  # type: ignore[attr-defined]
            and sla.paused_since is None
            and sla.closed_at is None
            and (
                (sla.first_response_at is None and sla.response_warn_at <= now)
                or (sla.answered_at is None and sla.answer_warn_at <= now)
            )
        )
    return rows


def _question_url(case: Case) -> str:
    return reverse("helpdesk:question", kwargs={"reference": case.reference})


@rules.allow(rules.DISTRICT_ASKERS)
@require_GET
def district_home(request: HttpRequest) -> HttpResponse:
    questions = with_clock(selectors.question_list_for_district(user=request.user)[:100])
    context = {
        "district": request.user.district,  # type: ignore[union-attr]
        "questions": questions,
        "answers": selectors.published_answers(user=request.user, limit=RECENT_ANSWERS),
    }
    return render(request, "helpdesk/district_home.html", context)


@rules.allow(rules.DISTRICT_ASKERS)
@require_http_methods(["GET", "POST"])
def ask(request: HttpRequest) -> HttpResponse:
    form = AskForm(request.POST, request.FILES) if request.method == "POST" else AskForm()
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            case = services.question_ask(
                actor=request.user,
                title=data["title"],
                text=data["text"],
                topic=data["topic"],
                uploads=data["attachments"],
            )
        except ValidationError as exc:
            form_errors_from(form, exc)
        else:
            messages.success(
                request,
                _("Je vraag %(reference)s is verstuurd naar de helpdesk.") % {"reference": case.reference},
            )
            return HttpResponseRedirect(_question_url(case))
    return render(request, "helpdesk/ask.html", {"form": form}, status=400 if form.errors else 200)


def _question_page(request: HttpRequest, case: Case, reply_form: ReplyForm, status: int = 200) -> HttpResponse:
    [case] = with_clock([case])
    workflow = workflow_for(case.kind)
    events = selectors.question_conversation(case=case, public_only=True)
    context = {
        "case": case,
        "sla": selectors.question_sla(case),
        "events": [(event, workflow.label(event.to_status)) for event in events],
        "attachments": case.attachments.order_by("uploaded_at", "id"),
        "reply_form": reply_form if case.status != CLOSED else None,
        "article": selectors.question_article(case=case),
    }
    return render(request, "helpdesk/question.html", context, status=status)


@rules.allow(rules.DISTRICT_ASKERS)
@require_GET
def question(request: HttpRequest, reference: str) -> HttpResponse:
    case = selectors.question_get(user=request.user, reference=reference)
    return _question_page(request, case, ReplyForm())


@rules.allow(rules.DISTRICT_ASKERS)
@require_POST
def question_reply(request: HttpRequest, reference: str) -> HttpResponse:
    case = selectors.question_get(user=request.user, reference=reference)
    form = ReplyForm(request.POST, request.FILES)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.question_asker_reply(
                case=case, actor=request.user, text=data["text"], reopen=data["reopen"], uploads=data["attachments"]
            )
        except ValidationError as exc:
            form_errors_from(form, exc)
        else:
            messages.success(request, _("Je antwoord is verstuurd naar de helpdesk."))
            return HttpResponseRedirect(_question_url(case))
    case.refresh_from_db()
    return _question_page(request, case, form, status=400)


@rules.allow(rules.HELPDESK_USERS)
@require_GET
def answers(request: HttpRequest) -> HttpResponse:
    q = request.GET.get("q", "")[:200]
    context = {"q": q, "answers": selectors.published_answers(user=request.user, q=q)}
    return render(request, "helpdesk/answers.html", context)
