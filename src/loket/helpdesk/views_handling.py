"""The helpdesk's side: the queue with due times and breaches, and the handling page of a question
(assign, answer, ask back, close, "publiceer in kennisbank").

Views only translate HTTP; every write is a POST to ``services`` that redirects back with a
Dutch message, or shows the page again (400) with the form's errors and input kept.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from loket.accounts import rules
from loket.accounts.models import User
from loket.cases.models import Case
from loket.cases.workflows import IllegalTransition, workflow_for
from loket.helpdesk import selectors, services
from loket.helpdesk.forms import AnswerForm, AskBackForm, CloseForm, PublishForm, QueueFilterForm
from loket.helpdesk.views import form_errors_from, with_clock
from loket.helpdesk.workflow import ANSWERED, CLOSED, WAITING
from loket.organisation.models import District

PAGE_SIZE = 25
BREACHED = {"over": True, "binnen": False}


def _district_choices() -> list[tuple[str, str]]:
    return list(District.objects.order_by("name").values_list("slug", "name"))


@rules.allow(rules.HELPDESK_STAFF)
@require_GET
def queue(request: HttpRequest) -> HttpResponse:
    form = QueueFilterForm(request.GET, districts=_district_choices())
    data = form.cleaned_data if form.is_valid() else {}
    filters = selectors.QuestionFilters(
        status=data.get("status") or "open",
        topic=data.get("onderwerp") or "",
        district=data.get("district") or "",
        assignee=data.get("behandelaar") or "",
        breached=BREACHED.get(data.get("termijn") or ""),
    )
    paginator = Paginator(selectors.question_list(user=request.user, filters=filters), PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    query = urlencode({k: v for k, v in request.GET.items() if k != "page" and v})
    context = {
        "form": form,
        "page": page,
        "questions": with_clock(page.object_list),
        "query": query,
    }
    return render(request, "helpdesk/queue.html", context, status=400 if form.errors else 200)


def _handle_url(case: Case) -> str:
    return reverse("helpdesk:handle", kwargs={"reference": case.reference})


def _publish_initial(case: Case, answer_text: str) -> dict[str, Any]:
    return {"title": case.title, "question": case.description, "answer": answer_text}


def _handle_page(request: HttpRequest, case: Case, status: int = 200, **forms: Any) -> HttpResponse:
    [case] = with_clock([case])
    workflow = workflow_for(case.kind)
    article = selectors.question_article(case=case)
    is_open = case.status != CLOSED
    answer_text = services.question_answer_text(case=case)
    can_publish = article is None and (selectors.question_sla(case).answered_at is not None or bool(answer_text))
    publish_form = forms.get("publish_form") or PublishForm(initial=_publish_initial(case, answer_text))
    may_ask_back = case.status not in (WAITING, ANSWERED, CLOSED)
    events = selectors.question_conversation(case=case, public_only=False)
    context = {
        "case": case,
        "sla": selectors.question_sla(case),
        "status_label": workflow.label(case.status),
        "events": [(e, workflow.label(e.to_status)) for e in events],
        "attachments": case.attachments.order_by("uploaded_at", "id"),
        "handlers": selectors.helpdesk_handlers() if is_open else [],
        "answer_form": forms.get("answer_form", AnswerForm()) if is_open else None,
        "final_allowed": case.status != ANSWERED,
        "ask_back_form": forms.get("ask_back_form", AskBackForm()) if may_ask_back else None,
        "close_form": forms.get("close_form", CloseForm()) if is_open else None,
        "publish_form": publish_form if can_publish else None,
        "article": article,
    }
    return render(request, "helpdesk/handle.html", context, status=status)


@rules.allow(rules.HELPDESK_STAFF)
@require_GET
def handle(request: HttpRequest, reference: str) -> HttpResponse:
    case = selectors.question_get(user=request.user, reference=reference)
    return _handle_page(request, case)


def _done(request: HttpRequest, case: Case, message: str) -> HttpResponse:
    messages.success(request, message)
    return HttpResponseRedirect(_handle_url(case))


def _refused(request: HttpRequest, case: Case, exc: Exception) -> HttpResponse:
    text = " ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)
    messages.error(request, text)
    return HttpResponseRedirect(_handle_url(case))


@rules.allow(rules.HELPDESK_STAFF)
@require_POST
def assign(request: HttpRequest, reference: str) -> HttpResponse:
    case = selectors.question_get(user=request.user, reference=reference)
    if request.POST.get("action") == "claim":
        assignee: Any = request.user
    else:
        value = request.POST.get("assignee", "")
        assignee = User.objects.filter(pk=value).first() if value.isdigit() else None
        if assignee is None:
            return _refused(request, case, ValidationError(_("Kies een medewerker van de helpdesk.")))
    try:
        services.question_assign(case=case, actor=request.user, assignee=assignee)
    except (ValidationError, IllegalTransition) as exc:
        return _refused(request, case, exc)
    name = assignee.get_full_name() or assignee.username
    return _done(request, case, _("De vraag is toegewezen aan %(name)s.") % {"name": name})


@rules.allow(rules.HELPDESK_STAFF)
@require_POST
def answer(request: HttpRequest, reference: str) -> HttpResponse:
    case = selectors.question_get(user=request.user, reference=reference)
    form = AnswerForm(request.POST, request.FILES)
    final = request.POST.get("action") != "interim"
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.question_answer(
                case=case, actor=request.user, text=data["text"], final=final, uploads=data["attachments"]
            )
        except ValidationError as exc:
            form_errors_from(form, exc)
        except IllegalTransition as exc:
            form.add_error(None, str(exc))
        else:
            done = _("Het antwoord is verstuurd; de vraag is beantwoord.") if final else _("Je bericht is verstuurd.")
            return _done(request, case, done)
    case.refresh_from_db()
    return _handle_page(request, case, status=400, answer_form=form)


@rules.allow(rules.HELPDESK_STAFF)
@require_POST
def ask_back(request: HttpRequest, reference: str) -> HttpResponse:
    case = selectors.question_get(user=request.user, reference=reference)
    form = AskBackForm(request.POST)
    if form.is_valid():
        try:
            services.question_ask_back(case=case, actor=request.user, text=form.cleaned_data["text"])
        except ValidationError as exc:
            form_errors_from(form, exc)
        except IllegalTransition as exc:
            form.add_error(None, str(exc))
        else:
            return _done(request, case, _("Je vraag is verstuurd; de termijn staat stil tot het district antwoordt."))
    case.refresh_from_db()
    return _handle_page(request, case, status=400, ask_back_form=form)


@rules.allow(rules.HELPDESK_STAFF)
@require_POST
def close(request: HttpRequest, reference: str) -> HttpResponse:
    case = selectors.question_get(user=request.user, reference=reference)
    form = CloseForm(request.POST)
    form.is_valid()
    try:
        services.question_close(case=case, actor=request.user, text=form.cleaned_data.get("text", ""))
    except (ValidationError, IllegalTransition) as exc:
        return _refused(request, case, exc)
    return _done(request, case, _("De vraag is afgesloten."))


@rules.allow(rules.HELPDESK_STAFF)
@require_POST
def publish(request: HttpRequest, reference: str) -> HttpResponse:
    case = selectors.question_get(user=request.user, reference=reference)
    form = PublishForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            article = services.question_publish_answer(case=case, actor=request.user, **data)
        except ValidationError as exc:
            form_errors_from(form, exc)
        else:
            messages.success(request, _("Het antwoord staat in de kennisbank: %(title)s.") % {"title": article.title})
            return HttpResponseRedirect(_handle_url(case))
    case.refresh_from_db()
    return _handle_page(request, case, status=400, publish_form=form)
