"""Task pages: the task list, one task with its context, and the contact centre's callback list.

Views only translate HTTP: every read goes through ``internal_tasks`` (404 outside the user's
scope), every write is a POST to an ``internal_tasks`` service. A good POST redirects with a
Dutch message; bad input shows the page again with the error next to the field (status 400)
and keeps what was typed.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from loket.accounts import rules
from loket.cases import internal_tasks
from loket.cases.forms_tasks import ALL, AssignForm, CancelForm, ResultForm, TaskFilterForm, TaskFilters
from loket.cases.models import InternalTask
from loket.organisation.models import Team

PER_PAGE = 25


def _page(tasks: QuerySet[InternalTask], number: str | None) -> Page:
    return Paginator(tasks, PER_PAGE).get_page(number)


def _list_url(filters: TaskFilters, page: int = 1) -> str:
    query = {**filters.as_query(), **({"page": str(page)} if page > 1 else {})}
    return f"{reverse('cases:task-list')}?{urlencode(query)}"


def _filter_form(request: HttpRequest, teams: QuerySet[Team]) -> TaskFilterForm:
    data = request.GET.dict()
    team_id = getattr(request.user, "team_id", None)
    # Staff start on their own team's tasks; "alle teams" (team=) is an explicit choice.
    if "team" not in data and team_id and (own := teams.filter(pk=team_id).first()):
        data["team"] = own.slug
    return TaskFilterForm(data, teams=teams)


@rules.allow(rules.CASE_WORKERS)
@require_GET
def task_list(request: HttpRequest) -> HttpResponse:
    teams = internal_tasks.task_teams_visible_to(user=request.user)
    form = _filter_form(request, teams)
    filters = form.filters()
    tasks = internal_tasks.task_list(
        user=request.user,
        kind=filters.kind or None,
        status=None if filters.status == ALL else filters.status,
        team=teams.filter(slug=filters.team).first() if filters.team else None,
        overdue=True if filters.overdue else None,
    )
    page = _page(tasks, request.GET.get("page"))
    context = {
        "form": form,
        "page": page,
        "now": timezone.now(),
        "previous_url": _list_url(filters, page.number - 1) if page.has_previous() else "",
        "next_url": _list_url(filters, page.number + 1) if page.has_next() else "",
    }
    return render(request, "cases/task_list.html", context)


def _render_detail(request: HttpRequest, task: InternalTask, status: int = 200, **forms: Any) -> HttpResponse:
    colleagues = internal_tasks.task_colleagues(task=task)
    context = {
        "task": task,
        "is_open": task.status == InternalTask.Status.OPEN,
        "is_overdue": task.status == InternalTask.Status.OPEN and task.due_at < timezone.now(),
        "assign_form": forms.get("assign_form") or AssignForm(colleagues=colleagues),
        "result_form": forms.get("result_form") or ResultForm(),
        "cancel_form": forms.get("cancel_form") or CancelForm(),
    }
    return render(request, "cases/task_detail.html", context, status=status)


def _detail_url(task: InternalTask) -> str:
    return reverse("cases:task-detail", args=[task.pk])


@rules.allow(rules.CASE_WORKERS)
@require_GET
def task_detail(request: HttpRequest, task_id: int) -> HttpResponse:
    task = internal_tasks.task_get(user=request.user, task_id=task_id)
    internal_tasks.task_record_view(task=task, actor=request.user, request=request)
    return _render_detail(request, task)


def _refused(request: HttpRequest, task: InternalTask, exc: ValidationError) -> HttpResponse:
    messages.error(request, " ".join(exc.messages))
    return HttpResponseRedirect(_detail_url(task))


@rules.allow(rules.CASE_WORKERS)
@require_POST
def task_claim(request: HttpRequest, task_id: int) -> HttpResponse:
    task = internal_tasks.task_get(user=request.user, task_id=task_id)
    try:
        internal_tasks.task_assign(task=task, actor=request.user, assignee=request.user)
    except ValidationError as exc:
        return _refused(request, task, exc)
    messages.success(request, _("Je hebt deze taak opgenomen."))
    return HttpResponseRedirect(_detail_url(task))


@rules.allow(rules.CASE_WORKERS)
@require_POST
def task_assign(request: HttpRequest, task_id: int) -> HttpResponse:
    task = internal_tasks.task_get(user=request.user, task_id=task_id)
    form = AssignForm(request.POST, colleagues=internal_tasks.task_colleagues(task=task))
    if not form.is_valid():
        return _render_detail(request, task, status=400, assign_form=form)
    colleague = form.chosen()
    try:
        internal_tasks.task_assign(task=task, actor=request.user, assignee=colleague)
    except ValidationError as exc:
        return _refused(request, task, exc)
    name = colleague.get_full_name() or colleague.username
    messages.success(request, _("De taak is toegewezen aan %(name)s.") % {"name": name})
    return HttpResponseRedirect(_detail_url(task))


@rules.allow(rules.CASE_WORKERS)
@require_POST
def task_complete(request: HttpRequest, task_id: int) -> HttpResponse:
    task = internal_tasks.task_get(user=request.user, task_id=task_id)
    form = ResultForm(request.POST)
    if not form.is_valid():
        return _render_detail(request, task, status=400, result_form=form)
    try:
        internal_tasks.task_complete(task=task, actor=request.user, result=form.cleaned_data["result"])
    except ValidationError as exc:
        return _refused(request, task, exc)
    messages.success(request, _("De taak is afgehandeld."))
    return HttpResponseRedirect(_detail_url(task))


@rules.allow(rules.CASE_WORKERS)
@require_POST
def task_cancel(request: HttpRequest, task_id: int) -> HttpResponse:
    task = internal_tasks.task_get(user=request.user, task_id=task_id)
    form = CancelForm(request.POST)
    if not form.is_valid():
        return _render_detail(request, task, status=400, cancel_form=form)
    try:
        internal_tasks.task_cancel(task=task, actor=request.user, reason=form.cleaned_data["reason"])
    except ValidationError as exc:
        return _refused(request, task, exc)
    messages.success(request, _("De taak is geannuleerd."))
    return HttpResponseRedirect(_detail_url(task))


# --- The callback list ---------------------------------------------------------------------


def _callbacks(user: Any) -> QuerySet[InternalTask]:
    try:
        team = internal_tasks.contact_centre_team()
    except Team.DoesNotExist:
        return InternalTask.objects.none()
    return internal_tasks.task_list(
        user=user, kind=InternalTask.Kind.CALLBACK, status=InternalTask.Status.OPEN, team=team
    )


def _result_form(task: InternalTask, data: Any = None) -> ResultForm:
    return ResultForm(data, prefix=f"t{task.pk}")


def _render_callbacks(
    request: HttpRequest, *, page_number: str | None, failed: ResultForm | None = None, failed_id: int = 0
) -> HttpResponse:
    page = _page(_callbacks(request.user), page_number)
    rows = [(task, failed if task.pk == failed_id and failed else _result_form(task)) for task in page]
    internal_tasks.task_list_record_view(tasks=[task for task, _form in rows], actor=request.user, request=request)
    context = {
        "page": page,
        "rows": rows,
        "now": timezone.now(),
        "previous_url": f"?page={page.number - 1}" if page.has_previous() else "",
        "next_url": f"?page={page.number + 1}" if page.has_next() else "",
    }
    return render(request, "cases/callback_list.html", context, status=400 if failed else 200)


@rules.allow(rules.CASE_WORKERS)
@require_GET
def callback_list(request: HttpRequest) -> HttpResponse:
    return _render_callbacks(request, page_number=request.GET.get("page"))


@rules.allow(rules.CASE_WORKERS)
@require_POST
def callback_done(request: HttpRequest, task_id: int) -> HttpResponse:
    task = internal_tasks.task_get(user=request.user, task_id=task_id)
    if task.kind != InternalTask.Kind.CALLBACK:
        raise Http404(_("Deze taak is geen terugbelverzoek."))
    page_number = request.POST.get("page")
    form = _result_form(task, request.POST)
    if not form.is_valid():
        return _render_callbacks(request, page_number=page_number, failed=form, failed_id=task.pk)
    try:
        internal_tasks.task_complete(task=task, actor=request.user, result=form.cleaned_data["result"])
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        who = task.citizen.get_full_name() if task.citizen else task.phone
        messages.success(request, _("Teruggebeld: %(who)s. De taak is afgehandeld.") % {"who": who or task.phone})
    back = reverse("cases:callback-list")
    later_page = page_number and page_number.isdigit() and int(page_number) > 1
    return HttpResponseRedirect(f"{back}?page={page_number}" if later_page else back)
